/*
 * wishlist_gql.c: GraphQL adapter of the wishlist domain (wishlist_gql.h). Items are struct
 * wishlist_item pointers; the product is read through the catalog's Product map.
 */
#include "market/wishlist/wishlist_gql.h"

#include <stddef.h>

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "market/accounts/accounts.h"
#include "market/catalog/catalog.h"
#include "market/shared/shared_gql.h"
#include "market/wishlist/wishlist.h"

int wishlist_gql_my_wishlist(struct gql_call *call, struct gql_value *out)
{
    const struct viewer *v = NULL;
    int rc = account_viewer(call->ctx, &v);
    if (rc != WM_OK) return rc;
    struct wishlist_item *list = NULL;
    size_t n = 0;
    rc = wishlist_list(call->ctx, v->user_id, &list, &n);
    if (rc != WM_OK) return rc;
    *out = gql_list(call->ctx->arena, n);
    for (size_t i = 0; i < n; i++)
        out->u.list.items[i] = gql_ptr(&list[i], NULL);
    return WM_OK;
}

int wishlist_gql_add(struct gql_call *call, struct gql_value *out)
{
    const struct viewer *v = NULL;
    int rc = account_viewer(call->ctx, &v);
    if (rc != WM_OK) return rc;
    int64_t product_id = 0;
    struct wishlist_item *item = NULL;
    bool added = false;
    rc = shared_gql_arg_id(call, "productId", "product", &product_id);
    if (rc == WM_OK) rc = wishlist_add(call->ctx, v->user_id, product_id, &item, &added);
    return shared_gql_payload(call, rc, added ? "Added to wishlist" : "Already in your wishlist",
                              "wishlistItem", gql_ptr(item, NULL), out);
}

int wishlist_gql_remove(struct gql_call *call, struct gql_value *out)
{
    const struct viewer *v = NULL;
    int rc = account_viewer(call->ctx, &v);
    if (rc != WM_OK) return rc;
    int64_t product_id = 0;
    rc = shared_gql_arg_id(call, "productId", "product", &product_id);
    if (rc == WM_OK) rc = wishlist_remove(call->ctx, v->user_id, product_id);
    return shared_gql_payload(call, rc, "Removed from wishlist", NULL, gql_null(), out);
}

static int item_product(struct gql_call *call, struct gql_value *out)
{
    const struct wishlist_item *it = call->source->u.ptr;
    *out = it->product ? gql_ptr(it->product, NULL) : gql_null();
    return WM_OK;
}

/* clang-format off */
const struct gql_field_map wishlist_gql_item_fields[] = {
    GQL_MAP_ID("id",                  struct wishlist_item, id),
    GQL_MAP_FN("product",             item_product),
    GQL_MAP_STR("createdAt",          struct wishlist_item, created_at),
    GQL_MAP_END,
};
/* clang-format on */

void wishlist_gql_register(void)
{
    catalog_set_liked_fn(wishlist_holds);
}
