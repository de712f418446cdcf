/*
 * validate.c: gql_validate(): every rule of gql_specified_rules over the document in one
 * parallel walk with TypeInfo, errors collected in the context and capped like graphql-js
 * (maxErrors real errors, then "Too many validation errors ..." and the walk stops). Also the
 * context's helpers the rules share, each cached per document as graphql-js caches them, the
 * ordered map they are built on, and the message helpers (suggestion lists, didYouMean).
 * Reference: graphql-js src/validation/validate.ts, ValidationContext.ts,
 * src/jsutils/suggestionList.ts, didYouMean.ts, naturalCompare.ts.
 */
#include "graphql/validation/validate.h"

#include <assert.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "graphql/validation/rules.h"

/* ---- the ordered map ---------------------------------------------------------------------- */

void gql_map_init(struct gql_map *m, struct arena *a)
{
    *m = (struct gql_map){ .arena = a };
}

/* Maps up to this many entries are searched in order (comparing hashes), without a hash
 * table: most maps of a validation (a selection set's fields, an operation's variables) are
 * that small. */
#define LINEAR_MAX 8

static uint32_t hash_str(struct str s)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < s.len; i++) {
        h ^= (unsigned char)s.ptr[i];
        h *= 16777619u;
    }
    return h;
}

static uint32_t hash_ptr(const void *p)
{
    uint64_t h = (uint64_t)(uintptr_t)p;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return (uint32_t)h;
}

/* Whether entry e holds the key (hash h). */
static bool entry_is(const struct gql_map_entry *e, bool by_ptr, struct str key, const void *ptr,
                     uint32_t h)
{
    if (e->hash != h) return false;
    if (by_ptr) return e->ptr == ptr;
    return e->key.len == key.len && (key.len == 0 || memcmp(e->key.ptr, key.ptr, key.len) == 0);
}

/* The slot of key (hash h): the one holding it, or the empty one where it would go. */
static size_t find_slot(const struct gql_map *m, bool by_ptr, struct str key, const void *ptr,
                        uint32_t h)
{
    size_t mask = m->nslots - 1;
    size_t i = (size_t)h & mask;
    for (uint32_t e; (e = m->slots[i]) != 0; i = (i + 1) & mask)
        if (entry_is(&m->entries[e - 1], by_ptr, key, ptr, h)) break;
    return i;
}

/* Make the table hold at least twice the entries, and index them all. */
static void rehash(struct gql_map *m, bool by_ptr)
{
    size_t nslots = m->nslots ? m->nslots : 32;
    while (nslots < m->count * 2)
        nslots *= 2;
    m->slots = ARENA_ARRAY(m->arena, uint32_t, nslots);
    m->nslots = nslots;
    for (size_t e = 0; e < m->count; e++) {
        const struct gql_map_entry *en = &m->entries[e];
        m->slots[find_slot(m, by_ptr, en->key, en->ptr, en->hash)] = (uint32_t)(e + 1);
    }
}

/* The entry for the key (hash h), or NULL; *slot is where it is or would go in the table. */
static struct gql_map_entry *lookup(const struct gql_map *m, bool by_ptr, struct str key,
                                    const void *ptr, uint32_t h, size_t *slot)
{
    if (!m->slots) {
        for (size_t i = 0; i < m->count; i++)
            if (entry_is(&m->entries[i], by_ptr, key, ptr, h)) return &m->entries[i];
        return NULL;
    }
    *slot = find_slot(m, by_ptr, key, ptr, h);
    uint32_t e = m->slots[*slot];
    return e ? &m->entries[e - 1] : NULL;
}

static struct gql_map_entry *map_find(const struct gql_map *m, bool by_ptr, struct str key,
                                      const void *ptr)
{
    if (!m->count) return NULL;
    size_t slot;
    return lookup(m, by_ptr, key, ptr, by_ptr ? hash_ptr(ptr) : hash_str(key), &slot);
}

