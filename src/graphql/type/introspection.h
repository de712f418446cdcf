/*
 * introspection.h: inside the type module: what build.c needs from introspection.c. The
 * introspection types themselves (__Schema, __Type, __Field, __InputValue, __EnumValue,
 * __Directive, __TypeKind, __DirectiveLocation) are SDL in build.c, built like any other type;
 * introspection.c gives their fields resolvers over the schema structs and makes the three
 * meta fields (__schema, __type, __typename) the executor asks for through schema.h.
 * Reference: graphql-js src/type/introspection.ts.
 */
#ifndef WM_GRAPHQL_TYPE_INTROSPECTION_H
#define WM_GRAPHQL_TYPE_INTROSPECTION_H

#include <stdbool.h>

#include "graphql/type/schema.h"

/* The eight introspection type names, for build.c's checks ("__Schema" ...). */
extern const char *const gql_introspection_type_names[];
extern const size_t gql_introspection_type_count;

/*
 * Once the types of s are built (the introspection types among them): set a resolver on
 * every field of every introspection type and make the meta fields in s->arena. Returns
 * false, naming the field in err (errlen bytes), when an introspection field has no resolver
 * or a resolver names a field the introspection SDL lacks (a bug in this module, not in the
 * caller's SDL).
 */
bool gql_introspection_bind(struct gql_schema *s, char *err, size_t errlen);

#endif
