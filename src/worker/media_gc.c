/*
 * media_gc.c: the "media_gc" job kind (worker_int.h). The worker loop queues one when it starts
 * and then every media.gc_interval_s (worker_queue_periodic()).
 * The job removes anonymous uploads that nothing referenced within media.anon_ttl_s
 * (market/media media_gc()), a batch at a time, and asks to run again at once while batches
 * come back full.
 */
#include "worker/worker_int.h"

#include "core/log.h"
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
    return worker_batch_done(ctx, "media_gc", rc, removed == GC_BATCH, error);
}
