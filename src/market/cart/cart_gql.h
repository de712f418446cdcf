/*
 * cart_gql.h: the GraphQL adapter of the cart domain: Query.myCart, Mutation.addToCart,
 * updateCartItem, removeFromCart and clearCart, and the types Cart, CartItem and
 * CartVendorGroup. Every field needs a signed-in viewer (UNAUTHENTICATED error otherwise).
 * The mutations answer the app's payloads: a quantity the wholesale rules refuse, an unknown
 * (or another user's) cart item or product give success false with the reason in message and
 * nothing changed; only internal failures are GraphQL errors. Money is shown as Float (minor
 * units / 100) with the currency beside it.
 */
#ifndef WM_MARKET_CART_GQL_H
#define WM_MARKET_CART_GQL_H

#include "graphql/graphql.h"

/* Query.myCart: the viewer's Cart, priced now. */
gql_resolve_fn cart_gql_my_cart;
/* Mutation.addToCart(productId, quantity): CartItemPayload {success, message, cartItem}. */
gql_resolve_fn cart_gql_add;
/* Mutation.updateCartItem(cartItemId, quantity): CartItemPayload; cartItemId may be a product
 * id in the viewer's cart (the app's quirk); quantity 0 removes the line (cartItem null). */
gql_resolve_fn cart_gql_update;
/* Mutation.removeFromCart(cartItemId): MutationResponse; cartItemId as in updateCartItem. */
gql_resolve_fn cart_gql_remove;
/* Mutation.clearCart: ClearCartPayload {success, message, cart}; an anonymous caller gets
 * success false (the contract posts it without a token), not an error. */
gql_resolve_fn cart_gql_clear;

/* Field maps of Cart (struct cart), CartItem (struct cart_line) and CartVendorGroup
 * (struct cart_group). */
extern const struct gql_field_map cart_gql_cart_fields[];
extern const struct gql_field_map cart_gql_item_fields[];
extern const struct gql_field_map cart_gql_group_fields[];

#endif
