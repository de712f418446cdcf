/*
 * unique_directives_per_location.c: a non-repeatable directive appears at most once at a
 * location. A type and its extensions count as one location, and so do the schema definition
 * and its extensions.
 * Spec: 5.7.3 Directives Are Unique Per Location.
 * Reference: graphql-js src/validation/rules/UniqueDirectivesPerLocationRule.ts.
 */
#include "graphql/validation/rules.h"

#include "core/arena.h"
#include "graphql/validation/validate.h"

struct state {
    struct gql_rule_base base;
    bool ready;                 /* unique below is filled */
    struct gql_map unique;      /* directive name -> non-NULL when not repeatable */
    struct gql_map schema_seen; /* for the schema definition and its extensions */
    struct gql_map type_seen;   /* type name -> struct gql_map * of directives seen */
};

/* Fill st->unique (at the first directive: most documents have none). */
static void prepare(struct state *st)
{
    struct gql_validation_context *ctx = st->base.ctx;
    st->ready = true;
    gql_map_init(&st->unique, ctx->arena);
    gql_map_init(&st->schema_seen, ctx->arena);
    gql_map_init(&st->type_seen, ctx->arena);
    for (size_t i = 0; i < ctx->schema->ndirectives; i++) {
        const struct gql_directive_type *d = ctx->schema->directives[i];
        gql_map_put(&st->unique, str_from(d->name), NULL)->value = d->repeatable ? NULL : (void *)d;
    }
    for (size_t i = 0; i < ctx->doc->definitions.count; i++) {
        const struct gql_node *def = ctx->doc->definitions.items[i];
        if (def->kind != GQL_DIRECTIVE_DEFINITION) continue;
        const struct gql_directive_def *d = (const struct gql_directive_def *)def;
        gql_map_put(&st->unique, d->name, NULL)->value = d->repeatable ? NULL : (void *)d;
    }
}

static bool is_type_definition_or_extension(enum gql_kind k)
{
    switch (k) {
    case GQL_SCALAR_TYPE_DEFINITION:
    case GQL_OBJECT_TYPE_DEFINITION:
    case GQL_INTERFACE_TYPE_DEFINITION:
    case GQL_UNION_TYPE_DEFINITION:
    case GQL_ENUM_TYPE_DEFINITION:
    case GQL_INPUT_OBJECT_TYPE_DEFINITION:
    case GQL_SCALAR_TYPE_EXTENSION:
    case GQL_OBJECT_TYPE_EXTENSION:
    case GQL_INTERFACE_TYPE_EXTENSION:
    case GQL_UNION_TYPE_EXTENSION:
    case GQL_ENUM_TYPE_EXTENSION:
    case GQL_INPUT_OBJECT_TYPE_EXTENSION:
        return true;
    default:
        return false;
    }
}

/* The directives of a node that can carry them, or NULL. */
static const gql_directives *directives_of(const struct gql_node *node)
{
    switch (node->kind) {
    case GQL_OPERATION_DEFINITION:
        return &((const struct gql_operation *)node)->directives;
    case GQL_VARIABLE_DEFINITION:
        return &((const struct gql_variable_definition *)node)->directives;
    case GQL_FIELD:
    case GQL_FRAGMENT_SPREAD:
    case GQL_INLINE_FRAGMENT:
        return &((const struct gql_selection *)node)->directives;
    case GQL_FRAGMENT_DEFINITION:
        return &((const struct gql_fragment *)node)->directives;
    case GQL_SCHEMA_DEFINITION:
    case GQL_SCHEMA_EXTENSION:
        return &((const struct gql_schema_def *)node)->directives;
    case GQL_FIELD_DEFINITION:
        return &((const struct gql_field_def *)node)->directives;
    case GQL_INPUT_VALUE_DEFINITION:
        return &((const struct gql_input_value_def *)node)->directives;
    case GQL_ENUM_VALUE_DEFINITION:
        return &((const struct gql_enum_value_def *)node)->directives;
    case GQL_SCALAR_TYPE_DEFINITION:
    case GQL_OBJECT_TYPE_DEFINITION:
    case GQL_INTERFACE_TYPE_DEFINITION:
    case GQL_UNION_TYPE_DEFINITION:
    case GQL_ENUM_TYPE_DEFINITION:
    case GQL_INPUT_OBJECT_TYPE_DEFINITION:
    case GQL_SCALAR_TYPE_EXTENSION:
    case GQL_OBJECT_TYPE_EXTENSION:
    case GQL_INTERFACE_TYPE_EXTENSION:
    case GQL_UNION_TYPE_EXTENSION:
    case GQL_ENUM_TYPE_EXTENSION:
    case GQL_INPUT_OBJECT_TYPE_EXTENSION:
        return &((const struct gql_type_def *)node)->directives;
    default:
        return NULL;
    }
}

