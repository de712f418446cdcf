/*
 * queue.c: the worker loop (worker.h): claim a due job, run it through its kind's handler,
 * record done / retry / dead, reset the arena; when nothing is due, sleep jobs.poll_ms or
 * until a wake datagram arrives on <var>/run/worker.sock. Delivery is at least once: a worker
 * that dies after sending but before recording it leaves the job running, and it is sent
 * again when the lease (jobs.lease_s) ends.
 */
#include "worker/worker.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/log.h"
#include "db/db.h"
#include "market/jobs/jobs.h"
#include "worker/worker_int.h"

static const char *ctx_message(struct wm_ctx *ctx, int rc)
{
    return ctx->err.message ? ctx->err.message : wm_strerror(rc);
}

/*
 * Bind the wake socket at path (sun_path of sa). A socket file nobody answers on is stale and
 * replaced; one that a live worker holds is left alone (this worker only polls). Returns the
 * fd or -1.
 */
static int wake_open(struct sockaddr_un *sa, const struct config *cfg)
{
    int n = snprintf(sa->sun_path, sizeof(sa->sun_path), "%s/run/worker.sock", cfg->var_dir);
    if (n < 0 || (size_t)n >= sizeof(sa->sun_path)) return -1;
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) return -1;
    if (bind(fd, (const struct sockaddr *)sa, sizeof(*sa)) == 0) return fd;
    if (errno == EADDRINUSE) {
        int probe = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        bool stale = probe >= 0 && connect(probe, (const struct sockaddr *)sa, sizeof(*sa)) != 0 &&
                     errno == ECONNREFUSED;
        if (probe >= 0) (void)close(probe);
        if (stale && unlink(sa->sun_path) == 0 &&
            bind(fd, (const struct sockaddr *)sa, sizeof(*sa)) == 0)
            return fd;
    }
    log_info("worker: no wake socket at %s (%s): polling every %lld ms", sa->sun_path,
             strerror(errno), (long long)cfg->jobs_poll_ms);
    (void)close(fd);
    return -1;
}

/* Sleep up to ms, less when a wake datagram comes or a signal interrupts. */
static void wait_for_work(int wake_fd, int64_t ms)
{
    struct pollfd p = { .fd = wake_fd, .events = POLLIN };
    int n = poll(wake_fd >= 0 ? &p : NULL, wake_fd >= 0 ? 1 : 0, (int)ms);
    if (n > 0) {
        char drain[64];
        while (recv(wake_fd, drain, sizeof(drain), MSG_DONTWAIT) > 0) {
        }
    }
}

/* Run one claimed job and record its outcome. */
static void run_job(struct wm_ctx *ctx, const struct job *job)
{
    double t0 = clock_s();
    const struct job_kind *kind = job_kind_find(job->kind);
    const char *error = NULL;
    enum job_outcome out = JOB_DEAD;
    if (kind)
        out = kind->run(ctx, job, &error);
    else
        error = arena_printf(ctx->arena, "no handler for job kind '%s'", job->kind);
    wm_clear_error(ctx);
    int64_t retry_ms = -1;
    int rc;
    for (int tries = 0;; tries++) {
        rc = out == JOB_DONE ? jobs_complete(ctx, job)
                             : jobs_fail(ctx, job, out == JOB_DEAD, error, &retry_ms);
        if (rc == WM_OK || rc == WM_ECONFLICT || tries == 2) break;
        sleep(1); /* the database blinked: the outcome is worth a few tries */
    }
    double ms = (clock_s() - t0) * 1000.0;
    if (rc != WM_OK)
        log_error("job %lld (%s): cannot record the outcome: %s", (long long)job->id, job->kind,
                  ctx_message(ctx, rc));
    else if (out == JOB_DONE)
        log_info("@job=%lld kind=%s attempt=%d outcome=done dur_ms=%.1f", (long long)job->id,
                 job->kind, job->attempts, ms);
    else if (retry_ms >= 0)
        log_warn("job %lld (%s) attempt %d failed, retry in %lld ms: %s", (long long)job->id,
                 job->kind, job->attempts, (long long)retry_ms, error);
    else
        log_error("job %lld (%s) dead after attempt %d: %s", (long long)job->id, job->kind,
                  job->attempts, error);
}

void worker_queue_periodic(struct wm_ctx *ctx, const char *kind, bool force)
{
    bool pending = false;
    int rc = force ? WM_OK : jobs_pending(ctx, kind, &pending);
    if (rc == WM_OK && !pending) {
        rc = db_begin(ctx);
        if (rc == WM_OK) rc = jobs_enqueue(ctx, kind, "{}", 0, NULL);
        if (rc == WM_OK)
            rc = db_commit(ctx);
        else
            db_rollback(ctx);
    }
    if (rc != WM_OK)
        log_warn("worker: cannot queue %s: %s", kind,
                 ctx->err.message ? ctx->err.message : wm_strerror(rc));
    wm_clear_error(ctx);
}

enum job_outcome worker_batch_done(struct wm_ctx *ctx, const char *kind, int rc, bool more,
                                   const char **error)
{
    if (rc != WM_OK) {
        *error = ctx->err.message ? ctx->err.message : wm_strerror(rc);
        return JOB_RETRY;
    }
    if (more) worker_queue_periodic(ctx, kind, true);
    return JOB_DONE;
}

int worker_run(struct wm_ctx *ctx, const struct worker_opts *opts)
{
    const struct config *cfg = ctx->config;
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    int wake_fd = opts->once ? -1 : wake_open(&sa, cfg);
    int result = WM_OK;
    log_info("worker: started (%s), mail %s", opts->once ? "once" : "until SIGTERM",
             cfg->mail_smtp_url[0] ? cfg->mail_smtp_url : "to <var>/mail-outbox");
    /* The periodic jobs: queued at start, then every interval. */
    struct {
        const char *kind;
        int64_t interval_s;
        double next;
    } periodic[] = {
        { "media_gc", cfg->media_gc_interval_s, 0 },
        { "cart_gc", cfg->media_gc_interval_s, 0 },
        { "jobs_gc", cfg->media_gc_interval_s, 0 },
        { "views_flush", cfg->catalog_views_flush_s, 0 },
    };
    while (!*opts->stop) {
        for (size_t i = 0; i < sizeof periodic / sizeof periodic[0]; i++) {
            if (clock_s() < periodic[i].next) continue;
            worker_queue_periodic(ctx, periodic[i].kind, false);
            arena_reset(ctx->arena);
            periodic[i].next = clock_s() + (double)periodic[i].interval_s;
        }
        struct job *job = NULL;
        int rc = jobs_claim(ctx, &job);
        if (rc == WM_OK && job) run_job(ctx, job);
        if (rc != WM_OK) log_warn("worker: cannot claim a job: %s", ctx_message(ctx, rc));
        wm_clear_error(ctx);
        arena_reset(ctx->arena);
        if (rc != WM_OK && opts->once) {
            result = rc;
            break;
        }
        if (rc == WM_OK && job) continue;
        if (opts->once) break;
        wait_for_work(wake_fd, cfg->jobs_poll_ms);
    }
    if (wake_fd >= 0) {
        (void)close(wake_fd);
        (void)unlink(sa.sun_path);
    }
    log_info("worker: stopped");
    return result;
}
