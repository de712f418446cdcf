/*
 * arena.h: a region allocator. Everything allocated from an arena lives until arena_reset()
 * or arena_free(); there is no per-object free. One arena per request, reset at the bottom of
 * the FastCGI accept loop. Foreign objects are released by cleanups registered with
 * arena_defer(), run in LIFO order on reset. Out-of-memory aborts: no call site checks NULL.
 * With -DARENA_DEBUG every allocation is its own malloc (poisoned and freed at reset) so
 * ASan sees each overflow and use-after-reset. See nginx ngx_palloc.h, h2o memory.h.
 */
#ifndef WM_CORE_ARENA_H
#define WM_CORE_ARENA_H

#include <stddef.h>

struct arena;

/* Create an arena whose blocks are block_size bytes (0 = 16 KiB). Never NULL. */
struct arena *arena_new(size_t block_size);

/* Run the cleanups, then release every block and the arena itself. NULL is a no-op. */
void arena_free(struct arena *a);

/* Run the cleanups (LIFO), release every block but the first, and make it empty again. */
void arena_reset(struct arena *a);

/* n bytes aligned for any type (max_align_t); n == 0 gives a valid unique pointer. Never NULL. */
void *arena_alloc(struct arena *a, size_t n);

/* arena_alloc() then zero-filled. */
void *arena_zalloc(struct arena *a, size_t n);

/* Zeroed array of n elements of size bytes; aborts if n * size overflows. */
void *arena_zalloc_array(struct arena *a, size_t n, size_t size);

/* A NUL-terminated copy of the n bytes at s (s need not be terminated). */
char *arena_strndup(struct arena *a, const char *s, size_t n);

/* A NUL-terminated copy of s. */
char *arena_strdup(struct arena *a, const char *s);

/* A copy of n bytes. */
void *arena_memdup(struct arena *a, const void *p, size_t n);

/* printf into the arena. */
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Register fn(arg) to run on the next reset or free, after any cleanup registered later. */
void arena_defer(struct arena *a, void (*fn)(void *), void *arg);

/* Most bytes ever handed out between two resets (for logs and tuning). */
size_t arena_high_water(const struct arena *a);

/* Bytes handed out since the last reset. */
size_t arena_used(const struct arena *a);

#define ARENA_NEW(a, T)      ((T *)arena_zalloc((a), sizeof(T)))
#define ARENA_ARRAY(a, T, n) ((T *)arena_zalloc_array((a), (n), sizeof(T)))

/* Abort with a message; used when allocation fails. Never returns. */
void wm_oom(size_t n) __attribute__((noreturn));

#endif
