/*
 * jobs_int.h: what the files of the jobs domain share: the store (jobs_db.c), one function per
 * SQL statement. jobs.c validates and decides; these only read and write rows.
 */
#ifndef WM_MARKET_JOBS_INT_H
#define WM_MARKET_JOBS_INT_H

#include <stdint.h>

#include "market/jobs/jobs.h"

struct wm_ctx;

/* Insert a queued job due delay_s seconds from now; *id gets its id. */
int jobs_db_insert(struct wm_ctx *ctx, const char *kind, const char *payload, int64_t delay_s,
                   int64_t *id);

/* Lock the oldest due job (FOR UPDATE SKIP LOCKED; inside a transaction). *found is false when
 * none is due; otherwise out holds id, kind, payload and attempts (before this claim). */
int jobs_db_lock_due(struct wm_ctx *ctx, struct job *out, int *found);

/* Mark the locked job id running under lease_token until lease_s seconds from now, counting
 * the attempt. */
int jobs_db_start(struct wm_ctx *ctx, int64_t id, const char *lease_token, int64_t lease_s);

/* Mark the locked job id dead with error (its lease ended on the last attempt). */
int jobs_db_expire(struct wm_ctx *ctx, int64_t id, const char *error);

/* done / queued again after retry_ms / dead, only while lease_token still holds the job; *held
 * is 0 when it does not (the claim was lost). */
int jobs_db_done(struct wm_ctx *ctx, int64_t id, const char *lease_token, int *held);
int jobs_db_retry(struct wm_ctx *ctx, int64_t id, const char *lease_token, const char *error,
                  int64_t retry_ms, int *held);
int jobs_db_dead(struct wm_ctx *ctx, int64_t id, const char *lease_token, const char *error,
                 int *held);

/* Load job id. WM_ENOTFOUND. */
int jobs_db_get(struct wm_ctx *ctx, int64_t id, struct job_status *out);

/* How many jobs of kind are queued or running. */
int jobs_db_count_live(struct wm_ctx *ctx, const char *kind, int64_t *n);

/* Delete at most limit jobs in state ("done" or "dead") that finished over age_s seconds ago. */
int jobs_db_prune(struct wm_ctx *ctx, const char *state, int64_t age_s, int64_t limit,
                  int64_t *removed);

#endif
