/*
 * test_jwt.c: unit tests for src/auth/jwt.c: tokens round-trip under HS256, RS256 and ES256,
 * and every hostile token fails with graphql_jwt's wording: tampered, wrong key, expired, not
 * yet valid, "alg": "none", HS256 signed with the RSA or EC public key (algorithm confusion,
 * which libjwt 1.10 alone accepts), other algorithms with the same key, ill-typed claims.
 * The suite writes its key files (generated with OpenSSL 3's EVP_PKEY_Q_keygen) into a private
 * temporary directory and removes them at the end. Time is passed in, never slept through.
 */
#include "auth/jwt.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jwt.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "test.h"

#define T0  INT64_C(1767225600) /* 2026-01-01T00:00:00Z: the issue time of most tokens */
#define TTL JWT_DEFAULT_TTL

static struct arena *arena;       /* per test, reset by fresh() */
static struct arena *suite_arena; /* paths and key texts, for the whole suite */
static struct wm_ctx ctx;
static char dir[64];
static struct jwt_keys *hs;   /* HS256 with hs.key */
static struct jwt_keys *hs_b; /* HS256 with another secret */
static struct jwt_keys *rs;   /* RS256 with rsa.pem + rsa.pub */
static struct jwt_keys *es;   /* ES256 with ec.pem + ec.pub */

/* Every file the suite writes, removed by suite_clean(). */
static const char *const files[] = {
    "hs.key",  "hs_b.key", "hs_short.key", "text31.key", "text32.key",  "empty.key",
    "rsa.pem", "rsa.pub",  "rsa_b.pem",    "rsa_b.pub",  "rsa1024.pem", "rsa_enc.pem",
    "ec.pem",  "ec.pub",   "ec_b.pem",     "ec_b.pub",   "ec384.pem",
};

static const char HEX64_A[] = "8f14e45fceea167a5a36dedd4bea2543a0b1c2d3e4f5061728394a5b6c7d8e9f";
static const char HEX64_B[] = "1b6453892473a467d07372d45eb05abc2031647a0b1c2d3e4f50617283940011";
static const char JTI[] = "00112233445566778899aabbccddeeff";

static const char *path_of(const char *name)
{
    return arena_printf(suite_arena, "%s/%s", dir, name);
}

static int write_text(const char *name, const char *text)
{
    FILE *f = fopen(path_of(name), "w");
    if (!f) return -1;
    size_t n = strlen(text);
    int rc = fwrite(text, 1, n, f) == n ? 0 : -1;
    return fclose(f) == 0 ? rc : -1;
}

/* Write pk's private (PKCS#8, encrypted with pass when not NULL) or public key as PEM. */
static int write_pem(const char *name, EVP_PKEY *pk, bool is_private, const char *pass)
{
    FILE *f = fopen(path_of(name), "w");
    if (!f) return -1;
    int ok;
    if (!is_private)
        ok = PEM_write_PUBKEY(f, pk);
    else if (pass)
        ok = PEM_write_PKCS8PrivateKey(f, pk, EVP_aes_128_cbc(), pass, (int)strlen(pass), NULL,
                                       NULL);
    else
        ok = PEM_write_PrivateKey(f, pk, NULL, NULL, 0, NULL, NULL);
    return fclose(f) == 0 && ok == 1 ? 0 : -1;
}

/* Generate a key pair and write <base>.pem (and <base>.pub when pub is true). */
static int make_pair(const char *base, EVP_PKEY *pk, bool pub)
{
    if (!pk) return -1;
    int rc = write_pem(arena_printf(suite_arena, "%s.pem", base), pk, true, NULL);
    if (rc == 0 && pub) rc = write_pem(arena_printf(suite_arena, "%s.pub", base), pk, false, NULL);
    EVP_PKEY_free(pk);
    return rc;
}

static EVP_PKEY *rsa_key(size_t bits)
{
    return EVP_PKEY_Q_keygen(NULL, NULL, "RSA", bits);
}

static EVP_PKEY *ec_key(const char *curve)
{
    return EVP_PKEY_Q_keygen(NULL, NULL, "EC", curve);
}

static struct jwt_keys *load(const char *alg, const char *secret, const char *pub)
{
    struct jwt_keys *k = NULL;
    char err[256];
    if (jwt_keys_load(&k, alg, secret && secret[0] ? path_of(secret) : secret,
                      pub && pub[0] ? path_of(pub) : pub, err, sizeof(err)) != WM_OK)
        (void)fprintf(stderr, "auth/jwt: loading %s keys: %s\n", alg, err);
    return k;
}

static int make_files(void)
{
    int rc = write_text("hs.key", arena_printf(suite_arena, "%s\n", HEX64_A));
    rc |= write_text("hs_b.key", arena_printf(suite_arena, "%s\n", HEX64_B));
    rc |= write_text("hs_short.key", arena_printf(suite_arena, "%.62s\n", HEX64_A));
    rc |= write_text("text31.key", "correct horse battery staple 31");
    rc |= write_text("text32.key", "correct horse battery staple #32\n");
    rc |= write_text("empty.key", "\n");
    rc |= make_pair("rsa", rsa_key(2048), true);
    rc |= make_pair("rsa_b", rsa_key(2048), true);
    rc |= make_pair("rsa1024", rsa_key(1024), false);
    rc |= make_pair("ec", ec_key("P-256"), true);
    rc |= make_pair("ec_b", ec_key("P-256"), true);
    rc |= make_pair("ec384", ec_key("P-384"), false);
    EVP_PKEY *enc = rsa_key(2048);
    rc |= enc ? write_pem("rsa_enc.pem", enc, true, "secret passphrase") : -1;
    EVP_PKEY_free(enc);
    return rc;
}

