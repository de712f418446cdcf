/*
 * possible_fragment_spreads.c: a fragment (inline or spread) may only be used where its type
 * condition can apply: the parent type and the fragment's type must share a possible object
 * type.
 * Spec: 5.5.2.3 Fragment Spread Is Possible.
 * Reference: graphql-js src/validation/rules/PossibleFragmentSpreadsRule.ts.
 */
#include "graphql/validation/rules.h"

#include "graphql/execution/values.h"
#include "graphql/validation/validate.h"

static enum gql_visit_action enter_inline_fragment(void *data, const struct gql_node *node,
                                                   const struct gql_visit *walk)
{
    (void)walk;
    struct gql_validation_context *ctx = ((struct gql_rule_base *)data)->ctx;
    struct gql_type *frag_type = gql_type_info_type(ctx->type_info);
    struct gql_type *parent_type = gql_type_info_parent_type(ctx->type_info);
    if (gql_type_is_composite(frag_type) && gql_type_is_composite(parent_type) &&
        !gql_do_types_overlap(ctx->schema, frag_type, parent_type))
        gql_report_at(ctx, node,
                      "Fragment cannot be spread here as objects of type \"%s\" can never be of "
                      "type \"%s\".",
                      gql_type_str(ctx->arena, parent_type), gql_type_str(ctx->arena, frag_type));
    return GQL_CONTINUE;
}

static enum gql_visit_action enter_spread(void *data, const struct gql_node *node,
                                          const struct gql_visit *walk)
{
    (void)walk;
    struct gql_validation_context *ctx = ((struct gql_rule_base *)data)->ctx;
    struct str name = ((const struct gql_selection *)node)->name;
    const struct gql_fragment *f = gql_get_fragment(ctx, name);
    struct gql_type *frag_type =
            f ? gql_type_from_ast(ctx->arena, ctx->schema, f->type_condition) : NULL;
    if (!gql_type_is_composite(frag_type)) return GQL_CONTINUE;
    struct gql_type *parent_type = gql_type_info_parent_type(ctx->type_info);
    if (parent_type && !gql_do_types_overlap(ctx->schema, frag_type, parent_type))
        gql_report_at(ctx, node,
                      "Fragment \"%.*s\" cannot be spread here as objects of type \"%s\" can never "
                      "be of type \"%s\".",
                      STR_FMT(name), gql_type_str(ctx->arena, parent_type),
                      gql_type_str(ctx->arena, frag_type));
    return GQL_CONTINUE;
}

const struct gql_rule gql_rule_possible_fragment_spreads = {
    .name = "PossibleFragmentSpreads",
    .state_size = sizeof(struct gql_rule_base),
    .visitor = { .enter = { [GQL_INLINE_FRAGMENT] = enter_inline_fragment,
                            [GQL_FRAGMENT_SPREAD] = enter_spread } },
};
