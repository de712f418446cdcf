/*
 * market_image.c: `market-image TYPE MAX_W MAX_H MAX_PIXELS`, the image converter the media
 * domain runs for each upload (src/market/media/media_convert.c). Reads the upload on stdin,
 * runs the libvips pipeline (media_image_process(): header checked before any pixel, EXIF and
 * anything hidden dropped, thumbnails made) and writes one framed reply on stdout. A process of
 * its own, so the web workers never load libvips nor decode untrusted pixels themselves.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/log.h"
#include "market/media/media_int.h"

/* The largest upload read (media.max_bytes is checked before the converter runs). */
#define INPUT_MAX ((size_t)256 * 1024 * 1024)

static bool arg_int(const char *s, int64_t *out)
{
    char *end = NULL;
    long long v = strtoll(s, &end, 10);
    if (end == s || *end || v < 0) return false;
    *out = v;
    return true;
}

int main(int argc, char **argv)
{
    log_set_program("market-image");
    int64_t type = 0;
    struct media_limits lim;
    if (argc != 5 || !arg_int(argv[1], &type) || !arg_int(argv[2], &lim.max_width) ||
        !arg_int(argv[3], &lim.max_height) || !arg_int(argv[4], &lim.max_pixels)) {
        (void)fprintf(stderr, "usage: market-image TYPE MAX_W MAX_H MAX_PIXELS < image\n");
        return 2;
    }
    struct buf in = BUF_INIT(NULL);
    char tmp[65536];
    ssize_t n;
    while ((n = read(0, tmp, sizeof(tmp))) > 0 && in.len + (size_t)n <= INPUT_MAX)
        buf_append(&in, tmp, (size_t)n);
    struct arena *a = arena_new(0);
    struct wm_ctx ctx = { .arena = a, .req_id = "image" };
    struct media_encoded enc;
    int rc = media_image_process(&ctx, in.ptr, in.len, (enum media_type)type, &lim, &enc);
    media_convert_reply(stdout, rc, ctx.err.message, &enc);
    int out = fflush(stdout) == 0 ? 0 : 1;
    buf_release(&in);
    arena_free(a);
    media_shutdown();
    return out;
}
