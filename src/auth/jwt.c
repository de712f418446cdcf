/*
 * jwt.c: access tokens with libjwt 1.10 (jwt.h). libjwt checks a signature and nothing else,
 * with whatever algorithm the token names, so this file adds what a JWT library of today does:
 * the algorithm is pinned, exp/nbf/iat/iss/aud are checked, and every claim is type-checked
 * (jwt_get_grant_int() answers 0 for a string or a float, so integers are read as JSON text).
 * Keys are checked with OpenSSL when loaded, so a bad key file fails at start-up rather than at
 * the first login. Invariant: jwt_decode() is never given a NULL key (it would skip the check).
 */
#include "auth/jwt.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jwt.h>
#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/config.h"
#include "core/log.h"
#include "core/rand.h"

#define KEY_FILE_MAX    65536 /* bytes: more than any key file we accept */
#define RSA_BITS_MIN    2048
#define AUTH_HEADER_MAX (JWT_TOKEN_MAX + 64)
#define JTI_RAW         (JWT_JTI_LEN / 2)
/* 9999-12-31T23:59:59Z: claims beyond it are refused, so time arithmetic cannot overflow. */
#define TIME_MAX INT64_C(253402300799)

_Static_assert(sizeof(long) >= sizeof(int64_t), "libjwt takes integer grants as long");

struct jwt_keys {
    jwt_alg_t alg;             /* the pinned algorithm: HS256, RS256 or ES256 */
    unsigned char *sign_key;   /* HMAC secret or private key PEM; NULL: verify only */
    int sign_len;              /* bytes */
    unsigned char *verify_key; /* HMAC secret or public key PEM; never NULL */
    int verify_len;            /* bytes */
    char *iss;                 /* "iss" to write and require; NULL: none */
    char *aud;                 /* "aud" to write and require; NULL: none */
    int64_t ttl;               /* token lifetime, seconds */
};

static bool has_text(const char *s)
{
    return s && s[0];
}

static void *xmemdup(const void *p, size_t n)
{
    void *q = malloc(n + 1);
    if (!q) wm_oom(n + 1);
    memcpy(q, p, n);
    ((char *)q)[n] = '\0';
    return q;
}

/* Wipe and free n bytes at p (secrets and key files). NULL is a no-op. */
static void free_secret(void *p, size_t n)
{
    if (!p) return;
    OPENSSL_cleanse(p, n);
    free(p);
}

/* An arena cleanup for a jwt_t. */
static void free_jwt(void *p)
{
    jwt_free(p);
}

