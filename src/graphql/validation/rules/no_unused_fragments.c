/*
 * no_unused_fragments.c: every fragment definition is spread, directly or through other
 * fragments, by some operation of the document.
 * Spec: 5.5.1.4 Fragments Must Be Used.
 * Reference: graphql-js src/validation/rules/NoUnusedFragmentsRule.ts.
 */
#include "graphql/validation/rules.h"

#include "graphql/validation/validate.h"

struct state {
    struct gql_rule_base base;
    struct gql_ptr_vec operations; /* struct gql_operation *, in document order */
    struct gql_ptr_vec fragments;  /* struct gql_fragment *, in document order */
};

static enum gql_visit_action enter_operation(void *data, const struct gql_node *node,
                                             const struct gql_visit *walk)
{
    (void)walk;
    struct state *st = data;
    gql_ptr_vec_push(st->base.ctx->arena, &st->operations, node);
    return GQL_SKIP;
}

static enum gql_visit_action enter_fragment(void *data, const struct gql_node *node,
                                            const struct gql_visit *walk)
{
    (void)walk;
    struct state *st = data;
    gql_ptr_vec_push(st->base.ctx->arena, &st->fragments, node);
    return GQL_SKIP;
}

static enum gql_visit_action leave_document(void *data, const struct gql_node *node,
                                            const struct gql_visit *walk)
{
    (void)node;
    (void)walk;
    struct state *st = data;
    struct gql_validation_context *ctx = st->base.ctx;
    struct gql_map names;
    gql_map_init(&names, ctx->arena);
    for (size_t o = 0; o < st->operations.count; o++) {
        const struct gql_ptr_vec *used = gql_get_referenced_fragments(ctx, st->operations.items[o]);
        for (size_t i = 0; i < used->count; i++)
            gql_map_put(&names, ((const struct gql_fragment *)used->items[i])->name, NULL);
    }
    for (size_t i = 0; i < st->fragments.count; i++) {
        const struct gql_fragment *f = st->fragments.items[i];
        if (!gql_map_find(&names, f->name))
            gql_report_at(ctx, &f->node, "Fragment \"%.*s\" is never used.", STR_FMT(f->name));
    }
    return GQL_CONTINUE;
}

const struct gql_rule gql_rule_no_unused_fragments = {
    .name = "NoUnusedFragments",
    .state_size = sizeof(struct state),
    .visitor = { .enter = { [GQL_OPERATION_DEFINITION] = enter_operation,
                            [GQL_FRAGMENT_DEFINITION] = enter_fragment },
                 .leave = { [GQL_DOCUMENT] = leave_document } },
};