static enum gql_visit_action enter_node(void *data, const struct gql_node *node,
                                        const struct gql_visit *walk)
{
    (void)walk;
    struct state *st = data;
    struct gql_validation_context *ctx = st->base.ctx;
    const gql_directives *ds = directives_of(node);
    if (!ds || ds->count == 0) return GQL_CONTINUE;
    if (!st->ready) prepare(st);
    struct gql_map local;
    struct gql_map *seen = &local;
    if (node->kind == GQL_SCHEMA_DEFINITION || node->kind == GQL_SCHEMA_EXTENSION) {
        seen = &st->schema_seen;
    } else if (is_type_definition_or_extension(node->kind)) {
        struct gql_map_entry *e =
                gql_map_put(&st->type_seen, ((const struct gql_type_def *)node)->name, NULL);
        if (!e->value) {
            e->value = ARENA_NEW(ctx->arena, struct gql_map);
            gql_map_init(e->value, ctx->arena);
        }
        seen = e->value;
    } else {
        gql_map_init(&local, ctx->arena);
    }
    for (size_t i = 0; i < ds->count; i++) {
        const struct gql_directive *d = ds->items[i];
        if (!gql_map_get(&st->unique, d->name)) continue;
        bool added;
        struct gql_map_entry *e = gql_map_put(seen, d->name, &added);
        if (added) {
            e->value = (void *)d;
            continue;
        }
        const struct gql_directive *first = e->value;
        struct gql_loc locs[2] = { first->node.loc, d->node.loc };
        gql_report(ctx, locs, 2, "The directive \"@%.*s\" can only be used once at this location.",
                   STR_FMT(d->name));
    }
    return GQL_CONTINUE;
}

/* Every kind that carries directives. */
const struct gql_rule gql_rule_unique_directives_per_location = {
    .name = "UniqueDirectivesPerLocation",
    .state_size = sizeof(struct state),
    .visitor = { .enter = {
            [GQL_OPERATION_DEFINITION] = enter_node,
            [GQL_VARIABLE_DEFINITION] = enter_node,
            [GQL_FIELD] = enter_node,
            [GQL_FRAGMENT_SPREAD] = enter_node,
            [GQL_INLINE_FRAGMENT] = enter_node,
            [GQL_FRAGMENT_DEFINITION] = enter_node,
            [GQL_SCHEMA_DEFINITION] = enter_node,
            [GQL_SCHEMA_EXTENSION] = enter_node,
            [GQL_SCALAR_TYPE_DEFINITION] = enter_node,
            [GQL_OBJECT_TYPE_DEFINITION] = enter_node,
            [GQL_FIELD_DEFINITION] = enter_node,
            [GQL_INPUT_VALUE_DEFINITION] = enter_node,
            [GQL_INTERFACE_TYPE_DEFINITION] = enter_node,
            [GQL_UNION_TYPE_DEFINITION] = enter_node,
            [GQL_ENUM_TYPE_DEFINITION] = enter_node,
            [GQL_ENUM_VALUE_DEFINITION] = enter_node,
            [GQL_INPUT_OBJECT_TYPE_DEFINITION] = enter_node,
            [GQL_SCALAR_TYPE_EXTENSION] = enter_node,
            [GQL_OBJECT_TYPE_EXTENSION] = enter_node,
            [GQL_INTERFACE_TYPE_EXTENSION] = enter_node,
            [GQL_UNION_TYPE_EXTENSION] = enter_node,
            [GQL_ENUM_TYPE_EXTENSION] = enter_node,
            [GQL_INPUT_OBJECT_TYPE_EXTENSION] = enter_node,
    } },
};
