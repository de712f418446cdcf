/*
 * media.c: the rules of the media domain (media.h): type from the bytes, size and pixel
 * limits, the anonymous rate limit, storage keys, references and the clean-up of anonymous
 * uploads nothing uses.
 */
#include "market/media/media.h"

#include <errno.h>
#include <string.h>
#include <time.h>

#include "auth/ratelimit.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/log.h"
#include "core/rand.h"
#include "db/db.h"
#include "market/media/media_int.h"
#include "market/media/storage.h"

enum media_type media_sniff(const void *p, size_t n)
{
    const unsigned char *b = p;
    static const unsigned char png[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    if (n >= 3 && b[0] == 0xff && b[1] == 0xd8 && b[2] == 0xff) return MEDIA_JPEG;
    if (n >= 8 && memcmp(b, png, 8) == 0) return MEDIA_PNG;
    if (n >= 12 && memcmp(b, "RIFF", 4) == 0 && memcmp(b + 8, "WEBP", 4) == 0) return MEDIA_WEBP;
    if (n >= 6 && (memcmp(b, "GIF87a", 6) == 0 || memcmp(b, "GIF89a", 6) == 0)) return MEDIA_GIF;
    return MEDIA_UNKNOWN;
}

const char *media_type_ext(enum media_type t)
{
    switch (t) {
    case MEDIA_JPEG:
        return ".jpg";
    case MEDIA_PNG:
    case MEDIA_GIF:
        return ".png";
    case MEDIA_WEBP:
        return ".webp";
    case MEDIA_UNKNOWN:
        break;
    }
    return NULL;
}

const char *media_type_mime(enum media_type t)
{
    switch (t) {
    case MEDIA_JPEG:
        return "image/jpeg";
    case MEDIA_PNG:
        return "image/png";
    case MEDIA_WEBP:
        return "image/webp";
    case MEDIA_GIF:
        return "image/gif";
    case MEDIA_UNKNOWN:
        break;
    }
    return NULL;
}

/* A fresh key stem "<yyyy>/<mm>/<32 hex>" for now. */
static int new_stem(struct wm_ctx *ctx, char **stem)
{
    char rnd[33];
    if (rand_hex(rnd, 16) != 0)
        return wm_errorf(ctx, WM_EINTERNAL, "getrandom failed: %s", strerror(errno));
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    *stem = arena_printf(ctx->arena, "%04d/%02d/%s", tm.tm_year + 1900, tm.tm_mon + 1, rnd);
    return WM_OK;
}

/* Storage errors are logged in full and shown to the client in general terms. */
static int storage_failed(struct wm_ctx *ctx, int rc)
{
    log_error("media: %s", ctx->err.message ? ctx->err.message : wm_strerror(rc));
    return wm_errorf(ctx, rc == WM_EUPSTREAM ? WM_EUPSTREAM : WM_EINTERNAL,
                     "The image could not be stored; please try again later.");
}

/* The anonymous upload limit of ctx->client_ip: WM_OK, or WM_ELIMIT (counted when allowed). */
static int check_rate(struct wm_ctx *ctx)
{
    struct ratelimit_rule rule = { "media.upload.ip", (unsigned)ctx->config->media_anon_per_hour,
                                   3600 };
    unsigned retry = 0;
    const char *ip = ctx->client_ip ? ctx->client_ip : "-";
    if (ratelimit_hit(ctx, &rule, ip, (int64_t)time(NULL), &retry)) return WM_OK;
    return ratelimit_error(ctx, "Uploads without signing in", retry);
}

int media_upload(struct wm_ctx *ctx, int64_t owner_id, const void *data, size_t len,
                 struct media_image **out)
{
    const struct config *cfg = ctx->config;
    *out = NULL;
    if (len == 0) return wm_errorf(ctx, WM_EINVAL, "The file is empty.");
    if ((int64_t)len > cfg->media_max_bytes)
        return wm_errorf(ctx, WM_ETOOBIG, "The file is %zu bytes; the most accepted is %lld.", len,
                         (long long)cfg->media_max_bytes);
    enum media_type type = media_sniff(data, len);
    if (type == MEDIA_UNKNOWN)
        return wm_errorf(ctx, WM_EMEDIA, "The file is not a JPEG, PNG, WebP or GIF image.");
    if (owner_id <= 0) {
        int rc = check_rate(ctx);
        if (rc != WM_OK) return rc;
    }
    struct media_limits lim = { cfg->media_max_width, cfg->media_max_height,
                                cfg->media_max_megapixels * 1000000 };
    struct media_encoded enc;
    int rc = media_convert(ctx, data, len, type, &lim, &enc);
    if (rc != WM_OK) return rc;

    char *stem = NULL;
    rc = new_stem(ctx, &stem);
    if (rc != WM_OK) return rc;
    const char *ext = media_type_ext(enc.stored);
    const char *mime = media_type_mime(enc.stored);
    struct media_image *m = ARENA_NEW(ctx->arena, struct media_image);
    m->owner_id = owner_id > 0 ? owner_id : 0;
    m->key = arena_printf(ctx->arena, "%s%s", stem, ext);
    m->content_type = (char *)mime;
    m->bytes = (int64_t)enc.full.bytes.len;
    m->width = enc.full.width;
    m->height = enc.full.height;
    char *small = arena_printf(ctx->arena, "%s_%d%s", stem, MEDIA_THUMB_SMALL, ext);
    char *large = arena_printf(ctx->arena, "%s_%d%s", stem, MEDIA_THUMB_LARGE, ext);
    const struct {
        const char *key;
        const struct media_rendition *r;
    } files[] = { { small, &enc.small }, { large, &enc.large }, { m->key, &enc.full } };
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        rc = storage_put(ctx, files[i].key, files[i].r->bytes.ptr, files[i].r->bytes.len, mime);
        if (rc != WM_OK) return storage_failed(ctx, rc);
    }
    rc = media_db_insert(ctx, m->owner_id, m->key, mime, m->bytes, m->width, m->height, "upload",
                         &m->id);
    if (rc != WM_OK) return rc;
    m->url = storage_public_url(ctx, m->key);
    m->thumbnail_url = storage_public_url(ctx, small);
    m->thumbnail_url_large = storage_public_url(ctx, large);
    *out = m;
    return WM_OK;
}

