/*
 * catalog_db.c: the SQL of the catalog domain (catalog_int.h). Named prepared statements
 * first, each with the index it uses, then one function per statement.
 */
#include "market/catalog/catalog_int.h"

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "db/db.h"

/* clang-format off */

/* Uses ix_categories_lft: the whole tree (about 700 rows) in depth-first order. */
static const char SQL_CATEGORIES[] =
    "SELECT id, IFNULL(parent_id, 0), name, slug, description, image_url, position, is_active,"
    " lft, rgt FROM categories ORDER BY lft";

/* The counts the triggers of sql/migrations/0012_category_counts.sql keep (primary key scan
 * of about 700 rows). */
static const char SQL_CATEGORY_COUNTS[] =
    "SELECT category_id, active_products FROM category_counts WHERE active_products > 0";

/* The ids as a derived table (JSON_TABLE), joined on primary keys (eq_ref per id). */
#define IDS_TABLE "JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT PATH '$')) AS j"

/* The columns of struct product, in the order read_product() reads them. */
#define PRODUCT_COLUMNS                                                                       \
    "p.id, p.vendor_id, p.category_id, IFNULL(p.brand_id, 0), b.name, p.custom_brand, p.name," \
    " p.description, p.`condition`, p.style, p.parcel_size, IFNULL(p.size_id, 0), sz.name,"    \
    " p.colors, p.tags, p.status, p.is_featured, p.views, p.likes, p.sales,"                  \
    " CAST(p.rating AS DOUBLE), p.review_count, p.currency, p.price_minor,"                   \
    " p.discount_price_minor IS NOT NULL, IFNULL(p.discount_price_minor, 0), p.moq,"           \
    " p.case_pack, p.created_at, p.updated_at, p.specifications, p.dimensions, p.weight_kg,"   \
    " p.care_instructions"

/* Primary keys of products, brands and sizes. */
static const char SQL_PRODUCTS[] =
    "SELECT " PRODUCT_COLUMNS " FROM " IDS_TABLE " JOIN products p ON p.id = j.id"
    " LEFT JOIN brands b ON b.id = p.brand_id LEFT JOIN sizes sz ON sz.id = p.size_id";

/* Uses ix_product_images_product(product_id, position). */
static const char SQL_IMAGES[] =
    "SELECT i.product_id, i.url, i.thumbnail_url FROM " IDS_TABLE
    " JOIN product_images i ON i.product_id = j.id ORDER BY i.product_id, i.position, i.id";

/* Uses the primary keys of product_materials (product_id, material_id) and materials. */
static const char SQL_MATERIALS[] =
    "SELECT pm.product_id, m.id, m.name FROM " IDS_TABLE
    " JOIN product_materials pm ON pm.product_id = j.id JOIN materials m ON m.id = pm.material_id"
    " ORDER BY pm.product_id, m.name";

/* Uses ix_product_variants_product(product_id, stock): index only. */
static const char SQL_STOCK[] =
    "SELECT v.product_id, SUM(v.stock) FROM " IDS_TABLE
    " JOIN product_variants v ON v.product_id = j.id GROUP BY v.product_id";

/* The primary keys of product_price_tiers and product_account_prices (product first). */
static const char SQL_PRICES[] =
    "SELECT t.product_id, NULL, t.min_qty, t.unit_price_minor FROM " IDS_TABLE
    " JOIN product_price_tiers t ON t.product_id = j.id"
    " UNION ALL SELECT a.product_id, a.account_type, 0, a.unit_price_minor FROM " IDS_TABLE
    " JOIN product_account_prices a ON a.product_id = j.id ORDER BY 1, 2, 3";

/* clang-format on */

int catalog_db_categories(struct wm_ctx *ctx, struct category **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_CATEGORIES, "");
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    struct category *list = ARENA_ARRAY(ctx->arena, struct category, rows ? rows : 1);
    size_t i = 0;
    while (i < rows) {
        struct category *c = &list[i];
        rc = db_next(res, "iissssibii", &c->id, &c->parent_id, &c->name, &c->slug, &c->description,
                     &c->image_url, &c->position, &c->is_active, &c->lft, &c->rgt);
        if (rc != 1) break;
        i++;
    }
    if (rc < 0) return rc;
    *out = list;
    *n = i;
    return WM_OK;
}

int catalog_db_category_counts(struct wm_ctx *ctx, int64_t **ids, int64_t **counts, size_t *n)
{
    *n = 0;
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_CATEGORY_COUNTS, "");
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    *ids = ARENA_ARRAY(ctx->arena, int64_t, rows ? rows : 1);
    *counts = ARENA_ARRAY(ctx->arena, int64_t, rows ? rows : 1);
    while (*n < rows && (rc = db_next(res, "ll", &(*ids)[*n], &(*counts)[*n])) == 1)
        (*n)++;
    return rc < 0 ? rc : WM_OK;
}

