/*
 * addresses_db.c: the SQL of the addresses domain (addresses_int.h). Named prepared statements
 * first, each with the index it uses, then one function per statement. Every statement names
 * the owner (user_id = ?), so no call can reach another user's rows.
 */
#include "market/addresses/addresses_int.h"

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "db/db.h"

/* clang-format off */

/* Uses the primary key of users: a row lock that serializes one owner's address changes. */
static const char SQL_LOCK_OWNER[] =
    "SELECT id FROM users WHERE id = ? FOR UPDATE";

/* The columns of struct address, in the order read_row() reads them. */
#define ADDRESS_COLUMNS                                                                       \
    "id, name, phone_number, street_address, city, state, country, postal_code, address_type," \
    " is_default, latitude IS NOT NULL, IFNULL(latitude, 0), longitude IS NOT NULL,"         \
    " IFNULL(longitude, 0), instructions, created_at, updated_at"
#define ADDRESS_TYPES "lssssssssbbfbfsss"

/* Uses ix_addresses_user(user_id, ...): a range of at most ADDRESS_MAX_PER_USER rows, sorted
 * in memory. */
static const char SQL_LIST[] =
    "SELECT " ADDRESS_COLUMNS " FROM addresses WHERE user_id = ?"
    " ORDER BY is_default DESC, id DESC";

/* Uses ix_addresses_user(user_id, ...). */
static const char SQL_COUNT[] =
    "SELECT COUNT(*) FROM addresses WHERE user_id = ?";

/* Uses the primary key (the owner is checked on the row). */
static const char SQL_GET[] =
    "SELECT " ADDRESS_COLUMNS " FROM addresses WHERE id = ? AND user_id = ?";

/* Uses uq_addresses_default(user_id, default_type): a point lookup. */
static const char SQL_HAS_DEFAULT[] =
    "SELECT COUNT(*) FROM addresses WHERE user_id = ? AND default_type = ? AND id <> ?";

/* Uses uq_addresses_default(user_id, default_type). */
static const char SQL_CLEAR_DEFAULT[] =
    "UPDATE addresses SET is_default = 0"
    " WHERE user_id = ? AND default_type = ? AND id <> ?";

/* Writes the primary key, ix_addresses_user and uq_addresses_default (a second default of a
 * type fails with 1062; the callers clear the old one first under the owner's lock). */
static const char SQL_INSERT[] =
    "INSERT INTO addresses (user_id, name, phone_number, street_address, city, state, country,"
    " postal_code, address_type, is_default, latitude, longitude, instructions)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, IF(?, ?, NULL), IF(?, ?, NULL), ?)";

/* Uses the primary key (the owner is checked on the row). */
static const char SQL_UPDATE[] =
    "UPDATE addresses SET name = ?, phone_number = ?, street_address = ?, city = ?, state = ?,"
    " country = ?, postal_code = ?, address_type = ?, is_default = ?,"
    " latitude = IF(?, ?, NULL), longitude = IF(?, ?, NULL), instructions = ?"
    " WHERE id = ? AND user_id = ?";

/* Uses the primary key (the owner is checked on the row). */
static const char SQL_DELETE[] =
    "DELETE FROM addresses WHERE id = ? AND user_id = ?";

/* clang-format on */

int addresses_db_lock_owner(struct wm_ctx *ctx, int64_t user_id)
{
    int64_t id = 0;
    return db_query_one(ctx, SQL_LOCK_OWNER, "l", "l", user_id, &id);
}

/* The current row of res into a. Returns db_next()'s result. */
static int read_row(struct db_res *res, struct address *a)
{
    return db_next(res, ADDRESS_TYPES, &a->id, &a->name, &a->phone_number, &a->street_address,
                   &a->city, &a->state, &a->country, &a->postal_code, &a->address_type,
                   &a->is_default, &a->has_latitude, &a->latitude, &a->has_longitude, &a->longitude,
                   &a->instructions, &a->created_at, &a->updated_at);
}

int addresses_db_list(struct wm_ctx *ctx, int64_t user_id, struct address **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_LIST, "l", user_id);
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    struct address *list = ARENA_ARRAY(ctx->arena, struct address, rows ? rows : 1);
    size_t i = 0;
    while (i < rows && (rc = read_row(res, &list[i])) == 1)
        i++;
    if (rc < 0) return rc;
    *out = list;
    *n = i;
    return WM_OK;
}

int addresses_db_count(struct wm_ctx *ctx, int64_t user_id, int64_t *n)
{
    return db_query_one(ctx, SQL_COUNT, "l", "l", user_id, n);
}

int addresses_db_get(struct wm_ctx *ctx, int64_t user_id, int64_t id, struct address *out)
{
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_GET, "ll", id, user_id);
    if (rc != WM_OK) return rc;
    rc = read_row(res, out);
    if (rc < 0) return rc;
    return rc == 1 ? WM_OK : WM_ENOTFOUND;
}

int addresses_db_has_default(struct wm_ctx *ctx, int64_t user_id, const char *type,
                             int64_t except_id, bool *has)
{
    int64_t n = 0;
    int rc = db_query_one(ctx, SQL_HAS_DEFAULT, "lsl", "l", user_id, type, except_id, &n);
    *has = rc == WM_OK && n > 0;
    return rc;
}

int addresses_db_clear_default(struct wm_ctx *ctx, int64_t user_id, const char *type,
                               int64_t except_id)
{
    return db_exec(ctx, SQL_CLEAR_DEFAULT, "lsl", user_id, type, except_id);
}

int addresses_db_insert(struct wm_ctx *ctx, int64_t user_id, const struct address *a, int64_t *id)
{
    int rc = db_exec(ctx, SQL_INSERT, "lssssssssbbfbfs", user_id, a->name, a->phone_number,
                     a->street_address, a->city, a->state, a->country, a->postal_code,
                     a->address_type, (int)a->is_default, (int)a->has_latitude, a->latitude,
                     (int)a->has_longitude, a->longitude, a->instructions);
    *id = rc == WM_OK ? db_insert_id(ctx) : 0;
    return rc;
}

int addresses_db_update(struct wm_ctx *ctx, int64_t user_id, const struct address *a)
{
    return db_exec(ctx, SQL_UPDATE, "ssssssssbbfbfsll", a->name, a->phone_number, a->street_address,
                   a->city, a->state, a->country, a->postal_code, a->address_type,
                   (int)a->is_default, (int)a->has_latitude, a->latitude, (int)a->has_longitude,
                   a->longitude, a->instructions, a->id, user_id);
}

int addresses_db_delete(struct wm_ctx *ctx, int64_t user_id, int64_t id, bool *deleted)
{
    int rc = db_exec(ctx, SQL_DELETE, "ll", id, user_id);
    *deleted = rc == WM_OK && db_affected_rows(ctx) > 0;
    return rc;
}
