/*
 * known_fragment_names.c: every fragment spread names a fragment defined in the document.
 * Spec: 5.5.2.1 Fragment Spread Target Defined.
 * Reference: graphql-js src/validation/rules/KnownFragmentNamesRule.ts.
 */
#include "graphql/validation/rules.h"

#include "graphql/validation/validate.h"

static enum gql_visit_action enter_spread(void *data, const struct gql_node *node,
                                          const struct gql_visit *walk)
{
    (void)walk;
    struct gql_validation_context *ctx = ((struct gql_rule_base *)data)->ctx;
    struct str name = ((const struct gql_selection *)node)->name;
    if (!gql_get_fragment(ctx, name)) {
        struct gql_loc loc = gql_name_loc(node);
        gql_report(ctx, &loc, 1, "Unknown fragment \"%.*s\".", STR_FMT(name));
    }
    return GQL_CONTINUE;
}

const struct gql_rule gql_rule_known_fragment_names = {
    .name = "KnownFragmentNames",
    .state_size = sizeof(struct gql_rule_base),
    .visitor = { .enter = { [GQL_FRAGMENT_SPREAD] = enter_spread } },
};
