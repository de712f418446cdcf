/*
 * no_undefined_variables.c: every variable an operation uses, in its own selections or in any
 * fragment it spreads (recursively), is defined by that operation. An error names the
 * operation and points at the use and the operation.
 * Spec: 5.8.3 All Variable Uses Defined.
 * Reference: graphql-js src/validation/rules/NoUndefinedVariablesRule.ts.
 */
#include "graphql/validation/rules.h"

#include "graphql/validation/validate.h"

/* The operation's variables (graphql-js collects their names while the walk goes through the
 * definitions; they are all known when the operation is left). */
static enum gql_visit_action leave_operation(void *data, const struct gql_node *node,
                                             const struct gql_visit *walk)
{
    (void)walk;
    struct gql_validation_context *ctx = ((struct gql_rule_base *)data)->ctx;
    const struct gql_operation *op = (const struct gql_operation *)node;
    const struct gql_map *defined = &gql_get_variable_definitions(ctx, op)->by_name;
    const struct gql_variable_usages *usages = gql_get_recursive_variable_usages(ctx, op);
    for (size_t i = 0; i < usages->count; i++) {
        const struct gql_ast_value *var = usages->items[i].node;
        if (gql_map_find(defined, var->str)) continue;
        struct gql_loc locs[2] = { var->node.loc, op->node.loc };
        if (op->name.len)
            gql_report(ctx, locs, 2, "Variable \"$%.*s\" is not defined by operation \"%.*s\".",
                       STR_FMT(var->str), STR_FMT(op->name));
        else
            gql_report(ctx, locs, 2, "Variable \"$%.*s\" is not defined.", STR_FMT(var->str));
    }
    return GQL_CONTINUE;
}

const struct gql_rule gql_rule_no_undefined_variables = {
    .name = "NoUndefinedVariables",
    .state_size = sizeof(struct gql_rule_base),
    .visitor = { .leave = { [GQL_OPERATION_DEFINITION] = leave_operation } },
};
