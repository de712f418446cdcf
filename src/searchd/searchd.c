/*
 * searchd.c: the search server (searchd.h). The main thread runs one poll() loop: the
 * listening socket, the connected FastCGI workers (each sends one framed query at a time and
 * waits for the answer), a one-second tick that has a query thread look at the change log
 * when no query does (the loop itself never touches the database, so a reload cannot stall
 * it), and an eventfd on which the query threads report answers sent. A complete request goes to a
 * queue; a pool of query threads (one per processor, at most THREADS_MAX), each with its own
 * database connection, arena and query scratch, follows the change log, answers under the
 * index's read lock and writes the answer itself. Changes to the index take the write lock:
 * one thread at a time follows the log (follow_lock), reads what changed from the database
 * first, and holds the write lock only to put it in (a full reload builds the new index
 * beside the one in use and swaps them; queries meanwhile are answered from the one in use by
 * the other threads, so with a single processor they wait for it).
 */
#define _GNU_SOURCE /* accept4 */
#include "searchd/searchd.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
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
#define THREADS_MAX   8

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
    uint64_t id; /* stable while its slot moves (drop_client) */
    int fd;
    bool busy;     /* a query thread holds its request */
    struct buf in; /* heap: bytes of requests not yet handed over */
};

/* A request handed to a query thread, and what became of it; fd -1: no request, only a look
 * at the change log (the idle tick's, so the main loop never waits for a reload). */
struct task {
    uint64_t client;
    int fd;
    struct buf body; /* heap */
    bool ok;         /* answered; false: drop the client */
};

/* A fixed ring of tasks: at most one per client is ever queued, and one look at the log. */
#define RING_SIZE (MAX_CLIENTS + 1)
struct ring {
    struct task items[RING_SIZE];
    size_t head, n;
};

struct server;

struct query_thread {
    struct server *s;
    struct wm_ctx ctx; /* its own arena and database connection */
    struct search_scratch *scratch;
    pthread_t tid;
    bool started;
};