static struct gql_map_entry *map_put(struct gql_map *m, bool by_ptr, struct str key,
                                     const void *ptr, bool *added)
{
    uint32_t h = by_ptr ? hash_ptr(ptr) : hash_str(key);
    size_t slot = 0;
    struct gql_map_entry *found = lookup(m, by_ptr, key, ptr, h, &slot);
    if (added) *added = !found;
    if (found) return found;
    assert(m->count < UINT32_MAX - 1);
    if (m->count == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 8;
        struct gql_map_entry *entries = arena_alloc(m->arena, cap * sizeof(*entries));
        if (m->count) memcpy(entries, m->entries, m->count * sizeof(*entries));
        m->entries = entries;
        m->cap = cap;
    }
    struct gql_map_entry *e = &m->entries[m->count++];
    *e = (struct gql_map_entry){ key, ptr, NULL, 0, h };
    if (m->slots && m->count * 2 <= m->nslots)
        m->slots[slot] = (uint32_t)m->count;
    else if (m->slots || m->count > LINEAR_MAX)
        rehash(m, by_ptr);
    return e;
}

struct gql_map_entry *gql_map_find(const struct gql_map *m, struct str key)
{
    return map_find(m, false, key, NULL);
}

struct gql_map_entry *gql_map_put(struct gql_map *m, struct str key, bool *added)
{
    return map_put(m, false, key, NULL, added);
}

struct gql_map_entry *gql_map_find_ptr(const struct gql_map *m, const void *key)
{
    return map_find(m, true, STR_NULL, key);
}

struct gql_map_entry *gql_map_put_ptr(struct gql_map *m, const void *key, bool *added)
{
    return map_put(m, true, STR_NULL, key, added);
}

void *gql_map_get(const struct gql_map *m, struct str key)
{
    struct gql_map_entry *e = gql_map_find(m, key);
    return e ? e->value : NULL;
}

void *gql_map_get_ptr(const struct gql_map *m, const void *key)
{
    struct gql_map_entry *e = gql_map_find_ptr(m, key);
    return e ? e->value : NULL;
}

/* ---- errors ------------------------------------------------------------------------------- */

