/*
 * accounts_email.c: flows that go through the user's mailbox (accounts.h): confirming the
 * address with a link, and choosing a new password with a link. A link carries a random token
 * of which only the SHA-256 is stored; it works once and for a limited time. Mails are jobs of
 * the outbox (market/jobs), queued in the transaction of the change and sent by `market
 * worker`. Answers never tell whether an address has an account.
 */
#include "market/accounts/accounts.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "auth/password.h"
#include "auth/ratelimit.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/rand.h"
#include "market/accounts/accounts_int.h"
#include "market/jobs/jobs.h"

/* Random bytes of a link token (64 hex characters in the link). */
#define LINK_TOKEN_BYTES 32
#define LINK_TOKEN_LEN   64

/* Requests for links: per address and per IP (reset), per account (verification). */
static const struct ratelimit_rule LIMIT_RESET_EMAIL = { "reset.email", 3, 3600 };
static const struct ratelimit_rule LIMIT_RESET_IP = { "reset.ip", 10, 3600 };
static const struct ratelimit_rule LIMIT_VERIFY_RESEND = { "verify.user", 3, 3600 };

/* A new token and its link <site.url><path>?token=<token>. */
static int new_link(struct wm_ctx *ctx, const char *path, char token[LINK_TOKEN_LEN + 1],
                    char **link)
{
    if (rand_hex(token, LINK_TOKEN_BYTES) != WM_OK)
        return wm_errorf(ctx, WM_EINTERNAL, "getrandom failed");
    struct str base = str_from(ctx->config->site_url);
    while (base.len > 0 && base.ptr[base.len - 1] == '/')
        base.len--;
    *link = arena_printf(ctx->arena, "%.*s%s?token=%s", STR_FMT(base), path, token);
    return WM_OK;
}

