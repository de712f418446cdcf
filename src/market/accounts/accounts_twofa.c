/*
 * accounts_twofa.c: two-factor sign-in (accounts.h) over auth/totp: turning it on in two steps
 * (a secret waits for its first code), backup codes, the code step of sign-in, and turning it
 * off with the real password. Wrong codes and passwords count against rate limits.
 */
#include "market/accounts/accounts.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "auth/password.h"
#include "auth/ratelimit.h"
#include "auth/totp.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "market/accounts/accounts_int.h"

/* Wrong codes per session (verify2FA) and wrong passwords per account. */
static const struct ratelimit_rule LIMIT_TWOFA_SESSION = { "2fa.sess", 5, 300 };
static const struct ratelimit_rule LIMIT_PASSWORD_USER = { "pw.user", 5, 900 };

#define MSG_BAD_CODE     "Invalid code"
#define MSG_OTP_REQUIRED "Two-factor code required: send the code from your authenticator app"

static const char *id_text(struct wm_ctx *ctx, int64_t id)
{
    return arena_printf(ctx->arena, "%lld", (long long)id);
}

int accounts_check_password(struct wm_ctx *ctx, int64_t user_id, const char *password,
                            const char *what, bool *ok)
{
    *ok = false;
    int64_t now = (int64_t)time(NULL);
    const char *key = id_text(ctx, user_id);
    unsigned retry = 0;
    if (!ratelimit_allows(ctx, &LIMIT_PASSWORD_USER, key, now, &retry))
        return ratelimit_error(ctx, what, retry);
    char *stored = NULL;
    int rc = accounts_db_user_hash(ctx, user_id, &stored);
    if (rc == WM_ENOTFOUND)
        return wm_errorf(ctx, WM_EUNAUTH, "unauthorized: the token's user is gone");
    if (rc != WM_OK) return rc;
    bool rehash = false;
    rc = pw_verify(ctx, password, stored, ok, &rehash);
    if (rc != WM_OK) return rc;
    if (!*ok) ratelimit_count(ctx, &LIMIT_PASSWORD_USER, key, now);
    return WM_OK;
}

/* A backup code looks like "xxxx-xxxx" (or without the dash); a TOTP code is digits. */
static bool looks_like_backup(const char *code)
{
    size_t alnum = 0;
    bool letter = false;
    for (const char *p = code; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) letter = true;
        if (*p != '-' && *p != ' ') alnum++;
    }
    return letter || strchr(code, '-') || alnum == TOTP_BACKUP_CHARS;
}

/* Use up the unused backup code of user_id that code matches; *ok says whether one did. */
static int use_backup(struct wm_ctx *ctx, int64_t user_id, const char *code, bool *ok)
{
    int64_t *ids = NULL;
    char **hashes = NULL;
    size_t n = 0;
    *ok = false;
    int rc = accounts_db_backup_unused(ctx, user_id, &ids, &hashes, &n);
    if (rc != WM_OK) return rc;
    for (size_t i = 0; i < n; i++) {
        if (!totp_backup_matches(code, hashes[i])) continue;
        return accounts_db_backup_use(ctx, ids[i], ok);
    }
    return WM_OK;
}

/* Check code (TOTP or backup) against the confirmed secret of user_id; record its use. */
static int check_code(struct wm_ctx *ctx, int64_t user_id, const char *secret, int64_t last_step,
                      const char *code, int64_t now, bool *ok)
{
    *ok = false;
    if (looks_like_backup(code)) return use_backup(ctx, user_id, code, ok);
    int64_t step = 0;
    int rc = totp_verify(ctx, secret, code, now, last_step, &step, ok);
    if (rc == WM_EINVAL) {
        wm_clear_error(ctx);
        return WM_OK;
    }
    if (rc != WM_OK || !*ok) return rc;
    return accounts_db_twofa_used_step(ctx, user_id, step);
}

int accounts_twofa_login(struct wm_ctx *ctx, int64_t user_id, const char *code, int64_t now)
{
    char *secret = NULL;
    char *pending = NULL;
    int64_t last_step = -1;
    int rc = accounts_db_twofa_get(ctx, user_id, &secret, &pending, &last_step);
    if (rc != WM_OK) return rc;
    if (!secret) return WM_OK;
    if (!code || !*code) return wm_errorf(ctx, WM_EOTPREQUIRED, MSG_OTP_REQUIRED);
    bool ok = false;
    rc = check_code(ctx, user_id, secret, last_step, code, now, &ok);
    if (rc != WM_OK) return rc;
    return ok ? WM_OK : wm_errorf(ctx, WM_EUNAUTH, "Invalid two-factor code");
}

