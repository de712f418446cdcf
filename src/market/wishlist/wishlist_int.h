/*
 * wishlist_int.h: what the files of the wishlist domain share: the store (wishlist_db.c), one
 * function per SQL statement, every one scoped to the owner's user id.
 */
#ifndef WM_MARKET_WISHLIST_INT_H
#define WM_MARKET_WISHLIST_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "market/wishlist/wishlist.h"

struct wm_ctx;

/* Lock the owner's users row until the transaction ends (the cap is counted under it).
 * WM_ENOTFOUND when the user is gone. */
int wishlist_db_lock_owner(struct wm_ctx *ctx, int64_t user_id);

/* Every item of user_id, newest first (arena array of *n; products unset). */
int wishlist_db_list(struct wm_ctx *ctx, int64_t user_id, struct wishlist_item **out, size_t *n);

/* The item of product_id of user_id into *out; WM_ENOTFOUND when there is none. */
int wishlist_db_get(struct wm_ctx *ctx, int64_t user_id, int64_t product_id,
                    struct wishlist_item *out);

/* How many items user_id has. */
int wishlist_db_count(struct wm_ctx *ctx, int64_t user_id, int64_t *n);

/* Insert an item. */
int wishlist_db_insert(struct wm_ctx *ctx, int64_t user_id, int64_t product_id);

/* Delete the item of product_id of user_id; *deleted says whether there was one. */
int wishlist_db_delete(struct wm_ctx *ctx, int64_t user_id, int64_t product_id, bool *deleted);

/* The product ids of user_id's wishlist, ascending (arena array of *n). */
int wishlist_db_product_ids(struct wm_ctx *ctx, int64_t user_id, int64_t **out, size_t *n);

#endif
