/*
 * stock_int.h: what the files of the stock domain share: the store (stock_db.c), one function
 * per SQL statement.
 */
#ifndef WM_MARKET_STOCK_INT_H
#define WM_MARKET_STOCK_INT_H

#include <stdint.h>

#include "market/stock/stock.h"

struct wm_ctx;

/* Lock variant_id: its product, the product's vendor, its SKU and total. WM_ENOTFOUND. */
int stock_db_variant_lock(struct wm_ctx *ctx, int64_t variant_id, int64_t *product_id,
                          int64_t *vendor_id, char **sku, int32_t *total);

/* The default location of vendor_id, made when missing. */
int stock_db_default_location(struct wm_ctx *ctx, int64_t vendor_id, int64_t *location_id);

/* The name of vendor_id's location_id. WM_ENOTFOUND. */
int stock_db_location_name(struct wm_ctx *ctx, int64_t vendor_id, int64_t location_id, char **name);

/* Lock the level of variant_id at location_id: *quantity 0 when there is no row. */
int stock_db_level_lock(struct wm_ctx *ctx, int64_t variant_id, int64_t location_id,
                        int32_t *quantity);

/* Write the level, add delta to the variant's total, and append the ledger row of m. */
int stock_db_move(struct wm_ctx *ctx, int64_t vendor_id, int64_t product_id,
                  const struct stock_move *m, int64_t location_id, int32_t after);

int stock_db_open_balances(struct wm_ctx *ctx, int64_t min_product_id, int64_t max_product_id);

#endif
