/*
 * storage.h: where media bytes live, behind one interface (a table of backends, chosen by
 * media.storage). Keys are relative paths made by the media domain ("2026/11/<hex>.jpg");
 * storage_key_is_valid() is checked by every function, so a key can never leave the store.
 *
 *   local  files under <var>/media/<key>, written atomically (a temporary dot-file in the
 *          same directory, fsync, rename), mode 0644; the web server serves <var>/media/ under
 *          /media/ (lighttpd alias, Apache Alias) with a long cache lifetime and nosniff.
 *   s3     objects <media.s3_endpoint>/<media.s3_bucket>/<key> (path style) through libcurl
 *          with CURLOPT_AWS_SIGV4 ("aws:amz:<region>:s3"), the payload's SHA-256 in
 *          x-amz-content-sha256; presigned PUT URLs are signed here (SigV4 query signing).
 *
 * Errors: WM_EINVAL for a bad key; WM_ENOTFOUND when storage_get() finds nothing;
 * WM_EUPSTREAM when the backend fails (an S3 status or transport error, a file system error),
 * with the detail in ctx->err (logged by the caller, never shown to clients as is).
 */
#ifndef WM_MARKET_MEDIA_STORAGE_H
#define WM_MARKET_MEDIA_STORAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

struct wm_ctx;

/* True when key is "<4 digits>/<2 digits>/<32 lowercase hex>[_<digits>].<jpg|png|webp>". */
bool storage_key_is_valid(const char *key);

/* Store len bytes at data under key with content_type, replacing any object of that key. */
int storage_put(struct wm_ctx *ctx, const char *key, const void *data, size_t len,
                const char *content_type);

/* Read the object key into *out (arena copy). WM_ENOTFOUND when there is none. */
int storage_get(struct wm_ctx *ctx, const char *key, struct str *out);

/* Remove the object key; WM_OK when it did not exist either. */
int storage_delete(struct wm_ctx *ctx, const char *key);

/*
 * A URL that lets its holder PUT one object of exactly bytes bytes with content_type under
 * key until now + ttl_s (SigV4 query signing of host, content-length and content-type, with
 * UNSIGNED-PAYLOAD). *url is an arena string. WM_EINVAL when the backend cannot presign
 * (local storage).
 */
int storage_presign_put(struct wm_ctx *ctx, const char *key, const char *content_type,
                        int64_t bytes, int64_t now, int64_t ttl_s, char **url);

/* The base URL public object URLs start with, ending in '/': media.public_url when set, else
 * <site.url>/media/ (local) or media.s3_public_url, else <endpoint>/<bucket>/ (s3). Arena. */
const char *storage_public_base(struct wm_ctx *ctx);

/* storage_public_base() followed by key. Arena string. */
char *storage_public_url(struct wm_ctx *ctx, const char *key);

#endif
