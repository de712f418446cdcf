/*
 * unique_variable_names.c: an operation defines each variable once. One error per repeated
 * name, pointing at every definition of it.
 * Spec: 5.8.1 Variable Uniqueness.
 * Reference: graphql-js src/validation/rules/UniqueVariableNamesRule.ts.
 */
#include "graphql/validation/rules.h"

#include "core/arena.h"
#include "graphql/validation/validate.h"

/* Up to this many variables are compared pairwise for a repeated name before any grouping:
 * repeats are rare, and this costs less than a map. */
#define PAIRWISE_MAX 32

static bool has_repeat(const struct gql_operation *op)
{
    for (size_t i = 1; i < op->variables.count; i++)
        for (size_t j = 0; j < i; j++)
            if (str_eq(op->variables.items[i]->name, op->variables.items[j]->name)) return true;
    return false;
}

static enum gql_visit_action enter_operation(void *data, const struct gql_node *node,
                                             const struct gql_visit *walk)
{
    (void)walk;
    struct gql_validation_context *ctx = ((struct gql_rule_base *)data)->ctx;
    const struct gql_operation *op = (const struct gql_operation *)node;
    if (op->variables.count < 2) return GQL_CONTINUE;
    if (op->variables.count <= PAIRWISE_MAX && !has_repeat(op)) return GQL_CONTINUE;
    struct gql_map groups; /* name -> struct gql_ptr_vec * of definitions */
    gql_map_init(&groups, ctx->arena);
    for (size_t i = 0; i < op->variables.count; i++) {
        const struct gql_variable_definition *v = op->variables.items[i];
        struct gql_map_entry *e = gql_map_put(&groups, v->name, NULL);
        if (!e->value) e->value = ARENA_NEW(ctx->arena, struct gql_ptr_vec);
        gql_ptr_vec_push(ctx->arena, e->value, v);
    }
    for (size_t i = 0; i < groups.count; i++) {
        const struct gql_ptr_vec *defs = groups.entries[i].value;
        if (defs->count < 2) continue;
        struct gql_loc *locs = ARENA_ARRAY(ctx->arena, struct gql_loc, defs->count);
        for (size_t j = 0; j < defs->count; j++)
            locs[j] = gql_name_loc(defs->items[j]);
        gql_report(ctx, locs, defs->count, "There can be only one variable named \"$%.*s\".",
                   STR_FMT(groups.entries[i].key));
    }
    return GQL_CONTINUE;
}

const struct gql_rule gql_rule_unique_variable_names = {
    .name = "UniqueVariableNames",
    .state_size = sizeof(struct gql_rule_base),
    .visitor = { .enter = { [GQL_OPERATION_DEFINITION] = enter_operation } },
};
