/*
 * scalar_leafs.c: a field of a scalar or enum type has no selection set, and a field of an
 * object, interface or union type has one (the grammar makes it non-empty).
 * Spec: 5.3.3 Leaf Field Selections.
 * Reference: graphql-js src/validation/rules/ScalarLeafsRule.ts.
 */
#include "graphql/validation/rules.h"

#include "graphql/validation/validate.h"

static enum gql_visit_action enter_field(void *data, const struct gql_node *node,
                                         const struct gql_visit *walk)
{
    (void)walk;
    struct gql_validation_context *ctx = ((struct gql_rule_base *)data)->ctx;
    const struct gql_selection *field = (const struct gql_selection *)node;
    struct gql_type *type = gql_type_info_type(ctx->type_info);
    if (!type) return GQL_CONTINUE;
    const struct gql_selection_set *set = field->selection_set;
    if (gql_type_is_leaf(gql_named_type(type))) {
        if (set)
            gql_report_at(ctx, &set->node,
                          "Field \"%.*s\" must not have a selection since type \"%s\" has no "
                          "subfields.",
                          STR_FMT(field->name), gql_type_str(ctx->arena, type));
    } else if (!set) {
        gql_report_at(ctx, node,
                      "Field \"%.*s\" of type \"%s\" must have a selection of subfields. Did you "
                      "mean \"%.*s { ... }\"?",
                      STR_FMT(field->name), gql_type_str(ctx->arena, type), STR_FMT(field->name));
    }
    return GQL_CONTINUE;
}

const struct gql_rule gql_rule_scalar_leafs = {
    .name = "ScalarLeafs",
    .state_size = sizeof(struct gql_rule_base),
    .visitor = { .enter = { [GQL_FIELD] = enter_field } },
};
