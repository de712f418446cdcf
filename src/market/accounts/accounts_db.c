/*
 * accounts_db.c: the SQL of the accounts domain (accounts_int.h). Named prepared statements
 * first, each with the index it uses, then one function per statement. Refresh tokens reach
 * the server only as a bound value and are stored and compared as SHA2(token, 256): the hash
 * is computed where it is compared, so no table ever holds a usable token.
 */
#include "market/accounts/accounts_int.h"

#include "core/arena.h"
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
    " terms_accepted_at, email_verified_at)"
    " VALUES (?, LOWER(?), ?, ?, ?, ?, IF(?, NOW(6), NULL), IF(?, NOW(6), NULL))";

/* Uses uq_users_email_norm(email_norm). */
static const char SQL_USER_LOGIN[] =
    "SELECT id, password_hash, is_active FROM users WHERE email_norm = LOWER(?)";

/* Uses the primary key. */
static const char SQL_USER_SET_HASH[] =
    "UPDATE users SET password_hash = ? WHERE id = ?";

/* Uses the primary key. */
#define USER_COLUMNS \
    "SELECT id, email, first_name, last_name, account_type, phone_number," \
    " DATE_FORMAT(dob, '%Y-%m-%d'), gender, street_address, city, country, postal_code," \
    " business_name, profile_picture_url, email_verified_at IS NOT NULL FROM users WHERE id = ?"
static const char SQL_USER_GET[] = USER_COLUMNS;

/* Uses the primary key; locks the row for a read-modify-write of the profile. */
static const char SQL_USER_GET_LOCKED[] = USER_COLUMNS " FOR UPDATE";

/* Uses the primary key. */
static const char SQL_USER_WRITE_PROFILE[] =
    "UPDATE users SET first_name = ?, last_name = ?, phone_number = ?, dob = ?, gender = ?,"
    " street_address = ?, city = ?, country = ?, postal_code = ?, business_name = ?,"
    " profile_picture_url = ? WHERE id = ?";

/* Uses the primary key. */
static const char SQL_USER_SET_TYPE[] = "UPDATE users SET account_type = ? WHERE id = ?";

/* Uses the primary key. */
static const char SQL_USER_HASH[] =
    "SELECT password_hash FROM users WHERE id = ? FOR UPDATE";

/* Uses the primary key. */
static const char SQL_USER_SET_PASSWORD[] =
    "UPDATE users SET password_hash = ?, password_changed_at = NOW(6) WHERE id = ?";

/* Uses the primary key. */
static const char SQL_TWOFA_GET[] =
    "SELECT totp_secret, totp_pending_secret, totp_last_step FROM users WHERE id = ? FOR UPDATE";

/* Uses the primary key. */
static const char SQL_TWOFA_SET_PENDING[] =
    "UPDATE users SET totp_pending_secret = ? WHERE id = ?";

/* Uses the primary key. */
static const char SQL_TWOFA_CONFIRM[] =
    "UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL,"
    " totp_last_step = ?, totp_enabled_at = NOW(6)"
    " WHERE id = ? AND totp_pending_secret IS NOT NULL";

/* Uses the primary key. */
static const char SQL_TWOFA_USED_STEP[] =
    "UPDATE users SET totp_last_step = ? WHERE id = ?";

/* Uses the primary key. */
static const char SQL_TWOFA_CLEAR[] =
    "UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = -1,"
    " totp_enabled_at = NULL WHERE id = ?";

/* Uses ix_backup_codes_user(user_id). */
static const char SQL_BACKUP_DELETE[] =
    "DELETE FROM user_backup_codes WHERE user_id = ?";

/* Writes ix_backup_codes_user. */
static const char SQL_BACKUP_INSERT[] =
    "INSERT INTO user_backup_codes (user_id, code_hash) VALUES (?, ?)";

/* Uses ix_backup_codes_user(user_id, used_at). */
static const char SQL_BACKUP_UNUSED[] =
    "SELECT id, code_hash FROM user_backup_codes WHERE user_id = ? AND used_at IS NULL";

/* Uses the primary key. */
static const char SQL_BACKUP_USE[] =
    "UPDATE user_backup_codes SET used_at = NOW(6) WHERE id = ? AND used_at IS NULL";

/* Writes uq_sessions_refresh_hash (a collision of 160 random bits is not expected) and
 * ix_sessions_user. The refresh lifetime never passes the session's absolute end. */