struct server {
    struct wm_ctx *ctx; /* the main thread's */
    /* The index, changed under index_lock's write side; queries hold the read side. */
    pthread_rwlock_t index_lock;
    struct search_index *ix;
    uint64_t generation; /* bumped by every change applied to the index */
    /* Following the change log: one thread at a time. */
    pthread_mutex_t follow_lock;
    bool reloading;   /* a full reload is being built (atomic): queries do not wait for it */
    int64_t last;     /* highest change applied */
    struct gap *gaps; /* ascending */
    size_t ngaps;
    time_t pruned_at;
    time_t warned_at;
    /* Counts kept from page queries. */
    pthread_mutex_t counts_lock;
    struct kept_count counts[COUNTS_KEPT];
    size_t next_count;
    /* Requests to the threads and their answers back (wake_fd wakes the main loop). */
    pthread_mutex_t queue_lock;
    pthread_cond_t queue_ready;
    struct ring requests, answered; /* to the threads; back from them */
    bool follow_queued;             /* an idle look at the change log is in requests */
    bool stopping;
    int wake_fd;
    struct query_thread threads[THREADS_MAX];
    size_t nthreads;
    /* The main thread's. */
    int listen_fd;
    struct client clients[MAX_CLIENTS];
    size_t nclients;
    uint64_t next_client;
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

/* Read the products in ids again (sorted, duplicates allowed) from the database, then put
 * them in the index under the write lock: queries wait only for the index to change. */
static int refresh(struct server *s, struct wm_ctx *ctx, int64_t *ids, size_t n)
{
    qsort(ids, n, sizeof(*ids), cmp_i64);
    struct search_doc *docs = ARENA_ARRAY(ctx->arena, struct search_doc, n ? n : 1);
    bool *found = ARENA_ARRAY(ctx->arena, bool, n ? n : 1);
    for (size_t i = 0; i < n; i++) {
        if (i && ids[i] == ids[i - 1]) continue;
        int rc = search_db_load_one(ctx, ids[i], &docs[i], &found[i]);
        if (rc != WM_OK) return rc;
    }
    pthread_rwlock_wrlock(&s->index_lock);
    for (size_t i = 0; i < n; i++) {
        if (i && ids[i] == ids[i - 1]) continue;
        if (found[i])
            search_index_put(s->ix, &docs[i]);
        else
            search_index_remove(s->ix, ids[i]);
    }
    size_t dead = search_index_dead(s->ix);
    if (dead > 50000 && dead > search_index_live(s->ix) / 4) search_index_compact(s->ix);
    s->generation++;
    pthread_rwlock_unlock(&s->index_lock);
    return WM_OK;
}

/* Apply the changes committed since the last look, with ctx (the calling thread's database
 * connection and arena); one thread at a time. On a database error the index stays as it is
 * (searches go on, a little stale) and the error is logged once a minute. */
static void follow(struct server *s, struct wm_ctx *ctx)
{
    pthread_mutex_lock(&s->follow_lock);
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
        /* Built beside the index in use; queries go on until the swap. */
        struct search_index *fresh = NULL;
        int64_t head = 0;
        __atomic_store_n(&s->reloading, true, __ATOMIC_RELEASE);
        rc = load_all(ctx, &fresh, &head);
        __atomic_store_n(&s->reloading, false, __ATOMIC_RELEASE);
        if (rc == WM_OK) {
            pthread_rwlock_wrlock(&s->index_lock);
            struct search_index *old = s->ix;
            s->ix = fresh;
            s->generation++;
            pthread_rwlock_unlock(&s->index_lock);
            search_index_free(old);
            nids = 0; /* the new index holds them */
        }
    }
    if (rc == WM_OK && nids) rc = refresh(s, ctx, ids, nids);
    if (rc == WM_OK && now - s->pruned_at >= PRUNE_EVERY_S) {
        s->pruned_at = now;
        rc = search_db_prune(ctx);
    }
    if (rc != WM_OK && now - s->warned_at >= 60) {
        s->warned_at = now;
        log_warn("following the change log failed: %s (searches use the index as it is)",
                 ctx->err.message ? ctx->err.message : wm_strerror(rc));
    }
    pthread_mutex_unlock(&s->follow_lock);
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

/* ---- the query threads ----------------------------------------------------------------------- */

/* The count kept for key under generation, or -1. */
static int64_t kept_count_of(struct server *s, struct str key, uint64_t generation)
{
    int64_t count = -1;
    pthread_mutex_lock(&s->counts_lock);
    for (size_t i = 0; i < COUNTS_KEPT && count < 0; i++) {
        const struct kept_count *k = &s->counts[i];
        if (k->generation == generation && k->key.len == key.len &&
            memcmp(k->key.ptr, key.ptr, key.len) == 0)
            count = k->count;
    }
    pthread_mutex_unlock(&s->counts_lock);
    return count;
}

static void keep_count(struct server *s, struct str key, int64_t count, uint64_t generation)
{
    pthread_mutex_lock(&s->counts_lock);
    struct kept_count *k = NULL;
    for (size_t i = 0; i < COUNTS_KEPT && !k; i++)
        if (s->counts[i].key.len == key.len && memcmp(s->counts[i].key.ptr, key.ptr, key.len) == 0)
            k = &s->counts[i];
    if (!k) {
        k = &s->counts[s->next_count++ % COUNTS_KEPT];
        buf_reset(&k->key);
        buf_append(&k->key, key.ptr, key.len);
    }
    k->count = count;
    k->generation = generation;
    pthread_mutex_unlock(&s->counts_lock);
}

/* Answer one request body with thread t; false when the client must be dropped. */
static bool answer(struct query_thread *t, int fd, struct str body)
{
    struct server *s = t->s;
    struct wm_ctx *ctx = &t->ctx;
    struct search_query q;
    unsigned want = 0;
    if (!search_wire_get_query(ctx->arena, body, &q, &want)) return false;
    /* A write committed before this query is seen by it; while a full reload is being built
     * (every product read again) the query is answered from the index in use. */
    if (!__atomic_load_n(&s->reloading, __ATOMIC_ACQUIRE)) follow(s, ctx);
    struct search_query unwindowed = q;
    unwindowed.offset = 0;
    unwindowed.limit = 0;
    struct buf key = BUF_INIT(ctx->arena);
    search_wire_put_query(&key, &unwindowed, 0);
    struct str k = { key.ptr, key.len };
    struct search_result r = { 0 };
    pthread_rwlock_rdlock(&s->index_lock);
    uint64_t generation = s->generation;
    int64_t kept = kept_count_of(s, k, generation);
    if (want == SEARCH_WANT_COUNT && kept >= 0)
        r.count = kept;
    else
        search_index_query(s->ix, t->scratch, ctx->arena, &q, want, &r); /* counts each pass */
    pthread_rwlock_unlock(&s->index_lock);
    if (want != SEARCH_WANT_COUNT || kept < 0) keep_count(s, k, r.count, generation);
    struct buf out = BUF_INIT(ctx->arena);
    search_wire_frame_start(&out);
    search_wire_put_result(&out, WM_OK, &r, want);
    search_wire_frame_end(&out);
    return write_all(fd, out.ptr, out.len);
}

static void ring_push(struct ring *r, struct task *t)
{
    r->items[(r->head + r->n++) % RING_SIZE] = *t;
}

static struct task ring_pop(struct ring *r)
{
    struct task t = r->items[r->head];
    r->head = (r->head + 1) % RING_SIZE;
    r->n--;
    return t;
}

static void *query_thread_main(void *arg)
{
    struct query_thread *t = arg;
    struct server *s = t->s;
    for (;;) {
        pthread_mutex_lock(&s->queue_lock);
        while (!s->stopping && s->requests.n == 0)
            pthread_cond_wait(&s->queue_ready, &s->queue_lock);
        if (s->stopping) {
            pthread_mutex_unlock(&s->queue_lock);
            return NULL;
        }
        struct task task = ring_pop(&s->requests);
        if (task.fd < 0) s->follow_queued = false;
        pthread_mutex_unlock(&s->queue_lock);
        if (task.fd < 0) {
            follow(s, &t->ctx);
            arena_reset(t->ctx.arena);
            wm_clear_error(&t->ctx);
            continue;
        }
        task.ok = answer(t, task.fd, (struct str){ task.body.ptr, task.body.len });
        arena_reset(t->ctx.arena);
        wm_clear_error(&t->ctx);
        buf_release(&task.body);
        pthread_mutex_lock(&s->queue_lock);
        ring_push(&s->answered, &task);
        pthread_mutex_unlock(&s->queue_lock);
        uint64_t one = 1;
        (void)!write(s->wake_fd, &one, sizeof(one));
    }
}

/* Start n query threads (at least one must start). */
static int start_threads(struct server *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct query_thread *t = &s->threads[i];
        t->s = s;
        t->ctx = (struct wm_ctx){ .arena = arena_new(0),
                                  .config = s->ctx->config,
                                  .req_id = "searchd" };
        (void)db_open(&t->ctx.db, s->ctx->config); /* connects on its first statement */
        t->scratch = search_scratch_new();
        if (pthread_create(&t->tid, NULL, query_thread_main, t) != 0) break;
        t->started = true;
        s->nthreads++;
    }
    if (s->nthreads == 0) return wm_errorf(s->ctx, WM_EINTERNAL, "cannot start a query thread");
    return WM_OK;
}

