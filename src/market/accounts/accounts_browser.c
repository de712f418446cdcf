/*
 * accounts_browser.c: the accounts domain for browsers (accounts.h): who is calling from a
 * session cookie, and the CSRF tokens that bind a form to a browser and its session.
 */
#include "market/accounts/accounts.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "auth/csrf.h"
#include "cache/cache.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "market/accounts/accounts_int.h"

#define MSG_NO_SESSION "unauthorized: the session cookie holds no live session"

static void viewer_out(struct wm_ctx *ctx, int status, int64_t sid, int64_t uid)
{
    struct viewer *v = ARENA_NEW(ctx->arena, struct viewer);
    v->status = status;
    v->message = status == WM_OK ? NULL : MSG_NO_SESSION;
    v->session_id = status == WM_OK ? sid : 0;
    v->user_id = status == WM_OK ? uid : 0;
    ctx->viewer = v;
}

/* True when t looks like a refresh token we issue (lowercase hex of the right length). */
static bool is_token(const char *t)
{
    if (!t || strlen(t) != ACCOUNT_REFRESH_LEN) return false;
    for (const char *p = t; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'))) return false;
    return true;
}

int account_authenticate_cookie(struct wm_ctx *ctx, const char *session_token)
{
    if (!is_token(session_token) || !ctx->cookie_key) {
        viewer_out(ctx, WM_EUNAUTH, 0, 0);
        return WM_OK;
    }
    /* The cache key is a keyed hash of the token, never the token itself. */
    char h[CSRF_HMAC_HEX_LEN + 1];
    const char *parts[] = { "session", session_token };
    csrf_hmac_hex(ctx->cookie_key, parts, 2, h);
    static const char *const ns[] = { ACCOUNTS_VIEWER_NS };
    struct str key = str_from(arena_printf(ctx->arena, "acct.cookie:%.32s", h));
    uint64_t version = 0;
    struct str val;
    int64_t sid = 0;
    int64_t uid = 0;
    if (cache_get_current(ctx->cache, ctx->arena, key, ns, 1, &version, &val)) {
        const char *colon = memchr(val.ptr, ':', val.len);
        if (colon && str_to_int64((struct str){ val.ptr, (size_t)(colon - val.ptr) }, &sid) &&
            str_to_int64((struct str){ colon + 1, val.len - (size_t)(colon + 1 - val.ptr) },
                         &uid) &&
            sid > 0 && uid > 0) {
            viewer_out(ctx, WM_OK, sid, uid);
            accounts_session_touch(ctx, sid);
            return WM_OK;
        }
    }
    int rc = accounts_db_session_live_by_refresh(ctx, session_token, ctx->config->auth_session_idle,
                                                 &sid, &uid);
    if (rc == WM_ENOTFOUND) {
        wm_clear_error(ctx);
        viewer_out(ctx, WM_EUNAUTH, 0, 0);
        return WM_OK;
    }
    if (rc != WM_OK) {
        viewer_out(ctx, WM_EUNAUTH, 0, 0);
        return rc;
    }
    char out[48];
    int n = snprintf(out, sizeof(out), "%lld:%lld", (long long)sid, (long long)uid);
    cache_set_current(ctx->cache, ctx->arena, key, &version, 1, out, (size_t)n, ACCOUNT_VIEWER_TTL);
    viewer_out(ctx, WM_OK, sid, uid);
    accounts_session_touch(ctx, sid);
    return WM_OK;
}

const char *account_csrf_token(struct wm_ctx *ctx, const char *browser, const char *session_token)
{
    assert(ctx->cookie_key);
    char h[CSRF_HMAC_HEX_LEN + 1];
    const char *parts[] = { "csrf", browser ? browser : "", session_token ? session_token : "" };
    csrf_hmac_hex(ctx->cookie_key, parts, 3, h);
    return arena_strdup(ctx->arena, h);
}

bool account_csrf_valid(struct wm_ctx *ctx, const char *browser, const char *session_token,
                        const char *token)
{
    if (!ctx->cookie_key || !browser || !*browser || !token || !*token) return false;
    return csrf_equal(account_csrf_token(ctx, browser, session_token), token);
}
