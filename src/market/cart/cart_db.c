/*
 * cart_db.c: the SQL of the cart domain (cart_int.h). Named prepared statements first, each
 * with the index it uses, then one function per statement. Every statement on cart_items names
 * the cart (cart_id = ?), and carts are found by their owner.
 */
#include "market/cart/cart_int.h"

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "db/db.h"

/* clang-format off */

/* Uses uq_carts_user(user_id): a point lookup. */
static const char SQL_FIND[] =
    "SELECT id, merge_notice FROM carts WHERE user_id = ?";

/* Uses uq_carts_token(token_hash): a point lookup (SHA2 of a bound value is a constant). */
static const char SQL_FIND_TOKEN[] =
    "SELECT id FROM carts WHERE token_hash = SHA2(?, 256) AND expires_at > NOW(6)";

/* Uses uq_carts_user(user_id): inserts the cart or, when it exists, clears its merge notice
 * and makes LAST_INSERT_ID() its id; either way the row stays locked until the transaction
 * ends. */
static const char SQL_LOCK[] =
    "INSERT INTO carts (user_id) VALUES (?)"
    " ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), merge_notice = NULL";

/* Uses the primary key. */
static const char SQL_SET_NOTICE[] =
    "UPDATE carts SET merge_notice = ? WHERE id = ?";

/* Uses uq_carts_token(token_hash): an expired anonymous cart of the token goes first, so a
 * write never brings its lines back. */
static const char SQL_DROP_EXPIRED_TOKEN[] =
    "DELETE FROM carts WHERE token_hash = SHA2(?, 256) AND expires_at <= NOW(6)";

/* Uses uq_carts_token(token_hash): as SQL_LOCK, and pushes the expiry back. */
static const char SQL_LOCK_TOKEN[] =
    "INSERT INTO carts (token_hash, expires_at) VALUES (SHA2(?, 256), NOW(6) + INTERVAL ? SECOND)"
    " ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), expires_at = VALUES(expires_at)";

/* Uses the primary key. */
static const char SQL_TOUCH[] =
    "UPDATE carts SET expires_at = NOW(6) + INTERVAL ? SECOND WHERE id = ? AND token_hash IS NOT NULL";

/* Uses uq_carts_token(token_hash): a point lookup that locks the row. */
static const char SQL_LOCK_ANONYMOUS[] =
    "SELECT id FROM carts WHERE token_hash = SHA2(?, 256) AND expires_at > NOW(6) FOR UPDATE";

/* Uses the primary key; the lines go by fk_cart_items_cart's cascade. */
static const char SQL_DELETE_CART[] =
    "DELETE FROM carts WHERE id = ?";

/* Uses ix_carts_expires(expires_at): a range over the expired anonymous carts only (users'
 * carts have NULL). */
static const char SQL_GC[] =
    "DELETE FROM carts WHERE expires_at < NOW(6) ORDER BY expires_at LIMIT ?";

#define LINE_COLUMNS "id, product_id, quantity, created_at"
#define LINE_TYPES   "llis"

/* Uses uq_cart_items_product(cart_id, ...): the cart's lines, at most CART_MAX_LINES. */
static const char SQL_LINES[] =
    "SELECT " LINE_COLUMNS " FROM cart_items WHERE cart_id = ? ORDER BY id";

/* Uses the primary key (the cart is checked on the row). */
static const char SQL_LINE_GET[] =
    "SELECT " LINE_COLUMNS " FROM cart_items WHERE id = ? AND cart_id = ?";

/* Uses uq_cart_items_product(cart_id, product_id): a point lookup. */
static const char SQL_LINE_OF_PRODUCT[] =
    "SELECT " LINE_COLUMNS " FROM cart_items WHERE cart_id = ? AND product_id = ?";

/* Uses uq_cart_items_product(cart_id, ...): index only. */
static const char SQL_COUNT[] =
    "SELECT COUNT(*) FROM cart_items WHERE cart_id = ?";

/* Writes the primary key, uq_cart_items_product and ix_cart_items_product. */
static const char SQL_INSERT[] =
    "INSERT INTO cart_items (cart_id, product_id, quantity) VALUES (?, ?, ?)";

/* Uses the primary key (the cart is checked on the row). */
static const char SQL_SET_QUANTITY[] =
    "UPDATE cart_items SET quantity = ? WHERE id = ? AND cart_id = ?";

