/*
 * jobs.h: the transactional outbox of background work (DESIGN.md §1). A domain that must
 * send mail (or, later, push, index ...) calls jobs_enqueue*() inside the transaction of the
 * change, so the job commits or rolls back with it; `market worker` (src/worker) claims due
 * jobs, runs them and records the outcome with jobs_complete() / jobs_fail().
 *
 * Life of a row: queued --claim--> running --complete--> done
 *                                          --fail-----> queued again after a backoff, or dead
 * A running job whose worker died is due again when its lease (jobs.lease_s) ends; a claim
 * counts as an attempt, and after jobs.max_attempts the job is dead (last_error says why).
 * Backoff after the n-th failed attempt: base * 2^(n-1), capped at jobs.backoff_max_ms, with
 * "equal jitter" (a random half of it added to the other half).
 *
 * Mail jobs (kind "mail") carry {"to": ADDRESS, "template": NAME, "vars": {KEY: VALUE ...}};
 * the worker renders templates/mail/NAME.{subject,txt,html}.cs with the vars.
 */
#ifndef WM_MARKET_JOBS_H
#define WM_MARKET_JOBS_H

#include <stdbool.h>
#include <stdint.h>

struct wm_ctx;
struct config;

/* Limits checked by the enqueue functions. */
#define JOBS_KIND_MAX          32       /* [a-z0-9_]{1,32} */
#define JOBS_PAYLOAD_MAX       65536    /* bytes of payload JSON */
#define JOBS_DELAY_MAX         31536000 /* seconds (a year) */
#define JOBS_MAIL_VARS_MAX     32       /* key, value pairs per mail */
#define JOBS_MAIL_VAR_KEY_MAX  64       /* [A-Za-z0-9_]{1,64} */
#define JOBS_MAIL_TEMPLATE_MAX 64       /* [a-z0-9_]{1,64} */
#define JOBS_ADDRESS_MAX       254      /* RFC 5321 path limit */

/*
 * Queue a job of kind (a row of src/worker/jobs.c; [a-z0-9_]{1,32}) with payload_json (a JSON
 * object, at most JOBS_PAYLOAD_MAX bytes; the database checks it is valid JSON), due delay_s
 * seconds from now (0..JOBS_DELAY_MAX). Must run inside the caller's transaction (db_begin):
 * the job exists only if that transaction commits. *id (may be NULL) gets the job's id.
 * Returns WM_OK; WM_EINVAL for a bad kind, payload or delay; WM_EINTERNAL outside a
 * transaction; a db error code otherwise (which fails the caller's transaction).
 */
int jobs_enqueue(struct wm_ctx *ctx, const char *kind, const char *payload_json, int64_t delay_s,
                 int64_t *id);

/*
 * Queue a mail to the address to, rendered by the worker from template_name (a template
 * present under <root>/templates/mail: NAME.subject.cs, NAME.txt.cs and NAME.html.cs) with
 * vars, a NULL-terminated list of key, value pairs such as
 *     { "name", "Jose", "link", "https://...", NULL }
 * (keys [A-Za-z0-9_]{1,64}, at most JOBS_MAIL_VARS_MAX pairs, values any UTF-8 text; vars may
 * be NULL for none). Same transaction rule and *id as jobs_enqueue(). Returns WM_OK or
 * WM_EINVAL (message in ctx->err) for an address that is not a plain addr-spec (no display
 * name, no spaces, quotes, angle brackets or control characters, one '@', at most 254 bytes),
 * an unknown template, a bad key, an odd list or too many pairs, or invalid UTF-8; other codes
 * as jobs_enqueue().
 */
int jobs_enqueue_mail(struct wm_ctx *ctx, const char *to, const char *template_name,
                      const char *const *vars, int64_t *id);

/* True when name is a well-formed template name whose three files exist and are readable
 * under <cfg->root_dir>/templates/mail. */
bool jobs_mail_template_exists(const struct config *cfg, const char *name);

/* True when addr is an address jobs_enqueue_mail() accepts (see there). */
bool jobs_address_is_valid(const char *addr);

/*
 * Tell a waiting `market worker` that jobs were committed, so it looks at the queue now rather
 * than after jobs.poll_ms. Call it after the commit (before it, the worker would find nothing).
 * A datagram to the worker's socket <var>/run/worker.sock; silent when no worker listens.
 */
void jobs_wake(const struct config *cfg);

/* ---- the worker's side ------------------------------------------------------------------ */

/* A claimed job. Arena strings. */
struct job {
    int64_t id;
    char *kind;
    char *payload;     /* JSON text */
    int attempts;      /* including this one */
    char *lease_token; /* proves the claim in jobs_complete / jobs_fail */
};

/*
 * Claim the oldest due job (a queued job whose run_at has come, or a running one whose lease
 * ended) in a short transaction of its own, with SELECT ... FOR UPDATE SKIP LOCKED so several
 * workers never take the same job: it becomes running, its attempts grow by one and its lease
 * ends jobs.lease_s from now. A job found with its attempts already at jobs.max_attempts (its
 * worker died on the last try) is marked dead instead and the next one is looked at.
 * *out is the job, or NULL when none is due. Must run outside a transaction. Returns WM_OK or
 * a db error code.
 */
int jobs_claim(struct wm_ctx *ctx, struct job **out);

/* Mark a claimed job done. WM_ECONFLICT when the claim was lost (the lease ended and another
 * worker took the job); WM_OK otherwise, or a db error code. */
int jobs_complete(struct wm_ctx *ctx, const struct job *job);

/*
 * Record a failed try of a claimed job with error (kept, cut to 1000 bytes, in last_error).
 * permanent, or attempts at jobs.max_attempts: the job is dead. Otherwise it is queued again
 * after the backoff. *retry_ms (may be NULL) gets that delay in milliseconds, or -1 when the
 * job is dead. WM_ECONFLICT when the claim was lost; WM_OK or a db error code otherwise.
 */
int jobs_fail(struct wm_ctx *ctx, const struct job *job, bool permanent, const char *error,
              int64_t *retry_ms);

/* The backoff before the next try after attempts failed tries (attempts >= 1), from the
 * jobs.backoff_* keys of cfg, with jitter from rnd (a uniform random 32-bit value): in
 * [d/2, d] where d = min(base * 2^(attempts-1), max). */
int64_t jobs_backoff_ms(const struct config *cfg, int attempts, uint32_t rnd);

/* What operators and tests see of a job. Arena strings. */
struct job_status {
    int64_t id;
    char *kind;
    char *state; /* queued|running|done|dead */
    int attempts;
    char *last_error; /* NULL when none */
    char *payload;
};

/* Load job id. WM_ENOTFOUND (no message) when there is none; a db error code. */
int jobs_get(struct wm_ctx *ctx, int64_t id, struct job_status *out);

/* Whether a job of kind is queued or running, in *pending (for periodic kinds that the
 * worker queues only when none is waiting). A db error code otherwise. */
int jobs_pending(struct wm_ctx *ctx, const char *kind, bool *pending);

/* Delete finished jobs: done ones jobs.keep_done_days after they finished, dead ones (kept
 * longer for whoever looks into them) jobs.keep_dead_days after; at most limit rows of each
 * (*removed: how many went). Outside a transaction (each DELETE commits on its own). */
int jobs_prune(struct wm_ctx *ctx, int64_t limit, int64_t *removed);

#endif
