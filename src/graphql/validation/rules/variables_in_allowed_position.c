/*
 * variables_in_allowed_position.c: a variable is only used where its type fits: its type must
 * be a subtype of the type expected there, where a nullable variable may fill a non-null
 * position when the variable or the position has a non-null default.
 * Spec: 5.8.5 All Variable Usages Are Allowed.
 * Reference: graphql-js src/validation/rules/VariablesInAllowedPositionRule.ts.
 */
#include "graphql/validation/rules.h"

#include "graphql/execution/values.h"
#include "graphql/validation/validate.h"

/* allowedVariableUsage(). */
static bool allowed(const struct gql_schema *s, const struct gql_type *var_type,
                    const struct gql_ast_value *var_default, const struct gql_type *location_type,
                    const struct gql_ast_value *location_default)
{
    if (location_type->kind == GQL_TYPE_NON_NULL && var_type->kind != GQL_TYPE_NON_NULL) {
        bool var_has_default = var_default && var_default->node.kind != GQL_NULL_VALUE;
        if (!var_has_default && !location_default) return false;
        return gql_is_type_subtype_of(s, var_type, location_type->of_type);
    }
    return gql_is_type_subtype_of(s, var_type, location_type);
}

static enum gql_visit_action leave_operation(void *data, const struct gql_node *node,
                                             const struct gql_visit *walk)
{
    (void)walk;
    struct gql_validation_context *ctx = ((struct gql_rule_base *)data)->ctx;
    const struct gql_operation *op = (const struct gql_operation *)node;
    /* name -> the last definition of that name (graphql-js fills its map while the walk goes
     * through the definitions) */
    const struct gql_map *definitions = &gql_get_variable_definitions(ctx, op)->by_name;
    const struct gql_variable_usages *usages = gql_get_recursive_variable_usages(ctx, op);
    for (size_t i = 0; i < usages->count; i++) {
        const struct gql_variable_usage *u = &usages->items[i];
        const struct gql_variable_definition *def = gql_map_get(definitions, u->node->str);
        if (!def || !u->type) continue;
        struct gql_type *var_type = gql_type_from_ast(ctx->arena, ctx->schema, def->type);
        if (!var_type ||
            allowed(ctx->schema, var_type, def->default_value, u->type, u->default_value))
            continue;
        struct gql_loc locs[2] = { def->node.loc, u->node->node.loc };
        gql_report(ctx, locs, 2,
                   "Variable \"$%.*s\" of type \"%s\" used in position expecting type \"%s\".",
                   STR_FMT(u->node->str), gql_type_str(ctx->arena, var_type),
                   gql_type_str(ctx->arena, u->type));
    }
    return GQL_CONTINUE;
}

const struct gql_rule gql_rule_variables_in_allowed_position = {
    .name = "VariablesInAllowedPosition",
    .state_size = sizeof(struct gql_rule_base),
    .visitor = { .leave = { [GQL_OPERATION_DEFINITION] = leave_operation } },
};
