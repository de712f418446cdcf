/*
 * t0950-two-stacks.c: a second stack with its own PORT and MARKET_VAR runs beside the test
 * stack (its own MariaDB, memcached, lighttpd, worker and search server), both answer, and
 * stopping the second (even with another MARKET_BIN) leaves nothing of it behind while the
 * first keeps serving.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/it.h"

static void a_second_stack_runs_side_by_side_and_stops_cleanly(void)
{
    int port = it_free_port();
    char var[512], url[128];
    snprintf(var, sizeof(var), "%s/second", getenv("MARKET_VAR"));
    snprintf(url, sizeof(url), "http://127.0.0.1:%d/healthz", port);
    const char *env = "env -u MARKET_CONFIG MARKET_WORKERS=1";
    int rc = it_sh("%s PORT=%d MARKET_VAR='%s' '%s' start >'%s.log' 2>&1", env, port, var,
                   getenv("MARKET_STACK"), var);
    CU_ASSERT_EQUAL(rc, 0);

    struct it_response r;
    it_get(url, &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(it_body_has(&r, "\"database\":{\"status\":\"up\""));
    it_response_release(&r);
    it_get("/healthz", &r);
    CU_ASSERT_EQUAL(r.status, 200);
    it_response_release(&r);

    /* Stopped with another MARKET_BIN than it was started with (make stop after
     * make start BUILD=release): the worker and the search server go too. */
    rc = it_sh(
            "%s MARKET_BIN=/nonexistent/market PORT=%d MARKET_VAR='%s' '%s' stop >>'%s.log' 2>&1",
            env, port, var, getenv("MARKET_STACK"), var);
    CU_ASSERT_EQUAL(rc, 0);
    it_get(url, &r);
    CU_ASSERT_EQUAL(r.status, 0); /* nothing listens there any more */
    it_response_release(&r);
    /* "[/]tmp/..." matches the processes' "/tmp/..." but not this shell's own command line. */
    CU_ASSERT_EQUAL(it_sh("! pgrep -f '[/]%s' >/dev/null", var + 1), 0);
    /* The worker and the search server carry the data dir in their environment only. */
    CU_ASSERT_EQUAL(it_sh("! grep -qzxF 'MARKET_VAR=%s' /proc/[0-9]*/environ 2>/dev/null", var), 0);
    it_get("/healthz", &r);
    CU_ASSERT_EQUAL(r.status, 200);
    it_response_release(&r);
}

static CU_TestInfo tests[] = {
    { "a second stack runs side by side and stops cleanly",
      a_second_stack_runs_side_by_side_and_stops_cleanly },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t0950_two_stacks, "t0950/two-stacks", NULL, NULL, tests);
