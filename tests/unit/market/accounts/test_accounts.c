/*
 * test_accounts.c: the accounts domain's rules against the real test database (market_test of
 * the running stack, MARKET_CONFIG) and memcached: sign-up problems in Django's words, sign-in
 * without enumeration, hash upgrades, and the viewer before and after sign-out. Suite init
 * applies sql/migrations to market_test; every test deletes the users it made (their sessions
 * go with them).
 */
#include "market/accounts/accounts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "auth/jwt.h"
#include "auth/password.h"
#include "cache/cache.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "db/db.h"
#include "test.h"

static struct config cfg;
static struct arena *arena;
static struct db *db;
static struct cache *cache;
static struct jwt_keys *keys;
static struct wm_ctx ctx;

/* Every email the suite makes starts with this, so clean-up cannot touch other rows. */
#define EMAIL_PREFIX "ut-accounts-"

/* clang-format off */
static const char SQL_CLEAN[] = "DELETE FROM users WHERE email_norm LIKE 'ut-accounts-%'";
static const char SQL_TERMS[] =
    "SELECT terms_accepted_at IS NOT NULL, account_type FROM users WHERE email_norm = LOWER(?)";
static const char SQL_HASH[] = "SELECT password_hash FROM users WHERE email_norm = LOWER(?)";
static const char SQL_SET_HASH[] = "UPDATE users SET password_hash = ? WHERE email_norm = LOWER(?)";
static const char SQL_SESSION_HASH[] = "SELECT refresh_hash FROM sessions WHERE id = ?";
static const char SQL_SESSION_IDLE[] =
    "UPDATE sessions SET last_active_at = NOW(6) - INTERVAL ? SECOND WHERE id = ?";
static const char SQL_VERIFY[] = "UPDATE users SET email_verified_at = NOW(6) WHERE id = ?";
static const char SQL_SESSION_ENDS[] =
    "UPDATE sessions SET ends_at = NOW(6) - INTERVAL 1 SECOND WHERE id = ?";
/* clang-format on */

static void fresh(void)
{
    arena_reset(arena);
    memset(&ctx, 0, sizeof(ctx));
    ctx.arena = arena;
    ctx.config = &cfg;
    ctx.db = db;
    ctx.cache = cache;
    ctx.jwt = keys;
    ctx.req_id = "test";
}

static int suite_init(void)
{
    if (test_stack_config(&cfg, "market/accounts") != 0) return 1;
    arena = arena_new(0);
    db_open(&db, &cfg);
    if (cache_open(&cache, &cfg) != WM_OK) return 1;
    char path[4096];
    char err[512];
    snprintf(path, sizeof(path), "%s/jwt.key", cfg.secrets_dir);
    if (jwt_keys_load(&keys, "HS256", path, NULL, err, sizeof(err)) != WM_OK) {
        fprintf(stderr, "market/accounts: %s\n", err);
        return 1;
    }
    fresh();
    snprintf(path, sizeof(path), "%s/sql/migrations", cfg.root_dir);
    if (db_migrate(&ctx, path, NULL) != WM_OK) {
        fprintf(stderr, "market/accounts: cannot migrate market_test: %s\n", ctx.err.message);
        return 1;
    }
    return db_exec(&ctx, SQL_CLEAN, "") == WM_OK ? 0 : 1;
}

static int suite_clean(void)
{
    if (db) {
        fresh();
        db_exec(&ctx, SQL_CLEAN, "");
    }
    jwt_keys_free(keys);
    cache_close(cache);
    db_close(db);
    arena_free(arena);
    cfg_release(&cfg);
    return 0;
}

/* A unique email under the suite's prefix, with the given case of the prefix. Static (it must
 * outlive fresh(), which resets the arena); four calls may be in use at once. */
static char *new_email(bool upper)
{
    static char bufs[4][96];
    static unsigned seq;
    char *b = bufs[seq % 4];
    snprintf(b, sizeof(bufs[0]), "%s%ld-%u@Example.com", upper ? "UT-Accounts-" : EMAIL_PREFIX,
             (long)time(NULL), ++seq);
    return b;
}

