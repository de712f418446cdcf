/*
 * no_fragment_cycles.c: fragment spreads must not form a cycle (a fragment spreading itself,
 * directly or through others), which would make execution unbounded. A depth-first search from
 * each fragment reports each cycle once, with the spreads along it.
 * Spec: 5.5.2.2 Fragment Spreads Must Not Form Cycles.
 * Reference: graphql-js src/validation/rules/NoFragmentCyclesRule.ts.
 */
#include "graphql/validation/rules.h"

#include "core/arena.h"
#include "graphql/validation/validate.h"

struct state {
    struct gql_rule_base base;
    struct gql_map visited;    /* fragment names already searched from */
    struct gql_ptr_vec path;   /* the spreads (struct gql_selection *) of the current path */
    struct gql_map path_index; /* fragment name -> (num) its position in path + 1, 0: off it */
};

static void init(void *data)
{
    struct state *st = data;
    gql_map_init(&st->visited, st->base.ctx->arena);
    gql_map_init(&st->path_index, st->base.ctx->arena);
}

/* Report the cycle path[from..] that comes back to spread_name. */
static void report_cycle(struct state *st, size_t from, struct str spread_name)
{
    struct gql_validation_context *ctx = st->base.ctx;
    struct buf msg = BUF_INIT(ctx->arena);
    buf_appendf(&msg, "Cannot spread fragment \"%.*s\" within itself", STR_FMT(spread_name));
    size_t n = st->path.count - from;
    if (n > 1) {
        buf_appends(&msg, " via ");
        for (size_t i = from; i + 1 < st->path.count; i++) {
            const struct gql_selection *s = st->path.items[i];
            buf_appendf(&msg, "%s\"%.*s\"", i > from ? ", " : "", STR_FMT(s->name));
        }
    }
    buf_appendc(&msg, '.');
    gql_report_nodes(ctx, msg.ptr, (const struct gql_node *const *)st->path.items + from, n);
}

static void detect_cycle(struct state *st, const struct gql_fragment *f)
{
    struct gql_validation_context *ctx = st->base.ctx;
    bool added;
    gql_map_put(&st->visited, f->name, &added);
    if (!added) return;
    const struct gql_ptr_vec *spreads = gql_get_fragment_spreads(ctx, f->selection_set);
    if (spreads->count == 0) return;
    gql_map_put(&st->path_index, f->name, NULL)->num = st->path.count + 1;
    for (size_t i = 0; i < spreads->count && !ctx->stop; i++) {
        const struct gql_selection *spread = spreads->items[i];
        const struct gql_map_entry *on_path = gql_map_find(&st->path_index, spread->name);
        size_t cycle = on_path ? on_path->num : 0;
        gql_ptr_vec_push(ctx->arena, &st->path, spread);
        if (!cycle) {
            const struct gql_fragment *target = gql_get_fragment(ctx, spread->name);
            if (target) detect_cycle(st, target);
        } else {
            report_cycle(st, cycle - 1, spread->name);
        }
        st->path.count--;
    }
    gql_map_put(&st->path_index, f->name, NULL)->num = 0;
}

static enum gql_visit_action enter_fragment(void *data, const struct gql_node *node,
                                            const struct gql_visit *walk)
{
    (void)walk;
    detect_cycle(data, (const struct gql_fragment *)node);
    return GQL_SKIP;
}

const struct gql_rule gql_rule_no_fragment_cycles = {
    .name = "NoFragmentCycles",
    .state_size = sizeof(struct state),
    .init = init,
    .visitor = { .enter = { [GQL_OPERATION_DEFINITION] = gql_rule_skip,
                            [GQL_FRAGMENT_DEFINITION] = enter_fragment } },
};
