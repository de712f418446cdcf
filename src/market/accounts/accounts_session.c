/*
 * accounts_session.c: what happens to a session after sign-in (accounts.h): refresh-token
 * rotation with reuse detection, revocation by refresh token, and the viewer's list of
 * sessions with sign-out of one or all others. SQL lives in accounts_db.c.
 */
#include "market/accounts/accounts.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "auth/geo.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/log.h"
#include "core/rand.h"
#include "db/db.h"
#include "market/accounts/accounts_int.h"

/* A refresh token as we issue them: ACCOUNT_REFRESH_LEN lowercase hex characters. */
static bool is_refresh_token(const char *t)
{
    if (strlen(t) != ACCOUNT_REFRESH_LEN) return false;
    for (const char *p = t; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'))) return false;
    return true;
}

/*
 * A rotated-away token came back: whoever holds the session's current token may be a thief,
 * so the session ends for both. The revocation is committed now, since the mutation fails and
 * its transaction is rolled back.
 */
static int revoke_reused(struct wm_ctx *ctx, int64_t sid)
{
    int rc = accounts_db_session_end(ctx, sid, "reuse");
    if (rc == WM_OK) rc = db_commit(ctx);
    if (rc == WM_OK) rc = db_begin(ctx);
    if (rc != WM_OK) return rc;
    accounts_forget_viewers(ctx);
    log_warn("refresh token reused: session %lld revoked", (long long)sid);
    return wm_errorf(ctx, WM_EUNAUTH, ACCOUNT_MSG_BAD_REFRESH);
}

int account_refresh(struct wm_ctx *ctx, const char *refresh_token, struct account_tokens *out,
                    int64_t *refresh_expires_at)
{
    memset(out, 0, sizeof(*out));
    *refresh_expires_at = 0;
    if (!is_refresh_token(refresh_token))
        return wm_errorf(ctx, WM_EUNAUTH, ACCOUNT_MSG_BAD_REFRESH);
    int64_t sid = 0;
    int64_t uid = 0;
    bool remember = false;
    enum session_state state = SESSION_LIVE;
    int rc = accounts_db_session_by_refresh(ctx, refresh_token, ctx->config->auth_session_idle,
                                            &sid, &uid, &remember, &state);
    if (rc == WM_ENOTFOUND) {
        rc = accounts_db_session_rotated(ctx, refresh_token, &sid);
        if (rc == WM_OK) return revoke_reused(ctx, sid);
        if (rc == WM_ENOTFOUND) return wm_errorf(ctx, WM_EUNAUTH, ACCOUNT_MSG_BAD_REFRESH);
        return rc;
    }
    if (rc != WM_OK) return rc;
    if (state == SESSION_REVOKED) return wm_errorf(ctx, WM_EUNAUTH, ACCOUNT_MSG_BAD_REFRESH);
    if (state == SESSION_ENDED) return wm_errorf(ctx, WM_EEXPIRED, ACCOUNT_MSG_EXPIRED_REFRESH);

    char fresh[ACCOUNT_REFRESH_LEN + 1];
    if (rand_hex(fresh, ACCOUNT_REFRESH_BYTES) != WM_OK)
        return wm_errorf(ctx, WM_EINTERNAL, "getrandom failed");
    int64_t ttl = remember ? ctx->config->auth_refresh_ttl : ctx->config->auth_refresh_ttl_short;
    rc = accounts_db_session_rotate(ctx, sid, refresh_token, fresh, ttl, refresh_expires_at);
    if (rc != WM_OK) return rc;
    rc = account_user_get(ctx, uid, &out->user);
    if (rc != WM_OK) return rc;
    rc = accounts_issue_access(ctx, uid, sid, out->user->email, &out->token);
    if (rc != WM_OK) return rc;
    out->refresh_token = arena_strdup(ctx->arena, fresh);
    out->session_id = sid;
    return WM_OK;
}

int account_revoke_refresh(struct wm_ctx *ctx, const char *refresh_token, int64_t *revoked_at)
{
    *revoked_at = 0;
    if (!is_refresh_token(refresh_token))
        return wm_errorf(ctx, WM_EUNAUTH, ACCOUNT_MSG_BAD_REFRESH);
    int64_t sid = 0;
    int rc = accounts_db_session_revoke(ctx, refresh_token, "revoked", &sid);
    if (rc != WM_OK) return rc;
    if (!sid) return wm_errorf(ctx, WM_EUNAUTH, ACCOUNT_MSG_BAD_REFRESH);
    accounts_forget_viewers(ctx);
    *revoked_at = (int64_t)time(NULL);
    return WM_OK;
}

int account_sessions(struct wm_ctx *ctx, struct account_session **out, size_t *n)
{
    const struct viewer *v = NULL;
    *out = NULL;
    *n = 0;
    int rc = account_viewer(ctx, &v);
    if (rc != WM_OK) return rc;
    rc = accounts_db_sessions_list(ctx, v->user_id, ctx->config->auth_session_idle, out, n);
    if (rc != WM_OK) return rc;
    for (size_t i = 0; i < *n; i++) {
        struct account_session *s = &(*out)[i];
        s->current = s->id == v->session_id;
        const char *where = geo_location(s->ip);
        s->location = where ? arena_strdup(ctx->arena, where) : NULL;
    }
    return WM_OK;
}

int account_session_terminate(struct wm_ctx *ctx, const char *id)
{
    const struct viewer *v = NULL;
    int rc = account_viewer(ctx, &v);
    if (rc != WM_OK) return rc;
    int64_t sid = 0;
    if (!str_to_int64(str_from(id), &sid) || sid <= 0)
        return wm_errorf(ctx, WM_ENOTFOUND, "Session not found");
    bool revoked = false;
    rc = accounts_db_session_revoke_id(ctx, sid, v->user_id, "terminated", &revoked);
    if (rc != WM_OK) return rc;
    if (!revoked) return wm_errorf(ctx, WM_ENOTFOUND, "Session not found");
    accounts_forget_viewers(ctx);
    return WM_OK;
}

int account_sessions_terminate_others(struct wm_ctx *ctx, int64_t *n)
{
    const struct viewer *v = NULL;
    *n = 0;
    int rc = account_viewer(ctx, &v);
    if (rc != WM_OK) return rc;
    rc = accounts_db_sessions_revoke_others(ctx, v->user_id, v->session_id, "terminated", n);
    if (rc != WM_OK) return rc;
    if (*n > 0) accounts_forget_viewers(ctx);
    return WM_OK;
}
