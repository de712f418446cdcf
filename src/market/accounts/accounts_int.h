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

/* Open a session for user_id whose refresh token is refresh (hashed by the server with SHA2,
 * so only the hash is stored) and which ends ttl_s seconds from now. *id gets the new id. */
int accounts_db_session_insert(struct wm_ctx *ctx, int64_t user_id, const char *refresh,
                               bool remember_me, int64_t ttl_s, int64_t *id);

/* Revoke the live session whose refresh token is refresh; *revoked says whether one was. */
int accounts_db_session_revoke(struct wm_ctx *ctx, const char *refresh, bool *revoked);

/* True in *live when session_id belongs to user_id, is not revoked, has not expired and its
 * user is active. */
int accounts_db_session_live(struct wm_ctx *ctx, int64_t session_id, int64_t user_id, bool *live);

#endif
