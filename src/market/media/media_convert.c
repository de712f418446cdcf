/*
 * media_convert.c: the image pipeline run in its own short-lived process (media_int.h). The
 * FastCGI worker never links libvips (with its ~100 shared libraries it would triple a
 * worker's memory) and never decodes untrusted pixels itself: it hands the upload to
 * `market-image` (src/bin/market_image.c, which runs media_image_process()) on a pipe and
 * reads the renditions back in one framed reply:
 *   OK <stored> <w> <h> <len> <w> <h> <len> <w> <h> <len>\n<full><small><large>
 *   ERR <code> <message>\n
 * A converter that crashes, hangs past MEDIA_CONVERT_TIMEOUT_S or answers anything else is an
 * internal error; nothing of the upload is kept.
 */
#define _GNU_SOURCE /* pipe2, posix_spawn_file_actions_addclosefrom_np */
#include "market/media/media_int.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/log.h"

extern char **environ;

/* The converter's name beside the running program, and how long one conversion may take. */
#define CONVERTER_NAME          "market-image"
#define MEDIA_CONVERT_TIMEOUT_S 30
#define REPLY_HEAD_MAX          512

/* $MARKET_IMAGE_BIN, else market-image in the directory of the running executable. */
static const char *converter_path(struct wm_ctx *ctx)
{
    const char *env = getenv("MARKET_IMAGE_BIN");
    if (env && *env) return env;
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
    if (n <= 0) return CONVERTER_NAME;
    self[n] = '\0';
    char *slash = strrchr(self, '/');
    if (slash) *slash = '\0';
    return arena_printf(ctx->arena, "%s/%s", self, CONVERTER_NAME);
}

/* Write len bytes of data to fd and read everything fd_out gives until EOF, within the
 * deadline. Returns 0, or -1 on a timeout or an I/O error. */
