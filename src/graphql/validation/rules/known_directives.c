/*
 * known_directives.c: every directive used is defined (by the schema, or by a directive
 * definition in the document) and is used in one of the locations its definition allows.
 * Spec: 5.7.1 Directives Are Defined, 5.7.2 Directives Are In Valid Locations.
 * Reference: graphql-js src/validation/rules/KnownDirectivesRule.ts.
 */
#include "graphql/validation/rules.h"

#include <stdint.h>

#include "graphql/validation/validate.h"

struct state {
    struct gql_rule_base base;
    bool ready;               /* locations below is filled */
    struct gql_map locations; /* directive name -> (num) its allowed GQL_LOC() bits */
};

static int location_bit(struct str name)
{
    for (unsigned bit = 0; bit < GQL_LOC_COUNT; bit++)
        if (str_eq_cstr(name, gql_directive_location_name(bit))) return (int)bit;
    return -1;
}

/* Fill st->locations (at the first directive: most documents have none). */
static void prepare(struct state *st)
{
    struct gql_validation_context *ctx = st->base.ctx;
    st->ready = true;
    gql_map_init(&st->locations, ctx->arena);
    for (size_t i = 0; i < ctx->schema->ndirectives; i++) {
        const struct gql_directive_type *d = ctx->schema->directives[i];
        gql_map_put(&st->locations, str_from(d->name), NULL)->num = d->locations;
    }
    for (size_t i = 0; i < ctx->doc->definitions.count; i++) {
        const struct gql_node *def = ctx->doc->definitions.items[i];
        if (def->kind != GQL_DIRECTIVE_DEFINITION) continue;
        const struct gql_directive_def *d = (const struct gql_directive_def *)def;
        size_t bits = 0;
        for (size_t j = 0; j < d->locations.count; j++) {
            int bit = location_bit(d->locations.items[j]->name);
            if (bit >= 0) bits |= 1u << bit;
        }
        gql_map_put(&st->locations, d->name, NULL)->num = bits;
    }
}

static int operation_location(enum gql_operation_type op)
{
    switch (op) {
    case GQL_QUERY:
        return GQL_LOC_BIT_QUERY;
    case GQL_MUTATION:
        return GQL_LOC_BIT_MUTATION;
    case GQL_SUBSCRIPTION:
        return GQL_LOC_BIT_SUBSCRIPTION;
    }
    return -1;
}

/* getDirectiveLocationForASTPath(): the location a directive applied to node is in (its
 * parent is grandparent), or -1. */
static int directive_location(const struct gql_node *node, const struct gql_node *grandparent)
{
    switch (node->kind) {
    case GQL_OPERATION_DEFINITION:
        return operation_location(((const struct gql_operation *)node)->operation);
    case GQL_FIELD:
        return GQL_LOC_BIT_FIELD;
    case GQL_FRAGMENT_SPREAD:
        return GQL_LOC_BIT_FRAGMENT_SPREAD;
    case GQL_INLINE_FRAGMENT:
        return GQL_LOC_BIT_INLINE_FRAGMENT;
    case GQL_FRAGMENT_DEFINITION:
        return GQL_LOC_BIT_FRAGMENT_DEFINITION;
    case GQL_VARIABLE_DEFINITION:
        return GQL_LOC_BIT_VARIABLE_DEFINITION;
    case GQL_SCHEMA_DEFINITION:
    case GQL_SCHEMA_EXTENSION:
        return GQL_LOC_BIT_SCHEMA;
    case GQL_SCALAR_TYPE_DEFINITION:
    case GQL_SCALAR_TYPE_EXTENSION:
        return GQL_LOC_BIT_SCALAR;
    case GQL_OBJECT_TYPE_DEFINITION:
    case GQL_OBJECT_TYPE_EXTENSION:
        return GQL_LOC_BIT_OBJECT;
    case GQL_FIELD_DEFINITION:
        return GQL_LOC_BIT_FIELD_DEFINITION;
    case GQL_INTERFACE_TYPE_DEFINITION:
    case GQL_INTERFACE_TYPE_EXTENSION:
        return GQL_LOC_BIT_INTERFACE;
    case GQL_UNION_TYPE_DEFINITION:
    case GQL_UNION_TYPE_EXTENSION:
        return GQL_LOC_BIT_UNION;
    case GQL_ENUM_TYPE_DEFINITION:
    case GQL_ENUM_TYPE_EXTENSION:
        return GQL_LOC_BIT_ENUM;
    case GQL_ENUM_VALUE_DEFINITION:
        return GQL_LOC_BIT_ENUM_VALUE;
    case GQL_INPUT_OBJECT_TYPE_DEFINITION:
    case GQL_INPUT_OBJECT_TYPE_EXTENSION:
        return GQL_LOC_BIT_INPUT_OBJECT;
    case GQL_INPUT_VALUE_DEFINITION:
        /* graphql-js looks at the definition only, not at an input object extension. */
        return grandparent && grandparent->kind == GQL_INPUT_OBJECT_TYPE_DEFINITION
                       ? GQL_LOC_BIT_INPUT_FIELD_DEFINITION
                       : GQL_LOC_BIT_ARGUMENT_DEFINITION;
    default:
        return -1;
    }
}

static enum gql_visit_action enter_directive(void *data, const struct gql_node *node,
                                             const struct gql_visit *walk)
{
    struct state *st = data;
    struct gql_validation_context *ctx = st->base.ctx;
    struct str name = ((const struct gql_directive *)node)->name;
    if (!st->ready) prepare(st);
    struct gql_map_entry *e = gql_map_find(&st->locations, name);
    if (!e) {
        gql_report_at(ctx, node, "Unknown directive \"@%.*s\".", STR_FMT(name));
        return GQL_CONTINUE;
    }
    const struct gql_node *applied_to = gql_visit_ancestor(walk, 0);
    int bit = applied_to ? directive_location(applied_to, gql_visit_ancestor(walk, 1)) : -1;
    if (bit >= 0 && !(e->num & (1u << bit)))
        gql_report_at(ctx, node, "Directive \"@%.*s\" may not be used on %s.", STR_FMT(name),
                      gql_directive_location_name((unsigned)bit));
    return GQL_CONTINUE;
}

const struct gql_rule gql_rule_known_directives = {
    .name = "KnownDirectives",
    .state_size = sizeof(struct state),
    .visitor = { .enter = { [GQL_DIRECTIVE] = enter_directive } },
};
