/*
 * ratelimit.h: sliding-window rate limits on memcached counters. A rule allows `limit` events
 * per `window_s` seconds for one subject (an account, an IP address, a session). Two fixed
 * windows are kept per subject and the previous one is weighted by how much of it still
 * overlaps the sliding window (the "sliding window counter" of Cloudflare and nginx): within
 * a few percent of an exact log, at two counters per subject. Limits protect against abuse;
 * they are not the truth: when memcached is disabled or down, nothing is limited.
 */
#ifndef WM_AUTH_RATELIMIT_H
#define WM_AUTH_RATELIMIT_H

#include <stdbool.h>
#include <stdint.h>

struct wm_ctx;

/* One limit: at most limit events per window_s seconds per subject. */
struct ratelimit_rule {
    const char *name;  /* short key part, e.g. "login.ip" */
    unsigned limit;    /* events allowed per window (> 0) */
    unsigned window_s; /* window length, seconds (> 0) */
};

/*
 * Would one more event of subject pass rule at time now (Unix seconds)? True when it would.
 * When not, *retry_after_s (if not NULL) gets the seconds after which it will (at least 1).
 * Counts nothing. subject is any text (an email, an IP address); it is hashed into the key.
 */
bool ratelimit_allows(struct wm_ctx *ctx, const struct ratelimit_rule *rule, const char *subject,
                      int64_t now, unsigned *retry_after_s);

/* Count one event of subject under rule at time now. Best effort (a cache error is ignored). */
void ratelimit_count(struct wm_ctx *ctx, const struct ratelimit_rule *rule, const char *subject,
                     int64_t now);

/*
 * Count one event and tell whether it was within the limit: ratelimit_allows() and then
 * ratelimit_count() when allowed. For limits on every attempt (sign-ups per IP).
 */
bool ratelimit_hit(struct wm_ctx *ctx, const struct ratelimit_rule *rule, const char *subject,
                   int64_t now, unsigned *retry_after_s);

/*
 * Record the WM_ELIMIT error clients see: "<what>: too many attempts; try again in N
 * seconds" (minutes above two minutes). Returns WM_ELIMIT.
 */
int ratelimit_error(struct wm_ctx *ctx, const char *what, unsigned retry_after_s);

#endif
