/*
 * accounts_int.h: what the files of the accounts domain share: the store (accounts_db.c), one
 * function per SQL statement. Callers validate first; these only read and write rows.
 */
#ifndef WM_MARKET_ACCOUNTS_INT_H
#define WM_MARKET_ACCOUNTS_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "market/accounts/accounts.h"

struct wm_ctx;

/* ---- shared rules (accounts.c, accounts_twofa.c) ---- */

/* Forget every cached session check (after any revocation). */
void accounts_forget_viewers(struct wm_ctx *ctx);

/* Cache namespace of checked sessions; bumped by every revocation. */
#define ACCOUNTS_VIEWER_NS "acct.sess"

/* Record activity on session sid (at most once a minute). */
void accounts_session_touch(struct wm_ctx *ctx, int64_t sid);

/* Sign an access token for session sid of user_id into *token. */
int accounts_issue_access(struct wm_ctx *ctx, int64_t user_id, int64_t sid, const char *email,
                          char **token);

/* Open a session for user_id (device, IP and User-Agent from ctx) and issue both tokens. */
int accounts_open_session(struct wm_ctx *ctx, int64_t user_id, bool remember_me,
                          struct account_tokens *out);

/*
 * The two-factor step of sign-in for user_id, whose password was right: WM_OK when 2FA is off
 * or code is a good TOTP or unused backup code (then used up); WM_EOTPREQUIRED when 2FA is on
 * and no code was sent; WM_EUNAUTH for a wrong code.
 */
int accounts_twofa_login(struct wm_ctx *ctx, int64_t user_id, const char *code, int64_t now);

/*
 * Is password the current password of user_id? Counts wrong guesses against the account under
 * limit name what (WM_ELIMIT once over, before any hashing). *ok false for a wrong one.
 */
int accounts_check_password(struct wm_ctx *ctx, int64_t user_id, const char *password,
                            const char *what, bool *ok);

/* True in *taken when a user has email (compared lowercased). */
int accounts_db_email_taken(struct wm_ctx *ctx, const char *email, bool *taken);

/* Insert a user (email_norm is LOWER(email)); *id gets the new id. WM_ECONFLICT when the email
 * is taken (a race with another sign-up). */
int accounts_db_user_insert(struct wm_ctx *ctx, const struct account_signup *in,
                            const char *account_type, const char *password_hash, int64_t *id);

/* The login row of email (any case): id, stored hash and whether active. WM_ENOTFOUND. */
int accounts_db_user_login(struct wm_ctx *ctx, const char *email, int64_t *id, char **hash,
                           bool *is_active);

/* Replace the stored password hash of user id (upgrade on login). */
int accounts_db_user_set_hash(struct wm_ctx *ctx, int64_t id, const char *hash);

/* Load user id (every column the API shows). WM_ENOTFOUND. */
int accounts_db_user_get(struct wm_ctx *ctx, int64_t id, struct user *out);

/* Load user id under a row lock (FOR UPDATE), for a change of its profile. WM_ENOTFOUND. */
int accounts_db_user_get_locked(struct wm_ctx *ctx, int64_t id, struct user *out);

/* Write the profile columns of u (every one, from u) to user u->id. */
int accounts_db_user_write_profile(struct wm_ctx *ctx, const struct user *u);

/* Set the account type of user id (CUSTOMER, VENDOR or RESELLER). */
int accounts_db_user_set_type(struct wm_ctx *ctx, int64_t id, const char *type);

/* The stored password hash of user id, under a row lock. WM_ENOTFOUND. */
int accounts_db_user_hash(struct wm_ctx *ctx, int64_t id, char **hash);

/* Replace the password hash of user id and record the time of the change. */
int accounts_db_user_set_password(struct wm_ctx *ctx, int64_t id, const char *hash);

/* Two-factor state of user id, under a row lock: the confirmed and pending secrets (NULL when
 * none) and the last accepted time step (-1: none). WM_ENOTFOUND. */
int accounts_db_twofa_get(struct wm_ctx *ctx, int64_t id, char **secret, char **pending,
                          int64_t *last_step);

/* Store secret as user id's pending secret (NULL clears it). */
int accounts_db_twofa_set_pending(struct wm_ctx *ctx, int64_t id, const char *secret);

/* Make the pending secret the confirmed one, with step as the last used time step. */
int accounts_db_twofa_confirm(struct wm_ctx *ctx, int64_t id, int64_t step);

/* Record step as the last accepted time step of user id. */
int accounts_db_twofa_used_step(struct wm_ctx *ctx, int64_t id, int64_t step);

/* Turn two-factor off for user id: both secrets and every backup code go. */
int accounts_db_twofa_clear(struct wm_ctx *ctx, int64_t id);

/* Replace the backup codes of user id by the n hashes. */
int accounts_db_backup_replace(struct wm_ctx *ctx, int64_t id, char *const *hashes, size_t n);