static struct account_signup signup(const char *email)
{
    struct account_signup in = { .email = email,
                                 .password1 = "Wholesale-Crate-42",
                                 .password2 = "Wholesale-Crate-42",
                                 .first_name = "Jose",
                                 .last_name = "Mane",
                                 .account_type = "SUPPLIER",
                                 .terms_accepted = false };
    return in;
}

/* account_register() inside a transaction, as the GraphQL surface runs it. */
static int do_register(const struct account_signup *in, const char ***problems, size_t *n,
                       struct account_tokens *t)
{
    CU_ASSERT_EQUAL_FATAL(db_begin(&ctx), WM_OK);
    int rc = account_register(&ctx, in, problems, n, t);
    if (rc == WM_OK || rc == WM_EINVAL) {
        CU_ASSERT_EQUAL(db_commit(&ctx), WM_OK);
    } else {
        db_rollback(&ctx);
    }
    return rc;
}

/* A fresh account (its email upper-cased when upper), signed in: *t gets its tokens. */
static char *registered(bool upper, struct account_tokens *t)
{
    fresh();
    char *email = new_email(upper);
    struct account_signup in = signup(email);
    const char **p = NULL;
    size_t n = 0;
    CU_ASSERT_EQUAL_FATAL(do_register(&in, &p, &n, t), WM_OK);
    return email;
}

/* End the test's transaction as the GraphQL surface does: commit on success, else roll back
 * and keep the error the caller failed with. Returns rc. */
static int end_tx(int rc)
{
    if (rc == WM_OK) {
        CU_ASSERT_EQUAL(db_commit(&ctx), WM_OK);
        return rc;
    }
    struct wm_error saved = ctx.err;
    db_rollback(&ctx);
    ctx.err = saved;
    return rc;
}

static bool is_hex(const char *s, size_t len)
{
    if (!s || strlen(s) != len) return false;
    return strspn(s, "0123456789abcdef") == len;
}

static void account_types_accept_supplier_as_vendor(void)
{
    CU_ASSERT_STRING_EQUAL(account_type_parse("SUPPLIER"), "VENDOR");
    CU_ASSERT_STRING_EQUAL(account_type_parse("VENDOR"), "VENDOR");
    CU_ASSERT_STRING_EQUAL(account_type_parse("customer"), "CUSTOMER");
    CU_ASSERT_STRING_EQUAL(account_type_parse("RESELLER"), "RESELLER");
    CU_ASSERT_PTR_NULL(account_type_parse("ADMIN"));
    CU_ASSERT_PTR_NULL(account_type_parse(""));
    CU_ASSERT_PTR_NULL(account_type_parse(NULL));
}

static void email_syntax_follows_the_dot_atom_rules(void)
{
    CU_ASSERT_TRUE(account_email_is_valid("jose@example.com"));
    CU_ASSERT_TRUE(account_email_is_valid("j.o+tag@mail.example.co.uk"));
    CU_ASSERT_FALSE(account_email_is_valid("jose"));
    CU_ASSERT_FALSE(account_email_is_valid("@example.com"));
    CU_ASSERT_FALSE(account_email_is_valid("jose@localhost"));
    CU_ASSERT_FALSE(account_email_is_valid("jose@example.c0m"));
    CU_ASSERT_FALSE(account_email_is_valid(".jose@example.com"));
    CU_ASSERT_FALSE(account_email_is_valid("jo..se@example.com"));
    CU_ASSERT_FALSE(account_email_is_valid("jose@-example.com"));
    CU_ASSERT_FALSE(account_email_is_valid("jose @example.com"));
    CU_ASSERT_FALSE(account_email_is_valid("jose@example..com"));
}

static void register_collects_every_problem_in_order(void)
{
    fresh();
    struct account_signup in = signup("not-an-email");
    in.password1 = "1234";
    in.password2 = "12345";
    in.account_type = "ADMIN";
    const char **p = NULL;
    size_t n = 0;
    struct account_tokens t;
    CU_ASSERT_EQUAL(do_register(&in, &p, &n, &t), WM_EINVAL);
    CU_ASSERT_EQUAL_FATAL(n, 6);
    CU_ASSERT_STRING_EQUAL(p[0], "Enter a valid email address.");
    CU_ASSERT_STRING_EQUAL(p[1], "The two password fields didn't match.");
    CU_ASSERT_STRING_EQUAL(p[2],
                           "This password is too short. It must contain at least 8 characters.");
    CU_ASSERT_STRING_EQUAL(p[3], "This password is too common.");
    CU_ASSERT_STRING_EQUAL(p[4], "This password is entirely numeric.");
    CU_ASSERT_PTR_NOT_NULL(strstr(p[5], "account type"));
    CU_ASSERT_PTR_NULL(t.token);
}

