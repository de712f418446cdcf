/*
 * inventory_gql.h: the GraphQL adapter of the inventory domain: Query.inventoryItems (the
 * app's InventoryItems), inventoryLocations and inventoryLedger; Mutation.updateInventoryItem
 * (the app's UpdateInventoryItem), adjustStock, transferStock and createInventoryLocation; the
 * types InventoryItem, InventoryVariant, InventoryLevel, InventoryLocation,
 * InventoryLedgerEntry and their connections. Every field needs a signed-in vendor (a buyer
 * gets FORBIDDEN). The mutations answer {success, message, item|location}: bad input, another
 * shop's or an unknown id and too little stock are success false with nothing changed.
 */
#ifndef WM_MARKET_INVENTORY_GQL_H
#define WM_MARKET_INVENTORY_GQL_H

#include "graphql/graphql.h"

gql_resolve_fn inventory_gql_items;
gql_resolve_fn inventory_gql_item;
gql_resolve_fn inventory_gql_locations;
gql_resolve_fn inventory_gql_ledger;
gql_resolve_fn inventory_gql_update_item;
gql_resolve_fn inventory_gql_adjust_stock;
gql_resolve_fn inventory_gql_transfer_stock;
gql_resolve_fn inventory_gql_create_location;

/* Field maps (sources: struct inventory_item, inventory_variant, inventory_level,
 * inventory_location, inventory_entry). */
extern const struct gql_field_map inventory_gql_item_fields[];
extern const struct gql_field_map inventory_gql_variant_fields[];
extern const struct gql_field_map inventory_gql_level_fields[];
extern const struct gql_field_map inventory_gql_location_fields[];
extern const struct gql_field_map inventory_gql_entry_fields[];

#endif
