/*
 * stock_db.c: the SQL of the stock domain (stock_int.h). Named prepared statements first,
 * each with the index it uses, then one function per statement. Tables:
 * sql/migrations/0010_inventory.sql (inventory_locations, inventory_levels, inventory_ledger).
 */
#include "market/stock/stock_int.h"

#include "core/ctx.h"
#include "core/err.h"
#include "db/db.h"

/* clang-format off */

/* Primary keys of product_variants and products; the variant row lock serializes movements
 * of one variant (its total and its levels). */
static const char SQL_VARIANT_LOCK[] =
    "SELECT v.product_id, p.vendor_id, v.sku, v.stock FROM product_variants v"
    " JOIN products p ON p.id = v.product_id WHERE v.id = ? FOR UPDATE";

/* uq_inventory_locations_default. */
static const char SQL_DEFAULT_LOCATION[] =
    "SELECT id FROM inventory_locations WHERE default_vendor_id = ?";
/* IGNORE: a concurrent request that made it first is not an error (the SELECT then finds
 * it); the default is made before any other location, so its name cannot be taken. */
static const char SQL_DEFAULT_LOCATION_MAKE[] =
    "INSERT IGNORE INTO inventory_locations (vendor_id, name, is_default)"
    " VALUES (?, 'Main warehouse', 1)";

/* Primary key of inventory_locations. */
static const char SQL_LOCATION_NAME[] =
    "SELECT name FROM inventory_locations WHERE id = ? AND vendor_id = ?";

/* Primary key of inventory_levels. */
static const char SQL_LEVEL_LOCK[] =
    "SELECT quantity FROM inventory_levels WHERE variant_id = ? AND location_id = ? FOR UPDATE";
static const char SQL_LEVEL_SET[] =
    "INSERT INTO inventory_levels (variant_id, location_id, quantity) VALUES (?, ?, ?)"
    " ON DUPLICATE KEY UPDATE quantity = VALUES(quantity)";
static const char SQL_VARIANT_ADD[] =
    "UPDATE product_variants SET stock = stock + ? WHERE id = ?";
static const char SQL_LEDGER_ADD[] =
    "INSERT INTO inventory_ledger (vendor_id, product_id, variant_id, location_id, delta,"
    " quantity_after, reason, note, actor_user_id, order_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
    " NULLIF(?, 0), NULLIF(?, 0))";

/* Opening balances of a product id range (primary key range of products, then
 * ix_product_variants_product; levels by primary key). */
static const char SQL_OPEN_LOCATIONS[] =
    "INSERT INTO inventory_locations (vendor_id, name, is_default)"
    " SELECT DISTINCT p.vendor_id, 'Main warehouse', 1 FROM products p"
    " WHERE p.id BETWEEN ? AND ? AND NOT EXISTS (SELECT 1 FROM inventory_locations l"
    " WHERE l.default_vendor_id = p.vendor_id)";
static const char SQL_OPEN_LEDGER[] =
    "INSERT INTO inventory_ledger (vendor_id, product_id, variant_id, location_id, delta,"
    " quantity_after, reason) SELECT p.vendor_id, p.id, pv.id, l.id, pv.stock, pv.stock,"
    " 'opening' FROM products p JOIN product_variants pv ON pv.product_id = p.id"
    " JOIN inventory_locations l ON l.default_vendor_id = p.vendor_id"
    " WHERE p.id BETWEEN ? AND ? AND pv.stock > 0 AND NOT EXISTS (SELECT 1"
    " FROM inventory_levels x WHERE x.variant_id = pv.id)";
static const char SQL_OPEN_LEVELS[] =
    "INSERT INTO inventory_levels (variant_id, location_id, quantity)"
    " SELECT pv.id, l.id, pv.stock FROM products p JOIN product_variants pv"
    " ON pv.product_id = p.id JOIN inventory_locations l ON l.default_vendor_id = p.vendor_id"
    " WHERE p.id BETWEEN ? AND ? AND pv.stock > 0 AND NOT EXISTS (SELECT 1"
    " FROM inventory_levels x WHERE x.variant_id = pv.id)";

/* clang-format on */

int stock_db_variant_lock(struct wm_ctx *ctx, int64_t variant_id, int64_t *product_id,
                          int64_t *vendor_id, char **sku, int32_t *total)
{
    return db_query_one(ctx, SQL_VARIANT_LOCK, "l", "llsi", variant_id, product_id, vendor_id, sku,
                        total);
}

int stock_db_default_location(struct wm_ctx *ctx, int64_t vendor_id, int64_t *location_id)
{
    int rc = db_query_one(ctx, SQL_DEFAULT_LOCATION, "l", "l", vendor_id, location_id);
    if (rc != WM_ENOTFOUND) return rc;
    rc = db_exec(ctx, SQL_DEFAULT_LOCATION_MAKE, "l", vendor_id);
    if (rc != WM_OK) return rc;
    return db_query_one(ctx, SQL_DEFAULT_LOCATION, "l", "l", vendor_id, location_id);
}

int stock_db_location_name(struct wm_ctx *ctx, int64_t vendor_id, int64_t location_id, char **name)
{
    return db_query_one(ctx, SQL_LOCATION_NAME, "ll", "s", location_id, vendor_id, name);
}

int stock_db_level_lock(struct wm_ctx *ctx, int64_t variant_id, int64_t location_id,
                        int32_t *quantity)
{
    int rc = db_query_one(ctx, SQL_LEVEL_LOCK, "ll", "i", variant_id, location_id, quantity);
    if (rc == WM_ENOTFOUND) {
        *quantity = 0;
        return WM_OK;
    }
    return rc;
}

int stock_db_move(struct wm_ctx *ctx, int64_t vendor_id, int64_t product_id,
                  const struct stock_move *m, int64_t location_id, int32_t after)
{
    int rc = db_exec(ctx, SQL_LEVEL_SET, "lli", m->variant_id, location_id, (int)after);
    if (rc == WM_OK) rc = db_exec(ctx, SQL_VARIANT_ADD, "il", (int)m->delta, m->variant_id);
    if (rc == WM_OK)
        rc = db_exec(ctx, SQL_LEDGER_ADD,
                     "llllii"
                     "ssll",
                     vendor_id, product_id, m->variant_id, location_id, (int)m->delta, (int)after,
                     m->reason, m->note, m->actor_id, m->order_id);
    return rc;
}

int stock_db_open_balances(struct wm_ctx *ctx, int64_t min_product_id, int64_t max_product_id)
{
    int rc = db_exec(ctx, SQL_OPEN_LOCATIONS, "ll", min_product_id, max_product_id);
    if (rc == WM_OK) rc = db_exec(ctx, SQL_OPEN_LEDGER, "ll", min_product_id, max_product_id);
    if (rc == WM_OK) rc = db_exec(ctx, SQL_OPEN_LEVELS, "ll", min_product_id, max_product_id);
    return rc;
}