static void stop_threads(struct server *s)
{
    pthread_mutex_lock(&s->queue_lock);
    s->stopping = true;
    pthread_cond_broadcast(&s->queue_ready);
    pthread_mutex_unlock(&s->queue_lock);
    for (size_t i = 0; i < THREADS_MAX; i++) {
        struct query_thread *t = &s->threads[i];
        if (t->started) pthread_join(t->tid, NULL);
        if (t->ctx.db) db_close(t->ctx.db);
        if (t->ctx.arena) arena_free(t->ctx.arena);
        search_scratch_free(t->scratch);
    }
    while (s->requests.n) {
        struct task t = ring_pop(&s->requests);
        buf_release(&t.body);
    }
}

/* ---- the main loop -----------------------------------------------------------------------------
 */

/* Hand client i's next complete request to the threads, if it has one and none is out. False
 * when what it sent cannot be a request (drop it). */
static bool dispatch(struct server *s, size_t i)
{
    struct client *c = &s->clients[i];
    if (c->busy || c->in.len < 4) return true;
    uint32_t n = search_wire_frame_len((const unsigned char *)c->in.ptr);
    if (n > SEARCH_WIRE_MAX) return false;
    if (c->in.len < 4 + (size_t)n) return true;
    struct task t = { .client = c->id, .fd = c->fd, .body = BUF_INIT(NULL) };
    buf_append(&t.body, c->in.ptr + 4, n);
    memmove(c->in.ptr, c->in.ptr + 4 + n, c->in.len - 4 - n);
    buf_setlen(&c->in, c->in.len - 4 - n);
    c->busy = true;
    pthread_mutex_lock(&s->queue_lock);
    ring_push(&s->requests, &t);
    pthread_cond_signal(&s->queue_ready);
    pthread_mutex_unlock(&s->queue_lock);
    return true;
}

/* Have a query thread look at the change log (unless such a look is waiting already). */
static void queue_follow(struct server *s)
{
    pthread_mutex_lock(&s->queue_lock);
    if (!s->follow_queued) {
        struct task t = { .fd = -1, .body = BUF_INIT(NULL) };
        ring_push(&s->requests, &t);
        s->follow_queued = true;
        pthread_cond_signal(&s->queue_ready);
    }
    pthread_mutex_unlock(&s->queue_lock);
}

/* Read what client i sent and hand over a complete request; false: drop it. */
static bool serve_client(struct server *s, size_t i)
{
    struct client *c = &s->clients[i];
    char chunk[16384];
    ssize_t r = recv(c->fd, chunk, sizeof(chunk), MSG_DONTWAIT);
    if (r < 0 && (errno == EINTR || errno == EAGAIN)) return true;
    if (r <= 0) return false;
    buf_append(&c->in, chunk, (size_t)r);
    if (c->in.len > 4 + (size_t)SEARCH_WIRE_MAX * 2) return false; /* not one request at a time */
    return dispatch(s, i);
}

