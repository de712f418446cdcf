/*
 * worker_int.h: what the files of src/worker share: the job-kind table (jobs.c), the mail
 * handler (mail.c) and the MIME builder (mime.c), which the unit tests reach too.
 */
#ifndef WM_WORKER_INT_H
#define WM_WORKER_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct wm_ctx;
struct buf;
struct job;

/* What a handler made of one try. */
enum job_outcome {
    JOB_DONE,  /* finished: the job is done */
    JOB_RETRY, /* failed, may work later (4xx, connection): queued again with a backoff */
    JOB_DEAD,  /* failed for good (5xx, bad payload, unknown template): dead at once */
};

/* Run one try of job; on failure set *error (arena string or static) to say why. */
typedef enum job_outcome job_run_fn(struct wm_ctx *ctx, const struct job *job, const char **error);

struct job_kind {
    const char *name; /* jobs.kind */
    job_run_fn *run;
    const char *help;
};

/* The row of kind name; NULL when no handler knows it. */
const struct job_kind *job_kind_find(const char *name);

/* ---- mail.c ------------------------------------------------------------------------------ */

/* The "mail" kind: payload {"to", "template", "vars"}. */
enum job_outcome mail_job_run(struct wm_ctx *ctx, const struct job *job, const char **error);

/*
 * Render <root>/templates/mail/<name>.<part>.cs (part: "subject", "txt" or "html") with vars
 * (NULL-terminated key, value pairs) and Site.Url from site.url, into *out (arena). html
 * selects Config.VarEscapeMode html (every var HTML-escaped); otherwise none. WM_EINVAL for a
 * bad name, WM_EINTERNAL (with ClearSilver's traceback) when the template fails.
 */
int mail_render(struct wm_ctx *ctx, const char *name, const char *part, bool html,
                const char *const *vars, char **out);

/* ---- media_gc.c ------------------------------------------------------------------------- */

/* The "media_gc" kind: payload {} (market/media media_gc()). */
enum job_outcome media_gc_job_run(struct wm_ctx *ctx, const struct job *job, const char **error);

/* ---- cart_gc.c -------------------------------------------------------------------------- */

/* The "cart_gc" kind: payload {} (market/cart cart_gc(): expired anonymous carts). */
enum job_outcome cart_gc_job_run(struct wm_ctx *ctx, const struct job *job, const char **error);

/* ---- jobs_gc.c ---------------------------------------------------------------------------- */

/* The "jobs_gc" kind: payload {} (market/jobs jobs_prune(): old finished and dead jobs). */
enum job_outcome jobs_gc_job_run(struct wm_ctx *ctx, const struct job *job, const char **error);

/* ---- views_flush.c ----------------------------------------------------------------------- */

/* The "views_flush" kind: payload {} (market/catalog catalog_views_flush()). */
enum job_outcome views_flush_job_run(struct wm_ctx *ctx, const struct job *job, const char **error);

/* ---- queue.c ----------------------------------------------------------------------------- */

/* Queue a job of kind (payload {}) now unless one is queued or running (force: even then), so
 * several workers on one database do not pile periodic jobs up and a failed one is retried by
 * the queue's backoff, not doubled. Failures are logged: the next look tries again. Outside a
 * transaction. */
void worker_queue_periodic(struct wm_ctx *ctx, const char *kind, bool force);

/* How a periodic job that works in batches ends: rc not WM_OK is JOB_RETRY with *error set;
 * otherwise JOB_DONE, and when more is waiting (a full batch) the next job of kind is queued
 * at once. */
enum job_outcome worker_batch_done(struct wm_ctx *ctx, const char *kind, int rc, bool more,
                                   const char **error);

/* ---- mime.c ------------------------------------------------------------------------------ */

struct mail_message {
    const char *from;       /* mail.from: "Name <addr>" or "addr" */
    const char *to;         /* an address (jobs_address_is_valid) */
    const char *subject;    /* UTF-8; control characters become spaces */
    const char *text;       /* UTF-8 plain-text body; LF or CRLF line ends */
    const char *html;       /* UTF-8 HTML body */
    time_t date;            /* Date header */
    const char *message_id; /* without angle brackets: "<hex>.<job>@<domain>" */
    const char *boundary;   /* must start with "=_" (never in quoted-printable text) */
    int64_t job_id;         /* X-Market-Job header; 0: none */
};

/* Quoted-printable (RFC 2045 §6.7) of n bytes at s, appended to out: lines of at most 76
 * characters with soft breaks, CRLF hard breaks for LF or CRLF, '=' and bytes outside
 * printable ASCII as =XX, white space before a line end encoded, and '.' at a line start
 * encoded (=2E) so no SMTP hop can mistake it. */
void mime_qp_encode(struct buf *out, const char *s, size_t n);

/* Append "Name: value\r\n" with value as is when it is printable ASCII, else as RFC 2047
 * encoded-words (=?UTF-8?B?...?=, at most 75 characters each, never splitting a UTF-8
 * character) folded onto continuation lines. Control characters in value become spaces. */
void mime_header_text(struct buf *out, const char *name, const char *value);

/* RFC 5322 date-time in UTC: "Tue, 03 Mar 2026 10:04:05 +0000" into out (32 bytes). */
void mime_date(char out[32], time_t t);

/* The address of "Name <addr>" or "addr" (arena copy); NULL when there is none or it is not a
 * valid address. *name (may be NULL) gets the display name, trimmed, unquoted ("" if none). */
char *mime_from_address(struct wm_ctx *ctx, const char *from, char **name);

/*
 * The whole message (headers, multipart/alternative with a text and an HTML part, both UTF-8
 * quoted-printable) with CRLF line ends, appended to out. WM_EINVAL when from or to is not
 * usable (message in ctx->err).
 */
int mime_build(struct wm_ctx *ctx, const struct mail_message *m, struct buf *out);

#endif
