/*
 * t1210-sessions.c: what happens after sign-in, through HTTP: refresh-token rotation and the
 * revocation of a session whose old refresh token comes back, verifyToken and revokeToken,
 * expired, tampered and unsigned access tokens, rememberMe, the active-sessions list with
 * device, IP and location, signing out one or all other sessions (never another user's), and
 * rate limits on sign-in and sign-up that say when to retry.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "auth/jwt.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "lib/it.h"

extern char **environ;

static const char REGISTER[] =
        "mutation R($e: String!, $p: String!) { register(firstName: \"Ada\", lastName: \"Byron\", "
        "password1: $p, password2: $p, email: $e, accountType: \"CUSTOMER\", "
        "termsAccepted: true) { success token refreshToken errors } }";
static const char LOGIN[] =
        "mutation L($e: String!, $p: String!, $r: Boolean) { login(email: $e, password: $p, "
        "rememberMe: $r) { token refreshToken } }";
static const char REFRESH[] = "mutation F($r: String!) { refreshToken(refreshToken: $r) "
                              "{ token refreshToken payload refreshExpiresIn } }";
static const char VERIFY[] = "mutation V($t: String!) { verifyToken(token: $t) { payload } }";
static const char REVOKE[] =
        "mutation K($r: String!) { revokeToken(refreshToken: $r) { revoked } }";
static const char VIEW_ME[] = "query { viewMe { id email } }";
static const char SESSIONS[] =
        "query { getActiveSessions { currentSessionId sessions { id deviceName deviceType "
        "location ipAddress lastActive userAgent createdAt isCurrent } } }";
static const char TERMINATE[] = "mutation T($s: String!) { terminateSession(sessionId: $s) "
                                "{ success message } }";
static const char TERMINATE_OTHERS[] = "mutation { terminateAllOtherSessions { success message } }";

/* Tokens of one sign-in. */
struct tokens {
    char bearer[2048]; /* "Bearer <jwt>" */
    char refresh[64];
};

static bool take_tokens(struct json_object *r, const char *field, struct tokens *t)
{
    char path[64];
    snprintf(path, sizeof(path), "%s.token", field);
    const char *token = it_str_at(r, path);
    snprintf(path, sizeof(path), "%s.refreshToken", field);
    const char *refresh = it_str_at(r, path);
    if (!token || !refresh) {
        printf("\n  no tokens in %s\n", json_object_to_json_string(r));
        return false;
    }
    snprintf(t->bearer, sizeof(t->bearer), "Bearer %s", token);
    snprintf(t->refresh, sizeof(t->refresh), "%s", refresh);
    return true;
}

static bool sign_up(const char *email, struct tokens *t)
{
    char vars[512];
    snprintf(vars, sizeof(vars), "{\"e\":\"%s\",\"p\":\"%s\"}", email, IT_PASSWORD);
    struct json_object *r = it_gql(REGISTER, vars, NULL);
    bool ok = it_bool_at(r, "register.success") && take_tokens(r, "register", t);
    json_object_put(r);
    return ok;
}

/* Sign in with a User-Agent of our choice (through the raw request API). */
static bool sign_in_as(const char *email, const char *user_agent, bool remember, struct tokens *t,
                       int64_t *refresh_ends)
{
    char body[1024];
    snprintf(body, sizeof(body),
             "{\"query\":\"mutation L($e: String!, $p: String!, $r: Boolean) { login(email: $e, "
             "password: $p, rememberMe: $r) { token refreshToken } }\",\"variables\":{\"e\":\"%s\","
             "\"p\":\"%s\",\"r\":%s}}",
             email, IT_PASSWORD, remember ? "true" : "false");
    char ua[512];
    snprintf(ua, sizeof(ua), "User-Agent: %s", user_agent);
    const char *headers[] = { "Content-Type: application/json", ua, NULL };
    struct it_response res;
    it_request("POST", "/wms/graphql/", headers, body, strlen(body), &res);
    struct json_object *r = json_tokener_parse(res.body.ptr ? res.body.ptr : "");
    it_response_release(&res);
    bool ok = r && take_tokens(r, "login", t);
    json_object_put(r);
    if (ok && refresh_ends) {
        /* Learn the refresh lifetime by rotating once. */
        char vars[128];
        snprintf(vars, sizeof(vars), "{\"r\":\"%s\"}", t->refresh);
        r = it_gql(REFRESH, vars, NULL);
        *refresh_ends = json_object_get_int64(it_at(r, "refreshToken.refreshExpiresIn"));
        ok = take_tokens(r, "refreshToken", t);
        json_object_put(r);
    }
    return ok;
}