static int suite_clean(void)
{
    jwt_keys_free(hs);
    jwt_keys_free(hs_b);
    jwt_keys_free(rs);
    jwt_keys_free(es);
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
        (void)unlink(path_of(files[i]));
    (void)rmdir(dir);
    arena_free(arena);
    arena_free(suite_arena);
    return 0;
}

static int suite_init(void)
{
    arena = arena_new(0);
    suite_arena = arena_new(0);
    (void)snprintf(dir, sizeof(dir), "/tmp/wm-jwt-XXXXXX");
    if (!mkdtemp(dir)) {
        (void)fprintf(stderr, "auth/jwt: mkdtemp: %s\n", strerror(errno));
        (void)suite_clean();
        return 1;
    }
    if (make_files() != 0)
        (void)fprintf(stderr, "auth/jwt: cannot write the key files into %s\n", dir);
    hs = load("HS256", "hs.key", NULL);
    hs_b = load("HS256", "hs_b.key", NULL);
    rs = load("RS256", "rsa.pem", "rsa.pub");
    es = load("ES256", "ec.pem", "ec.pub");
    if (hs && hs_b && rs && es) return 0;
    (void)suite_clean(); /* CUnit does not call it when the init fails */
    return 1;
}

static void fresh(void)
{
    arena_reset(arena);
    memset(&ctx, 0, sizeof(ctx));
    ctx.arena = arena;
}

/* The recorded error message, never NULL (a failing assertion must not crash the run). */
static const char *err_message(void)
{
    return ctx.err.message ? ctx.err.message : "(none)";
}

/* The text of a suite file (an arena string). */
static const char *slurp(const char *name)
{
    FILE *f = fopen(path_of(name), "r");
    if (!f) return "";
    char buf[8192];
    size_t n = fread(buf, 1, sizeof(buf), f);
    (void)fclose(f);
    return arena_strndup(suite_arena, buf, n);
}

static char *issue_at(const struct jwt_keys *k, int64_t iat, const char *email)
{
    struct jwt_claims c = { .user_id = 42, .session_id = 7, .iat = iat, .email = email };
    char *token = NULL;
    CU_ASSERT_EQUAL_FATAL(jwt_issue(&ctx, k, &c, &token), WM_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(token);
    return token;
}

/* base64url without padding (RFC 7515 §2) of n bytes. */
static char *b64url(const void *p, size_t n)
{
    static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const unsigned char *s = p;
    char *out = arena_alloc(arena, (n + 2) / 3 * 4 + 1);
    size_t o = 0;
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)s[i] << 16;
        if (i + 1 < n) v |= (unsigned)s[i + 1] << 8;
        if (i + 2 < n) v |= s[i + 2];
        out[o++] = abc[(v >> 18) & 63];
        out[o++] = abc[(v >> 12) & 63];
        if (i + 1 < n) out[o++] = abc[(v >> 6) & 63];
        if (i + 2 < n) out[o++] = abc[v & 63];
    }
    out[o] = '\0';
    return out;
}

static char *b64url_str(const char *s)
{
    return b64url(s, strlen(s));
}

/* The claims of a good token issued at T0, minus the one named drop, plus the JSON members add
 * (e.g. "\"sub\":42"): the payloads of the hostile-claims tests. */
static char *payload(const char *drop, const char *add)
{
    struct {
        const char *name;
        const char *json;
    } base[] = {
        { "sub", "\"42\"" },
        { "sid", "\"7\"" },
        { "jti", arena_printf(arena, "\"%s\"", JTI) },
        { "iat", arena_printf(arena, "%lld", (long long)T0) },
        { "nbf", arena_printf(arena, "%lld", (long long)T0) },
        { "exp", arena_printf(arena, "%lld", (long long)(T0 + TTL)) },
        { "origIat", arena_printf(arena, "%lld", (long long)T0) },
        { "email", "\"buyer@example.com\"" },
    };
    struct buf b = BUF_INIT(arena);
    buf_appendc(&b, '{');
    for (size_t i = 0; i < sizeof(base) / sizeof(base[0]); i++) {
        if (drop && strcmp(drop, base[i].name) == 0) continue;
        buf_appendf(&b, "%s\"%s\":%s", b.len > 1 ? "," : "", base[i].name, base[i].json);
    }
    if (add) buf_appendf(&b, "%s%s", b.len > 1 ? "," : "", add);
    buf_appendc(&b, '}');
    return b.ptr;
}

/* A token signed by libjwt itself: alg with key (len bytes), the given claims and extra
 * header members (JSON object text or NULL). For tokens jwt_issue() would never make. */
static char *sign_raw(jwt_alg_t alg, const char *key, size_t len, const char *claims,
                      const char *headers)
{
    jwt_t *j = NULL;
    CU_ASSERT_EQUAL_FATAL(jwt_new(&j), 0);
    CU_ASSERT_EQUAL(jwt_add_grants_json(j, claims), 0);
    if (headers) CU_ASSERT_EQUAL(jwt_add_headers_json(j, headers), 0);
    CU_ASSERT_EQUAL(jwt_set_alg(j, alg, (const unsigned char *)key, (int)len), 0);
    char *s = jwt_encode_str(j);
    jwt_free(j);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    char *t = arena_strdup(arena, s);
    free(s);
    return t;
}

static char *sign_hs(const char *claims)
{
    return sign_raw(JWT_ALG_HS256, HEX64_A, strlen(HEX64_A), claims, NULL);
}

/* Verify and expect failure with message; *out is then all zero unless message says expired. */
static void expect_reject(const struct jwt_keys *k, const char *token, int64_t now,
                          const char *message)
{
    struct jwt_claims c;
    memset(&c, 0x5a, sizeof(c));
    int want = strcmp(message, JWT_MSG_EXPIRED) == 0 ? WM_EEXPIRED : WM_EUNAUTH;
    CU_ASSERT_EQUAL(jwt_verify(&ctx, k, token, now, &c), want);
    CU_ASSERT_EQUAL(ctx.err.code, want);
    CU_ASSERT_STRING_EQUAL(err_message(), message);
    if (strcmp(message, JWT_MSG_EXPIRED) != 0) {
        CU_ASSERT_EQUAL(c.user_id, 0);
        CU_ASSERT_FALSE(c.expired);
        CU_ASSERT_PTR_NULL(c.email);
    }
}