static int load_error(char *err, size_t errlen, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
/* Format the reason of a jwt_keys_* failure into err and return WM_EINVAL. */
static int load_error(char *err, size_t errlen, const char *fmt, ...)
{
    if (errlen > 0) {
        va_list ap;
        va_start(ap, fmt);
        (void)vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return WM_EINVAL;
}

/* OpenSSL's reason for the last failure (static string); the caller clears the queue. */
static const char *ssl_reason(void)
{
    const char *r = ERR_reason_error_string(ERR_peek_last_error());
    return r ? r : "no detail";
}

/*
 * Read all of the regular file at path (at most KEY_FILE_MAX bytes) into a NUL-terminated heap
 * buffer *out of *len bytes; the caller wipes it with free_secret(*out, *len). WM_OK, or
 * WM_EINVAL with the reason in err.
 */
static int read_key_file(const char *path, unsigned char **out, size_t *len, char *err,
                         size_t errlen)
{
    *out = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return load_error(err, errlen, "cannot open '%s': %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > KEY_FILE_MAX) {
        (void)close(fd);
        return load_error(err, errlen, "'%s' is not a regular file of at most %d bytes", path,
                          KEY_FILE_MAX);
    }
    size_t cap = (size_t)st.st_size;
    unsigned char *p = malloc(cap + 1);
    if (!p) wm_oom(cap + 1);
    size_t n = 0;
    while (n < cap) {
        ssize_t r = read(fd, p + n, cap - n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        n += (size_t)r;
    }
    (void)close(fd);
    if (n != cap) {
        free_secret(p, cap + 1);
        return load_error(err, errlen, "cannot read '%s'", path);
    }
    p[n] = '\0';
    *out = p;
    *len = n;
    return WM_OK;
}

static bool is_hex_lower(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

static bool is_hex(char c)
{
    return is_hex_lower(c) || (c >= 'A' && c <= 'F');
}

/* HS256: the secret file's trimmed text is the HMAC key (jwt.h). */
static int load_hmac(struct jwt_keys *k, const char *path, char *err, size_t errlen)
{
    unsigned char *text = NULL;
    size_t len = 0;
    int rc = read_key_file(path, &text, &len, err, errlen);
    if (rc != WM_OK) return rc;
    struct str s = str_trim((struct str){ (const char *)text, len });
    bool all_hex = s.len > 0;
    for (size_t i = 0; i < s.len && all_hex; i++)
        all_hex = is_hex(s.ptr[i]);
    size_t random_bytes = all_hex ? s.len / 2 : s.len;
    if (random_bytes < JWT_SECRET_MIN) {
        rc = load_error(err, errlen,
                        "the HS256 secret in '%s' is too short: %zu bytes of randomness, at "
                        "least %d needed (%d hex characters)",
                        path, random_bytes, JWT_SECRET_MIN, 2 * JWT_SECRET_MIN);
    } else {
        k->sign_key = xmemdup(s.ptr, s.len);
        k->verify_key = xmemdup(s.ptr, s.len);
        k->sign_len = k->verify_len = (int)s.len;
    }
    free_secret(text, len + 1);
    return rc;
}

/* A PEM passphrase callback that has none: encrypted keys fail instead of prompting on a tty.
 * The signature is OpenSSL's pem_password_cb (hence the NOLINT). */
static int no_passphrase(char *buf, /* NOLINT(readability-non-const-parameter) */
                         int size, int rwflag, void *u)
{
    (void)buf;
    (void)size;
    (void)rwflag;
    (void)u;
    return -1;
}

/* Parse a private (is_private) or public key PEM into *pkey (EVP_PKEY_free it). */
static int parse_pem(const unsigned char *pem, size_t len, bool is_private, const char *path,
                     EVP_PKEY **pkey, char *err, size_t errlen)
{
    BIO *bio = BIO_new_mem_buf(pem, (int)len);
    if (!bio) wm_oom(len);
    *pkey = is_private ? PEM_read_bio_PrivateKey(bio, NULL, no_passphrase, NULL)
                       : PEM_read_bio_PUBKEY(bio, NULL, no_passphrase, NULL);
    (void)BIO_free(bio);
    if (*pkey) return WM_OK;
    return load_error(err, errlen,
                      is_private ? "'%s' holds no unencrypted PEM private key (openssl: %s)"
                                 : "'%s' holds no PEM public key (BEGIN PUBLIC KEY) (openssl: %s)",
                      path, ssl_reason());
}

/* The key must suit the algorithm: RSA of RSA_BITS_MIN bits or more, or EC on P-256. */
static int check_key_type(jwt_alg_t alg, EVP_PKEY *pkey, const char *path, char *err, size_t errlen)
{
    if (alg == JWT_ALG_RS256) {
        if (!EVP_PKEY_is_a(pkey, "RSA"))
            return load_error(err, errlen, "'%s' is not an RSA key, which RS256 needs", path);
        int bits = EVP_PKEY_get_bits(pkey);
        if (bits < RSA_BITS_MIN)
            return load_error(err, errlen, "the RSA key in '%s' has %d bits, RS256 needs %d", path,
                              bits, RSA_BITS_MIN);
        return WM_OK;
    }
    char group[64] = "";
    size_t group_len = 0;
    if (!EVP_PKEY_is_a(pkey, "EC") ||
        EVP_PKEY_get_group_name(pkey, group, sizeof(group), &group_len) != 1 ||
        strcmp(group, "prime256v1") != 0)
        return load_error(err, errlen, "'%s' is not an EC key on P-256, which ES256 needs", path);
    return WM_OK;
}

/* The public key PEM of priv, in a heap buffer of *len bytes. */
static int derive_public(EVP_PKEY *priv, unsigned char **out, size_t *len, char *err, size_t errlen)
{
    BIO *bio = BIO_new(BIO_s_mem());
    if (!bio) wm_oom(0);
    int rc = WM_OK;
    char *data = NULL;
    long n = 0;
    if (PEM_write_bio_PUBKEY(bio, priv) != 1 || (n = BIO_get_mem_data(bio, &data)) <= 0) {
        rc = load_error(err, errlen, "cannot derive the public key (openssl: %s)", ssl_reason());
    } else {
        *out = xmemdup(data, (size_t)n);
        *len = (size_t)n;
    }
    (void)BIO_free(bio);
    return rc;
}

/* Read and check one PEM file: its text in *pem (heap, *len bytes) and its key in *pkey. */
static int load_pem_file(jwt_alg_t alg, const char *path, bool is_private, unsigned char **pem,
                         size_t *len, EVP_PKEY **pkey, char *err, size_t errlen)
{
    int rc = read_key_file(path, pem, len, err, errlen);
    if (rc == WM_OK) rc = parse_pem(*pem, *len, is_private, path, pkey, err, errlen);
    if (rc == WM_OK) rc = check_key_type(alg, *pkey, path, err, errlen);
    return rc;
}

/* RS256 / ES256: the private key PEM signs, the public key PEM verifies (jwt.h). */
static int load_pem(struct jwt_keys *k, const char *priv_path, const char *pub_path, char *err,
                    size_t errlen)
{
    unsigned char *priv_pem = NULL;
    unsigned char *pub_pem = NULL;
    size_t priv_len = 0;
    size_t pub_len = 0;
    EVP_PKEY *priv = NULL;
    EVP_PKEY *pub = NULL;
    int rc = WM_OK;
    if (has_text(priv_path))
        rc = load_pem_file(k->alg, priv_path, true, &priv_pem, &priv_len, &priv, err, errlen);
    if (rc == WM_OK && has_text(pub_path))
        rc = load_pem_file(k->alg, pub_path, false, &pub_pem, &pub_len, &pub, err, errlen);
    else if (rc == WM_OK)
        rc = derive_public(priv, &pub_pem, &pub_len, err, errlen);
    if (rc == WM_OK && priv && pub && EVP_PKEY_eq(priv, pub) != 1)
        rc = load_error(err, errlen, "'%s' is not the public key of '%s'", pub_path, priv_path);
    if (rc == WM_OK) {
        k->sign_key = priv_pem;
        k->sign_len = (int)priv_len;
        k->verify_key = pub_pem;
        k->verify_len = (int)pub_len;
    } else {
        free_secret(priv_pem, priv_len + 1);
        free_secret(pub_pem, pub_len + 1);
    }
    EVP_PKEY_free(priv);
    EVP_PKEY_free(pub);
    ERR_clear_error();
    return rc;
}

/* Sign and verify one token with the new keys, so a key libjwt cannot use fails at load. */
static int self_test(const struct jwt_keys *k, char *err, size_t errlen)
{
    struct arena *a = arena_new(0);
    struct wm_ctx ctx = { .arena = a };
    int64_t now = (int64_t)time(NULL);
    struct jwt_claims c = { .user_id = 1, .session_id = 1, .iat = now };
    struct jwt_claims back;
    char *token = NULL;
    int rc = jwt_issue(&ctx, k, &c, &token);
    if (rc == WM_OK) rc = jwt_verify(&ctx, k, token, now, &back);
    if (rc != WM_OK)
        rc = load_error(err, errlen, "the %s keys do not work with libjwt: %s", jwt_alg_str(k->alg),
                        ctx.err.message ? ctx.err.message : "?");
    arena_free(a);
    ERR_clear_error();
    return rc;
}

int jwt_keys_load(struct jwt_keys **out, const char *alg, const char *secret_path,
                  const char *public_pem_path, char *err, size_t errlen)
{
    *out = NULL;
    if (errlen > 0) err[0] = '\0';
    jwt_alg_t a = JWT_ALG_HS256;
    if (has_text(alg) && strcmp(alg, "RS256") == 0)
        a = JWT_ALG_RS256;
    else if (has_text(alg) && strcmp(alg, "ES256") == 0)
        a = JWT_ALG_ES256;
    else if (has_text(alg) && strcmp(alg, "HS256") != 0)
        return load_error(err, errlen, "unsupported JWT algorithm '%.32s' (HS256, RS256, ES256)",
                          alg);
    if (a == JWT_ALG_HS256 && !has_text(secret_path))
        return load_error(err, errlen, "HS256 needs a secret file");
    if (a == JWT_ALG_HS256 && has_text(public_pem_path))
        return load_error(err, errlen, "HS256 takes no public key file ('%s')", public_pem_path);
    if (a != JWT_ALG_HS256 && !has_text(secret_path) && !has_text(public_pem_path))
        return load_error(err, errlen, "%s needs a private or a public key PEM file",
                          jwt_alg_str(a));

    struct jwt_keys *k = calloc(1, sizeof(*k));
    if (!k) wm_oom(sizeof(*k));
    k->alg = a;
    k->ttl = JWT_DEFAULT_TTL;
    int rc = a == JWT_ALG_HS256 ? load_hmac(k, secret_path, err, errlen)
                                : load_pem(k, secret_path, public_pem_path, err, errlen);
    if (rc == WM_OK && k->sign_key) rc = self_test(k, err, errlen);
    if (rc != WM_OK) {
        jwt_keys_free(k);
        return rc;
    }
    *out = k;
    return WM_OK;
}

/* NULL or empty gives NULL (no claim); otherwise printable ASCII up to JWT_ISSAUD_MAX bytes. */
static bool valid_issaud(const char *s)
{
    if (!has_text(s)) return true;
    size_t n = strnlen(s, JWT_ISSAUD_MAX + 1);
    if (n > JWT_ISSAUD_MAX) return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 0x20 || s[i] > 0x7e) return false;
    return true;
}

int jwt_keys_set_policy(struct jwt_keys *k, const char *iss, const char *aud, int64_t ttl_s,
                        char *err, size_t errlen)
{
    assert(k != NULL);
    if (errlen > 0) err[0] = '\0';
    if (ttl_s < 1 || ttl_s > JWT_TTL_MAX)
        return load_error(err, errlen, "token lifetime %" PRId64 " s is not in 1..%d", ttl_s,
                          JWT_TTL_MAX);
    if (!valid_issaud(iss) || !valid_issaud(aud))
        return load_error(err, errlen,
                          "JWT issuer and audience must be printable ASCII of at most %d bytes",
                          JWT_ISSAUD_MAX);
    free(k->iss);
    free(k->aud);
    k->iss = has_text(iss) ? xmemdup(iss, strlen(iss)) : NULL;
    k->aud = has_text(aud) ? xmemdup(aud, strlen(aud)) : NULL;
    k->ttl = ttl_s;
    return WM_OK;
}

void jwt_keys_free(struct jwt_keys *k)
{
    if (!k) return;
    free_secret(k->sign_key, (size_t)k->sign_len + 1);
    free_secret(k->verify_key, (size_t)k->verify_len + 1);
    free(k->iss);
    free(k->aud);
    free(k);
}

/* JWT_JTI_LEN lowercase hex characters from getrandom() into out (JWT_JTI_LEN + 1 bytes). */
static bool random_hex(char *out)
{
    return rand_hex(out, JTI_RAW) == 0;
}

/* Add the claims of jwt.h to jwt; 0 or libjwt's errno value. */
static int add_claims(jwt_t *jwt, const struct jwt_keys *k, const struct jwt_claims *c, int64_t iat,
                      const char *jti)
{
    char sub[24];
    char sid[24];
    (void)snprintf(sub, sizeof(sub), "%" PRId64, c->user_id);
    (void)snprintf(sid, sizeof(sid), "%" PRId64, c->session_id);
    int64_t orig_iat = c->orig_iat ? c->orig_iat : iat;
    int e = jwt_add_grant(jwt, "sub", sub);
    if (!e) e = jwt_add_grant(jwt, "sid", sid);
    if (!e) e = jwt_add_grant(jwt, "jti", jti);
    if (!e) e = jwt_add_grant_int(jwt, "iat", (long)iat);
    if (!e) e = jwt_add_grant_int(jwt, "nbf", (long)iat);
    if (!e) e = jwt_add_grant_int(jwt, "exp", (long)(iat + k->ttl));
    if (!e) e = jwt_add_grant_int(jwt, "origIat", (long)orig_iat);
    if (!e && c->email) e = jwt_add_grant(jwt, "email", c->email);
    if (!e && k->iss) e = jwt_add_grant(jwt, "iss", k->iss);
    if (!e && k->aud) e = jwt_add_grant(jwt, "aud", k->aud);
    return e;
}

int jwt_issue(struct wm_ctx *ctx, const struct jwt_keys *k, const struct jwt_claims *c,
              char **token)
{
    assert(c->user_id > 0 && c->session_id > 0);
    *token = NULL;
    if (!k->sign_key)
        return wm_errorf(ctx, WM_EINTERNAL, "the JWT keys are verify-only: no private key");
    int64_t iat = c->iat ? c->iat : (int64_t)time(NULL);
    assert(iat > 0 && iat <= TIME_MAX - JWT_TTL_MAX);
    assert(c->orig_iat >= 0 && c->orig_iat <= iat);
    char jti[JWT_JTI_LEN + 1];
    if (!random_hex(jti)) {
        log_error("getrandom failed: %s", strerror(errno));
        return wm_errorf(ctx, WM_EINTERNAL, "getrandom failed");
    }
    jwt_t *jwt = NULL;
    if (jwt_new(&jwt) != 0) wm_oom(0);
    arena_defer(ctx->arena, free_jwt, jwt);
    int e = add_claims(jwt, k, c, iat, jti);
    if (!e) e = jwt_set_alg(jwt, k->alg, k->sign_key, k->sign_len);
    char *s = e ? NULL : jwt_encode_str(jwt);
    if (!s) {
        e = e ? e : errno;
        ERR_clear_error();
        log_error("cannot sign a JWT: %s", strerror(e));
        return wm_errorf(ctx, WM_EINTERNAL, "cannot sign a JWT: %s", strerror(e));
    }
    *token = arena_strdup(ctx->arena, s);
    free(s);
    return WM_OK;
}

static bool is_b64url(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
}

/* Three non-empty base64url segments joined by '.', at most JWT_TOKEN_MAX bytes in all. An
 * unsigned token ("alg": "none", empty signature) fails here already. */
static bool is_compact_jws(const char *t)
{
    size_t dots = 0;
    size_t seg = 0;
    for (size_t i = 0; t[i]; i++) {
        if (i >= JWT_TOKEN_MAX) return false;
        if (t[i] == '.') {
            if (seg == 0) return false;
            dots++;
            seg = 0;
        } else if (is_b64url(t[i])) {
            seg++;
        } else {
            return false;
        }
    }
    return dots == 2 && seg > 0;
}

/* A database id written as a decimal string: digits only, no leading zero, > 0. */
static bool parse_id(const char *s, int64_t *out)
{
    if (!s || s[0] < '1' || s[0] > '9') return false;
    return str_to_int64(str_from(s), out);
}

/* 1: grant name is a JSON integer (in *out); 0: absent; -1: present but not an integer. */
static int grant_int(jwt_t *jwt, const char *name, int64_t *out)
{
    char *json = jwt_get_grants_json(jwt, name);
    if (!json) return 0;
    bool ok = str_to_int64(str_from(json), out);
    free(json);
    return ok ? 1 : -1;
}

/* A required time claim: a JSON integer in 1..TIME_MAX. */
static bool time_grant(jwt_t *jwt, const char *name, int64_t *out)
{
    return grant_int(jwt, name, out) == 1 && *out >= 1 && *out <= TIME_MAX;
}

static bool has_grant(jwt_t *jwt, const char *name)
{
    char *json = jwt_get_grants_json(jwt, name);
    bool present = json != NULL;
    free(json);
    return present;
}

/* Read and type-check the claims into *c; NULL, or why the payload is invalid (for the log). */
static const char *read_claims(struct arena *a, jwt_t *jwt, struct jwt_claims *c)
{
    if (!parse_id(jwt_get_grant(jwt, "sub"), &c->user_id)) return "sub is not a user id";
    if (!parse_id(jwt_get_grant(jwt, "sid"), &c->session_id)) return "sid is not a session id";
    const char *jti = jwt_get_grant(jwt, "jti");
    size_t jti_len = jti ? strnlen(jti, JWT_JTI_LEN + 1) : 0;
    for (size_t i = 0; i < jti_len && jti_len == JWT_JTI_LEN; i++)
        if (!is_hex_lower(jti[i])) jti_len = 0;
    if (jti_len != JWT_JTI_LEN) return "jti is not 32 lowercase hex characters";
    memcpy(c->jti, jti, JWT_JTI_LEN + 1);
    if (!time_grant(jwt, "iat", &c->iat)) return "iat is not a time";
    if (!time_grant(jwt, "nbf", &c->nbf)) return "nbf is not a time";
    if (!time_grant(jwt, "exp", &c->exp)) return "exp is not a time";
    if (c->exp <= c->iat) return "exp is not after iat";
    int r = grant_int(jwt, "origIat", &c->orig_iat);
    if (r == 0) c->orig_iat = c->iat;
    if (r < 0 || c->orig_iat < 1 || c->orig_iat > c->iat) return "origIat is not a time <= iat";
    if (has_grant(jwt, "email")) {
        const char *email = jwt_get_grant(jwt, "email");
        if (!email) return "email is not a string";
        c->email = arena_strdup(a, email);
    }
    return NULL;
}

/* NULL when iss and aud are as configured, else why not. */
static const char *check_iss_aud(const struct jwt_keys *k, jwt_t *jwt)
{
    const char *iss = jwt_get_grant(jwt, "iss");
    if (k->iss && (!iss || strcmp(iss, k->iss) != 0)) return "iss is not the configured issuer";
    const char *aud = jwt_get_grant(jwt, "aud");
    if (k->aud && (!aud || strcmp(aud, k->aud) != 0)) return "aud is not the configured audience";
    if (!k->aud && has_grant(jwt, "aud")) return "aud is present but no audience is configured";
    return NULL;
}

/* Fail jwt_verify() with a client message; the reason goes to the debug log only. */
static int reject(struct wm_ctx *ctx, const char *message, const char *reason)
{
    log_debug("JWT rejected: %s", reason);
    return wm_errorf(ctx, WM_EUNAUTH, "%s", message);
}

int jwt_verify(struct wm_ctx *ctx, const struct jwt_keys *k, const char *token, int64_t now,
               struct jwt_claims *out)
{
    assert(now > 0 && now <= TIME_MAX);
    memset(out, 0, sizeof(*out));
    if (!token || !is_compact_jws(token)) return reject(ctx, JWT_MSG_DECODE, "malformed");
    jwt_t *jwt = NULL;
    assert(k->verify_key && k->verify_len > 0);
    if (jwt_decode(&jwt, token, k->verify_key, k->verify_len) != 0 || !jwt) {
        ERR_clear_error();
        return reject(ctx, JWT_MSG_DECODE, "bad signature or encoding");
    }
    arena_defer(ctx->arena, free_jwt, jwt);
    /* libjwt verified with the algorithm the token names: it must be ours. */
    if (jwt_get_alg(jwt) != k->alg) return reject(ctx, JWT_MSG_DECODE, "not the pinned alg");
    /* RFC 7515 §4.1.11: we implement no extension a "crit" header could require. */
    char *crit = jwt_get_headers_json(jwt, "crit");
    if (crit) {
        free(crit);
        return reject(ctx, JWT_MSG_DECODE, "crit header");
    }
    struct jwt_claims c = { 0 };
    const char *why = read_claims(ctx->arena, jwt, &c);
    if (why) return reject(ctx, JWT_MSG_PAYLOAD, why);
    why = check_iss_aud(k, jwt);
    if (why) return reject(ctx, JWT_MSG_INVALID, why);
    if (c.nbf > now + JWT_LEEWAY_S) return reject(ctx, JWT_MSG_INVALID, "nbf is in the future");
    if (c.iat > now + JWT_LEEWAY_S) return reject(ctx, JWT_MSG_INVALID, "iat is in the future");
    *out = c;
    if (now - JWT_LEEWAY_S >= c.exp) {
        out->expired = true;
        log_debug("JWT rejected: expired");
        return wm_errorf(ctx, WM_EEXPIRED, "%s", JWT_MSG_EXPIRED);
    }
    return WM_OK;
}

bool jwt_from_authorization(const char *header, struct str *token)
{
    *token = STR_NULL;
    if (!header) return false;
    size_t n = strnlen(header, AUTH_HEADER_MAX + 1);
    if (n > AUTH_HEADER_MAX) return false;
    size_t i;
    if (n > 6 && str_case_eq_cstr((struct str){ header, 6 }, "Bearer") && header[6] == ' ')
        i = 6;
    else if (n > 3 && str_case_eq_cstr((struct str){ header, 3 }, "JWT") && header[3] == ' ')
        i = 3;
    else
        return false;
    while (header[i] == ' ')
        i++;
    if (n - i == 0 || n - i > JWT_TOKEN_MAX) return false;
    for (size_t j = i; j < n; j++)
        if (!is_b64url(header[j]) && header[j] != '.') return false;
    *token = (struct str){ header + i, n - i };
    return true;
}

int jwt_keys_from_config(struct jwt_keys **out, const struct config *cfg, char *err, size_t errlen)
{
    char path[4096];
    const char *priv = cfg->auth_jwt_private_key;
    *out = NULL;
    if (!priv[0]) {
        if (snprintf(path, sizeof(path), "%s/jwt.key", cfg->secrets_dir) >= (int)sizeof(path)) {
            (void)snprintf(err, errlen, "the secrets directory path is too long");
            return WM_EINVAL;
        }
        priv = path;
    }
    char why[512];
    struct jwt_keys *k = NULL;
    if (jwt_keys_load(&k, cfg->auth_jwt_alg, priv, cfg->auth_jwt_public_key, why, sizeof(why)) !=
        WM_OK) {
        (void)snprintf(err, errlen,
                       "cannot load the JWT keys (%s): %s; run `market secrets` or set "
                       "auth.jwt_private_key",
                       priv, why);
        return WM_EINVAL;
    }
    if (jwt_keys_set_policy(k, cfg->auth_issuer, cfg->auth_audience, cfg->auth_access_ttl, err,
                            errlen) != WM_OK) {
        jwt_keys_free(k);
        return WM_EINVAL;
    }
    *out = k;
    return WM_OK;
}
