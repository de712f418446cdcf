/*
 * catalog_write_db.c: the SQL of the catalog's write side (catalog_int.h): a vendor's product
 * writes and its shop figures. Named prepared statements first, each with the index it uses,
 * then one function per statement. Every statement runs in the mutation's transaction.
 */
#include "market/catalog/catalog_int.h"

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "db/db.h"

/* clang-format off */

/* Primary key; the vendor and status are checked on the row, which is locked for the write. */
static const char SQL_OWNED[] =
    "SELECT id, category_id, IFNULL(brand_id, 0), custom_brand, name, description, colors,"
    " IFNULL(size_id, 0), price_minor, discount_price_minor IS NOT NULL,"
    " IFNULL(discount_price_minor, 0), status FROM products"
    " WHERE id = ? AND vendor_id = ? AND status <> 'archived' FOR UPDATE";

/* Primary keys of sizes, materials and brands. */
static const char SQL_SIZE_EXISTS[] = "SELECT COUNT(*) FROM sizes WHERE id = ?";
static const char SQL_MATERIAL_EXISTS[] = "SELECT COUNT(*) FROM materials WHERE id = ?";
static const char SQL_BRAND_NAME[] = "SELECT name FROM brands WHERE id = ?";

/* A scan of the small materials table (a few dozen rows); the collation ignores case. */
static const char SQL_MATERIAL_BY_NAME[] =
    "SELECT id FROM materials WHERE name = ? ORDER BY id LIMIT 1";

/* Primary key (AUTO_INCREMENT). */
static const char SQL_INSERT_PRODUCT[] =
    "INSERT INTO products (vendor_id, category_id, brand_id, custom_brand, brand_name, name,"
    " description, `condition`, style, size_id, colors, status, currency, price_minor,"
    " discount_price_minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, 'active'), ?, ?,"
    " ?)";

/* Reads the source by primary key; inserts by primary key. */
static const char SQL_COPY_PRODUCT[] =
    "INSERT INTO products (vendor_id, category_id, brand_id, custom_brand, brand_name, name,"
    " description, `condition`, style, parcel_size, size_id, colors, tags, status, currency,"
    " price_minor, discount_price_minor, moq, case_pack, specifications, dimensions, weight_kg,"
    " care_instructions)"
    " SELECT vendor_id, category_id, ?, ?, ?, ?, ?, COALESCE(?, `condition`), COALESCE(?, style),"
    " parcel_size, size_id, ?, tags, status, currency, ?, ?, moq, case_pack, specifications,"
    " dimensions, weight_kg, care_instructions FROM products WHERE id = ?";

/* Primary key. A NULL parameter keeps its column (price and discount are always set). */
static const char SQL_UPDATE_PRODUCT[] =
    "UPDATE products SET name = COALESCE(?, name), description = COALESCE(?, description),"
    " price_minor = ?, discount_price_minor = ?, category_id = ?, tags = COALESCE(?, tags),"
    " status = COALESCE(?, status), specifications = COALESCE(?, specifications),"
    " dimensions = COALESCE(?, dimensions), weight_kg = COALESCE(?, weight_kg),"
    " care_instructions = COALESCE(?, care_instructions), moq = COALESCE(?, moq),"
    " case_pack = COALESCE(?, case_pack), `condition` = COALESCE(?, `condition`),"
    " style = COALESCE(?, style), brand_id = IF(?, ?, brand_id),"
    " custom_brand = IF(?, ?, custom_brand), brand_name = IF(?, ?, brand_name) WHERE id = ?";

/* The primary keys of product_price_tiers and product_account_prices (product first). */
static const char SQL_DELETE_TIERS[] = "DELETE FROM product_price_tiers WHERE product_id = ?";
static const char SQL_INSERT_TIER[] =
    "INSERT INTO product_price_tiers (product_id, min_qty, unit_price_minor) VALUES (?, ?, ?)";
static const char SQL_DELETE_ACCOUNT_PRICES[] =
    "DELETE FROM product_account_prices WHERE product_id = ?";
static const char SQL_INSERT_ACCOUNT_PRICE[] =
    "INSERT INTO product_account_prices (product_id, account_type, unit_price_minor)"
    " VALUES (?, ?, ?)";

/* Primary key. */
static const char SQL_ARCHIVE_PRODUCT[] =
    "UPDATE products SET status = 'archived' WHERE id = ?";

/* ix_product_images_product(product_id, position). */
static const char SQL_DELETE_IMAGES[] = "DELETE FROM product_images WHERE product_id = ?";
static const char SQL_INSERT_IMAGE[] =
    "INSERT INTO product_images (product_id, url, thumbnail_url, position) VALUES (?, ?, ?, ?)";

