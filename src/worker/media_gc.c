/*
 * media_gc.c: the "media_gc" job kind and its schedule (worker_int.h). The worker loop calls
 * media_gc_schedule() when it starts and then every media.gc_interval_s: it queues one
 * media_gc job unless one is already queued or running (so several workers on one database
 * do not pile them up, and a job that failed is retried by the queue's backoff, not doubled).
 * The job removes anonymous uploads that nothing referenced within media.anon_ttl_s
 * (market/media media_gc()), a batch at a time, and asks to run again at once while batches
 * come back full.
 */
#include "worker/worker_int.h"

#include "core/ctx.h"
#include "core/err.h"
#include "core/log.h"
#include "db/db.h"
#include "market/jobs/jobs.h"
#include "market/media/media.h"

/* Rows one job removes at most before it hands over to the next. */
#define GC_BATCH 500

enum job_outcome media_gc_job_run(struct wm_ctx *ctx, const struct job *job, const char **error)
{
    (void)job;
    int64_t removed = 0;
    int rc = media_gc(ctx, GC_BATCH, &removed);
    if (removed > 0)
        log_info("media_gc: removed %lld unreferenced anonymous uploads", (long long)removed);
    if (rc != WM_OK) {
        *error = ctx->err.message ? ctx->err.message : wm_strerror(rc);
        return JOB_RETRY;
    }
    if (removed == GC_BATCH) media_gc_schedule(ctx, true);
    return JOB_DONE;
}

void media_gc_schedule(struct wm_ctx *ctx, bool force)
{
    bool pending = false;
    int rc = force ? WM_OK : jobs_pending(ctx, "media_gc", &pending);
    if (rc == WM_OK && !pending) {
        rc = db_begin(ctx);
        if (rc == WM_OK) rc = jobs_enqueue(ctx, "media_gc", "{}", 0, NULL);
        if (rc == WM_OK)
            rc = db_commit(ctx);
        else
            db_rollback(ctx);
    }
    if (rc != WM_OK)
        log_warn("worker: cannot queue media_gc: %s",
                 ctx->err.message ? ctx->err.message : wm_strerror(rc));
    wm_clear_error(ctx);
}
