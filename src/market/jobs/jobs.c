/*
 * jobs.c: the rules of the jobs domain (jobs.h): what may be queued (kinds, payload size, mail
 * addresses, templates and vars), the claim with its lease, and the retry policy (exponential
 * backoff with jitter, a dead state after jobs.max_attempts). SQL lives in jobs_db.c.
 */
#include "market/jobs/jobs.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/json_out.h"
#include "core/log.h"
#include "core/rand.h"
#include "db/db.h"
#include "market/jobs/jobs_int.h"

/* Bytes of the lease token's randomness (hex: twice as many characters). */
#define LEASE_BYTES 16

static bool is_word(const char *s, size_t max, bool upper_ok)
{
    size_t n = 0;
    for (; s[n]; n++) {
        char c = s[n];
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                  (upper_ok && c >= 'A' && c <= 'Z');
        if (!ok || n >= max) return false;
    }
    return n > 0;
}

/* True when the n bytes at s are well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF). */
static bool is_utf8(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        size_t len;
        unsigned min;
        unsigned cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            len = 2, min = 0x80, cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            len = 3, min = 0x800, cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            len = 4, min = 0x10000, cp = c & 0x07;
        } else {
            return false;
        }
        if (n - i < len) return false;
        for (size_t k = 1; k < len; k++) {
            if ((p[i + k] & 0xc0) != 0x80) return false;
            cp = (cp << 6) | (p[i + k] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
        i += len;
    }
    return true;
}

bool jobs_address_is_valid(const char *addr)
{
    if (!addr) return false;
    size_t n = strlen(addr);
    if (n < 3 || n > JOBS_ADDRESS_MAX) return false;
    const char *at = strchr(addr, '@');
    if (!at || at == addr || at[1] == '\0' || strchr(at + 1, '@')) return false;
    if ((size_t)(at - addr) > 64) return false; /* RFC 5321 local-part limit */
    for (const char *p = addr; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c <= 0x20 || c == 0x7f || c >= 0x80 || strchr("<>()[]\\,;:\"", c)) return false;
    }
    const char *domain = at + 1;
    if (domain[0] == '.' || domain[0] == '-' || strstr(domain, "..")) return false;
    return domain[strlen(domain) - 1] != '.';
}

bool jobs_mail_template_exists(const struct config *cfg, const char *name)
{
    if (!name || !is_word(name, JOBS_MAIL_TEMPLATE_MAX, false)) return false;
    static const char *const parts[] = { "subject", "txt", "html" };
    for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
        char path[4096];
        int n = snprintf(path, sizeof(path), "%s/templates/mail/%s.%s.cs", cfg->root_dir, name,
                         parts[i]);
        if (n < 0 || (size_t)n >= sizeof(path) || access(path, R_OK) != 0) return false;
    }
    return true;
}

/* After the commit that made queued jobs visible: wake the worker now rather than at its
 * next poll. */
static void wake_after_commit(struct wm_ctx *ctx)
{
    jobs_wake(ctx->config);
}

int jobs_enqueue(struct wm_ctx *ctx, const char *kind, const char *payload_json, int64_t delay_s,
                 int64_t *id)
{
    if (id) *id = 0;
    if (!kind || !is_word(kind, JOBS_KIND_MAX, false))
        return wm_errorf(ctx, WM_EINVAL, "job kind must be 1 to %d of [a-z0-9_]", JOBS_KIND_MAX);
    if (!payload_json || payload_json[0] != '{')
        return wm_errorf(ctx, WM_EINVAL, "job payload must be a JSON object");
    if (strlen(payload_json) > JOBS_PAYLOAD_MAX)
        return wm_errorf(ctx, WM_EINVAL, "job payload is longer than %d bytes", JOBS_PAYLOAD_MAX);
    if (delay_s < 0 || delay_s > JOBS_DELAY_MAX)
        return wm_errorf(ctx, WM_EINVAL, "job delay must be between 0 and %d seconds",
                         JOBS_DELAY_MAX);
    if (!db_in_tx(ctx))
        return wm_errorf(ctx, WM_EINTERNAL,
                         "jobs_enqueue outside a transaction: the job must commit with its change");
    int64_t new_id = 0;
    int rc = jobs_db_insert(ctx, kind, payload_json, delay_s, &new_id);
    if (rc != WM_OK) return rc;
    if (id) *id = new_id;
    if (delay_s == 0) ctx->after_commit = wake_after_commit;
    log_debug("job %lld queued: %s", (long long)new_id, kind);
    return WM_OK;
}

