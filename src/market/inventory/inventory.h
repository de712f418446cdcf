/*
 * inventory.h: the inventory domain: stock per variant and location, a low-stock threshold per
 * product, and a ledger row for every stock movement (reason, actor, quantity after). Stock
 * never goes negative (the movements themselves are market/stock's: stock.h).
 *
 * The vendor-facing calls act on the signed-in viewer's own shop: a buyer gets WM_EPERM with
 * graphql_jwt's wording, another shop's product, variant or location is "not found" exactly
 * like an unknown id. A VENDOR account without a shop has an empty inventory. Every write
 * bumps the catalog caches (stock shows in lists and filters). Strings live in ctx->arena.
 */
#ifndef WM_MARKET_INVENTORY_H
#define WM_MARKET_INVENTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "market/stock/stock.h"

struct wm_ctx;

/* Low-stock threshold of a product that has none set. */
#define INVENTORY_LOW_STOCK_DEFAULT 5
/* Default and largest page sizes of the inventory lists. */
#define INVENTORY_PAGE_DEFAULT 20
#define INVENTORY_PAGE_MAX     100

/* A place a shop keeps stock. Each shop has one default location ("Main warehouse"). */
struct inventory_location {
    int64_t id;
    char *name;
    bool is_default;
    char *created_at;
};

/* Units of a variant at one location. */
struct inventory_level {
    int64_t location_id;
    char *location_name;
    int32_t quantity;
};

/* A sellable unit of an item with its stock per location. */
struct inventory_variant {
    int64_t id;
    char *sku;
    char *size_name; /* NULL when none */
    char *color;     /* NULL when none */
    bool has_price;  /* false: the product's price applies */
    int64_t price_minor;
    int32_t stock;
    struct inventory_level *levels;
    size_t nlevels;
};

/* A product as the vendor's inventory shows it (InventoryItem). */
struct inventory_item {
    int64_t id; /* the product's id */
    char *name;
    char *category;
    char *status; /* draft, active or archived */
    int64_t price_minor;
    char *currency;
    int32_t stock; /* over all variants and locations */
    int32_t low_stock_threshold;
    char *image_url;    /* the first image, NULL when none */
    char *last_updated; /* the latest change to the product or its stock */
    int64_t sales;
    int64_t views;
};

/* The arguments of inventoryItems. filter and sort are the words documented in the SDL. */
struct inventory_list {
    const char *filter; /* NULL or "": all but archived */
    const char *sort;   /* NULL or "": by name */
    const char *search; /* NULL or "": none; else a name or SKU fragment */
    int32_t first;      /* 0: INVENTORY_PAGE_DEFAULT */
    const char *after;  /* a cursor of a previous page */
};

struct inventory_page {
    struct inventory_item *items;
    size_t n;
    bool has_next;
    bool has_previous;
    int64_t offset; /* of the first item */
};

/*
 * The viewer's items. WM_EINVAL for an unknown filter or sort (the message lists the accepted
 * words), a bad page size or a malformed cursor; WM_EPERM for a signed-in non-vendor; the
 * viewer's error when nobody is signed in; else WM_OK or a database error.
 */
int inventory_items(struct wm_ctx *ctx, const struct inventory_list *in,
                    struct inventory_page *out);

/* The viewer's item product_id. WM_ENOTFOUND "inventory item '<id>' not found" otherwise. */
int inventory_item_get(struct wm_ctx *ctx, int64_t product_id, struct inventory_item **out);

/* The variants of the viewer's item product_id, each with its levels (SKU order). */
int inventory_item_variants(struct wm_ctx *ctx, int64_t product_id, struct inventory_variant **out,
                            size_t *n);

/* What updateInventoryItem changes: a field is changed only when its has_ flag is set. */
struct inventory_item_update {
    bool has_stock;
    int64_t stock; /* the item's new total: only for an item with exactly one variant */
    bool has_threshold;
    int64_t threshold;
    bool has_price;
    int64_t price_minor; /* the list price; must stay above a discount price */
    bool has_active;
    bool active; /* true: on sale (active); false: paused (draft) */
    const char *note;
};

/*
 * Change the viewer's item product_id (in the caller's transaction); *out the item after it.
 * A stock change is made at the default location and writes a "count" ledger row. Every
 * problem is WM_EINVAL with a message saying what would be accepted; WM_ENOTFOUND for an id
 * that is not the viewer's; WM_EPERM for a non-vendor, or activating while the email must be
 * verified first (account_require_verified "sell").
 */
int inventory_item_update(struct wm_ctx *ctx, int64_t product_id,
                          const struct inventory_item_update *in, struct inventory_item **out);

/*
 * The viewer's movement m of a variant (adjustStock): stock_move() (stock.h) with the viewer as
 * actor, after checking the variant and location are the viewer's and the reason is one a
 * person may give (not opening, transfer_in or transfer_out: see inventory_transfer()); bumps
 * the catalog caches. *quantity_after (may be NULL) the level after it, *product_id (may be
 * NULL) the variant's product.
 */
int inventory_adjust(struct wm_ctx *ctx, const struct stock_move *m, int32_t *quantity_after,
                     int64_t *product_id);

/*
 * Move qty units of the viewer's variant between two of the viewer's locations: a transfer_out
 * and a transfer_in ledger row; the total is unchanged. *product_id as inventory_adjust().
 */
int inventory_transfer(struct wm_ctx *ctx, int64_t variant_id, int64_t from_location,
                       int64_t to_location, int32_t qty, const char *note, int64_t *product_id);

/* The viewer's locations, the default one first (it is made on first use). */
int inventory_locations(struct wm_ctx *ctx, struct inventory_location **out, size_t *n);

/* Add a location named name (1..100 characters, unique in the shop). */
int inventory_location_create(struct wm_ctx *ctx, const char *name,
                              struct inventory_location **out);

/* A ledger row as inventoryLedger shows it. */
struct inventory_entry {
    int64_t id;
    int64_t product_id;
    int64_t variant_id;
    char *sku;
    int64_t location_id;
    char *location_name;
    int32_t delta;
    int32_t quantity_after;
    char *reason;
    char *note;       /* NULL when none */
    int64_t actor_id; /* 0: the system */
    char *actor_name; /* NULL for the system */
    int64_t order_id; /* 0 for none */
    char *created_at;
};

struct inventory_ledger_page {
    struct inventory_entry *items;
    size_t n;
    bool has_next;
    bool has_previous;
};

/*
 * The viewer's ledger, newest first: of one item (product_id > 0) or the whole shop; keyset
 * paging (cursors name a row). Errors as inventory_items().
 */
int inventory_ledger(struct wm_ctx *ctx, int64_t product_id, int32_t first, const char *after,
                     struct inventory_ledger_page *out);

/* The cursor of a ledger row. */
char *inventory_ledger_cursor(struct wm_ctx *ctx, int64_t entry_id);

#endif
