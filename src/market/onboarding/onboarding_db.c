/*
 * onboarding_db.c: the SQL of the onboarding domain (onboarding_int.h). Tables:
 * sql/migrations/0011_onboarding.sql (shop_paused_products), products.
 */
#include "market/onboarding/onboarding_int.h"

#include "core/ctx.h"
#include "core/err.h"
#include "db/db.h"

/* clang-format off */

/* ix_products_vendor (vendor_id, status, ...); IGNORE: a product already remembered stays. */
static const char SQL_REMEMBER[] =
    "INSERT IGNORE INTO shop_paused_products (product_id, vendor_id)"
    " SELECT id, vendor_id FROM products WHERE vendor_id = ? AND status = 'active'";
static const char SQL_PAUSE[] =
    "UPDATE products SET status = 'draft' WHERE vendor_id = ? AND status = 'active'";

/* ix_shop_paused_products_vendor, then the primary key of products. */
static const char SQL_RESTORE[] =
    "UPDATE products p JOIN shop_paused_products x ON x.product_id = p.id"
    " SET p.status = 'active' WHERE x.vendor_id = ? AND p.status = 'draft'";
static const char SQL_FORGET[] = "DELETE FROM shop_paused_products WHERE vendor_id = ?";

/* ix_products_vendor. */
static const char SQL_ACTIVE[] =
    "SELECT COUNT(*) FROM products WHERE vendor_id = ? AND status = 'active'";

/* clang-format on */

int onboarding_db_pause(struct wm_ctx *ctx, int64_t vendor_id, int64_t *n)
{
    *n = 0;
    int rc = db_exec(ctx, SQL_REMEMBER, "l", vendor_id);
    if (rc == WM_OK) rc = db_exec(ctx, SQL_PAUSE, "l", vendor_id);
    if (rc == WM_OK) *n = (int64_t)db_affected_rows(ctx);
    return rc;
}

int onboarding_db_restore(struct wm_ctx *ctx, int64_t vendor_id, int64_t *n)
{
    *n = 0;
    int rc = db_exec(ctx, SQL_RESTORE, "l", vendor_id);
    if (rc == WM_OK) *n = (int64_t)db_affected_rows(ctx);
    if (rc == WM_OK) rc = db_exec(ctx, SQL_FORGET, "l", vendor_id);
    return rc;
}

int onboarding_db_active_products(struct wm_ctx *ctx, int64_t vendor_id, int64_t *n)
{
    return db_query_one(ctx, SQL_ACTIVE, "l", "l", vendor_id, n);
}