static bool is_lower_hex(const char *s, size_t n)
{
    if (strlen(s) != n) return false;
    for (size_t i = 0; i < n; i++)
        if (!strchr("0123456789abcdef", s[i])) return false;
    return true;
}

/* The three segments of a token, as arena strings. */
struct parts {
    char *head;
    char *body;
    char *sig;
};

static struct parts split(const char *token)
{
    struct parts p = { 0 };
    const char *d1 = strchr(token, '.');
    const char *d2 = d1 ? strchr(d1 + 1, '.') : NULL;
    CU_ASSERT_PTR_NOT_NULL_FATAL(d2);
    p.head = arena_strndup(arena, token, (size_t)(d1 - token));
    p.body = arena_strndup(arena, d1 + 1, (size_t)(d2 - d1 - 1));
    p.sig = arena_strdup(arena, d2 + 1);
    return p;
}

static char *join(const char *head, const char *body, const char *sig)
{
    return arena_printf(arena, "%s.%s.%s", head, body, sig);
}

static void round_trip(const struct jwt_keys *k, const char *alg)
{
    fresh();
    char *token = issue_at(k, T0, "buyer@example.com");
    struct jwt_claims c;
    CU_ASSERT_EQUAL_FATAL(jwt_verify(&ctx, k, token, T0 + 1, &c), WM_OK);
    CU_ASSERT_EQUAL(c.user_id, 42);
    CU_ASSERT_EQUAL(c.session_id, 7);
    CU_ASSERT_TRUE(is_lower_hex(c.jti, JWT_JTI_LEN));
    CU_ASSERT_EQUAL(c.iat, T0);
    CU_ASSERT_EQUAL(c.nbf, T0);
    CU_ASSERT_EQUAL(c.exp, T0 + TTL);
    CU_ASSERT_EQUAL(c.orig_iat, T0);
    CU_ASSERT_STRING_EQUAL(c.email ? c.email : "(null)", "buyer@example.com");
    CU_ASSERT_FALSE(c.expired);

    /* The header and the claims as written, read without verification (inspection only). */
    jwt_t *j = NULL;
    CU_ASSERT_EQUAL_FATAL(jwt_decode(&j, token, NULL, 0), 0);
    CU_ASSERT_STRING_EQUAL(jwt_get_header(j, "typ"), "JWT");
    CU_ASSERT_STRING_EQUAL(jwt_get_header(j, "alg"), alg);
    CU_ASSERT_STRING_EQUAL(jwt_get_grant(j, "sub"), "42");
    CU_ASSERT_STRING_EQUAL(jwt_get_grant(j, "sid"), "7");
    CU_ASSERT_EQUAL(jwt_get_grant_int(j, "origIat"), T0);
    CU_ASSERT_PTR_NULL(jwt_get_grant(j, "iss"));
    CU_ASSERT_PTR_NULL(jwt_get_grant(j, "aud"));
    jwt_free(j);
}

static void test_hs256_round_trip(void)
{
    round_trip(hs, "HS256");
}

static void test_rs256_round_trip(void)
{
    round_trip(rs, "RS256");
    CU_ASSERT_EQUAL(strlen(split(issue_at(rs, T0, NULL)).sig), 342); /* 256 bytes */
}

static void test_es256_round_trip(void)
{
    round_trip(es, "ES256");
    /* RFC 7518 §3.4: R || S, 64 bytes, not a DER structure. */
    CU_ASSERT_EQUAL(strlen(split(issue_at(es, T0, NULL)).sig), 86);
}

static void test_issue_defaults(void)
{
    fresh();
    char *a = issue_at(hs, T0, NULL);
    char *b = issue_at(hs, T0, NULL);
    CU_ASSERT_STRING_NOT_EQUAL(a, b);
    struct jwt_claims ca;
    struct jwt_claims cb;
    CU_ASSERT_EQUAL_FATAL(jwt_verify(&ctx, hs, a, T0, &ca), WM_OK);
    CU_ASSERT_EQUAL_FATAL(jwt_verify(&ctx, hs, b, T0, &cb), WM_OK);
    CU_ASSERT_STRING_NOT_EQUAL(ca.jti, cb.jti);
    CU_ASSERT_PTR_NULL(ca.email);

    /* A refreshed token keeps the origIat of the login. */
    struct jwt_claims c = { .user_id = 9, .session_id = 3, .iat = T0 + 600, .orig_iat = T0 };
    char *t = NULL;
    CU_ASSERT_EQUAL_FATAL(jwt_issue(&ctx, hs, &c, &t), WM_OK);
    struct jwt_claims back;
    CU_ASSERT_EQUAL_FATAL(jwt_verify(&ctx, hs, t, T0 + 600, &back), WM_OK);
    CU_ASSERT_EQUAL(back.orig_iat, T0);
    CU_ASSERT_EQUAL(back.iat, T0 + 600);
    CU_ASSERT_EQUAL(back.exp, T0 + 600 + TTL);

    /* iat 0 means now. */
    c.iat = 0;
    c.orig_iat = 0;
    int64_t before = (int64_t)time(NULL);
    CU_ASSERT_EQUAL_FATAL(jwt_issue(&ctx, hs, &c, &t), WM_OK);
    CU_ASSERT_EQUAL_FATAL(jwt_verify(&ctx, hs, t, before, &back), WM_OK);
    CU_ASSERT(back.iat >= before && back.iat <= before + 5);
}

