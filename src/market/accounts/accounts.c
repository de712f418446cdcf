/*
 * accounts.c: the rules of the accounts domain (accounts.h): sign-up validation in Django's
 * words, sign-in without telling unknown emails from wrong passwords, sign-out by refresh
 * token, and the request's viewer from its access token. SQL lives in accounts_db.c.
 */
#include "market/accounts/accounts.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "auth/jwt.h"
#include "auth/password.h"
#include "cache/cache.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/rand.h"
#include "market/accounts/accounts_int.h"

/* Cache namespace of checked sessions; bumped by every revocation. */
#define VIEWER_NS "acct.sess"

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

/* Open a session for user_id and issue both tokens into out. */
static int sign_in(struct wm_ctx *ctx, int64_t user_id, bool remember_me,
                   struct account_tokens *out)
{
    if (!ctx->jwt) return wm_errorf(ctx, WM_EINTERNAL, "no JWT keys are loaded");
    char refresh[ACCOUNT_REFRESH_LEN + 1];
    if (rand_hex(refresh, ACCOUNT_REFRESH_BYTES) != WM_OK)
        return wm_errorf(ctx, WM_EINTERNAL, "getrandom failed");
    int64_t ttl = remember_me ? ctx->config->auth_refresh_ttl : ctx->config->auth_refresh_ttl_short;
    int64_t sid = 0;
    int rc = accounts_db_session_insert(ctx, user_id, refresh, remember_me, ttl, &sid);
    if (rc != WM_OK) return rc;
    struct user *u = ARENA_NEW(ctx->arena, struct user);
    rc = accounts_db_user_get(ctx, user_id, u);
    if (rc == WM_ENOTFOUND)
        return wm_errorf(ctx, WM_EINTERNAL, "user '%lld' vanished", (long long)user_id);
    if (rc != WM_OK) return rc;
    struct jwt_claims c = { .user_id = user_id, .session_id = sid, .email = u->email };
    rc = jwt_issue(ctx, ctx->jwt, &c, &out->token);
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
    if (rc != WM_OK) return rc;
    return sign_in(ctx, id, true, out);
}

int account_login(struct wm_ctx *ctx, const char *email, const char *password,
                  struct account_tokens *out)
{
    memset(out, 0, sizeof(*out));
    int64_t id = 0;
    char *stored = NULL;
    bool active = false;
    int rc = accounts_db_user_login(ctx, email, &id, &stored, &active);
    if (rc == WM_ENOTFOUND) {
        /* As slow as a wrong password, so timing does not tell which emails exist. */
        char *unused = NULL;
        rc = pw_hash(ctx, password, &unused);
        if (rc != WM_OK) return rc;
        return wm_errorf(ctx, WM_EUNAUTH, ACCOUNT_MSG_BAD_LOGIN);
    }
    if (rc != WM_OK) return rc;
    bool ok = false;
    bool rehash = false;
    rc = pw_verify(ctx, password, stored, &ok, &rehash);
    if (rc != WM_OK) return rc;
    if (!ok || !active) return wm_errorf(ctx, WM_EUNAUTH, ACCOUNT_MSG_BAD_LOGIN);
    if (rehash) {
        char *fresh = NULL;
        rc = pw_hash(ctx, password, &fresh);
        if (rc == WM_OK) rc = accounts_db_user_set_hash(ctx, id, fresh);
        if (rc != WM_OK) return rc;
    }
    return sign_in(ctx, id, true, out);
}

int account_logout(struct wm_ctx *ctx, const char *refresh_token)
{
    if (strlen(refresh_token) != ACCOUNT_REFRESH_LEN) return WM_OK;
    bool revoked = false;
    int rc = accounts_db_session_revoke(ctx, refresh_token, &revoked);
    if (rc != WM_OK) return rc;
    if (revoked) cache_ns_bump(ctx->cache, VIEWER_NS);
    return WM_OK;
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

/* Is session sid of user uid live? Asks memcached first, the database on a miss. */
static int session_is_live(struct wm_ctx *ctx, int64_t sid, int64_t uid, bool *live)
{
    char key[48];
    (void)snprintf(key, sizeof(key), "%lld", (long long)sid);
    char *nskey = cache_ns_key(ctx->cache, ctx->arena, VIEWER_NS, key);
    struct str val;
    if (cache_get(ctx->cache, ctx->arena, str_from(nskey), &val)) {
        int64_t cached = 0;
        if (str_to_int64(val, &cached) && cached == uid) {
            *live = true;
            return WM_OK;
        }
    }
    int rc = accounts_db_session_live(ctx, sid, uid, live);
    if (rc != WM_OK) return rc;
    if (*live) {
        char uval[24];
        int n = snprintf(uval, sizeof(uval), "%lld", (long long)uid);
        cache_set(ctx->cache, str_from(nskey), uval, (size_t)n, ACCOUNT_VIEWER_TTL);
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
    if (!ctx->jwt) {
        viewer_failed(ctx, v, WM_EUNAUTH, JWT_MSG_DECODE);
        return WM_OK;
    }
    struct jwt_claims c;
    int rc = jwt_verify(ctx, ctx->jwt, token.ptr, (int64_t)time(NULL), &c);
    if (rc != WM_OK) {
        const char *msg = ctx->err.message ? ctx->err.message : JWT_MSG_DECODE;
        if (!strstr(msg, "token")) msg = arena_printf(ctx->arena, "%s: invalid token", msg);
        viewer_failed(ctx, v, rc == WM_EEXPIRED ? WM_EEXPIRED : WM_EUNAUTH, msg);
        wm_clear_error(ctx);
        return WM_OK;
    }
    bool live = false;
    rc = session_is_live(ctx, c.session_id, c.user_id, &live);
    if (rc != WM_OK) {
        viewer_failed(ctx, v, rc, wm_client_message(ctx, rc));
        return rc;
    }
    if (!live) {
        viewer_failed(ctx, v, WM_EUNAUTH, MSG_REVOKED);
        return WM_OK;
    }
    memset(v, 0, sizeof(*v));
    v->status = WM_OK;
    v->user_id = c.user_id;
    v->session_id = c.session_id;
    ctx->viewer = v;
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

int account_user_get(struct wm_ctx *ctx, int64_t id, struct user **out)
{
    struct user *u = ARENA_NEW(ctx->arena, struct user);
    int rc = accounts_db_user_get(ctx, id, u);
    if (rc == WM_ENOTFOUND)
        return wm_errorf(ctx, WM_ENOTFOUND, "unknown user '%lld'", (long long)id);
    *out = rc == WM_OK ? u : NULL;
    return rc;
}
