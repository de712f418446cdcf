/*
 * single_field_subscriptions.c: a subscription selects exactly one root field, and not an
 * introspection field. The root fields are collected as execution collects them (CollectFields
 * with no variables: fragments spread, type conditions checked, @skip/@include applied), so a
 * second field hidden in a fragment counts too.
 * Spec: 5.2.3.1 Single Root Field.
 * Reference: graphql-js src/validation/rules/SingleFieldSubscriptionsRule.ts,
 * src/execution/collectFields.ts, src/execution/values.ts (getDirectiveValues).
 */
#include "graphql/validation/rules.h"

#include "core/arena.h"
#include "graphql/execution/values.h"
#include "graphql/validation/validate.h"

struct state {
    struct gql_rule_base base;
    bool fragments_read;      /* fragments below is filled */
    struct gql_map fragments; /* name -> struct gql_fragment * */
};

/* One CollectFields run. */
struct collect {
    struct state *st;
    struct gql_type *runtime_type;
    struct gql_map fields;  /* response key -> struct gql_ptr_vec * of FIELD selections */
    struct gql_map visited; /* fragment names spread */
};

/*
 * getDirectiveValues(@name, node, {}).if: 1 true, 0 false, -1 when the directive is absent.
 * An argument that cannot be read without variables is an error graphql-js throws out of
 * validate(): it is reported with graphql-js's message and the validation stops (-2).
 */
static int directive_if(struct collect *c, const gql_directives *ds, const char *name)
{
    struct gql_validation_context *ctx = c->st->base.ctx;
    const struct gql_directive *d = NULL;
    for (size_t i = 0; i < ds->count && !d; i++)
        if (gql_name_eq(name, ds->items[i]->name)) d = ds->items[i];
    if (!d) return -1;
    const struct gql_argument *arg = NULL; /* the last one called "if" (graphql-js keyMap) */
    for (size_t i = 0; i < d->args.count; i++)
        if (str_eq(d->args.items[i]->name, STR("if"))) arg = d->args.items[i];
    if (!arg) {
        gql_report_at(ctx, &d->node,
                      "Argument \"if\" of required type \"Boolean!\" was not provided.");
    } else if (arg->value->node.kind == GQL_VARIABLE) {
        gql_report_at(ctx, &arg->value->node,
                      "Argument \"if\" of required type \"Boolean!\" was provided the variable "
                      "\"$%.*s\" which was not provided a runtime value.",
                      STR_FMT(arg->value->str));
    } else if (arg->value->node.kind == GQL_NULL_VALUE) {
        gql_report_at(ctx, &arg->value->node,
                      "Argument \"if\" of non-null type \"Boolean!\" must not be null.");
    } else if (arg->value->node.kind != GQL_BOOLEAN_VALUE) {
        gql_report_at(ctx, &arg->value->node, "Argument \"if\" has invalid value %s.",
                      gql_print_value(ctx->arena, arg->value));
    } else {
        return arg->value->boolean ? 1 : 0;
    }
    ctx->stop = true;
    return -2;
}

/* shouldIncludeNode(): 1 include, 0 leave out, -1 failed. */
static int should_include(struct collect *c, const gql_directives *ds)
{
    int skip = directive_if(c, ds, "skip");
    if (skip == -2) return -1;
    if (skip == 1) return 0;
    int include = directive_if(c, ds, "include");
    if (include == -2) return -1;
    return include == 0 ? 0 : 1;
}

/* doesFragmentConditionMatch() against the subscription type (an object type). */
static bool condition_matches(struct collect *c, const struct gql_type_ref *condition)
{
    if (!condition) return true;
    struct gql_validation_context *ctx = c->st->base.ctx;
    struct gql_type *t = gql_type_from_ast(ctx->arena, ctx->schema, condition);
    if (t == c->runtime_type) return true;
    return gql_type_is_abstract(t) && gql_is_possible_type(t, c->runtime_type);
}

