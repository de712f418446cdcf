/*
 * searchd.c: the search server (searchd.h). One poll() loop: the listening socket, the
 * connected FastCGI workers (each sends one framed query at a time and waits for the answer),
 * and a one-second tick that follows the change log when no query does.
 */
#define _GNU_SOURCE /* accept4 */
#include "searchd/searchd.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/log.h"
#include "db/db.h"
#include "market/search/search_index.h"
#include "market/search/search_int.h"

#define LOAD_BATCH    5000 /* products per statement of a full load */
#define CHANGE_BATCH  5000 /* change rows per statement */
#define MAX_CLIENTS   512
#define MAX_GAPS      4096 /* skipped sequence numbers watched at once */
#define GAP_TTL_S     10   /* ... and for how long */
#define PRUNE_EVERY_S 60
#define IDLE_POLL_MS  1000
#define COUNTS_KEPT   64 /* counts remembered from page queries */

struct gap {
    int64_t seq;
    time_t since;
};

/* A count a page query computed on its way (the catalog asks for the count of the same search
 * right after its page): valid while the index is the one it was computed on. */
struct kept_count {
    struct buf key; /* heap: the query, window zeroed, in wire form */
    int64_t count;
    uint64_t generation;
};

struct client {
    int fd;
    struct buf in; /* heap: bytes of a request not yet complete */
};

struct server {
    struct wm_ctx *ctx;
    struct search_index *ix;
    int64_t last;     /* highest change applied */
    struct gap *gaps; /* ascending */
    size_t ngaps;
    time_t pruned_at;
    time_t warned_at;
    int listen_fd;
    uint64_t generation; /* bumped by every change applied to the index */
    struct kept_count counts[COUNTS_KEPT];
    size_t next_count;
    struct client clients[MAX_CLIENTS];
    size_t nclients;
};

/* ---- the index ------------------------------------------------------------------------------ */

/* Read every product (one snapshot) into a new index; *last gets the change log's head then.
 * The rows of each batch live in an arena of their own (the caller's holds the request). */
