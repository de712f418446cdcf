/*
 * accounts_db.c: the SQL of the accounts domain (accounts_int.h). Named prepared statements
 * first, each with the index it uses, then one function per statement. Refresh tokens reach
 * the server only as a bound value and are stored and compared as SHA2(token, 256): the hash
 * is computed where it is compared, so no table ever holds a usable token.
 */
#include "market/accounts/accounts_int.h"

#include "core/ctx.h"
#include "core/err.h"
#include "db/db.h"

/* clang-format off */

/* Uses uq_users_email_norm(email_norm): a point lookup. */
static const char SQL_USER_EMAIL_TAKEN[] =
    "SELECT COUNT(*) FROM users WHERE email_norm = LOWER(?)";

/* Writes uq_users_email_norm: a duplicate email fails with 1062 (WM_ECONFLICT). */
static const char SQL_USER_INSERT[] =
    "INSERT INTO users (email, email_norm, password_hash, first_name, last_name, account_type,"
    " terms_accepted_at) VALUES (?, LOWER(?), ?, ?, ?, ?, IF(?, NOW(6), NULL))";

/* Uses uq_users_email_norm(email_norm). */
static const char SQL_USER_LOGIN[] =
    "SELECT id, password_hash, is_active FROM users WHERE email_norm = LOWER(?)";

/* Uses the primary key. */
static const char SQL_USER_SET_HASH[] =
    "UPDATE users SET password_hash = ? WHERE id = ?";

/* Uses the primary key. */
static const char SQL_USER_GET[] =
    "SELECT id, email, first_name, last_name, account_type, phone_number,"
    " DATE_FORMAT(dob, '%Y-%m-%d'), gender, street_address, city, country, postal_code,"
    " business_name FROM users WHERE id = ?";

/* Writes uq_sessions_refresh_hash (a collision of 160 random bits is not expected) and
 * ix_sessions_user. */
static const char SQL_SESSION_INSERT[] =
    "INSERT INTO sessions (user_id, refresh_hash, remember_me, expires_at)"
    " VALUES (?, SHA2(?, 256), ?, NOW(6) + INTERVAL ? SECOND)";

/* Uses uq_sessions_refresh_hash(refresh_hash): SHA2 of a bound value is a constant. */
static const char SQL_SESSION_REVOKE[] =
    "UPDATE sessions SET revoked_at = NOW(6)"
    " WHERE refresh_hash = SHA2(?, 256) AND revoked_at IS NULL";

/* Uses the primary keys of sessions and users. */
static const char SQL_SESSION_LIVE[] =
    "SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id"
    " WHERE s.id = ? AND s.user_id = ? AND s.revoked_at IS NULL AND s.expires_at > NOW(6)"
    " AND u.is_active = 1";

/* clang-format on */

int accounts_db_email_taken(struct wm_ctx *ctx, const char *email, bool *taken)
{
    int64_t n = 0;
    int rc = db_query_one(ctx, SQL_USER_EMAIL_TAKEN, "s", "l", email, &n);
    *taken = n > 0;
    return rc;
}

int accounts_db_user_insert(struct wm_ctx *ctx, const struct account_signup *in,
                            const char *account_type, const char *password_hash, int64_t *id)
{
    int rc = db_exec(ctx, SQL_USER_INSERT, "ssssssb", in->email, in->email, password_hash,
                     in->first_name, in->last_name, account_type, (int)in->terms_accepted);
    *id = rc == WM_OK ? db_insert_id(ctx) : 0;
    return rc;
}

int accounts_db_user_login(struct wm_ctx *ctx, const char *email, int64_t *id, char **hash,
                           bool *is_active)
{
    return db_query_one(ctx, SQL_USER_LOGIN, "s", "lsb", email, id, hash, is_active);
}

int accounts_db_user_set_hash(struct wm_ctx *ctx, int64_t id, const char *hash)
{
    return db_exec(ctx, SQL_USER_SET_HASH, "sl", hash, id);
}

int accounts_db_user_get(struct wm_ctx *ctx, int64_t id, struct user *out)
{
    return db_query_one(ctx, SQL_USER_GET, "l", "lssssssssssss", id, &out->id, &out->email,
                        &out->first_name, &out->last_name, &out->account_type, &out->phone_number,
                        &out->dob, &out->gender, &out->street_address, &out->city, &out->country,
                        &out->postal_code, &out->business_name);
}

int accounts_db_session_insert(struct wm_ctx *ctx, int64_t user_id, const char *refresh,
                               bool remember_me, int64_t ttl_s, int64_t *id)
{
    int rc = db_exec(ctx, SQL_SESSION_INSERT, "lsbl", user_id, refresh, (int)remember_me, ttl_s);
    *id = rc == WM_OK ? db_insert_id(ctx) : 0;
    return rc;
}

int accounts_db_session_revoke(struct wm_ctx *ctx, const char *refresh, bool *revoked)
{
    int rc = db_exec(ctx, SQL_SESSION_REVOKE, "s", refresh);
    *revoked = rc == WM_OK && db_affected_rows(ctx) > 0;
    return rc;
}

int accounts_db_session_live(struct wm_ctx *ctx, int64_t session_id, int64_t user_id, bool *live)
{
    int64_t n = 0;
    int rc = db_query_one(ctx, SQL_SESSION_LIVE, "ll", "l", session_id, user_id, &n);
    *live = rc == WM_OK && n > 0;
    return rc;
}