/* Primary key of product_materials (product_id, material_id). */
static const char SQL_DELETE_MATERIALS[] = "DELETE FROM product_materials WHERE product_id = ?";
static const char SQL_INSERT_MATERIAL[] =
    "INSERT IGNORE INTO product_materials (product_id, material_id) VALUES (?, ?)";

/* Primary key; uq_product_variants_sku refuses a taken SKU. Units start at 0. */
static const char SQL_INSERT_VARIANT[] =
    "INSERT INTO product_variants (product_id, sku, size_id, color, stock) VALUES (?, ?, ?, ?, 0)";

/* Primary key of product_variants (the product checked on the row, locked for the write). */
static const char SQL_VARIANT_OF[] =
    "SELECT COUNT(*) FROM product_variants WHERE id = ? AND product_id = ? FOR UPDATE";
/* uq_product_variants_sku. */
static const char SQL_SKU_TAKEN[] =
    "SELECT COUNT(*) FROM product_variants WHERE sku = ? AND id <> ?";
/* Full scan of the small sizes table (a dozen rows). */
static const char SQL_SIZE_BY_NAME[] = "SELECT id FROM sizes WHERE name = ?";
/* Primary key; uq_product_variants_sku refuses a taken SKU. Units start at 0. */
static const char SQL_ADD_VARIANT[] =
    "INSERT INTO product_variants (product_id, sku, size_id, color, price_minor, stock)"
    " VALUES (?, ?, ?, ?, ?, 0)";
/* Primary key of product_variants. */
static const char SQL_UPDATE_VARIANT[] =
    "UPDATE product_variants SET sku = COALESCE(?, sku), size_id = ?, color = ?, price_minor = ?"
    " WHERE id = ? AND product_id = ?";

/* ix_product_variants_product(product_id, stock); the rows are locked for the stock write. */
static const char SQL_VARIANT_IDS[] =
    "SELECT id FROM product_variants WHERE product_id = ? ORDER BY id FOR UPDATE";


/* The source's rows by ix_product_images_product, the primary key of product_materials,
 * ix_product_variants_product and the primary keys of the price tables. */
static const char SQL_COPY_IMAGES[] =
    "INSERT INTO product_images (product_id, url, thumbnail_url, position)"
    " SELECT ?, url, thumbnail_url, position FROM product_images WHERE product_id = ?"
    " ORDER BY position, id";
static const char SQL_COPY_MATERIALS[] =
    "INSERT INTO product_materials (product_id, material_id)"
    " SELECT ?, material_id FROM product_materials WHERE product_id = ?";
static const char SQL_COPY_VARIANTS[] =
    "INSERT INTO product_variants (product_id, sku, size_id, color, price_minor, stock)"
    " SELECT ?, CONCAT('P', LPAD(?, 6, '0'), '-', id), size_id, color, price_minor, 0"
    " FROM product_variants WHERE product_id = ? ORDER BY id";
static const char SQL_COPY_TIERS[] =
    "INSERT INTO product_price_tiers (product_id, min_qty, unit_price_minor)"
    " SELECT ?, min_qty, unit_price_minor FROM product_price_tiers"
    " WHERE product_id = ? AND unit_price_minor < ?";
static const char SQL_COPY_ACCOUNT_PRICES[] =
    "INSERT INTO product_account_prices (product_id, account_type, unit_price_minor)"
    " SELECT ?, account_type, unit_price_minor FROM product_account_prices"
    " WHERE product_id = ? AND unit_price_minor < ?";

/* ix_products_vendor(vendor_id, status, created_at): the shop's rows, all statuses but one. */
static const char SQL_SHOP_STATS[] =
    "SELECT COUNT(*), IFNULL(SUM(sales), 0), IFNULL(SUM(sales * sale_price_minor), 0),"
    " IFNULL(SUM(review_count), 0),"
    " IFNULL(CAST(SUM(rating * review_count) / NULLIF(SUM(review_count), 0) AS DOUBLE), 0)"
    " FROM products WHERE vendor_id = ? AND status <> 'archived'";

/* ix_products_vendor(vendor_id, status, created_at), then a sort of the shop's rows. */
static const char SQL_SHOP_PRODUCT_IDS[] =
    "SELECT id FROM products WHERE vendor_id = ? AND status <> 'archived'"
    " ORDER BY created_at DESC, id DESC LIMIT ?";

/* clang-format on */

int catalog_db_owned(struct wm_ctx *ctx, int64_t vendor_id, int64_t id, struct catalog_owned *out)
{
    return db_query_one(ctx, SQL_OWNED, "ll", "liissssilbls", id, vendor_id, &out->id,
                        &out->category_id, &out->brand_id, &out->custom_brand, &out->name,
                        &out->description, &out->colors, &out->size_id, &out->price_minor,
                        &out->has_discount, &out->discount_price_minor, &out->status);
}

