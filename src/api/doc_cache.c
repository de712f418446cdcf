/*
 * doc_cache.c: parsed and validated documents kept per worker process, keyed by a 64-bit
 * FNV-1a hash of the exact query text (and checked against the text itself, so a collision
 * can only cost a miss). A hit skips parse and validate. Entries live in the cache's own
 * arena; when the table is full the whole cache is emptied at once (documents a client sends
 * are few and repeat; a flood of distinct ones only costs re-parsing).
 */
#include "api/api_int.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/hash.h"

struct doc_entry {
    uint64_t hash;
    const char *text; /* the cached copy the AST points into */
    size_t len;
    const struct gql_document *doc;
};

struct doc_cache {
    struct arena *arena;
    struct doc_entry *slots; /* open addressing, nslots a power of two */
    size_t nslots;
    size_t count;
    size_t max_entries;
};

struct doc_cache *doc_cache_new(size_t max_entries)
{
    struct doc_cache *c = calloc(1, sizeof(*c));
    if (!c) wm_oom(sizeof(*c));
    c->max_entries = max_entries;
    if (max_entries == 0) return c;
    c->nslots = 16;
    while (c->nslots < max_entries * 2)
        c->nslots *= 2;
    c->slots = calloc(c->nslots, sizeof(*c->slots));
    if (!c->slots) wm_oom(c->nslots * sizeof(*c->slots));
    c->arena = arena_new((size_t)64 * 1024);
    return c;
}

void doc_cache_free(struct doc_cache *c)
{
    if (!c) return;
    arena_free(c->arena);
    free(c->slots);
    free(c);
}

static struct doc_entry *find(struct doc_cache *c, uint64_t h, const char *text, size_t len)
{
    for (size_t i = h & (c->nslots - 1);; i = (i + 1) & (c->nslots - 1)) {
        struct doc_entry *e = &c->slots[i];
        if (!e->doc) return e;
        if (e->hash == h && e->len == len && memcmp(e->text, text, len) == 0) return e;
    }
}

const struct gql_document *doc_cache_get(struct doc_cache *c, const char *text, size_t len)
{
    if (c->max_entries == 0) return NULL;
    struct doc_entry *e = find(c, hash_fnv1a(text, len), text, len);
    return e->doc;
}

const struct gql_document *doc_cache_put(struct doc_cache *c, const char *text, size_t len,
                                         const struct gql_limits *lim)
{
    if (c->max_entries == 0) return NULL;
    if (c->count >= c->max_entries) {
        memset(c->slots, 0, c->nslots * sizeof(*c->slots));
        arena_reset(c->arena);
        c->count = 0;
    }
    uint64_t h = hash_fnv1a(text, len);
    struct doc_entry *e = find(c, h, text, len);
    if (e->doc) return e->doc;
    char *copy = arena_strndup(c->arena, text, len);
    struct gql_document *doc = NULL;
    struct gql_errors errs = { 0 };
    if (gql_parse(c->arena, copy, len, lim, &doc, &errs) != 0 || !doc) return NULL;
    e->hash = h;
    e->text = copy;
    e->len = len;
    e->doc = doc;
    c->count++;
    return doc;
}
