/*
 * inventory_db.c: the SQL of the inventory domain (inventory_int.h). Named prepared statements
 * first, each with the index it uses, then one function per statement. The item list is
 * assembled from static fragments (filters x sorts x directions x search) and prepared once per
 * shape (db_intern); values are always bound.
 */
#include "market/inventory/inventory_int.h"

#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "db/db.h"

/* clang-format off */

#define STRINGIFY_(x) #x
#define STRINGIFY(x)  STRINGIFY_(x)

/* The columns of struct inventory_item as the derived table x names them. A product's stock,
 * first image and latest variant change are correlated subqueries on ix_product_variants_product
 * and ix_product_images_product; a shop's products come from ix_products_vendor. */
#define ITEM_SELECT                                                                           \
    "SELECT p.id, p.name, c.name AS category, p.status, p.price_minor, p.currency,"           \
    " CAST((SELECT COALESCE(SUM(v.stock), 0) FROM product_variants v"                         \
    " WHERE v.product_id = p.id) AS SIGNED) AS stock,"                                        \
    " COALESCE(t.low_stock_threshold, " STRINGIFY(INVENTORY_LOW_STOCK_DEFAULT) ") AS threshold," \
    " (SELECT i.url FROM product_images i WHERE i.product_id = p.id"                          \
    " ORDER BY i.position, i.id LIMIT 1) AS image,"                                           \
    " GREATEST(p.updated_at, COALESCE(t.updated_at, p.updated_at),"                           \
    " COALESCE((SELECT MAX(v.updated_at) FROM product_variants v WHERE v.product_id = p.id),"  \
    " p.updated_at)) AS last_updated, p.sales, p.views"                                       \
    " FROM products p JOIN categories c ON c.id = p.category_id"                              \
    " LEFT JOIN inventory_thresholds t ON t.product_id = p.id"
#define ITEM_TYPES "lsssls" "iissll"

static const char SQL_ITEM[] = ITEM_SELECT " WHERE p.vendor_id = ? AND p.id = ?";

/* The list: ITEM_SELECT of the shop (optionally searched by name or SKU) as x, then a filter
 * on x, an order and a window. */
static const char SQL_LIST_HEAD[] = "SELECT x.* FROM (" ITEM_SELECT " WHERE p.vendor_id = ?";
static const char SQL_LIST_SEARCH[] =
    " AND (p.name LIKE ? OR EXISTS (SELECT 1 FROM product_variants s"
    " WHERE s.product_id = p.id AND s.sku LIKE ?))";
static const char *const SQL_LIST_FILTER[INV_FILTER_COUNT] = {
    [INV_FILTER_ALL] = ") x WHERE x.status <> 'archived'",
    [INV_FILTER_ACTIVE] = ") x WHERE x.status = 'active'",
    [INV_FILTER_INACTIVE] = ") x WHERE x.status = 'draft'",
    [INV_FILTER_ARCHIVED] = ") x WHERE x.status = 'archived'",
    [INV_FILTER_LOW_STOCK] =
        ") x WHERE x.status <> 'archived' AND x.stock > 0 AND x.stock <= x.threshold",
    [INV_FILTER_OUT_OF_STOCK] = ") x WHERE x.status <> 'archived' AND x.stock = 0",
    [INV_FILTER_IN_STOCK] = ") x WHERE x.status <> 'archived' AND x.stock > 0",
};
static const char *const SQL_LIST_ORDER[INV_SORT_COUNT] = {
    [INV_SORT_NAME] = " ORDER BY x.name",
    [INV_SORT_STOCK] = " ORDER BY x.stock",
    [INV_SORT_PRICE] = " ORDER BY x.price_minor",
    [INV_SORT_UPDATED] = " ORDER BY x.last_updated",
    [INV_SORT_SALES] = " ORDER BY x.sales",
    [INV_SORT_VIEWS] = " ORDER BY x.views",
};
static const char SQL_LIST_TAIL[] = ", x.id LIMIT ? OFFSET ?";

/* Uses ix_product_variants_product, the primary key of sizes. */
static const char SQL_VARIANTS[] =
    "SELECT v.id, v.sku, z.name, v.color, v.price_minor, v.stock FROM product_variants v"
    " LEFT JOIN sizes z ON z.id = v.size_id WHERE v.product_id = ? ORDER BY v.sku";

/* Uses ix_product_variants_product, then the primary keys of the levels and locations. */
static const char SQL_LEVELS[] =
    "SELECT l.variant_id, l.location_id, loc.name, l.quantity FROM product_variants v"
    " JOIN inventory_levels l ON l.variant_id = v.id"
    " JOIN inventory_locations loc ON loc.id = l.location_id"
    " WHERE v.product_id = ? ORDER BY loc.is_default DESC, loc.name";

/* Primary key of products. */
static const char SQL_PRODUCT_LOCK[] =
    "SELECT status, price_minor, discount_price_minor FROM products"
    " WHERE id = ? AND vendor_id = ? FOR UPDATE";

/* ix_product_variants_product. */
static const char SQL_VARIANT_IDS[] =
    "SELECT id FROM product_variants WHERE product_id = ? ORDER BY id";

