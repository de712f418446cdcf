/*
 * t0900-faults.c: dependencies failing under a running stack. MariaDB stopped: /healthz
 * answers 503 quickly (JSON, Retry-After) and pages that need no database still work; started
 * again: service resumes by itself. memcached stopped: still 200, cache reported down, no
 * slowdown; started again: reported up, and the worker, whose connection the restart broke,
 * still flushes the product views counted since. The suites after it run on the restarted
 * services.
 */
#include <stdio.h>
#include <string.h>

#include <json.h>

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

/*
 * The stack's worker last spoke to memcached before the restart: its next call there fails on
 * the broken connection. A views flush that meets that failure is retried; before, it was
 * taken for "nothing viewed" and the views waited for the next period (a day on this stack).
 */
static void views_counted_after_a_cache_restart_reach_the_database(void)
{
    char id[32];
    (void)it_vendor_with_product("t0900", "Restarted Crate", id, sizeof(id));
    char vars[64];
    snprintf(vars, sizeof(vars), "{\"id\":%s}", id);
    /* Read until an answer comes whole from memcached: the FastCGI worker that served it
     * talks to the restarted server, and that view counts. */
    bool cached = false;
    double end = it_now() + 15.0;
    while (!cached && it_now() < end) {
        struct json_object *r =
                it_gql("query ProductById($id: Int!) { product(id: $id) { id } }", vars, NULL);
        CU_ASSERT_STRING_EQUAL(it_text_at(r, "product.id"), id);
        cached = it_cached_answer(r) == 1;
        json_object_put(r);
    }
    CU_ASSERT_TRUE_FATAL(cached);
    CU_ASSERT_EQUAL(it_sql_long("SELECT views FROM products WHERE id = %s", id), 0);
    /* A flush for the stack's own worker (its next poll claims it). */
    CU_ASSERT_EQUAL(it_sql(NULL, 0,
                           "INSERT INTO jobs (kind, payload, run_at) "
                           "VALUES ('views_flush', '{}', NOW(6))"),
                    0);
    CU_ASSERT_EQUAL(it_sql_wait(1, 15, "SELECT views > 0 FROM products WHERE id = %s", id), 1);
}

static CU_TestInfo tests[] = {
    { "a stopped database gives a fast 503, then recovers",
      a_stopped_database_gives_a_fast_503_then_recovers },
    { "a stopped cache is reported but harmless", a_stopped_cache_is_reported_but_harmless },
    { "views counted after a cache restart reach the database",
      views_counted_after_a_cache_restart_reach_the_database },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t0900_faults, "t0900/faults", NULL, NULL, tests);
