/*
 * unique_fragment_names.c: no two fragment definitions share a name. The error points at both
 * names.
 * Spec: 5.5.1.1 Fragment Name Uniqueness.
 * Reference: graphql-js src/validation/rules/UniqueFragmentNamesRule.ts.
 */
#include "graphql/validation/rules.h"

#include "graphql/validation/validate.h"

struct state {
    struct gql_rule_base base;
    struct gql_map known; /* name -> struct gql_fragment * (the first of that name) */
};

static void init(void *data)
{
    struct state *st = data;
    gql_map_init(&st->known, st->base.ctx->arena);
}

static enum gql_visit_action enter_fragment(void *data, const struct gql_node *node,
                                            const struct gql_visit *walk)
{
    (void)walk;
    struct state *st = data;
    const struct gql_fragment *f = (const struct gql_fragment *)node;
    bool added;
    struct gql_map_entry *e = gql_map_put(&st->known, f->name, &added);
    if (added) {
        e->value = (void *)f;
    } else {
        struct gql_loc locs[2] = { gql_name_loc(e->value), gql_name_loc(node) };
        gql_report(st->base.ctx, locs, 2, "There can be only one fragment named \"%.*s\".",
                   STR_FMT(f->name));
    }
    return GQL_SKIP;
}

const struct gql_rule gql_rule_unique_fragment_names = {
    .name = "UniqueFragmentNames",
    .state_size = sizeof(struct state),
    .init = init,
    .visitor = { .enter = { [GQL_OPERATION_DEFINITION] = gql_rule_skip,
                            [GQL_FRAGMENT_DEFINITION] = enter_fragment } },
};
