/*
 * collect_fields.c: CollectFields (spec 6.3.2). Walks a selection set for one runtime object
 * type and groups its fields by response key in request order, following fragment spreads
 * (each fragment at most once per collection) and inline fragments whose type condition
 * applies, and leaving out what @skip/@include exclude. Groups start on the C stack and are
 * copied into the arena once, at their final size; a group with one node points into the AST
 * instead of owning an array, and keys are found by a linear scan until a selection set grows
 * large enough to be worth a hash index.
 * Reference: graphql-js src/execution/collectFields.ts.
 */
#include "graphql/execution/execute.h"

#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"

#define STACK_GROUPS    32 /* groups held on the stack before moving to the arena */
#define STACK_FRAGMENTS 16 /* visited fragment names held on the stack */
#define HASH_FROM       16 /* groups from which keys are looked up through a hash index */

struct collector {
    const struct gql_collect_ctx *c;
    struct gql_field_group *groups;
    size_t count, cap;
    uint32_t *index;     /* open addressing: group number + 1, 0 = empty; NULL while small */
    size_t index_cap;    /* a power of two, at least twice count */
    struct str *visited; /* fragment names already spread */
    size_t nvisited, visited_cap;
    bool groups_on_stack; /* groups is the caller's stack array */
    struct gql_value_error *err;
};

/* getFieldEntryKey: the alias when there is one, else the field's name. */
static struct str response_key(const struct gql_selection *sel)
{
    return sel->alias.len ? sel->alias : sel->name;
}

static uint32_t hash_key(struct str s)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < s.len; i++)
        h = (h ^ (unsigned char)s.ptr[i]) * 16777619u;
    return h;
}

static void index_insert(struct collector *col, size_t group)
{
    size_t mask = col->index_cap - 1;
    size_t i = hash_key(response_key(col->groups[group].nodes[0])) & mask;
    while (col->index[i])
        i = (i + 1) & mask;
    col->index[i] = (uint32_t)group + 1;
}

/* (Re)build the hash index with room for twice the groups there are. */
static void index_rebuild(struct collector *col)
{
    size_t cap = 64;
    while (cap < col->count * 2)
        cap *= 2;
    col->index = ARENA_ARRAY(col->c->arena, uint32_t, cap);
    col->index_cap = cap;
    for (size_t g = 0; g < col->count; g++)
        index_insert(col, g);
}

/* The group whose key is key, or NULL. */
static struct gql_field_group *find_group(const struct collector *col, struct str key)
{
    if (!col->index) {
        for (size_t g = 0; g < col->count; g++)
            if (str_eq(response_key(col->groups[g].nodes[0]), key)) return &col->groups[g];
        return NULL;
    }
    size_t mask = col->index_cap - 1;
    for (size_t i = hash_key(key) & mask; col->index[i]; i = (i + 1) & mask) {
        struct gql_field_group *g = &col->groups[col->index[i] - 1];
        if (str_eq(response_key(g->nodes[0]), key)) return g;
    }
    return NULL;
}

/* Add the field set->selections.items[i] under its response key. */
static void add_field(struct collector *col, const struct gql_selection_set *set, size_t i)
{
    struct arena *a = col->c->arena;
    const struct gql_selection *sel = set->selections.items[i];
    struct gql_field_group *g = find_group(col, response_key(sel));
    if (g) {
        if (g->cap == 0 || g->cap == g->nnodes) { /* still in the AST, or full */
            size_t cap = g->nnodes < 2 ? 4 : g->nnodes * 2;
            const struct gql_selection **nodes = ARENA_ARRAY(a, const struct gql_selection *, cap);
            memcpy(nodes, g->nodes, g->nnodes * sizeof(const struct gql_selection *));
            g->nodes = nodes;
            g->cap = cap;
        }
        ((const struct gql_selection **)g->nodes)[g->nnodes++] = sel;
        return;
    }
    if (col->count == col->cap) {
        size_t cap = col->cap * 2;
        struct gql_field_group *groups = ARENA_ARRAY(a, struct gql_field_group, cap);
        memcpy(groups, col->groups, col->count * sizeof(*groups));
        col->groups = groups;
        col->cap = cap;
        col->groups_on_stack = false;
    }
    g = &col->groups[col->count++];
    g->key = NULL;
    g->nodes = (const struct gql_selection *const *)&set->selections.items[i];
    g->nnodes = 1;
    g->cap = 0;
    if (col->index ? col->count * 2 > col->index_cap : col->count >= HASH_FROM)
        index_rebuild(col);
    else if (col->index)
        index_insert(col, col->count - 1);
}

/* The value of @name(if: ...) among dirs: 1 true, 0 false, -1 when the directive is absent. */
static int directive_if(struct collector *col, const gql_directives *dirs, const char *name,
                        int *value)
{
    *value = -1;
    for (size_t i = 0; i < dirs->count; i++) {
        const struct gql_directive *d = dirs->items[i];
        if (!str_eq_cstr(d->name, name)) continue;
        const struct gql_directive_type *def =
                gql_schema_directive(col->c->schema, name, strlen(name));
        if (!def) return WM_OK;
        struct gql_value args;
        int rc = gql_get_argument_values(col->c->arena, def->args, def->nargs, &d->args,
                                         d->node.loc, col->c->vars, &args, col->err);
        if (rc != WM_OK) return rc;
        const struct gql_value *v = gql_object_get(&args, "if");
        if (v && v->kind == GQL_V_BOOL) *value = v->u.b;
        return WM_OK;
    }
    return WM_OK;
}