static int load_all(struct wm_ctx *ctx, struct search_index **out, int64_t *last)
{
    int64_t t0 = clock_ms();
    struct search_index *ix = search_index_new();
    struct arena *keep = ctx->arena;
    ctx->arena = arena_new(0);
    int rc = db_begin(ctx);
    if (rc == WM_OK) rc = search_db_last_change(ctx, last);
    int64_t after = 0;
    while (rc == WM_OK) {
        struct search_doc *docs = NULL;
        size_t n = 0;
        rc = search_db_load(ctx, after, LOAD_BATCH, &docs, &n);
        if (rc != WM_OK || n == 0) break;
        for (size_t i = 0; i < n; i++)
            search_index_put(ix, &docs[i]);
        after = docs[n - 1].id;
        arena_reset(ctx->arena);
    }
    rc = rc == WM_OK ? db_commit(ctx) : (db_rollback(ctx), rc);
    if (rc != WM_OK && ctx->err.message)
        ctx->err.message = arena_printf(keep, "%s", ctx->err.message);
    arena_free(ctx->arena);
    ctx->arena = keep;
    if (rc != WM_OK) {
        search_index_free(ix);
        return rc;
    }
    log_info("index loaded: %zu products in %lld ms", search_index_live(ix),
             (long long)(clock_ms() - t0));
    *out = ix;
    return WM_OK;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

/* Was seq a watched gap? (it is not watched any more) */
static bool take_gap(struct server *s, int64_t seq)
{
    for (size_t i = 0; i < s->ngaps; i++)
        if (s->gaps[i].seq == seq) {
            memmove(&s->gaps[i], &s->gaps[i + 1], (s->ngaps - i - 1) * sizeof(*s->gaps));
            s->ngaps--;
            return true;
        }
    return false;
}

static void watch_gaps(struct server *s, int64_t from, int64_t to, time_t now)
{
    for (int64_t q = from; q < to && s->ngaps < MAX_GAPS; q++)
        s->gaps[s->ngaps++] = (struct gap){ q, now };
}

/* Read the products in ids again (sorted, duplicates allowed). */
static int refresh(struct server *s, int64_t *ids, size_t n)
{
    struct wm_ctx *ctx = s->ctx;
    qsort(ids, n, sizeof(*ids), cmp_i64);
    for (size_t i = 0; i < n; i++) {
        if (i && ids[i] == ids[i - 1]) continue;
        struct search_doc d;
        bool found = false;
        int rc = search_db_load_one(ctx, ids[i], &d, &found);
        if (rc != WM_OK) return rc;
        if (found)
            search_index_put(s->ix, &d);
        else
            search_index_remove(s->ix, ids[i]);
    }
    size_t dead = search_index_dead(s->ix);
    if (dead > 50000 && dead > search_index_live(s->ix) / 4) search_index_compact(s->ix);
    return WM_OK;
}

/* Apply the changes committed since the last look. On a database error the index stays as it
 * is (searches go on, a little stale) and the error is logged once a minute. */
static void follow(struct server *s)
{
    struct wm_ctx *ctx = s->ctx;
    time_t now = time(NULL);
    while (s->ngaps && now - s->gaps[0].since > GAP_TTL_S)
        take_gap(s, s->gaps[0].seq);
    int64_t from = s->ngaps ? s->gaps[0].seq - 1 : s->last;
    int64_t *ids = NULL;
    size_t nids = 0, cap = 0;
    bool reload = false;
    int rc = WM_OK;
    for (;;) {
        struct search_change *ch = NULL;
        size_t n = 0;
        rc = search_db_changes(ctx, from, CHANGE_BATCH, &ch, &n);
        if (rc != WM_OK) break;
        for (size_t i = 0; i < n; i++) {
            if (ch[i].seq <= s->last) {
                if (!take_gap(s, ch[i].seq)) continue; /* applied already */
            } else {
                watch_gaps(s, s->last + 1, ch[i].seq, now);
                s->last = ch[i].seq;
            }
            if (ch[i].product_id == 0) {
                reload = true;
                continue;
            }
            if (nids == cap) {
                cap = cap ? cap * 2 : 256;
                int64_t *grown = arena_alloc(ctx->arena, cap * sizeof(*ids));
                if (nids) memcpy(grown, ids, nids * sizeof(*ids));
                ids = grown;
            }
            ids[nids++] = ch[i].product_id;
        }
        if (n < CHANGE_BATCH) break;
        from = ch[n - 1].seq;
    }
    if (rc == WM_OK && reload) {
        struct search_index *fresh = NULL;
        int64_t head = 0;
        rc = load_all(ctx, &fresh, &head);
        if (rc == WM_OK) {
            search_index_free(s->ix);
            s->ix = fresh;
            nids = 0; /* the new index holds them */
        }
    }
    if (rc == WM_OK && (nids || reload)) s->generation++;
    if (rc == WM_OK && nids) rc = refresh(s, ids, nids);
    if (rc == WM_OK && now - s->pruned_at >= PRUNE_EVERY_S) {
        s->pruned_at = now;
        rc = search_db_prune(ctx);
    }
    if (rc != WM_OK && now - s->warned_at >= 60) {
        s->warned_at = now;
        log_warn("following the change log failed: %s (searches use the index as it is)",
                 ctx->err.message ? ctx->err.message : wm_strerror(rc));
    }
}

/* ---- the socket ----------------------------------------------------------------------------- */

static int listen_on(struct wm_ctx *ctx, const char *path)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    if (strlen(path) >= sizeof(sa.sun_path))
        return wm_errorf(ctx, WM_EINVAL, "search.socket '%s' is too long", path);
    memcpy(sa.sun_path, path, strlen(path) + 1);
    struct stat st;
    if (lstat(path, &st) == 0 && S_ISSOCK(st.st_mode)) unlink(path); /* a stale one */
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) return wm_errorf(ctx, WM_EINTERNAL, "socket: %s", strerror(errno));
    if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0 || listen(fd, 128) != 0) {
        int e = errno;
        close(fd);
        return wm_errorf(ctx, WM_EINTERNAL, "cannot listen on %s: %s", path, strerror(e));
    }
    return fd;
}

static void drop_client(struct server *s, size_t i)
{
    close(s->clients[i].fd);
    buf_release(&s->clients[i].in);
    s->clients[i] = s->clients[--s->nclients];
}

static bool write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

/* Answer one request body; false when the client must be dropped. */
static bool answer(struct server *s, int fd, struct str body)
{
    struct wm_ctx *ctx = s->ctx;
    struct search_query q;
    unsigned want = 0;
    if (!search_wire_get_query(ctx->arena, body, &q, &want)) return false;
    follow(s); /* a write committed before this query is seen by it */
    struct search_query unwindowed = q;
    unwindowed.offset = 0;
    unwindowed.limit = 0;
    struct buf key = BUF_INIT(ctx->arena);
    search_wire_put_query(&key, &unwindowed, 0);
    struct search_result r = { 0 };
    struct kept_count *kept = NULL;
    for (size_t i = 0; i < COUNTS_KEPT && !kept; i++) {
        struct kept_count *k = &s->counts[i];
        if (k->generation == s->generation && k->key.len == key.len &&
            memcmp(k->key.ptr, key.ptr, key.len) == 0)
            kept = k;
    }
    if (want == SEARCH_WANT_COUNT && kept) {
        r.count = kept->count;
    } else {
        search_index_query(s->ix, ctx->arena, &q, want, &r); /* counts on every pass */
        if (!kept) {
            kept = &s->counts[s->next_count++ % COUNTS_KEPT];
            buf_reset(&kept->key);
            buf_append(&kept->key, key.ptr, key.len);
        }
        kept->count = r.count;
        kept->generation = s->generation;
    }
    struct buf out = BUF_INIT(ctx->arena);
    search_wire_frame_start(&out);
    search_wire_put_result(&out, WM_OK, &r, want);
    search_wire_frame_end(&out);
    return write_all(fd, out.ptr, out.len);
}

