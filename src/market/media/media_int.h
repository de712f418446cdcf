/*
 * media_int.h: what the files of the media domain share: the image pipeline (media_image.c,
 * libvips), the store (media_db.c, one function per SQL statement) and the storage backends
 * (storage_local.c, storage_s3.c) behind the table in storage.c.
 */
#ifndef WM_MARKET_MEDIA_INT_H
#define WM_MARKET_MEDIA_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/buf.h"
#include "market/media/media.h"

struct wm_ctx;

/* ---- the image pipeline (media_image.c) ---- */

/* Pixel limits, from the config. */
struct media_limits {
    int64_t max_width;
    int64_t max_height;
    int64_t max_pixels;
};

/* One encoded rendition. bytes: arena copy. */
struct media_rendition {
    struct str bytes;
    int width;
    int height;
};

/* What media_image_process() made of an upload. */
struct media_encoded {
    enum media_type stored;       /* the format written (GIF becomes PNG) */
    struct media_rendition full;  /* the whole image, re-encoded */
    struct media_rendition small; /* MEDIA_THUMB_SMALL on the longer side (or smaller) */
    struct media_rendition large; /* MEDIA_THUMB_LARGE likewise */
};

/*
 * Decode the len bytes at data as type (from media_sniff) with that format's loader only,
 * check the header's dimensions against lim before decoding any pixel (WM_ETOOBIG), apply the
 * EXIF orientation, and re-encode the image and two thumbnails without any metadata.
 * WM_EINVAL when libvips cannot read the header or decode the pixels; WM_EINTERNAL when it
 * cannot encode. libvips is started on first use (VIPS_INIT) with its operation cache off and
 * its untrusted loaders blocked.
 */
int media_image_process(struct wm_ctx *ctx, const void *data, size_t len, enum media_type type,
                        const struct media_limits *lim, struct media_encoded *out);

/* ".jpg", ".png", ".webp" for a stored type; NULL for another value. */
const char *media_type_ext(enum media_type t);

/* Stop libvips (the converter's last call; libvips cannot start again afterwards). */
void media_shutdown(void);

/* ---- the converter process (media_convert.c) ---- */

/*
 * media_image_process() run by the `market-image` program ($MARKET_IMAGE_BIN, else beside the
 * running executable) on a pipe, with the same results and errors; a converter that fails,
 * hangs or answers nonsense is WM_EINTERNAL. The renditions live in ctx->arena.
 */
int media_convert(struct wm_ctx *ctx, const void *data, size_t len, enum media_type type,
                  const struct media_limits *lim, struct media_encoded *out);

/* The converter's side: write the framed reply of a media_image_process() result to f. */
void media_convert_reply(FILE *f, int rc, const char *message, const struct media_encoded *e);

/* ---- the store (media_db.c) ---- */

/* Insert a row; *id gets its id. owner_id 0 stores NULL. source "upload" or "presigned". */
int media_db_insert(struct wm_ctx *ctx, int64_t owner_id, const char *key, const char *content_type,
                    int64_t bytes, int width, int height, const char *source, int64_t *id);

/* Set referenced_at of the row of key when it is NULL; *found tells whether a row has key. */
int media_db_mark_referenced(struct wm_ctx *ctx, const char *key, bool *found);

/* Up to limit keys (oldest first) of anonymous rows never referenced and created more than
 * ttl_s seconds ago; arena arrays of ids and keys, *n of them. */
int media_db_expired(struct wm_ctx *ctx, int64_t ttl_s, int limit, int64_t **ids, char ***keys,
                     size_t *n);

/* Delete row id when it is still anonymous and unreferenced; *deleted tells. */
int media_db_delete_expired(struct wm_ctx *ctx, int64_t id, int64_t ttl_s, bool *deleted);

#endif