static const char SQL_SET_PRICE[] = "UPDATE products SET price_minor = ? WHERE id = ?";
static const char SQL_SET_STATUS[] = "UPDATE products SET status = ? WHERE id = ?";
static const char SQL_SET_THRESHOLD[] =
    "INSERT INTO inventory_thresholds (product_id, low_stock_threshold) VALUES (?, ?)"
    " ON DUPLICATE KEY UPDATE low_stock_threshold = VALUES(low_stock_threshold)";

/* uq_inventory_locations_name (vendor_id, name). */
static const char SQL_LOCATIONS[] =
    "SELECT id, name, is_default, created_at FROM inventory_locations WHERE vendor_id = ?"
    " ORDER BY is_default DESC, name";
static const char SQL_LOCATION_ADD[] =
    "INSERT INTO inventory_locations (vendor_id, name) VALUES (?, ?)";

/* Ledger rows newest first: ix_inventory_ledger_product or ix_inventory_ledger_vendor, then
 * primary keys of variants, locations and users. */
#define LEDGER_SELECT                                                                         \
    "SELECT e.id, e.product_id, e.variant_id, v.sku, e.location_id, loc.name, e.delta,"       \
    " e.quantity_after, e.reason, e.note, COALESCE(e.actor_user_id, 0),"                      \
    " COALESCE(NULLIF(TRIM(CONCAT_WS(' ', u.first_name, u.last_name)), ''), u.email),"        \
    " COALESCE(e.order_id, 0), e.created_at FROM inventory_ledger e"                          \
    " JOIN product_variants v ON v.id = e.variant_id"                                         \
    " JOIN inventory_locations loc ON loc.id = e.location_id"                                 \
    " LEFT JOIN users u ON u.id = e.actor_user_id"
#define LEDGER_TYPES "lllslsii" "sslsls"
static const char SQL_LEDGER_PRODUCT[] =
    LEDGER_SELECT " WHERE e.product_id = ? AND e.vendor_id = ? AND e.id < ?"
    " ORDER BY e.id DESC LIMIT ?";
static const char SQL_LEDGER_VENDOR[] =
    LEDGER_SELECT " WHERE e.vendor_id = ? AND e.id < ? ORDER BY e.id DESC LIMIT ?";

/* clang-format on */

static int read_item(struct db_res *res, struct inventory_item *it)
{
    return db_next(res, ITEM_TYPES, &it->id, &it->name, &it->category, &it->status,
                   &it->price_minor, &it->currency, &it->stock, &it->low_stock_threshold,
                   &it->image_url, &it->last_updated, &it->sales, &it->views);
}

int inventory_db_items(struct wm_ctx *ctx, int64_t vendor_id, enum inventory_filter filter,
                       enum inventory_sort sort, bool descending, const char *pattern,
                       int64_t offset, int32_t limit, struct inventory_item **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct buf b = BUF_INIT(ctx->arena);
    buf_appends(&b, SQL_LIST_HEAD);
    if (pattern) buf_appends(&b, SQL_LIST_SEARCH);
    buf_appends(&b, SQL_LIST_FILTER[filter]);
    buf_appends(&b, SQL_LIST_ORDER[sort]);
    buf_appends(&b, descending ? " DESC" : " ASC");
    buf_appends(&b, SQL_LIST_TAIL);
    const char *sql = db_intern(ctx, b.ptr);
    if (!sql) return wm_errorf(ctx, WM_EINTERNAL, "too many distinct inventory statements");
    struct db_param params[5];
    size_t np = 0;
    params[np++] = (struct db_param){ .type = 'l', .l = vendor_id };
    if (pattern) {
        params[np++] = (struct db_param){ .type = 's', .s = pattern };
        params[np++] = (struct db_param){ .type = 's', .s = pattern };
    }
    params[np++] = (struct db_param){ .type = 'l', .l = limit };
    params[np++] = (struct db_param){ .type = 'l', .l = offset };
    struct db_res *res = NULL;
    int rc = db_query_params(ctx, &res, sql, params, np);
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    struct inventory_item *items = ARENA_ARRAY(ctx->arena, struct inventory_item, rows ? rows : 1);
    size_t i = 0;
    while (i < rows && (rc = read_item(res, &items[i])) == 1)
        i++;
    if (rc < 0) return rc;
    *out = items;
    *n = i;
    return WM_OK;
}

int inventory_db_item(struct wm_ctx *ctx, int64_t vendor_id, int64_t product_id,
                      struct inventory_item *out)
{
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_ITEM, "ll", vendor_id, product_id);
    if (rc != WM_OK) return rc;
    rc = read_item(res, out);
    if (rc < 0) return rc;
    return rc == 1 ? WM_OK : WM_ENOTFOUND;
}