static bool can_view_me(const struct tokens *t)
{
    struct json_object *r = it_gql(VIEW_ME, NULL, t->bearer);
    bool ok = it_str_at(r, "viewMe.id") != NULL;
    json_object_put(r);
    return ok;
}

static struct json_object *refresh(const char *token)
{
    char vars[128];
    snprintf(vars, sizeof(vars), "{\"r\":\"%s\"}", token);
    return it_gql(REFRESH, vars, NULL);
}

static void refresh_rotates_and_a_reused_token_ends_the_session(void)
{
    struct tokens a;
    CU_ASSERT_TRUE_FATAL(sign_up(it_new_email("rot"), &a));
    struct json_object *r = refresh(a.refresh);
    CU_ASSERT_PTR_NULL(json_object_object_get(r, "errors"));
    struct tokens b;
    CU_ASSERT_TRUE_FATAL(take_tokens(r, "refreshToken", &b));
    CU_ASSERT_STRING_NOT_EQUAL(a.refresh, b.refresh);
    CU_ASSERT_EQUAL(strlen(b.refresh), 40);
    CU_ASSERT_PTR_NOT_NULL(it_str_at(r, "refreshToken.payload.sub"));
    CU_ASSERT_TRUE(json_object_get_int64(it_at(r, "refreshToken.refreshExpiresIn")) > time(NULL));
    json_object_put(r);
    CU_ASSERT_TRUE(can_view_me(&b));

    /* The old token again: refused, and the whole session ends (the new pair too). */
    r = refresh(a.refresh);
    CU_ASSERT_STRING_EQUAL(it_error_message(r), "Invalid refresh token");
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    json_object_put(r);
    CU_ASSERT_FALSE(can_view_me(&b));
    r = refresh(b.refresh);
    CU_ASSERT_STRING_EQUAL(it_error_message(r), "Invalid refresh token");
    json_object_put(r);

    /* Nonsense is refused the same way. */
    r = refresh("0123456789abcdef0123456789abcdef01234567");
    CU_ASSERT_STRING_EQUAL(it_error_message(r), "Invalid refresh token");
    json_object_put(r);
    r = refresh("' OR 1=1 --");
    CU_ASSERT_STRING_EQUAL(it_error_message(r), "Invalid refresh token");
    json_object_put(r);
}

static void verify_and_revoke_tokens(void)
{
    struct tokens a;
    const char *email = it_new_email("ver");
    CU_ASSERT_TRUE_FATAL(sign_up(email, &a));
    char vars[2200];
    snprintf(vars, sizeof(vars), "{\"t\":\"%s\"}", a.bearer + 7);
    struct json_object *r = it_gql(VERIFY, vars, NULL);
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "verifyToken.payload.email"), email);
    CU_ASSERT_PTR_NOT_NULL(it_str_at(r, "verifyToken.payload.sid"));
    json_object_put(r);

    /* One character changed in the signature. */
    size_t n = strlen(a.bearer);
    char tampered[2048];
    memcpy(tampered, a.bearer + 7, n - 7 + 1);
    tampered[n - 7 - 3] = tampered[n - 7 - 3] == 'A' ? 'B' : 'A';
    snprintf(vars, sizeof(vars), "{\"t\":\"%s\"}", tampered);
    r = it_gql(VERIFY, vars, NULL);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    CU_ASSERT_PTR_NOT_NULL(strstr(it_error_message(r), "token"));
    json_object_put(r);

    snprintf(vars, sizeof(vars), "{\"r\":\"%s\"}", a.refresh);
    r = it_gql(REVOKE, vars, NULL);
    CU_ASSERT_TRUE(json_object_get_int64(it_at(r, "revokeToken.revoked")) >= time(NULL) - 5);
    json_object_put(r);
    CU_ASSERT_FALSE(can_view_me(&a));
    r = it_gql(REVOKE, vars, NULL);
    CU_ASSERT_STRING_EQUAL(it_error_message(r), "Invalid refresh token");
    json_object_put(r);
    snprintf(vars, sizeof(vars), "{\"t\":\"%s\"}", a.bearer + 7);
    r = it_gql(VERIFY, vars, NULL);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    json_object_put(r);
}

