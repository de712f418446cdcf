/*
 * accounts.c: the rules of the accounts domain (accounts.h): sign-up validation in Django's
 * words, sign-in without telling unknown emails from wrong passwords, sign-out by refresh
 * token, and the request's viewer from its access token. SQL lives in accounts_db.c.
 */
#include "market/accounts/accounts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "auth/device.h"
#include "auth/geo.h"
#include "auth/jwt.h"
#include "auth/password.h"
#include "auth/ratelimit.h"
#include "auth/totp.h"
#include "cache/cache.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/rand.h"
#include "market/accounts/accounts_int.h"

#define VIEWER_NS ACCOUNTS_VIEWER_NS

/* Longest User-Agent kept with a session (the column's size). */
#define UA_MAX 255

/* Rate limits of sign-up and sign-in (failures count; successes do not). */
static const struct ratelimit_rule LIMIT_LOGIN_ACCOUNT = { "login.acct", 5, 900 };
static const struct ratelimit_rule LIMIT_LOGIN_IP = { "login.ip", 20, 900 };
static const struct ratelimit_rule LIMIT_REGISTER_IP = { "register.ip", 10, 3600 };

/* Client messages of an unauthenticated viewer (the app looks for "token"/"unauthorized"). */
#define MSG_NO_TOKEN  "unauthorized: no access token was sent"
#define MSG_BAD_TOKEN "unauthorized: the Authorization header holds no Bearer or JWT token"
#define MSG_REVOKED   "unauthorized: the token's session has ended"

/* The words a client may send for an account type, and what each is stored as. */
static const struct {
    const char *word;
    const char *stored;
} account_types[] = {
    { "CUSTOMER", "CUSTOMER" },
    { "VENDOR", "VENDOR" },
    { "SUPPLIER", "VENDOR" }, /* the Flutter app's word for a vendor */
    { "RESELLER", "RESELLER" },
};

