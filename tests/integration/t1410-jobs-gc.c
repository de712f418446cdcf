/*
 * t1410-jobs-gc.c: the worker's jobs_gc job deletes finished jobs once they are older than
 * jobs.keep_done_days (7) and dead ones once older than jobs.keep_dead_days (90), and leaves
 * younger ones and every queued or running job alone (rows of a kind nobody runs, so no
 * worker touches them otherwise).
 */
#include <stdio.h>
#include <string.h>

#include "lib/it.h"

#define KIND "t1410-none"

static void old_finished_jobs_are_deleted(void)
{
    CU_ASSERT_EQUAL(it_sql(NULL, 0, "DELETE FROM jobs WHERE kind = '" KIND "'"), 0);
    /* payload = what the row must still be there for ("keep") or not ("drop"). */
    CU_ASSERT_EQUAL(it_sql(NULL, 0,
                           "INSERT INTO jobs (kind, payload, state, run_at) VALUES"
                           " ('" KIND "', '\"drop\"', 'done', NOW(6) - INTERVAL 8 DAY),"
                           " ('" KIND "', '\"keep\"', 'done', NOW(6) - INTERVAL 6 DAY),"
                           " ('" KIND "', '\"keep\"', 'dead', NOW(6) - INTERVAL 30 DAY),"
                           " ('" KIND "', '\"drop\"', 'dead', NOW(6) - INTERVAL 91 DAY),"
                           " ('" KIND "', '\"keep\"', 'queued', NOW(6) + INTERVAL 1 DAY),"
                           " ('" KIND "', '\"keep\"', 'running', NOW(6) - INTERVAL 100 DAY)"),
                    0);
    CU_ASSERT_EQUAL(it_worker_once("t1410-worker"), 0);
    CU_ASSERT_EQUAL(it_sql_wait(0, 10,
                                "SELECT COUNT(*) FROM jobs WHERE kind = '" KIND
                                "' AND payload = '\"drop\"'"),
                    0);
    CU_ASSERT_EQUAL(it_sql_long("SELECT COUNT(*) FROM jobs WHERE kind = '" KIND
                                "' AND payload = '\"keep\"'"),
                    4);
    CU_ASSERT_EQUAL(it_sql(NULL, 0, "DELETE FROM jobs WHERE kind = '" KIND "'"), 0);
}

static CU_TestInfo tests[] = {
    { "old finished jobs are deleted", old_finished_jobs_are_deleted },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t1410_jobs_gc, "t1410/jobs-gc", NULL, NULL, tests);