static void register_signs_in_and_records_terms_only_when_accepted(void)
{
    struct account_tokens t;
    char *email = registered(false, &t);
    CU_ASSERT_TRUE(t.token && strlen(t.token) >= 10);
    CU_ASSERT_TRUE(is_hex(t.refresh_token, ACCOUNT_REFRESH_LEN));
    CU_ASSERT_STRING_EQUAL(t.user->email, email);
    CU_ASSERT_STRING_EQUAL(t.user->account_type, "VENDOR");
    bool terms = true;
    char *type = NULL;
    CU_ASSERT_EQUAL(db_query_one(&ctx, SQL_TERMS, "s", "bs", email, &terms, &type), WM_OK);
    CU_ASSERT_FALSE(terms);
    /* Only the SHA-256 of the refresh token is kept. */
    char *stored = NULL;
    CU_ASSERT_EQUAL(db_query_one(&ctx, SQL_SESSION_HASH, "l", "s", t.session_id, &stored), WM_OK);
    CU_ASSERT_TRUE(is_hex(stored, 64));
    CU_ASSERT_STRING_NOT_EQUAL(stored, t.refresh_token);

    fresh();
    char *email2 = new_email(false);
    struct account_signup in2 = signup(email2);
    in2.terms_accepted = true;
    in2.account_type = "customer";
    const char **p = NULL;
    size_t n = 0;
    CU_ASSERT_EQUAL_FATAL(do_register(&in2, &p, &n, &t), WM_OK);
    CU_ASSERT_EQUAL(n, 0);
    CU_ASSERT_EQUAL(db_query_one(&ctx, SQL_TERMS, "s", "bs", email2, &terms, &type), WM_OK);
    CU_ASSERT_TRUE(terms);
    CU_ASSERT_STRING_EQUAL(type, "CUSTOMER");
}

static void register_refuses_an_email_taken_in_another_case(void)
{
    struct account_tokens t;
    char *email = registered(false, &t);
    fresh();
    char *upper = arena_strdup(arena, email);
    for (char *c = upper; *c; c++)
        if (*c >= 'a' && *c <= 'z') *c = (char)(*c - 'a' + 'A');
    struct account_signup in = signup(upper);
    const char **p = NULL;
    size_t n = 0;
    CU_ASSERT_EQUAL(do_register(&in, &p, &n, &t), WM_EINVAL);
    CU_ASSERT_EQUAL_FATAL(n, 1);
    CU_ASSERT_STRING_EQUAL(p[0], "A user with that email already exists.");
}

static int do_login(const char *email, const char *password, struct account_tokens *t)
{
    CU_ASSERT_EQUAL_FATAL(db_begin(&ctx), WM_OK);
    const struct account_credentials in = { .email = email, .password = password };
    return end_tx(account_login(&ctx, &in, t));
}

static void login_does_not_tell_unknown_emails_from_wrong_passwords(void)
{
    struct account_tokens t;
    char *email = registered(true, &t);

    fresh();
    CU_ASSERT_EQUAL(do_login(email, "wrong password!", &t), WM_EUNAUTH);
    CU_ASSERT_STRING_EQUAL(ctx.err.message ? ctx.err.message : "", ACCOUNT_MSG_BAD_LOGIN);
    CU_ASSERT_PTR_NULL(t.token);
    fresh();
    CU_ASSERT_EQUAL(do_login("ut-accounts-nobody@example.com", "wrong password!", &t), WM_EUNAUTH);
    CU_ASSERT_STRING_EQUAL(ctx.err.message ? ctx.err.message : "", ACCOUNT_MSG_BAD_LOGIN);

    fresh();
    char *lower = arena_strdup(arena, email);
    for (char *c = lower; *c; c++)
        if (*c >= 'A' && *c <= 'Z') *c = (char)(*c - 'A' + 'a');
    int rc = do_login(lower, "Wholesale-Crate-42", &t);
    if (rc != WM_OK) printf("\n  login: %s\n", ctx.err.message ? ctx.err.message : "-");
    CU_ASSERT_EQUAL_FATAL(rc, WM_OK);
    CU_ASSERT_TRUE(is_hex(t.refresh_token, ACCOUNT_REFRESH_LEN));
    CU_ASSERT_STRING_EQUAL(t.user->email, email);
}