static void tampered_payload(const struct jwt_keys *k)
{
    fresh();
    struct parts p = split(issue_at(k, T0, "buyer@example.com"));
    /* Another user's id under the original signature. */
    const char *forged =
            b64url_str(arena_printf(arena, "{\"sub\":\"1\",%s", payload("sub", NULL) + 1));
    expect_reject(k, join(p.head, forged, p.sig), T0, JWT_MSG_DECODE);
    /* One character of the original payload changed. */
    char *body = arena_strdup(arena, p.body);
    body[10] = body[10] == 'A' ? 'B' : 'A';
    expect_reject(k, join(p.head, body, p.sig), T0, JWT_MSG_DECODE);
}

static void test_tampered_payload(void)
{
    tampered_payload(hs);
    tampered_payload(rs);
    tampered_payload(es);
}

static void tampered_signature(const struct jwt_keys *k)
{
    fresh();
    struct parts p = split(issue_at(k, T0, NULL));
    char *sig = arena_strdup(arena, p.sig);
    size_t mid = strlen(sig) / 2;
    sig[mid] = sig[mid] == 'A' ? 'B' : 'A';
    expect_reject(k, join(p.head, p.body, sig), T0, JWT_MSG_DECODE);
    /* Truncated, and another token's signature. */
    expect_reject(k, join(p.head, p.body, arena_strndup(arena, p.sig, mid)), T0, JWT_MSG_DECODE);
    expect_reject(k, join(p.head, p.body, split(issue_at(k, T0, NULL)).sig), T0, JWT_MSG_DECODE);
}

static void test_tampered_signature(void)
{
    tampered_signature(hs);
    tampered_signature(rs);
    tampered_signature(es);
}

static void test_wrong_key(void)
{
    fresh();
    struct jwt_keys *rs_b = load("RS256", NULL, "rsa_b.pub");
    struct jwt_keys *es_b = load("ES256", NULL, "ec_b.pub");
    CU_ASSERT_PTR_NOT_NULL_FATAL(rs_b);
    CU_ASSERT_PTR_NOT_NULL_FATAL(es_b);
    expect_reject(hs_b, issue_at(hs, T0, NULL), T0, JWT_MSG_DECODE);
    expect_reject(rs_b, issue_at(rs, T0, NULL), T0, JWT_MSG_DECODE);
    expect_reject(es_b, issue_at(es, T0, NULL), T0, JWT_MSG_DECODE);
    /* A key of the other family altogether. */
    expect_reject(rs, issue_at(es, T0, NULL), T0, JWT_MSG_DECODE);
    expect_reject(es, issue_at(rs, T0, NULL), T0, JWT_MSG_DECODE);
    expect_reject(hs, issue_at(rs, T0, NULL), T0, JWT_MSG_DECODE);
    jwt_keys_free(rs_b);
    jwt_keys_free(es_b);
}

static void test_expired(void)
{
    fresh();
    char *token = issue_at(hs, T0, "buyer@example.com");
    struct jwt_claims c;
    /* The last second of the leeway still passes. */
    CU_ASSERT_EQUAL(jwt_verify(&ctx, hs, token, T0 + TTL + JWT_LEEWAY_S - 1, &c), WM_OK);
    CU_ASSERT_FALSE(c.expired);
    CU_ASSERT_EQUAL(jwt_verify(&ctx, hs, token, T0 + TTL + JWT_LEEWAY_S, &c), WM_EEXPIRED);
    CU_ASSERT_STRING_EQUAL(err_message(), "Signature has expired: the token is no longer valid");
    CU_ASSERT_STRING_EQUAL(wm_gql_code(WM_EEXPIRED), "TOKEN_EXPIRED");
    CU_ASSERT_TRUE(c.expired);
    /* The claims of an expired token are still there for a refresh flow. */
    CU_ASSERT_EQUAL(c.user_id, 42);
    CU_ASSERT_EQUAL(c.session_id, 7);
    CU_ASSERT_EQUAL(c.orig_iat, T0);
    CU_ASSERT_STRING_EQUAL(c.email, "buyer@example.com");
    expect_reject(hs, token, T0 + INT64_C(365) * 86400, JWT_MSG_EXPIRED);
    /* An expired token that is also tampered with is not "expired": it is bad. */
    struct parts p = split(token);
    p.sig[5] = p.sig[5] == 'A' ? 'B' : 'A';
    expect_reject(hs, join(p.head, p.body, p.sig), T0 + 2 * (int64_t)TTL, JWT_MSG_DECODE);
}

static void test_not_yet_valid(void)
{
    fresh();
    char *token = issue_at(rs, T0, NULL);
    struct jwt_claims c;
    CU_ASSERT_EQUAL(jwt_verify(&ctx, rs, token, T0 - JWT_LEEWAY_S, &c), WM_OK);
    expect_reject(rs, token, T0 - JWT_LEEWAY_S - 1, JWT_MSG_INVALID);
    expect_reject(rs, token, T0 - 3600, JWT_MSG_INVALID);
    /* nbf alone in the future (iat now), then iat alone in the future. */
    char *nbf = arena_printf(arena, "\"nbf\":%lld", (long long)(T0 + 60));
    expect_reject(hs, sign_hs(payload("nbf", nbf)), T0, JWT_MSG_INVALID);
    char *iat = arena_printf(arena, "\"iat\":%lld", (long long)(T0 + 60));
    expect_reject(hs, sign_hs(payload("iat", iat)), T0 + 30, JWT_MSG_INVALID);
}