/* The storage key of the full-size image url names (a thumbnail's URL names its image), or
 * NULL when url is not one of ours. */
static char *key_of_url(struct wm_ctx *ctx, const char *url)
{
    const char *base = storage_public_base(ctx);
    const char *rest = NULL;
    if (strncmp(url, base, strlen(base)) == 0)
        rest = url + strlen(base);
    else if (strncmp(url, "/media/", 7) == 0)
        rest = url + 7;
    if (!rest || strlen(rest) >= MEDIA_KEY_MAX || !storage_key_is_valid(rest)) return NULL;
    char *key = arena_printf(ctx->arena, "%s", rest);
    char *thumb = strchr(key, '_');
    if (thumb) memmove(thumb, strrchr(key, '.'), strlen(strrchr(key, '.')) + 1);
    return key;
}

int media_mark_referenced(struct wm_ctx *ctx, const char *url, bool *ours)
{
    bool found = false;
    char *key = url ? key_of_url(ctx, url) : NULL;
    int rc = key ? media_db_mark_referenced(ctx, key, &found) : WM_OK;
    if (ours) *ours = found;
    return rc;
}

/* Remove one expired row (in its own transaction) and then its files; a storage failure
 * rolls the row back so the next run tries again. */
static int gc_one(struct wm_ctx *ctx, int64_t id, const char *key, int64_t ttl, bool *gone)
{
    int rc = db_begin(ctx);
    if (rc != WM_OK) return rc;
    rc = media_db_delete_expired(ctx, id, ttl, gone);
    if (rc == WM_OK && *gone) {
        const char *dot = strrchr(key, '.');
        const char *keys[] = {
            key,
            arena_printf(ctx->arena, "%.*s_%d%s", (int)(dot - key), key, MEDIA_THUMB_SMALL, dot),
            arena_printf(ctx->arena, "%.*s_%d%s", (int)(dot - key), key, MEDIA_THUMB_LARGE, dot),
        };
        for (size_t i = 0; rc == WM_OK && i < sizeof(keys) / sizeof(keys[0]); i++)
            rc = storage_delete(ctx, keys[i]);
    }
    if (rc == WM_OK) return db_commit(ctx);
    int saved = ctx->err.code;
    char *msg = ctx->err.message;
    db_rollback(ctx);
    ctx->err.code = saved;
    ctx->err.message = msg;
    *gone = false;
    return rc;
}

int media_gc(struct wm_ctx *ctx, int limit, int64_t *removed)
{
    int64_t ttl = ctx->config->media_anon_ttl_s;
    int64_t *ids = NULL;
    char **keys = NULL;
    size_t n = 0;
    *removed = 0;
    int rc = media_db_expired(ctx, ttl, limit, &ids, &keys, &n);
    for (size_t i = 0; rc == WM_OK && i < n; i++) {
        bool gone = false;
        rc = gc_one(ctx, ids[i], keys[i], ttl, &gone);
        if (gone) (*removed)++;
    }
    return rc;
}

int media_presign_upload(struct wm_ctx *ctx, int64_t owner_id, const char *content_type,
                         int64_t bytes, struct media_presigned *out)
{
    const struct config *cfg = ctx->config;
    memset(out, 0, sizeof(*out));
    enum media_type type = MEDIA_UNKNOWN;
    for (enum media_type t = MEDIA_JPEG; t <= MEDIA_WEBP; t++)
        if (content_type && strcmp(content_type, media_type_mime(t)) == 0) type = t;
    if (type == MEDIA_UNKNOWN)
        return wm_errorf(ctx, WM_EINVAL,
                         "contentType must be image/jpeg, image/png or image/webp.");
    if (bytes < 1 || bytes > cfg->media_max_bytes)
        return wm_errorf(ctx, WM_EINVAL, "bytes must be between 1 and %lld.",
                         (long long)cfg->media_max_bytes);
    if (owner_id <= 0) return wm_errorf(ctx, WM_EUNAUTH, "unauthorized: sign in to upload");
    char *stem = NULL;
    int rc = new_stem(ctx, &stem);
    if (rc != WM_OK) return rc;
    char *key = arena_printf(ctx->arena, "%s%s", stem, media_type_ext(type));
    int64_t now = (int64_t)time(NULL);
    rc = storage_presign_put(ctx, key, content_type, bytes, now, cfg->media_presign_ttl_s,
                             &out->url);
    int64_t id = 0;
    if (rc == WM_OK)
        rc = media_db_insert(ctx, owner_id, key, content_type, bytes, 0, 0, "presigned", &id);
    if (rc != WM_OK) return rc;
    out->key = key;
    out->public_url = storage_public_url(ctx, key);
    out->expires_at = now + cfg->media_presign_ttl_s;
    return WM_OK;
}
