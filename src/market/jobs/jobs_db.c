/*
 * jobs_db.c: the SQL of the jobs domain (jobs_int.h). Named prepared statements first, each
 * with the index it uses, then one function per statement. Every change of a claimed job is
 * conditional on its lease token, so a worker whose lease ended cannot overwrite the outcome
 * of the worker that took the job over.
 */
#include "market/jobs/jobs_int.h"

#include "core/ctx.h"
#include "core/err.h"
#include "db/db.h"

/* clang-format off */

/* Writes the primary key and ix_jobs_due. */
static const char SQL_JOB_INSERT[] =
    "INSERT INTO jobs (kind, payload, run_at) VALUES (?, ?, NOW(6) + INTERVAL ? SECOND)";

/* Uses ix_jobs_due(state, run_at): a range over the two live states up to now; SKIP LOCKED
 * passes over rows another worker is claiming. */
static const char SQL_JOB_LOCK_DUE[] =
    "SELECT id, kind, payload, attempts FROM jobs"
    " WHERE state IN ('queued', 'running') AND run_at <= NOW(6)"
    " ORDER BY run_at LIMIT 1 FOR UPDATE SKIP LOCKED";

/* Uses the primary key. */
static const char SQL_JOB_START[] =
    "UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_token = ?,"
    " run_at = NOW(6) + INTERVAL ? SECOND WHERE id = ?";

/* Uses the primary key. */
static const char SQL_JOB_EXPIRE[] =
    "UPDATE jobs SET state = 'dead', lease_token = NULL, last_error = LEFT(?, 1000),"
    " run_at = NOW(6) WHERE id = ?";

/* Uses the primary key. */
static const char SQL_JOB_DONE[] =
    "UPDATE jobs SET state = 'done', lease_token = NULL, last_error = NULL, run_at = NOW(6)"
    " WHERE id = ? AND state = 'running' AND lease_token = ?";

/* Uses the primary key. */
static const char SQL_JOB_RETRY[] =
    "UPDATE jobs SET state = 'queued', lease_token = NULL, last_error = LEFT(?, 1000),"
    " run_at = NOW(6) + INTERVAL ? MICROSECOND"
    " WHERE id = ? AND state = 'running' AND lease_token = ?";

/* Uses the primary key. */
static const char SQL_JOB_DEAD[] =
    "UPDATE jobs SET state = 'dead', lease_token = NULL, last_error = LEFT(?, 1000),"
    " run_at = NOW(6) WHERE id = ? AND state = 'running' AND lease_token = ?";

/* Uses the primary key. */
static const char SQL_JOB_GET[] =
    "SELECT id, kind, state, attempts, last_error, payload FROM jobs WHERE id = ?";

/* Uses ix_jobs_due(state, run_at): the two live states, then a filter on kind (few rows are
 * live at any time). */
static const char SQL_JOB_COUNT_LIVE[] =
    "SELECT COUNT(*) FROM jobs WHERE state IN ('queued', 'running') AND kind = ?";
/* ix_jobs_due: run_at of a finished job is when it finished. */
static const char SQL_JOB_PRUNE[] =
    "DELETE FROM jobs WHERE state = ? AND run_at < NOW(6) - INTERVAL ? SECOND LIMIT ?";

/* clang-format on */

int jobs_db_insert(struct wm_ctx *ctx, const char *kind, const char *payload, int64_t delay_s,
                   int64_t *id)
{
    int rc = db_exec(ctx, SQL_JOB_INSERT, "ssl", kind, payload, delay_s);
    *id = rc == WM_OK ? db_insert_id(ctx) : 0;
    return rc;
}

int jobs_db_lock_due(struct wm_ctx *ctx, struct job *out, int *found)
{
    struct db_res *res = NULL;
    *found = 0;
    int rc = db_query(ctx, &res, SQL_JOB_LOCK_DUE, "");
    if (rc != WM_OK) return rc;
    rc = db_next(res, "lssi", &out->id, &out->kind, &out->payload, &out->attempts);
    if (rc < 0) return rc;
    *found = rc;
    return WM_OK;
}

int jobs_db_start(struct wm_ctx *ctx, int64_t id, const char *lease_token, int64_t lease_s)
{
    return db_exec(ctx, SQL_JOB_START, "sll", lease_token, lease_s, id);
}

int jobs_db_expire(struct wm_ctx *ctx, int64_t id, const char *error)
{
    return db_exec(ctx, SQL_JOB_EXPIRE, "sl", error, id);
}

int jobs_db_done(struct wm_ctx *ctx, int64_t id, const char *lease_token, int *held)
{
    int rc = db_exec(ctx, SQL_JOB_DONE, "ls", id, lease_token);
    *held = rc == WM_OK && db_affected_rows(ctx) == 1;
    return rc;
}

int jobs_db_retry(struct wm_ctx *ctx, int64_t id, const char *lease_token, const char *error,
                  int64_t retry_ms, int *held)
{
    int rc = db_exec(ctx, SQL_JOB_RETRY, "slls", error, retry_ms * 1000, id, lease_token);
    *held = rc == WM_OK && db_affected_rows(ctx) == 1;
    return rc;
}

int jobs_db_dead(struct wm_ctx *ctx, int64_t id, const char *lease_token, const char *error,
                 int *held)
{
    int rc = db_exec(ctx, SQL_JOB_DEAD, "sls", error, id, lease_token);
    *held = rc == WM_OK && db_affected_rows(ctx) == 1;
    return rc;
}

int jobs_db_get(struct wm_ctx *ctx, int64_t id, struct job_status *out)
{
    return db_query_one(ctx, SQL_JOB_GET, "l", "lssiss", id, &out->id, &out->kind, &out->state,
                        &out->attempts, &out->last_error, &out->payload);
}

int jobs_db_count_live(struct wm_ctx *ctx, const char *kind, int64_t *n)
{
    return db_query_one(ctx, SQL_JOB_COUNT_LIVE, "s", "l", kind, n);
}

int jobs_db_prune(struct wm_ctx *ctx, const char *state, int64_t age_s, int64_t limit,
                  int64_t *removed)
{
    *removed = 0;
    int rc = db_exec(ctx, SQL_JOB_PRUNE, "sll", state, age_s, limit);
    if (rc == WM_OK) *removed = (int64_t)db_affected_rows(ctx);
    return rc;
}
