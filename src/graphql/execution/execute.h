/*
 * execute.h: what the execution files share inside the engine: the grouped field set that
 * field collection produces (response keys in request order, each with the field nodes merged
 * under it) and the collection entry points. gql_execute() itself is public (graphql.h).
 * Reference: graphql-js src/execution/collectFields.ts, src/execution/execute.ts.
 */
#ifndef WM_GRAPHQL_EXECUTION_EXECUTE_H
#define WM_GRAPHQL_EXECUTION_EXECUTE_H

#include <stdbool.h>
#include <stddef.h>

#include "graphql/execution/values.h"
#include "graphql/graphql.h"

struct arena;

/* One response key and every field node selected under it (graphql-js FieldGroup). */
struct gql_field_group {
    const char *key;                          /* alias or field name, NUL-terminated (arena) */
    const struct gql_selection *const *nodes; /* the FIELD nodes, in document order */
    size_t nnodes;                            /* at least 1 */
    size_t cap;                               /* private: room in nodes while collecting */
};

/* An ordered map from response key to field nodes (graphql-js GroupedFieldSet). */
struct gql_grouped_fields {
    struct gql_field_group *items;
    size_t count;
};

/* What field collection reads: the schema, the document's fragments, the coerced variables
 * (for @skip and @include) and the arena the result goes into. */
struct gql_collect_ctx {
    struct arena *arena;
    const struct gql_schema *schema;
    const struct gql_fragment *const *fragments;
    size_t nfragments;
    const struct gql_value *vars; /* OBJECT */
};

/*
 * CollectFields (spec 6.3.2): the fields of set for an object of runtime_type, following
 * fragment spreads (each fragment once) and inline fragments whose type condition applies,
 * leaving out what @skip/@include exclude. Same-key fields are merged in first-seen order.
 * The result lives in c->arena. Returns WM_OK, or WM_EINVAL when a directive's arguments
 * cannot be coerced (*err says why and where).
 */
int gql_collect_fields(const struct gql_collect_ctx *c, const struct gql_type *runtime_type,
                       const struct gql_selection_set *set, struct gql_grouped_fields *out,
                       struct gql_value_error *err);

/* CollectSubfields: the fields of every selection set under group's nodes, for an object of
 * return_type, merged as one grouped field set. Same results and errors as above. */
int gql_collect_subfields(const struct gql_collect_ctx *c, const struct gql_type *return_type,
                          const struct gql_field_group *group, struct gql_grouped_fields *out,
                          struct gql_value_error *err);

#endif