/* The unused backup codes of user id: arena arrays of ids and hashes, *n of them. */
int accounts_db_backup_unused(struct wm_ctx *ctx, int64_t user_id, int64_t **ids, char ***hashes,
                              size_t *n);

/* Mark backup code id used; *used false when it already was (a concurrent sign-in). */
int accounts_db_backup_use(struct wm_ctx *ctx, int64_t id, bool *used);

/* A new session's row. */
struct session_row {
    int64_t user_id;
    bool remember_me;
    int64_t ttl_s;     /* refresh token lifetime */
    int64_t max_age_s; /* absolute lifetime of the session */
    const char *device_name;
    const char *device_type;
    const char *ip;
    const char *user_agent;
};

/* Open a session whose refresh token is refresh (stored as its SHA-256 only). *id: the id. */
int accounts_db_session_insert(struct wm_ctx *ctx, const struct session_row *row,
                               const char *refresh, int64_t *id);

/* Revoke the live session whose refresh token is refresh, for reason; *sid gets its id (0
 * when none was revoked). */
int accounts_db_session_revoke(struct wm_ctx *ctx, const char *refresh, const char *reason,
                               int64_t *sid);

/* Revoke session sid (of any user) for reason, if it is not already. */
int accounts_db_session_end(struct wm_ctx *ctx, int64_t sid, const char *reason);

/* Revoke session sid of user_id for reason if live; *revoked says whether it was. */
int accounts_db_session_revoke_id(struct wm_ctx *ctx, int64_t sid, int64_t user_id,
                                  const char *reason, bool *revoked);

/* Revoke every live session of user_id but keep_sid (0: all), for reason; *n: how many. */
int accounts_db_sessions_revoke_others(struct wm_ctx *ctx, int64_t user_id, int64_t keep_sid,
                                       const char *reason, int64_t *n);

/* True in *live when session_id belongs to user_id, is not revoked, has not expired, was
 * active within idle_s seconds, and its user is active. */
int accounts_db_session_live(struct wm_ctx *ctx, int64_t session_id, int64_t user_id,
                             int64_t idle_s, bool *live);

/* The live session (as in _live) whose refresh token is refresh: *sid and *user_id, or
 * WM_ENOTFOUND. No lock: a cookie-authenticated request only reads it. */
int accounts_db_session_live_by_refresh(struct wm_ctx *ctx, const char *refresh, int64_t idle_s,
                                        int64_t *sid, int64_t *user_id);

/* Record activity on session sid unless some was recorded in the last minute. */
int accounts_db_session_touch(struct wm_ctx *ctx, int64_t sid);

/* The session holding refresh token refresh, locked: its ids, remember_me, and its state. */
enum session_state { SESSION_LIVE, SESSION_ENDED, SESSION_REVOKED };
int accounts_db_session_by_refresh(struct wm_ctx *ctx, const char *refresh, int64_t idle_s,
                                   int64_t *sid, int64_t *user_id, bool *remember_me,
                                   enum session_state *state);

/* The session that rotated refresh away, in *sid; WM_ENOTFOUND when refresh never was one. */
int accounts_db_session_rotated(struct wm_ctx *ctx, const char *refresh, int64_t *sid);

/* Rotate session sid from refresh token old to fresh, renewing its refresh lifetime to ttl_s
 * (never past its absolute end) and its activity; *expires_at: the new end, Unix seconds. */
int accounts_db_session_rotate(struct wm_ctx *ctx, int64_t sid, const char *old, const char *fresh,
                               int64_t ttl_s, int64_t *expires_at);

/* The live sessions of user_id (idle_s as in _live), most recent first, into *out. */
int accounts_db_sessions_list(struct wm_ctx *ctx, int64_t user_id, int64_t idle_s,
                              struct account_session **out, size_t *n);

/* Purposes of emailed tokens (the ENUM of user_email_tokens.purpose). */
#define EMAIL_TOKEN_VERIFY "verify_email"
#define EMAIL_TOKEN_RESET  "password_reset"

/* Store the hash of token, sent to email for purpose, valid ttl_s seconds. */
int accounts_db_email_token_insert(struct wm_ctx *ctx, int64_t user_id, const char *purpose,
                                   const char *token, const char *email, int64_t ttl_s);

/* Use up every unused token of user_id for purpose. */
int accounts_db_email_tokens_retire(struct wm_ctx *ctx, int64_t user_id, const char *purpose);

/* Use up token (of purpose) if it is unused and unexpired: *user_id and *email of it, or
 * WM_ENOTFOUND for an unknown, used or expired token. */
int accounts_db_email_token_take(struct wm_ctx *ctx, const char *token, const char *purpose,
                                 int64_t *user_id, char **email);

/* Mark user_id's address verified if it is still email. */
int accounts_db_user_set_verified(struct wm_ctx *ctx, int64_t user_id, const char *email);

#endif
