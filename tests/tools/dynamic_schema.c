/*
 * dynamic_schema.c: a schema from any SDL for the test tools (gql-check, the benchmarks, the
 * contract test): every root field resolved by one given function, every other object type
 * dynamic (its sources are GQL_V_OBJECT values read by field name).
 */
#include "dynamic_schema.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"

struct name_list {
    const char **items;
    size_t count, cap;
};

static void names_add(struct arena *a, struct name_list *l, struct str name)
{
    for (size_t i = 0; i < l->count; i++)
        if (str_eq_cstr(name, l->items[i])) return;
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        const char **items = ARENA_ARRAY(a, const char *, cap);
        if (l->count) memcpy(items, l->items, l->count * sizeof(*items));
        l->items = items;
        l->cap = cap;
    }
    l->items[l->count++] = str_dup(a, name);
}

static bool names_has(const struct name_list *l, const char *name)
{
    for (size_t i = 0; i < l->count; i++)
        if (strcmp(l->items[i], name) == 0) return true;
    return false;
}

/*
 * Build a schema from any SDL with every object type dynamic and every root field resolved by
 * resolve_root: parse the SDL to find the object types and the root operation types (schema
 * definition, or the default names), then hand gql_schema_build the tables.
 */
struct gql_schema *dynamic_schema_build(struct arena *a, const char *sdl, size_t len,
                                        gql_resolve_fn *resolve_root, char *err, size_t errlen)
{
    struct gql_limits lim = { 0, 0, 0 };
    struct gql_document *doc;
    struct gql_errors errs = { 0 };
    if (gql_parse(a, sdl, len, &lim, &doc, &errs) != WM_OK) {
        snprintf(err, errlen, "%s", errs.count ? errs.items[0].message : "parse error");
        return NULL;
    }

    struct name_list objects = { 0 }, roots = { 0 };
    const char *root_names[3] = { NULL, NULL, NULL };
    bool have_schema_def = false;
    for (size_t i = 0; i < doc->definitions.count; i++) {
        const struct gql_node *n = doc->definitions.items[i];
        if (n->kind == GQL_OBJECT_TYPE_DEFINITION || n->kind == GQL_OBJECT_TYPE_EXTENSION)
            names_add(a, &objects, ((const struct gql_type_def *)n)->name);
        if (n->kind == GQL_SCHEMA_DEFINITION || n->kind == GQL_SCHEMA_EXTENSION) {
            const struct gql_schema_def *sd = (const struct gql_schema_def *)n;
            have_schema_def = true;
            for (size_t k = 0; k < sd->operation_types.count; k++) {
                const struct gql_operation_type_def *ot = sd->operation_types.items[k];
                root_names[ot->operation] = str_dup(a, ot->type->name);
            }
        }
    }
    if (!have_schema_def) {
        static const char *const defaults[3] = { "Query", "Mutation", "Subscription" };
        for (int k = 0; k < 3; k++)
            if (names_has(&objects, defaults[k])) root_names[k] = defaults[k];
    }

    /* One row per field of each root type (definitions and extensions alike). */
    size_t nroots = 0, cap = 64;
    struct gql_root_field *rows = ARENA_ARRAY(a, struct gql_root_field, cap);
    for (int k = 0; k < 3; k++) {
        if (!root_names[k]) continue;
        names_add(a, &roots, str_from(root_names[k]));
        for (size_t i = 0; i < doc->definitions.count; i++) {
            const struct gql_node *n = doc->definitions.items[i];
            if (n->kind != GQL_OBJECT_TYPE_DEFINITION && n->kind != GQL_OBJECT_TYPE_EXTENSION)
                continue;
            const struct gql_type_def *td = (const struct gql_type_def *)n;
            if (!str_eq_cstr(td->name, root_names[k])) continue;
            for (size_t f = 0; f < td->fields.count; f++) {
                if (nroots == cap) {
                    struct gql_root_field *more = ARENA_ARRAY(a, struct gql_root_field, cap * 2);
                    memcpy(more, rows, nroots * sizeof(*rows));
                    rows = more;
                    cap *= 2;
                }
                rows[nroots++] = (struct gql_root_field){ root_names[k],
                                                          str_dup(a, td->fields.items[f]->name),
                                                          resolve_root, 0 };
            }
        }
    }

    /* Every other object type is dynamic: its sources are OBJECT values from data.json. */
    struct gql_type_map *maps = ARENA_ARRAY(a, struct gql_type_map, objects.count + 1);
    size_t nmaps = 0;
    for (size_t i = 0; i < objects.count; i++)
        if (!names_has(&roots, objects.items[i]))
            maps[nmaps++] = (struct gql_type_map){ objects.items[i], NULL };

    struct gql_schema *s;
    if (gql_schema_build(&s, sdl, len, rows, nroots, maps, nmaps, err, errlen) != WM_OK)
        return NULL;
    return s;
}
