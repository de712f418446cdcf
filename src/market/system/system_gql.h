/*
 * system_gql.h: the GraphQL adapter of the system domain: Query.health and the Health type.
 */
#ifndef WM_MARKET_SYSTEM_GQL_H
#define WM_MARKET_SYSTEM_GQL_H

#include "graphql/graphql.h"

/* Query.health: the service's dependencies, as a Health object. Never fails. */
gql_resolve_fn system_gql_health;

/* Field map of the Health type (source: struct system_health). */
extern const struct gql_field_map system_gql_health_fields[];

#endif
