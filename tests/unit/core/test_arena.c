/*
 * test_arena.c: unit tests for src/core/arena.c: alignment, zero-size and oversized
 * allocations, the copy helpers, cleanups (LIFO, once, nested), reuse after reset, usage
 * accounting, and that impossible requests abort (checked in a forked child). The asan build
 * (ARENA_DEBUG) makes every allocation separate, so overflows in here would be reported too.
 */
#include "core/arena.h"

#include <stdalign.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"

static bool is_aligned(const void *p)
{
    return (uintptr_t)p % alignof(max_align_t) == 0;
}

static void test_allocations_are_aligned_for_any_type(void)
{
    struct arena *a = arena_new(0);
    for (size_t n = 0; n < 300; n++) {
        unsigned char *p = arena_alloc(a, n);
        CU_ASSERT(is_aligned(p));
        memset(p, 0x5a, n);
    }
    long double *ld = ARENA_NEW(a, long double);
    CU_ASSERT(is_aligned(ld));
    *ld = 1.5L;
    CU_ASSERT(*ld == 1.5L);
    arena_free(a);
}

static void test_zero_size_allocations_are_distinct(void)
{
    struct arena *a = arena_new(0);
    void *p = arena_alloc(a, 0);
    void *q = arena_alloc(a, 0);
    CU_ASSERT_PTR_NOT_NULL(p);
    CU_ASSERT_PTR_NOT_NULL(q);
    CU_ASSERT_PTR_NOT_EQUAL(p, q);
    arena_free(a);
}

static void test_an_allocation_larger_than_a_block_works(void)
{
    struct arena *a = arena_new(1024);
    char *small = arena_alloc(a, 16);
    memset(small, 's', 16);
    char *big = arena_alloc(a, 1 << 20);
    CU_ASSERT(is_aligned(big));
    memset(big, 'b', 1 << 20);
    char *after = arena_alloc(a, 16);
    memset(after, 'a', 16);
    char *quarter = arena_alloc(a, 300);
    memset(quarter, 'q', 300);
    CU_ASSERT(big[0] == 'b' && big[(1 << 20) - 1] == 'b');
    CU_ASSERT(small[15] == 's' && after[0] == 'a' && quarter[299] == 'q');
    arena_reset(a);
    big = arena_alloc(a, 3000); /* again after reset */
    memset(big, 'c', 3000);
    arena_free(a);
}

static void test_zalloc_zeroes_even_reused_memory(void)
{
    struct arena *a = arena_new(256);
    for (int round = 0; round < 3; round++) {
        unsigned char *p = arena_zalloc(a, 200);
        for (size_t i = 0; i < 200; i++)
            CU_ASSERT_EQUAL_FATAL(p[i], 0);
        memset(p, 0xff, 200);
        arena_reset(a);
    }
    arena_free(a);
}

struct pair {
    int64_t id;
    char name[12];
};

static void test_array_allocations_are_zeroed_and_typed(void)
{
    struct arena *a = arena_new(0);
    struct pair *v = ARENA_ARRAY(a, struct pair, 100);
    for (int i = 0; i < 100; i++)
        CU_ASSERT(v[i].id == 0 && v[i].name[0] == '\0');
    v[99].id = 99;
    CU_ASSERT(is_aligned(v));
    void *none = arena_zalloc_array(a, 0, sizeof(struct pair));
    CU_ASSERT_PTR_NOT_NULL(none);
    none = arena_zalloc_array(a, 5, 0);
    CU_ASSERT_PTR_NOT_NULL(none);
    arena_free(a);
}

static void test_string_copies_are_terminated(void)
{
    struct arena *a = arena_new(0);
    const char unterminated[3] = { 'a', 'b', 'c' };
    char *s = arena_strndup(a, unterminated, 3);
    CU_ASSERT_STRING_EQUAL(s, "abc");
    CU_ASSERT_STRING_EQUAL(arena_strndup(a, "hello", 2), "he");
    CU_ASSERT_STRING_EQUAL(arena_strndup(a, "x", 0), "");
    char *d = arena_strdup(a, "dup");
    CU_ASSERT_STRING_EQUAL(d, "dup");
    const char nul_inside[] = { 'a', '\0', 'b' };
    char *n = arena_strndup(a, nul_inside, 3);
    CU_ASSERT(memcmp(n, "a\0b\0", 4) == 0);
    int src[4] = { 1, 2, 3, 4 };
    int *m = arena_memdup(a, src, sizeof(src));
    CU_ASSERT(memcmp(m, src, sizeof(src)) == 0 && m != src);
    CU_ASSERT_PTR_NOT_NULL(arena_memdup(a, src, 0));
    arena_free(a);
}