/* Read what client i sent and answer each complete request; false: drop it. */
static bool serve_client(struct server *s, size_t i)
{
    struct client *c = &s->clients[i];
    char chunk[16384];
    ssize_t r = recv(c->fd, chunk, sizeof(chunk), MSG_DONTWAIT);
    if (r < 0 && (errno == EINTR || errno == EAGAIN)) return true;
    if (r <= 0) return false;
    buf_append(&c->in, chunk, (size_t)r);
    while (c->in.len >= 4) {
        uint32_t n = search_wire_frame_len((const unsigned char *)c->in.ptr);
        if (n > SEARCH_WIRE_MAX) return false;
        if (c->in.len < 4 + (size_t)n) break;
        bool ok = answer(s, c->fd, (struct str){ c->in.ptr + 4, n });
        arena_reset(s->ctx->arena);
        if (!ok) return false;
        memmove(c->in.ptr, c->in.ptr + 4 + n, c->in.len - 4 - n);
        buf_setlen(&c->in, c->in.len - 4 - n);
    }
    return true;
}

/* Take the connections waiting on the listening socket. */
static void accept_clients(struct server *s)
{
    int c;
    while ((c = accept4(s->listen_fd, NULL, NULL, SOCK_CLOEXEC)) >= 0) {
        if (s->nclients == MAX_CLIENTS) {
            close(c);
            continue;
        }
        struct timeval tv = { .tv_sec = 2 };
        (void)setsockopt(c, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
        s->clients[s->nclients++] = (struct client){ c, BUF_INIT(NULL) };
    }
}

/* Serve until *stop; WM_OK, or an error when poll() fails. */
static int serve(struct server *s, const volatile sig_atomic_t *stop)
{
    int64_t followed = clock_ms();
    struct pollfd pfd[MAX_CLIENTS + 1];
    while (!*stop) {
        pfd[0] = (struct pollfd){ .fd = s->listen_fd, .events = POLLIN };
        for (size_t i = 0; i < s->nclients; i++)
            pfd[i + 1] = (struct pollfd){ .fd = s->clients[i].fd, .events = POLLIN };
        int n = poll(pfd, s->nclients + 1, IDLE_POLL_MS);
        if (n < 0 && errno != EINTR)
            return wm_errorf(s->ctx, WM_EINTERNAL, "poll: %s", strerror(errno));
        if (clock_ms() - followed >= IDLE_POLL_MS) {
            follow(s);
            arena_reset(s->ctx->arena);
            followed = clock_ms();
        }
        if (n <= 0) continue;
        /* Clients from the back, so dropping one (the last moves into its place) is safe. */
        for (size_t i = s->nclients; i-- > 0;)
            if (pfd[i + 1].revents && !serve_client(s, i)) drop_client(s, i);
        if (pfd[0].revents & POLLIN) accept_clients(s);
    }
    return WM_OK;
}

static void server_free(struct server *s)
{
    while (s->nclients)
        drop_client(s, s->nclients - 1);
    for (size_t i = 0; i < COUNTS_KEPT; i++)
        buf_release(&s->counts[i].key);
    search_index_free(s->ix);
    free(s->gaps);
    free(s);
}

int searchd_run(struct wm_ctx *ctx, const struct searchd_opts *opts)
{
    const char *path = ctx->config->search_socket;
    if (!path || !path[0])
        return wm_errorf(ctx, WM_EINVAL, "search.socket is empty: set where the server listens");
    struct server *s = calloc(1, sizeof(*s));
    if (!s) wm_oom(sizeof(*s));
    s->ctx = ctx;
    s->generation = 1;
    for (size_t i = 0; i < COUNTS_KEPT; i++)
        s->counts[i].key = (struct buf)BUF_INIT(NULL);
    s->gaps = calloc(MAX_GAPS, sizeof(*s->gaps));
    if (!s->gaps) wm_oom(MAX_GAPS * sizeof(*s->gaps));
    int rc = load_all(ctx, &s->ix, &s->last);
    arena_reset(ctx->arena);
    int fd = rc == WM_OK ? listen_on(ctx, path) : rc;
    if (fd < 0) {
        server_free(s);
        return fd;
    }
    s->listen_fd = fd;
    s->pruned_at = time(NULL);
    log_info("listening on %s", path);
    rc = serve(s, opts->stop);
    close(s->listen_fd);
    unlink(path);
    server_free(s);
    return rc;
}
