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
struct jwt_claims;

/* Opaque refresh tokens: 20 random bytes as 40 lowercase hex characters (the app's shape). */
#define ACCOUNT_REFRESH_BYTES 20
#define ACCOUNT_REFRESH_LEN   40 /* 2 * ACCOUNT_REFRESH_BYTES */

/* The cache namespace of what other domains show of a user (a vendor's names on its shop and
 * products): bumped when it changes, so caches holding it key on its version too. */
#define ACCOUNT_PUBLIC_NS "accounts.public"

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
    char *username;       /* public handle: a product seller's shop slug; NULL otherwise */
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
    char *business_name;       /* vendors and resellers */
    char *profile_picture_url; /* NULL when none was set */
    bool email_verified;       /* the address was confirmed by an emailed link */
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
    bool email_verified;      /* trusted callers only (market seed): no verification mail */
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

/* What sign-in asks for. */
struct account_credentials {
    const char *email;
    const char *password;
    const char *otp_code; /* a TOTP code or a backup code; NULL or "" when not sent */
    bool remember_me;     /* long refresh lifetime (auth.refresh_ttl) or short */
};

/*
 * Sign in: a new session (device, IP and User-Agent from ctx) and both tokens in *out. A
 * stored hash in an older form is upgraded. Unknown email, wrong password and inactive account
 * all return WM_EUNAUTH with ACCOUNT_MSG_BAD_LOGIN after the same amount of hashing work. With
 * two-factor on, a good password without a code returns WM_EOTPREQUIRED, and a wrong code
 * WM_EUNAUTH; a backup code is used up. Failures count against per-account and per-IP limits
 * (WM_ELIMIT, saying when to retry, before any password is checked). Must run inside a
 * transaction.
 */
