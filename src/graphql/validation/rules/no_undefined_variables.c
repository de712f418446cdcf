/*
 * no_undefined_variables.c: every variable an operation uses, in its own selections or in any
 * fragment it spreads (recursively), is defined by that operation. An error names the
 * operation and points at the use and the operation.
 * Spec: 5.8.3 All Variable Uses Defined.
 * Reference: graphql-js src/validation/rules/NoUndefinedVariablesRule.ts.
 */
#include "graphql/validation/rules.h"

#include "graphql/validation/validate.h"

struct state {
    struct gql_rule_base base;
    struct gql_map defined; /* variable names the current operation defines */
};

static enum gql_visit_action enter_operation(void *data, const struct gql_node *node,
                                             const struct gql_visit *walk)
{
    (void)node;
    (void)walk;
    struct state *st = data;
    gql_map_init(&st->defined, st->base.ctx->arena);
    return GQL_CONTINUE;
}

static enum gql_visit_action enter_variable_definition(void *data, const struct gql_node *node,
                                                       const struct gql_visit *walk)
{
    (void)walk;
    struct state *st = data;
    gql_map_put(&st->defined, ((const struct gql_variable_definition *)node)->name, NULL);
    return GQL_CONTINUE;
}

static enum gql_visit_action leave_operation(void *data, const struct gql_node *node,
                                             const struct gql_visit *walk)
{
    (void)walk;
    struct state *st = data;
    struct gql_validation_context *ctx = st->base.ctx;
    const struct gql_operation *op = (const struct gql_operation *)node;
    const struct gql_variable_usages *usages = gql_get_recursive_variable_usages(ctx, op);
    for (size_t i = 0; i < usages->count; i++) {
        const struct gql_ast_value *var = usages->items[i].node;
        if (gql_map_find(&st->defined, var->str)) continue;
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
    .state_size = sizeof(struct state),
    .visitor = { .enter = { [GQL_OPERATION_DEFINITION] = enter_operation,
                            [GQL_VARIABLE_DEFINITION] = enter_variable_definition },
                 .leave = { [GQL_OPERATION_DEFINITION] = leave_operation } },
};
