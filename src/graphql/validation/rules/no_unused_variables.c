/*
 * no_unused_variables.c: every variable an operation defines is used, in its own selections
 * or in a fragment it spreads (recursively).
 * Spec: 5.8.4 All Variables Used.
 * Reference: graphql-js src/validation/rules/NoUnusedVariablesRule.ts.
 */
#include "graphql/validation/rules.h"

#include "core/arena.h"
#include "graphql/validation/validate.h"

static enum gql_visit_action leave_operation(void *data, const struct gql_node *node,
                                             const struct gql_visit *walk)
{
    (void)walk;
    struct gql_validation_context *ctx = ((struct gql_rule_base *)data)->ctx;
    const struct gql_operation *op = (const struct gql_operation *)node;
    const struct gql_variable_usages *usages = gql_get_recursive_variable_usages(ctx, op);
    /* The names used, as marks on the operation's names (graphql-js's set of used names). */
    const struct gql_variable_definitions *defs = gql_get_variable_definitions(ctx, op);
    bool *used = ARENA_ARRAY(ctx->arena, bool, defs->by_name.count + 1);
    for (size_t i = 0; i < usages->count; i++) {
        const struct gql_map_entry *e = gql_map_find(&defs->by_name, usages->items[i].node->str);
        if (e) used[e - defs->by_name.entries] = true;
    }
    /* The definitions in order (those the walk went through). */
    for (size_t i = 0; i < op->variables.count; i++) {
        const struct gql_variable_definition *v = op->variables.items[i];
        if (used[defs->entry_of[i]]) continue;
        if (op->name.len)
            gql_report_at(ctx, &v->node, "Variable \"$%.*s\" is never used in operation \"%.*s\".",
                          STR_FMT(v->name), STR_FMT(op->name));
        else
            gql_report_at(ctx, &v->node, "Variable \"$%.*s\" is never used.", STR_FMT(v->name));
    }
    return GQL_CONTINUE;
}

const struct gql_rule gql_rule_no_unused_variables = {
    .name = "NoUnusedVariables",
    .state_size = sizeof(struct gql_rule_base),
    .visitor = { .leave = { [GQL_OPERATION_DEFINITION] = leave_operation } },
};