static void test_alg_none_is_refused(void)
{
    fresh();
    const char *head = b64url_str("{\"alg\":\"none\",\"typ\":\"JWT\"}");
    const char *body = b64url_str(payload(NULL, NULL));
    char *none = arena_printf(arena, "%s.%s.", head, body);
    expect_reject(hs, none, T0, JWT_MSG_DECODE);
    expect_reject(rs, none, T0, JWT_MSG_DECODE);
    expect_reject(es, none, T0, JWT_MSG_DECODE);
    /* With a signature borrowed from a real token, and with other spellings. */
    const char *sig = split(issue_at(hs, T0, NULL)).sig;
    expect_reject(hs, join(head, body, sig), T0, JWT_MSG_DECODE);
    const char *upper = b64url_str("{\"alg\":\"None\",\"typ\":\"JWT\"}");
    expect_reject(hs, join(upper, body, sig), T0, JWT_MSG_DECODE);
    const char *noalg = b64url_str("{\"typ\":\"JWT\"}");
    expect_reject(hs, join(noalg, body, sig), T0, JWT_MSG_DECODE);
}

/* HS256 keyed with the public key PEM text: what an attacker can compute from public data. */
static void confusion(const struct jwt_keys *k, const char *pub_file)
{
    fresh();
    const char *pub = slurp(pub_file);
    CU_ASSERT_FATAL(strstr(pub, "BEGIN PUBLIC KEY") != NULL);
    char *token = sign_raw(JWT_ALG_HS256, pub, strlen(pub), payload(NULL, NULL), NULL);
    /* libjwt alone accepts it: only the pinned algorithm stands in the way. */
    jwt_t *j = NULL;
    CU_ASSERT_EQUAL(jwt_decode(&j, token, (const unsigned char *)pub, (int)strlen(pub)), 0);
    jwt_free(j);
    expect_reject(k, token, T0, JWT_MSG_DECODE);
    /* Also without the trailing newline, which some tools strip. */
    size_t n = strlen(pub) - 1;
    expect_reject(k, sign_raw(JWT_ALG_HS256, pub, n, payload(NULL, NULL), NULL), T0,
                  JWT_MSG_DECODE);
}

static void test_hs256_with_the_rsa_public_key_is_refused(void)
{
    confusion(rs, "rsa.pub");
}

static void test_hs256_with_the_ec_public_key_is_refused(void)
{
    confusion(es, "ec.pub");
}

static void test_other_algorithms_with_the_same_key_are_refused(void)
{
    fresh();
    const char *rsa = slurp("rsa.pem");
    expect_reject(rs, sign_raw(JWT_ALG_RS512, rsa, strlen(rsa), payload(NULL, NULL), NULL), T0,
                  JWT_MSG_DECODE);
    expect_reject(rs, sign_raw(JWT_ALG_RS384, rsa, strlen(rsa), payload(NULL, NULL), NULL), T0,
                  JWT_MSG_DECODE);
    expect_reject(hs, sign_raw(JWT_ALG_HS512, HEX64_A, 64, payload(NULL, NULL), NULL), T0,
                  JWT_MSG_DECODE);
    /* The control: the same payload under the pinned algorithm passes. */
    struct jwt_claims c;
    CU_ASSERT_EQUAL(jwt_verify(&ctx, rs,
                               sign_raw(JWT_ALG_RS256, rsa, strlen(rsa), payload(NULL, NULL), NULL),
                               T0, &c),
                    WM_OK);
    CU_ASSERT_EQUAL(jwt_verify(&ctx, hs, sign_hs(payload(NULL, NULL)), T0, &c), WM_OK);
}