static void test_printf_handles_short_and_long_output(void)
{
    struct arena *a = arena_new(0);
    CU_ASSERT_STRING_EQUAL(arena_printf(a, "%s-%d", "id", 42), "id-42");
    CU_ASSERT_STRING_EQUAL(arena_printf(a, "%s", ""), "");
    char long_arg[1000];
    memset(long_arg, 'x', sizeof(long_arg) - 1);
    long_arg[sizeof(long_arg) - 1] = '\0';
    char *p = arena_printf(a, "<%s>%d", long_arg, 7);
    CU_ASSERT_EQUAL(strlen(p), 1002);
    CU_ASSERT(p[0] == '<' && p[1000] == '>' && p[1001] == '7');
    /* Exactly at the boundary of a 256-byte first attempt. */
    for (int n = 250; n < 262; n++) {
        char *q = arena_printf(a, "%.*s", n, long_arg);
        CU_ASSERT_EQUAL(strlen(q), (size_t)n);
    }
    arena_free(a);
}

static int order[16];
static int order_n;

static void record(void *arg)
{
    order[order_n++] = (int)(intptr_t)arg;
}

static void test_cleanups_run_lifo_once_on_reset(void)
{
    struct arena *a = arena_new(0);
    order_n = 0;
    arena_defer(a, record, (void *)1);
    arena_defer(a, record, (void *)2);
    arena_defer(a, record, (void *)3);
    CU_ASSERT_EQUAL(order_n, 0);
    arena_reset(a);
    CU_ASSERT_EQUAL_FATAL(order_n, 3);
    CU_ASSERT(order[0] == 3 && order[1] == 2 && order[2] == 1);
    arena_reset(a);
    CU_ASSERT_EQUAL(order_n, 3);
    arena_defer(a, record, (void *)4);
    arena_free(a);
    CU_ASSERT_EQUAL(order_n, 4);
    CU_ASSERT_EQUAL(order[3], 4);
}

static struct arena *nested_arena;

static void register_more(void *arg)
{
    record(arg);
    arena_defer(nested_arena, record, (void *)9);
}

static void test_a_cleanup_may_register_another(void)
{
    nested_arena = arena_new(0);
    order_n = 0;
    arena_defer(nested_arena, record, (void *)1);
    arena_defer(nested_arena, register_more, (void *)2);
    arena_reset(nested_arena);
    CU_ASSERT_EQUAL_FATAL(order_n, 3);
    CU_ASSERT(order[0] == 2 && order[1] == 9 && order[2] == 1);
    arena_reset(nested_arena);
    CU_ASSERT_EQUAL(order_n, 3);
    arena_free(nested_arena);
}

static void free_heap(void *p)
{
    free(p);
}

static void test_cleanups_release_foreign_memory(void)
{
    struct arena *a = arena_new(0);
    for (int i = 0; i < 10; i++)
        arena_defer(a, free_heap, malloc(100)); /* LSan would report a leak otherwise */
    arena_free(a);
}

static void test_the_arena_keeps_working_after_reset(void)
{
    struct arena *a = arena_new(512);
    for (int round = 0; round < 50; round++) {
        char *keep[64];
        for (int i = 0; i < 64; i++) {
            keep[i] = arena_printf(a, "round %d item %d", round, i);
            (void)arena_alloc(a, (size_t)(i * 13));
        }
        char want[48];
        for (int i = 0; i < 64; i++) {
            snprintf(want, sizeof(want), "round %d item %d", round, i);
            CU_ASSERT_STRING_EQUAL_FATAL(keep[i], want);
        }
        arena_reset(a);
        CU_ASSERT_EQUAL(arena_used(a), 0);
    }
    arena_free(a);
}

