/*
 * t0900-faults.c: dependencies failing under a running stack. MariaDB stopped: /healthz
 * answers 503 quickly (JSON, Retry-After) and pages that need no database still work; started
 * again: service resumes by itself. memcached stopped: still 200, cache reported down, no
 * slowdown; started again: reported up. Runs last: it restarts services.
 */
#include <string.h>

#include "lib/it.h"

static void a_stopped_database_gives_a_fast_503_then_recovers(void)
{
    CU_ASSERT_EQUAL_FATAL(it_stack("db-stop"), 0);
    struct it_response r;
    it_get("/healthz", &r);
    CU_ASSERT_EQUAL(r.status, 503);
    CU_ASSERT_TRUE(it_body_has(&r, "\"database\":{\"status\":\"down\""));
    CU_ASSERT_STRING_EQUAL(it_header(&r, "Retry-After"), "5");
    CU_ASSERT_TRUE(r.seconds < 3.0); /* within db.connect_timeout (2 s), never a hang */
    it_response_release(&r);

    /* Repeated requests while it is down stay fast (no reconnect storm per request). */
    double t0 = it_now();
    for (int i = 0; i < 20; i++) {
        it_get("/healthz", &r);
        CU_ASSERT_EQUAL(r.status, 503);
        it_response_release(&r);
    }
    CU_ASSERT_TRUE(it_now() - t0 < 5.0);

    /* Routes that need no database keep working. */
    it_get("/debug/request", &r);
    CU_ASSERT_EQUAL(r.status, 200);
    it_response_release(&r);

    CU_ASSERT_EQUAL_FATAL(it_stack("db-start"), 0);
    CU_ASSERT_EQUAL(it_wait_status("/healthz", 200, 15.0), 200);
    it_get("/healthz", &r);
    CU_ASSERT_TRUE(it_body_has(&r, "\"database\":{\"status\":\"up\""));
    it_response_release(&r);
}

static void a_stopped_cache_is_reported_but_harmless(void)
{
    CU_ASSERT_EQUAL_FATAL(it_stack("cache-stop"), 0);
    struct it_response r;
    for (int i = 0; i < 10; i++) {
        it_get("/healthz", &r);
        CU_ASSERT_EQUAL(r.status, 200);
        CU_ASSERT_TRUE(it_body_has(&r, "\"cache\":{\"status\":\"down\""));
        CU_ASSERT_TRUE(r.seconds < 1.0);
        it_response_release(&r);
    }
    CU_ASSERT_EQUAL_FATAL(it_stack("cache-start"), 0);
    double end = it_now() + 15.0;
    bool up = false;
    while (!up && it_now() < end) {
        it_get("/healthz", &r);
        up = it_body_has(&r, "\"cache\":{\"status\":\"up\"");
        it_response_release(&r);
    }
    CU_ASSERT_TRUE(up);
}

static CU_TestInfo tests[] = {
    { "a stopped database gives a fast 503, then recovers",
      a_stopped_database_gives_a_fast_503_then_recovers },
    { "a stopped cache is reported but harmless", a_stopped_cache_is_reported_but_harmless },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t0900_faults, "t0900/faults", NULL, NULL, tests);