/* A token signed with the stack's own key, issued at iat (so exp = iat + access_ttl). */
static bool stack_token(int64_t user_id, int64_t sid, int64_t iat, char *out, size_t len)
{
    struct config cfg;
    char err[512];
    if (cfg_load(&cfg, getenv("MARKET_CONFIG"), true, environ, err, sizeof(err)) != 0) {
        printf("\n  config: %s\n", err);
        return false;
    }
    struct jwt_keys *keys = NULL;
    bool ok = jwt_keys_from_config(&keys, &cfg, err, sizeof(err)) == WM_OK;
    if (!ok) printf("\n  keys: %s\n", err);
    struct arena *a = arena_new(0);
    struct wm_ctx ctx = { .arena = a, .config = &cfg };
    struct jwt_claims c = { .user_id = user_id, .session_id = sid, .iat = iat };
    char *token = NULL;
    ok = ok && jwt_issue(&ctx, keys, &c, &token) == WM_OK;
    if (ok) snprintf(out, len, "Bearer %s", token);
    jwt_keys_free(keys);
    arena_free(a);
    cfg_release(&cfg);
    return ok;
}

static void expired_and_unsigned_tokens_are_refused(void)
{
    struct tokens a;
    CU_ASSERT_TRUE_FATAL(sign_up(it_new_email("exp"), &a));
    char vars[2200];
    snprintf(vars, sizeof(vars), "{\"t\":\"%s\"}", a.bearer + 7);
    struct json_object *r = it_gql(VERIFY, vars, NULL);
    int64_t uid = atoll(it_str_at(r, "verifyToken.payload.sub"));
    int64_t sid = atoll(it_str_at(r, "verifyToken.payload.sid"));
    json_object_put(r);

    /* Signed by us, for a live session, but two hours old. */
    char old[2048];
    CU_ASSERT_TRUE_FATAL(stack_token(uid, sid, (int64_t)time(NULL) - 7200, old, sizeof(old)));
    r = it_gql(VIEW_ME, NULL, old);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "TOKEN_EXPIRED");
    CU_ASSERT_PTR_NOT_NULL(strstr(it_error_message(r), "token"));
    json_object_put(r);

    /* The same claims with "alg": "none" and no signature. */
    const char *dot = strchr(a.bearer + 7, '.');
    char none[2048];
    snprintf(none, sizeof(none), "Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0%.*s.",
             (int)(strchr(dot + 1, '.') - dot), dot);
    r = it_gql(VIEW_ME, NULL, none);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    json_object_put(r);

    /* A good signature for a session that is not the caller's: refused as ended. */
    char forged[2048];
    CU_ASSERT_TRUE_FATAL(
            stack_token(uid, sid + 100000, (int64_t)time(NULL), forged, sizeof(forged)));
    r = it_gql(VIEW_ME, NULL, forged);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    json_object_put(r);
}

/* base64url without padding of n bytes. */
static void b64url(const unsigned char *p, size_t n, char *out)
{
    unsigned char tmp[4096];
    int len = EVP_EncodeBlock(tmp, p, (int)n);
    int j = 0;
    for (int i = 0; i < len; i++) {
        if (tmp[i] == '=') break;
        out[j++] = tmp[i] == '+' ? '-' : tmp[i] == '/' ? '_' : (char)tmp[i];
    }
    out[j] = '\0';
}

/* The JSON body of a CGI reply (after the header block), parsed; NULL when none. */
static struct json_object *cgi_json(const struct buf *reply)
{
    const char *body = strstr(reply->ptr, "\r\n\r\n");
    return body ? json_tokener_parse(body + 4) : NULL;
}

