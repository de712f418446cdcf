/*
 * cart.h: the cart domain: one cart per buyer, one line per product, with the wholesale rules
 * of the catalog applied on every write and re-checked on every read:
 *
 *   - minimum order quantity (products.moq) and order multiples (products.case_pack): the
 *     accepted quantities are the multiples of the case pack from the minimum on;
 *   - stock: at most the units in stock over the product's variants (read, never written);
 *   - the unit price charged is the lowest the buyer qualifies for: the list price, the sale
 *     price, the price of the buyer's account type (product_account_prices, e.g. RESELLER)
 *     and the quantity price break (product_price_tiers) the line's quantity reaches; the line
 *     says which one and why;
 *   - lines are grouped by vendor with a subtotal checked against the vendor's minimum order
 *     value (vendors.min_order_minor); one cart holds one currency.
 *
 * Prices are never stored in the cart: every read works them out from the catalog as it is
 * now. A quantity that breaks a rule is refused with WM_EINVAL and a message that says which
 * quantities would be accepted ("Order Crate of 12 in multiples of 12: 12 or 24").
 *
 * Every function acts for one owner (struct cart_owner): the signed-in user (account_viewer()),
 * or a signed-out browser known by its anonymous cart token (the web pages only; the token is
 * stored as its SHA-256, and the cart expires CART_ANON_TTL seconds after its last use).
 * Another owner's cart item is exactly as unknown as one that does not exist. The same rules
 * apply to both; an anonymous buyer is priced as a CUSTOMER. The mutating functions
 * must run inside a transaction (the GraphQL surface opens one per mutation); they lock the
 * owner's cart row first and check everything before they write, so a refusal changes
 * nothing. Money is int64_t minor units of the line's currency. Strings and arrays live in
 * ctx->arena.
 */
#ifndef WM_MARKET_CART_H
#define WM_MARKET_CART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "market/catalog/catalog.h"
#include "market/vendors/vendors.h"

struct wm_ctx;

/* Most lines (distinct products) one cart may hold, and most units of one line. */
#define CART_MAX_LINES    200
#define CART_MAX_QUANTITY 1000000

/* Seconds an anonymous cart lives after its last read or write (its cookie as long). */
#define CART_ANON_TTL ((int64_t)30 * 86400)

/* Hex characters of an anonymous cart token (32 random bytes). */
#define CART_TOKEN_HEX 64

/* Whose cart: a signed-in user (user_id > 0), else the browser's anonymous cart token. */
struct cart_owner {
    int64_t user_id;   /* > 0: a user's cart */
    const char *token; /* user_id 0: CART_TOKEN_HEX lowercase hex characters */
};

/* Whether s has the shape of an anonymous cart token (CART_TOKEN_HEX lowercase hex). */
bool cart_token_valid(const char *s);

/* Why a line costs what it costs: which of the buyer's prices is the lowest. */
enum cart_price_rule {
    CART_PRICE_LIST,    /* the product's list price */
    CART_PRICE_SALE,    /* the product's discount price */
    CART_PRICE_ACCOUNT, /* the price for the buyer's account type (e.g. RESELLER) */
    CART_PRICE_TIER,    /* a quantity price break the line reaches */
};

/* A quantity price break: from min_qty units on, each unit costs unit_price_minor. */
struct cart_tier {
    int32_t min_qty;
    int64_t unit_price_minor;
};

/* What the rules need to know of one product for one buyer. */
struct cart_terms {
    const char *name;         /* the product's name, for messages */
    const char *currency;     /* ISO 4217 */
    int64_t list_price_minor; /* products.price_minor */
    bool has_sale;            /* a discount price is set */
    int64_t sale_price_minor; /* products.discount_price_minor */
    const char *account_type; /* the buyer's: CUSTOMER, VENDOR or RESELLER */
    bool has_account_price;   /* the product has a price for that account type */
    int64_t account_price_minor;
    const struct cart_tier *tiers; /* ascending min_qty */
    size_t ntiers;
    int32_t moq;       /* >= 1 */
    int32_t case_pack; /* >= 1 */
    int64_t stock;     /* units in stock over all variants */
};

/* The unit price of a quantity and the reason (reason: arena text, e.g. "Price break: 48 or
 * more units", "RESELLER price", "Sale price", "List price"). */
struct cart_price {
    int64_t unit_price_minor;
    enum cart_price_rule rule;
    int32_t tier_min_qty; /* the break reached, when rule is CART_PRICE_TIER */
    char *reason;
};

/* The name of a rule as the API shows it: LIST, SALE, ACCOUNT_TYPE or QUANTITY_BREAK. */
const char *cart_price_rule_name(enum cart_price_rule rule);

/* The smallest quantity the rules accept: the minimum order rounded up to a whole case. */
int64_t cart_min_quantity(const struct cart_terms *t);

/*
 * The unit price of quantity units for the buyer of t: the lowest of the list price, the sale
 * price, the account type's price and the price break quantity reaches (ties keep the earlier
 * of that order). Pure: no SQL.
 */
void cart_price_of(struct wm_ctx *ctx, const struct cart_terms *t, int64_t quantity,
                   struct cart_price *out);

/*
 * Check quantity against the rules of t, in the order: 1..CART_MAX_QUANTITY, minimum order
 * quantity, case pack multiple, stock. Returns WM_OK, or WM_EINVAL with a message that names
 * the product and says which quantities would be accepted. Pure: no SQL.
 */
int cart_check_quantity(struct wm_ctx *ctx, const struct cart_terms *t, int64_t quantity);

