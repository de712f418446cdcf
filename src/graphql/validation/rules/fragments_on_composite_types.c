/*
 * fragments_on_composite_types.c: a fragment's type condition (inline or named) must be an
 * object, interface or union type; a condition naming an unknown type is KnownTypeNames'.
 * Spec: 5.5.1.3 Fragments On Composite Types.
 * Reference: graphql-js src/validation/rules/FragmentsOnCompositeTypesRule.ts.
 */
#include "graphql/validation/rules.h"

#include "graphql/execution/values.h"
#include "graphql/validation/validate.h"

/* The type condition names a known type that is not composite. */
static bool is_bad_condition(struct gql_validation_context *ctx, const struct gql_type_ref *cond)
{
    struct gql_type *t = gql_type_from_ast(ctx->arena, ctx->schema, cond);
    return t && !gql_type_is_composite(t);
}

static enum gql_visit_action enter_inline_fragment(void *data, const struct gql_node *node,
                                                   const struct gql_visit *walk)
{
    (void)walk;
    struct gql_validation_context *ctx = ((struct gql_rule_base *)data)->ctx;
    const struct gql_type_ref *cond = ((const struct gql_selection *)node)->type_condition;
    if (cond && is_bad_condition(ctx, cond))
        gql_report_at(ctx, &cond->node, "Fragment cannot condition on non composite type \"%s\".",
                      gql_print_type_ref(ctx->arena, cond));
    return GQL_CONTINUE;
}

static enum gql_visit_action enter_fragment(void *data, const struct gql_node *node,
                                            const struct gql_visit *walk)
{
    (void)walk;
    struct gql_validation_context *ctx = ((struct gql_rule_base *)data)->ctx;
    const struct gql_fragment *f = (const struct gql_fragment *)node;
    if (is_bad_condition(ctx, f->type_condition))
        gql_report_at(ctx, &f->type_condition->node,
                      "Fragment \"%.*s\" cannot condition on non composite type \"%s\".",
                      STR_FMT(f->name), gql_print_type_ref(ctx->arena, f->type_condition));
    return GQL_CONTINUE;
}

const struct gql_rule gql_rule_fragments_on_composite_types = {
    .name = "FragmentsOnCompositeTypes",
    .state_size = sizeof(struct gql_rule_base),
    .visitor = { .enter = { [GQL_INLINE_FRAGMENT] = enter_inline_fragment,
                            [GQL_FRAGMENT_DEFINITION] = enter_fragment } },
};
