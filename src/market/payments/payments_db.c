/*
 * payments_db.c: the SQL of the payments domain (payments_int.h). Named prepared statements
 * first, each with the index it uses, then one function per statement. Every statement names
 * the owner (user_id = ?). The payment_methods table has no column that could hold a card
 * number or a CVV.
 */
#include "market/payments/payments_int.h"

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "db/db.h"

/* clang-format off */

/* Uses the primary key of users: a row lock that serializes one owner's changes. */
static const char SQL_LOCK_OWNER[] =
    "SELECT id FROM users WHERE id = ? FOR UPDATE";

/* The columns of struct payment_method, in the order read_row() reads them. */
#define METHOD_COLUMNS                                                                      \
    "id, payment_type, card_brand, card_last_four, card_exp_month, card_exp_year,"          \
    " card_holder_name, is_default, is_active, created_at, updated_at"
#define METHOD_TYPES "lsssiisbbss"

/* Uses ix_payment_methods_user(user_id, ...): at most PAYMENT_METHOD_MAX_PER_USER rows, sorted
 * in memory. */
static const char SQL_LIST[] =
    "SELECT " METHOD_COLUMNS " FROM payment_methods WHERE user_id = ?"
    " ORDER BY is_default DESC, id DESC";

/* Uses ix_payment_methods_user(user_id, ...). */
static const char SQL_COUNT[] =
    "SELECT COUNT(*) FROM payment_methods WHERE user_id = ?";

/* Uses the primary key (the owner is checked on the row). */
static const char SQL_GET[] =
    "SELECT " METHOD_COLUMNS " FROM payment_methods WHERE id = ? AND user_id = ?";

/* Uses ix_payment_methods_user(user_id, is_default). */
static const char SQL_HAS_DEFAULT[] =
    "SELECT COUNT(*) FROM payment_methods WHERE user_id = ? AND is_default = 1 AND id <> ?";

/* Uses ix_payment_methods_user(user_id, is_default). */
static const char SQL_CLEAR_DEFAULT[] =
    "UPDATE payment_methods SET is_default = 0"
    " WHERE user_id = ? AND is_default = 1 AND id <> ?";

/* Writes the primary key, ix_payment_methods_user and uq_payment_methods_default (a second
 * default fails with 1062; callers clear the old one first under the owner's lock). */
static const char SQL_INSERT[] =
    "INSERT INTO payment_methods (user_id, payment_type, card_brand, card_last_four,"
    " card_exp_month, card_exp_year, card_holder_name, is_default)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

/* Uses the primary key (the owner is checked on the row). */
static const char SQL_SET_FLAGS[] =
    "UPDATE payment_methods SET is_default = ?, is_active = ? WHERE id = ? AND user_id = ?";

/* Uses the primary key (the owner is checked on the row). */
static const char SQL_SET_CARD[] =
    "UPDATE payment_methods SET card_exp_month = ?, card_exp_year = ?, card_holder_name = ?"
    " WHERE id = ? AND user_id = ?";

/* Uses the primary key (the owner is checked on the row). */
static const char SQL_DELETE[] =
    "DELETE FROM payment_methods WHERE id = ? AND user_id = ?";

/* clang-format on */

int payments_db_lock_owner(struct wm_ctx *ctx, int64_t user_id)
{
    int64_t id = 0;
    return db_query_one(ctx, SQL_LOCK_OWNER, "l", "l", user_id, &id);
}

/* The current row of res into m. Returns db_next()'s result. */
static int read_row(struct db_res *res, struct payment_method *m)
{
    int month = 0;
    int year = 0;
    int rc = db_next(res, METHOD_TYPES, &m->id, &m->payment_type, &m->card_brand,
                     &m->card_last_four, &month, &year, &m->card_holder_name, &m->is_default,
                     &m->is_active, &m->created_at, &m->updated_at);
    m->card_exp_month = month;
    m->card_exp_year = year;
    return rc;
}

int payments_db_method_list(struct wm_ctx *ctx, int64_t user_id, struct payment_method **out,
                            size_t *n)
{
    *out = NULL;
    *n = 0;
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_LIST, "l", user_id);
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    struct payment_method *list = ARENA_ARRAY(ctx->arena, struct payment_method, rows ? rows : 1);
    size_t i = 0;
    while (i < rows && (rc = read_row(res, &list[i])) == 1)
        i++;
    if (rc < 0) return rc;
    *out = list;
    *n = i;
    return WM_OK;
}

int payments_db_method_count(struct wm_ctx *ctx, int64_t user_id, int64_t *n)
{
    return db_query_one(ctx, SQL_COUNT, "l", "l", user_id, n);
}

int payments_db_method_get(struct wm_ctx *ctx, int64_t user_id, int64_t id,
                           struct payment_method *out)
{
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_GET, "ll", id, user_id);
    if (rc != WM_OK) return rc;
    rc = read_row(res, out);
    if (rc < 0) return rc;
    return rc == 1 ? WM_OK : WM_ENOTFOUND;
}

int payments_db_method_has_default(struct wm_ctx *ctx, int64_t user_id, int64_t except_id,
                                   bool *has)
{
    int64_t n = 0;
    int rc = db_query_one(ctx, SQL_HAS_DEFAULT, "ll", "l", user_id, except_id, &n);
    *has = rc == WM_OK && n > 0;
    return rc;
}

int payments_db_method_clear_default(struct wm_ctx *ctx, int64_t user_id, int64_t except_id)
{
    return db_exec(ctx, SQL_CLEAR_DEFAULT, "ll", user_id, except_id);
}

int payments_db_method_insert(struct wm_ctx *ctx, int64_t user_id, const struct payment_method *m,
                              int64_t *id)
{
    int rc = db_exec(ctx, SQL_INSERT, "lsssiisb", user_id, m->payment_type, m->card_brand,
                     m->card_last_four, (int)m->card_exp_month, (int)m->card_exp_year,
                     m->card_holder_name, (int)m->is_default);
    *id = rc == WM_OK ? db_insert_id(ctx) : 0;
    return rc;
}

int payments_db_method_set_flags(struct wm_ctx *ctx, int64_t user_id, int64_t id, bool is_default,
                                 bool is_active)
{
    return db_exec(ctx, SQL_SET_FLAGS, "bbll", (int)is_default, (int)is_active, id, user_id);
}

int payments_db_method_set_card(struct wm_ctx *ctx, int64_t user_id, int64_t id, int exp_month,
                                int exp_year, const char *holder_name)
{
    return db_exec(ctx, SQL_SET_CARD, "iisll", exp_month, exp_year, holder_name, id, user_id);
}

int payments_db_method_delete(struct wm_ctx *ctx, int64_t user_id, int64_t id, bool *deleted)
{
    int rc = db_exec(ctx, SQL_DELETE, "ll", id, user_id);
    *deleted = rc == WM_OK && db_affected_rows(ctx) > 0;
    return rc;
}
