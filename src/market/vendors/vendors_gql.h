/*
 * vendors_gql.h: the GraphQL adapter of the vendors domain: Query.vendorById and
 * vendorProfileById, and the Vendor type (public profile; its products are the shop's newest
 * active ones). An id that is not a readable vendor gives null and a NOT_FOUND error.
 */
#ifndef WM_MARKET_VENDORS_GQL_H
#define WM_MARKET_VENDORS_GQL_H

#include "graphql/graphql.h"

/* Query.vendorById(id: ID!): Vendor. */
gql_resolve_fn vendors_gql_vendor_by_id;
/* Query.vendorProfileById(id: ID!): Vendor (the same profile). */
gql_resolve_fn vendors_gql_vendor_profile_by_id;
/* Query.myShop: the signed-in VENDOR's own shop (null before it opens; FORBIDDEN for other
 * accounts). */
gql_resolve_fn vendors_gql_my_shop;

/*
 * Mutation.updateShopSettings: the signed-in VENDOR's shop settings (another account type: a
 * FORBIDDEN error); null arguments keep their setting. UpdateShopSettingsPayload {success,
 * message, shopData: User}: the shop as the app's settings screen reads it (id: the owner's
 * user id; names: the owner's; email, phoneNumber, streetAddress, city, country, postalCode:
 * the shop's contact details; businessName: the shop's name). Bad input: success false.
 */
gql_resolve_fn vendors_gql_update_shop_settings;

/* Field map of the Vendor type (source: struct vendor). */
extern const struct gql_field_map vendors_gql_vendor_fields[];

#endif
