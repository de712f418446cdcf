/*
 * jwt.h: access tokens as signed JWTs (libjwt 1.10). A process loads one key set at start-up;
 * jwt_issue() signs a token at login or refresh, jwt_verify() checks one on every request.
 * The algorithm is pinned (HS256 by default, RS256 or ES256 by config) and compared with the
 * token's own on every verification, because libjwt 1.10 accepts whatever algorithm a token
 * names, including an HS256 token keyed with our public PEM (see TOOLCHAIN.md). Claims are RFC
 * 7519's plus django-graphql-jwt's "email" and "origIat"; the error messages are graphql_jwt's,
 * which clients match. Never log a token.
 */
#ifndef WM_AUTH_JWT_H
#define WM_AUTH_JWT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

struct config;
struct wm_ctx;
struct jwt_keys;

/* Seconds of clock skew allowed on exp, nbf and iat (PyJWT's `leeway`). Tokens are issued and
 * checked by our own processes, usually on one host: a little skew between hosts, no more, so
 * an expired token lives at most this much longer. */
#define JWT_LEEWAY_S 10

/* Longest token accepted (bytes, compact serialisation); ours are about 400. */
#define JWT_TOKEN_MAX 8192

/* Shortest HMAC secret, in bytes of randomness (RFC 7518 §3.2: at least the hash size). */
#define JWT_SECRET_MIN 32

/* Lifetime of a token until jwt_keys_set_policy() says otherwise (auth.access_ttl's default). */
#define JWT_DEFAULT_TTL 900

/* Longest accepted lifetime and issuer/audience string. */
#define JWT_TTL_MAX    2592000 /* 30 days */
#define JWT_ISSAUD_MAX 255

/* The token id: 16 random bytes as lowercase hex. */
#define JWT_JTI_LEN 32

/* ctx->err.message of jwt_verify()'s failures: graphql_jwt's (and PyJWT's) wording. */
#define JWT_MSG_EXPIRED "Signature has expired: the token is no longer valid" /* exp passed */
#define JWT_MSG_DECODE  "Error decoding signature: invalid token" /* bad shape/sig/alg */
#define JWT_MSG_INVALID "Invalid token"   /* not yet valid, wrong iss or aud */
#define JWT_MSG_PAYLOAD "Invalid payload" /* a claim is missing or ill-typed */

/* The claims of our access tokens. */
struct jwt_claims {
    int64_t user_id;           /* "sub": the user id, as a decimal string (> 0) */
    int64_t session_id;        /* "sid": the session id, as a decimal string (> 0) */
    char jti[JWT_JTI_LEN + 1]; /* "jti": token id, 32 lowercase hex characters */
    int64_t iat;               /* "iat": issued at, Unix seconds */
    int64_t nbf;               /* "nbf": not before (= iat) */
    int64_t exp;               /* "exp": expires at (= iat + ttl) */
    int64_t orig_iat;          /* "origIat": iat of the login this token descends from */
    const char *email;         /* "email": optional; NULL when absent */
    bool expired;              /* jwt_verify: the token is good but exp has passed */
};

/*
 * Load the process's key set into *out (heap, for the process lifetime; jwt_keys_free()).
 * alg is "HS256" (also when NULL or empty), "RS256" or "ES256"; nothing else.
 *  - HS256: secret_path names the secret file (`market secrets` writes <secrets>/jwt.key,
 *    64 hex characters and a newline). The HMAC key is the file's text with surrounding white
 *    space trimmed, used as is (not hex-decoded), so any HS256 library can share it. It must
 *    carry at least JWT_SECRET_MIN bytes of randomness: a text of hex digits only counts half
 *    its length, so 64 hex characters is the minimum for one. public_pem_path must be empty.
 *  - RS256 / ES256: secret_path names the private key PEM (unencrypted; an RSA key of at least
 *    2048 bits, or an EC key on P-256), public_pem_path the public key PEM ("BEGIN PUBLIC
 *    KEY"). Either may be NULL or empty, not both: without the public file the public key is
 *    derived from the private one; without the private file the set is verify-only (for a
 *    process that never issues tokens) and jwt_issue() fails. When both are given they must
 *    be a pair. The keys are tried once (sign, then verify) before the call returns.
 * Returns WM_OK, or WM_EINVAL with a one-line reason in err (errlen bytes, always terminated;
 * no secret in it) and *out NULL. The TTL is JWT_DEFAULT_TTL, with no iss or aud claim.
 */
