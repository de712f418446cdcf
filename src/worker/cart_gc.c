/*
 * cart_gc.c: the "cart_gc" job kind (worker_int.h). The worker loop queues one when it starts
 * and then every media.gc_interval_s (worker_queue_periodic()). The job deletes anonymous web
 * carts whose expiry passed (market/cart cart_gc(): CART_ANON_TTL after their last use), a
 * batch at a time, and asks to run again at once while batches come back full.
 */
#include "worker/worker_int.h"

#include "core/log.h"
#include "market/cart/cart.h"

/* Carts one job removes at most before it hands over to the next. */
#define GC_BATCH 500

enum job_outcome cart_gc_job_run(struct wm_ctx *ctx, const struct job *job, const char **error)
{
    (void)job;
    int64_t removed = 0;
    int rc = cart_gc(ctx, GC_BATCH, &removed);
    if (removed > 0) log_info("cart_gc: removed %lld expired anonymous carts", (long long)removed);
    return worker_batch_done(ctx, "cart_gc", rc, removed == GC_BATCH, error);
}
