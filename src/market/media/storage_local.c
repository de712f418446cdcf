/*
 * storage_local.c: the local-disk storage backend (storage_int.h): <var>/media/<key>. A put
 * writes a temporary dot-file next to the final name (the web servers refuse dot-files),
 * fsyncs it, and renames it into place, so a reader sees the old object or the new one, never
 * half of one; the month directories are made on demand (0755, files 0644: the web server
 * reads them).
 */
#include "market/media/storage_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/rand.h"

static char *path_of(struct wm_ctx *ctx, const char *key)
{
    return arena_printf(ctx->arena, "%s/media/%s", ctx->config->var_dir, key);
}

static int fs_error(struct wm_ctx *ctx, const char *what, const char *path)
{
    return wm_errorf(ctx, WM_EUPSTREAM, "media storage: cannot %s '%s': %s", what, path,
                     strerror(errno));
}

/* mkdir -p of the directories of path (below <var>). */
static int make_parents(struct wm_ctx *ctx, const char *path)
{
    char *dir = arena_printf(ctx->arena, "%s", path);
    size_t base = strlen(ctx->config->var_dir) + 1;
    for (char *p = dir + base; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(dir, 0755) != 0 && errno != EEXIST) return fs_error(ctx, "create", dir);
        *p = '/';
    }
    return WM_OK;
}

static int write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

int storage_local_put(struct wm_ctx *ctx, const char *key, const void *data, size_t len,
                      const char *content_type)
{
    (void)content_type; /* the web server derives it from the extension */
    char *path = path_of(ctx, key);
    int rc = make_parents(ctx, path);
    if (rc != WM_OK) return rc;
    char rnd[17];
    if (rand_hex(rnd, 8) != 0) return wm_errorf(ctx, WM_EINTERNAL, "getrandom failed");
    char *slash = strrchr(path, '/');
    char *tmp = arena_printf(ctx->arena, "%.*s/.tmp-%s", (int)(slash - path), path, rnd);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) return fs_error(ctx, "create", tmp);
    (void)fchmod(fd, 0644); /* whatever the umask */
    if (write_all(fd, data, len) != 0 || fsync(fd) != 0) {
        rc = fs_error(ctx, "write", tmp);
        (void)close(fd);
        (void)unlink(tmp);
        return rc;
    }
    if (close(fd) != 0) {
        rc = fs_error(ctx, "write", tmp);
        (void)unlink(tmp);
        return rc;
    }
    if (rename(tmp, path) != 0) {
        rc = fs_error(ctx, "rename into", path);
        (void)unlink(tmp);
        return rc;
    }
    return WM_OK;
}

int storage_local_get(struct wm_ctx *ctx, const char *key, struct str *out)
{
    char *path = path_of(ctx, key);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) return wm_errorf(ctx, WM_ENOTFOUND, "no object '%s'", key);
    if (fd < 0) return fs_error(ctx, "open", path);
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int rc = fs_error(ctx, "stat", path);
        (void)close(fd);
        return rc;
    }
    char *p = arena_alloc(ctx->arena, (size_t)st.st_size + 1);
    size_t got = 0;
    while (got < (size_t)st.st_size) {
        ssize_t n = read(fd, p + got, (size_t)st.st_size - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += (size_t)n;
    }
    (void)close(fd);
    if (got != (size_t)st.st_size) return fs_error(ctx, "read", path);
    p[got] = '\0';
    *out = (struct str){ p, got };
    return WM_OK;
}

int storage_local_delete(struct wm_ctx *ctx, const char *key)
{
    char *path = path_of(ctx, key);
    if (unlink(path) != 0 && errno != ENOENT) return fs_error(ctx, "remove", path);
    return WM_OK;
}

const char *storage_local_public_base(struct wm_ctx *ctx)
{
    const char *site = ctx->config->site_url;
    size_t n = strlen(site);
    while (n > 0 && site[n - 1] == '/')
        n--;
    return arena_printf(ctx->arena, "%.*s/media/", (int)n, site);
}