int jobs_enqueue_mail(struct wm_ctx *ctx, const char *to, const char *template_name,
                      const char *const *vars, int64_t *id)
{
    if (id) *id = 0;
    if (!jobs_address_is_valid(to))
        return wm_errorf(ctx, WM_EINVAL, "'%s' is not a mail address", to ? to : "(null)");
    if (!jobs_mail_template_exists(ctx->config, template_name))
        return wm_errorf(ctx, WM_EINVAL, "no mail template '%s' in templates/mail",
                         template_name ? template_name : "(null)");
    struct buf payload = BUF_INIT(ctx->arena);
    struct json_out j;
    json_out_init(&j, &payload);
    json_obj_begin(&j);
    json_key(&j, "to");
    json_str(&j, to);
    json_key(&j, "template");
    json_str(&j, template_name);
    json_key(&j, "vars");
    json_obj_begin(&j);
    size_t pairs = 0;
    for (const char *const *v = vars; v && v[0]; v += 2) {
        if (!v[1]) return wm_errorf(ctx, WM_EINVAL, "mail var '%s' has no value", v[0]);
        if (!is_word(v[0], JOBS_MAIL_VAR_KEY_MAX, true))
            return wm_errorf(ctx, WM_EINVAL, "mail var name '%s' is not 1 to %d of [A-Za-z0-9_]",
                             v[0], JOBS_MAIL_VAR_KEY_MAX);
        if (++pairs > JOBS_MAIL_VARS_MAX)
            return wm_errorf(ctx, WM_EINVAL, "more than %d mail vars", JOBS_MAIL_VARS_MAX);
        if (!is_utf8(v[1], strlen(v[1])))
            return wm_errorf(ctx, WM_EINVAL, "mail var '%s' is not UTF-8", v[0]);
        for (const char *const *w = vars; w < v; w += 2)
            if (strcmp(w[0], v[0]) == 0)
                return wm_errorf(ctx, WM_EINVAL, "mail var '%s' given twice", v[0]);
        json_key(&j, v[0]);
        json_str(&j, v[1]);
    }
    json_obj_end(&j);
    json_obj_end(&j);
    return jobs_enqueue(ctx, "mail", payload.ptr, 0, id);
}

void jobs_wake(const struct config *cfg)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    int n = snprintf(sa.sun_path, sizeof(sa.sun_path), "%s/run/worker.sock", cfg->var_dir);
    if (n < 0 || (size_t)n >= sizeof(sa.sun_path)) return;
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) return;
    if (sendto(fd, "w", 1, MSG_DONTWAIT, (const struct sockaddr *)&sa, sizeof(sa)) < 0 &&
        errno != ENOENT && errno != ECONNREFUSED && errno != EAGAIN)
        log_debug("jobs: wake datagram to %s: %s", sa.sun_path, strerror(errno));
    (void)close(fd);
}