static const char SQL_SESSION_INSERT[] =
    "INSERT INTO sessions (user_id, refresh_hash, remember_me, device_name, device_type, ip,"
    " user_agent, expires_at, ends_at) VALUES (?, SHA2(?, 256), ?, ?, ?, ?, ?,"
    " NOW(6) + INTERVAL LEAST(?, ?) SECOND, NOW(6) + INTERVAL ? SECOND)";

/* Uses uq_sessions_refresh_hash(refresh_hash): SHA2 of a bound value is a constant. */
static const char SQL_SESSION_ID_BY_REFRESH[] =
    "SELECT id FROM sessions WHERE refresh_hash = SHA2(?, 256) AND revoked_at IS NULL"
    " FOR UPDATE";

/* Uses the primary key. */
static const char SQL_SESSION_REVOKE[] =
    "UPDATE sessions SET revoked_at = NOW(6), revoked_reason = ?"
    " WHERE id = ? AND revoked_at IS NULL";

/* Uses the primary key. */
static const char SQL_SESSION_REVOKE_ID[] =
    "UPDATE sessions SET revoked_at = NOW(6), revoked_reason = ?"
    " WHERE id = ? AND user_id = ? AND revoked_at IS NULL";

/* Uses ix_sessions_user(user_id, revoked_at). */
static const char SQL_SESSIONS_REVOKE_OTHERS[] =
    "UPDATE sessions SET revoked_at = NOW(6), revoked_reason = ?"
    " WHERE user_id = ? AND revoked_at IS NULL AND id <> ?";

/* The conditions of a live session s of a live user u (idle seconds bound last). */
#define SESSION_IS_LIVE \
    "s.revoked_at IS NULL AND s.expires_at > NOW(6) AND s.ends_at > NOW(6)" \
    " AND s.last_active_at > NOW(6) - INTERVAL ? SECOND AND u.is_active = 1"

/* Uses the primary keys of sessions and users. */
static const char SQL_SESSION_LIVE[] =
    "SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id"
    " WHERE s.id = ? AND s.user_id = ? AND " SESSION_IS_LIVE;

/* Uses uq_sessions_refresh_hash, then the primary key of users. */
static const char SQL_SESSION_LIVE_BY_REFRESH[] =
    "SELECT s.id, s.user_id FROM sessions s JOIN users u ON u.id = s.user_id"
    " WHERE s.refresh_hash = SHA2(?, 256) AND " SESSION_IS_LIVE;

/* Uses the primary key; writes only when the last write is a minute old. */
static const char SQL_SESSION_TOUCH[] =
    "UPDATE sessions SET last_active_at = NOW(6)"
    " WHERE id = ? AND last_active_at < NOW(6) - INTERVAL 60 SECOND";

/* Uses uq_sessions_refresh_hash, then the primary key of users. */
static const char SQL_SESSION_BY_REFRESH[] =
    "SELECT s.id, s.user_id, s.remember_me, s.revoked_at IS NOT NULL,"
    " NOT (s.expires_at > NOW(6) AND s.ends_at > NOW(6)"
    " AND s.last_active_at > NOW(6) - INTERVAL ? SECOND AND u.is_active = 1)"
    " FROM sessions s JOIN users u ON u.id = s.user_id"
    " WHERE s.refresh_hash = SHA2(?, 256) FOR UPDATE";

/* Uses the primary key of session_rotated_tokens. */
static const char SQL_SESSION_ROTATED[] =
    "SELECT session_id FROM session_rotated_tokens WHERE refresh_hash = SHA2(?, 256)";

/* Uses the primary key. */
static const char SQL_SESSION_ROTATE[] =
    "UPDATE sessions SET refresh_hash = SHA2(?, 256), last_active_at = NOW(6),"
    " expires_at = LEAST(NOW(6) + INTERVAL ? SECOND, ends_at) WHERE id = ?";

/* Writes the primary key of session_rotated_tokens. */
static const char SQL_ROTATED_INSERT[] =
    "INSERT INTO session_rotated_tokens (refresh_hash, session_id) VALUES (SHA2(?, 256), ?)";

/* Uses the primary key. */
static const char SQL_SESSION_EXPIRES[] =
    "SELECT CAST(FLOOR(UNIX_TIMESTAMP(expires_at)) AS SIGNED) FROM sessions WHERE id = ?";

