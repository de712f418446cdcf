/*
 * unique_operation_names.c: no two operations of a document share a name. The error points
 * at both names.
 * Spec: 5.2.1.1 Operation Name Uniqueness.
 * Reference: graphql-js src/validation/rules/UniqueOperationNamesRule.ts.
 */
#include "graphql/validation/rules.h"

#include "core/arena.h"
#include "graphql/validation/validate.h"

struct state {
    struct gql_rule_base base;
    struct gql_map known; /* name -> struct gql_operation * (the first of that name) */
};

static void init(void *data)
{
    struct state *st = data;
    gql_map_init(&st->known, st->base.ctx->arena);
}

static enum gql_visit_action enter_operation(void *data, const struct gql_node *node,
                                             const struct gql_visit *walk)
{
    (void)walk;
    struct state *st = data;
    const struct gql_operation *op = (const struct gql_operation *)node;
    if (op->name.len == 0) return GQL_SKIP;
    bool added;
    struct gql_map_entry *e = gql_map_put(&st->known, op->name, &added);
    if (added) {
        e->value = (void *)op;
    } else {
        struct gql_loc locs[2] = { gql_name_loc(e->value), gql_name_loc(node) };
        gql_report(st->base.ctx, locs, 2, "There can be only one operation named \"%.*s\".",
                   STR_FMT(op->name));
    }
    return GQL_SKIP;
}

const struct gql_rule gql_rule_unique_operation_names = {
    .name = "UniqueOperationNames",
    .state_size = sizeof(struct state),
    .init = init,
    .visitor = { .enter = { [GQL_OPERATION_DEFINITION] = enter_operation,
                            [GQL_FRAGMENT_DEFINITION] = gql_rule_skip } },
};