/* A token as we make them: LINK_TOKEN_LEN lowercase hex characters. */
static bool is_link_token(const char *t)
{
    if (strlen(t) != LINK_TOKEN_LEN) return false;
    for (const char *p = t; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'))) return false;
    return true;
}

int accounts_email_send_verification(struct wm_ctx *ctx, int64_t user_id, const char *email,
                                     const char *name)
{
    char token[LINK_TOKEN_LEN + 1];
    char *link = NULL;
    int rc = new_link(ctx, "/verify-email", token, &link);
    if (rc == WM_OK) rc = accounts_db_email_tokens_retire(ctx, user_id, EMAIL_TOKEN_VERIFY);
    if (rc == WM_OK)
        rc = accounts_db_email_token_insert(ctx, user_id, EMAIL_TOKEN_VERIFY, token, email,
                                            ctx->config->auth_verify_ttl);
    const char *vars[] = { "name", name ? name : "", "link", link, NULL };
    if (rc == WM_OK) rc = jobs_enqueue_mail(ctx, email, "verify_email", vars, NULL);
    return rc;
}

int account_email_verify(struct wm_ctx *ctx, const char *token)
{
    if (!is_link_token(token)) return wm_errorf(ctx, WM_EINVAL, ACCOUNT_MSG_BAD_LINK);
    int64_t uid = 0;
    char *email = NULL;
    int rc = accounts_db_email_token_take(ctx, token, EMAIL_TOKEN_VERIFY, &uid, &email);
    if (rc == WM_ENOTFOUND) return wm_errorf(ctx, WM_EINVAL, ACCOUNT_MSG_BAD_LINK);
    if (rc != WM_OK) return rc;
    return accounts_db_user_set_verified(ctx, uid, email);
}

int account_email_resend(struct wm_ctx *ctx)
{
    const struct viewer *v = NULL;
    int rc = account_viewer(ctx, &v);
    if (rc != WM_OK) return rc;
    struct user *u = NULL;
    rc = account_user_get(ctx, v->user_id, &u);
    if (rc != WM_OK) return rc;
    if (u->email_verified)
        return wm_errorf(ctx, WM_ECONFLICT, "Your email address is already verified.");
    unsigned retry = 0;
    const char *key = arena_printf(ctx->arena, "%lld", (long long)v->user_id);
    if (!ratelimit_hit(ctx, &LIMIT_VERIFY_RESEND, key, (int64_t)time(NULL), &retry))
        return ratelimit_error(ctx, "Verification email", retry);
    return accounts_email_send_verification(ctx, u->id, u->email, u->first_name);
}

int account_password_reset_request(struct wm_ctx *ctx, const char *email)
{
    int64_t now = (int64_t)time(NULL);
    char *key = arena_strdup(ctx->arena, email);
    for (char *c = key; *c; c++)
        if (*c >= 'A' && *c <= 'Z') *c = (char)(*c - 'A' + 'a');
    unsigned retry = 0;
    if ((ctx->client_ip && !ratelimit_hit(ctx, &LIMIT_RESET_IP, ctx->client_ip, now, &retry)) ||
        !ratelimit_hit(ctx, &LIMIT_RESET_EMAIL, key, now, &retry))
        return ratelimit_error(ctx, "Password reset", retry);
    int64_t id = 0;
    char *hash = NULL;
    bool active = false;
    int rc = accounts_db_user_login(ctx, email, &id, &hash, &active);
    if (rc == WM_ENOTFOUND || (rc == WM_OK && !active)) return WM_OK;
    if (rc != WM_OK) return rc;
    struct user *u = NULL;
    rc = account_user_get(ctx, id, &u);
    char token[LINK_TOKEN_LEN + 1];
    char *link = NULL;
    if (rc == WM_OK) rc = new_link(ctx, "/reset-password", token, &link);
    if (rc == WM_OK) rc = accounts_db_email_tokens_retire(ctx, id, EMAIL_TOKEN_RESET);
    if (rc == WM_OK)
        rc = accounts_db_email_token_insert(ctx, id, EMAIL_TOKEN_RESET, token, u->email,
                                            ACCOUNT_RESET_TTL);
    const char *minutes = arena_printf(ctx->arena, "%d", ACCOUNT_RESET_TTL / 60);
    const char *vars[] = { "name", u ? u->first_name : "", "link", link, "expires_minutes", minutes,
                           NULL };
    if (rc == WM_OK) rc = jobs_enqueue_mail(ctx, u->email, "password_reset", vars, NULL);
    return rc;
}

int account_password_reset(struct wm_ctx *ctx, const char *token, const char *fresh)
{
    if (!is_link_token(token)) return wm_errorf(ctx, WM_EINVAL, ACCOUNT_MSG_BAD_LINK);
    int64_t uid = 0;
    char *email = NULL;
    int rc = accounts_db_email_token_take(ctx, token, EMAIL_TOKEN_RESET, &uid, &email);
    if (rc == WM_ENOTFOUND) return wm_errorf(ctx, WM_EINVAL, ACCOUNT_MSG_BAD_LINK);
    if (rc != WM_OK) return rc;
    struct user *u = NULL;
    rc = account_user_get(ctx, uid, &u);
    if (rc != WM_OK) return rc;
    const char *problems[PW_MAX_PROBLEMS];
    size_t n = pw_check_strength(ctx, fresh, u->email, u->first_name, u->last_name, problems);
    if (n > 0) {
        struct buf b;
        buf_init(&b, ctx->arena, 128);
        for (size_t i = 0; i < n; i++) {
            if (i) buf_appends(&b, " ");
            buf_appends(&b, problems[i]);
        }
        return wm_errorf(ctx, WM_EINVAL, "%s", b.ptr);
    }
    char *hash = NULL;
    rc = pw_hash(ctx, fresh, &hash);
    if (rc == WM_OK) rc = accounts_db_user_set_password(ctx, uid, hash);
    if (rc == WM_OK) rc = accounts_db_email_tokens_retire(ctx, uid, EMAIL_TOKEN_RESET);
    /* The link reached the mailbox, so the address is the user's. */
    if (rc == WM_OK) rc = accounts_db_user_set_verified(ctx, uid, email);
    int64_t ended = 0;
    if (rc == WM_OK) rc = accounts_db_sessions_revoke_others(ctx, uid, 0, "password_reset", &ended);
    if (rc == WM_OK && ended > 0) accounts_forget_viewers(ctx);
    return rc;
}

/* Is word one of the comma-separated words of list? */
static bool listed(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list; p && *p;) {
        while (*p == ' ' || *p == ',')
            p++;
        const char *end = p;
        while (*end && *end != ',' && *end != ' ')
            end++;
        if ((size_t)(end - p) == n && strncmp(p, word, n) == 0) return true;
        p = end;
    }
    return false;
}

int account_require_verified(struct wm_ctx *ctx, const char *action)
{
    const struct viewer *v = NULL;
    int rc = account_viewer(ctx, &v);
    if (rc != WM_OK) return rc;
    if (!listed(ctx->config->auth_require_verified, action)) return WM_OK;
    struct user *u = NULL;
    rc = account_user_get(ctx, v->user_id, &u);
    if (rc != WM_OK) return rc;
    if (u->email_verified) return WM_OK;
    return wm_errorf(ctx, WM_EPERM, "Verify your email address before you %s.", action);
}