static void test_claims_missing_or_ill_typed_are_refused(void)
{
    static const struct {
        const char *drop;
        const char *add;
    } cases[] = {
        { "sub", NULL },
        { "sub", "\"sub\":42" },
        { "sub", "\"sub\":\"abc\"" },
        { "sub", "\"sub\":\"0\"" },
        { "sub", "\"sub\":\"-1\"" },
        { "sub", "\"sub\":\"042\"" },
        { "sub", "\"sub\":\"42 \"" },
        { "sub", "\"sub\":\"\"" },
        { "sub", "\"sub\":\"99999999999999999999\"" },
        { "sub", "\"sub\":null" },
        { "sid", NULL },
        { "sid", "\"sid\":7" },
        { "sid", "\"sid\":\"x\"" },
        { "jti", NULL },
        { "jti", "\"jti\":\"00112233\"" },
        { "jti", "\"jti\":\"00112233445566778899AABBCCDDEEFF\"" },
        { "jti", "\"jti\":\"00112233445566778899aabbccddeeffaa\"" },
        { "jti", "\"jti\":\"0011223344556677889zaabbccddeeff\"" },
        { "jti", "\"jti\":12" },
        { "iat", NULL },
        { "iat", "\"iat\":\"1767225600\"" },
        { "iat", "\"iat\":1767225600.5" },
        { "iat", "\"iat\":0" },
        { "nbf", NULL },
        { "nbf", "\"nbf\":true" },
        { "exp", NULL },
        { "exp", "\"exp\":\"1767226500\"" },
        { "exp", "\"exp\":1767226500.0" },
        { "exp", "\"exp\":-5" },
        { "exp", "\"exp\":1767225600" },   /* not after iat */
        { "exp", "\"exp\":253402300800" }, /* beyond year 9999 */
        { "exp", "\"exp\":[1767226500]" },
        { "origIat", "\"origIat\":\"1767225600\"" },
        { "origIat", "\"origIat\":1767225601" }, /* after iat */
        { "email", "\"email\":42" },
        { "email", "\"email\":null" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        fresh();
        char *claims = payload(cases[i].drop, cases[i].add);
        struct jwt_claims c;
        int rc = jwt_verify(&ctx, hs, sign_hs(claims), T0, &c);
        if (rc != WM_EUNAUTH || strcmp(err_message(), JWT_MSG_PAYLOAD) != 0)
            (void)fprintf(stderr, "\n  accepted or wrong message: %s -> %s\n", claims,
                          rc == WM_OK ? "ok" : err_message());
        CU_ASSERT_EQUAL(rc, WM_EUNAUTH);
        CU_ASSERT_STRING_EQUAL(err_message(), JWT_MSG_PAYLOAD);
        CU_ASSERT_EQUAL(c.user_id, 0);
    }
    /* The optional claims may be absent. */
    fresh();
    struct jwt_claims c;
    CU_ASSERT_EQUAL(jwt_verify(&ctx, hs, sign_hs(payload("email", NULL)), T0, &c), WM_OK);
    CU_ASSERT_PTR_NULL(c.email);
    CU_ASSERT_EQUAL(jwt_verify(&ctx, hs, sign_hs(payload("origIat", NULL)), T0, &c), WM_OK);
    CU_ASSERT_EQUAL(c.orig_iat, T0);
}

static void test_issuer_and_audience(void)
{
    fresh();
    char err[256];
    struct jwt_keys *k = load("HS256", "hs.key", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(k);
    CU_ASSERT_EQUAL(
            jwt_keys_set_policy(k, "https://market.example", "market-app", 300, err, sizeof(err)),
            WM_OK);
    char *token = issue_at(k, T0, NULL);
    struct jwt_claims c;
    CU_ASSERT_EQUAL(jwt_verify(&ctx, k, token, T0, &c), WM_OK);
    CU_ASSERT_EQUAL(c.exp, T0 + 300);
    jwt_t *j = NULL;
    CU_ASSERT_EQUAL_FATAL(jwt_decode(&j, token, NULL, 0), 0);
    CU_ASSERT_STRING_EQUAL(jwt_get_grant(j, "iss"), "https://market.example");
    CU_ASSERT_STRING_EQUAL(jwt_get_grant(j, "aud"), "market-app");
    jwt_free(j);

    /* Same secret, but no or other iss/aud; and an audience where none is configured. */
    expect_reject(k, issue_at(hs, T0, NULL), T0, JWT_MSG_INVALID);
    const char *iss = "\"iss\":\"https://market.example\"";
    expect_reject(k, sign_hs(payload(NULL, arena_printf(arena, "%s,\"aud\":\"other\"", iss))), T0,
                  JWT_MSG_INVALID);
    expect_reject(k,
                  sign_hs(payload(NULL, "\"iss\":\"https://evil.example\",\"aud\":\"market-app\"")),
                  T0, JWT_MSG_INVALID);
    expect_reject(k,
                  sign_hs(payload(NULL, arena_printf(arena, "%s,\"aud\":[\"market-app\"]", iss))),
                  T0, JWT_MSG_INVALID);
    expect_reject(hs, token, T0, JWT_MSG_INVALID);
    jwt_keys_free(k);
}

static void test_policy_is_validated(void)
{
    char err[256];
    struct jwt_keys *k = load("HS256", "hs.key", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(k);
    CU_ASSERT_EQUAL(jwt_keys_set_policy(k, NULL, NULL, 0, err, sizeof(err)), WM_EINVAL);
    CU_ASSERT_STRING_EQUAL(err, "token lifetime 0 s is not in 1..2592000");
    CU_ASSERT_EQUAL(jwt_keys_set_policy(k, NULL, NULL, -1, err, sizeof(err)), WM_EINVAL);
    CU_ASSERT_EQUAL(jwt_keys_set_policy(k, NULL, NULL, JWT_TTL_MAX + 1, err, sizeof(err)),
                    WM_EINVAL);
    CU_ASSERT_EQUAL(jwt_keys_set_policy(k, "a\nb", NULL, 60, err, sizeof(err)), WM_EINVAL);
    CU_ASSERT_EQUAL(jwt_keys_set_policy(k, NULL, "caf\xc3\xa9", 60, err, sizeof(err)), WM_EINVAL);
    char long_iss[JWT_ISSAUD_MAX + 2];
    memset(long_iss, 'x', sizeof(long_iss) - 1);
    long_iss[sizeof(long_iss) - 1] = '\0';
    CU_ASSERT_EQUAL(jwt_keys_set_policy(k, long_iss, NULL, 60, err, sizeof(err)), WM_EINVAL);
    long_iss[JWT_ISSAUD_MAX] = '\0';
    CU_ASSERT_EQUAL(jwt_keys_set_policy(k, long_iss, "", 60, err, sizeof(err)), WM_OK);
    /* Empty strings mean no claim. */
    CU_ASSERT_EQUAL(jwt_keys_set_policy(k, "", "", 60, err, sizeof(err)), WM_OK);
    fresh();
    struct jwt_claims c;
    CU_ASSERT_EQUAL(jwt_verify(&ctx, k, issue_at(hs, T0, NULL), T0, &c), WM_OK);
    jwt_keys_free(k);
}

static void test_crit_header_is_refused(void)
{
    fresh();
    char *token = sign_raw(JWT_ALG_HS256, HEX64_A, 64, payload(NULL, NULL), "{\"crit\":[\"exp\"]}");
    expect_reject(hs, token, T0, JWT_MSG_DECODE);
}

static void test_malformed_tokens_are_refused(void)
{
    fresh();
    struct parts p = split(issue_at(hs, T0, NULL));
    const char *cases[] = {
        "",
        "abc",
        "a.b",
        "a.b.c.d",
        "..",
        "a..c",
        ".b.c",
        "a.b.",
        "e30.e30.e30",
        arena_printf(arena, "%s.%s.%s.", p.head, p.body, p.sig),
        arena_printf(arena, " %s.%s.%s", p.head, p.body, p.sig),
        arena_printf(arena, "%s.%s.%s\n", p.head, p.body, p.sig),
        arena_printf(arena, "%s.%s.%s=", p.head, p.body, p.sig),
        arena_printf(arena, "%s.%s+.%s", p.head, p.body, p.sig),
        arena_printf(arena, "%s..%s.%s", p.head, p.body, p.sig),
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        expect_reject(hs, cases[i], T0, JWT_MSG_DECODE);
    /* Longer than JWT_TOKEN_MAX, though well-formed apart from that. */
    char *big = arena_alloc(arena, JWT_TOKEN_MAX + 2);
    memset(big, 'A', JWT_TOKEN_MAX + 1);
    big[JWT_TOKEN_MAX + 1] = '\0';
    big[10] = '.';
    big[20] = '.';
    expect_reject(hs, big, T0, JWT_MSG_DECODE);
    struct jwt_claims c;
    CU_ASSERT_EQUAL(jwt_verify(&ctx, hs, NULL, T0, &c), WM_EUNAUTH);
}

static void test_authorization_header(void)
{
    static const struct {
        const char *header;
        const char *token; /* NULL: refused */
    } cases[] = {
        { "Bearer aaa.bbb.ccc", "aaa.bbb.ccc" },
        { "JWT aaa.bbb.ccc", "aaa.bbb.ccc" },
        { "bearer aaa.bbb.ccc", "aaa.bbb.ccc" },
        { "BEARER aaa.bbb.ccc", "aaa.bbb.ccc" },
        { "jwt aaa.bbb.ccc", "aaa.bbb.ccc" },
        { "Bearer    a-b_c.d.e", "a-b_c.d.e" },
        { "JWT  x", "x" },
        { NULL, NULL },
        { "", NULL },
        { "Bearer", NULL },
        { "Bearer ", NULL },
        { "Bearer    ", NULL },
        { "JWT", NULL },
        { "Bearerx aaa", NULL },
        { "Bearer\taaa", NULL },
        { "Basic dXNlcjpwYXNz", NULL },
        { "Token aaa.bbb.ccc", NULL },
        { "aaa.bbb.ccc", NULL },
        { " Bearer aaa.bbb.ccc", NULL },
        { "Bearer aaa.bbb.ccc ", NULL },
        { "Bearer aaa bbb", NULL },
        { "Bearer aaa.bbb.ccc\r\nX-Evil: 1", NULL },
        { "Bearer aaa\tbbb", NULL },
        { "Bearer aaa\x01", NULL },
        { "Bearer aaa\x7f", NULL },
        { "Bearer aaa\x80", NULL },
        { "Bearer aa+a/b=", NULL },
        { "Bearer Bearer aaa", NULL },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct str t = { "x", 1 };
        bool ok = jwt_from_authorization(cases[i].header, &t);
        if (ok != (cases[i].token != NULL))
            (void)fprintf(stderr, "\n  Authorization '%s': %s\n",
                          cases[i].header ? cases[i].header : "(null)",
                          ok ? "accepted" : "refused");
        CU_ASSERT_EQUAL(ok, cases[i].token != NULL);
        if (!ok) {
            CU_ASSERT_PTR_NULL(t.ptr);
            CU_ASSERT_EQUAL(t.len, 0);
            continue;
        }
        CU_ASSERT_TRUE(str_eq_cstr(t, cases[i].token));
        CU_ASSERT_EQUAL(t.ptr[t.len], '\0');
    }

    /* What it extracts verifies as is. */
    fresh();
    char *header = arena_printf(arena, "JWT %s", issue_at(es, T0, NULL));
    struct str t;
    CU_ASSERT_TRUE_FATAL(jwt_from_authorization(header, &t));
    struct jwt_claims c;
    CU_ASSERT_EQUAL(jwt_verify(&ctx, es, t.ptr, T0, &c), WM_OK);
}

static void test_authorization_header_length(void)
{
    /* JWT_TOKEN_MAX characters pass; one more does not, however long the header. */
    fresh();
    size_t n = 7 + JWT_TOKEN_MAX + 1 + 100000;
    char *h = arena_alloc(arena, n + 1);
    memcpy(h, "Bearer ", 7);
    memset(h + 7, 'a', n - 7);
    h[7 + JWT_TOKEN_MAX] = '\0';
    struct str t;
    CU_ASSERT_TRUE(jwt_from_authorization(h, &t));
    CU_ASSERT_EQUAL(t.len, JWT_TOKEN_MAX);
    h[7 + JWT_TOKEN_MAX] = 'a';
    h[7 + JWT_TOKEN_MAX + 1] = '\0';
    CU_ASSERT_FALSE(jwt_from_authorization(h, &t));
    h[7 + JWT_TOKEN_MAX + 1] = 'a';
    h[n] = '\0';
    CU_ASSERT_FALSE(jwt_from_authorization(h, &t));
}

/* Loading must fail with a message that contains want. */
static void load_fails(const char *alg, const char *secret, const char *pub, const char *want)
{
    static int sentinel;
    struct jwt_keys *k = (struct jwt_keys *)&sentinel;
    char err[512];
    int rc = jwt_keys_load(&k, alg, secret ? path_of(secret) : NULL, pub ? path_of(pub) : NULL, err,
                           sizeof(err));
    CU_ASSERT_EQUAL(rc, WM_EINVAL);
    CU_ASSERT_PTR_NULL(k);
    if (rc != WM_EINVAL || !strstr(err, want))
        (void)fprintf(stderr, "\n  %s %s %s: got '%s', want '%s'\n", alg ? alg : "(null)",
                      secret ? secret : "-", pub ? pub : "-", rc == WM_OK ? "ok" : err, want);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, want));
    jwt_keys_free(rc == WM_OK ? k : NULL);
}

static void test_short_or_bad_secrets_are_refused(void)
{
    load_fails("HS256", "hs_short.key", NULL, "too short: 31 bytes");
    load_fails("HS256", "text31.key", NULL, "too short: 31 bytes");
    load_fails("HS256", "empty.key", NULL, "too short: 0 bytes");
    load_fails("HS256", "missing.key", NULL, "cannot open");
    load_fails("HS256", NULL, NULL, "HS256 needs a secret file");
    load_fails(NULL, "hs.key", "rsa.pub", "HS256 takes no public key file");
    load_fails("HS512", "hs.key", NULL, "unsupported JWT algorithm 'HS512'");
    load_fails("none", "hs.key", NULL, "unsupported JWT algorithm 'none'");
    load_fails("hs256", "hs.key", NULL, "unsupported JWT algorithm");
    /* A directory is not a key file. */
    struct jwt_keys *k = NULL;
    char err[256];
    CU_ASSERT_EQUAL(jwt_keys_load(&k, "HS256", dir, NULL, err, sizeof(err)), WM_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "not a regular file"));

    /* The defaults, a 32-byte passphrase, and NULL/empty algorithm names load. */
    static const char *const ok[][2] = { { NULL, "hs.key" },
                                         { "", "hs.key" },
                                         { "HS256", "text32.key" } };
    for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
        k = NULL;
        CU_ASSERT_EQUAL(jwt_keys_load(&k, ok[i][0], path_of(ok[i][1]), "", err, sizeof(err)),
                        WM_OK);
        CU_ASSERT_PTR_NOT_NULL(k);
        jwt_keys_free(k);
    }
    /* hs and a set loaded from the same file share tokens: the key is the file's text. */
    fresh();
    k = load("HS256", "hs.key", NULL);
    struct jwt_claims c;
    CU_ASSERT_EQUAL(jwt_verify(&ctx, k, issue_at(hs, T0, NULL), T0, &c), WM_OK);
    jwt_keys_free(k);
}

