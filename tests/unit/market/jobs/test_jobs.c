/*
 * test_jobs.c: the jobs domain against the real test database (market_test of the running
 * stack): what enqueue refuses, the payload of a mail job, claim / complete / fail with the
 * lease token, backoff and the dead state, a lease that ends (a worker that died), and the
 * backoff formula. Every test starts from an empty jobs table.
 */
#include "market/jobs/jobs.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "db/db.h"
#include "test.h"

static struct config cfg;
static struct arena *arena;
static struct db *db;
static struct wm_ctx ctx;

/* clang-format off */
static const char SQL_CLEAN[] = "DELETE FROM jobs";
/* Make a job due now (its backoff or lease over). */
static const char SQL_DUE_NOW[] =
    "UPDATE jobs SET run_at = NOW(6) - INTERVAL 1 SECOND WHERE id = ?";
static const char SQL_DUE_IN[] =
    "SELECT TIMESTAMPDIFF(MICROSECOND, NOW(6), run_at) DIV 1000 FROM jobs WHERE id = ?";
/* clang-format on */

static void fresh(void)
{
    arena_reset(arena);
    ctx = (struct wm_ctx){ .arena = arena, .config = &cfg, .db = db, .req_id = "test" };
}

static int suite_init(void)
{
    if (test_stack_config(&cfg, "market/jobs/jobs") != 0) return 1;
    arena = arena_new(0);
    db_open(&db, &cfg);
    fresh();
    char path[4096];
    snprintf(path, sizeof(path), "%s/sql/migrations", cfg.root_dir);
    if (db_migrate(&ctx, path, NULL) != WM_OK) {
        fprintf(stderr, "market/jobs: cannot migrate market_test: %s\n", ctx.err.message);
        return 1;
    }
    return 0;
}

static int suite_clean(void)
{
    fresh();
    (void)db_exec(&ctx, SQL_CLEAN, "");
    db_close(db);
    arena_free(arena);
    cfg_release(&cfg);
    return 0;
}

/* Empty table, and the policy the tests assume. */
static void setup(void)
{
    fresh();
    CU_ASSERT_EQUAL_FATAL(db_exec(&ctx, SQL_CLEAN, ""), WM_OK);
    cfg.jobs_max_attempts = 3;
    cfg.jobs_backoff_base_ms = 60000;
    cfg.jobs_backoff_max_ms = 600000;
    cfg.jobs_lease_s = 300;
}

/* jobs_enqueue_mail in its own committed transaction; the code it returned. */
static int enqueue_mail(const char *to, const char *tmpl, const char *const *vars, int64_t *id)
{
    CU_ASSERT_EQUAL_FATAL(db_begin(&ctx), WM_OK);
    int rc = jobs_enqueue_mail(&ctx, to, tmpl, vars, id);
    if (rc == WM_OK) {
        CU_ASSERT_EQUAL(db_commit(&ctx), WM_OK);
    } else {
        (void)db_rollback(&ctx);
    }
    return rc;
}