static char *vformat(struct arena *a, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    assert(n >= 0);
    char *s = arena_alloc(a, (size_t)n + 1);
    (void)vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

/* Append one error with all its locations (gql_error_add takes two at most). */
static void push_error(struct gql_validation_context *ctx, const char *message,
                       const struct gql_loc *locs, size_t nlocs)
{
    struct gql_errors *errs = ctx->errors;
    size_t before = errs->count;
    gql_error_add(ctx->arena, errs, GQL_CODE_VALIDATION, nlocs > 0 ? &locs[0] : NULL,
                  nlocs > 1 ? &locs[1] : NULL, "%s", message);
    if (nlocs > 2 && errs->count == before + 1) {
        struct gql_loc *all = ARENA_ARRAY(ctx->arena, struct gql_loc, nlocs);
        memcpy(all, locs, nlocs * sizeof(*all));
        errs->items[before].locations = all;
        errs->items[before].nlocations = nlocs;
    }
}

static void report_message(struct gql_validation_context *ctx, const char *message,
                           const struct gql_loc *locs, size_t nlocs)
{
    if (ctx->stop) return;
    if (ctx->nerrors >= ctx->max_errors) {
        push_error(ctx, "Too many validation errors, error limit reached. Validation aborted.",
                   NULL, 0);
        ctx->stop = true;
        return;
    }
    ctx->nerrors++;
    push_error(ctx, message, locs, nlocs);
}

void gql_report(struct gql_validation_context *ctx, const struct gql_loc *locs, size_t nlocs,
                const char *fmt, ...)
{
    if (ctx->stop) return;
    va_list ap;
    va_start(ap, fmt);
    char *message = vformat(ctx->arena, fmt, ap);
    va_end(ap);
    report_message(ctx, message, locs, nlocs);
}

void gql_report_at(struct gql_validation_context *ctx, const struct gql_node *node, const char *fmt,
                   ...)
{
    if (ctx->stop) return;
    va_list ap;
    va_start(ap, fmt);
    char *message = vformat(ctx->arena, fmt, ap);
    va_end(ap);
    report_message(ctx, message, &node->loc, 1);
}

void gql_report_nodes(struct gql_validation_context *ctx, const char *message,
                      const struct gql_node *const *nodes, size_t nnodes)
{
    if (ctx->stop) return;
    struct gql_loc *locs = ARENA_ARRAY(ctx->arena, struct gql_loc, nnodes ? nnodes : 1);
    for (size_t i = 0; i < nnodes; i++)
        locs[i] = nodes[i]->loc;
    report_message(ctx, message, locs, nnodes);
}

struct gql_loc gql_name_loc(const struct gql_node *node)
{
    switch (node->kind) {
    case GQL_OPERATION_DEFINITION: {
        const struct gql_operation *op = (const struct gql_operation *)node;
        return op->name.len ? op->name_loc : node->loc;
    }
    case GQL_FRAGMENT_DEFINITION:
        return ((const struct gql_fragment *)node)->name_loc;
    case GQL_FRAGMENT_SPREAD:
    case GQL_FIELD:
        return ((const struct gql_selection *)node)->name_loc;
    case GQL_VARIABLE_DEFINITION:
        return ((const struct gql_variable_definition *)node)->name_loc;
    default:
        return node->loc;
    }
}

/* ---- fragments and variables -------------------------------------------------------------- */

const struct gql_fragment *gql_get_fragment(struct gql_validation_context *ctx, struct str name)
{
    if (!ctx->fragments_indexed) {
        const struct gql_document *doc = ctx->doc;
        for (size_t i = 0; i < doc->definitions.count; i++) {
            const struct gql_node *def = doc->definitions.items[i];
            if (def->kind != GQL_FRAGMENT_DEFINITION) continue;
            const struct gql_fragment *f = (const struct gql_fragment *)def;
            gql_map_put(&ctx->fragments, f->name, NULL)->value = (void *)f;
        }
        ctx->fragments_indexed = true;
    }
    return gql_map_get(&ctx->fragments, name);
}

const struct gql_ptr_vec *gql_get_fragment_spreads(struct gql_validation_context *ctx,
                                                   const struct gql_selection_set *set)
{
    bool added;
    struct gql_map_entry *e = gql_map_put_ptr(&ctx->spreads, set, &added);
    if (!added) return e->value;
    struct gql_ptr_vec *spreads = ARENA_NEW(ctx->arena, struct gql_ptr_vec);
    e->value = spreads;
    struct gql_ptr_vec to_visit = { 0 };
    gql_ptr_vec_push(ctx->arena, &to_visit, set);
    while (to_visit.count) {
        const struct gql_selection_set *s = to_visit.items[--to_visit.count];
        for (size_t i = 0; i < s->selections.count; i++) {
            const struct gql_selection *sel = s->selections.items[i];
            if (sel->node.kind == GQL_FRAGMENT_SPREAD)
                gql_ptr_vec_push(ctx->arena, spreads, sel);
            else if (sel->selection_set)
                gql_ptr_vec_push(ctx->arena, &to_visit, sel->selection_set);
        }
    }
    return spreads;
}

const struct gql_ptr_vec *gql_get_referenced_fragments(struct gql_validation_context *ctx,
                                                       const struct gql_operation *op)
{
    bool added;
    struct gql_map_entry *e = gql_map_put_ptr(&ctx->referenced, op, &added);
    if (!added) return e->value;
    struct gql_ptr_vec *fragments = ARENA_NEW(ctx->arena, struct gql_ptr_vec);
    e->value = fragments;
    struct gql_map collected; /* names seen */
    gql_map_init(&collected, ctx->arena);
    struct gql_ptr_vec to_visit = { 0 }; /* selection sets, a stack */
    gql_ptr_vec_push(ctx->arena, &to_visit, op->selection_set);
    while (to_visit.count) {
        const struct gql_selection_set *set = to_visit.items[--to_visit.count];
        const struct gql_ptr_vec *spreads = gql_get_fragment_spreads(ctx, set);
        for (size_t i = 0; i < spreads->count; i++) {
            const struct gql_selection *spread = spreads->items[i];
            gql_map_put(&collected, spread->name, &added);
            if (!added) continue;
            const struct gql_fragment *f = gql_get_fragment(ctx, spread->name);
            if (!f) continue;
            gql_ptr_vec_push(ctx->arena, fragments, f);
            gql_ptr_vec_push(ctx->arena, &to_visit, f->selection_set);
        }
    }
    return fragments;
}

/* A growing list of variable usages. */
struct usage_list {
    struct gql_variable_usage *items;
    size_t count;
    size_t cap;
};

/* Append the VARIABLE node with what ti knows at it. */
static void add_usage(struct arena *a, struct usage_list *l, const struct gql_node *node,
                      const struct gql_type_info *ti)
{
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        struct gql_variable_usage *items = arena_alloc(a, cap * sizeof(*items));
        if (l->count) memcpy(items, l->items, l->count * sizeof(*items));
        l->items = items;
        l->cap = cap;
    }
    l->items[l->count++] = (struct gql_variable_usage){
        .node = (const struct gql_ast_value *)node,
        .type = gql_type_info_input_type(ti),
        .default_value = gql_type_info_default_value(ti),
    };
}

