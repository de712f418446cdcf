/*
 * unique_argument_names.c: a field or directive is given each argument at most once. One
 * error per repeated name, pointing at every occurrence.
 * Spec: 5.4.2 Argument Uniqueness.
 * Reference: graphql-js src/validation/rules/UniqueArgumentNamesRule.ts.
 */
#include "graphql/validation/rules.h"

#include "core/arena.h"
#include "graphql/validation/validate.h"

/* Up to this many arguments are compared pairwise for a repeated name before any grouping:
 * repeats are rare, and this costs less than a map. */
#define PAIRWISE_MAX 32

static bool has_repeat(const gql_arguments *args)
{
    for (size_t i = 1; i < args->count; i++)
        for (size_t j = 0; j < i; j++)
            if (str_eq(args->items[i]->name, args->items[j]->name)) return true;
    return false;
}

static void check(struct gql_validation_context *ctx, const gql_arguments *args)
{
    if (args->count < 2) return;
    if (args->count <= PAIRWISE_MAX && !has_repeat(args)) return;
    struct gql_map groups; /* name -> struct gql_ptr_vec * of arguments */
    gql_map_init(&groups, ctx->arena);
    for (size_t i = 0; i < args->count; i++) {
        struct gql_map_entry *e = gql_map_put(&groups, args->items[i]->name, NULL);
        if (!e->value) e->value = ARENA_NEW(ctx->arena, struct gql_ptr_vec);
        gql_ptr_vec_push(ctx->arena, e->value, args->items[i]);
    }
    for (size_t i = 0; i < groups.count; i++) {
        const struct gql_ptr_vec *same = groups.entries[i].value;
        if (same->count < 2) continue;
        const char *msg = arena_printf(ctx->arena, "There can be only one argument named \"%.*s\".",
                                       STR_FMT(groups.entries[i].key));
        gql_report_nodes(ctx, msg, (const struct gql_node *const *)same->items, same->count);
    }
}

static enum gql_visit_action enter_field(void *data, const struct gql_node *node,
                                         const struct gql_visit *walk)
{
    (void)walk;
    check(((struct gql_rule_base *)data)->ctx, &((const struct gql_selection *)node)->args);
    return GQL_CONTINUE;
}

static enum gql_visit_action enter_directive(void *data, const struct gql_node *node,
                                             const struct gql_visit *walk)
{
    (void)walk;
    check(((struct gql_rule_base *)data)->ctx, &((const struct gql_directive *)node)->args);
    return GQL_CONTINUE;
}

const struct gql_rule gql_rule_unique_argument_names = {
    .name = "UniqueArgumentNames",
    .state_size = sizeof(struct gql_rule_base),
    .visitor = { .enter = { [GQL_FIELD] = enter_field, [GQL_DIRECTIVE] = enter_directive } },
};