static void test_enqueue_refuses_bad_input(void)
{
    setup();
    static const char *const ok[] = { "name", "Jose", NULL };
    static const char *const odd[] = { "name", NULL };
    static const char *const bad_key[] = { "na.me", "x", NULL };
    static const char *const twice[] = { "a", "1", "a", "2", NULL };
    static const char *const bad_utf8[] = { "name", "\xc3\x28", NULL };
    int64_t id = 5;
    CU_ASSERT_EQUAL(enqueue_mail("jose@example.com", "no_such", ok, &id), WM_EINVAL);
    CU_ASSERT_EQUAL(id, 0);
    CU_ASSERT_EQUAL(enqueue_mail("jose@example.com", "../templates/x", ok, &id), WM_EINVAL);
    static const char *const bad_to[] = { "",
                                          "jose",
                                          "@example.com",
                                          "jose@",
                                          "a@b@c.com",
                                          "Jose <jose@example.com>",
                                          "jose@example.com\r\nBcc: x@y.z",
                                          "jo se@example.com",
                                          "jose@.example.com",
                                          "jos\xc3\xa9@example.com" };
    for (size_t i = 0; i < sizeof(bad_to) / sizeof(bad_to[0]); i++) {
        CU_ASSERT_EQUAL(enqueue_mail(bad_to[i], "verify_email", ok, &id), WM_EINVAL);
        CU_ASSERT_FALSE(jobs_address_is_valid(bad_to[i]));
    }
    CU_ASSERT_EQUAL(enqueue_mail("jose@example.com", "verify_email", odd, &id), WM_EINVAL);
    CU_ASSERT_EQUAL(enqueue_mail("jose@example.com", "verify_email", bad_key, &id), WM_EINVAL);
    CU_ASSERT_EQUAL(enqueue_mail("jose@example.com", "verify_email", twice, &id), WM_EINVAL);
    CU_ASSERT_EQUAL(enqueue_mail("jose@example.com", "verify_email", bad_utf8, &id), WM_EINVAL);
    /* The outbox rule: never outside the caller's transaction. */
    CU_ASSERT_EQUAL(jobs_enqueue_mail(&ctx, "jose@example.com", "verify_email", ok, &id),
                    WM_EINTERNAL);
    CU_ASSERT_EQUAL_FATAL(db_begin(&ctx), WM_OK);
    CU_ASSERT_EQUAL(jobs_enqueue(&ctx, "Mail", "{}", 0, &id), WM_EINVAL);
    CU_ASSERT_EQUAL(jobs_enqueue(&ctx, "mail", "[1]", 0, &id), WM_EINVAL);
    CU_ASSERT_EQUAL(jobs_enqueue(&ctx, "mail", "{}", -1, &id), WM_EINVAL);
    CU_ASSERT_EQUAL(db_rollback(&ctx), WM_OK);
    struct job *job = NULL;
    CU_ASSERT_EQUAL(jobs_claim(&ctx, &job), WM_OK);
    CU_ASSERT_PTR_NULL(job); /* nothing was queued */
}