int jwt_keys_load(struct jwt_keys **out, const char *alg, const char *secret_path,
                  const char *public_pem_path, char *err, size_t errlen);

/*
 * Set the token lifetime (seconds, 1..JWT_TTL_MAX) and the "iss" and "aud" claims: NULL or
 * empty means none, otherwise printable ASCII of at most JWT_ISSAUD_MAX bytes (copied). Once
 * set, jwt_issue() writes them and jwt_verify() requires them equal; without an audience,
 * jwt_verify() refuses tokens that carry one (PyJWT's rule). Call it before serving requests.
 * Returns WM_OK, or WM_EINVAL with the reason in err (the keys are unchanged).
 */
int jwt_keys_set_policy(struct jwt_keys *k, const char *iss, const char *aud, int64_t ttl_s,
                        char *err, size_t errlen);

/* Wipe the secrets and free the set. NULL is a no-op. */
/*
 * Load the keys named by the auth.* configuration (auth.jwt_alg, auth.jwt_private_key or else
 * <secrets.dir>/jwt.key as `market secrets` writes it, auth.jwt_public_key) and set their
 * policy (auth.issuer, auth.audience, auth.access_ttl). WM_OK, or WM_EINVAL with the reason
 * and what to do about it in err.
 */
int jwt_keys_from_config(struct jwt_keys **out, const struct config *cfg, char *err, size_t errlen);

void jwt_keys_free(struct jwt_keys *k);

/*
 * Sign an access token for c->user_id and c->session_id (both > 0, else an assert fails) into
 * *token, a NUL-terminated arena string valid until the request arena is reset. The issue time
 * is c->iat (0: now); nbf is the issue time and exp the issue time plus the TTL; origIat is
 * c->orig_iat (0: the issue time); "email" is written when c->email is not NULL; jti is drawn
 * fresh from getrandom() (c->jti, c->nbf, c->exp and c->expired are ignored). Use jwt_verify()
 * on the result to read back exp and jti. The header is {"alg": <pinned>, "typ": "JWT"}.
 * Returns WM_OK, or WM_EINTERNAL: the keys are verify-only, or getrandom() or libjwt failed
 * (c->email not valid UTF-8, say), which is logged.
 */
int jwt_issue(struct wm_ctx *ctx, const struct jwt_keys *k, const struct jwt_claims *c,
              char **token);

/*
 * Verify token (NUL-terminated; never logged) at time now (Unix seconds, > 0; pass time(NULL))
 * and fill *out. The signature is checked with the loaded key, then the token's alg must be the
 * pinned one (so "none" and algorithm confusion fail), then the claims: sub, sid, jti, iat, nbf
 * and exp present and well-typed (sub and sid decimal ids, jti 32 hex characters, times JSON
 * integers with exp > iat), "email" a string if present, "origIat" an integer <= iat if
 * present (absent: iat); iss and aud as set by jwt_keys_set_policy(); iat and nbf not after
 * now + JWT_LEEWAY_S; and now before exp + JWT_LEEWAY_S.
 * Returns WM_OK, WM_EEXPIRED (extensions.code TOKEN_EXPIRED) with JWT_MSG_EXPIRED when only
 * exp failed, or WM_EUNAUTH with ctx->err.message one of the other JWT_MSG_* texts:
 *  - JWT_MSG_EXPIRED when only exp failed: *out then holds the verified claims with
 *    out->expired true (a refresh flow may read them);
 *  - JWT_MSG_DECODE, JWT_MSG_INVALID or JWT_MSG_PAYLOAD otherwise: *out is zeroed.
 * The reason is logged at debug level. out->email is an arena string.
 */
int jwt_verify(struct wm_ctx *ctx, const struct jwt_keys *k, const char *token, int64_t now,
               struct jwt_claims *out);

/*
 * The token of an Authorization header value: "Bearer <jwt>" or "JWT <jwt>" (the scheme
 * matched case-insensitively, followed by one or more spaces). The token must be 1 to
 * JWT_TOKEN_MAX characters of the JWT alphabet (base64url and '.'): no white space, control
 * characters or trailing text. On success *token is a slice of header that runs to header's
 * end, so token->ptr is NUL-terminated and can be passed to jwt_verify() as is; otherwise
 * *token is {NULL, 0}. A NULL header gives false.
 */
bool jwt_from_authorization(const char *header, struct str *token);

#endif