/* The answers the threads sent: their clients are read again (or dropped). */
static void take_done(struct server *s)
{
    uint64_t count;
    (void)!read(s->wake_fd, &count, sizeof(count));
    for (;;) {
        pthread_mutex_lock(&s->queue_lock);
        bool any = s->answered.n > 0;
        struct task t = any ? ring_pop(&s->answered) : (struct task){ 0 };
        pthread_mutex_unlock(&s->queue_lock);
        if (!any) return;
        for (size_t i = 0; i < s->nclients; i++) {
            if (s->clients[i].id != t.client) continue;
            s->clients[i].busy = false;
            if (!t.ok || !dispatch(s, i)) drop_client(s, i);
            break;
        }
    }
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
        s->clients[s->nclients++] =
                (struct client){ .id = ++s->next_client, .fd = c, .in = BUF_INIT(NULL) };
    }
}

/* Serve until *stop; WM_OK, or an error when poll() fails. */
static int serve(struct server *s, const volatile sig_atomic_t *stop)
{
    int64_t followed = clock_ms();
    struct pollfd pfd[MAX_CLIENTS + 2];
    size_t slot[MAX_CLIENTS]; /* pfd[k + 2] is client slot[k] */
    while (!*stop) {
        pfd[0] = (struct pollfd){ .fd = s->listen_fd, .events = POLLIN };
        pfd[1] = (struct pollfd){ .fd = s->wake_fd, .events = POLLIN };
        size_t np = 0;
        for (size_t i = 0; i < s->nclients; i++)
            if (!s->clients[i].busy) {
                slot[np] = i;
                pfd[2 + np++] = (struct pollfd){ .fd = s->clients[i].fd, .events = POLLIN };
            }
        int n = poll(pfd, np + 2, IDLE_POLL_MS);
        if (n < 0 && errno != EINTR)
            return wm_errorf(s->ctx, WM_EINTERNAL, "poll: %s", strerror(errno));
        if (clock_ms() - followed >= IDLE_POLL_MS) {
            queue_follow(s);
            followed = clock_ms();
        }
        if (n <= 0) continue;
        /* Clients from the back, so dropping one (the last moves into its place) is safe. */
        for (size_t k = np; k-- > 0;)
            if (pfd[k + 2].revents && !serve_client(s, slot[k])) drop_client(s, slot[k]);
        if (pfd[1].revents & POLLIN) take_done(s);
        if (pfd[0].revents & POLLIN) accept_clients(s);
    }
    return WM_OK;
}

static void server_free(struct server *s)
{
    stop_threads(s);
    while (s->nclients)
        drop_client(s, s->nclients - 1);
    for (size_t i = 0; i < COUNTS_KEPT; i++)
        buf_release(&s->counts[i].key);
    search_index_free(s->ix);
    if (s->wake_fd >= 0) close(s->wake_fd);
    pthread_rwlock_destroy(&s->index_lock);
    pthread_mutex_destroy(&s->follow_lock);
    pthread_mutex_destroy(&s->counts_lock);
    pthread_mutex_destroy(&s->queue_lock);
    pthread_cond_destroy(&s->queue_ready);
    free(s->gaps);
    free(s);
}

/* Query threads: one per processor online, 1 .. THREADS_MAX. */
static size_t thread_count(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > THREADS_MAX ? THREADS_MAX : (size_t)n;
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
    s->wake_fd = -1;
    pthread_rwlock_init(&s->index_lock, NULL);
    pthread_mutex_init(&s->follow_lock, NULL);
    pthread_mutex_init(&s->counts_lock, NULL);
    pthread_mutex_init(&s->queue_lock, NULL);
    pthread_cond_init(&s->queue_ready, NULL);
    for (size_t i = 0; i < COUNTS_KEPT; i++)
        s->counts[i].key = (struct buf)BUF_INIT(NULL);
    s->gaps = calloc(MAX_GAPS, sizeof(*s->gaps));
    if (!s->gaps) wm_oom(MAX_GAPS * sizeof(*s->gaps));
    int rc = load_all(ctx, &s->ix, &s->last);
    arena_reset(ctx->arena);
    s->wake_fd = rc == WM_OK ? eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK) : -1;
    if (rc == WM_OK && s->wake_fd < 0)
        rc = wm_errorf(ctx, WM_EINTERNAL, "eventfd: %s", strerror(errno));
    if (rc == WM_OK) rc = start_threads(s, thread_count());
    int fd = rc == WM_OK ? listen_on(ctx, path) : rc;
    if (fd < 0) {
        server_free(s);
        return fd;
    }
    s->listen_fd = fd;
    s->pruned_at = time(NULL);
    log_info("listening on %s with %zu query threads", path, s->nthreads);
    rc = serve(s, opts->stop);
    close(s->listen_fd);
    unlink(path);
    server_free(s);
    return rc;
}