/* shouldIncludeNode: @skip(if: true) excludes, then @include(if: false) excludes. */
static int should_include_node(struct collector *col, const gql_directives *dirs, bool *include)
{
    *include = true;
    if (dirs->count == 0) return WM_OK;
    int v;
    int rc = directive_if(col, dirs, "skip", &v);
    if (rc != WM_OK) return rc;
    if (v == 1) {
        *include = false;
        return WM_OK;
    }
    rc = directive_if(col, dirs, "include", &v);
    if (rc != WM_OK) return rc;
    if (v == 0) *include = false;
    return WM_OK;
}

/* doesFragmentConditionMatch: no condition, the type itself, or an abstract type that has it
 * among its possible types. */
static bool does_fragment_condition_match(const struct gql_schema *s,
                                          const struct gql_type_ref *cond,
                                          const struct gql_type *type)
{
    if (!cond) return true;
    const struct gql_type *t = gql_schema_type(s, cond->name.ptr, cond->name.len);
    if (t == type) return true;
    if (t && gql_type_is_abstract(t)) return gql_is_possible_type(t, type);
    return false;
}

/* Note the fragment name as spread; false when it already was. */
static bool visit_fragment(struct collector *col, struct str name)
{
    for (size_t i = 0; i < col->nvisited; i++)
        if (str_eq(col->visited[i], name)) return false;
    if (col->nvisited == col->visited_cap) {
        size_t cap = col->visited_cap * 2;
        struct str *v = ARENA_ARRAY(col->c->arena, struct str, cap);
        memcpy(v, col->visited, col->nvisited * sizeof(*v));
        col->visited = v;
        col->visited_cap = cap;
    }
    col->visited[col->nvisited++] = name;
    return true;
}

static const struct gql_fragment *find_fragment(const struct gql_collect_ctx *c, struct str name)
{
    for (size_t i = 0; i < c->nfragments; i++)
        if (str_eq(c->fragments[i]->name, name)) return c->fragments[i];
    return NULL;
}

static int collect_fields_impl(struct collector *col, const struct gql_type *type,
                               const struct gql_selection_set *set)
{
    for (size_t i = 0; i < set->selections.count; i++) {
        const struct gql_selection *sel = set->selections.items[i];
        bool include;
        int rc = should_include_node(col, &sel->directives, &include);
        if (rc != WM_OK) return rc;
        if (!include) continue;
        switch (sel->node.kind) {
        case GQL_FIELD:
            add_field(col, set, i);
            break;
        case GQL_INLINE_FRAGMENT:
            if (!does_fragment_condition_match(col->c->schema, sel->type_condition, type)) break;
            rc = collect_fields_impl(col, type, sel->selection_set);
            if (rc != WM_OK) return rc;
            break;
        case GQL_FRAGMENT_SPREAD: {
            /* Marked as visited before its condition is checked, as graphql-js does. */
            if (!visit_fragment(col, sel->name)) break;
            const struct gql_fragment *frag = find_fragment(col->c, sel->name);
            if (!frag || !does_fragment_condition_match(col->c->schema, frag->type_condition, type))
                break;
            rc = collect_fields_impl(col, type, frag->selection_set);
            if (rc != WM_OK) return rc;
            break;
        }
        default:
            break;
        }
    }
    return WM_OK;
}

/* Copy the groups into the arena at their final size and give each its NUL-terminated key
 * (all keys in one allocation). */
static void finish(struct collector *col, struct gql_grouped_fields *out)
{
    struct arena *a = col->c->arena;
    out->count = col->count;
    out->items = NULL;
    if (col->count == 0) return;
    if (col->groups_on_stack) {
        out->items = ARENA_ARRAY(a, struct gql_field_group, col->count);
        memcpy(out->items, col->groups, col->count * sizeof(*out->items));
    } else {
        out->items = col->groups;
    }
    size_t total = 0;
    for (size_t g = 0; g < col->count; g++)
        total += response_key(out->items[g].nodes[0]).len + 1;
    char *keys = arena_alloc(a, total);
    for (size_t g = 0; g < col->count; g++) {
        struct str k = response_key(out->items[g].nodes[0]);
        memcpy(keys, k.ptr, k.len);
        keys[k.len] = '\0';
        out->items[g].key = keys;
        keys += k.len + 1;
    }
}

int gql_collect_subfields(const struct gql_collect_ctx *c, const struct gql_type *return_type,
                          const struct gql_field_group *group, struct gql_grouped_fields *out,
                          struct gql_value_error *err)
{
    struct gql_field_group stack[STACK_GROUPS];
    struct str visited[STACK_FRAGMENTS];
    struct collector col = {
        .c = c,
        .groups = stack,
        .cap = STACK_GROUPS,
        .visited = visited,
        .visited_cap = STACK_FRAGMENTS,
        .groups_on_stack = true,
        .err = err,
    };
    for (size_t i = 0; i < group->nnodes; i++) {
        const struct gql_selection_set *set = group->nodes[i]->selection_set;
        if (!set) continue;
        int rc = collect_fields_impl(&col, return_type, set);
        if (rc != WM_OK) return rc;
    }
    finish(&col, out);
    return WM_OK;
}

int gql_collect_fields(const struct gql_collect_ctx *c, const struct gql_type *runtime_type,
                       const struct gql_selection_set *set, struct gql_grouped_fields *out,
                       struct gql_value_error *err)
{
    struct gql_field_group stack[STACK_GROUPS];
    struct str visited[STACK_FRAGMENTS];
    struct collector col = {
        .c = c,
        .groups = stack,
        .cap = STACK_GROUPS,
        .visited = visited,
        .visited_cap = STACK_FRAGMENTS,
        .groups_on_stack = true,
        .err = err,
    };
    int rc = collect_fields_impl(&col, runtime_type, set);
    if (rc != WM_OK) return rc;
    finish(&col, out);
    return WM_OK;
}