/* Remember l as the usages of node, unless they are known already. */
static const struct gql_variable_usages *keep_usages(struct gql_validation_context *ctx,
                                                     const struct gql_node *node,
                                                     const struct usage_list *l)
{
    bool added;
    struct gql_map_entry *e = gql_map_put_ptr(&ctx->usages, node, &added);
    if (!added) return e->value;
    struct gql_variable_usages *usages = ARENA_NEW(ctx->arena, struct gql_variable_usages);
    usages->items = l->items;
    usages->count = l->count;
    e->value = usages;
    return usages;
}

/*
 * The usages are recorded during the validation walk itself, by a visitor that runs before the
 * rules (the first slot): when an operation or fragment definition is left, its usages are
 * complete (that visitor never skips anything but variable definitions, so the walk went
 * through all of the definition), and the rules' leave callbacks find them without a second
 * walk. TypeInfo is in the same state there as in a walk of the definition alone: the walk
 * leaves TypeInfo as it found it after each definition.
 */
struct usage_recorder {
    struct gql_validation_context *ctx;
    struct usage_list list; /* the usages of the definition being walked */
};

static enum gql_visit_action record_definition(void *data, const struct gql_node *node,
                                               const struct gql_visit *walk)
{
    (void)node;
    (void)walk;
    struct usage_recorder *r = data;
    r->list = (struct usage_list){ 0 };
    return GQL_CONTINUE;
}

static enum gql_visit_action record_variable(void *data, const struct gql_node *node,
                                             const struct gql_visit *walk)
{
    (void)walk;
    struct usage_recorder *r = data;
    add_usage(r->ctx->arena, &r->list, node, r->ctx->type_info);
    return GQL_CONTINUE;
}

static enum gql_visit_action keep_definition(void *data, const struct gql_node *node,
                                             const struct gql_visit *walk)
{
    (void)walk;
    struct usage_recorder *r = data;
    keep_usages(r->ctx, node, &r->list);
    return GQL_CONTINUE;
}

static const struct gql_visitor recorder_visitor = {
    .enter = { [GQL_OPERATION_DEFINITION] = record_definition,
               [GQL_FRAGMENT_DEFINITION] = record_definition,
               [GQL_VARIABLE_DEFINITION] = gql_rule_skip,
               [GQL_VARIABLE] = record_variable },
    .leave = { [GQL_OPERATION_DEFINITION] = keep_definition,
               [GQL_FRAGMENT_DEFINITION] = keep_definition },
};

