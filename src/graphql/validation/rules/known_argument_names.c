/*
 * known_argument_names.c: every argument given to a field or a directive is defined by it.
 * Arguments of directives are checked against the schema's directives or the document's own
 * directive definitions; the error suggests close argument names.
 * Spec: 5.4.1 Argument Names.
 * Reference: graphql-js src/validation/rules/KnownArgumentNamesRule.ts
 * (KnownArgumentNamesRule and KnownArgumentNamesOnDirectivesRule).
 */
#include "graphql/validation/rules.h"

#include "core/arena.h"
#include "graphql/validation/validate.h"

/* The argument names a directive accepts. */
struct known_args {
    const char **names;
    size_t n;
};

struct state {
    struct gql_rule_base base;
    bool ready;                /* directives below is filled */
    struct gql_map directives; /* directive name -> struct known_args * */
};

/* Fill st->directives (at the first directive: most documents have none). */
static void prepare(struct state *st)
{
    struct gql_validation_context *ctx = st->base.ctx;
    st->ready = true;
    gql_map_init(&st->directives, ctx->arena);
    for (size_t i = 0; i < ctx->schema->ndirectives; i++) {
        const struct gql_directive_type *d = ctx->schema->directives[i];
        struct known_args *k = ARENA_NEW(ctx->arena, struct known_args);
        k->names = ARENA_ARRAY(ctx->arena, const char *, d->nargs + 1);
        for (size_t j = 0; j < d->nargs; j++)
            k->names[k->n++] = d->args[j].name;
        gql_map_put(&st->directives, str_from(d->name), NULL)->value = k;
    }
    for (size_t i = 0; i < ctx->doc->definitions.count; i++) {
        const struct gql_node *def = ctx->doc->definitions.items[i];
        if (def->kind != GQL_DIRECTIVE_DEFINITION) continue;
        const struct gql_directive_def *d = (const struct gql_directive_def *)def;
        struct known_args *k = ARENA_NEW(ctx->arena, struct known_args);
        k->names = ARENA_ARRAY(ctx->arena, const char *, d->args.count + 1);
        for (size_t j = 0; j < d->args.count; j++) {
            bool dup = false; /* a set of names */
            for (size_t m = 0; m < k->n && !dup; m++)
                dup = str_eq_cstr(d->args.items[j]->name, k->names[m]);
            if (!dup) k->names[k->n++] = str_dup(ctx->arena, d->args.items[j]->name);
        }
        gql_map_put(&st->directives, d->name, NULL)->value = k;
    }
}

static enum gql_visit_action enter_directive(void *data, const struct gql_node *node,
                                             const struct gql_visit *walk)
{
    (void)walk;
    struct state *st = data;
    struct gql_validation_context *ctx = st->base.ctx;
    const struct gql_directive *d = (const struct gql_directive *)node;
    if (!st->ready) prepare(st);
    const struct known_args *known = gql_map_get(&st->directives, d->name);
    if (!known) return GQL_SKIP;
    for (size_t i = 0; i < d->args.count; i++) {
        const struct gql_argument *arg = d->args.items[i];
        bool found = false;
        for (size_t j = 0; j < known->n && !found; j++)
            found = gql_name_eq(known->names[j], arg->name);
        if (found) continue;
        const char **suggestions;
        size_t n = gql_suggestion_list(ctx->arena, arg->name, known->names, known->n, &suggestions);
        gql_report_at(ctx, &arg->node, "Unknown argument \"%.*s\" on directive \"@%.*s\".%s",
                      STR_FMT(arg->name), STR_FMT(d->name),
                      gql_did_you_mean_names(ctx->arena, NULL, suggestions, n));
    }
    /* Arguments under a directive are not field arguments. */
    return GQL_SKIP;
}

static enum gql_visit_action enter_argument(void *data, const struct gql_node *node,
                                            const struct gql_visit *walk)
{
    (void)walk;
    struct gql_validation_context *ctx = ((struct gql_rule_base *)data)->ctx;
    const struct gql_field *field = gql_type_info_field_def(ctx->type_info);
    struct gql_type *parent = gql_type_info_parent_type(ctx->type_info);
    if (ctx->type_info->argument || !field || !parent) return GQL_CONTINUE;
    struct str name = ((const struct gql_argument *)node)->name;
    const char **names = ARENA_ARRAY(ctx->arena, const char *, field->nargs + 1);
    for (size_t i = 0; i < field->nargs; i++)
        names[i] = field->args[i].name;
    const char **suggestions;
    size_t n = gql_suggestion_list(ctx->arena, name, names, field->nargs, &suggestions);
    gql_report_at(ctx, node, "Unknown argument \"%.*s\" on field \"%s.%s\".%s", STR_FMT(name),
                  parent->name, field->name,
                  gql_did_you_mean_names(ctx->arena, NULL, suggestions, n));
    return GQL_CONTINUE;
}

const struct gql_rule gql_rule_known_argument_names = {
    .name = "KnownArgumentNames",
    .state_size = sizeof(struct state),
    .visitor = { .enter = { [GQL_DIRECTIVE] = enter_directive, [GQL_ARGUMENT] = enter_argument } },
};
