/*
 * variables_are_input_types.c: a variable's type must be an input type (scalar, enum, input
 * object, possibly wrapped); unknown types are KnownTypeNames'.
 * Spec: 5.8.2 Variables Are Input Types.
 * Reference: graphql-js src/validation/rules/VariablesAreInputTypesRule.ts.
 */
#include "graphql/validation/rules.h"

#include "graphql/execution/values.h"
#include "graphql/validation/validate.h"

static enum gql_visit_action enter_variable_definition(void *data, const struct gql_node *node,
                                                       const struct gql_visit *walk)
{
    (void)walk;
    struct gql_validation_context *ctx = ((struct gql_rule_base *)data)->ctx;
    const struct gql_variable_definition *v = (const struct gql_variable_definition *)node;
    struct gql_type *t = gql_type_from_ast(ctx->arena, ctx->schema, v->type);
    if (t && !gql_type_is_input(t))
        gql_report_at(ctx, &v->type->node, "Variable \"$%.*s\" cannot be non-input type \"%s\".",
                      STR_FMT(v->name), gql_print_type_ref(ctx->arena, v->type));
    return GQL_CONTINUE;
}

const struct gql_rule gql_rule_variables_are_input_types = {
    .name = "VariablesAreInputTypes",
    .state_size = sizeof(struct gql_rule_base),
    .visitor = { .enter = { [GQL_VARIABLE_DEFINITION] = enter_variable_definition } },
};