int jobs_claim(struct wm_ctx *ctx, struct job **out)
{
    *out = NULL;
    const struct config *cfg = ctx->config;
    for (;;) {
        int rc = db_begin(ctx);
        if (rc != WM_OK) return rc;
        struct job *job = ARENA_NEW(ctx->arena, struct job);
        int found = 0;
        rc = jobs_db_lock_due(ctx, job, &found);
        if (rc == WM_OK && found && job->attempts >= cfg->jobs_max_attempts) {
            /* Its worker died (or hung past the lease) during the last allowed try. */
            rc = jobs_db_expire(ctx, job->id,
                                arena_printf(ctx->arena,
                                             "lease of %lld s ended during attempt %d of %lld",
                                             (long long)cfg->jobs_lease_s, job->attempts,
                                             (long long)cfg->jobs_max_attempts));
            if (rc == WM_OK) rc = db_commit(ctx);
            if (rc != WM_OK) return rc;
            log_warn("job %lld (%s) dead: lease ended on its last attempt", (long long)job->id,
                     job->kind);
            continue;
        }
        if (rc == WM_OK && found) {
            char token[2 * LEASE_BYTES + 1];
            if (rand_hex(token, LEASE_BYTES) != 0) {
                (void)db_rollback(ctx);
                return wm_errorf(ctx, WM_EINTERNAL, "getrandom failed: %s", strerror(errno));
            }
            job->lease_token = arena_strdup(ctx->arena, token);
            job->attempts++;
            rc = jobs_db_start(ctx, job->id, job->lease_token, cfg->jobs_lease_s);
        }
        if (rc != WM_OK) {
            (void)db_rollback(ctx);
            return rc;
        }
        rc = db_commit(ctx);
        if (rc != WM_OK) return rc;
        *out = found ? job : NULL;
        return WM_OK;
    }
}

int jobs_complete(struct wm_ctx *ctx, const struct job *job)
{
    int held = 0;
    int rc = jobs_db_done(ctx, job->id, job->lease_token, &held);
    if (rc != WM_OK) return rc;
    if (!held)
        return wm_errorf(ctx, WM_ECONFLICT, "job %lld: the claim was lost (lease ended)",
                         (long long)job->id);
    return WM_OK;
}

int64_t jobs_backoff_ms(const struct config *cfg, int attempts, uint32_t rnd)
{
    int64_t d = cfg->jobs_backoff_base_ms;
    for (int i = 1; i < attempts && d < cfg->jobs_backoff_max_ms; i++)
        d *= 2;
    if (d > cfg->jobs_backoff_max_ms) d = cfg->jobs_backoff_max_ms;
    int64_t half = d / 2;
    return d - half + (int64_t)(rnd % (uint64_t)(half + 1));
}

int jobs_fail(struct wm_ctx *ctx, const struct job *job, bool permanent, const char *error,
              int64_t *retry_ms)
{
    if (retry_ms) *retry_ms = -1;
    const char *why = error && error[0] ? error : "failed";
    int held = 0;
    int rc;
    int64_t delay = -1;
    if (permanent || job->attempts >= ctx->config->jobs_max_attempts) {
        rc = jobs_db_dead(ctx, job->id, job->lease_token, why, &held);
    } else {
        uint32_t rnd = 0;
        if (rand_bytes(&rnd, sizeof(rnd)) != 0) rnd = 0;
        delay = jobs_backoff_ms(ctx->config, job->attempts, rnd);
        rc = jobs_db_retry(ctx, job->id, job->lease_token, why, delay, &held);
    }
    if (rc != WM_OK) return rc;
    if (!held)
        return wm_errorf(ctx, WM_ECONFLICT, "job %lld: the claim was lost (lease ended)",
                         (long long)job->id);
    if (retry_ms) *retry_ms = delay;
    return WM_OK;
}

int jobs_get(struct wm_ctx *ctx, int64_t id, struct job_status *out)
{
    memset(out, 0, sizeof(*out));
    return jobs_db_get(ctx, id, out);
}

int jobs_pending(struct wm_ctx *ctx, const char *kind, bool *pending)
{
    int64_t n = 0;
    int rc = jobs_db_count_live(ctx, kind, &n);
    *pending = rc == WM_OK && n > 0;
    return rc;
}

int jobs_prune(struct wm_ctx *ctx, int64_t limit, int64_t *removed)
{
    const struct config *cfg = ctx->config;
    int64_t done = 0, dead = 0;
    *removed = 0;
    int rc = jobs_db_prune(ctx, "done", cfg->jobs_keep_done_days * 86400, limit, &done);
    if (rc == WM_OK)
        rc = jobs_db_prune(ctx, "dead", cfg->jobs_keep_dead_days * 86400, limit, &dead);
    *removed = done + dead;
    return rc;
}