int inventory_db_variants(struct wm_ctx *ctx, int64_t product_id, struct inventory_variant **out,
                          size_t *n)
{
    *out = NULL;
    *n = 0;
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_VARIANTS, "l", product_id);
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    struct inventory_variant *vs =
            ARENA_ARRAY(ctx->arena, struct inventory_variant, rows ? rows : 1);
    size_t nv = 0;
    while (nv < rows) {
        struct inventory_variant *v = &vs[nv];
        rc = db_next(res, "lsssli", &v->id, &v->sku, &v->size_name, &v->color, &v->price_minor,
                     &v->stock);
        if (rc <= 0) break;
        v->has_price = !db_is_null(res, 4);
        nv++;
    }
    if (rc < 0) return rc;
    rc = db_query(ctx, &res, SQL_LEVELS, "l", product_id);
    if (rc != WM_OK) return rc;
    size_t nl = db_res_rows(res);
    for (size_t i = 0; i < nv; i++)
        vs[i].levels = ARENA_ARRAY(ctx->arena, struct inventory_level, nl ? nl : 1);
    int64_t variant_id = 0;
    struct inventory_level l;
    while ((rc = db_next(res, "llsi", &variant_id, &l.location_id, &l.location_name,
                         &l.quantity)) == 1) {
        for (size_t i = 0; i < nv; i++)
            if (vs[i].id == variant_id) vs[i].levels[vs[i].nlevels++] = l;
    }
    if (rc < 0) return rc;
    *out = vs;
    *n = nv;
    return WM_OK;
}

int inventory_db_product_lock(struct wm_ctx *ctx, int64_t vendor_id, int64_t product_id,
                              char **status, int64_t *price_minor, bool *has_discount,
                              int64_t *discount_minor)
{
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_PRODUCT_LOCK, "ll", product_id, vendor_id);
    if (rc != WM_OK) return rc;
    rc = db_next(res, "sll", status, price_minor, discount_minor);
    if (rc < 0) return rc;
    if (rc == 0) return WM_ENOTFOUND;
    *has_discount = !db_is_null(res, 2);
    return WM_OK;
}

int inventory_db_variant_ids(struct wm_ctx *ctx, int64_t product_id, int64_t *ids, size_t cap,
                             size_t *n)
{
    *n = 0;
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_VARIANT_IDS, "l", product_id);
    if (rc != WM_OK) return rc;
    int64_t id = 0;
    while ((rc = db_next(res, "l", &id)) == 1) {
        if (*n < cap) ids[*n] = id;
        (*n)++;
    }
    return rc < 0 ? rc : WM_OK;
}

int inventory_db_set_price(struct wm_ctx *ctx, int64_t product_id, int64_t price_minor)
{
    return db_exec(ctx, SQL_SET_PRICE, "ll", price_minor, product_id);
}

int inventory_db_set_status(struct wm_ctx *ctx, int64_t product_id, const char *status)
{
    return db_exec(ctx, SQL_SET_STATUS, "sl", status, product_id);
}

int inventory_db_set_threshold(struct wm_ctx *ctx, int64_t product_id, int64_t threshold)
{
    return db_exec(ctx, SQL_SET_THRESHOLD, "ll", product_id, threshold);
}

int inventory_db_locations(struct wm_ctx *ctx, int64_t vendor_id, struct inventory_location **out,
                           size_t *n)
{
    *out = NULL;
    *n = 0;
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_LOCATIONS, "l", vendor_id);
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    struct inventory_location *ls =
            ARENA_ARRAY(ctx->arena, struct inventory_location, rows ? rows : 1);
    size_t i = 0;
    while (i < rows && (rc = db_next(res, "lsbs", &ls[i].id, &ls[i].name, &ls[i].is_default,
                                     &ls[i].created_at)) == 1)
        i++;
    if (rc < 0) return rc;
    *out = ls;
    *n = i;
    return WM_OK;
}

int inventory_db_location_insert(struct wm_ctx *ctx, int64_t vendor_id, const char *name,
                                 int64_t *id)
{
    int rc = db_exec(ctx, SQL_LOCATION_ADD, "ls", vendor_id, name);
    *id = rc == WM_OK ? db_insert_id(ctx) : 0;
    return rc;
}

int inventory_db_ledger(struct wm_ctx *ctx, int64_t vendor_id, int64_t product_id,
                        int64_t before_id, int32_t limit, struct inventory_entry **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct db_res *res = NULL;
    int rc = product_id > 0 ? db_query(ctx, &res, SQL_LEDGER_PRODUCT, "llli", product_id, vendor_id,
                                       before_id, (int)limit)
                            : db_query(ctx, &res, SQL_LEDGER_VENDOR, "lli", vendor_id, before_id,
                                       (int)limit);
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    struct inventory_entry *es = ARENA_ARRAY(ctx->arena, struct inventory_entry, rows ? rows : 1);
    size_t i = 0;
    while (i < rows) {
        struct inventory_entry *e = &es[i];
        rc = db_next(res, LEDGER_TYPES, &e->id, &e->product_id, &e->variant_id, &e->sku,
                     &e->location_id, &e->location_name, &e->delta, &e->quantity_after, &e->reason,
                     &e->note, &e->actor_id, &e->actor_name, &e->order_id, &e->created_at);
        if (rc <= 0) break;
        i++;
    }
    if (rc < 0) return rc;
    *out = es;
    *n = i;
    return WM_OK;
}
