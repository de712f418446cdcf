/*
 * no_unused_variables.c: every variable an operation defines is used, in its own selections
 * or in a fragment it spreads (recursively).
 * Spec: 5.8.4 All Variables Used.
 * Reference: graphql-js src/validation/rules/NoUnusedVariablesRule.ts.
 */
#include "graphql/validation/rules.h"

#include "graphql/validation/validate.h"

struct state {
    struct gql_rule_base base;
    struct gql_ptr_vec definitions; /* the current operation's variable definitions */
};

static enum gql_visit_action enter_operation(void *data, const struct gql_node *node,
                                             const struct gql_visit *walk)
{
    (void)node;
    (void)walk;
    struct state *st = data;
    st->definitions.count = 0;
    return GQL_CONTINUE;
}

static enum gql_visit_action enter_variable_definition(void *data, const struct gql_node *node,
                                                       const struct gql_visit *walk)
{
    (void)walk;
    struct state *st = data;
    gql_ptr_vec_push(st->base.ctx->arena, &st->definitions, node);
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
    struct gql_map used;
    gql_map_init(&used, ctx->arena);
    for (size_t i = 0; i < usages->count; i++)
        gql_map_put(&used, usages->items[i].node->str, NULL);
    for (size_t i = 0; i < st->definitions.count; i++) {
        const struct gql_variable_definition *v = st->definitions.items[i];
        if (gql_map_find(&used, v->name)) continue;
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
    .state_size = sizeof(struct state),
    .visitor = { .enter = { [GQL_OPERATION_DEFINITION] = enter_operation,
                            [GQL_VARIABLE_DEFINITION] = enter_variable_definition },
                 .leave = { [GQL_OPERATION_DEFINITION] = leave_operation } },
};