/* The state of a getVariableUsages walk of its own (a definition not walked yet). */
struct usage_walk {
    struct gql_type_info ti;
    struct usage_list list;
    struct arena *arena;
};

static enum gql_visit_action usage_variable(void *data, const struct gql_node *node,
                                            const struct gql_visit *walk)
{
    (void)walk;
    struct usage_walk *u = data;
    add_usage(u->arena, &u->list, node, &u->ti);
    return GQL_CONTINUE;
}

/*
 * A node under which no usage can be: a variable definition (not looked into), a field without
 * arguments, directives and selections, or an argument whose value is a plain literal. The
 * usage walk skips it and does not tell TypeInfo about it either, which changes nothing:
 * TypeInfo leaves such a node in the state it found it (each push has its pop; the argument
 * it clears was not set outside arguments).
 */
static bool variable_free(const struct gql_node *node)
{
    if (node->kind == GQL_VARIABLE_DEFINITION) return true;
    if (node->kind == GQL_FIELD) {
        const struct gql_selection *f = (const struct gql_selection *)node;
        return !f->args.count && !f->directives.count && !f->selection_set;
    }
    if (node->kind == GQL_ARGUMENT) {
        enum gql_kind k = ((const struct gql_argument *)node)->value->node.kind;
        return k != GQL_VARIABLE && k != GQL_LIST_VALUE && k != GQL_OBJECT_VALUE;
    }
    return false;
}

static enum gql_visit_action usage_prune(void *data, const struct gql_node *node,
                                         const struct gql_visit *walk)
{
    (void)data;
    (void)walk;
    return variable_free(node) ? GQL_SKIP : GQL_CONTINUE;
}

static void usage_type_info_enter(void *data, const struct gql_node *node)
{
    if (!variable_free(node)) gql_type_info_enter(data, node);
}

static void usage_type_info_leave(void *data, const struct gql_node *node)
{
    if (!variable_free(node)) gql_type_info_leave(data, node);
}

static const struct gql_visitor usage_visitor = {
    .enter = { [GQL_VARIABLE_DEFINITION] = gql_rule_skip,
               [GQL_VARIABLE] = usage_variable,
               [GQL_FIELD] = usage_prune,
               [GQL_ARGUMENT] = usage_prune },
};

const struct gql_variable_usages *gql_get_variable_usages(struct gql_validation_context *ctx,
                                                          const struct gql_node *node)
{
    const struct gql_variable_usages *known = gql_map_get_ptr(&ctx->usages, node);
    if (known) return known;
    struct usage_walk u = { .arena = ctx->arena };
    gql_type_info_init(&u.ti, ctx->arena, ctx->schema);
    struct gql_visit_hooks hooks = { usage_type_info_enter, usage_type_info_leave, &u.ti };
    gql_visit(ctx->arena, node, &usage_visitor, &u, &hooks);
    return keep_usages(ctx, node, &u.list);
}

const struct gql_variable_definitions *
gql_get_variable_definitions(struct gql_validation_context *ctx, const struct gql_operation *op)
{
    if (ctx->definitions_of == op) return ctx->definitions;
    struct gql_variable_definitions *d = ARENA_NEW(ctx->arena, struct gql_variable_definitions);
    gql_map_init(&d->by_name, ctx->arena);
    d->entry_of = arena_alloc(ctx->arena, (op->variables.count + 1) * sizeof(*d->entry_of));
    for (size_t i = 0; i < op->variables.count; i++) {
        const struct gql_variable_definition *v = op->variables.items[i];
        struct gql_map_entry *e = gql_map_put(&d->by_name, v->name, NULL);
        e->value = (void *)v;
        d->entry_of[i] = (size_t)(e - d->by_name.entries);
    }
    ctx->definitions_of = op;
    ctx->definitions = d;
    return d;
}

