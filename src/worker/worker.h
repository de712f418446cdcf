/*
 * worker.h: `market worker`, the process that drains the jobs table (market/jobs): it claims
 * due jobs, runs each through its kind's handler (the table in jobs.c) and records the
 * outcome. Mail is the one kind so far (mail.c: ClearSilver templates, a MIME message, SMTP
 * through libcurl or .eml files in <var>/mail-outbox when mail.smtp_url is empty).
 *
 * Between looks at the queue it sleeps jobs.poll_ms, or less when jobs_wake() sends a datagram
 * to <var>/run/worker.sock (the first worker of a var dir binds it; others only poll).
 */
#ifndef WM_WORKER_WORKER_H
#define WM_WORKER_WORKER_H

#include <signal.h>
#include <stdbool.h>

struct wm_ctx;

struct worker_opts {
    bool once;                   /* run the jobs due now, then return */
    volatile sig_atomic_t *stop; /* set by the caller's SIGTERM/SIGINT handler (not NULL) */
};

/*
 * Run jobs until *opts->stop is set (the job in progress is finished first) or, with once, no
 * job is due. ctx needs config, db and an arena: the arena is reset after every job, so the
 * caller must not keep anything in it. Database outages are logged and waited out (the loop
 * goes on; with once, a failed claim ends the run with its code). Returns WM_OK or that code.
 */
int worker_run(struct wm_ctx *ctx, const struct worker_opts *opts);

#endif