static void an_hs256_token_keyed_with_the_rs256_public_key_is_refused(void)
{
    const char *var = getenv("MARKET_VAR");
    CU_ASSERT_EQUAL_FATAL(it_sh("cd '%s' && openssl genpkey -algorithm RSA -pkeyopt "
                                "rsa_keygen_bits:2048 -out rs.key 2>/dev/null && "
                                "openssl pkey -in rs.key -pubout -out rs.pub 2>/dev/null",
                                var),
                          0);
    char env[2048];
    snprintf(env, sizeof(env),
             "MARKET_AUTH_JWT_ALG=RS256 MARKET_AUTH_JWT_PRIVATE_KEY='%s/rs.key' "
             "MARKET_AUTH_JWT_PUBLIC_KEY='%s/rs.pub' REMOTE_ADDR=%s",
             var, var, it_source_ip());
    char body[1024];
    snprintf(body, sizeof(body),
             "{\"query\":\"mutation { register(firstName: \\\"R\\\", lastName: \\\"S\\\", "
             "password1: \\\"%s\\\", password2: \\\"%s\\\", email: \\\"%s\\\", "
             "accountType: \\\"CUSTOMER\\\", termsAccepted: true) { token } }\"}",
             IT_PASSWORD, IT_PASSWORD, it_new_email("rs256"));
    struct buf reply;
    it_cgi_post(env, body, &reply);
    struct json_object *r = cgi_json(&reply);
    buf_release(&reply);
    const char *token = it_str_at(r, "register.token");
    CU_ASSERT_PTR_NOT_NULL_FATAL(token);
    char rs[2048];
    snprintf(rs, sizeof(rs), "%s", token);
    json_object_put(r);

    /* The RS256 token works on the RS256 worker. */
    static const char me[] = "{\"query\":\"{ viewMe { id } }\"}";
    char env2[8192];
    snprintf(env2, sizeof(env2), "%s HTTP_AUTHORIZATION='Bearer %s'", env, rs);
    it_cgi_post(env2, me, &reply);
    r = cgi_json(&reply);
    buf_release(&reply);
    CU_ASSERT_PTR_NOT_NULL(it_str_at(r, "viewMe.id"));
    json_object_put(r);

    /* Its claims, re-signed as HS256 with the public key as the HMAC secret (as the PEM file
     * is, and trimmed): the classic algorithm confusion. Refused. */
    char path[1024];
    snprintf(path, sizeof(path), "%s/rs.pub", var);
    FILE *f = fopen(path, "rb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    unsigned char pem[4096];
    size_t pem_len = fread(pem, 1, sizeof(pem), f);
    fclose(f);
    const char *payload = strchr(rs, '.') + 1;
    size_t payload_len = (size_t)(strchr(payload, '.') - payload);
    static const char hs_header[] = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    for (int trim = 0; trim < 2; trim++) {
        char signing[4096];
        b64url((const unsigned char *)hs_header, strlen(hs_header), signing);
        size_t n = strlen(signing);
        signing[n++] = '.';
        memcpy(signing + n, payload, payload_len);
        signing[n + payload_len] = '\0';
        unsigned char mac[EVP_MAX_MD_SIZE];
        unsigned mac_len = 0;
        HMAC(EVP_sha256(), pem, (int)(pem_len - (size_t)trim), (unsigned char *)signing,
             strlen(signing), mac, &mac_len);
        char sig[128];
        b64url(mac, mac_len, sig);
        snprintf(env2, sizeof(env2), "%s HTTP_AUTHORIZATION='Bearer %s.%s'", env, signing, sig);
        it_cgi_post(env2, me, &reply);
        r = cgi_json(&reply);
        buf_release(&reply);
        CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
        CU_ASSERT_TRUE(json_object_is_type(it_at(r, "viewMe"), json_type_null));
        json_object_put(r);
    }

    /* And the RS256 token means nothing to the HS256 stack. */
    char bearer[2100];
    snprintf(bearer, sizeof(bearer), "Bearer %s", rs);
    r = it_gql(VIEW_ME, NULL, bearer);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    json_object_put(r);
}

static void remember_me_chooses_the_refresh_lifetime(void)
{
    const char *email = it_new_email("rem");
    struct tokens a;
    CU_ASSERT_TRUE_FATAL(sign_up(email, &a));
    struct tokens b;
    int64_t long_end = 0;
    int64_t short_end = 0;
    int64_t now = (int64_t)time(NULL);
    CU_ASSERT_TRUE_FATAL(sign_in_as(email, "curl/8", true, &b, &long_end));
    CU_ASSERT_TRUE_FATAL(sign_in_as(email, "curl/8", false, &b, &short_end));
    /* auth.refresh_ttl (14 days) and auth.refresh_ttl_short (1 day) by default. */
    CU_ASSERT_TRUE(long_end >= now + 1209600 - 5 && long_end <= now + 1209600 + 30);
    CU_ASSERT_TRUE(short_end >= now + 86400 - 5 && short_end <= now + 86400 + 30);
}

static const char CHROME_WIN[] =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/120.0.0.0 Safari/537.36";

/* The session list of t: its reply (caller puts it). */
static struct json_object *sessions_of(const struct tokens *t)
{
    return it_gql(SESSIONS, NULL, t->bearer);
}

static void sessions_are_listed_and_signed_out(void)
{
    const char *email = it_new_email("ses");
    struct tokens first;
    CU_ASSERT_TRUE_FATAL(sign_up(email, &first));
    struct tokens web;
    struct tokens app;
    struct tokens third;
    CU_ASSERT_TRUE_FATAL(sign_in_as(email, CHROME_WIN, true, &web, NULL));
    CU_ASSERT_TRUE_FATAL(sign_in_as(email, "Dart/3.2 (dart:io)", true, &app, NULL));
    CU_ASSERT_TRUE_FATAL(sign_in_as(email, "curl/8.5.0", true, &third, NULL));

    struct json_object *r = sessions_of(&web);
    CU_ASSERT_PTR_NULL(json_object_object_get(r, "errors"));
    struct json_object *list = it_at(r, "getActiveSessions.sessions");
    CU_ASSERT_EQUAL_FATAL(json_object_array_length(list), 4);
    char current[32];
    CU_ASSERT_PTR_NOT_NULL_FATAL(it_str_at(r, "getActiveSessions.currentSessionId"));
    snprintf(current, sizeof(current), "%s", it_str_at(r, "getActiveSessions.currentSessionId"));
    char app_id[32] = "";
    int currents = 0;
    for (size_t i = 0; i < 4; i++) {
        struct json_object *s = json_object_array_get_idx(list, i);
        const char *id = json_object_get_string(json_object_object_get(s, "id"));
        const char *name = json_object_get_string(json_object_object_get(s, "deviceName"));
        const char *type = json_object_get_string(json_object_object_get(s, "deviceType"));
        CU_ASSERT_STRING_EQUAL(json_object_get_string(json_object_object_get(s, "ipAddress")),
                               it_source_ip());
        CU_ASSERT_STRING_EQUAL(json_object_get_string(json_object_object_get(s, "location")),
                               "Local network");
        const char *last = json_object_get_string(json_object_object_get(s, "lastActive"));
        CU_ASSERT_TRUE(last && strlen(last) == 20 && last[10] == 'T' && last[19] == 'Z');
        bool is_current = json_object_get_boolean(json_object_object_get(s, "isCurrent"));
        if (is_current) {
            currents++;
            CU_ASSERT_STRING_EQUAL(id, current);
            CU_ASSERT_STRING_EQUAL(name, "Chrome on Windows");
            CU_ASSERT_STRING_EQUAL(type, "desktop");
            CU_ASSERT_STRING_EQUAL(json_object_get_string(json_object_object_get(s, "userAgent")),
                                   CHROME_WIN);
        }
        if (strcmp(name, "Mobile app") == 0) {
            CU_ASSERT_STRING_EQUAL(type, "mobile");
            snprintf(app_id, sizeof(app_id), "%s", id);
        }
    }
    CU_ASSERT_EQUAL(currents, 1);
    json_object_put(r);

    /* Sign the app out from the web session: its token stops working at once. */
    CU_ASSERT_TRUE(can_view_me(&app));
    char vars[128];
    snprintf(vars, sizeof(vars), "{\"s\":\"%s\"}", app_id);
    r = it_gql(TERMINATE, vars, web.bearer);
    CU_ASSERT_TRUE(it_bool_at(r, "terminateSession.success"));
    json_object_put(r);
    CU_ASSERT_FALSE(can_view_me(&app));
    r = refresh(app.refresh);
    CU_ASSERT_STRING_EQUAL(it_error_message(r), "Invalid refresh token");
    json_object_put(r);
    /* Twice, unknown, malformed: not found, nothing else happens. */
    r = it_gql(TERMINATE, vars, web.bearer);
    CU_ASSERT_FALSE(it_bool_at(r, "terminateSession.success"));
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "terminateSession.message"), "Session not found");
    json_object_put(r);
    r = it_gql(TERMINATE, "{\"s\":\"3f9c2a\"}", web.bearer);
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "terminateSession.message"), "Session not found");
    json_object_put(r);

    /* Another user cannot end these sessions, and reads the same answer as for none. */
    struct tokens other;
    CU_ASSERT_TRUE_FATAL(sign_up(it_new_email("oth"), &other));
    snprintf(vars, sizeof(vars), "{\"s\":\"%s\"}", current);
    r = it_gql(TERMINATE, vars, other.bearer);
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "terminateSession.message"), "Session not found");
    json_object_put(r);
    CU_ASSERT_TRUE(can_view_me(&web));
    r = sessions_of(&other);
    CU_ASSERT_EQUAL(json_object_array_length(it_at(r, "getActiveSessions.sessions")), 1);
    json_object_put(r);

    /* Everything but this one. */
    r = it_gql(TERMINATE_OTHERS, NULL, web.bearer);
    CU_ASSERT_TRUE(it_bool_at(r, "terminateAllOtherSessions.success"));
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "terminateAllOtherSessions.message"),
                           "2 other sessions were signed out.");
    json_object_put(r);
    CU_ASSERT_TRUE(can_view_me(&web));
    CU_ASSERT_FALSE(can_view_me(&first));
    CU_ASSERT_FALSE(can_view_me(&third));
    CU_ASSERT_TRUE(can_view_me(&other));

    /* Without a token: the GraphQL error the app signs out on. */
    r = it_gql(SESSIONS, NULL, NULL);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    json_object_put(r);
}

