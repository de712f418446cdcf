/*
 * addresses_gql.h: the GraphQL adapter of the addresses domain: Query.myAddresses,
 * Mutation.createAddress, updateAddress and deleteAddress, and the Address type. Every field
 * needs a signed-in viewer (UNAUTHENTICATED error otherwise). The mutations answer the app's
 * payloads: bad input, an unknown (or another user's) address id and the per-user cap give
 * success false with the reason in message and nothing changed; only internal failures are
 * GraphQL errors.
 */
#ifndef WM_MARKET_ADDRESSES_GQL_H
#define WM_MARKET_ADDRESSES_GQL_H

#include "graphql/graphql.h"

/* Query.myAddresses: [Address] of the viewer, defaults first, then newest first. */
gql_resolve_fn addresses_gql_my_addresses;
/* Mutation.createAddress: AddressPayload {success, message, address}. */
gql_resolve_fn addresses_gql_create;
/* Mutation.updateAddress: AddressPayload; null arguments leave their fields unchanged. */
gql_resolve_fn addresses_gql_update;
/* Mutation.deleteAddress: MutationResponse {success, message}. */
gql_resolve_fn addresses_gql_delete;

/* Field map of the Address type (source: struct address). */
extern const struct gql_field_map addresses_gql_address_fields[];

#endif
