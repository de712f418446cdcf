/*
 * media_image.c: the image pipeline of the media domain (media_int.h), on libvips 8.14.
 * Each format is opened with its own loader (never vips_image_new_from_buffer, which would
 * try every loader libvips has, PDF and SVG included); a loader reads only the header, so the
 * dimensions are checked before a single pixel is decoded. Decoding fails on the first error
 * (fail_on=error): a truncated or corrupt file is refused rather than stored half grey.
 * The saved files carry no metadata ("strip"): EXIF (GPS included), XMP, IPTC, ICC profiles
 * and comments are gone, and so is anything after the image data, since only decoded pixels
 * are written back.
 *
 * libvips is process-wide state: it is started once, on the first image, with its operation
 * cache off (a cached operation would keep a pointer into a request arena that is about to be
 * reset), one worker thread (the FastCGI workers are processes already), and the loaders
 * libvips marks untrusted blocked.
 */
#include "market/media/media_int.h"

#include <string.h>

#include <vips/vips.h>

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/log.h"

/* JPEG and WebP quality; PNG compression level. */
#define JPEG_Q       85
#define WEBP_Q       82
#define PNG_COMPRESS 6

/* Whether VIPS_INIT ran in this process (libvips keeps its own global state). */
static bool vips_started;

static int start_vips(struct wm_ctx *ctx)
{
    if (vips_started) return WM_OK;
    if (VIPS_INIT("market")) {
        const char *why = vips_error_buffer();
        int rc = wm_errorf(ctx, WM_EINTERNAL, "libvips did not start: %s", why);
        vips_error_clear();
        return rc;
    }
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    vips_cache_set_max_files(0);
    vips_concurrency_set(1);
    vips_block_untrusted_set(TRUE);
    vips_started = true;
    return WM_OK;
}

void media_shutdown(void)
{
    if (!vips_started) return;
    vips_shutdown();
    vips_started = false;
}

/* Open data with the loader of type: header only, pixels decoded later on demand. */
static int load(const void *data, size_t len, enum media_type type, VipsImage **out)
{
    void *buf = (void *)data; /* the loaders take void * but do not write */
    switch (type) {
    case MEDIA_JPEG:
        return vips_jpegload_buffer(buf, len, out, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
    case MEDIA_PNG:
        return vips_pngload_buffer(buf, len, out, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
    case MEDIA_WEBP:
        return vips_webpload_buffer(buf, len, out, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
    case MEDIA_GIF: /* n = 1 (the default): the first frame only */
        return vips_gifload_buffer(buf, len, out, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
    case MEDIA_UNKNOWN:
        break;
    }
    return -1;
}

/* Encode img as type with no metadata into r (arena copy). */
static int save(struct wm_ctx *ctx, VipsImage *img, enum media_type type, struct media_rendition *r)
{
    void *buf = NULL;
    size_t len = 0;
    int failed;
    if (type == MEDIA_JPEG)
        failed = vips_jpegsave_buffer(img, &buf, &len, "Q", JPEG_Q, "strip", TRUE,
                                      "optimize_coding", TRUE, NULL);
    else if (type == MEDIA_WEBP)
        failed = vips_webpsave_buffer(img, &buf, &len, "Q", WEBP_Q, "strip", TRUE, NULL);
    else
        failed = vips_pngsave_buffer(img, &buf, &len, "compression", PNG_COMPRESS, "strip", TRUE,
                                     NULL);
    if (failed) return -1;
    r->bytes.ptr = arena_memdup(ctx->arena, buf, len);
    r->bytes.len = len;
    r->width = vips_image_get_width(img);
    r->height = vips_image_get_height(img);
    g_free(buf);
    return 0;
}

/* A thumbnail of img at most px on its longer side (never enlarged), saved as type. */
static int thumbnail(struct wm_ctx *ctx, VipsImage *img, int px, enum media_type type,
                     struct media_rendition *r)
{
    VipsImage *t = NULL;
    if (vips_thumbnail_image(img, &t, px, "height", px, "size", VIPS_SIZE_DOWN, NULL)) return -1;
    int failed = save(ctx, t, type, r);
    g_object_unref(t);
    return failed;
}

/* The first line of libvips' error buffer (arena), then the buffer is cleared. */
static const char *vips_reason(struct wm_ctx *ctx)
{
    const char *e = vips_error_buffer();
    size_t n = strcspn(e, "\n");
    char *why = arena_printf(ctx->arena, "%.*s", (int)(n > 200 ? 200 : n), e);
    vips_error_clear();
    return why;
}

int media_image_process(struct wm_ctx *ctx, const void *data, size_t len, enum media_type type,
                        const struct media_limits *lim, struct media_encoded *out)
{
    memset(out, 0, sizeof(*out));
    int rc = start_vips(ctx);
    if (rc != WM_OK) return rc;
    VipsImage *in = NULL;
    if (load(data, len, type, &in)) {
        log_info("media: header refused: %s", vips_reason(ctx));
        return wm_errorf(ctx, WM_EINVAL, "The image could not be read: the file is damaged.");
    }
    int64_t w = vips_image_get_width(in);
    int64_t h = vips_image_get_height(in);
    if (w > lim->max_width || h > lim->max_height || w * h > lim->max_pixels) {
        g_object_unref(in);
        vips_thread_shutdown();
        return wm_errorf(ctx, WM_ETOOBIG,
                         "The image is %lld x %lld pixels; the most accepted is %lld x %lld "
                         "and %lld megapixels.",
                         (long long)w, (long long)h, (long long)lim->max_width,
                         (long long)lim->max_height, (long long)(lim->max_pixels / 1000000));
    }
    out->stored = type == MEDIA_GIF ? MEDIA_PNG : type;
    VipsImage *upright = NULL;
    int failed = vips_autorot(in, &upright, NULL);
    /* Decode once, in full: a decoding error surfaces here, not in the middle of a save. */
    VipsImage *pixels = NULL;
    if (!failed) {
        pixels = vips_image_copy_memory(upright);
        failed = pixels == NULL;
    }
    if (failed) {
        log_info("media: decoding failed: %s", vips_reason(ctx));
        rc = wm_errorf(ctx, WM_EINVAL, "The image could not be decoded: the file is damaged.");
    } else if (save(ctx, pixels, out->stored, &out->full) ||
               thumbnail(ctx, pixels, MEDIA_THUMB_SMALL, out->stored, &out->small) ||
               thumbnail(ctx, pixels, MEDIA_THUMB_LARGE, out->stored, &out->large)) {
        rc = wm_errorf(ctx, WM_EINTERNAL, "libvips could not encode the image: %s",
                       vips_reason(ctx));
    }
    if (pixels) g_object_unref(pixels);
    if (upright) g_object_unref(upright);
    g_object_unref(in);
    vips_thread_shutdown();
    return rc;
}
