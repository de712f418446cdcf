/*
 * inventory_int.h: what the files of the inventory domain share: the store (inventory_db.c),
 * one function per SQL statement (or per assembled list statement). Every read takes the
 * shop's vendor id, so no other shop's row is readable.
 */
#ifndef WM_MARKET_INVENTORY_INT_H
#define WM_MARKET_INVENTORY_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "market/inventory/inventory.h"

struct wm_ctx;

/* Which items a list keeps, and in which order (inventory.c parses the words). */
enum inventory_filter {
    INV_FILTER_ALL, /* all but archived */
    INV_FILTER_ACTIVE,
    INV_FILTER_INACTIVE,
    INV_FILTER_ARCHIVED,
    INV_FILTER_LOW_STOCK,
    INV_FILTER_OUT_OF_STOCK,
    INV_FILTER_IN_STOCK,
    INV_FILTER_COUNT
};

enum inventory_sort {
    INV_SORT_NAME,
    INV_SORT_STOCK,
    INV_SORT_PRICE,
    INV_SORT_UPDATED,
    INV_SORT_SALES,
    INV_SORT_VIEWS,
    INV_SORT_COUNT
};

/* A page of vendor_id's items: limit rows from offset (pattern: a LIKE pattern or NULL). */
int inventory_db_items(struct wm_ctx *ctx, int64_t vendor_id, enum inventory_filter filter,
                       enum inventory_sort sort, bool descending, const char *pattern,
                       int64_t offset, int32_t limit, struct inventory_item **out, size_t *n);

/* vendor_id's item product_id. WM_ENOTFOUND. */
int inventory_db_item(struct wm_ctx *ctx, int64_t vendor_id, int64_t product_id,
                      struct inventory_item *out);

/* The variants of product_id with their levels. */
int inventory_db_variants(struct wm_ctx *ctx, int64_t product_id, struct inventory_variant **out,
                          size_t *n);

/* Lock vendor_id's product_id: its status, price and discount price (has_discount false when
 * none). WM_ENOTFOUND. */
int inventory_db_product_lock(struct wm_ctx *ctx, int64_t vendor_id, int64_t product_id,
                              char **status, int64_t *price_minor, bool *has_discount,
                              int64_t *discount_minor);

/* The variant ids of product_id, oldest first (at most cap, *n the true count). */
int inventory_db_variant_ids(struct wm_ctx *ctx, int64_t product_id, int64_t *ids, size_t cap,
                             size_t *n);

int inventory_db_set_price(struct wm_ctx *ctx, int64_t product_id, int64_t price_minor);
int inventory_db_set_status(struct wm_ctx *ctx, int64_t product_id, const char *status);
int inventory_db_set_threshold(struct wm_ctx *ctx, int64_t product_id, int64_t threshold);

int inventory_db_locations(struct wm_ctx *ctx, int64_t vendor_id, struct inventory_location **out,
                           size_t *n);

/* Insert a location; *id the new one. WM_ECONFLICT when the name is taken. */
int inventory_db_location_insert(struct wm_ctx *ctx, int64_t vendor_id, const char *name,
                                 int64_t *id);

/* Ledger rows of vendor_id (of product_id when > 0) with id below before_id, newest first. */
int inventory_db_ledger(struct wm_ctx *ctx, int64_t vendor_id, int64_t product_id,
                        int64_t before_id, int32_t limit, struct inventory_entry **out, size_t *n);

#endif