/* Uses ix_sessions_user(user_id, revoked_at); a user has few sessions. */
static const char SQL_SESSIONS_LIST[] =
    "SELECT s.id, s.device_name, s.device_type, s.ip, s.user_agent,"
    " DATE_FORMAT(s.created_at, '%Y-%m-%dT%H:%i:%sZ'),"
    " DATE_FORMAT(s.last_active_at, '%Y-%m-%dT%H:%i:%sZ')"
    " FROM sessions s JOIN users u ON u.id = s.user_id"
    " WHERE s.user_id = ? AND " SESSION_IS_LIVE
    " ORDER BY s.last_active_at DESC, s.id DESC LIMIT 100";

/* Writes uq_email_tokens_hash and ix_email_tokens_user. */
static const char SQL_EMAIL_TOKEN_INSERT[] =
    "INSERT INTO user_email_tokens (user_id, purpose, token_hash, email, expires_at)"
    " VALUES (?, ?, SHA2(?, 256), ?, NOW(6) + INTERVAL ? SECOND)";

/* Uses ix_email_tokens_user(user_id, purpose, used_at). */
static const char SQL_EMAIL_TOKENS_RETIRE[] =
    "UPDATE user_email_tokens SET used_at = NOW(6)"
    " WHERE user_id = ? AND purpose = ? AND used_at IS NULL";

/* Uses uq_email_tokens_hash(token_hash); locks the row. */
static const char SQL_EMAIL_TOKEN_FIND[] =
    "SELECT id, user_id, email FROM user_email_tokens WHERE token_hash = SHA2(?, 256)"
    " AND purpose = ? AND used_at IS NULL AND expires_at > NOW(6) FOR UPDATE";

/* Uses the primary key. */
static const char SQL_EMAIL_TOKEN_USE[] =
    "UPDATE user_email_tokens SET used_at = NOW(6) WHERE id = ?";

/* Uses the primary key. */
static const char SQL_USER_SET_VERIFIED[] =
    "UPDATE users SET email_verified_at = NOW(6)"
    " WHERE id = ? AND email_norm = LOWER(?) AND email_verified_at IS NULL";

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
    int rc = db_exec(ctx, SQL_USER_INSERT, "ssssssbb", in->email, in->email, password_hash,
                     in->first_name, in->last_name, account_type, (int)in->terms_accepted,
                     (int)in->email_verified);
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

static int user_get(struct wm_ctx *ctx, const char *sql, int64_t id, struct user *out)
{
    return db_query_one(ctx, sql, "l", "lsssssssssssssb", id, &out->id, &out->email,
                        &out->first_name, &out->last_name, &out->account_type, &out->phone_number,
                        &out->dob, &out->gender, &out->street_address, &out->city, &out->country,
                        &out->postal_code, &out->business_name, &out->profile_picture_url,
                        &out->email_verified);
}

int accounts_db_user_get(struct wm_ctx *ctx, int64_t id, struct user *out)
{
    return user_get(ctx, SQL_USER_GET, id, out);
}

int accounts_db_user_get_locked(struct wm_ctx *ctx, int64_t id, struct user *out)
{
    return user_get(ctx, SQL_USER_GET_LOCKED, id, out);
}

int accounts_db_user_write_profile(struct wm_ctx *ctx, const struct user *u)
{
    return db_exec(ctx, SQL_USER_WRITE_PROFILE, "sssssssssssl", u->first_name, u->last_name,
                   u->phone_number, u->dob, u->gender, u->street_address, u->city, u->country,
                   u->postal_code, u->business_name, u->profile_picture_url, u->id);
}

int accounts_db_user_set_type(struct wm_ctx *ctx, int64_t id, const char *type)
{
    return db_exec(ctx, SQL_USER_SET_TYPE, "sl", type, id);
}

int accounts_db_user_hash(struct wm_ctx *ctx, int64_t id, char **hash)
{
    return db_query_one(ctx, SQL_USER_HASH, "l", "s", id, hash);
}

int accounts_db_user_set_password(struct wm_ctx *ctx, int64_t id, const char *hash)
{
    return db_exec(ctx, SQL_USER_SET_PASSWORD, "sl", hash, id);
}

int accounts_db_twofa_get(struct wm_ctx *ctx, int64_t id, char **secret, char **pending,
                          int64_t *last_step)
{
    return db_query_one(ctx, SQL_TWOFA_GET, "l", "ssl", id, secret, pending, last_step);
}