/* collectFieldsImpl(). Returns false when collection failed (reported). */
static bool collect_fields(struct collect *c, const struct gql_selection_set *set)
{
    struct gql_validation_context *ctx = c->st->base.ctx;
    for (size_t i = 0; i < set->selections.count; i++) {
        const struct gql_selection *sel = set->selections.items[i];
        if (sel->node.kind == GQL_FIELD) {
            int include = should_include(c, &sel->directives);
            if (include < 0) return false;
            if (!include) continue;
            struct str key = sel->alias.len ? sel->alias : sel->name;
            struct gql_map_entry *e = gql_map_put(&c->fields, key, NULL);
            if (!e->value) e->value = ARENA_NEW(ctx->arena, struct gql_ptr_vec);
            gql_ptr_vec_push(ctx->arena, e->value, sel);
        } else if (sel->node.kind == GQL_INLINE_FRAGMENT) {
            int include = should_include(c, &sel->directives);
            if (include < 0) return false;
            if (!include || !condition_matches(c, sel->type_condition)) continue;
            if (!collect_fields(c, sel->selection_set)) return false;
        } else {
            if (gql_map_find(&c->visited, sel->name)) continue;
            int include = should_include(c, &sel->directives);
            if (include < 0) return false;
            if (!include) continue;
            gql_map_put(&c->visited, sel->name, NULL);
            const struct gql_fragment *f = gql_map_get(&c->st->fragments, sel->name);
            if (!f || !condition_matches(c, f->type_condition)) continue;
            if (!collect_fields(c, f->selection_set)) return false;
        }
    }
    return true;
}

static void read_fragments(struct state *st)
{
    struct gql_validation_context *ctx = st->base.ctx;
    if (st->fragments_read) return;
    st->fragments_read = true;
    gql_map_init(&st->fragments, ctx->arena);
    for (size_t i = 0; i < ctx->doc->definitions.count; i++) {
        const struct gql_node *def = ctx->doc->definitions.items[i];
        if (def->kind != GQL_FRAGMENT_DEFINITION) continue;
        const struct gql_fragment *f = (const struct gql_fragment *)def;
        gql_map_put(&st->fragments, f->name, NULL)->value = (void *)f;
    }
}

/* Report msg (with the operation's name, or the anonymous variant) at nodes. */
static void report(struct gql_validation_context *ctx, const struct gql_operation *op,
                   const char *what, const struct gql_ptr_vec *nodes)
{
    const char *msg = op->name.len ? arena_printf(ctx->arena, "Subscription \"%.*s\" %s",
                                                  STR_FMT(op->name), what)
                                   : arena_printf(ctx->arena, "Anonymous Subscription %s", what);
    gql_report_nodes(ctx, msg, (const struct gql_node *const *)nodes->items, nodes->count);
}

static enum gql_visit_action enter_operation(void *data, const struct gql_node *node,
                                             const struct gql_visit *walk)
{
    (void)walk;
    struct state *st = data;
    struct gql_validation_context *ctx = st->base.ctx;
    const struct gql_operation *op = (const struct gql_operation *)node;
    if (op->operation != GQL_SUBSCRIPTION || !ctx->schema->subscription) return GQL_CONTINUE;
    read_fragments(st);
    struct collect c = { .st = st, .runtime_type = ctx->schema->subscription };
    gql_map_init(&c.fields, ctx->arena);
    gql_map_init(&c.visited, ctx->arena);
    if (!collect_fields(&c, op->selection_set)) return GQL_CONTINUE;
    if (c.fields.count > 1) {
        struct gql_ptr_vec extra = { 0 };
        for (size_t i = 1; i < c.fields.count; i++) {
            const struct gql_ptr_vec *group = c.fields.entries[i].value;
            for (size_t j = 0; j < group->count; j++)
                gql_ptr_vec_push(ctx->arena, &extra, group->items[j]);
        }
        report(ctx, op, "must select only one top level field.", &extra);
    }
    for (size_t i = 0; i < c.fields.count; i++) {
        const struct gql_ptr_vec *group = c.fields.entries[i].value;
        const struct gql_selection *first = group->items[0];
        if (first->name.len >= 2 && first->name.ptr[0] == '_' && first->name.ptr[1] == '_')
            report(ctx, op, "must not select an introspection top level field.", group);
    }
    return GQL_CONTINUE;
}

const struct gql_rule gql_rule_single_field_subscriptions = {
    .name = "SingleFieldSubscriptions",
    .state_size = sizeof(struct state),
    .visitor = { .enter = { [GQL_OPERATION_DEFINITION] = enter_operation } },
};
