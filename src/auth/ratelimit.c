/*
 * ratelimit.c: sliding-window counters in memcached (ratelimit.h). Window w of a subject is
 * the counter "rl:<rule>:<fnv1a(subject)>:<w>", w = now / window_s, kept for two windows.
 */
#include "auth/ratelimit.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cache/cache.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/hash.h"

static struct str window_key(struct wm_ctx *ctx, const struct ratelimit_rule *rule,
                             const char *subject, int64_t window)
{
    uint64_t h = hash_fnv1a(subject, strlen(subject));
    char *key = arena_printf(ctx->arena, "rl:%s:%016" PRIx64 ":%" PRId64, rule->name, h, window);
    return str_from(key);
}

static uint64_t counter(struct wm_ctx *ctx, struct str key)
{
    struct str val;
    int64_t n = 0;
    if (!cache_get(ctx->cache, ctx->arena, key, &val) || !str_to_int64(val, &n) || n < 0) return 0;
    return (uint64_t)n;
}

bool ratelimit_allows(struct wm_ctx *ctx, const struct ratelimit_rule *rule, const char *subject,
                      int64_t now, unsigned *retry_after_s)
{
    if (!ctx->cache || !cache_enabled(ctx->cache)) return true;
    int64_t w = now / rule->window_s;
    int64_t elapsed = now - w * rule->window_s; /* seconds into the current window */
    uint64_t cur = counter(ctx, window_key(ctx, rule, subject, w));
    uint64_t prev = counter(ctx, window_key(ctx, rule, subject, w - 1));
    /* The previous window still covers (window - elapsed) of the sliding window. */
    double weight = (double)(rule->window_s - elapsed) / (double)rule->window_s;
    double estimate = (double)prev * weight + (double)cur;
    if (estimate + 1.0 <= (double)rule->limit) return true;
    if (retry_after_s) {
        unsigned wait;
        if (cur + 1 > rule->limit) {
            /* The current window alone is full: wait for it to become the previous one and
             * for enough of it to slide out. */
            double need = ((double)cur + 1.0 - (double)rule->limit) / (double)cur;
            wait = (unsigned)(rule->window_s - elapsed) + (unsigned)(need * rule->window_s);
        } else {
            /* The previous window's share must shrink by (estimate + 1 - limit). */
            double excess = estimate + 1.0 - (double)rule->limit;
            wait = (unsigned)(excess / (double)prev * rule->window_s + 0.999);
        }
        *retry_after_s = wait > 0 ? wait : 1;
    }
    return false;
}

void ratelimit_count(struct wm_ctx *ctx, const struct ratelimit_rule *rule, const char *subject,
                     int64_t now)
{
    if (!ctx->cache || !cache_enabled(ctx->cache)) return;
    uint64_t n = 0;
    (void)cache_incr(ctx->cache, window_key(ctx, rule, subject, now / rule->window_s), 1, 1,
                     2 * rule->window_s, &n);
}

bool ratelimit_hit(struct wm_ctx *ctx, const struct ratelimit_rule *rule, const char *subject,
                   int64_t now, unsigned *retry_after_s)
{
    if (!ratelimit_allows(ctx, rule, subject, now, retry_after_s)) return false;
    ratelimit_count(ctx, rule, subject, now);
    return true;
}

int ratelimit_error(struct wm_ctx *ctx, const char *what, unsigned retry_after_s)
{
    if (retry_after_s > 120)
        return wm_errorf(ctx, WM_ELIMIT, "%s: too many attempts; try again in %u minutes", what,
                         (retry_after_s + 59) / 60);
    return wm_errorf(ctx, WM_ELIMIT, "%s: too many attempts; try again in %u seconds", what,
                     retry_after_s);
}