int accounts_db_twofa_set_pending(struct wm_ctx *ctx, int64_t id, const char *secret)
{
    return db_exec(ctx, SQL_TWOFA_SET_PENDING, "sl", secret, id);
}

int accounts_db_twofa_confirm(struct wm_ctx *ctx, int64_t id, int64_t step)
{
    return db_exec(ctx, SQL_TWOFA_CONFIRM, "ll", step, id);
}

int accounts_db_twofa_used_step(struct wm_ctx *ctx, int64_t id, int64_t step)
{
    return db_exec(ctx, SQL_TWOFA_USED_STEP, "ll", step, id);
}

int accounts_db_twofa_clear(struct wm_ctx *ctx, int64_t id)
{
    int rc = db_exec(ctx, SQL_TWOFA_CLEAR, "l", id);
    return rc == WM_OK ? db_exec(ctx, SQL_BACKUP_DELETE, "l", id) : rc;
}

int accounts_db_backup_replace(struct wm_ctx *ctx, int64_t id, char *const *hashes, size_t n)
{
    int rc = db_exec(ctx, SQL_BACKUP_DELETE, "l", id);
    for (size_t i = 0; rc == WM_OK && i < n; i++)
        rc = db_exec(ctx, SQL_BACKUP_INSERT, "ls", id, hashes[i]);
    return rc;
}

int accounts_db_backup_unused(struct wm_ctx *ctx, int64_t user_id, int64_t **ids, char ***hashes,
                              size_t *n)
{
    struct db_res *res = NULL;
    *n = 0;
    int rc = db_query(ctx, &res, SQL_BACKUP_UNUSED, "l", user_id);
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    *ids = ARENA_ARRAY(ctx->arena, int64_t, rows + 1);
    *hashes = ARENA_ARRAY(ctx->arena, char *, rows + 1);
    while ((rc = db_next(res, "ls", &(*ids)[*n], &(*hashes)[*n])) == 1)
        (*n)++;
    return rc < 0 ? rc : WM_OK;
}

int accounts_db_backup_use(struct wm_ctx *ctx, int64_t id, bool *used)
{
    int rc = db_exec(ctx, SQL_BACKUP_USE, "l", id);
    *used = rc == WM_OK && db_affected_rows(ctx) > 0;
    return rc;
}

int accounts_db_session_insert(struct wm_ctx *ctx, const struct session_row *row,
                               const char *refresh, int64_t *id)
{
    int rc = db_exec(ctx, SQL_SESSION_INSERT,
                     "lsbssssll"
                     "l",
                     row->user_id, refresh, (int)row->remember_me, row->device_name,
                     row->device_type, row->ip, row->user_agent, row->ttl_s, row->max_age_s,
                     row->max_age_s);
    *id = rc == WM_OK ? db_insert_id(ctx) : 0;
    return rc;
}

int accounts_db_session_revoke(struct wm_ctx *ctx, const char *refresh, const char *reason,
                               int64_t *sid)
{
    *sid = 0;
    int64_t id = 0;
    int rc = db_query_one(ctx, SQL_SESSION_ID_BY_REFRESH, "s", "l", refresh, &id);
    if (rc == WM_ENOTFOUND) return WM_OK;
    if (rc != WM_OK) return rc;
    rc = db_exec(ctx, SQL_SESSION_REVOKE, "sl", reason, id);
    if (rc == WM_OK) *sid = id;
    return rc;
}

int accounts_db_session_end(struct wm_ctx *ctx, int64_t sid, const char *reason)
{
    return db_exec(ctx, SQL_SESSION_REVOKE, "sl", reason, sid);
}

int accounts_db_session_revoke_id(struct wm_ctx *ctx, int64_t sid, int64_t user_id,
                                  const char *reason, bool *revoked)
{
    int rc = db_exec(ctx, SQL_SESSION_REVOKE_ID, "sll", reason, sid, user_id);
    *revoked = rc == WM_OK && db_affected_rows(ctx) > 0;
    return rc;
}

int accounts_db_sessions_revoke_others(struct wm_ctx *ctx, int64_t user_id, int64_t keep_sid,
                                       const char *reason, int64_t *n)
{
    int rc = db_exec(ctx, SQL_SESSIONS_REVOKE_OTHERS, "sll", reason, user_id, keep_sid);
    *n = rc == WM_OK ? (int64_t)db_affected_rows(ctx) : 0;
    return rc;
}

