/*
 * media_db.c: the SQL of the media domain (media_int.h). Named prepared statements first,
 * each with the index it uses, then one function per statement.
 */
#include "market/media/media_int.h"

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "db/db.h"

/* clang-format off */

/* Writes the primary key, uq_media_key, ix_media_gc and ix_media_owner. */
static const char SQL_MEDIA_INSERT[] =
    "INSERT INTO media (owner_id, storage_key, content_type, bytes, width, height, source)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)";

/* Uses uq_media_key. The first reference time is kept. */
static const char SQL_MEDIA_MARK[] =
    "UPDATE media SET referenced_at = COALESCE(referenced_at, NOW(6)) WHERE storage_key = ?";

/* Uses ix_media_gc(referenced_at, owner_id, created_at): the equality on the two NULLs, then
 * a range on created_at, in its order. */
static const char SQL_MEDIA_EXPIRED[] =
    "SELECT id, storage_key FROM media"
    " WHERE referenced_at IS NULL AND owner_id IS NULL"
    " AND created_at < NOW(6) - INTERVAL ? SECOND"
    " ORDER BY created_at LIMIT ?";

/* Uses the primary key; the conditions are checked again so that a reference made since the
 * row was listed keeps it. */
static const char SQL_MEDIA_DELETE_EXPIRED[] =
    "DELETE FROM media WHERE id = ? AND referenced_at IS NULL AND owner_id IS NULL"
    " AND created_at < NOW(6) - INTERVAL ? SECOND";

/* clang-format on */

int media_db_insert(struct wm_ctx *ctx, int64_t owner_id, const char *key, const char *content_type,
                    int64_t bytes, int width, int height, const char *source, int64_t *id)
{
    const char *owner = owner_id > 0 ? arena_printf(ctx->arena, "%lld", (long long)owner_id)
                                     : (const char *)NULL;
    int rc = db_exec(ctx, SQL_MEDIA_INSERT, "sssliis", owner, key, content_type, bytes, width,
                     height, source);
    if (rc == WM_OK) *id = db_insert_id(ctx);
    return rc;
}

int media_db_mark_referenced(struct wm_ctx *ctx, const char *key, bool *found)
{
    int rc = db_exec(ctx, SQL_MEDIA_MARK, "s", key);
    *found = rc == WM_OK && db_affected_rows(ctx) > 0;
    return rc;
}

int media_db_expired(struct wm_ctx *ctx, int64_t ttl_s, int limit, int64_t **ids, char ***keys,
                     size_t *n)
{
    struct db_res *res = NULL;
    *n = 0;
    int rc = db_query(ctx, &res, SQL_MEDIA_EXPIRED, "li", ttl_s, limit);
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    *ids = ARENA_ARRAY(ctx->arena, int64_t, rows + 1);
    *keys = ARENA_ARRAY(ctx->arena, char *, rows + 1);
    while (*n < rows && (rc = db_next(res, "ls", &(*ids)[*n], &(*keys)[*n])) > 0)
        (*n)++;
    return rc < 0 ? rc : WM_OK;
}

int media_db_delete_expired(struct wm_ctx *ctx, int64_t id, int64_t ttl_s, bool *deleted)
{
    int rc = db_exec(ctx, SQL_MEDIA_DELETE_EXPIRED, "ll", id, ttl_s);
    *deleted = rc == WM_OK && db_affected_rows(ctx) > 0;
    return rc;
}