static int exchange(int fd_in, int fd_out, const void *data, size_t len, struct buf *reply,
                    double deadline)
{
    size_t sent = 0;
    bool reading = true;
    while (reading) {
        struct pollfd p[2] = { { fd_out, POLLIN, 0 }, { fd_in, POLLOUT, 0 } };
        nfds_t np = fd_in >= 0 ? 2 : 1;
        int wait_ms = (int)((deadline - clock_s()) * 1000);
        if (wait_ms <= 0) return -1;
        int r = poll(p, np, wait_ms);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return -1;
        if (np == 2 && (p[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
            ssize_t w = write(fd_in, (const char *)data + sent, len - sent);
            if (w < 0 && errno != EAGAIN && errno != EINTR) return -1;
            if (w > 0) sent += (size_t)w;
            if (sent == len) {
                close(fd_in);
                fd_in = -1;
            }
        }
        if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            char tmp[65536];
            ssize_t n = read(fd_out, tmp, sizeof(tmp));
            if (n < 0 && errno != EAGAIN && errno != EINTR) return -1;
            if (n == 0) reading = false;
            if (n > 0) buf_append(reply, tmp, (size_t)n);
        }
    }
    if (fd_in >= 0) close(fd_in);
    return sent == len ? 0 : -1;
}

/* Take one rendition of len bytes at *at from the reply body. */
static bool take(struct wm_ctx *ctx, const char **at, const char *end, long w, long h, long len,
                 struct media_rendition *r)
{
    if (w <= 0 || h <= 0 || len <= 0 || len > end - *at) return false;
    r->bytes.ptr = arena_alloc(ctx->arena, (size_t)len + 1);
    memcpy((char *)r->bytes.ptr, *at, (size_t)len);
    r->bytes.len = (size_t)len;
    r->width = (int)w;
    r->height = (int)h;
    *at += len;
    return true;
}

/* Parse a converter's reply into *out, or record its refusal. */
static int parse_reply(struct wm_ctx *ctx, const struct buf *reply, struct media_encoded *out)
{
    const char *nl =
            memchr(reply->ptr, '\n', reply->len < REPLY_HEAD_MAX ? reply->len : REPLY_HEAD_MAX);
    if (!nl) return wm_errorf(ctx, WM_EINTERNAL, "the image converter gave no answer");
    char head[REPLY_HEAD_MAX];
    memcpy(head, reply->ptr, (size_t)(nl - reply->ptr));
    head[nl - reply->ptr] = '\0';
    if (strncmp(head, "ERR ", 4) == 0) {
        char *end = NULL;
        long code = strtol(head + 4, &end, 10);
        if (end == head + 4 || *end != ' ' || code >= 0)
            return wm_errorf(ctx, WM_EINTERNAL, "the image converter answered '%.60s'", head);
        return wm_errorf(ctx, (int)code, "%s", end + 1);
    }
    long v[10];
    char *p = head;
    if (strncmp(p, "OK", 2) != 0) return wm_errorf(ctx, WM_EINTERNAL, "bad converter answer");
    p += 2;
    for (int i = 0; i < 10; i++) {
        char *end = NULL;
        v[i] = strtol(p, &end, 10);
        if (end == p) return wm_errorf(ctx, WM_EINTERNAL, "bad converter answer");
        p = end;
    }
    const char *at = nl + 1;
    const char *end = reply->ptr + reply->len;
    out->stored = (enum media_type)v[0];
    if (!media_type_ext(out->stored) || !take(ctx, &at, end, v[1], v[2], v[3], &out->full) ||
        !take(ctx, &at, end, v[4], v[5], v[6], &out->small) ||
        !take(ctx, &at, end, v[7], v[8], v[9], &out->large) || at != end)
        return wm_errorf(ctx, WM_EINTERNAL, "the image converter's answer is malformed");
    return WM_OK;
}

int media_convert(struct wm_ctx *ctx, const void *data, size_t len, enum media_type type,
                  const struct media_limits *lim, struct media_encoded *out)
{
    memset(out, 0, sizeof(*out));
    const char *path = converter_path(ctx);
    char a_type[16], a_w[24], a_h[24], a_px[24];
    (void)snprintf(a_type, sizeof(a_type), "%d", (int)type);
    (void)snprintf(a_w, sizeof(a_w), "%lld", (long long)lim->max_width);
    (void)snprintf(a_h, sizeof(a_h), "%lld", (long long)lim->max_height);
    (void)snprintf(a_px, sizeof(a_px), "%lld", (long long)lim->max_pixels);
    char *argv[] = { (char *)CONVERTER_NAME, a_type, a_w, a_h, a_px, NULL };
    int in[2];
    int outp[2];
    if (pipe2(in, O_CLOEXEC) != 0) return wm_errorf(ctx, WM_EINTERNAL, "pipe: %s", strerror(errno));
    if (pipe2(outp, O_CLOEXEC) != 0) {
        close(in[0]);
        close(in[1]);
        return wm_errorf(ctx, WM_EINTERNAL, "pipe: %s", strerror(errno));
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    posix_spawn_file_actions_adddup2(&fa, outp[1], 1);
    posix_spawn_file_actions_addclosefrom_np(&fa, 3);
    pid_t pid = 0;
    int err = posix_spawn(&pid, path, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(in[0]);
    close(outp[1]);
    if (err != 0) {
        close(in[1]);
        close(outp[0]);
        return wm_errorf(ctx, WM_EINTERNAL, "cannot start the image converter '%s': %s", path,
                         strerror(err));
    }
    (void)fcntl(in[1], F_SETFL, O_NONBLOCK);
    struct buf reply;
    buf_init(&reply, ctx->arena, len + 1024);
    int io = exchange(in[1], outp[0], data, len, &reply, clock_s() + MEDIA_CONVERT_TIMEOUT_S);
    close(outp[0]);
    if (io != 0) kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (io != 0) return wm_errorf(ctx, WM_EINTERNAL, "the image converter timed out or failed");
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        log_error("media: image converter ended with status %d", status);
        return wm_errorf(ctx, WM_EINTERNAL, "the image converter failed");
    }
    return parse_reply(ctx, &reply, out);
}

void media_convert_reply(FILE *f, int rc, const char *message, const struct media_encoded *e)
{
    if (rc != WM_OK) {
        char line[400];
        (void)snprintf(line, sizeof(line), "%s", message ? message : "conversion failed");
        for (char *c = line; *c; c++)
            if (*c == '\n' || *c == '\r') *c = ' ';
        (void)fprintf(f, "ERR %d %s\n", rc, line);
        return;
    }
    (void)fprintf(f, "OK %d %d %d %zu %d %d %zu %d %d %zu\n", (int)e->stored, e->full.width,
                  e->full.height, e->full.bytes.len, e->small.width, e->small.height,
                  e->small.bytes.len, e->large.width, e->large.height, e->large.bytes.len);
    (void)fwrite(e->full.bytes.ptr, 1, e->full.bytes.len, f);
    (void)fwrite(e->small.bytes.ptr, 1, e->small.bytes.len, f);
    (void)fwrite(e->large.bytes.ptr, 1, e->large.bytes.len, f);
}