static int read_product(struct db_res *res, struct product *p)
{
    return db_next(res, "lliisssssssissssblllfislbliissssss", &p->id, &p->vendor_id,
                   &p->category_id, &p->brand_id, &p->brand_name, &p->custom_brand, &p->name,
                   &p->description, &p->condition, &p->style, &p->parcel_size, &p->size_id,
                   &p->size_name, &p->colors, &p->tags, &p->status, &p->is_featured, &p->views,
                   &p->likes, &p->sales, &p->rating, &p->review_count, &p->currency,
                   &p->price_minor, &p->has_discount, &p->discount_price_minor, &p->moq,
                   &p->case_pack, &p->created_at, &p->updated_at, &p->specifications,
                   &p->dimensions, &p->weight_kg, &p->care_instructions);
}

int catalog_db_products(struct wm_ctx *ctx, const char *ids_json, struct product **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_PRODUCTS, "s", ids_json);
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    struct product *list = ARENA_ARRAY(ctx->arena, struct product, rows ? rows : 1);
    size_t i = 0;
    while (i < rows && (rc = read_product(res, &list[i])) == 1)
        i++;
    if (rc < 0) return rc;
    *out = list;
    *n = i;
    return WM_OK;
}

int catalog_db_images(struct wm_ctx *ctx, const char *ids_json, struct catalog_image_row **out,
                      size_t *n)
{
    *n = 0;
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_IMAGES, "s", ids_json);
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    struct catalog_image_row *list =
            ARENA_ARRAY(ctx->arena, struct catalog_image_row, rows ? rows : 1);
    while (*n < rows && (rc = db_next(res, "lss", &list[*n].product_id, &list[*n].image.url,
                                      &list[*n].image.thumbnail_url)) == 1)
        (*n)++;
    *out = list;
    return rc < 0 ? rc : WM_OK;
}

int catalog_db_materials(struct wm_ctx *ctx, const char *ids_json,
                         struct catalog_material_row **out, size_t *n)
{
    *n = 0;
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_MATERIALS, "s", ids_json);
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    struct catalog_material_row *list =
            ARENA_ARRAY(ctx->arena, struct catalog_material_row, rows ? rows : 1);
    while (*n < rows && (rc = db_next(res, "lis", &list[*n].product_id, &list[*n].material.id,
                                      &list[*n].material.name)) == 1)
        (*n)++;
    *out = list;
    return rc < 0 ? rc : WM_OK;
}

int catalog_db_stock(struct wm_ctx *ctx, const char *ids_json, struct catalog_stock_row **out,
                     size_t *n)
{
    *n = 0;
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_STOCK, "s", ids_json);
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    struct catalog_stock_row *list =
            ARENA_ARRAY(ctx->arena, struct catalog_stock_row, rows ? rows : 1);
    while (*n < rows && (rc = db_next(res, "ll", &list[*n].product_id, &list[*n].stock)) == 1)
        (*n)++;
    *out = list;
    return rc < 0 ? rc : WM_OK;
}

int catalog_db_prices(struct wm_ctx *ctx, const char *ids_json, struct catalog_price_row **out,
                      size_t *n)
{
    *n = 0;
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_PRICES, "ss", ids_json, ids_json);
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    struct catalog_price_row *list =
            ARENA_ARRAY(ctx->arena, struct catalog_price_row, rows ? rows : 1);
    while (*n < rows) {
        struct catalog_price_row *r = &list[*n];
        rc = db_next(res, "lsil", &r->product_id, &r->account_type, &r->min_qty,
                     &r->unit_price_minor);
        if (rc <= 0) break;
        (*n)++;
    }
    *out = list;
    return rc < 0 ? rc : WM_OK;
}

/* updated_at is set to itself so ON UPDATE CURRENT_TIMESTAMP leaves it: a view is no edit. */
static const char SQL_ADD_VIEWS[] =
        "UPDATE products p JOIN JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT PATH '$[0]',"
        " n BIGINT PATH '$[1]')) AS v ON p.id = v.id"
        " SET p.views = LEAST(p.views + v.n, 4294967295), p.updated_at = p.updated_at";

int catalog_db_add_views(struct wm_ctx *ctx, const char *counts_json, int64_t *rows)
{
    *rows = 0;
    int rc = db_exec(ctx, SQL_ADD_VIEWS, "s", counts_json);
    if (rc == WM_OK) *rows = (int64_t)db_affected_rows(ctx);
    return rc;
}
