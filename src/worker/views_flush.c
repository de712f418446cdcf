/*
 * views_flush.c: the "views_flush" job kind (worker_int.h). The worker loop queues one when it
 * starts and then every catalog.views_flush_s (worker_queue_periodic()). The job adds the
 * product views counted in memcached since the last flush to products.views (market/catalog
 * catalog_views_flush()), a batch at a time, and asks to run again at once while batches come
 * back full.
 */
#include "worker/worker_int.h"

#include "core/err.h"
#include "core/log.h"
#include "market/catalog/catalog.h"

/* Products one job updates at most (one statement) before it hands over to the next. */
#define FLUSH_BATCH 5000

enum job_outcome views_flush_job_run(struct wm_ctx *ctx, const struct job *job, const char **error)
{
    (void)job;
    int64_t products = 0, views = 0;
    bool more = false;
    int rc = catalog_views_flush(ctx, FLUSH_BATCH, &products, &views, &more);
    if (rc == WM_OK && views > 0)
        log_info("views_flush: %lld views added to %lld products", (long long)views,
                 (long long)products);
    return worker_batch_done(ctx, "views_flush", rc, more, error);
}
