/*
 * stock.h: the stock of sellable units (product variants) per location, and the ledger row of
 * every movement. The one place stock changes: a movement locks the variant, then its level at
 * the location, refuses to go below zero, and writes the level, the variant's total
 * (product_variants.stock, what catalog reads and the cart use) and the ledger row in the
 * caller's transaction. Every shop has one default location ("Main warehouse"), made on first
 * use. This layer authorizes nothing and bumps no cache: its callers (the catalog's writes,
 * the inventory, orders) check who may move what and retire what they cache. Strings live in
 * ctx->arena.
 */
#ifndef WM_MARKET_STOCK_H
#define WM_MARKET_STOCK_H

#include <stdbool.h>
#include <stdint.h>

struct wm_ctx;

/* Largest single movement and largest quantity a variant may hold. */
#define STOCK_QTY_MAX 10000000
/* Longest note of a movement. */
#define STOCK_NOTE_MAX 255

/* One movement. location_id 0 means the shop's default location. */
struct stock_move {
    int64_t variant_id;
    int64_t location_id;
    int32_t delta;      /* non-zero, |delta| <= STOCK_QTY_MAX */
    const char *reason; /* see stock_reason_valid() */
    const char *note;   /* NULL for none; at most STOCK_NOTE_MAX characters */
    int64_t order_id;   /* 0 for none */
    int64_t actor_id;   /* 0: the system */
};

/* What a movement touched. */
struct stock_moved {
    int64_t product_id;
    int64_t vendor_id;
    int32_t quantity_after; /* at the location */
};

/* The ledger's reasons: opening, received, count, sale, return, damaged, lost, correction,
 * transfer_in, transfer_out. */
bool stock_reason_valid(const char *reason);

/*
 * Apply m inside the caller's transaction (WM_EINTERNAL outside one). only_vendor > 0 requires
 * the variant and the location to be that shop's (another shop's are "not found", like unknown
 * ids). WM_EINVAL for a zero or too large change, an unknown reason, a long note, or "only N of
 * <sku> in stock at <location>: the change must be -N or more"; WM_ENOTFOUND "variant '<id>'
 * not found" / "location '<id>' not found". *out (may be NULL) on WM_OK.
 */
int stock_move(struct wm_ctx *ctx, const struct stock_move *m, int64_t only_vendor,
               struct stock_moved *out);

/*
 * Make units (0..STOCK_QTY_MAX) the total of variant_id (only_vendor as stock_move()) by a
 * "count" movement at the default location with note; nothing when it already holds that
 * many. WM_EINVAL "<n> of <sku> are held at other locations: stockQuantity must be <n> or
 * more" when the default location cannot absorb the difference.
 */
int stock_set_total(struct wm_ctx *ctx, int64_t variant_id, int64_t units, const char *note,
                    int64_t actor_id, int64_t only_vendor);

/* The default location of vendor_id, made when missing. */
int stock_default_location(struct wm_ctx *ctx, int64_t vendor_id, int64_t *location_id);

/*
 * Opening balances for variants of products min_id..max_id that have no level yet: a default
 * location for their shops, an "opening" ledger row and a level holding product_variants.stock
 * (a bulk loader writes stock directly, then calls this). Returns WM_OK or a database error.
 */
int stock_open_balances(struct wm_ctx *ctx, int64_t min_product_id, int64_t max_product_id);

#endif
