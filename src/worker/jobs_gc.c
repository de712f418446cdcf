/*
 * jobs_gc.c: the "jobs_gc" job kind (worker_int.h). The worker loop queues one when it starts
 * and then every media.gc_interval_s (worker_queue_periodic()). The job deletes finished jobs
 * past jobs.keep_done_days and dead ones past jobs.keep_dead_days (market/jobs jobs_prune()),
 * a batch at a time, and asks to run again at once while batches come back full: the periodic
 * jobs alone add some 1,500 rows a day.
 */
#include "worker/worker_int.h"

#include "core/log.h"
#include "market/jobs/jobs.h"

/* Rows of each state one job deletes at most (one statement each). */
#define GC_BATCH 5000

enum job_outcome jobs_gc_job_run(struct wm_ctx *ctx, const struct job *job, const char **error)
{
    (void)job;
    int64_t removed = 0;
    int rc = jobs_prune(ctx, GC_BATCH, &removed);
    if (removed > 0) log_info("jobs_gc: removed %lld finished jobs", (long long)removed);
    return worker_batch_done(ctx, "jobs_gc", rc, removed >= GC_BATCH, error);
}