static struct json_object *login(const char *email, const char *password)
{
    char vars[512];
    snprintf(vars, sizeof(vars), "{\"e\":\"%s\",\"p\":\"%s\"}", email, password);
    return it_gql(LOGIN, vars, NULL);
}

static void brute_force_on_an_account_hits_the_limit(void)
{
    const char *email = it_new_email("brute");
    char saved[128];
    snprintf(saved, sizeof(saved), "%s", email);
    struct tokens a;
    CU_ASSERT_TRUE_FATAL(sign_up(saved, &a));
    for (int i = 0; i < 5; i++) {
        struct json_object *r = login(saved, "Wrong-Password-1");
        CU_ASSERT_STRING_EQUAL(it_error_message(r), "Please enter valid credentials");
        json_object_put(r);
    }
    /* Now even the right password waits, and the error says how long. */
    struct json_object *r = login(saved, IT_PASSWORD);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "LIMIT_EXCEEDED");
    const char *msg = it_error_message(r);
    CU_ASSERT_PTR_NOT_NULL(msg && strstr(msg, "try again in"));
    CU_ASSERT_TRUE(json_object_is_type(it_at(r, "login"), json_type_null));
    json_object_put(r);
    /* Upper case is the same account. */
    char upper[128];
    snprintf(upper, sizeof(upper), "%s", saved);
    for (char *c = upper; *c; c++)
        if (*c >= 'a' && *c <= 'z') *c = (char)(*c - 'a' + 'A');
    r = login(upper, IT_PASSWORD);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "LIMIT_EXCEEDED");
    json_object_put(r);
}