static void login_upgrades_a_weaker_hash(void)
{
    struct account_tokens t;
    char *email = registered(false, &t);
    static const struct pw_params weak = { 1, 64, 1 };
    char *old = NULL;
    CU_ASSERT_EQUAL_FATAL(pw_hash_with(&ctx, &weak, "Wholesale-Crate-42", &old), WM_OK);
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_SET_HASH, "ss", old, email), WM_OK);

    fresh();
    CU_ASSERT_EQUAL_FATAL(do_login(email, "Wholesale-Crate-42", &t), WM_OK);
    char *now = NULL;
    CU_ASSERT_EQUAL(db_query_one(&ctx, SQL_HASH, "s", "s", email, &now), WM_OK);
    CU_ASSERT_TRUE(now && strncmp(now, "$argon2id$v=19$m=47104,t=2,p=1$", 31) == 0);
}

static void the_viewer_comes_from_the_token_and_ends_with_logout(void)
{
    struct account_tokens t;
    (void)registered(false, &t);
    char *header = arena_printf(arena, "Bearer %s", t.token);
    char *refresh = t.refresh_token;
    int64_t uid = t.user->id;

    const struct viewer *v = NULL;
    for (int round = 0; round < 2; round++) { /* the second one may come from memcached */
        CU_ASSERT_EQUAL(account_authenticate(&ctx, header), WM_OK);
        CU_ASSERT_EQUAL(account_viewer(&ctx, &v), WM_OK);
        CU_ASSERT_TRUE(v && v->user_id == uid && v->session_id == t.session_id);
    }

    CU_ASSERT_EQUAL_FATAL(db_begin(&ctx), WM_OK);
    CU_ASSERT_EQUAL(account_logout(&ctx, refresh), WM_OK);
    CU_ASSERT_EQUAL(account_logout(&ctx, "not a token"), WM_OK);
    CU_ASSERT_EQUAL(db_commit(&ctx), WM_OK);

    CU_ASSERT_EQUAL(account_authenticate(&ctx, header), WM_OK);
    CU_ASSERT_EQUAL(account_viewer(&ctx, &v), WM_EUNAUTH);
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.err.message ? ctx.err.message : "", "token"));

    fresh();
    CU_ASSERT_EQUAL(account_authenticate(&ctx, NULL), WM_OK);
    CU_ASSERT_EQUAL(account_viewer(&ctx, &v), WM_EUNAUTH);
    CU_ASSERT_STRING_EQUAL(ctx.err.message ? ctx.err.message : "",
                           "unauthorized: no access token was sent");
    fresh();
    CU_ASSERT_EQUAL(account_authenticate(&ctx, "Bearer abc.def.ghi"), WM_OK);
    CU_ASSERT_EQUAL(account_viewer(&ctx, &v), WM_EUNAUTH);
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.err.message ? ctx.err.message : "", "token"));
}

/* Authenticate with token as a request would (viewer cache forgotten first). */
static int viewer_status(const char *token)
{
    fresh();
    cache_ns_bump(cache, "acct.sess");
    char *header = arena_printf(arena, "Bearer %s", token);
    CU_ASSERT_EQUAL(account_authenticate(&ctx, header), WM_OK);
    return ctx.viewer ? ctx.viewer->status : WM_EINTERNAL;
}

static int do_refresh(const char *refresh, struct account_tokens *t)
{
    int64_t ends = 0;
    CU_ASSERT_EQUAL_FATAL(db_begin(&ctx), WM_OK);
    return end_tx(account_refresh(&ctx, refresh, t, &ends));
}