/* Uses the primary key (the cart is checked on the row). */
static const char SQL_DELETE[] =
    "DELETE FROM cart_items WHERE id = ? AND cart_id = ?";

/* Uses uq_cart_items_product(cart_id, ...). */
static const char SQL_CLEAR[] =
    "DELETE FROM cart_items WHERE cart_id = ?";

/* Uses uq_cart_items_product(cart_id, ...) for the cart's lines (at most CART_MAX_LINES), then
 * the primary key of products per line. */
static const char SQL_OTHER_CURRENCY[] =
    "SELECT p.currency, p.name FROM cart_items ci JOIN products p ON p.id = ci.product_id"
    " WHERE ci.cart_id = ? AND ci.product_id <> ? AND p.currency <> ? ORDER BY ci.id LIMIT 1";

/* The ids as a derived table (JSON_TABLE), joined on primary keys. */
#define IDS_TABLE "JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT PATH '$')) AS j"

/* Uses the primary key of product_price_tiers (product_id, min_qty): a range per product. */
static const char SQL_TIERS[] =
    "SELECT t.product_id, t.min_qty, t.unit_price_minor FROM " IDS_TABLE
    " JOIN product_price_tiers t ON t.product_id = j.id ORDER BY t.product_id, t.min_qty";

/* Uses the primary key of product_account_prices (product_id, account_type): eq_ref per id. */
static const char SQL_ACCOUNT_PRICES[] =
    "SELECT a.product_id, a.unit_price_minor FROM " IDS_TABLE
    " JOIN product_account_prices a ON a.product_id = j.id AND a.account_type = ?";

/* Uses the primary key of users. */
static const char SQL_ACCOUNT_TYPE[] =
    "SELECT account_type FROM users WHERE id = ?";

/* clang-format on */

int cart_db_find(struct wm_ctx *ctx, const struct cart_owner *owner, int64_t *cart_id,
                 char **notice)
{
    *notice = NULL;
    if (owner->user_id > 0)
        return db_query_one(ctx, SQL_FIND, "l", "ls", owner->user_id, cart_id, notice);
    return db_query_one(ctx, SQL_FIND_TOKEN, "s", "l", owner->token, cart_id);
}

int cart_db_set_notice(struct wm_ctx *ctx, int64_t cart_id, const char *notice)
{
    return db_exec(ctx, SQL_SET_NOTICE, "sl", notice, cart_id);
}

int cart_db_lock(struct wm_ctx *ctx, const struct cart_owner *owner, int64_t *cart_id)
{
    int rc;
    if (owner->user_id > 0) {
        rc = db_exec(ctx, SQL_LOCK, "l", owner->user_id);
    } else {
        rc = db_exec(ctx, SQL_DROP_EXPIRED_TOKEN, "s", owner->token);
        if (rc == WM_OK) rc = db_exec(ctx, SQL_LOCK_TOKEN, "sl", owner->token, CART_ANON_TTL);
    }
    *cart_id = rc == WM_OK ? db_insert_id(ctx) : 0;
    if (rc == WM_OK && *cart_id <= 0)
        return wm_errorf(ctx, WM_EINTERNAL, "cart of user '%lld' has no id",
                         (long long)owner->user_id);
    return rc;
}

int cart_db_lock_anonymous(struct wm_ctx *ctx, const char *token, int64_t *cart_id)
{
    return db_query_one(ctx, SQL_LOCK_ANONYMOUS, "s", "l", token, cart_id);
}

int cart_db_delete_cart(struct wm_ctx *ctx, int64_t cart_id)
{
    return db_exec(ctx, SQL_DELETE_CART, "l", cart_id);
}

int cart_db_gc(struct wm_ctx *ctx, int64_t limit, int64_t *removed)
{
    int rc = db_exec(ctx, SQL_GC, "l", limit);
    *removed = rc == WM_OK ? (int64_t)db_affected_rows(ctx) : 0;
    return rc;
}

static int read_line(struct db_res *res, struct cart_line *l)
{
    return db_next(res, LINE_TYPES, &l->id, &l->product_id, &l->quantity, &l->created_at);
}

int cart_db_lines(struct wm_ctx *ctx, int64_t cart_id, struct cart_line **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_LINES, "l", cart_id);
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    struct cart_line *list = ARENA_ARRAY(ctx->arena, struct cart_line, rows ? rows : 1);
    size_t i = 0;
    while (i < rows && (rc = read_line(res, &list[i])) == 1)
        i++;
    if (rc < 0) return rc;
    *out = list;
    *n = i;
    return WM_OK;
}

