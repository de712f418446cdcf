/*
 * wishlist.c: the rules of the wishlist domain (wishlist.h): only products a buyer may see,
 * once each, at most WISHLIST_MAX_ITEMS, the list read with the catalog's batch loader. SQL
 * lives in wishlist_db.c.
 */
#include "market/wishlist/wishlist.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "market/wishlist/wishlist_int.h"

/* A buyer may see p: active, and its shop readable. */
static bool is_visible(const struct product *p)
{
    return p && p->vendor && strcmp(p->status, "active") == 0;
}

/* Attach the products of items[0..n) and keep the visible ones (in order); *kept of them. */
static int attach_products(struct wm_ctx *ctx, struct wishlist_item *items, size_t n, size_t *kept)
{
    *kept = 0;
    if (n == 0) return WM_OK;
    int64_t *ids = ARENA_ARRAY(ctx->arena, int64_t, n);
    for (size_t i = 0; i < n; i++)
        ids[i] = items[i].product_id;
    struct product **products = NULL;
    size_t np = 0;
    int rc = catalog_products_load(ctx, ids, n, &products, &np);
    if (rc != WM_OK) return rc;
    for (size_t i = 0; i < n; i++) {
        struct product *p = np > i && products[i]->id == ids[i] ? products[i] : NULL;
        for (size_t k = 0; k < np && !p; k++)
            if (products[k]->id == ids[i]) p = products[k];
        if (!is_visible(p)) continue;
        items[*kept] = items[i];
        items[*kept].product = p;
        (*kept)++;
    }
    return WM_OK;
}

int wishlist_list(struct wm_ctx *ctx, int64_t user_id, struct wishlist_item **out, size_t *n)
{
    int rc = wishlist_db_list(ctx, user_id, out, n);
    if (rc != WM_OK) return rc;
    return attach_products(ctx, *out, *n, n);
}

/* A user's saved product ids, kept for the request under MEMO_KEY (wishlist_holds()); a write
 * forgets them. */
#define MEMO_KEY "wishlist.product_ids"

int wishlist_add(struct wm_ctx *ctx, int64_t user_id, int64_t product_id,
                 struct wishlist_item **out, bool *added)
{
    *out = NULL;
    *added = false;
    int rc = wishlist_db_lock_owner(ctx, user_id);
    if (rc == WM_ENOTFOUND)
        return wm_errorf(ctx, WM_EUNAUTH, "unauthorized: the token's user is gone");
    if (rc != WM_OK) return rc;
    struct wishlist_item *item = ARENA_NEW(ctx->arena, struct wishlist_item);
    item->product_id = product_id;
    size_t kept = 0;
    rc = attach_products(ctx, item, 1, &kept);
    if (rc != WM_OK) return rc;
    if (kept != 1)
        return wm_errorf(ctx, WM_ENOTFOUND, "product '%" PRId64 "' not found", product_id);
    struct product *p = item->product;
    rc = wishlist_db_get(ctx, user_id, product_id, item);
    if (rc == WM_ENOTFOUND) {
        int64_t count = 0;
        rc = wishlist_db_count(ctx, user_id, &count);
        if (rc != WM_OK) return rc;
        if (count >= WISHLIST_MAX_ITEMS)
            return wm_errorf(ctx, WM_ELIMIT,
                             "a wishlist holds at most %d products: remove one first",
                             WISHLIST_MAX_ITEMS);
        rc = wishlist_db_insert(ctx, user_id, product_id);
        if (rc == WM_OK) rc = wishlist_db_get(ctx, user_id, product_id, item);
        *added = rc == WM_OK;
        if (wm_memo_get(ctx, MEMO_KEY)) wm_memo_set(ctx, MEMO_KEY, NULL);
    }
    if (rc != WM_OK) return rc;
    item->product = p;
    *out = item;
    return WM_OK;
}

struct saved_ids {
    int64_t user_id;
    int64_t *ids; /* ascending */
    size_t n;
};

int wishlist_holds(struct wm_ctx *ctx, int64_t user_id, int64_t product_id, bool *held)
{
    *held = false;
    struct saved_ids *s = wm_memo_get(ctx, MEMO_KEY);
    if (!s || s->user_id != user_id) {
        s = ARENA_NEW(ctx->arena, struct saved_ids);
        s->user_id = user_id;
        int rc = wishlist_db_product_ids(ctx, user_id, &s->ids, &s->n);
        if (rc != WM_OK) return rc;
        wm_memo_set(ctx, MEMO_KEY, s);
    }
    size_t lo = 0;
    size_t hi = s->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->ids[mid] < product_id)
            lo = mid + 1;
        else
            hi = mid;
    }
    *held = lo < s->n && s->ids[lo] == product_id;
    return WM_OK;
}

int wishlist_remove(struct wm_ctx *ctx, int64_t user_id, int64_t product_id)
{
    bool deleted = false;
    int rc = wishlist_db_delete(ctx, user_id, product_id, &deleted);
    if (rc != WM_OK) return rc;
    if (wm_memo_get(ctx, MEMO_KEY)) wm_memo_set(ctx, MEMO_KEY, NULL);
    if (!deleted)
        return wm_errorf(ctx, WM_ENOTFOUND, "product '%" PRId64 "' is not in your wishlist",
                         product_id);
    return WM_OK;
}