const char *account_type_parse(const char *word)
{
    if (!word) return NULL;
    for (size_t i = 0; i < sizeof(account_types) / sizeof(account_types[0]); i++)
        if (strcasecmp(word, account_types[i].word) == 0) return account_types[i].stored;
    return NULL;
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_alnum(char c)
{
    return is_alpha(c) || (c >= '0' && c <= '9');
}

/* RFC 5322 atext (dot-atom characters other than '.'). */
static bool is_atext(char c)
{
    return is_alnum(c) || (c != '\0' && strchr("!#$%&'*+/=?^_`{|}~-", c) != NULL);
}

bool account_email_is_valid(const char *email)
{
    size_t len = strlen(email);
    const char *at = strrchr(email, '@');
    if (len > ACCOUNT_EMAIL_MAX || !at || at == email) return false;
    /* Local part: dot-atom, no leading, trailing or doubled dot. */
    for (const char *p = email; p < at; p++) {
        if (*p == '.') {
            if (p == email || p + 1 == at || p[1] == '.') return false;
        } else if (!is_atext(*p)) {
            return false;
        }
    }
    /* Domain: labels of letters, digits and inner hyphens, at least two, the last alphabetic
     * and two characters or more (Django's rule, ASCII only). */
    const char *label = at + 1;
    size_t labels = 0;
    for (;;) {
        const char *end = label;
        while (is_alnum(*end) || *end == '-')
            end++;
        size_t n = (size_t)(end - label);
        if (n == 0 || n > 63 || label[0] == '-' || end[-1] == '-') return false;
        labels++;
        if (*end == '\0') {
            if (labels < 2 || n < 2) return false;
            for (const char *p = label; p < end; p++)
                if (!is_alpha(*p)) return false;
            return true;
        }
        if (*end != '.') return false;
        label = end + 1;
    }
}

void accounts_forget_viewers(struct wm_ctx *ctx)
{
    cache_ns_bump(ctx->cache, VIEWER_NS);
}

int accounts_issue_access(struct wm_ctx *ctx, int64_t user_id, int64_t sid, const char *email,
                          char **token)
{
    if (!ctx->jwt) return wm_errorf(ctx, WM_EINTERNAL, "no JWT keys are loaded");
    struct jwt_claims c = { .user_id = user_id, .session_id = sid, .email = email };
    return jwt_issue(ctx, ctx->jwt, &c, token);
}

int accounts_open_session(struct wm_ctx *ctx, int64_t user_id, bool remember_me,
                          struct account_tokens *out)
{
    memset(out, 0, sizeof(*out));
    char refresh[ACCOUNT_REFRESH_LEN + 1];
    if (rand_hex(refresh, ACCOUNT_REFRESH_BYTES) != WM_OK)
        return wm_errorf(ctx, WM_EINTERNAL, "getrandom failed");
    struct device dev;
    device_describe(ctx->user_agent, &dev);
    const char *ua = ctx->user_agent;
    if (ua && strlen(ua) > UA_MAX) ua = arena_strndup(ctx->arena, ua, UA_MAX);
    struct session_row row = {
        .user_id = user_id,
        .remember_me = remember_me,
        .ttl_s = remember_me ? ctx->config->auth_refresh_ttl : ctx->config->auth_refresh_ttl_short,
        .max_age_s = ctx->config->auth_session_max_age,
        .device_name = dev.name,
        .device_type = dev.type,
        .ip = ctx->client_ip,
        .user_agent = ua,
    };
    int64_t sid = 0;
    int rc = accounts_db_session_insert(ctx, &row, refresh, &sid);
    if (rc != WM_OK) return rc;
    struct user *u = ARENA_NEW(ctx->arena, struct user);
    rc = accounts_db_user_get(ctx, user_id, u);
    if (rc == WM_ENOTFOUND)
        return wm_errorf(ctx, WM_EINTERNAL, "user '%lld' vanished", (long long)user_id);
    if (rc != WM_OK) return rc;
    rc = accounts_issue_access(ctx, user_id, sid, u->email, &out->token);
    if (rc != WM_OK) return rc;
    out->refresh_token = arena_strdup(ctx->arena, refresh);
    out->user = u;
    out->session_id = sid;
    return WM_OK;
}

int account_register(struct wm_ctx *ctx, const struct account_signup *in, const char ***problems,
                     size_t *nproblems, struct account_tokens *out)
{
    const char **p = arena_zalloc_array(ctx->arena, ACCOUNT_MAX_PROBLEMS, sizeof(*p));
    size_t n = 0;
    *problems = p;
    *nproblems = 0;
    memset(out, 0, sizeof(*out));

    /* Per-IP limits apply to requests (a command line has no client address). */
    unsigned retry = 0;
    if (ctx->client_ip &&
        !ratelimit_hit(ctx, &LIMIT_REGISTER_IP, ctx->client_ip, (int64_t)time(NULL), &retry))
        return ratelimit_error(ctx, "Sign-up", retry);
    if (!account_email_is_valid(in->email)) {
        p[n++] = "Enter a valid email address.";
    } else {
        bool taken = false;
        int rc = accounts_db_email_taken(ctx, in->email, &taken);
        if (rc != WM_OK) return rc;
        if (taken) p[n++] = "A user with that email already exists.";
    }
    if (strlen(in->first_name) > ACCOUNT_NAME_MAX)
        p[n++] = "Ensure the first name has at most 150 characters.";
    if (strlen(in->last_name) > ACCOUNT_NAME_MAX)
        p[n++] = "Ensure the last name has at most 150 characters.";
    if (strcmp(in->password1, in->password2) != 0) p[n++] = "The two password fields didn't match.";
    const char *weak[PW_MAX_PROBLEMS];
    size_t nweak =
            pw_check_strength(ctx, in->password1, in->email, in->first_name, in->last_name, weak);
    for (size_t i = 0; i < nweak; i++)
        p[n++] = weak[i];
    const char *type = account_type_parse(in->account_type);
    if (!type) p[n++] = "Select a valid account type: CUSTOMER, SUPPLIER (VENDOR) or RESELLER.";
    if (n > 0) {
        *nproblems = n;
        return WM_EINVAL;
    }

    char *hash = NULL;
    int rc = pw_hash(ctx, in->password1, &hash);
    if (rc != WM_OK) return rc;
    int64_t id = 0;
    rc = accounts_db_user_insert(ctx, in, type, hash, &id);
    if (rc == WM_OK && !in->email_verified)
        rc = accounts_email_send_verification(ctx, id, in->email, in->first_name);
    if (rc != WM_OK) return rc;
    return accounts_open_session(ctx, id, true, out);
}

/* A failed sign-in: counted against the account and the IP, then the one message. */
static int login_failed(struct wm_ctx *ctx, const char *email, int64_t now)
{
    ratelimit_count(ctx, &LIMIT_LOGIN_ACCOUNT, email, now);
    if (ctx->client_ip) ratelimit_count(ctx, &LIMIT_LOGIN_IP, ctx->client_ip, now);
    return wm_errorf(ctx, WM_EUNAUTH, ACCOUNT_MSG_BAD_LOGIN);
}

int account_login(struct wm_ctx *ctx, const struct account_credentials *in,
                  struct account_tokens *out)
{
    memset(out, 0, sizeof(*out));
    int64_t now = (int64_t)time(NULL);
    /* Limits are checked before any password work, keyed by the lowercased email so that
     * case variants share a bucket. */
    char *email_key = arena_strdup(ctx->arena, in->email);
    for (char *c = email_key; *c; c++)
        if (*c >= 'A' && *c <= 'Z') *c = (char)(*c - 'A' + 'a');
    unsigned retry = 0;
    if ((ctx->client_ip && !ratelimit_allows(ctx, &LIMIT_LOGIN_IP, ctx->client_ip, now, &retry)) ||
        !ratelimit_allows(ctx, &LIMIT_LOGIN_ACCOUNT, email_key, now, &retry))
        return ratelimit_error(ctx, "Sign-in", retry);

    int64_t id = 0;
    char *stored = NULL;
    bool active = false;
    int rc = accounts_db_user_login(ctx, in->email, &id, &stored, &active);
    if (rc == WM_ENOTFOUND) {
        /* As slow as a wrong password, so timing does not tell which emails exist. */
        char *unused = NULL;
        rc = pw_hash(ctx, in->password, &unused);
        if (rc != WM_OK) return rc;
        return login_failed(ctx, email_key, now);
    }
    if (rc != WM_OK) return rc;
    bool ok = false;
    bool rehash = false;
    rc = pw_verify(ctx, in->password, stored, &ok, &rehash);
    if (rc != WM_OK) return rc;
    if (!ok || !active) return login_failed(ctx, email_key, now);
    rc = accounts_twofa_login(ctx, id, in->otp_code, now);
    if (rc == WM_EUNAUTH) {
        /* The password was right (OTP_REQUIRED already said so): name what was wrong. */
        const char *msg = ctx->err.message;
        login_failed(ctx, email_key, now);
        return wm_errorf(ctx, WM_EUNAUTH, "%s", msg);
    }
    if (rc != WM_OK) return rc;
    if (rehash) {
        char *fresh = NULL;
        rc = pw_hash(ctx, in->password, &fresh);
        if (rc == WM_OK) rc = accounts_db_user_set_hash(ctx, id, fresh);
        if (rc != WM_OK) return rc;
    }
    return accounts_open_session(ctx, id, in->remember_me, out);
}

int account_logout(struct wm_ctx *ctx, const char *refresh_token)
{
    if (strlen(refresh_token) != ACCOUNT_REFRESH_LEN) return WM_OK;
    int64_t sid = 0;
    int rc = accounts_db_session_revoke(ctx, refresh_token, "logout", &sid);
    if (rc != WM_OK) return rc;
    if (sid) accounts_forget_viewers(ctx);
    return WM_OK;
}

/* Sessions this process recorded activity for lately (a small direct-mapped table): the
 * same session's next requests within TOUCH_INTERVAL_S skip even the memcached marker. */
#define TOUCH_INTERVAL_S 60
#define TOUCH_SLOTS      256
static struct {
    int64_t sid;
    int64_t at; /* clock_s() of the touch */
} touched[TOUCH_SLOTS];

/* Record activity on session sid at most once a minute: this process remembers the sessions
 * it touched, and a memcached marker decides which process writes (without a cache, the
 * conditional UPDATE alone does). */
void accounts_session_touch(struct wm_ctx *ctx, int64_t sid)
{
    int64_t now = (int64_t)clock_s();
    size_t slot = (size_t)((uint64_t)sid % TOUCH_SLOTS);
    if (touched[slot].sid == sid && now - touched[slot].at < TOUCH_INTERVAL_S) return;
    touched[slot].sid = sid;
    touched[slot].at = now;
    if (cache_enabled(ctx->cache)) {
        char key[48];
        int n = snprintf(key, sizeof(key), "acct.seen:%lld", (long long)sid);
        if (!cache_add(ctx->cache, (struct str){ key, (size_t)n }, "1", 1, 60)) return;
    }
    if (accounts_db_session_touch(ctx, sid) != WM_OK) wm_clear_error(ctx);
}

static struct viewer *viewer_failed(struct wm_ctx *ctx, struct viewer *v, int status,
                                    const char *message)
{
    memset(v, 0, sizeof(*v));
    v->status = status;
    v->message = message;
    ctx->viewer = v;
    return v;
}

/* Is session sid of user uid live? Asks memcached first (one round trip: the answer is kept
 * with the version of VIEWER_NS it was read under), the database on a miss. */
static int session_is_live(struct wm_ctx *ctx, int64_t sid, int64_t uid, bool *live)
{
    static const char *const ns[] = { VIEWER_NS };
    struct str key = str_from(arena_printf(ctx->arena, "acct.live:%lld", (long long)sid));
    uint64_t version = 0;
    struct str val;
    if (cache_get_current(ctx->cache, ctx->arena, key, ns, 1, &version, &val)) {
        int64_t cached = 0;
        if (str_to_int64(val, &cached) && cached == uid) {
            *live = true;
            return WM_OK;
        }
    }
    int rc = accounts_db_session_live(ctx, sid, uid, ctx->config->auth_session_idle, live);
    if (rc != WM_OK) return rc;
    if (*live) {
        char uval[24];
        int n = snprintf(uval, sizeof(uval), "%lld", (long long)uid);
        cache_set_current(ctx->cache, ctx->arena, key, &version, 1, uval, (size_t)n,
                          ACCOUNT_VIEWER_TTL);
    }
    return WM_OK;
}

/* Check token as a viewer: WM_OK with *c filled, or the status and message of the viewer
 * (*msg). A database error returns its code with *msg the client message. */
static int check_token(struct wm_ctx *ctx, const char *token, struct jwt_claims *c,
                       const char **msg)
{
    if (!ctx->jwt) {
        *msg = JWT_MSG_DECODE;
        return WM_EUNAUTH;
    }
    int rc = jwt_verify(ctx, ctx->jwt, token, (int64_t)time(NULL), c);
    if (rc != WM_OK) {
        const char *m = ctx->err.message ? ctx->err.message : JWT_MSG_DECODE;
        if (!strstr(m, "token")) m = arena_printf(ctx->arena, "%s: invalid token", m);
        *msg = m;
        wm_clear_error(ctx);
        return rc == WM_EEXPIRED ? WM_EEXPIRED : WM_EUNAUTH;
    }
    bool live = false;
    rc = session_is_live(ctx, c->session_id, c->user_id, &live);
    if (rc != WM_OK) {
        *msg = wm_client_message(ctx, rc);
        return rc;
    }
    if (!live) {
        *msg = MSG_REVOKED;
        return WM_EUNAUTH;
    }
    return WM_OK;
}

int account_authenticate(struct wm_ctx *ctx, const char *authorization)
{
    struct viewer *v = ARENA_NEW(ctx->arena, struct viewer);
    if (!authorization || !*authorization) {
        viewer_failed(ctx, v, WM_EUNAUTH, MSG_NO_TOKEN);
        return WM_OK;
    }
    struct str token;
    if (!jwt_from_authorization(authorization, &token)) {
        viewer_failed(ctx, v, WM_EUNAUTH, MSG_BAD_TOKEN);
        return WM_OK;
    }
    struct jwt_claims c;
    const char *msg = NULL;
    int rc = check_token(ctx, token.ptr, &c, &msg);
    if (rc != WM_OK) {
        viewer_failed(ctx, v, rc, msg);
        return rc == WM_EUNAUTH || rc == WM_EEXPIRED ? WM_OK : rc;
    }
    memset(v, 0, sizeof(*v));
    v->status = WM_OK;
    v->user_id = c.user_id;
    v->session_id = c.session_id;
    ctx->viewer = v;
    accounts_session_touch(ctx, c.session_id);
    return WM_OK;
}

int account_verify_token(struct wm_ctx *ctx, const char *token, struct jwt_claims *claims)
{
    const char *msg = NULL;
    int rc = check_token(ctx, token, claims, &msg);
    if (rc != WM_OK) return wm_errorf(ctx, rc, "%s", msg);
    return WM_OK;
}

int account_viewer(struct wm_ctx *ctx, const struct viewer **out)
{
    const struct viewer *v = ctx->viewer;
    *out = NULL;
    if (!v) return wm_errorf(ctx, WM_EUNAUTH, MSG_NO_TOKEN);
    if (v->status != WM_OK) return wm_errorf(ctx, v->status, "%s", v->message);
    *out = v;
    return WM_OK;
}

int account_require_vendor(struct wm_ctx *ctx, const struct viewer **out)
{
    const struct viewer *v = NULL;
    *out = NULL;
    int rc = account_viewer(ctx, &v);
    if (rc != WM_OK) return rc;
    if (!v) return wm_errorf(ctx, WM_EINTERNAL, "no viewer");
    struct user *u = NULL;
    rc = account_user_get(ctx, v->user_id, &u);
    if (rc != WM_OK) return rc;
    if (!u) return wm_errorf(ctx, WM_EINTERNAL, "no user");
    if (!u->account_type || strcmp(u->account_type, "VENDOR") != 0)
        return wm_errorf(ctx, WM_EPERM, ACCOUNT_MSG_FORBIDDEN);
    *out = v;
    return WM_OK;
}

int account_user_get(struct wm_ctx *ctx, int64_t id, struct user **out)
{
    struct user *u = ARENA_NEW(ctx->arena, struct user);
    int rc = accounts_db_user_get(ctx, id, u);
    if (rc == WM_ENOTFOUND)
        return wm_errorf(ctx, WM_ENOTFOUND, "unknown user '%lld'", (long long)id);
    *out = rc == WM_OK ? u : NULL;
    return rc;
}
