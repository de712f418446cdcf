/*
 * wishlist_gql.h: the GraphQL adapter of the wishlist domain: Query.myWishlist,
 * Mutation.addToWishlist and removeFromWishlist, and the WishlistItem type. Every field needs a
 * signed-in viewer (UNAUTHENTICATED error otherwise); an unknown product (or one not sold)
 * gives success false with the reason in message.
 */
#ifndef WM_MARKET_WISHLIST_GQL_H
#define WM_MARKET_WISHLIST_GQL_H

#include "graphql/graphql.h"

/* Query.myWishlist: [WishlistItem] of the viewer, newest first. */
gql_resolve_fn wishlist_gql_my_wishlist;
/* Mutation.addToWishlist(productId): WishlistItemPayload {success, message, wishlistItem}. */
gql_resolve_fn wishlist_gql_add;
/* Mutation.removeFromWishlist(productId): MutationResponse. */
gql_resolve_fn wishlist_gql_remove;

/* Field map of WishlistItem (struct wishlist_item). */
extern const struct gql_field_map wishlist_gql_item_fields[];

/* Make the wishlist the answer of Product.userLiked (catalog_set_liked_fn(wishlist_holds)):
 * called once by api_open(), before any request. */
void wishlist_gql_register(void);

#endif