int accounts_db_session_live(struct wm_ctx *ctx, int64_t session_id, int64_t user_id,
                             int64_t idle_s, bool *live)
{
    int64_t n = 0;
    int rc = db_query_one(ctx, SQL_SESSION_LIVE, "lll", "l", session_id, user_id, idle_s, &n);
    *live = rc == WM_OK && n > 0;
    return rc;
}

int accounts_db_session_live_by_refresh(struct wm_ctx *ctx, const char *refresh, int64_t idle_s,
                                        int64_t *sid, int64_t *user_id)
{
    return db_query_one(ctx, SQL_SESSION_LIVE_BY_REFRESH, "sl", "ll", refresh, idle_s, sid,
                        user_id);
}

int accounts_db_session_touch(struct wm_ctx *ctx, int64_t sid)
{
    return db_exec(ctx, SQL_SESSION_TOUCH, "l", sid);
}

int accounts_db_session_by_refresh(struct wm_ctx *ctx, const char *refresh, int64_t idle_s,
                                   int64_t *sid, int64_t *user_id, bool *remember_me,
                                   enum session_state *state)
{
    bool revoked = false;
    bool ended = false;
    int rc = db_query_one(ctx, SQL_SESSION_BY_REFRESH, "ls", "llbbb", idle_s, refresh, sid, user_id,
                          remember_me, &revoked, &ended);
    *state = revoked ? SESSION_REVOKED : ended ? SESSION_ENDED : SESSION_LIVE;
    return rc;
}

int accounts_db_session_rotated(struct wm_ctx *ctx, const char *refresh, int64_t *sid)
{
    return db_query_one(ctx, SQL_SESSION_ROTATED, "s", "l", refresh, sid);
}

int accounts_db_session_rotate(struct wm_ctx *ctx, int64_t sid, const char *old, const char *fresh,
                               int64_t ttl_s, int64_t *expires_at)
{
    int rc = db_exec(ctx, SQL_SESSION_ROTATE, "sll", fresh, ttl_s, sid);
    if (rc == WM_OK) rc = db_exec(ctx, SQL_ROTATED_INSERT, "sl", old, sid);
    if (rc == WM_OK) rc = db_query_one(ctx, SQL_SESSION_EXPIRES, "l", "l", sid, expires_at);
    return rc;
}

int accounts_db_sessions_list(struct wm_ctx *ctx, int64_t user_id, int64_t idle_s,
                              struct account_session **out, size_t *n)
{
    struct db_res *res = NULL;
    *n = 0;
    int rc = db_query(ctx, &res, SQL_SESSIONS_LIST, "ll", user_id, idle_s);
    if (rc != WM_OK) return rc;
    *out = ARENA_ARRAY(ctx->arena, struct account_session, db_res_rows(res) + 1);
    for (;;) {
        struct account_session *s = &(*out)[*n];
        rc = db_next(res,
                     "lsssss"
                     "s",
                     &s->id, &s->device_name, &s->device_type, &s->ip, &s->user_agent,
                     &s->created_at, &s->last_active);
        if (rc != 1) break;
        (*n)++;
    }
    return rc < 0 ? rc : WM_OK;
}

int accounts_db_email_token_insert(struct wm_ctx *ctx, int64_t user_id, const char *purpose,
                                   const char *token, const char *email, int64_t ttl_s)
{
    return db_exec(ctx, SQL_EMAIL_TOKEN_INSERT, "lsssl", user_id, purpose, token, email, ttl_s);
}

int accounts_db_email_tokens_retire(struct wm_ctx *ctx, int64_t user_id, const char *purpose)
{
    return db_exec(ctx, SQL_EMAIL_TOKENS_RETIRE, "ls", user_id, purpose);
}

int accounts_db_email_token_take(struct wm_ctx *ctx, const char *token, const char *purpose,
                                 int64_t *user_id, char **email)
{
    int64_t id = 0;
    int rc = db_query_one(ctx, SQL_EMAIL_TOKEN_FIND, "ss", "lls", token, purpose, &id, user_id,
                          email);
    if (rc != WM_OK) return rc;
    return db_exec(ctx, SQL_EMAIL_TOKEN_USE, "l", id);
}

int accounts_db_user_set_verified(struct wm_ctx *ctx, int64_t user_id, const char *email)
{
    return db_exec(ctx, SQL_USER_SET_VERIFIED, "ls", user_id, email);
}