static void sessions_end_when_idle_and_at_their_absolute_end(void)
{
    struct account_tokens t;
    char *email = registered(true, &t);
    char *token = strdup(t.token);
    char refresh[ACCOUNT_REFRESH_LEN + 1];
    snprintf(refresh, sizeof(refresh), "%s", t.refresh_token);
    int64_t sid = t.session_id;
    CU_ASSERT_EQUAL(viewer_status(token), WM_OK);

    /* Idle just under auth.session_idle: live; just over: ended, for tokens and refresh. */
    fresh();
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_SESSION_IDLE, "ll", cfg.auth_session_idle - 60, sid), WM_OK);
    CU_ASSERT_EQUAL(viewer_status(token), WM_OK);
    fresh();
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_SESSION_IDLE, "ll", cfg.auth_session_idle + 1, sid), WM_OK);
    CU_ASSERT_EQUAL(viewer_status(token), WM_EUNAUTH);
    fresh();
    CU_ASSERT_EQUAL(do_refresh(refresh, &t), WM_EEXPIRED);
    CU_ASSERT_STRING_EQUAL(ctx.err.message ? ctx.err.message : "", ACCOUNT_MSG_EXPIRED_REFRESH);

    /* A fresh session past its absolute end: ended however active. */
    fresh();
    CU_ASSERT_EQUAL_FATAL(do_login(email, "Wholesale-Crate-42", &t), WM_OK);
    free(token);
    token = strdup(t.token);
    snprintf(refresh, sizeof(refresh), "%s", t.refresh_token);
    sid = t.session_id;
    CU_ASSERT_EQUAL(viewer_status(token), WM_OK);
    fresh();
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_SESSION_ENDS, "l", sid), WM_OK);
    CU_ASSERT_EQUAL(viewer_status(token), WM_EUNAUTH);
    fresh();
    CU_ASSERT_EQUAL(do_refresh(refresh, &t), WM_EEXPIRED);
    free(token);
}

static void unverified_accounts_may_not_do_what_config_lists(void)
{
    struct account_tokens t;
    (void)registered(false, &t);
    int64_t uid = t.user->id;
    struct viewer v = { .status = WM_OK, .user_id = uid, .session_id = t.session_id };

    /* auth.require_verified is "sell,order,message" by default. */
    fresh();
    ctx.viewer = &v;
    CU_ASSERT_EQUAL(account_require_verified(&ctx, "sell"), WM_EPERM);
    CU_ASSERT_STRING_EQUAL(ctx.err.message ? ctx.err.message : "",
                           "Verify your email address before you sell.");
    CU_ASSERT_EQUAL(account_require_verified(&ctx, "order"), WM_EPERM);
    CU_ASSERT_EQUAL(account_require_verified(&ctx, "browse"), WM_OK);
    CU_ASSERT_EQUAL(account_require_verified(&ctx, "sel"), WM_OK);

    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_VERIFY, "l", uid), WM_OK);
    CU_ASSERT_EQUAL(account_require_verified(&ctx, "sell"), WM_OK);

    /* Nobody signed in: the viewer's own error. */
    fresh();
    CU_ASSERT_EQUAL(account_require_verified(&ctx, "sell"), WM_EUNAUTH);
}

static CU_TestInfo tests[] = {
    { "account types accept SUPPLIER as VENDOR", account_types_accept_supplier_as_vendor },
    { "email syntax follows the dot-atom rules", email_syntax_follows_the_dot_atom_rules },
    { "register collects every problem in order", register_collects_every_problem_in_order },
    { "register signs in and records terms only when accepted",
      register_signs_in_and_records_terms_only_when_accepted },
    { "register refuses an email taken in another case",
      register_refuses_an_email_taken_in_another_case },
    { "login does not tell unknown emails from wrong passwords",
      login_does_not_tell_unknown_emails_from_wrong_passwords },
    { "login upgrades a weaker hash", login_upgrades_a_weaker_hash },
    { "the viewer comes from the token and ends with logout",
      the_viewer_comes_from_the_token_and_ends_with_logout },
    { "sessions end when idle and at their absolute end",
      sessions_end_when_idle_and_at_their_absolute_end },
    { "unverified accounts may not do what config lists",
      unverified_accounts_may_not_do_what_config_lists },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(market_accounts_accounts, "market/accounts/accounts", suite_init, suite_clean, tests);
