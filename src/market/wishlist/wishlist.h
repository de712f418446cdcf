/*
 * wishlist.h: the wishlist domain: the products a user saved for later, once each. Every
 * function acts for one owner (the signed-in user's id, from account_viewer()). Only products
 * a buyer may see (active, of a readable shop) can be added, and the list shows only those:
 * a product that stops being sold disappears from it until it is sold again. Every add and
 * remove moves the product's likes count (products.likes: triggers of migration 0013) in the
 * same transaction. The mutating functions must run inside a transaction. Strings and arrays live
 * in ctx->arena.
 */
#ifndef WM_MARKET_WISHLIST_H
#define WM_MARKET_WISHLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "market/catalog/catalog.h"

struct wm_ctx;

/* Most products one wishlist may hold. */
#define WISHLIST_MAX_ITEMS 500

/* A saved product. */
struct wishlist_item {
    int64_t id;
    int64_t product_id;
    char *created_at;        /* "YYYY-MM-DD HH:MM:SS.ffffff", UTC */
    struct product *product; /* with vendor and category */
};

/*
 * The wishlist of user_id, newest first, products a buyer may see only: *out is an arena array
 * of *n. A constant number of SQL statements whatever its size. Returns WM_OK or a database
 * error.
 */
int wishlist_list(struct wm_ctx *ctx, int64_t user_id, struct wishlist_item **out, size_t *n);

/*
 * Save product_id for user_id (idempotent: a product already saved is answered with its item
 * and *added false). Returns WM_OK with *out; WM_ENOTFOUND "product '<id>' not found" for a
 * product a buyer may not see; WM_ELIMIT beyond WISHLIST_MAX_ITEMS; or a database error.
 */
int wishlist_add(struct wm_ctx *ctx, int64_t user_id, int64_t product_id,
                 struct wishlist_item **out, bool *added);

/*
 * Whether user_id's wishlist holds product_id (Product.userLiked, any status): *held. The
 * first call of a request reads the user's saved product ids (one statement, at most
 * WISHLIST_MAX_ITEMS) and keeps them for the rest of the request (wm_memo_*), so a page of
 * products costs one statement whatever its size. Returns WM_OK or a database error.
 */
int wishlist_holds(struct wm_ctx *ctx, int64_t user_id, int64_t product_id, bool *held);

/* Forget product_id from user_id's wishlist. WM_ENOTFOUND "product '<id>' is not in your
 * wishlist" when it is not there. */
int wishlist_remove(struct wm_ctx *ctx, int64_t user_id, int64_t product_id);

#endif
