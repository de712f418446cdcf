/*
 * arena.c: the region allocator behind every request (see arena.h). Blocks are chained;
 * an allocation that does not fit the current block takes a new one (or, when larger than
 * a quarter block, a dedicated one). Reset keeps the first block so a steady-state request
 * costs no malloc. With ARENA_DEBUG every allocation is a separate malloc, poisoned and freed
 * at reset, so AddressSanitizer sees each overflow and each use after reset.
 */
#include "core/arena.h"

#include <assert.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ALIGN         (_Alignof(max_align_t))
#define ALIGN_UP(n)   (((n) + (ALIGN - 1)) & ~(size_t)(ALIGN - 1))
#define DEFAULT_BLOCK ((size_t)16 * 1024)

struct block {
    struct block *next;
    size_t size; /* usable bytes after the header */
    size_t used;
    max_align_t data[]; /* aligned start of the usable bytes */
};

struct cleanup {
    struct cleanup *next;
    void (*fn)(void *);
    void *arg;
};

struct arena {
    struct block *head;  /* current block (allocations go here); first block is last */
    struct block *first; /* kept across resets */
    struct block *big;   /* dedicated blocks for large allocations */
    struct cleanup *cleanups;
    size_t block_size;
    size_t used; /* bytes handed out since the last reset */
    size_t high_water;
#ifdef ARENA_DEBUG
    void **debug_ptrs; /* every allocation, freed at reset */
    size_t *debug_sizes;
    size_t debug_n, debug_cap;
#endif
};

void wm_oom(size_t n)
{
    (void)fprintf(stderr, "fatal: out of memory allocating %zu bytes\n", n);
    abort();
}

static void *xmalloc(size_t n)
{
    /* No object can be larger than PTRDIFF_MAX: refuse before asking malloc. */
    if (n > PTRDIFF_MAX) wm_oom(n);
    void *p = malloc(n ? n : 1);
    if (!p) wm_oom(n);
    return p;
}

static struct block *block_new(size_t size)
{
    if (size > SIZE_MAX - sizeof(struct block)) wm_oom(size);
    struct block *b = xmalloc(sizeof(struct block) + size);
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

struct arena *arena_new(size_t block_size)
{
    struct arena *a = xmalloc(sizeof(*a));
    memset(a, 0, sizeof(*a));
    a->block_size = block_size ? ALIGN_UP(block_size) : DEFAULT_BLOCK;
    a->first = a->head = block_new(a->block_size);
    return a;
}

static void run_cleanups(struct arena *a)
{
    /* A cleanup may register another one (it would run in this same pass). */
    while (a->cleanups) {
        struct cleanup *c = a->cleanups;
        a->cleanups = c->next;
        c->fn(c->arg);
    }
}

#ifdef ARENA_DEBUG
static void debug_release(struct arena *a)
{
    for (size_t i = 0; i < a->debug_n; i++) {
        memset(a->debug_ptrs[i], 0xa5, a->debug_sizes[i]);
        free(a->debug_ptrs[i]);
    }
    a->debug_n = 0;
}
#endif

void arena_reset(struct arena *a)
{
    run_cleanups(a);
#ifdef ARENA_DEBUG
    debug_release(a);
#endif
    struct block *b = a->head;
    while (b != a->first) {
        struct block *next = b->next;
        free(b);
        b = next;
    }
    a->head = a->first;
    a->first->used = 0;
    while (a->big) {
        struct block *next = a->big->next;
        free(a->big);
        a->big = next;
    }
    a->used = 0;
}

void arena_free(struct arena *a)
{
    if (!a) return;
    arena_reset(a);
#ifdef ARENA_DEBUG
    free(a->debug_ptrs);
    free(a->debug_sizes);
#endif
    free(a->first);
    free(a);
}

static void account(struct arena *a, size_t n)
{
    a->used += n;
    if (a->used > a->high_water) a->high_water = a->used;
}

#ifdef ARENA_DEBUG
void *arena_alloc(struct arena *a, size_t n)
{
    if (a->debug_n == a->debug_cap) {
        a->debug_cap = a->debug_cap ? a->debug_cap * 2 : 64;
        a->debug_ptrs = realloc(a->debug_ptrs, a->debug_cap * sizeof(void *));
        a->debug_sizes = realloc(a->debug_sizes, a->debug_cap * sizeof(size_t));
        if (!a->debug_ptrs || !a->debug_sizes) wm_oom(a->debug_cap);
    }
    void *p = xmalloc(n);
    memset(p, 0xbe, n); /* garbage, so code relying on zeroed memory shows up */
    a->debug_ptrs[a->debug_n] = p;
    a->debug_sizes[a->debug_n++] = n;
    account(a, n);
    return p;
}
#else
void *arena_alloc(struct arena *a, size_t n)
{
    if (n > SIZE_MAX - ALIGN) wm_oom(n);
    size_t need = ALIGN_UP(n ? n : 1);
    struct block *b = a->head;
    if (b->size - b->used < need) {
        if (need > a->block_size / 4) {
            /* A dedicated block on its own list, so the current block keeps serving. */
            struct block *big = block_new(need);
            big->used = need;
            big->next = a->big;
            a->big = big;
            account(a, need);
            return big->data;
        }
        struct block *nb = block_new(a->block_size);
        nb->next = a->head;
        a->head = nb;
        b = nb;
    }
    void *p = (char *)b->data + b->used;
    b->used += need;
    account(a, need);
    return p;
}
#endif

void *arena_zalloc(struct arena *a, size_t n)
{
    void *p = arena_alloc(a, n);
    memset(p, 0, n);
    return p;
}

void *arena_zalloc_array(struct arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) wm_oom(SIZE_MAX);
    return arena_zalloc(a, n * size);
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

void *arena_memdup(struct arena *a, const void *p, size_t n)
{
    void *q = arena_alloc(a, n);
    if (n) memcpy(q, p, n);
    return q;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    assert(n >= 0);
    char *p = arena_alloc(a, (size_t)n + 1);
    if ((size_t)n < sizeof(small)) {
        memcpy(p, small, (size_t)n + 1);
    } else {
        va_start(ap, fmt);
        (void)vsnprintf(p, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    return p;
}

void arena_defer(struct arena *a, void (*fn)(void *), void *arg)
{
    /* The node itself lives in the arena: it is valid until this reset runs it. */
    struct cleanup *c = arena_alloc(a, sizeof(*c));
    c->fn = fn;
    c->arg = arg;
    c->next = a->cleanups;
    a->cleanups = c;
}

size_t arena_high_water(const struct arena *a)
{
    return a->high_water;
}

size_t arena_used(const struct arena *a)
{
    return a->used;
}