static void test_unsuitable_pem_keys_are_refused(void)
{
    load_fails("RS256", NULL, NULL, "RS256 needs a private or a public key PEM file");
    load_fails("RS256", "ec.pem", "ec.pub", "is not an RSA key");
    load_fails("RS256", NULL, "ec.pub", "is not an RSA key");
    load_fails("ES256", "rsa.pem", "rsa.pub", "is not an EC key on P-256");
    load_fails("ES256", "ec384.pem", NULL, "is not an EC key on P-256");
    load_fails("RS256", "rsa1024.pem", NULL, "has 1024 bits, RS256 needs 2048");
    load_fails("RS256", "rsa.pem", "rsa_b.pub", "is not the public key of");
    load_fails("ES256", "ec.pem", "ec_b.pub", "is not the public key of");
    load_fails("RS256", "rsa_enc.pem", NULL, "holds no unencrypted PEM private key");
    load_fails("RS256", "rsa.pub", NULL, "holds no unencrypted PEM private key");
    load_fails("RS256", "rsa.pem", "rsa.pem", "holds no PEM public key");
    load_fails("ES256", "hs.key", NULL, "holds no unencrypted PEM private key");
    load_fails("RS256", "rsa.pem", "missing.pub", "cannot open");
}

static void test_public_key_derived_or_verify_only(void)
{
    fresh();
    /* No public file: derived from the private key, and it verifies rs's tokens. */
    struct jwt_keys *derived = load("RS256", "rsa.pem", "");
    CU_ASSERT_PTR_NOT_NULL_FATAL(derived);
    struct jwt_claims c;
    CU_ASSERT_EQUAL(jwt_verify(&ctx, derived, issue_at(rs, T0, NULL), T0, &c), WM_OK);
    CU_ASSERT_EQUAL(jwt_verify(&ctx, rs, issue_at(derived, T0, NULL), T0, &c), WM_OK);
    jwt_keys_free(derived);

    /* No private file: verifies, cannot issue. */
    struct jwt_keys *vo = load("ES256", NULL, "ec.pub");
    CU_ASSERT_PTR_NOT_NULL_FATAL(vo);
    CU_ASSERT_EQUAL(jwt_verify(&ctx, vo, issue_at(es, T0, NULL), T0, &c), WM_OK);
    struct jwt_claims in = { .user_id = 1, .session_id = 1, .iat = T0 };
    char *token = (char *)"x";
    CU_ASSERT_EQUAL(jwt_issue(&ctx, vo, &in, &token), WM_EINTERNAL);
    CU_ASSERT_PTR_NULL(token);
    jwt_keys_free(vo);
    jwt_keys_free(NULL);
}

