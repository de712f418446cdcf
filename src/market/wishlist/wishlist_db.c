/*
 * wishlist_db.c: the SQL of the wishlist domain (wishlist_int.h). Named prepared statements
 * first, each with the index it uses, then one function per statement. Every statement names
 * the owner (user_id = ?).
 */
#include "market/wishlist/wishlist_int.h"

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "db/db.h"

/* clang-format off */

/* Uses the primary key of users: a row lock that serializes one owner's wishlist writes. */
static const char SQL_LOCK_OWNER[] =
    "SELECT id FROM users WHERE id = ? FOR UPDATE";

/* Uses uq_wishlist_items_product(user_id, ...): at most WISHLIST_MAX_ITEMS rows, sorted in
 * memory. */
static const char SQL_LIST[] =
    "SELECT id, product_id, created_at FROM wishlist_items WHERE user_id = ? ORDER BY id DESC";

/* Uses uq_wishlist_items_product(user_id, product_id): a point lookup. */
static const char SQL_GET[] =
    "SELECT id, product_id, created_at FROM wishlist_items WHERE user_id = ? AND product_id = ?";

/* Uses uq_wishlist_items_product(user_id, ...): index only. */
static const char SQL_COUNT[] =
    "SELECT COUNT(*) FROM wishlist_items WHERE user_id = ?";

/* Writes the primary key, uq_wishlist_items_product and ix_wishlist_items_product. */
static const char SQL_INSERT[] =
    "INSERT INTO wishlist_items (user_id, product_id) VALUES (?, ?)";

/* Uses uq_wishlist_items_product(user_id, product_id). */
static const char SQL_DELETE[] =
    "DELETE FROM wishlist_items WHERE user_id = ? AND product_id = ?";

/* Uses uq_wishlist_items_product(user_id, product_id): index only, in product order; at most
 * WISHLIST_MAX_ITEMS rows. */
static const char SQL_PRODUCT_IDS[] =
    "SELECT product_id FROM wishlist_items WHERE user_id = ? ORDER BY product_id";

/* clang-format on */

int wishlist_db_lock_owner(struct wm_ctx *ctx, int64_t user_id)
{
    int64_t id = 0;
    return db_query_one(ctx, SQL_LOCK_OWNER, "l", "l", user_id, &id);
}

int wishlist_db_list(struct wm_ctx *ctx, int64_t user_id, struct wishlist_item **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_LIST, "l", user_id);
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    struct wishlist_item *list = ARENA_ARRAY(ctx->arena, struct wishlist_item, rows ? rows : 1);
    size_t i = 0;
    while (i < rows &&
           (rc = db_next(res, "lls", &list[i].id, &list[i].product_id, &list[i].created_at)) == 1)
        i++;
    if (rc < 0) return rc;
    *out = list;
    *n = i;
    return WM_OK;
}

int wishlist_db_get(struct wm_ctx *ctx, int64_t user_id, int64_t product_id,
                    struct wishlist_item *out)
{
    return db_query_one(ctx, SQL_GET, "ll", "lls", user_id, product_id, &out->id, &out->product_id,
                        &out->created_at);
}

int wishlist_db_count(struct wm_ctx *ctx, int64_t user_id, int64_t *n)
{
    return db_query_one(ctx, SQL_COUNT, "l", "l", user_id, n);
}

int wishlist_db_insert(struct wm_ctx *ctx, int64_t user_id, int64_t product_id)
{
    return db_exec(ctx, SQL_INSERT, "ll", user_id, product_id);
}

int wishlist_db_delete(struct wm_ctx *ctx, int64_t user_id, int64_t product_id, bool *deleted)
{
    int rc = db_exec(ctx, SQL_DELETE, "ll", user_id, product_id);
    *deleted = rc == WM_OK && db_affected_rows(ctx) > 0;
    return rc;
}

int wishlist_db_product_ids(struct wm_ctx *ctx, int64_t user_id, int64_t **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_PRODUCT_IDS, "l", user_id);
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    int64_t *ids = ARENA_ARRAY(ctx->arena, int64_t, rows ? rows : 1);
    size_t i = 0;
    while (i < rows && (rc = db_next(res, "l", &ids[i])) == 1)
        i++;
    if (rc < 0) return rc;
    *out = ids;
    *n = i;
    return WM_OK;
}
