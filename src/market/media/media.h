/*
 * media.h: the media domain: uploaded images. An upload's type is decided from its bytes
 * (magic numbers), never from its name: JPEG, PNG, WebP, and the first frame of a GIF. Its
 * size and its pixel dimensions (read from the header, before any pixel is decoded) are
 * checked against media.max_*; the image is then decoded and re-encoded by libvips, which
 * drops EXIF/GPS and every other piece of metadata and anything appended or hidden in the
 * file, and two thumbnails are made (MEDIA_THUMB_SMALL and MEDIA_THUMB_LARGE pixels on the
 * longer side, never enlarged). The files go to the storage backend (storage.h: <var>/media
 * or S3) under "<yyyy>/<mm>/<32 random hex>.<ext>" (thumbnails "<stem>_400.<ext>" and
 * "<stem>_1200.<ext>"), and one `media` row records the upload.
 *
 * Anonymous uploads (no signed-in viewer: the Flutter app sends no token) are limited to
 * media.anon_per_hour per IP address and removed by the media_gc job once they are older
 * than media.anon_ttl_s unless something referenced them (media_mark_referenced(), which
 * the catalog calls when a product uses an image and accounts when a profile picture is set).
 *
 * Strings returned live in ctx->arena.
 */
#ifndef WM_MARKET_MEDIA_H
#define WM_MARKET_MEDIA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct wm_ctx;

/* Longer side of the two thumbnails, pixels. */
#define MEDIA_THUMB_SMALL 400
#define MEDIA_THUMB_LARGE 1200

/* Storage keys: "2026/11/" + 32 hex + optional "_1200" + ".webp" fit easily. */
#define MEDIA_KEY_MAX 128

/* What an upload's bytes are. */
enum media_type {
    MEDIA_UNKNOWN = 0, /* none of the accepted formats */
    MEDIA_JPEG,
    MEDIA_PNG,
    MEDIA_WEBP,
    MEDIA_GIF, /* accepted; its first frame is stored as PNG */
};

/* The type of the n bytes at p from their magic numbers: JPEG FF D8 FF; PNG's 8-byte
 * signature; "RIFF" <size> "WEBP"; "GIF87a" or "GIF89a". MEDIA_UNKNOWN otherwise. */
enum media_type media_sniff(const void *p, size_t n);

/* "image/jpeg", "image/png", "image/webp", "image/gif"; NULL for MEDIA_UNKNOWN. */
const char *media_type_mime(enum media_type t);

/* A stored image as the API shows it. Arena strings. */
struct media_image {
    int64_t id;
    int64_t owner_id;   /* 0: anonymous */
    char *key;          /* storage key of the full-size image */
    char *content_type; /* of the stored image (a GIF is stored as image/png) */
    int64_t bytes;      /* of the stored image */
    int width;          /* pixels, after EXIF orientation was applied */
    int height;
    char *url;                 /* absolute public URL of the full-size image */
    char *thumbnail_url;       /* MEDIA_THUMB_SMALL */
    char *thumbnail_url_large; /* MEDIA_THUMB_LARGE */
};

/*
 * Check, re-encode and store one uploaded image of len bytes at data for owner_id (0 for an
 * anonymous upload, which is counted against media.anon_per_hour for ctx->client_ip).
 * Writes the files first, then the row; must run inside a transaction (a failed insert leaves
 * files that no row names, which are harmless and never served by a URL anyone was given).
 * Returns WM_OK with *out; WM_EMEDIA "The file is not a JPEG, PNG, WebP or GIF image." (type
 * from the bytes); WM_EINVAL for an empty file or one libvips cannot read or decode
 * ("... the file is damaged."); WM_ETOOBIG for more than
 * media.max_bytes or more pixels than media.max_width / max_height / max_megapixels (from the
 * header, nothing decoded); WM_ELIMIT over the anonymous rate limit; WM_EUPSTREAM when the
 * storage backend fails; a db error code. The message says what was wrong in words a user
 * can act on.
 */
int media_upload(struct wm_ctx *ctx, int64_t owner_id, const void *data, size_t len,
                 struct media_image **out);

/*
 * Record that something uses the image at url (a product, a profile picture), so media_gc
 * keeps it. url is one of ours when it is the public URL of a stored image or of one of its
 * thumbnails (media.public_url, or the storage backend's base) or a "/media/<key>" path; *ours
 * (may be NULL) tells. A URL that is not ours, or whose image is gone, is not an error: WM_OK
 * with *ours false. Marking is idempotent (the first reference time is kept). Runs in the
 * caller's transaction when there is one.
 */
int media_mark_referenced(struct wm_ctx *ctx, const char *url, bool *ours);

/*
 * Remove anonymous uploads that nothing referenced and that are older than media.anon_ttl_s:
 * the files first (a missing file counts as removed), then the row. At most limit rows per
 * call (oldest first). *removed gets how many rows went. Outside a transaction (each row is
 * its own change). Returns WM_OK, WM_EUPSTREAM when storage refuses a delete (that row is
 * kept for the next run), or a db error code.
 */
int media_gc(struct wm_ctx *ctx, int limit, int64_t *removed);

/* What media_presign_upload() hands a client. Arena strings. */
struct media_presigned {
    char *url;          /* PUT the bytes here, with the same Content-Type and Content-Length */
    char *key;          /* the storage key the object will have */
    char *public_url;   /* where it can be read once uploaded */
    int64_t expires_at; /* Unix time after which url stops working */
};

/*
 * A presigned S3 PUT URL for a client to upload one image of bytes bytes and type
 * content_type ("image/jpeg", "image/png" or "image/webp") straight to the bucket, valid
 * media.presign_ttl_s seconds, signing host, content-type and content-length. Records a
 * media row (source "presigned", owned by owner_id, which must be a signed-in user: > 0).
 * Such objects are the client's bytes, not re-encoded. WM_EINVAL for another type, bytes
 * outside 1..media.max_bytes or media.storage not s3; a db error code. Transaction.
 */
int media_presign_upload(struct wm_ctx *ctx, int64_t owner_id, const char *content_type,
                         int64_t bytes, struct media_presigned *out);

#endif