const struct gql_variable_usages *
gql_get_recursive_variable_usages(struct gql_validation_context *ctx,
                                  const struct gql_operation *op)
{
    struct gql_variable_usages *cached = gql_map_get_ptr(&ctx->recursive_usages, op);
    if (cached) return cached;
    const struct gql_ptr_vec *fragments = gql_get_referenced_fragments(ctx, op);
    const struct gql_variable_usages *own = gql_get_variable_usages(ctx, &op->node);
    size_t n = own->count;
    for (size_t i = 0; i < fragments->count; i++) {
        const struct gql_fragment *f = fragments->items[i];
        n += gql_get_variable_usages(ctx, &f->node)->count;
    }
    struct gql_variable_usages *all = ARENA_NEW(ctx->arena, struct gql_variable_usages);
    all->items = ARENA_ARRAY(ctx->arena, struct gql_variable_usage, n ? n : 1);
    for (size_t i = 0; i < own->count; i++)
        all->items[all->count++] = own->items[i];
    for (size_t i = 0; i < fragments->count; i++) {
        const struct gql_fragment *f = fragments->items[i];
        const struct gql_variable_usages *u = gql_get_variable_usages(ctx, &f->node);
        for (size_t j = 0; j < u->count; j++)
            all->items[all->count++] = u->items[j];
    }
    gql_map_put_ptr(&ctx->recursive_usages, op, NULL)->value = all;
    return all;
}

/* ---- suggestions -------------------------------------------------------------------------- */

/* s as lowercased UTF-16 code units (JavaScript's view of a string). Only ASCII letters are
 * lowered: names are ASCII, and JavaScript's wider toLowerCase() could only matter for a
 * printed value with non-ASCII capitals compared with names (it never changes a distance of
 * one, the common case). Returns the count; *out in the arena. */
static size_t utf16_lower(struct arena *a, struct str s, uint16_t **out)
{
    uint16_t *u = ARENA_ARRAY(a, uint16_t, s.len ? s.len : 1);
    size_t n = 0;
    for (size_t i = 0; i < s.len;) {
        unsigned char c = (unsigned char)s.ptr[i];
        uint32_t cp = c;
        size_t len = 1;
        if (c >= 0xf0 && i + 3 < s.len) {
            cp = ((c & 0x07u) << 18) | (((unsigned char)s.ptr[i + 1] & 0x3fu) << 12) |
                 (((unsigned char)s.ptr[i + 2] & 0x3fu) << 6) |
                 ((unsigned char)s.ptr[i + 3] & 0x3fu);
            len = 4;
        } else if (c >= 0xe0 && i + 2 < s.len) {
            cp = ((c & 0x0fu) << 12) | (((unsigned char)s.ptr[i + 1] & 0x3fu) << 6) |
                 ((unsigned char)s.ptr[i + 2] & 0x3fu);
            len = 3;
        } else if (c >= 0xc0 && i + 1 < s.len) {
            cp = ((c & 0x1fu) << 6) | ((unsigned char)s.ptr[i + 1] & 0x3fu);
            len = 2;
        }
        i += len;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            u[n++] = (uint16_t)(0xd800 + (cp >> 10));
            u[n++] = (uint16_t)(0xdc00 + (cp & 0x3ff));
        } else {
            u[n++] = (uint16_t)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        }
    }
    *out = u;
    return n;
}

/* LexicalDistance.measure(): the Damerau-Levenshtein distance between the lowercased input
 * and option, or -1 when it is above threshold. rows: three rows of at least blen + 1. */