/* COUNT(*) of a statement by one int key as a flag. */
static int exists(struct wm_ctx *ctx, const char *sql, int32_t id, bool *out)
{
    int64_t n = 0;
    int rc = db_query_one(ctx, sql, "i", "l", (int)id, &n);
    *out = rc == WM_OK && n > 0;
    return rc;
}

int catalog_db_size_exists(struct wm_ctx *ctx, int32_t id, bool *out)
{
    return exists(ctx, SQL_SIZE_EXISTS, id, out);
}

int catalog_db_material_exists(struct wm_ctx *ctx, int32_t id, bool *out)
{
    return exists(ctx, SQL_MATERIAL_EXISTS, id, out);
}

int catalog_db_brand_name(struct wm_ctx *ctx, int32_t id, char **name)
{
    return db_query_one(ctx, SQL_BRAND_NAME, "i", "s", (int)id, name);
}

int catalog_db_material_by_name(struct wm_ctx *ctx, const char *name, int32_t *id)
{
    int v = 0;
    int rc = db_query_one(ctx, SQL_MATERIAL_BY_NAME, "s", "i", name, &v);
    *id = v;
    return rc;
}

int catalog_db_insert_product(struct wm_ctx *ctx, const struct catalog_new_row *r, int64_t *id)
{
    int rc = db_exec(ctx, SQL_INSERT_PRODUCT, "lisssssssssssls", r->vendor_id, (int)r->category_id,
                     r->brand_id, r->custom_brand, r->brand_name, r->name, r->description,
                     r->condition, r->style, r->size_id, r->colors, r->status, r->currency,
                     r->price_minor, r->discount_price_minor);
    *id = rc == WM_OK ? db_insert_id(ctx) : 0;
    return rc;
}

int catalog_db_copy_product(struct wm_ctx *ctx, int64_t src_id, const struct catalog_new_row *r,
                            int64_t *id)
{
    int rc = db_exec(ctx, SQL_COPY_PRODUCT, "sssssssslsl", r->brand_id, r->custom_brand,
                     r->brand_name, r->name, r->description, r->condition, r->style, r->colors,
                     r->price_minor, r->discount_price_minor, src_id);
    *id = rc == WM_OK ? db_insert_id(ctx) : 0;
    return rc;
}

int catalog_db_update_product(struct wm_ctx *ctx, int64_t id, const struct catalog_update_row *r)
{
    return db_exec(ctx, SQL_UPDATE_PRODUCT, "sslsissssssssssbsbsbsl", r->name, r->description,
                   r->price_minor, r->discount_price_minor, (int)r->category_id, r->tags, r->status,
                   r->specifications, r->dimensions, r->weight_kg, r->care_instructions, r->moq,
                   r->case_pack, r->condition, r->style, r->set_brand, r->brand_id, r->set_brand,
                   r->custom_brand, r->set_brand, r->brand_name, id);
}

int catalog_db_set_tiers(struct wm_ctx *ctx, int64_t id, const struct price_tier *tiers, size_t n)
{
    int rc = db_exec(ctx, SQL_DELETE_TIERS, "l", id);
    for (size_t i = 0; rc == WM_OK && i < n; i++)
        rc = db_exec(ctx, SQL_INSERT_TIER, "lil", id, (int)tiers[i].min_qty,
                     tiers[i].unit_price_minor);
    return rc;
}

int catalog_db_set_account_prices(struct wm_ctx *ctx, int64_t id,
                                  const struct account_price *prices, size_t n)
{
    int rc = db_exec(ctx, SQL_DELETE_ACCOUNT_PRICES, "l", id);
    for (size_t i = 0; rc == WM_OK && i < n; i++)
        rc = db_exec(ctx, SQL_INSERT_ACCOUNT_PRICE, "lsl", id, prices[i].account_type,
                     prices[i].unit_price_minor);
    return rc;
}

int catalog_db_archive_product(struct wm_ctx *ctx, int64_t id)
{
    return db_exec(ctx, SQL_ARCHIVE_PRODUCT, "l", id);
}

int catalog_db_delete_images(struct wm_ctx *ctx, int64_t product_id)
{
    return db_exec(ctx, SQL_DELETE_IMAGES, "l", product_id);
}

int catalog_db_insert_image(struct wm_ctx *ctx, int64_t product_id, const char *url,
                            const char *thumbnail_url, int position)
{
    return db_exec(ctx, SQL_INSERT_IMAGE, "lssi", product_id, url, thumbnail_url, position);
}

int catalog_db_delete_materials(struct wm_ctx *ctx, int64_t product_id)
{
    return db_exec(ctx, SQL_DELETE_MATERIALS, "l", product_id);
}

