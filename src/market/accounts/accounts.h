/*
 * accounts.h: the accounts domain: sign-up, sign-in, sign-out and who is calling. A user signs
 * in to a session (one row per login); the session carries an opaque refresh token, stored only
 * as its SHA-256, and access tokens are short-lived JWTs naming the user and the session. A
 * request's viewer is the access token checked by signature and then against its session row
 * (not revoked, not expired), with the check cached in memcached for ACCOUNT_VIEWER_TTL seconds
 * under a namespace that every revocation bumps. Strings returned live in ctx->arena.
 */
#ifndef WM_MARKET_ACCOUNTS_H
#define WM_MARKET_ACCOUNTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct wm_ctx;

/* Opaque refresh tokens: 20 random bytes as 40 lowercase hex characters (the app's shape). */
#define ACCOUNT_REFRESH_BYTES 20
#define ACCOUNT_REFRESH_LEN   40 /* 2 * ACCOUNT_REFRESH_BYTES */

/* Seconds a checked session stays trusted in memcached (revocation bumps the namespace). */
#define ACCOUNT_VIEWER_TTL 30

/* Longest email (RFC 5321 path) and name, as the columns allow. */
#define ACCOUNT_EMAIL_MAX 254
#define ACCOUNT_NAME_MAX  150

/* Most problems account_register() reports: email (2), names (2), passwords, account type. */
#define ACCOUNT_MAX_PROBLEMS (6 + 4)

/* The wording clients match for a failed login (graphql_jwt's; contract README 7). */
#define ACCOUNT_MSG_BAD_LOGIN "Please enter valid credentials"

/* A user as the API shows it. Text fields are arena strings, NULL for SQL NULL. */
struct user {
    int64_t id;
    char *email;          /* as typed at sign-up (trimmed) */
    char *first_name;     /* "" when not given */
    char *last_name;      /* "" when not given */
    char *account_type;   /* "CUSTOMER", "VENDOR" or "RESELLER" */
    char *phone_number;   /* NULL when unknown, like the fields below */
    char *dob;            /* "YYYY-MM-DD" */
    char *gender;         /* MALE, FEMALE, OTHER or PREFER_NOT_TO_SAY */
    char *street_address; /* postal address of the profile */
    char *city;
    char *country;
    char *postal_code;
    char *business_name; /* vendors and resellers */
};

/* Who is calling: set once per request by account_authenticate(). */
struct viewer {
    int status;          /* WM_OK: signed in; WM_EUNAUTH or WM_EEXPIRED: not, and why */
    const char *message; /* the client message when status is not WM_OK (mentions the token) */
    int64_t user_id;     /* > 0 when signed in */
    int64_t session_id;  /* the session the access token belongs to */
};

/* What sign-up asks for (the contract's register arguments). Strings are NUL-terminated. */
struct account_signup {
    const char *email;
    const char *password1;
    const char *password2;
    const char *first_name;
    const char *last_name;
    const char *account_type; /* CUSTOMER, VENDOR, RESELLER; SUPPLIER means VENDOR */
    bool terms_accepted;      /* recorded as terms_accepted_at only when true */
};

/* A signed-in result: both tokens and the user. */
struct account_tokens {
    char *token;         /* the access JWT (arena) */
    char *refresh_token; /* ACCOUNT_REFRESH_LEN hex characters (arena); shown once, never kept */
    struct user *user;
    int64_t session_id;
};

/*
 * The canonical account type for a client's word: "CUSTOMER", "VENDOR" (also for "SUPPLIER",
 * the Flutter app's word) or "RESELLER", ASCII case-insensitively; NULL for anything else.
 */
const char *account_type_parse(const char *word);

/* True when email looks like an address: ASCII dot-atom local part, '@', a dotted host name
 * of letters, digits and hyphens with an alphabetic top-level label; at most 254 bytes. */
bool account_email_is_valid(const char *email);

/*
 * Create an account and sign it in. Every problem is collected, in the order email, names,
 * passwords, account type, into *problems (arena array of *nproblems static or arena strings,
 * Django's wording: "Enter a valid email address.", "A user with that email already exists.",
 * pw_check_strength()'s, "The two password fields didn't match.", ...). Must run inside a
 * transaction (the GraphQL surface opens one per mutation).
 * Returns WM_OK with *out filled and *nproblems 0; WM_EINVAL with the problems and nothing
 * written; or an error code of db/auth (detail in ctx->err).
 */
int account_register(struct wm_ctx *ctx, const struct account_signup *in, const char ***problems,
                     size_t *nproblems, struct account_tokens *out);

/*
 * Sign in with email (any case) and password: a new session and both tokens in *out. A stored
 * hash in an older form is upgraded. Unknown email, wrong password and inactive account all
 * return WM_EUNAUTH with ACCOUNT_MSG_BAD_LOGIN after the same amount of hashing work.
 * Must run inside a transaction.
 */
int account_login(struct wm_ctx *ctx, const char *email, const char *password,
                  struct account_tokens *out);

/*
 * Revoke the session of refresh_token and forget cached viewers. Idempotent and silent: an
 * unknown, malformed or already revoked token also returns WM_OK (the app ignores the result,
 * and the answer must not tell which tokens exist). Must run inside a transaction.
 */
int account_logout(struct wm_ctx *ctx, const char *refresh_token);

/*
 * Set ctx->viewer from the Authorization header value (NULL when absent): "Bearer <jwt>" or
 * "JWT <jwt>". Never fails the request: a missing, malformed, tampered, expired or revoked
 * token gives a viewer with status WM_EUNAUTH (WM_EEXPIRED for an expired one) and a message
 * mentioning the token, which account_viewer() reports to fields that need a user. Returns
 * WM_OK, or a database error (the viewer is then unauthenticated with an internal message).
 */
int account_authenticate(struct wm_ctx *ctx, const char *authorization);

/*
 * The signed-in viewer, for fields that need one: WM_OK with *out set, or the viewer's error
 * code and message recorded with wm_errorf() ("unauthorized: no access token was sent" when
 * account_authenticate() never ran or had no header).
 */
int account_viewer(struct wm_ctx *ctx, const struct viewer **out);

/* Load user id into *out. WM_ENOTFOUND ("unknown user '<id>'"), or a database error. */
int account_user_get(struct wm_ctx *ctx, int64_t id, struct user **out);

#endif
