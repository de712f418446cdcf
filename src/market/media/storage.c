/*
 * storage.c: THE table of storage backends (storage_int.h) and the public functions of
 * storage.h, which check the key and hand the call to the backend media.storage names.
 */
#include "market/media/storage.h"

#include <string.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "market/media/storage_int.h"

/* clang-format off */
static const struct storage_backend backends[] = {
    /* name     put                get                delete                presign                 public base */
    { "local",  storage_local_put, storage_local_get, storage_local_delete, NULL,                   storage_local_public_base },
    { "s3",     storage_s3_put,    storage_s3_get,    storage_s3_delete,    storage_s3_presign_put, storage_s3_public_base },
};
/* clang-format on */

static const struct storage_backend *backend(const struct wm_ctx *ctx)
{
    for (size_t i = 0; i < sizeof(backends) / sizeof(backends[0]); i++)
        if (strcmp(backends[i].name, ctx->config->media_storage) == 0) return &backends[i];
    return &backends[0]; /* media.storage is an enum of these names: not reached */
}

static bool is_digits(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] < '0' || p[i] > '9') return false;
    return true;
}

bool storage_key_is_valid(const char *key)
{
    size_t n = strlen(key);
    if (n < 8 + 32 + 4 || n >= 128) return false;
    if (!is_digits(key, 4) || key[4] != '/' || !is_digits(key + 5, 2) || key[7] != '/')
        return false;
    const char *p = key + 8;
    for (int i = 0; i < 32; i++, p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'))) return false;
    if (*p == '_') {
        const char *d = ++p;
        while (*p >= '0' && *p <= '9')
            p++;
        if (p == d || p - d > 5) return false;
    }
    return strcmp(p, ".jpg") == 0 || strcmp(p, ".png") == 0 || strcmp(p, ".webp") == 0;
}

static int bad_key(struct wm_ctx *ctx, const char *key)
{
    return wm_errorf(ctx, WM_EINVAL, "invalid storage key '%.80s'", key);
}

int storage_put(struct wm_ctx *ctx, const char *key, const void *data, size_t len,
                const char *content_type)
{
    if (!storage_key_is_valid(key)) return bad_key(ctx, key);
    return backend(ctx)->put(ctx, key, data, len, content_type);
}

int storage_get(struct wm_ctx *ctx, const char *key, struct str *out)
{
    *out = (struct str){ NULL, 0 };
    if (!storage_key_is_valid(key)) return bad_key(ctx, key);
    return backend(ctx)->get(ctx, key, out);
}

int storage_delete(struct wm_ctx *ctx, const char *key)
{
    if (!storage_key_is_valid(key)) return bad_key(ctx, key);
    return backend(ctx)->del(ctx, key);
}

int storage_presign_put(struct wm_ctx *ctx, const char *key, const char *content_type,
                        int64_t bytes, int64_t now, int64_t ttl_s, char **url)
{
    *url = NULL;
    if (!storage_key_is_valid(key)) return bad_key(ctx, key);
    const struct storage_backend *b = backend(ctx);
    if (!b->presign_put)
        return wm_errorf(ctx, WM_EINVAL,
                         "Direct uploads are not available: this server stores images itself "
                         "(media.storage = %s).",
                         b->name);
    return b->presign_put(ctx, key, content_type, bytes, now, ttl_s, url);
}

const char *storage_public_base(struct wm_ctx *ctx)
{
    const char *base = ctx->config->media_public_url;
    if (!*base) return backend(ctx)->public_base(ctx);
    size_t n = strlen(base);
    return base[n - 1] == '/' ? base : arena_printf(ctx->arena, "%s/", base);
}

char *storage_public_url(struct wm_ctx *ctx, const char *key)
{
    return arena_printf(ctx->arena, "%s%s", storage_public_base(ctx), key);
}
