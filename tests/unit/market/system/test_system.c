/*
 * test_system.c: the system domain's health check against the real test database and
 * memcached (MARKET_CONFIG of the running test stack), and against unreachable ones.
 */
#include "market/system/system.h"

#include <stdio.h>
#include <stdlib.h>

#include "cache/cache.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "db/db.h"
#include "test.h"

extern char **environ;

static void check(const char *const *env_extra, bool want_db, bool want_cache)
{
    const char *path = getenv("MARKET_CONFIG");
    CU_ASSERT_PTR_NOT_NULL_FATAL(path);
    char copies[2][256];
    char *env[3] = { NULL };
    for (size_t n = 0; env_extra && env_extra[n] && n < 2; n++) {
        snprintf(copies[n], sizeof(copies[n]), "%s", env_extra[n]);
        env[n] = copies[n];
    }
    struct config cfg;
    char err[256];
    CU_ASSERT_EQUAL_FATAL(cfg_load(&cfg, path, true, env, err, sizeof(err)), 0);
    struct arena *a = arena_new(0);
    struct wm_ctx ctx = { .arena = a, .config = &cfg };
    CU_ASSERT_EQUAL_FATAL(db_open(&ctx.db, &cfg), WM_OK);
    CU_ASSERT_EQUAL_FATAL(cache_open(&ctx.cache, &cfg), WM_OK);
    struct system_health h;
    int rc = system_health(&ctx, &h);
    CU_ASSERT_EQUAL(rc, want_db ? WM_OK : WM_EUNAVAIL);
    CU_ASSERT_EQUAL(h.db_up, want_db);
    CU_ASSERT_EQUAL(h.cache_up, want_cache);
    CU_ASSERT_TRUE(h.cache_enabled);
    CU_ASSERT_TRUE(h.db_ms >= 0 && h.cache_ms >= 0);
    cache_close(ctx.cache);
    db_close(ctx.db);
    arena_free(a);
    cfg_release(&cfg);
}

static void a_running_stack_is_healthy(void)
{
    check(NULL, true, true);
}

static void an_unreachable_database_is_reported_down(void)
{
    static const char *const env[] = { "MARKET_DB_SOCKET=/nonexistent/db.sock", NULL };
    check(env, false, true);
}

static void an_unreachable_cache_is_reported_down_but_not_fatal(void)
{
    static const char *const env[] = { "MARKET_CACHE_SERVERS=--SOCKET=\"/nonexistent/mc.sock\"",
                                       NULL };
    check(env, true, false);
}

static CU_TestInfo tests[] = {
    { "a running stack is healthy", a_running_stack_is_healthy },
    { "an unreachable database is reported down", an_unreachable_database_is_reported_down },
    { "an unreachable cache is reported down but not fatal",
      an_unreachable_cache_is_reported_down_but_not_fatal },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(market_system_system, "market/system/system", NULL, NULL, tests);
