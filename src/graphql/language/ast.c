/*
 * ast.c: names of AST kinds and operation types, as graphql-js spells them (Kind enum values
 * and OperationTypeNode), for messages and debugging.
 * Reference: graphql-js src/language/kinds.ts, ast.ts (OperationTypeNode).
 */
#include "graphql/language/ast.h"

#include <assert.h>

static const char *const kind_names[] = {
#define X(name, str) str,
    GQL_KIND_MAP(X)
#undef X
};

const char *gql_kind_name(enum gql_kind kind)
{
    assert((unsigned)kind < GQL_KIND_COUNT);
    return kind_names[kind];
}

const char *gql_operation_type_name(enum gql_operation_type op)
{
    switch (op) {
    case GQL_QUERY:
        return "query";
    case GQL_MUTATION:
        return "mutation";
    case GQL_SUBSCRIPTION:
        return "subscription";
    }
    assert(!"unknown operation type");
    return "query";
}
