/*
 * provided_required_arguments.c: every required argument (non-null, without a default) of a
 * field or directive is given. Directives are checked against the schema's definitions or the
 * document's own directive definitions.
 * Spec: 5.4.2.1 Required Arguments.
 * Reference: graphql-js src/validation/rules/ProvidedRequiredArgumentsRule.ts
 * (ProvidedRequiredArgumentsRule and ProvidedRequiredArgumentsOnDirectivesRule).
 */
#include "graphql/validation/rules.h"

#include <string.h>

#include "core/arena.h"
#include "graphql/validation/validate.h"

/* A required argument of a directive: its name and its type as the message prints it. */
struct required {
    const char *name;
    const char *type;
};

struct required_args {
    struct required *items;
    size_t n;
};

struct state {
    struct gql_rule_base base;
    bool ready;                /* directives below is filled */
    struct gql_map directives; /* directive name -> struct required_args * */
};

/* Add name to r unless it is there (graphql-js keyMap keeps the last of a name). */
static void add_required(struct required_args *r, const char *name, const char *type)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->items[i].name, name) == 0) {
            r->items[i].type = type;
            return;
        }
    r->items[r->n++] = (struct required){ name, type };
}

/* Fill st->directives (at the first directive: most documents have none). */
static void prepare(struct state *st)
{
    struct gql_validation_context *ctx = st->base.ctx;
    st->ready = true;
    struct arena *a = ctx->arena;
    gql_map_init(&st->directives, a);
    for (size_t i = 0; i < ctx->schema->ndirectives; i++) {
        const struct gql_directive_type *d = ctx->schema->directives[i];
        struct required_args *r = ARENA_NEW(a, struct required_args);
        r->items = ARENA_ARRAY(a, struct required, d->nargs + 1);
        for (size_t j = 0; j < d->nargs; j++)
            if (gql_type_is_non_null(d->args[j].type) && !d->args[j].default_value)
                add_required(r, d->args[j].name, gql_type_str(a, d->args[j].type));
        gql_map_put(&st->directives, str_from(d->name), NULL)->value = r;
    }
    for (size_t i = 0; i < ctx->doc->definitions.count; i++) {
        const struct gql_node *def = ctx->doc->definitions.items[i];
        if (def->kind != GQL_DIRECTIVE_DEFINITION) continue;
        const struct gql_directive_def *d = (const struct gql_directive_def *)def;
        struct required_args *r = ARENA_NEW(a, struct required_args);
        r->items = ARENA_ARRAY(a, struct required, d->args.count + 1);
        for (size_t j = 0; j < d->args.count; j++) {
            const struct gql_input_value_def *arg = d->args.items[j];
            if (arg->type->node.kind == GQL_NON_NULL_TYPE && !arg->default_value)
                add_required(r, str_dup(a, arg->name), gql_print_type_ref(a, arg->type));
        }
        gql_map_put(&st->directives, d->name, NULL)->value = r;
    }
}

static bool is_given(const gql_arguments *args, const char *name)
{
    for (size_t i = 0; i < args->count; i++)
        if (gql_name_eq(name, args->items[i]->name)) return true;
    return false;
}

static enum gql_visit_action leave_directive(void *data, const struct gql_node *node,
                                             const struct gql_visit *walk)
{
    (void)walk;
    struct state *st = data;
    const struct gql_directive *d = (const struct gql_directive *)node;
    if (!st->ready) prepare(st);
    const struct required_args *r = gql_map_get(&st->directives, d->name);
    if (!r) return GQL_CONTINUE;
    for (size_t i = 0; i < r->n; i++)
        if (!is_given(&d->args, r->items[i].name))
            gql_report_at(st->base.ctx, node,
                          "Directive \"@%.*s\" argument \"%s\" of type \"%s\" is required, but it "
                          "was not provided.",
                          STR_FMT(d->name), r->items[i].name, r->items[i].type);
    return GQL_CONTINUE;
}

static enum gql_visit_action leave_field(void *data, const struct gql_node *node,
                                         const struct gql_visit *walk)
{
    (void)walk;
    struct gql_validation_context *ctx = ((struct gql_rule_base *)data)->ctx;
    const struct gql_field *def = gql_type_info_field_def(ctx->type_info);
    if (!def) return GQL_CONTINUE;
    const gql_arguments *args = &((const struct gql_selection *)node)->args;
    for (size_t i = 0; i < def->nargs; i++) {
        const struct gql_input_value *arg = &def->args[i];
        if (is_given(args, arg->name) || !gql_type_is_non_null(arg->type) || arg->default_value)
            continue;
        gql_report_at(ctx, node,
                      "Field \"%s\" argument \"%s\" of type \"%s\" is required, but it was not "
                      "provided.",
                      def->name, arg->name, gql_type_str(ctx->arena, arg->type));
    }
    return GQL_CONTINUE;
}

const struct gql_rule gql_rule_provided_required_arguments = {
    .name = "ProvidedRequiredArguments",
    .state_size = sizeof(struct state),
    .visitor = { .leave = { [GQL_DIRECTIVE] = leave_directive, [GQL_FIELD] = leave_field } },
};