static CU_TestInfo tests[] = {
    { "HS256 tokens round-trip with every claim", test_hs256_round_trip },
    { "RS256 tokens round-trip with every claim", test_rs256_round_trip },
    { "ES256 tokens round-trip, signature in JOSE form", test_es256_round_trip },
    { "issue draws a fresh jti and defaults iat and origIat", test_issue_defaults },
    { "a tampered payload is refused", test_tampered_payload },
    { "a tampered signature is refused", test_tampered_signature },
    { "a token signed with another key is refused", test_wrong_key },
    { "an expired token says so and keeps its claims", test_expired },
    { "a token not yet valid is refused", test_not_yet_valid },
    { "alg none is refused", test_alg_none_is_refused },
    { "HS256 signed with the RSA public key is refused under RS256",
      test_hs256_with_the_rsa_public_key_is_refused },
    { "HS256 signed with the EC public key is refused under ES256",
      test_hs256_with_the_ec_public_key_is_refused },
    { "other algorithms with the same key are refused",
      test_other_algorithms_with_the_same_key_are_refused },
    { "missing or ill-typed claims are refused as invalid payload",
      test_claims_missing_or_ill_typed_are_refused },
    { "issuer and audience are written and required", test_issuer_and_audience },
    { "the policy is validated", test_policy_is_validated },
    { "a crit header is refused", test_crit_header_is_refused },
    { "malformed tokens are refused", test_malformed_tokens_are_refused },
    { "the Authorization header gives Bearer and JWT tokens", test_authorization_header },
    { "the Authorization header's token is at most 8 KiB", test_authorization_header_length },
    { "short or bad HS256 secrets are refused", test_short_or_bad_secrets_are_refused },
    { "unsuitable PEM keys are refused", test_unsuitable_pem_keys_are_refused },
    { "the public key is derived, or the set is verify-only",
      test_public_key_derived_or_verify_only },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(auth_jwt, "auth/jwt", suite_init, suite_clean, tests);