static int lexical_distance(struct arena *a, struct str input, const uint16_t *in, size_t inlen,
                            const char *option, int threshold, int *rows[3])
{
    struct str opt = str_from(option);
    if (str_eq(input, opt)) return 0;
    uint16_t *lower;
    size_t optlen = utf16_lower(a, opt, &lower);
    if (optlen == inlen && memcmp(lower, in, inlen * sizeof(*in)) == 0) return 1;
    const uint16_t *x = lower; /* the longer */
    const uint16_t *y = in;
    size_t xlen = optlen;
    size_t ylen = inlen;
    if (xlen < ylen) {
        x = in;
        y = lower;
        xlen = inlen;
        ylen = optlen;
    }
    if ((int64_t)(xlen - ylen) > threshold) return -1;
    for (size_t j = 0; j <= ylen; j++)
        rows[0][j] = (int)j;
    for (size_t i = 1; i <= xlen; i++) {
        int *up = rows[(i - 1) % 3];
        int *cur = rows[i % 3];
        int smallest = cur[0] = (int)i;
        for (size_t j = 1; j <= ylen; j++) {
            int cost = x[i - 1] == y[j - 1] ? 0 : 1;
            int cell = up[j] + 1;
            if (cur[j - 1] + 1 < cell) cell = cur[j - 1] + 1;
            if (up[j - 1] + cost < cell) cell = up[j - 1] + cost;
            if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
                int dd = rows[(i - 2) % 3][j - 2] + 1;
                if (dd < cell) cell = dd;
            }
            if (cell < smallest) smallest = cell;
            cur[j] = cell;
        }
        if (smallest > threshold) return -1;
    }
    int d = rows[xlen % 3][ylen];
    return d <= threshold ? d : -1;
}

int gql_natural_compare(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t i = 0;
    size_t j = 0;
    while (i < alen && j < blen) {
        unsigned char ac = (unsigned char)a[i];
        unsigned char bc = (unsigned char)b[j];
        if (ac >= '0' && ac <= '9' && bc >= '0' && bc <= '9') {
            /* graphql-js reads a run of digits but stops after a leading zero. */
            uint64_t an = 0;
            do {
                an = an * 10 + (uint64_t)(a[i++] - '0');
            } while (i < alen && a[i] >= '0' && a[i] <= '9' && an > 0 && an < UINT64_MAX / 20);
            uint64_t bn = 0;
            do {
                bn = bn * 10 + (uint64_t)(b[j++] - '0');
            } while (j < blen && b[j] >= '0' && b[j] <= '9' && bn > 0 && bn < UINT64_MAX / 20);
            if (an < bn) return -1;
            if (an > bn) return 1;
        } else {
            if (ac < bc) return -1;
            if (ac > bc) return 1;
            i++;
            j++;
        }
    }
    if (alen == blen) return 0;
    return alen < blen ? -1 : 1;
}

size_t gql_suggestion_list(struct arena *a, struct str input, const char *const *opts, size_t nopts,
                           const char ***out)
{
    uint16_t *in;
    size_t inlen = utf16_lower(a, input, &in);
    /* The threshold counts UTF-16 units of the input, as input.length does. */
    int threshold = (int)(inlen * 4 / 10) + 1;
    int *rows[3];
    for (int r = 0; r < 3; r++)
        rows[r] = ARENA_ARRAY(a, int, inlen + 1);
    const char **names = ARENA_ARRAY(a, const char *, nopts ? nopts : 1);
    int *dist = ARENA_ARRAY(a, int, nopts ? nopts : 1);
    size_t n = 0;
    struct gql_map seen;
    gql_map_init(&seen, a);
    for (size_t i = 0; i < nopts; i++) {
        bool added;
        gql_map_put(&seen, str_from(opts[i]), &added);
        if (!added) continue;
        int d = lexical_distance(a, input, in, inlen, opts[i], threshold, rows);
        if (d < 0) continue;
        /* Insertion sort: stable, and the lists are short. */
        size_t k = n++;
        while (k > 0) {
            int c = dist[k - 1] - d;
            if (c == 0)
                c = gql_natural_compare(names[k - 1], strlen(names[k - 1]), opts[i],
                                        strlen(opts[i]));
            if (c <= 0) break;
            names[k] = names[k - 1];
            dist[k] = dist[k - 1];
            k--;
        }
        names[k] = opts[i];
        dist[k] = d;
    }
    *out = names;
    return n;
}