/* A line of a cart, priced as of this read. */
struct cart_line {
    int64_t id;
    int64_t product_id;
    int32_t quantity;
    char *created_at;        /* "YYYY-MM-DD HH:MM:SS.ffffff", UTC */
    struct product *product; /* with vendor and category; NULL only if the product row is gone */
    bool available;          /* the product is active and its shop readable */
    char *problem;           /* why the line cannot be ordered as it is, NULL when it can */
    char *currency;
    struct cart_price price;  /* the unit price charged (available lines) */
    int64_t base_price_minor; /* the unit price before breaks and account prices */
    int64_t total_minor;      /* price.unit_price_minor * quantity (0 when not available) */
};

/* The lines of one vendor, with its subtotal and minimum order check. */
struct cart_group {
    int64_t vendor_id;
    const struct vendor *vendor; /* NULL when the shop is no longer readable */
    struct cart_line **lines;
    size_t n;
    char *currency;
    int64_t subtotal_minor;  /* of its available lines */
    int64_t min_order_minor; /* the vendor's minimum order value (0: none) */
    bool meets_minimum;
    int64_t shortfall_minor; /* what is missing to reach the minimum, 0 when met */
    char *message;           /* what to do about the minimum, NULL when met */
};

/* A cart as of this read. */
struct cart {
    int64_t id;              /* 0: an anonymous cart not written yet */
    int64_t user_id;         /* 0: an anonymous cart */
    char *currency;          /* of its lines; NULL when empty */
    struct cart_line *lines; /* oldest first */
    size_t n;
    struct cart_group *groups; /* by vendor, in the order of their first line */
    size_t ngroups;
    int64_t total_minor; /* the available lines' totals */
    int64_t total_items; /* units over the available lines */
    bool can_checkout;   /* not empty, every line orderable, every vendor's minimum met */
    char *notice;        /* what the last sign-in's merge changed (cart_merge_report.notice), until
                            the cart next changes; NULL: nothing (always NULL after a write) */
};

/*
 * The cart of owner, priced now (a user's is created empty on the first read; an anonymous one
 * only by its first write: until then, and once expired, it reads as empty; reading a live one
 * pushes its expiry back). A constant number
 * of SQL statements whatever its size. Returns WM_OK or a database error.
 */
int cart_get(struct wm_ctx *ctx, const struct cart_owner *owner, struct cart **out);

/*
 * Add quantity units of product_id (has_quantity false: the smallest accepted quantity for a
 * new line, one more case for a line already there) to owner's cart (an anonymous one is
 * created, or its expiry pushed back), adding to the line of
 * that product when there is one; the resulting quantity must pass every rule. *cart_out (may
 * be NULL) gets the cart as priced after the write and *line_out its line. Returns WM_OK;
 * WM_ENOTFOUND "product '<id>' not found" for a product a buyer may not see; WM_EINVAL for a
 * quantity the rules refuse, one's own product, another currency than the cart's, or a full
 * cart; or a database error.
 */
int cart_add(struct wm_ctx *ctx, const struct cart_owner *owner, int64_t product_id,
             bool has_quantity, int64_t quantity, struct cart **cart_out,
             struct cart_line **line_out);

/*
 * Set the quantity of a line of owner's cart. item is the line's id or, when no line of
 * this cart has that id, the id of a product in this cart (the app sends product ids). 0
 * removes the line (*line_out NULL). Returns WM_OK; WM_ENOTFOUND "cart item '<id>' not found";
 * WM_EINVAL for a negative quantity, one the rules refuse, or a product no longer sold; or a
 * database error.
 */
int cart_update(struct wm_ctx *ctx, const struct cart_owner *owner, int64_t item, int64_t quantity,
                struct cart **cart_out, struct cart_line **line_out);

/* Remove a line (item resolved as in cart_update()). WM_ENOTFOUND when there is none. */
int cart_remove(struct wm_ctx *ctx, const struct cart_owner *owner, int64_t item);

/* Remove every line of owner's cart; *out gets the (empty) cart. */
int cart_clear(struct wm_ctx *ctx, const struct cart_owner *owner, struct cart **out);

/* What cart_merge() did. */
struct cart_merge_report {
    int moved;    /* lines that came over with their quantity (added up with a line there) */
    int adjusted; /* lines whose quantity was changed to the nearest one the rules accept */
    int dropped;  /* lines left out: no longer sold, own product, other currency, no stock,
                     or the cart full */
    char *notice; /* one line ('\n' between) per line adjusted or left out, saying why ("only
                     120 units of 'Crate' are in stock: order at most 120: 120 units of 'Crate'
                     instead of 132"); NULL when none. Kept on the user's cart (cart.notice)
                     until its next write. */
};

/*
 * The quantity nearest to quantity that the rules of t accept (the case pack multiple nearest
 * to it, at least the minimum order, at most the stock), or 0 when none is (the stock is below
 * the minimum order). Pure: no SQL.
 */
int64_t cart_nearest_quantity(const struct cart_terms *t, int64_t quantity);

/*
 * Move the lines of the anonymous cart of token into user_id's cart (at sign-in): quantities
 * of the same product add up; a line whose quantity the rules refuse after that is set to
 * cart_nearest_quantity() or, when there is none or the product cannot be ordered by this
 * user, dropped. The anonymous cart is then deleted. No anonymous cart (unknown or expired
 * token): nothing happens. Runs in a transaction of its own (nested in the caller's when there
 * is one): a failure changes nothing. Returns WM_OK (*report filled) or a database error.
 */
int cart_merge(struct wm_ctx *ctx, const char *token, int64_t user_id,
               struct cart_merge_report *report);

/*
 * Delete at most limit expired anonymous carts (with their lines); *removed gets how many. For
 * the worker's cart_gc job. Returns WM_OK or a database error.
 */
int cart_gc(struct wm_ctx *ctx, int64_t limit, int64_t *removed);

#endif
