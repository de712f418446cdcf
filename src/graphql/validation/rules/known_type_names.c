/*
 * known_type_names.c: every type named in the document (variable types, type conditions, and
 * type references inside type-system definitions) exists in the schema or is defined by the
 * document itself. Inside type-system definitions the standard scalars and introspection types
 * are always known.
 * Spec: 5.5.1.2 Fragment Spread Type Existence (and 5.8.2 for variable types).
 * Reference: graphql-js src/validation/rules/KnownTypeNamesRule.ts.
 */
#include "graphql/validation/rules.h"

#include "core/arena.h"
#include "graphql/validation/validate.h"

struct state {
    struct gql_rule_base base;
    struct gql_map defined; /* type names defined by the document's type definitions */
    const char **all;       /* the standard names, the schema's, then the document's: made
                               for the first suggestion (NULL until then) */
    size_t nall;
};

/* graphql-js specifiedScalarTypes and introspectionTypes. */
static const char *const standard_type_names[] = {
    "String",     "Int",      "Float",        "Boolean",
    "ID",         "__Schema", "__Directive",  "__DirectiveLocation",
    "__Type",     "__Field",  "__InputValue", "__EnumValue",
    "__TypeKind",
};
#define NSTANDARD (sizeof(standard_type_names) / sizeof(standard_type_names[0]))

static bool is_type_definition(enum gql_kind k)
{
    return k == GQL_SCALAR_TYPE_DEFINITION || k == GQL_OBJECT_TYPE_DEFINITION ||
           k == GQL_INTERFACE_TYPE_DEFINITION || k == GQL_UNION_TYPE_DEFINITION ||
           k == GQL_ENUM_TYPE_DEFINITION || k == GQL_INPUT_OBJECT_TYPE_DEFINITION;
}

/* Type-system definitions and extensions (graphql-js isSDLNode). */
static bool is_sdl(enum gql_kind k)
{
    return k >= GQL_SCHEMA_DEFINITION;
}

static void init(void *data)
{
    struct state *st = data;
    struct gql_validation_context *ctx = st->base.ctx;
    gql_map_init(&st->defined, ctx->arena);
    const struct gql_document *doc = ctx->doc;
    for (size_t i = 0; i < doc->definitions.count; i++) {
        const struct gql_node *def = doc->definitions.items[i];
        if (is_type_definition(def->kind))
            gql_map_put(&st->defined, ((const struct gql_type_def *)def)->name, NULL);
    }
}

/* Fill st->all, the names suggestions are taken from. */
static void list_names(struct state *st)
{
    struct gql_validation_context *ctx = st->base.ctx;
    st->nall = NSTANDARD + ctx->schema->ntypes + st->defined.count;
    st->all = ARENA_ARRAY(ctx->arena, const char *, st->nall);
    size_t n = 0;
    for (size_t i = 0; i < NSTANDARD; i++)
        st->all[n++] = standard_type_names[i];
    for (size_t i = 0; i < ctx->schema->ntypes; i++)
        st->all[n++] = ctx->schema->types[i]->name;
    for (size_t i = 0; i < st->defined.count; i++)
        st->all[n++] = str_dup(ctx->arena, st->defined.entries[i].key);
}

static enum gql_visit_action enter_named_type(void *data, const struct gql_node *node,
                                              const struct gql_visit *walk)
{
    struct state *st = data;
    struct gql_validation_context *ctx = st->base.ctx;
    struct str name = ((const struct gql_type_ref *)node)->name;
    if (gql_schema_type(ctx->schema, name.ptr, name.len) || gql_map_find(&st->defined, name))
        return GQL_CONTINUE;
    /* The top-level definition holding the reference (graphql-js ancestors[2] ?? parent). */
    size_t depth = gql_visit_depth(walk);
    const struct gql_node *definition =
            depth >= 2 ? gql_visit_ancestor(walk, depth - 2) : gql_visit_ancestor(walk, 0);
    bool sdl = definition && is_sdl(definition->kind);
    /* Type-system documents may always name the standard types, and are offered them. */
    if (sdl)
        for (size_t i = 0; i < NSTANDARD; i++)
            if (str_eq_cstr(name, standard_type_names[i])) return GQL_CONTINUE;
    if (!st->all) list_names(st);
    const char *const *opts = st->all + NSTANDARD;
    size_t nopts = st->nall - NSTANDARD;
    if (sdl) {
        opts = st->all;
        nopts = st->nall;
    }
    const char **suggestions;
    size_t n = gql_suggestion_list(ctx->arena, name, opts, nopts, &suggestions);
    gql_report_at(ctx, node, "Unknown type \"%.*s\".%s", STR_FMT(name),
                  gql_did_you_mean_names(ctx->arena, NULL, suggestions, n));
    return GQL_CONTINUE;
}

const struct gql_rule gql_rule_known_type_names = {
    .name = "KnownTypeNames",
    .state_size = sizeof(struct state),
    .init = init,
    .visitor = { .enter = { [GQL_NAMED_TYPE] = enter_named_type } },
};
