/*
 * search_server.c: the search engine that asks the search server (`market searchd`,
 * src/searchd) over its unix socket (search.socket): one request and one answer per call, on
 * a connection each process keeps open. When the server cannot be reached (not started, still
 * loading its index, restarted, too slow) the call is answered by the MariaDB engine instead,
 * with a warning in the log at most once a minute, and the server is not tried again for a
 * second; a connection that broke is reopened once at once (the server may have restarted).
 */
#include "market/search/search_int.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/log.h"
#include "market/search/search_index.h"

static int server_fd = -1;
static time_t retry_at;  /* no connect attempt before this */
static time_t warned_at; /* last fallback warning */

static void drop(void)
{
    if (server_fd >= 0) close(server_fd);
    server_fd = -1;
}

static int open_socket(const char *path)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    if (strlen(path) >= sizeof(sa.sun_path)) return -1;
    memcpy(sa.sun_path, path, strlen(path) + 1);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Wait until fd is ready for events or the deadline (clock_ms()). */
static bool wait_fd(int fd, short events, int64_t deadline_ms)
{
    for (;;) {
        int64_t now = clock_ms();
        if (now >= deadline_ms) return false;
        struct pollfd p = { .fd = fd, .events = events };
        int n = poll(&p, 1, (int)(deadline_ms - now));
        if (n > 0) return true;
        if (n < 0 && errno != EINTR) return false;
    }
}

static bool send_all(int fd, const char *p, size_t n, int64_t deadline)
{
    while (n) {
        if (!wait_fd(fd, POLLOUT, deadline)) return false;
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (w < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (w <= 0) return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

static bool recv_all(int fd, char *p, size_t n, int64_t deadline)
{
    while (n) {
        if (!wait_fd(fd, POLLIN, deadline)) return false;
        ssize_t r = recv(fd, p, n, MSG_DONTWAIT);
        if (r < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (r <= 0) return false;
        p += r;
        n -= (size_t)r;
    }
    return true;
}

/* One exchange on the open connection: false when it broke or timed out. */
static bool exchange(struct wm_ctx *ctx, const struct buf *req, struct str *body)
{
    int64_t deadline = clock_ms() + ctx->config->search_timeout_ms;
    unsigned char len[4];
    if (!send_all(server_fd, req->ptr, req->len, deadline) ||
        !recv_all(server_fd, (char *)len, 4, deadline))
        return false;
    uint32_t n = search_wire_frame_len(len);
    if (n > SEARCH_WIRE_MAX) return false;
    char *p = arena_alloc(ctx->arena, n ? n : 1);
    if (!recv_all(server_fd, p, n, deadline)) return false;
    *body = (struct str){ p, n };
    return true;
}

/* Ask the server; false (nothing recorded in ctx) when the MariaDB engine must answer. */
static bool ask(struct wm_ctx *ctx, const struct search_query *q, unsigned want,
                struct search_result *out)
{
    const char *path = ctx->config ? ctx->config->search_socket : NULL;
    if (!path || !path[0]) return false;
    struct buf req = BUF_INIT(ctx->arena);
    search_wire_frame_start(&req);
    search_wire_put_query(&req, q, want);
    search_wire_frame_end(&req);
    for (int attempt = 0; attempt < 2; attempt++) {
        bool fresh = server_fd < 0;
        if (fresh) {
            if (time(NULL) < retry_at) return false;
            server_fd = open_socket(path);
            if (server_fd < 0) {
                retry_at = time(NULL) + 1;
                return false;
            }
        }
        struct str body;
        int code = WM_OK;
        if (exchange(ctx, &req, &body)) {
            if (search_wire_get_result(ctx->arena, body, want, &code, out) && code == WM_OK)
                return true;
            return false; /* the server answered, with an error: MariaDB answers */
        }
        drop();
        if (fresh) break; /* a new connection failed: do not hammer the server */
    }
    retry_at = time(NULL) + 1;
    return false;
}

static void fallback_warning(struct wm_ctx *ctx)
{
    time_t now = time(NULL);
    if (now - warned_at < 60) return;
    warned_at = now;
    log_warn("search server at %s unavailable: MariaDB answers searches",
             ctx->config->search_socket);
}

static int server_find(struct wm_ctx *ctx, const struct search_query *q, struct search_page *out)
{
    struct search_result r;
    if (ask(ctx, q, SEARCH_WANT_PAGE, &r)) {
        *out = r.page;
        ctx->search_used = search_engine_server.name;
        return WM_OK;
    }
    fallback_warning(ctx);
    return search_engine_mariadb.find(ctx, q, out);
}

static int server_count(struct wm_ctx *ctx, const struct search_query *q, int64_t *out)
{
    struct search_result r;
    if (ask(ctx, q, SEARCH_WANT_COUNT, &r)) {
        *out = r.count;
        ctx->search_used = search_engine_server.name;
        return WM_OK;
    }
    fallback_warning(ctx);
    return search_engine_mariadb.count(ctx, q, out);
}

static int server_facets(struct wm_ctx *ctx, const struct search_query *q,
                         struct search_facets *out)
{
    struct search_result r;
    if (ask(ctx, q, SEARCH_WANT_FACETS, &r)) {
        *out = r.facets;
        ctx->search_used = search_engine_server.name;
        return WM_OK;
    }
    fallback_warning(ctx);
    return search_engine_mariadb.facets(ctx, q, out);
}

const struct search_engine search_engine_server = {
    "searchd",
    server_find,
    server_count,
    server_facets,
};
