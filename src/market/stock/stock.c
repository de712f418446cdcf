/*
 * stock.c: the rules of a stock movement (stock.h): never below zero, a valid reason, the
 * variant locked before its level, and the ledger row written with the level and the total.
 */
#include "market/stock/stock.h"

#include <inttypes.h>
#include <string.h>

#include "core/ctx.h"
#include "core/err.h"
#include "db/db.h"
#include "market/stock/stock_int.h"

static const char *const REASONS[] = {
    "opening", "received", "count",      "sale",        "return",
    "damaged", "lost",     "correction", "transfer_in", "transfer_out",
};

bool stock_reason_valid(const char *reason)
{
    for (size_t i = 0; i < sizeof(REASONS) / sizeof(REASONS[0]); i++)
        if (reason && strcmp(reason, REASONS[i]) == 0) return true;
    return false;
}

/* Validate m's amounts, reason and note (the parts that need no database). */
static int check_move(struct wm_ctx *ctx, const struct stock_move *m)
{
    if (m->delta == 0) return wm_errorf(ctx, WM_EINVAL, "change must not be zero");
    if (m->delta > STOCK_QTY_MAX || m->delta < -STOCK_QTY_MAX)
        return wm_errorf(ctx, WM_EINVAL, "change must be between -%d and %d", STOCK_QTY_MAX,
                         STOCK_QTY_MAX);
    if (!stock_reason_valid(m->reason))
        return wm_errorf(ctx, WM_EINVAL, "unknown reason '%.30s'", m->reason ? m->reason : "");
    if (m->note && strlen(m->note) > STOCK_NOTE_MAX)
        return wm_errorf(ctx, WM_EINVAL, "note must be at most %d characters", STOCK_NOTE_MAX);
    return WM_OK;
}

static int variant_not_found(struct wm_ctx *ctx, int64_t variant_id)
{
    return wm_errorf(ctx, WM_ENOTFOUND, "variant '%" PRId64 "' not found", variant_id);
}

int stock_move(struct wm_ctx *ctx, const struct stock_move *m, int64_t only_vendor,
               struct stock_moved *out)
{
    int rc = check_move(ctx, m);
    if (rc != WM_OK) return rc;
    if (!db_in_tx(ctx)) return wm_errorf(ctx, WM_EINTERNAL, "a stock movement needs a transaction");
    int64_t product_id = 0, vendor_id = 0, location_id = m->location_id;
    char *sku = NULL, *location = NULL;
    int32_t total = 0, level = 0;
    rc = stock_db_variant_lock(ctx, m->variant_id, &product_id, &vendor_id, &sku, &total);
    if (rc == WM_OK && only_vendor && vendor_id != only_vendor) rc = WM_ENOTFOUND;
    if (rc == WM_ENOTFOUND) return variant_not_found(ctx, m->variant_id);
    if (rc != WM_OK) return rc;
    if (!location_id) rc = stock_db_default_location(ctx, vendor_id, &location_id);
    if (rc == WM_OK) rc = stock_db_location_name(ctx, vendor_id, location_id, &location);
    if (rc == WM_ENOTFOUND)
        return wm_errorf(ctx, WM_ENOTFOUND, "location '%" PRId64 "' not found", m->location_id);
    if (rc == WM_OK) rc = stock_db_level_lock(ctx, m->variant_id, location_id, &level);
    if (rc != WM_OK) return rc;
    int64_t after = (int64_t)level + m->delta;
    if (after < 0)
        return wm_errorf(ctx, WM_EINVAL,
                         "only %d of %s in stock at %s: the change must be -%d or more", (int)level,
                         sku, location, (int)level);
    if (after > STOCK_QTY_MAX || (int64_t)total + m->delta > STOCK_QTY_MAX)
        return wm_errorf(ctx, WM_EINVAL, "a variant may hold at most %d units", STOCK_QTY_MAX);
    rc = stock_db_move(ctx, vendor_id, product_id, m, location_id, (int32_t)after);
    if (rc != WM_OK) return rc;
    if (out) *out = (struct stock_moved){ product_id, vendor_id, (int32_t)after };
    return WM_OK;
}

int stock_set_total(struct wm_ctx *ctx, int64_t variant_id, int64_t units, const char *note,
                    int64_t actor_id, int64_t only_vendor)
{
    if (units < 0 || units > STOCK_QTY_MAX)
        return wm_errorf(ctx, WM_EINVAL, "stockQuantity must be between 0 and %d", STOCK_QTY_MAX);
    int64_t product_id = 0, vendor_id = 0, location_id = 0;
    char *sku = NULL;
    int32_t total = 0, level = 0;
    int rc = stock_db_variant_lock(ctx, variant_id, &product_id, &vendor_id, &sku, &total);
    if (rc == WM_OK && only_vendor && vendor_id != only_vendor) rc = WM_ENOTFOUND;
    if (rc == WM_ENOTFOUND) return variant_not_found(ctx, variant_id);
    if (rc == WM_OK) rc = stock_db_default_location(ctx, vendor_id, &location_id);
    if (rc == WM_OK) rc = stock_db_level_lock(ctx, variant_id, location_id, &level);
    if (rc != WM_OK) return rc;
    int64_t delta = units - total;
    if (delta == 0) return WM_OK;
    if (level + delta < 0)
        return wm_errorf(ctx, WM_EINVAL,
                         "%d of %s are held at other locations: stockQuantity must be %d or more "
                         "(move them with transferStock first)",
                         (int)(total - level), sku, (int)(total - level));
    struct stock_move m = { .variant_id = variant_id,
                            .location_id = location_id,
                            .delta = (int32_t)delta,
                            .reason = "count",
                            .note = note,
                            .actor_id = actor_id };
    return stock_move(ctx, &m, only_vendor, NULL);
}

int stock_default_location(struct wm_ctx *ctx, int64_t vendor_id, int64_t *location_id)
{
    return stock_db_default_location(ctx, vendor_id, location_id);
}

int stock_open_balances(struct wm_ctx *ctx, int64_t min_product_id, int64_t max_product_id)
{
    return stock_db_open_balances(ctx, min_product_id, max_product_id);
}