const char *gql_did_you_mean_names(struct arena *a, const char *sub, const char *const *names,
                                   size_t n)
{
    if (n == 0) return "";
    struct buf b = BUF_INIT(a);
    buf_appends(&b, " Did you mean ");
    if (sub) buf_appendf(&b, "%s ", sub);
    if (n == 1) {
        buf_appendf(&b, "\"%s\"?", names[0]);
    } else if (n == 2) {
        buf_appendf(&b, "\"%s\" or \"%s\"?", names[0], names[1]);
    } else {
        size_t shown = n < 5 ? n : 5;
        for (size_t i = 0; i + 1 < shown; i++)
            buf_appendf(&b, "\"%s\", ", names[i]);
        buf_appendf(&b, "or \"%s\"?", names[shown - 1]);
    }
    return b.ptr;
}

enum gql_visit_action gql_rule_skip(void *data, const struct gql_node *node,
                                    const struct gql_visit *walk)
{
    (void)data;
    (void)node;
    (void)walk;
    return GQL_SKIP;
}

/* ---- validate ----------------------------------------------------------------------------- */

/* A state's size rounded up so that the next one is aligned for any type. */
static size_t state_offset(size_t size)
{
    size_t align = _Alignof(max_align_t);
    return (size + align - 1) / align * align;
}

int gql_validate_rules(struct arena *a, const struct gql_schema *s, const struct gql_document *doc,
                       const struct gql_limits *lim, struct gql_errors *errs,
                       const struct gql_rule *const *rules, size_t nrules)
{
    assert(a && s && doc && errs);
    struct gql_type_info ti;
    gql_type_info_init(&ti, a, s);
    struct gql_validation_context ctx = {
        .arena = a,
        .schema = s,
        .doc = doc,
        .type_info = &ti,
        .errors = errs,
        .max_errors = lim && lim->max_errors ? lim->max_errors : GQL_DEFAULT_MAX_ERRORS,
    };
    gql_map_init(&ctx.fragments, a);
    gql_map_init(&ctx.spreads, a);
    gql_map_init(&ctx.referenced, a);
    gql_map_init(&ctx.usages, a);
    gql_map_init(&ctx.recursive_usages, a);
    size_t before = errs->count;
    if (nrules == 0) return WM_OK;
    /* The usage recorder first, then the rules. */
    struct usage_recorder recorder = { .ctx = &ctx };
    struct gql_visit_slot *slots = arena_alloc(a, (nrules + 1) * sizeof(*slots));
    slots[0] = (struct gql_visit_slot){ &recorder_visitor, &recorder };
    /* The rules' states, zeroed, in one allocation. */
    size_t total = 0;
    for (size_t i = 0; i < nrules; i++)
        total += state_offset(rules[i]->state_size);
    char *states = arena_zalloc(a, total);
    for (size_t i = 0; i < nrules; i++) {
        assert(rules[i]->state_size >= sizeof(struct gql_rule_base));
        struct gql_rule_base *state = (struct gql_rule_base *)(void *)states;
        states += state_offset(rules[i]->state_size);
        state->ctx = &ctx;
        if (rules[i]->init) rules[i]->init(state);
        slots[i + 1] = (struct gql_visit_slot){ &rules[i]->visitor, state };
    }
    struct gql_visit_hooks hooks = { gql_type_info_enter, gql_type_info_leave, &ti };
    gql_visit_parallel(a, &doc->node, slots, nrules + 1, &hooks, &ctx.stop);
    return ctx.nerrors || ctx.stop || errs->count != before ? WM_EINVAL : WM_OK;
}

int gql_validate(struct arena *a, const struct gql_schema *s, const struct gql_document *doc,
                 const struct gql_limits *lim, struct gql_errors *errs)
{
    return gql_validate_rules(a, s, doc, lim, errs, gql_specified_rules, gql_specified_rules_count);
}