int account_login(struct wm_ctx *ctx, const struct account_credentials *in,
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

/* ---- tokens and sessions (accounts_session.c) ----------------------------------------------- */

/* graphql_jwt's wording for refresh-token failures, which clients match. */
#define ACCOUNT_MSG_BAD_REFRESH     "Invalid refresh token"
#define ACCOUNT_MSG_EXPIRED_REFRESH "Refresh token is expired"

/* A session as the active-sessions list shows it. Strings in the arena (NULL: unknown). */
struct account_session {
    int64_t id;
    char *device_name;
    char *device_type; /* mobile, tablet, desktop or web */
    char *ip;
    char *user_agent;
    char *location;    /* geo_location(): "Local network", a country, or NULL */
    char *created_at;  /* ISO 8601 UTC */
    char *last_active; /* ISO 8601 UTC */
    bool current;      /* the session of the caller's access token */
};

/*
 * Exchange a refresh token for a new access token and a new refresh token (rotation); the old
 * one stops working. Presenting a token that was already rotated away revokes its whole session
 * (someone copied it) and fails. *out gets both tokens (user NULL) and *refresh_expires_at the
 * Unix time the new refresh token ends. WM_EUNAUTH ACCOUNT_MSG_BAD_REFRESH for an unknown,
 * malformed, reused or revoked token; WM_EEXPIRED ACCOUNT_MSG_EXPIRED_REFRESH when its session
 * has ended. Must run inside a transaction; the revocation of a reused token is committed even
 * though the call fails.
 */
int account_refresh(struct wm_ctx *ctx, const char *refresh_token, struct account_tokens *out,
                    int64_t *refresh_expires_at);

/*
 * Check an access token as requests do (signature, pinned algorithm, claims, live session):
 * WM_OK with *claims filled, or WM_EEXPIRED / WM_EUNAUTH with the same messages the viewer
 * gets.
 */
int account_verify_token(struct wm_ctx *ctx, const char *token, struct jwt_claims *claims);

/*
 * Revoke the session of refresh_token (graphql_jwt's revokeToken): WM_OK with *revoked_at the
 * Unix time, or WM_EUNAUTH ACCOUNT_MSG_BAD_REFRESH when the token is unknown or already
 * revoked. Must run inside a transaction.
 */
int account_revoke_refresh(struct wm_ctx *ctx, const char *refresh_token, int64_t *revoked_at);

/* The live sessions of the viewer, most recently active first. Needs a signed-in viewer. */
int account_sessions(struct wm_ctx *ctx, struct account_session **out, size_t *n);

/*
 * End session id of the viewer (its text as the app sends it). WM_ENOTFOUND "Session not
 * found" for a malformed id, another user's session or one already ended. Transaction.
 */
int account_session_terminate(struct wm_ctx *ctx, const char *id);

/* End every other live session of the viewer; *n gets how many ended. Transaction. */
int account_sessions_terminate_others(struct wm_ctx *ctx, int64_t *n);

/* ---- profile and password (accounts_profile.c) --------------------------------------------- */

/* A profile change: NULL members are left unchanged (the app sends explicit nulls). */
struct account_profile {
    const char *first_name;
    const char *last_name;
    const char *phone_number; /* "" clears it */
    const char *dob;          /* "YYYY-MM-DD" or a date-time whose date part is taken; "" clears */
    const char *gender;       /* MALE, FEMALE, OTHER, PREFER_NOT_TO_SAY; "" clears */
    const char *street_address;
    const char *city;
    const char *country;
    const char *postal_code;
    const char *business_name;
    const char *profile_picture_url; /* http(s) URL or a path under /media/; "" clears */
};

/*
 * Apply a profile change to the viewer's account, all or nothing. WM_EINVAL with a message
 * naming the first bad field (nothing written). *out gets the updated user. Transaction.
 */
int account_profile_update(struct wm_ctx *ctx, const struct account_profile *in, struct user **out);

/* The message of a wrong current password (the app looks for "current password"). */
#define ACCOUNT_MSG_BAD_CURRENT "Your current password is incorrect."

/*
 * Change the viewer's password: current must be right (WM_EUNAUTH ACCOUNT_MSG_BAD_CURRENT,
 * rate-limited per account), fresh must pass the strength rules (WM_EINVAL, the problems
 * joined in the message). Every other session of the account is ended. Transaction.
 */
int account_password_change(struct wm_ctx *ctx, const char *current, const char *fresh);

/* ---- two-factor sign-in (accounts_twofa.c) --------------------------------------------------- */

/* What enabling two-factor hands out, once. Arena strings. */
struct account_twofa_setup {
    char *secret;        /* base32, for typing into an authenticator app */
    char *uri;           /* the otpauth:// key URI */
    char *qr_data_url;   /* the URI as a QR code: data:image/svg+xml;base64,... */
    char **backup_codes; /* TOTP_BACKUP_COUNT codes, NULL-terminated */
};

/* Whether the viewer has two-factor sign-in on. */
int account_twofa_enabled(struct wm_ctx *ctx, bool *enabled);

/*
 * Start turning two-factor on: a new secret waits for its first code (account_twofa_verify)
 * and new backup codes replace the old ones. WM_ECONFLICT when it is already on. Transaction.
 */
int account_twofa_begin(struct wm_ctx *ctx, struct account_twofa_setup *out);

/*
 * Check a code: it confirms a pending secret (two-factor is then on: *enabled_now true) or,
 * when already on, proves the viewer holds the device. WM_EUNAUTH "Invalid code" for a wrong
 * code; WM_EINVAL when nothing is set up; WM_ELIMIT after too many tries. Transaction.
 */
int account_twofa_verify(struct wm_ctx *ctx, const char *code, bool *enabled_now);

/*
 * Turn two-factor off; needs the account's real password (WM_EUNAUTH "Incorrect password",
 * rate-limited). WM_EINVAL when it is not on. Transaction.
 */
int account_twofa_disable(struct wm_ctx *ctx, const char *password);

/* ---- email verification and password reset (accounts_email.c) ---------------------------- */

/* What a used, unknown or expired emailed link gets. */
#define ACCOUNT_MSG_BAD_LINK "This link is invalid or has expired."
/* requestPasswordReset's answer, the same whether or not the address has an account. */
#define ACCOUNT_MSG_RESET_SENT \
    "If an account exists for that address, we have sent it a link to choose a new password."

/* Seconds a password-reset link works (the one hour). */
#define ACCOUNT_RESET_TTL 3600

/*
 * Mail user_id a link that confirms email (template verify_email), valid auth.verify_ttl
 * seconds; earlier verification links of the user stop working. Runs in the caller's
 * transaction: the mail is queued only if it commits.
 */
int accounts_email_send_verification(struct wm_ctx *ctx, int64_t user_id, const char *email,
                                     const char *name);

/*
 * Confirm the address a verification link was sent to. WM_EINVAL ACCOUNT_MSG_BAD_LINK for an
 * unknown, used or expired token. Transaction.
 */
int account_email_verify(struct wm_ctx *ctx, const char *token);

/*
 * Send the viewer a new verification link (rate-limited per account). WM_ECONFLICT when the
 * address is already verified. Transaction.
 */
int account_email_resend(struct wm_ctx *ctx);

/*
 * Mail a password-reset link (template password_reset, ACCOUNT_RESET_TTL) to email if an
 * active account has it. Answers WM_OK either way (the caller says ACCOUNT_MSG_RESET_SENT);
 * WM_ELIMIT over the per-address or per-IP limit, for any address. Transaction.
 */
int account_password_reset_request(struct wm_ctx *ctx, const char *email);

/*
 * Set a new password with a reset link's token: WM_EINVAL ACCOUNT_MSG_BAD_LINK for an unknown,
 * used or expired token, or the strength problems; on success the token and every other reset
 * link of the user are used up and every session of the account ends. Transaction.
 */
int account_password_reset(struct wm_ctx *ctx, const char *token, const char *fresh);

/* ---- browsers: cookie sessions and CSRF tokens (accounts_browser.c) ------------------------ */

/*
 * A browser signs in through the pages and keeps its session's refresh token (opaque, checked
 * by its hash against the session row) in the HttpOnly cookie ACCOUNT_SESSION_COOKIE; the same
 * session row the API lists. Each browser also holds a random ACCOUNT_BROWSER_COOKIE, and its
 * CSRF token is an HMAC (key ctx->cookie_key) of that value and the session token: a token
 * stolen from one session or browser is worth nothing in another, and the server keeps no
 * state for it.
 */
#define ACCOUNT_SESSION_COOKIE "wm_session"
#define ACCOUNT_BROWSER_COOKIE "wm_browser"

/* The form field and header a CSRF token travels in. */
#define ACCOUNT_CSRF_FIELD  "_csrf"
#define ACCOUNT_CSRF_HEADER "X-CSRF-Token"

/*
 * Set ctx->viewer from a session cookie's value (the refresh token; NULL or "" when absent), as
 * account_authenticate() does from a bearer token: a live session gives a signed-in viewer
 * (cached ACCOUNT_VIEWER_TTL seconds under the namespace revocations bump), anything else an
 * unauthenticated one ("unauthorized: the session cookie holds no live session"). Never fails
 * the request; returns WM_OK or a database error (the viewer then unauthenticated).
 */
int account_authenticate_cookie(struct wm_ctx *ctx, const char *session_token);

/*
 * The CSRF token of a browser (its ACCOUNT_BROWSER_COOKIE value) and session token (NULL or ""
 * when signed out), as an arena string of hex characters. Needs ctx->cookie_key (assert).
 */
const char *account_csrf_token(struct wm_ctx *ctx, const char *browser, const char *session_token);

/* True when token is the CSRF token of browser and session_token (false when browser or token
 * is NULL or empty). Constant-time comparison. */
bool account_csrf_valid(struct wm_ctx *ctx, const char *browser, const char *session_token,
                        const char *token);

/*
 * May the viewer do action ("sell", "order", "message" ...)? WM_OK when the viewer's email is
 * verified or action is not listed in auth.require_verified; WM_EPERM "Verify your email
 * address before you <action>." otherwise; the viewer's error when nobody is signed in.
 */
int account_require_verified(struct wm_ctx *ctx, const char *action);

/* graphql_jwt's wording for an action the account may not take, which clients match. */
#define ACCOUNT_MSG_FORBIDDEN "You do not have permission to perform this action"

/*
 * The signed-in viewer, who must be a vendor (account type VENDOR): WM_OK with *out set; the
 * viewer's error when nobody is signed in (see account_viewer()); WM_EPERM
 * ACCOUNT_MSG_FORBIDDEN for any other account type; a database error.
 */
int account_require_vendor(struct wm_ctx *ctx, const struct viewer **out);

/*
 * Make the signed-in viewer's account type (the row locked, in the caller's transaction) the
 * one of word (account_type_parse(); "SUPPLIER" is VENDOR); *before and *after (arena copies)
 * the types before and after. Only the users row changes: what a change of type means for a
 * shop is the onboarding domain's (market/onboarding). WM_EINVAL "accountType must be
 * CUSTOMER, VENDOR (SUPPLIER) or RESELLER"; the viewer's error when nobody is signed in.
 */
int account_set_type(struct wm_ctx *ctx, const char *word, const char **before, const char **after);

#endif