int account_twofa_enabled(struct wm_ctx *ctx, bool *enabled)
{
    const struct viewer *v = NULL;
    *enabled = false;
    int rc = account_viewer(ctx, &v);
    if (rc != WM_OK) return rc;
    char *secret = NULL;
    char *pending = NULL;
    int64_t last_step = -1;
    rc = accounts_db_twofa_get(ctx, v->user_id, &secret, &pending, &last_step);
    *enabled = rc == WM_OK && secret != NULL;
    return rc;
}

int account_twofa_begin(struct wm_ctx *ctx, struct account_twofa_setup *out)
{
    const struct viewer *v = NULL;
    memset(out, 0, sizeof(*out));
    int rc = account_viewer(ctx, &v);
    if (rc != WM_OK) return rc;
    char *secret = NULL;
    char *pending = NULL;
    int64_t last_step = -1;
    rc = accounts_db_twofa_get(ctx, v->user_id, &secret, &pending, &last_step);
    if (rc != WM_OK) return rc;
    if (secret)
        return wm_errorf(ctx, WM_ECONFLICT,
                         "Two-factor authentication is already on; turn it off first");
    struct user *u = NULL;
    rc = account_user_get(ctx, v->user_id, &u);
    if (rc == WM_OK) rc = totp_new_secret(ctx, &out->secret);
    if (rc == WM_OK)
        rc = totp_uri(ctx, ctx->config->auth_totp_issuer, u->email, out->secret, &out->uri);
    if (rc == WM_OK) rc = totp_qr_data_url(ctx, out->uri, &out->qr_data_url);
    if (rc == WM_OK) rc = totp_backup_codes(ctx, TOTP_BACKUP_COUNT, &out->backup_codes);
    if (rc != WM_OK) return rc;
    char **hashes = ARENA_ARRAY(ctx->arena, char *, TOTP_BACKUP_COUNT);
    for (size_t i = 0; i < TOTP_BACKUP_COUNT; i++) {
        rc = totp_backup_hash(ctx, out->backup_codes[i], &hashes[i]);
        if (rc != WM_OK) return rc;
    }
    rc = accounts_db_twofa_set_pending(ctx, v->user_id, out->secret);
    if (rc == WM_OK) rc = accounts_db_backup_replace(ctx, v->user_id, hashes, TOTP_BACKUP_COUNT);
    return rc;
}

int account_twofa_verify(struct wm_ctx *ctx, const char *code, bool *enabled_now)
{
    const struct viewer *v = NULL;
    *enabled_now = false;
    int rc = account_viewer(ctx, &v);
    if (rc != WM_OK) return rc;
    int64_t now = (int64_t)time(NULL);
    const char *key = id_text(ctx, v->session_id);
    unsigned retry = 0;
    if (!ratelimit_allows(ctx, &LIMIT_TWOFA_SESSION, key, now, &retry))
        return ratelimit_error(ctx, "Two-factor code", retry);
    char *secret = NULL;
    char *pending = NULL;
    int64_t last_step = -1;
    rc = accounts_db_twofa_get(ctx, v->user_id, &secret, &pending, &last_step);
    if (rc != WM_OK) return rc;
    bool ok = false;
    if (pending) {
        /* The first code proves the authenticator holds the new secret. */
        int64_t step = 0;
        rc = totp_verify(ctx, pending, code, now, -1, &step, &ok);
        if (rc == WM_EINVAL) {
            wm_clear_error(ctx);
            rc = WM_OK;
        }
        if (rc == WM_OK && ok) {
            rc = accounts_db_twofa_confirm(ctx, v->user_id, step);
            *enabled_now = rc == WM_OK;
        }
    } else if (secret) {
        rc = check_code(ctx, v->user_id, secret, last_step, code, now, &ok);
    } else {
        return wm_errorf(ctx, WM_EINVAL,
                         "Two-factor authentication is not set up: call enable2FA first");
    }
    if (rc != WM_OK) return rc;
    if (!ok) {
        ratelimit_count(ctx, &LIMIT_TWOFA_SESSION, key, now);
        return wm_errorf(ctx, WM_EUNAUTH, MSG_BAD_CODE);
    }
    return WM_OK;
}

int account_twofa_disable(struct wm_ctx *ctx, const char *password)
{
    const struct viewer *v = NULL;
    int rc = account_viewer(ctx, &v);
    if (rc != WM_OK) return rc;
    bool ok = false;
    rc = accounts_check_password(ctx, v->user_id, password, "Turning off two-factor", &ok);
    if (rc != WM_OK) return rc;
    if (!ok) return wm_errorf(ctx, WM_EUNAUTH, "Incorrect password");
    char *secret = NULL;
    char *pending = NULL;
    int64_t last_step = -1;
    rc = accounts_db_twofa_get(ctx, v->user_id, &secret, &pending, &last_step);
    if (rc != WM_OK) return rc;
    if (!secret && !pending)
        return wm_errorf(ctx, WM_EINVAL, "Two-factor authentication is not on");
    return accounts_db_twofa_clear(ctx, v->user_id);
}
