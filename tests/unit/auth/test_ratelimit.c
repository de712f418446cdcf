/*
 * test_ratelimit.c: unit tests for src/auth/ratelimit.c against the test stack's memcached
 * (tests/run-tests): the limit holds inside a window, the previous window weighs on the next
 * one as it slides out, subjects and rules are independent, retry-after is exact enough to
 * wait for, and a disabled cache limits nothing. Times are passed in, so nothing sleeps.
 */
#include "auth/ratelimit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cache/cache.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "test.h"

static struct config cfg;
static struct arena *arena;
static struct cache *cache;
static struct wm_ctx ctx;
static char subject[64];

/* A base time at the start of a 60 s window, far from the other suites' keys. */
#define T0 1800000000LL /* divisible by 60 */

static int suite_init(void)
{
    if (test_stack_config(&cfg, "auth/ratelimit") != 0) return 1;
    char prefix[48];
    (void)snprintf(prefix, sizeof prefix, "rl%ld.%ld:", (long)getpid(), (long)time(NULL));
    char err[256];
    if (cfg_set(&cfg, "cache.prefix", prefix, err, sizeof(err)) != 0 ||
        cache_open(&cache, &cfg) != WM_OK) {
        fprintf(stderr, "auth/ratelimit: no cache: %s\n", err);
        return 1;
    }
    arena = arena_new(0);
    ctx.arena = arena;
    ctx.cache = cache;
    ctx.config = &cfg;
    return 0;
}

static int suite_clean(void)
{
    cache_close(cache);
    arena_free(arena);
    cfg_release(&cfg);
    return 0;
}

/* A subject no other test uses. */
static const char *fresh(const char *tag)
{
    static unsigned n;
    (void)snprintf(subject, sizeof subject, "%s-%u@example.com", tag, ++n);
    return subject;
}

static void test_the_limit_holds_in_a_window(void)
{
    const struct ratelimit_rule r = { "t.win", 5, 60 };
    const char *s = fresh("win");
    unsigned retry = 0;
    for (int i = 0; i < 5; i++)
        CU_ASSERT_TRUE(ratelimit_hit(&ctx, &r, s, T0 + i, &retry));
    CU_ASSERT_FALSE(ratelimit_hit(&ctx, &r, s, T0 + 10, &retry));
    /* The window is full: it must become the previous one and slide 1/5 out. */
    CU_ASSERT_EQUAL(retry, 50 + 12);
    CU_ASSERT_FALSE(ratelimit_allows(&ctx, &r, s, T0 + 59, NULL));
    CU_ASSERT_FALSE(ratelimit_allows(&ctx, &r, s, T0 + 10 + retry - 2, NULL));
    CU_ASSERT_TRUE(ratelimit_allows(&ctx, &r, s, T0 + 10 + retry, NULL));
    arena_reset(arena);
}

static void test_the_previous_window_slides_out(void)
{
    const struct ratelimit_rule r = { "t.slide", 10, 60 };
    const char *s = fresh("slide");
    for (int i = 0; i < 10; i++)
        ratelimit_count(&ctx, &r, s, T0 + 30);
    /* Just after the window turns, the previous 10 still count almost fully. */
    unsigned retry = 0;
    CU_ASSERT_FALSE(ratelimit_allows(&ctx, &r, s, T0 + 60, &retry));
    CU_ASSERT_TRUE(retry >= 6 && retry <= 7);
    /* Half-way through the next window, half of them (5) count: 5 more are allowed. */
    for (int i = 0; i < 5; i++)
        CU_ASSERT_TRUE(ratelimit_hit(&ctx, &r, s, T0 + 90, NULL));
    CU_ASSERT_FALSE(ratelimit_hit(&ctx, &r, s, T0 + 90, NULL));
    /* Two windows later nothing of the first burst is left. */
    CU_ASSERT_TRUE(ratelimit_allows(&ctx, &r, s, T0 + 180, NULL));
    arena_reset(arena);
}

static void test_subjects_and_rules_are_independent(void)
{
    const struct ratelimit_rule a = { "t.a", 1, 60 };
    const struct ratelimit_rule b = { "t.b", 1, 60 };
    char s1[64];
    (void)snprintf(s1, sizeof s1, "%s", fresh("ind"));
    const char *s2 = fresh("ind");
    CU_ASSERT_TRUE(ratelimit_hit(&ctx, &a, s1, T0, NULL));
    CU_ASSERT_FALSE(ratelimit_hit(&ctx, &a, s1, T0, NULL));
    CU_ASSERT_TRUE(ratelimit_hit(&ctx, &a, s2, T0, NULL));
    CU_ASSERT_TRUE(ratelimit_hit(&ctx, &b, s1, T0, NULL));
    arena_reset(arena);
}

static void test_a_refused_hit_counts_nothing(void)
{
    const struct ratelimit_rule r = { "t.refused", 2, 60 };
    const char *s = fresh("refused");
    CU_ASSERT_TRUE(ratelimit_hit(&ctx, &r, s, T0, NULL));
    CU_ASSERT_TRUE(ratelimit_hit(&ctx, &r, s, T0, NULL));
    for (int i = 0; i < 20; i++)
        CU_ASSERT_FALSE(ratelimit_hit(&ctx, &r, s, T0 + 1, NULL));
    /* Only the 2 allowed hits weigh on the next window: at half-way one of them is left. */
    CU_ASSERT_TRUE(ratelimit_hit(&ctx, &r, s, T0 + 90, NULL));
    arena_reset(arena);
}

static void test_the_error_says_when_to_retry(void)
{
    CU_ASSERT_EQUAL(ratelimit_error(&ctx, "Sign-in", 42), WM_ELIMIT);
    CU_ASSERT_STRING_EQUAL(ctx.err.message, "Sign-in: too many attempts; try again in 42 seconds");
    CU_ASSERT_EQUAL(ratelimit_error(&ctx, "Sign-in", 601), WM_ELIMIT);
    CU_ASSERT_STRING_EQUAL(ctx.err.message, "Sign-in: too many attempts; try again in 11 minutes");
    wm_clear_error(&ctx);
    arena_reset(arena);
}

static void test_a_disabled_cache_limits_nothing(void)
{
    struct config off = cfg;
    char empty[1] = "";
    off.cache_servers = empty;
    struct cache *none = NULL;
    CU_ASSERT_EQUAL_FATAL(cache_open(&none, &off), WM_OK);
    struct wm_ctx c = { .arena = arena, .cache = none, .config = &off };
    const struct ratelimit_rule r = { "t.off", 1, 60 };
    for (int i = 0; i < 5; i++)
        CU_ASSERT_TRUE(ratelimit_hit(&c, &r, "anyone", T0, NULL));
    cache_close(none);
    arena_reset(arena);
}

static CU_TestInfo tests[] = {
    { "the limit holds in a window", test_the_limit_holds_in_a_window },
    { "the previous window slides out", test_the_previous_window_slides_out },
    { "subjects and rules are independent", test_subjects_and_rules_are_independent },
    { "a refused hit counts nothing", test_a_refused_hit_counts_nothing },
    { "the error says when to retry", test_the_error_says_when_to_retry },
    { "a disabled cache limits nothing", test_a_disabled_cache_limits_nothing },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(auth_ratelimit, "auth/ratelimit", suite_init, suite_clean, tests);
