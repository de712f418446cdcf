/*
 * storage_int.h: the table of storage backends (storage.c) and the backends' functions
 * (storage_local.c, storage_s3.c). storage.c checks every key before a backend sees it.
 */
#ifndef WM_MARKET_MEDIA_STORAGE_INT_H
#define WM_MARKET_MEDIA_STORAGE_INT_H

#include "market/media/storage.h"

struct storage_backend {
    const char *name; /* the media.storage value */
    int (*put)(struct wm_ctx *ctx, const char *key, const void *data, size_t len,
               const char *content_type);
    int (*get)(struct wm_ctx *ctx, const char *key, struct str *out);
    int (*del)(struct wm_ctx *ctx, const char *key);
    /* NULL: the backend cannot hand out upload URLs */
    int (*presign_put)(struct wm_ctx *ctx, const char *key, const char *content_type, int64_t bytes,
                       int64_t now, int64_t ttl_s, char **url);
    /* The default public base (media.public_url unset), ending in '/'. */
    const char *(*public_base)(struct wm_ctx *ctx);
};

/* local: <var>/media */
int storage_local_put(struct wm_ctx *ctx, const char *key, const void *data, size_t len,
                      const char *content_type);
int storage_local_get(struct wm_ctx *ctx, const char *key, struct str *out);
int storage_local_delete(struct wm_ctx *ctx, const char *key);
const char *storage_local_public_base(struct wm_ctx *ctx);

/* s3: media.s3_* */
int storage_s3_put(struct wm_ctx *ctx, const char *key, const void *data, size_t len,
                   const char *content_type);
int storage_s3_get(struct wm_ctx *ctx, const char *key, struct str *out);
int storage_s3_delete(struct wm_ctx *ctx, const char *key);
int storage_s3_presign_put(struct wm_ctx *ctx, const char *key, const char *content_type,
                           int64_t bytes, int64_t now, int64_t ttl_s, char **url);
const char *storage_s3_public_base(struct wm_ctx *ctx);

/*
 * SigV4 query signing (exposed for the unit test, which checks it against AWS's documented
 * example). Returns the query string of a presigned request (without '?'):
 * X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders and
 * X-Amz-Signature, for method on host (with ":port" when not default) and path (already
 * URI-encoded), signing the headers of signed_names/signed_values (n of them, lowercase names
 * in sorted order, "host" among them) with UNSIGNED-PAYLOAD. amz_date "YYYYMMDDTHHMMSSZ".
 */
char *storage_s3_presign_query(struct wm_ctx *ctx, const char *method, const char *path,
                               const char *const *signed_names, const char *const *signed_values,
                               size_t n, const char *access_key, const char *secret,
                               const char *region, const char *amz_date, int64_t ttl_s);

#endif