static void test_mail_payload_claim_and_complete(void)
{
    setup();
    static const char *const vars[] = { "name", "Jos\xc3\xa9 \"J\"", "link", "https://m.test/?a=1",
                                        NULL };
    int64_t id = 0;
    CU_ASSERT_EQUAL_FATAL(enqueue_mail("jose@example.com", "verify_email", vars, &id), WM_OK);
    CU_ASSERT(id > 0);
    struct job *job = NULL;
    CU_ASSERT_EQUAL_FATAL(jobs_claim(&ctx, &job), WM_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(job);
    CU_ASSERT_EQUAL(job->id, id);
    CU_ASSERT_STRING_EQUAL(job->kind, "mail");
    CU_ASSERT_STRING_EQUAL(job->payload,
                           "{\"to\":\"jose@example.com\",\"template\":\"verify_email\","
                           "\"vars\":{\"name\":\"Jos\xc3\xa9 \\\"J\\\"\","
                           "\"link\":\"https://m.test/?a=1\"}}");
    CU_ASSERT_EQUAL(job->attempts, 1);
    CU_ASSERT_EQUAL(strlen(job->lease_token), 32);
    struct job_status st;
    CU_ASSERT_EQUAL(jobs_get(&ctx, id, &st), WM_OK);
    CU_ASSERT_STRING_EQUAL(st.state, "running");
    struct job *again = NULL;
    CU_ASSERT_EQUAL(jobs_claim(&ctx, &again), WM_OK);
    CU_ASSERT_PTR_NULL(again); /* a running job is not due while its lease lasts */
    CU_ASSERT_EQUAL(jobs_complete(&ctx, job), WM_OK);
    CU_ASSERT_EQUAL(jobs_get(&ctx, id, &st), WM_OK);
    CU_ASSERT_STRING_EQUAL(st.state, "done");
    CU_ASSERT_EQUAL(st.attempts, 1);
    CU_ASSERT_EQUAL(jobs_complete(&ctx, job), WM_ECONFLICT);
}

static void test_failures_back_off_then_die(void)
{
    setup();
    int64_t id = 0;
    CU_ASSERT_EQUAL_FATAL(enqueue_mail("jose@example.com", "verify_email", NULL, &id), WM_OK);
    for (int attempt = 1; attempt <= 3; attempt++) {
        struct job *job = NULL;
        CU_ASSERT_EQUAL_FATAL(jobs_claim(&ctx, &job), WM_OK);
        CU_ASSERT_PTR_NOT_NULL_FATAL(job);
        CU_ASSERT_EQUAL(job->attempts, attempt);
        int64_t retry = 0;
        CU_ASSERT_EQUAL(jobs_fail(&ctx, job, false, "451 try later", &retry), WM_OK);
        struct job_status st;
        CU_ASSERT_EQUAL(jobs_get(&ctx, id, &st), WM_OK);
        CU_ASSERT_STRING_EQUAL(st.last_error, "451 try later");
        if (attempt < 3) {
            int64_t d = 60000LL << (attempt - 1);
            CU_ASSERT(retry >= d / 2 && retry <= d);
            CU_ASSERT_STRING_EQUAL(st.state, "queued");
            int64_t due_in = 0;
            CU_ASSERT_EQUAL(db_query_one(&ctx, SQL_DUE_IN, "l", "l", id, &due_in), WM_OK);
            CU_ASSERT(due_in > retry - 2000 && due_in <= retry);
            struct job *none = NULL;
            CU_ASSERT_EQUAL(jobs_claim(&ctx, &none), WM_OK);
            CU_ASSERT_PTR_NULL(none); /* backing off */
            CU_ASSERT_EQUAL(db_exec(&ctx, SQL_DUE_NOW, "l", id), WM_OK);
        } else {
            CU_ASSERT_EQUAL(retry, -1);
            CU_ASSERT_STRING_EQUAL(st.state, "dead"); /* jobs.max_attempts = 3 */
        }
    }
}

static void test_a_permanent_failure_dies_at_once(void)
{
    setup();
    int64_t id = 0;
    CU_ASSERT_EQUAL_FATAL(enqueue_mail("jose@example.com", "password_reset", NULL, &id), WM_OK);
    struct job *job = NULL;
    CU_ASSERT_EQUAL_FATAL(jobs_claim(&ctx, &job), WM_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(job);
    int64_t retry = 0;
    CU_ASSERT_EQUAL(jobs_fail(&ctx, job, true, "550 no such user", &retry), WM_OK);
    CU_ASSERT_EQUAL(retry, -1);
    struct job_status st;
    CU_ASSERT_EQUAL(jobs_get(&ctx, id, &st), WM_OK);
    CU_ASSERT_STRING_EQUAL(st.state, "dead");
    CU_ASSERT_EQUAL(st.attempts, 1);
    CU_ASSERT_STRING_EQUAL(st.last_error, "550 no such user");
}

static void test_an_ended_lease_hands_the_job_over(void)
{
    setup();
    int64_t id = 0;
    CU_ASSERT_EQUAL_FATAL(enqueue_mail("jose@example.com", "verify_email", NULL, &id), WM_OK);
    struct job *first = NULL;
    CU_ASSERT_EQUAL_FATAL(jobs_claim(&ctx, &first), WM_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(first);
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_DUE_NOW, "l", id), WM_OK); /* the worker died */
    struct job *second = NULL;
    CU_ASSERT_EQUAL_FATAL(jobs_claim(&ctx, &second), WM_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(second);
    CU_ASSERT_EQUAL(second->id, id);
    CU_ASSERT_EQUAL(second->attempts, 2);
    CU_ASSERT_STRING_NOT_EQUAL(second->lease_token, first->lease_token);
    /* The first worker, back from the dead, cannot record anything. */
    CU_ASSERT_EQUAL(jobs_complete(&ctx, first), WM_ECONFLICT);
    CU_ASSERT_EQUAL(jobs_fail(&ctx, first, true, "late", NULL), WM_ECONFLICT);
    CU_ASSERT_EQUAL(jobs_complete(&ctx, second), WM_OK);
    /* A lease that ends on the last allowed attempt makes the job dead. */
    cfg.jobs_max_attempts = 1;
    CU_ASSERT_EQUAL_FATAL(enqueue_mail("jose@example.com", "verify_email", NULL, &id), WM_OK);
    struct job *job = NULL;
    CU_ASSERT_EQUAL_FATAL(jobs_claim(&ctx, &job), WM_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(job);
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_DUE_NOW, "l", id), WM_OK);
    CU_ASSERT_EQUAL(jobs_claim(&ctx, &job), WM_OK);
    CU_ASSERT_PTR_NULL(job);
    struct job_status st;
    CU_ASSERT_EQUAL(jobs_get(&ctx, id, &st), WM_OK);
    CU_ASSERT_STRING_EQUAL(st.state, "dead");
    CU_ASSERT_PTR_NOT_NULL(st.last_error && strstr(st.last_error, "lease"));
}

static void test_delay_and_rollback(void)
{
    setup();
    int64_t id = 0;
    CU_ASSERT_EQUAL_FATAL(db_begin(&ctx), WM_OK);
    CU_ASSERT_EQUAL(jobs_enqueue(&ctx, "mail", "{\"x\":1}", 3600, &id), WM_OK);
    CU_ASSERT_EQUAL(db_commit(&ctx), WM_OK);
    struct job *job = NULL;
    CU_ASSERT_EQUAL(jobs_claim(&ctx, &job), WM_OK);
    CU_ASSERT_PTR_NULL(job); /* due in an hour */
    CU_ASSERT_EQUAL_FATAL(db_begin(&ctx), WM_OK);
    CU_ASSERT_EQUAL(jobs_enqueue(&ctx, "mail", "{\"x\":2}", 0, &id), WM_OK);
    CU_ASSERT_EQUAL(db_rollback(&ctx), WM_OK);
    struct job_status st;
    CU_ASSERT_EQUAL(jobs_get(&ctx, id, &st), WM_ENOTFOUND);
    CU_ASSERT_EQUAL(jobs_claim(&ctx, &job), WM_OK);
    CU_ASSERT_PTR_NULL(job);
}

static void test_backoff_formula(void)
{
    setup();
    cfg.jobs_backoff_base_ms = 1000;
    cfg.jobs_backoff_max_ms = 8000;
    CU_ASSERT_EQUAL(jobs_backoff_ms(&cfg, 1, 0), 500);
    CU_ASSERT_EQUAL(jobs_backoff_ms(&cfg, 1, 500), 1000);
    CU_ASSERT_EQUAL(jobs_backoff_ms(&cfg, 1, 501), 500);
    CU_ASSERT_EQUAL(jobs_backoff_ms(&cfg, 3, 0), 2000);
    CU_ASSERT_EQUAL(jobs_backoff_ms(&cfg, 3, 2000), 4000);
    CU_ASSERT_EQUAL(jobs_backoff_ms(&cfg, 30, 0), 4000);
    CU_ASSERT_EQUAL(jobs_backoff_ms(&cfg, 30, 4000), 8000);
    CU_ASSERT_EQUAL(jobs_backoff_ms(&cfg, 100, 0xffffffffu), 4000 + (int64_t)(0xffffffffu % 4001));
}

static CU_TestInfo tests[] = {
    { "enqueue refuses bad input and works only in a transaction", test_enqueue_refuses_bad_input },
    { "a mail job's payload, claim and complete", test_mail_payload_claim_and_complete },
    { "failures back off, then the job is dead", test_failures_back_off_then_die },
    { "a permanent failure is dead at once", test_a_permanent_failure_dies_at_once },
    { "an ended lease hands the job to another claim", test_an_ended_lease_hands_the_job_over },
    { "a delay and a rolled-back transaction", test_delay_and_rollback },
    { "the backoff formula", test_backoff_formula },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(market_jobs_jobs, "market/jobs/jobs", suite_init, suite_clean, tests);
