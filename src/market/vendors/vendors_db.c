/*
 * vendors_db.c: the SQL of the vendors domain (vendors_int.h). Named prepared statements
 * first, each with the index it uses, then one function per statement. Every read joins the
 * owner and requires an active shop of an active VENDOR account, so no other row is readable.
 */
#include "market/vendors/vendors_int.h"

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "db/db.h"

/* clang-format off */

/* The columns of struct vendor, in the order read_row() reads them. */
#define VENDOR_COLUMNS                                                                        \
    "v.id, v.user_id, v.shop_name, v.slug, v.description, v.logo_url, v.banner_url,"          \
    " v.contact_email, v.contact_phone, v.street_address, v.city, v.state, v.postal_code,"    \
    " v.country, v.min_order_minor, v.currency, CAST(v.rating AS DOUBLE), v.review_count,"    \
    " v.is_verified, v.created_at, u.first_name, u.last_name"
#define VENDOR_TYPES "llssssssssssssls" "fibsss"
#define VENDOR_READABLE \
    " JOIN users u ON u.id = v.user_id AND u.account_type = 'VENDOR' AND u.is_active = 1" \
    " WHERE v.is_active = 1"

/* Uses the primary key of vendors and of users. */
static const char SQL_GET[] =
    "SELECT " VENDOR_COLUMNS " FROM vendors v" VENDOR_READABLE " AND v.id = ?";

/* Uses uq_vendors_user(user_id). */
static const char SQL_OF_USER[] =
    "SELECT " VENDOR_COLUMNS " FROM vendors v" VENDOR_READABLE " AND v.user_id = ?";

/* One statement for any number of ids: the JSON array becomes a derived table joined on the
 * primary key (eq_ref per id). */
static const char SQL_GET_MANY[] =
    "SELECT " VENDOR_COLUMNS " FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT PATH '$')) AS j"
    " JOIN vendors v ON v.id = j.id" VENDOR_READABLE;

/* Uses ix_products_vendor(vendor_id, status, ...) for the shop's active products, the primary
 * key of categories, and ix_categories_parent for the departments (children of the roots). */
static const char SQL_DEPARTMENTS[] =
    "SELECT DISTINCT COALESCE(d.name, c.name) AS dep FROM products p"
    " JOIN categories c ON c.id = p.category_id"
    " LEFT JOIN categories d ON d.parent_id IN (SELECT r.id FROM categories r"
    " WHERE r.parent_id IS NULL) AND c.lft BETWEEN d.lft AND d.rgt"
    " WHERE p.vendor_id = ? AND p.status = 'active' ORDER BY dep";

/* Uses uq_vendors_user(user_id): the shop row in any state, locked for the write. */
static const char SQL_SHOP_ACTIVE[] =
    "SELECT is_active FROM vendors WHERE user_id = ? FOR UPDATE";

/* Primary key; uq_vendors_user and uq_vendors_slug refuse a second shop or a taken slug. */
static const char SQL_INSERT[] =
    "INSERT INTO vendors (user_id, shop_name, slug) VALUES (?, ?, ?)";

/* Uses uq_vendors_user(user_id). A NULL parameter keeps its column. */
static const char SQL_UPDATE_SETTINGS[] =
    "UPDATE vendors SET shop_name = COALESCE(?, shop_name), description = COALESCE(?, description),"
    " logo_url = COALESCE(?, logo_url), banner_url = COALESCE(?, banner_url),"
    " contact_email = COALESCE(?, contact_email), contact_phone = COALESCE(?, contact_phone),"
    " street_address = COALESCE(?, street_address), city = COALESCE(?, city),"
    " country = COALESCE(?, country), postal_code = COALESCE(?, postal_code)"
    " WHERE user_id = ?";

/* clang-format on */

static int read_row(struct db_res *res, struct vendor *v)
{
    return db_next(res, VENDOR_TYPES, &v->id, &v->user_id, &v->shop_name, &v->slug, &v->description,
                   &v->logo_url, &v->banner_url, &v->contact_email, &v->contact_phone,
                   &v->street_address, &v->city, &v->state, &v->postal_code, &v->country,
                   &v->min_order_minor, &v->currency, &v->rating, &v->review_count, &v->is_verified,
                   &v->created_at, &v->owner_first_name, &v->owner_last_name);
}

/* The one row of a statement by a unique key into *out; WM_ENOTFOUND when there is none. */
static int get_one(struct wm_ctx *ctx, const char *sql, int64_t key, struct vendor *out)
{
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, sql, "l", key);
    if (rc != WM_OK) return rc;
    rc = read_row(res, out);
    if (rc < 0) return rc;
    return rc == 1 ? WM_OK : WM_ENOTFOUND;
}

int vendors_db_get(struct wm_ctx *ctx, int64_t id, struct vendor *out)
{
    return get_one(ctx, SQL_GET, id, out);
}

int vendors_db_of_user(struct wm_ctx *ctx, int64_t user_id, struct vendor *out)
{
    return get_one(ctx, SQL_OF_USER, user_id, out);
}

int vendors_db_get_many(struct wm_ctx *ctx, const char *ids_json, struct vendor **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_GET_MANY, "s", ids_json);
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    struct vendor *list = ARENA_ARRAY(ctx->arena, struct vendor, rows ? rows : 1);
    size_t i = 0;
    while (i < rows && (rc = read_row(res, &list[i])) == 1)
        i++;
    if (rc < 0) return rc;
    *out = list;
    *n = i;
    return WM_OK;
}

int vendors_db_departments(struct wm_ctx *ctx, int64_t vendor_id, char ***out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_DEPARTMENTS, "l", vendor_id);
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    char **names = ARENA_ARRAY(ctx->arena, char *, rows ? rows : 1);
    size_t i = 0;
    while (i < rows && (rc = db_next(res, "s", &names[i])) == 1)
        i++;
    if (rc < 0) return rc;
    *out = names;
    *n = i;
    return WM_OK;
}

int vendors_db_shop_active(struct wm_ctx *ctx, int64_t user_id, bool *active)
{
    return db_query_one(ctx, SQL_SHOP_ACTIVE, "l", "b", user_id, active);
}

int vendors_db_insert(struct wm_ctx *ctx, int64_t user_id, const char *shop_name, const char *slug)
{
    return db_exec(ctx, SQL_INSERT, "lss", user_id, shop_name, slug);
}

int vendors_db_update_settings(struct wm_ctx *ctx, int64_t user_id, const struct shop_settings *in)
{
    return db_exec(ctx, SQL_UPDATE_SETTINGS, "ssssssssssl", in->shop_name, in->description,
                   in->logo_url, in->banner_url, in->contact_email, in->contact_phone,
                   in->street_address, in->city, in->country, in->postal_code, user_id);
}
