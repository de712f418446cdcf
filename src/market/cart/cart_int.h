/*
 * cart_int.h: what the files of the cart domain share: the store (cart_db.c), one function per
 * SQL statement. Callers validate and authorize first; every statement on cart lines names the
 * cart, and every cart is found by its owner's user id.
 */
#ifndef WM_MARKET_CART_INT_H
#define WM_MARKET_CART_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "market/cart/cart.h"

struct wm_ctx;

/* The id of owner's cart and its merge notice (NULL: none), or WM_ENOTFOUND when it has none
 * yet (or an expired anonymous one). */
int cart_db_find(struct wm_ctx *ctx, const struct cart_owner *owner, int64_t *cart_id,
                 char **notice);

/* Keep notice (NULL: none) on cart_id until its next write (cart_db_lock clears it). */
int cart_db_set_notice(struct wm_ctx *ctx, int64_t cart_id, const char *notice);

/* The id of owner's cart, created when missing (an anonymous one's expiry pushed back to
 * CART_ANON_TTL from now, an expired one replaced by an empty one; a user's merge notice
 * cleared); locks the cart row until
 * the transaction ends, so one owner's cart writes run one after another. */
int cart_db_lock(struct wm_ctx *ctx, const struct cart_owner *owner, int64_t *cart_id);

/* The id of the live anonymous cart of token, locked until the transaction ends; WM_ENOTFOUND
 * when there is none. */
int cart_db_lock_anonymous(struct wm_ctx *ctx, const char *token, int64_t *cart_id);

/* Push the expiry of anonymous cart cart_id back to CART_ANON_TTL from now (a read is a use). */
int cart_db_touch(struct wm_ctx *ctx, int64_t cart_id);

/* Delete cart cart_id (its lines go with it). */
int cart_db_delete_cart(struct wm_ctx *ctx, int64_t cart_id);

/* Delete at most limit expired anonymous carts; *removed gets how many. */
int cart_db_gc(struct wm_ctx *ctx, int64_t limit, int64_t *removed);

/* The lines of cart_id, oldest first (arena array of *n; product and prices unset). */
int cart_db_lines(struct wm_ctx *ctx, int64_t cart_id, struct cart_line **out, size_t *n);

/* Line id of cart_id into *out; WM_ENOTFOUND when there is none. */
int cart_db_line_get(struct wm_ctx *ctx, int64_t cart_id, int64_t id, struct cart_line *out);

/* The line of product_id in cart_id into *out; WM_ENOTFOUND when there is none. */
int cart_db_line_of_product(struct wm_ctx *ctx, int64_t cart_id, int64_t product_id,
                            struct cart_line *out);

/* How many lines cart_id holds. */
int cart_db_count(struct wm_ctx *ctx, int64_t cart_id, int64_t *n);

/* Insert a line; *id gets its id. */
int cart_db_insert(struct wm_ctx *ctx, int64_t cart_id, int64_t product_id, int32_t quantity,
                   int64_t *id);

/* Set the quantity of line id of cart_id. */
int cart_db_set_quantity(struct wm_ctx *ctx, int64_t cart_id, int64_t id, int32_t quantity);

/* Delete line id of cart_id; *deleted says whether there was one. */
int cart_db_delete(struct wm_ctx *ctx, int64_t cart_id, int64_t id, bool *deleted);

/* Delete every line of cart_id. */
int cart_db_clear(struct wm_ctx *ctx, int64_t cart_id);

/* The currency and name of a product in cart_id, other than product_id, priced in another
 * currency than currency; *other and *name NULL when there is none. */
int cart_db_other_currency(struct wm_ctx *ctx, int64_t cart_id, int64_t product_id,
                           const char *currency, char **other, char **name);

/* A price break or an account price of a product (rows of the batch loaders). */
struct cart_tier_row {
    int64_t product_id;
    struct cart_tier tier;
};
struct cart_account_price_row {
    int64_t product_id;
    int64_t unit_price_minor;
};

/* The price breaks of the products of ids_json ("[1,2]"), by product then min_qty. */
int cart_db_tiers(struct wm_ctx *ctx, const char *ids_json, struct cart_tier_row **out, size_t *n);

/* The prices for account_type of the products of ids_json. */
int cart_db_account_prices(struct wm_ctx *ctx, const char *ids_json, const char *account_type,
                           struct cart_account_price_row **out, size_t *n);

/* The account type of user_id ("CUSTOMER", "VENDOR" or "RESELLER"); WM_ENOTFOUND when gone. */
int cart_db_account_type(struct wm_ctx *ctx, int64_t user_id, char **out);

#endif
