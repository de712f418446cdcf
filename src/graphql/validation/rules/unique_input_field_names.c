/*
 * unique_input_field_names.c: an input object literal gives each field at most once (nested
 * literals have their own names). The error points at both occurrences.
 * Spec: 5.6.3 Input Object Field Uniqueness.
 * Reference: graphql-js src/validation/rules/UniqueInputFieldNamesRule.ts.
 */
#include "graphql/validation/rules.h"

#include "core/arena.h"
#include "graphql/validation/validate.h"

struct state {
    struct gql_rule_base base;
    struct gql_ptr_vec stack; /* struct gql_map *: the names of each open object literal */
};

static enum gql_visit_action enter_object(void *data, const struct gql_node *node,
                                          const struct gql_visit *walk)
{
    (void)node;
    (void)walk;
    struct state *st = data;
    struct gql_map *names = ARENA_NEW(st->base.ctx->arena, struct gql_map);
    gql_map_init(names, st->base.ctx->arena);
    gql_ptr_vec_push(st->base.ctx->arena, &st->stack, names);
    return GQL_CONTINUE;
}

static enum gql_visit_action leave_object(void *data, const struct gql_node *node,
                                          const struct gql_visit *walk)
{
    (void)node;
    (void)walk;
    struct state *st = data;
    if (st->stack.count) st->stack.count--;
    return GQL_CONTINUE;
}

static enum gql_visit_action enter_object_field(void *data, const struct gql_node *node,
                                                const struct gql_visit *walk)
{
    (void)walk;
    struct state *st = data;
    if (!st->stack.count) return GQL_CONTINUE;
    struct gql_map *names = (struct gql_map *)st->stack.items[st->stack.count - 1];
    const struct gql_object_field *f = (const struct gql_object_field *)node;
    bool added;
    struct gql_map_entry *e = gql_map_put(names, f->name, &added);
    if (added) {
        e->value = (void *)f;
        return GQL_CONTINUE;
    }
    const struct gql_object_field *first = e->value;
    struct gql_loc locs[2] = { first->node.loc, f->node.loc };
    gql_report(st->base.ctx, locs, 2, "There can be only one input field named \"%.*s\".",
               STR_FMT(f->name));
    return GQL_CONTINUE;
}

const struct gql_rule gql_rule_unique_input_field_names = {
    .name = "UniqueInputFieldNames",
    .state_size = sizeof(struct state),
    .visitor = { .enter = { [GQL_OBJECT_VALUE] = enter_object,
                            [GQL_OBJECT_FIELD] = enter_object_field },
                 .leave = { [GQL_OBJECT_VALUE] = leave_object } },
};