static void many_failures_from_one_ip_hit_the_limit(void)
{
    /* 20 failures on 20 different (unknown) accounts from this test's address. */
    for (int i = 0; i < 20; i++) {
        struct json_object *r = login(it_new_email("spray"), "Wrong-Password-1");
        CU_ASSERT_STRING_EQUAL(it_error_message(r), "Please enter valid credentials");
        json_object_put(r);
    }
    struct json_object *r = login(it_new_email("spray"), "Wrong-Password-1");
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "LIMIT_EXCEEDED");
    json_object_put(r);
}

static void sign_ups_from_one_ip_hit_the_limit(void)
{
    struct tokens t;
    for (int i = 0; i < 10; i++)
        CU_ASSERT_TRUE(sign_up(it_new_email("mass"), &t));
    char vars[512];
    snprintf(vars, sizeof(vars), "{\"e\":\"%s\",\"p\":\"%s\"}", it_new_email("mass"), IT_PASSWORD);
    struct json_object *r = it_gql(REGISTER, vars, NULL);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "LIMIT_EXCEEDED");
    CU_ASSERT_PTR_NOT_NULL(strstr(it_error_message(r), "Sign-up: too many attempts"));
    json_object_put(r);
}

static CU_TestInfo tests[] = {
    { "refresh rotates and a reused token ends the session",
      refresh_rotates_and_a_reused_token_ends_the_session },
    { "verify and revoke tokens", verify_and_revoke_tokens },
    { "expired and unsigned tokens are refused", expired_and_unsigned_tokens_are_refused },
    { "an HS256 token keyed with the RS256 public key is refused",
      an_hs256_token_keyed_with_the_rs256_public_key_is_refused },
    { "remember me chooses the refresh lifetime", remember_me_chooses_the_refresh_lifetime },
    { "sessions are listed and signed out", sessions_are_listed_and_signed_out },
    { "brute force on an account hits the limit", brute_force_on_an_account_hits_the_limit },
    { "many failures from one IP hit the limit", many_failures_from_one_ip_hit_the_limit },
    { "sign-ups from one IP hit the limit", sign_ups_from_one_ip_hit_the_limit },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t1210_sessions, "t1210/sessions", NULL, NULL, tests);
