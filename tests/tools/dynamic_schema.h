/*
 * dynamic_schema.h: build a schema from any SDL without hand-written resolver tables (test
 * tools only): root fields resolved by resolve_root, other object types dynamic.
 */
#ifndef WM_TEST_DYNAMIC_SCHEMA_H
#define WM_TEST_DYNAMIC_SCHEMA_H

#include <stddef.h>

#include "graphql/graphql.h"

struct arena;

/* The schema, or NULL with the reason in err. Tables live in arena a; free the schema with
 * gql_schema_free(). */
struct gql_schema *dynamic_schema_build(struct arena *a, const char *sdl, size_t len,
                                        gql_resolve_fn *resolve_root, char *err, size_t errlen);

#endif