static void test_used_and_high_water(void)
{
    struct arena *a = arena_new(0);
    CU_ASSERT_EQUAL(arena_used(a), 0);
    CU_ASSERT_EQUAL(arena_high_water(a), 0);
    arena_alloc(a, 100);
    size_t used = arena_used(a);
    CU_ASSERT(used >= 100);
    CU_ASSERT(arena_high_water(a) >= used);
    arena_alloc(a, 5000);
    CU_ASSERT(arena_used(a) >= used + 5000);
    size_t peak = arena_high_water(a);
    CU_ASSERT(peak >= 5100);
    arena_reset(a);
    CU_ASSERT_EQUAL(arena_used(a), 0);
    CU_ASSERT_EQUAL(arena_high_water(a), peak); /* the peak survives reset */
    arena_alloc(a, 10);
    CU_ASSERT_EQUAL(arena_high_water(a), peak);
    arena_alloc(a, 100000);
    CU_ASSERT(arena_high_water(a) >= 100010);
    arena_free(a);
}

static void test_many_small_allocations_stay_intact(void)
{
    enum { N = 50000 };
    struct arena *a = arena_new(4096);
    unsigned char **ptrs = malloc(N * sizeof(*ptrs));
    for (size_t i = 0; i < N; i++) {
        size_t n = 1 + i % 61;
        ptrs[i] = arena_alloc(a, n);
        memset(ptrs[i], (int)(i & 0xff), n);
    }
    bool intact = true;
    for (size_t i = 0; i < N; i++) {
        size_t n = 1 + i % 61;
        for (size_t k = 0; k < n; k++)
            intact = intact && ptrs[i][k] == (unsigned char)(i & 0xff);
    }
    CU_ASSERT(intact);
    free(ptrs);
    arena_free(a);
}

static void test_free_of_null_is_a_no_op(void)
{
    arena_free(NULL);
    CU_PASS("arena_free(NULL) returned");
}

/* Run fn in a child with stderr silenced; true when it died instead of returning. */
static bool dies(void (*fn)(void))
{
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0) {
        FILE *null = freopen("/dev/null", "w", stderr);
        (void)null;
        fn();
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    return WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) != 0);
}

static void huge_alloc(void)
{
    struct arena *a = arena_new(0);
    (void)arena_alloc(a, SIZE_MAX - 8);
}

static void overflowing_array(void)
{
    struct arena *a = arena_new(0);
    (void)ARENA_ARRAY(a, struct pair, SIZE_MAX / 8);
}

static void oom_report(void)
{
    wm_oom(42);
}

static void test_impossible_requests_abort(void)
{
    CU_ASSERT(dies(huge_alloc));
    CU_ASSERT(dies(overflowing_array));
    CU_ASSERT(dies(oom_report));
}

static CU_TestInfo tests[] = {
    { "allocations are aligned for any type", test_allocations_are_aligned_for_any_type },
    { "zero-size allocations are valid and distinct", test_zero_size_allocations_are_distinct },
    { "an allocation larger than a block works", test_an_allocation_larger_than_a_block_works },
    { "zalloc zeroes memory, even memory reused after reset",
      test_zalloc_zeroes_even_reused_memory },
    { "array allocations are zeroed and typed", test_array_allocations_are_zeroed_and_typed },
    { "string copies are terminated, even from unterminated input",
      test_string_copies_are_terminated },
    { "printf handles short and long output", test_printf_handles_short_and_long_output },
    { "cleanups run LIFO, once, on reset and on free", test_cleanups_run_lifo_once_on_reset },
    { "a cleanup may register another one", test_a_cleanup_may_register_another },
    { "cleanups release foreign memory", test_cleanups_release_foreign_memory },
    { "the arena keeps working after many resets", test_the_arena_keeps_working_after_reset },
    { "used counts since reset and the high water keeps the peak", test_used_and_high_water },
    { "many small allocations stay intact", test_many_small_allocations_stay_intact },
    { "arena_free(NULL) is a no-op", test_free_of_null_is_a_no_op },
    { "impossible requests abort", test_impossible_requests_abort },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(core_arena, "core/arena", NULL, NULL, tests);