/* The one row of res into out: WM_OK, WM_ENOTFOUND or db_next()'s error. */
static int one_line(struct db_res *res, struct cart_line *out)
{
    int rc = read_line(res, out);
    if (rc < 0) return rc;
    return rc == 1 ? WM_OK : WM_ENOTFOUND;
}

int cart_db_line_get(struct wm_ctx *ctx, int64_t cart_id, int64_t id, struct cart_line *out)
{
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_LINE_GET, "ll", id, cart_id);
    return rc == WM_OK ? one_line(res, out) : rc;
}

int cart_db_line_of_product(struct wm_ctx *ctx, int64_t cart_id, int64_t product_id,
                            struct cart_line *out)
{
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_LINE_OF_PRODUCT, "ll", cart_id, product_id);
    return rc == WM_OK ? one_line(res, out) : rc;
}

int cart_db_count(struct wm_ctx *ctx, int64_t cart_id, int64_t *n)
{
    return db_query_one(ctx, SQL_COUNT, "l", "l", cart_id, n);
}

int cart_db_insert(struct wm_ctx *ctx, int64_t cart_id, int64_t product_id, int32_t quantity,
                   int64_t *id)
{
    int rc = db_exec(ctx, SQL_INSERT, "lli", cart_id, product_id, (int)quantity);
    *id = rc == WM_OK ? db_insert_id(ctx) : 0;
    return rc;
}

int cart_db_set_quantity(struct wm_ctx *ctx, int64_t cart_id, int64_t id, int32_t quantity)
{
    return db_exec(ctx, SQL_SET_QUANTITY, "ill", (int)quantity, id, cart_id);
}

int cart_db_delete(struct wm_ctx *ctx, int64_t cart_id, int64_t id, bool *deleted)
{
    int rc = db_exec(ctx, SQL_DELETE, "ll", id, cart_id);
    *deleted = rc == WM_OK && db_affected_rows(ctx) > 0;
    return rc;
}

int cart_db_clear(struct wm_ctx *ctx, int64_t cart_id)
{
    return db_exec(ctx, SQL_CLEAR, "l", cart_id);
}

int cart_db_other_currency(struct wm_ctx *ctx, int64_t cart_id, int64_t product_id,
                           const char *currency, char **other, char **name)
{
    *other = NULL;
    *name = NULL;
    int rc = db_query_one(ctx, SQL_OTHER_CURRENCY, "lls", "ss", cart_id, product_id, currency,
                          other, name);
    return rc == WM_ENOTFOUND ? WM_OK : rc;
}

int cart_db_tiers(struct wm_ctx *ctx, const char *ids_json, struct cart_tier_row **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_TIERS, "s", ids_json);
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    struct cart_tier_row *list = ARENA_ARRAY(ctx->arena, struct cart_tier_row, rows ? rows : 1);
    size_t i = 0;
    while (i < rows && (rc = db_next(res, "lil", &list[i].product_id, &list[i].tier.min_qty,
                                     &list[i].tier.unit_price_minor)) == 1)
        i++;
    if (rc < 0) return rc;
    *out = list;
    *n = i;
    return WM_OK;
}

int cart_db_account_prices(struct wm_ctx *ctx, const char *ids_json, const char *account_type,
                           struct cart_account_price_row **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_ACCOUNT_PRICES, "ss", ids_json, account_type);
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    struct cart_account_price_row *list =
            ARENA_ARRAY(ctx->arena, struct cart_account_price_row, rows ? rows : 1);
    size_t i = 0;
    while (i < rows &&
           (rc = db_next(res, "ll", &list[i].product_id, &list[i].unit_price_minor)) == 1)
        i++;
    if (rc < 0) return rc;
    *out = list;
    *n = i;
    return WM_OK;
}

int cart_db_account_type(struct wm_ctx *ctx, int64_t user_id, char **out)
{
    return db_query_one(ctx, SQL_ACCOUNT_TYPE, "l", "s", user_id, out);
}

int cart_db_touch(struct wm_ctx *ctx, int64_t cart_id)
{
    return db_exec(ctx, SQL_TOUCH, "ll", CART_ANON_TTL, cart_id);
}