int catalog_db_insert_material(struct wm_ctx *ctx, int64_t product_id, int32_t material_id)
{
    return db_exec(ctx, SQL_INSERT_MATERIAL, "li", product_id, (int)material_id);
}

int catalog_db_insert_variant(struct wm_ctx *ctx, int64_t product_id, const char *sku,
                              int32_t size_id, const char *color, int64_t *id)
{
    const char *size = size_id ? arena_printf(ctx->arena, "%d", size_id) : NULL;
    int rc = db_exec(ctx, SQL_INSERT_VARIANT, "lsss", product_id, sku, size, color);
    *id = rc == WM_OK ? db_insert_id(ctx) : 0;
    return rc;
}

int catalog_db_variant_ids(struct wm_ctx *ctx, int64_t product_id, int64_t **ids, size_t *n)
{
    *n = 0;
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_VARIANT_IDS, "l", product_id);
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    *ids = ARENA_ARRAY(ctx->arena, int64_t, rows ? rows : 1);
    while (*n < rows && (rc = db_next(res, "l", &(*ids)[*n])) == 1)
        (*n)++;
    return rc < 0 ? rc : WM_OK;
}

int catalog_db_copy_children(struct wm_ctx *ctx, int64_t src_id, int64_t dst_id, bool materials,
                             int64_t max_unit_minor)
{
    int rc = db_exec(ctx, SQL_COPY_IMAGES, "ll", dst_id, src_id);
    if (rc == WM_OK && materials) rc = db_exec(ctx, SQL_COPY_MATERIALS, "ll", dst_id, src_id);
    if (rc == WM_OK) rc = db_exec(ctx, SQL_COPY_VARIANTS, "lll", dst_id, dst_id, src_id);
    if (rc == WM_OK) rc = db_exec(ctx, SQL_COPY_TIERS, "lll", dst_id, src_id, max_unit_minor);
    if (rc == WM_OK)
        rc = db_exec(ctx, SQL_COPY_ACCOUNT_PRICES, "lll", dst_id, src_id, max_unit_minor);
    return rc;
}

int catalog_db_shop_stats(struct wm_ctx *ctx, int64_t vendor_id, struct shop_stats *out)
{
    return db_query_one(ctx, SQL_SHOP_STATS, "l", "llllf", vendor_id, &out->total_products,
                        &out->products_sold, &out->revenue_minor, &out->total_reviews,
                        &out->average_rating);
}

int catalog_db_shop_product_ids(struct wm_ctx *ctx, int64_t vendor_id, int limit, int64_t **ids,
                                size_t *n)
{
    *n = 0;
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_SHOP_PRODUCT_IDS, "li", vendor_id, limit);
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    *ids = ARENA_ARRAY(ctx->arena, int64_t, rows ? rows : 1);
    while (*n < rows && (rc = db_next(res, "l", &(*ids)[*n])) == 1)
        (*n)++;
    return rc < 0 ? rc : WM_OK;
}

int catalog_db_variant_of(struct wm_ctx *ctx, int64_t product_id, int64_t variant_id, bool *out)
{
    int64_t n = 0;
    int rc = db_query_one(ctx, SQL_VARIANT_OF, "ll", "l", variant_id, product_id, &n);
    *out = rc == WM_OK && n > 0;
    return rc;
}

int catalog_db_sku_taken(struct wm_ctx *ctx, const char *sku, int64_t except_id, bool *out)
{
    int64_t n = 0;
    int rc = db_query_one(ctx, SQL_SKU_TAKEN, "sl", "l", sku, except_id, &n);
    *out = rc == WM_OK && n > 0;
    return rc;
}

int catalog_db_size_by_name(struct wm_ctx *ctx, const char *name, int32_t *id)
{
    int v = 0;
    int rc = db_query_one(ctx, SQL_SIZE_BY_NAME, "s", "i", name, &v);
    *id = v;
    return rc;
}

/* Decimal text of v, NULL when 0 (a NULL column). */
static const char *opt(struct wm_ctx *ctx, int64_t v)
{
    return v ? arena_printf(ctx->arena, "%lld", (long long)v) : NULL;
}

int catalog_db_save_variant(struct wm_ctx *ctx, int64_t product_id,
                            const struct catalog_variant_row *r, int64_t *id)
{
    const char *size = opt(ctx, r->size_id);
    const char *price = opt(ctx, r->price_minor);
    if (r->id) {
        *id = r->id;
        return db_exec(ctx, SQL_UPDATE_VARIANT, "ssssll", r->sku, size, r->color, price, r->id,
                       product_id);
    }
    int rc = db_exec(ctx, SQL_ADD_VARIANT, "lssss", product_id, r->sku, size, r->color, price);
    *id = rc == WM_OK ? db_insert_id(ctx) : 0;
    return rc;
}
