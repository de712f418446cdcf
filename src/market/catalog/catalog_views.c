/*
 * catalog_views.c: product views (catalog.h). A view is counted where it happens (the product
 * page and ProductById, through catalog_view()), but a write per view to the products row
 * would cost every product read a transaction and the search server a change to apply. So a
 * view is a memcached counter "pv:<id>", and the first view since a flush also appends the id
 * to the list "pv:list" (the counter read 1 after the increment). The worker's views_flush
 * job takes the list (atomically: cache_take()), reads the counters in one multi-get,
 * subtracts what it read from each (views that came meanwhile stay, and their ids go back on
 * the list) and adds the counts to products.views in one statement. A view lost to memcached
 * (a restart, an eviction, a counter's expiry a day after it was made) is not counted: views
 * are a popularity figure, not money.
 */
#include "market/catalog/catalog.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cache/cache.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/log.h"
#include "db/db.h"
#include "market/accounts/accounts.h"
#include "market/catalog/catalog_int.h"

#define LIST_KEY    "pv:list"
#define COUNTER_TTL (24 * 3600)     /* a counter's life from its first view (flushed long before) */
#define LIST_TTL    (7 * 24 * 3600) /* the list is emptied, not removed, by every flush */
#define MEMO_KEY    "catalog.views"

/* The views counted in this request (for a cached whole answer to replay). */
struct views_log {
    int64_t *ids;
    size_t n, cap;
};

/* Words of User-Agent headers that name a robot (search engines, link previews, monitors). */
static const char *const crawler_words[] = { "bot", "crawl", "spider", "slurp", "preview" };

static bool is_crawler(const char *ua)
{
    if (!ua) return false;
    for (const char *p = ua; *p; p++)
        for (size_t i = 0; i < sizeof crawler_words / sizeof crawler_words[0]; i++)
            if (strncasecmp(p, crawler_words[i], strlen(crawler_words[i])) == 0) return true;
    return false;
}

static struct str counter_key(struct wm_ctx *ctx, int64_t id)
{
    return str_from(arena_printf(ctx->arena, "pv:%" PRId64, id));
}

/* Put ids (text "<id> <id> ") back on the list; false when memcached would not take them. */
static bool relist(struct wm_ctx *ctx, const char *ids, size_t len)
{
    return len == 0 || cache_append(ctx->cache, STR(LIST_KEY), ids, len, LIST_TTL);
}

void catalog_view_id(struct wm_ctx *ctx, int64_t id)
{
    if (id <= 0 || !cache_enabled(ctx->cache)) return;
    /* Logged even for a crawler: a whole answer cached now counts for the people served it. */
    struct views_log *log = wm_memo_get(ctx, MEMO_KEY);
    if (!log) {
        log = ARENA_NEW(ctx->arena, struct views_log);
        wm_memo_set(ctx, MEMO_KEY, log);
    }
    if (log->n == log->cap) {
        size_t cap = log->cap ? 2 * log->cap : 4;
        int64_t *ids = ARENA_ARRAY(ctx->arena, int64_t, cap);
        if (log->n) memcpy(ids, log->ids, log->n * sizeof *ids);
        log->ids = ids;
        log->cap = cap;
    }
    log->ids[log->n++] = id;
    if (is_crawler(ctx->user_agent)) return;
    uint64_t now = 0;
    struct str key = counter_key(ctx, id);
    if (!cache_incr(ctx->cache, key, 1, 1, COUNTER_TTL, &now) || now != 1) return;
    char *item = arena_printf(ctx->arena, "%" PRId64 " ", id);
    if (relist(ctx, item, strlen(item))) return;
    /* Off the list, the counter would never be flushed, and the views after this one would
     * not list it (they read more than 1): it goes, so the next view starts it again. */
    cache_del(ctx->cache, key);
    static int64_t warned_at; /* per process: once a minute, not once a view */
    int64_t t = clock_ms();
    if (warned_at && t - warned_at < 60000) return;
    warned_at = t;
    log_warn("views: cannot list product %" PRId64 " for the next flush (its view is dropped): "
             "is the list over memcached's item size (memcached -I)?",
             id);
}

void catalog_view(struct wm_ctx *ctx, const struct product *p)
{
    const struct viewer *v = ctx->viewer;
    if (p->vendor && v && v->status == WM_OK && v->user_id == p->vendor->user_id) return;
    catalog_view_id(ctx, p->id);
}

const int64_t *catalog_views_counted(struct wm_ctx *ctx, size_t *n)
{
    const struct views_log *log = wm_memo_get(ctx, MEMO_KEY);
    *n = log ? log->n : 0;
    return log ? log->ids : NULL;
}

static int cmp_id(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* The distinct positive ids of the list text (arena array of *n, ascending). */
static int64_t *parse_list(struct wm_ctx *ctx, struct str list, size_t *n)
{
    int64_t *ids = ARENA_ARRAY(ctx->arena, int64_t, list.len / 2 + 1);
    size_t k = 0;
    const char *p = list.ptr;
    const char *end = list.ptr + list.len;
    while (p < end) {
        int64_t id = 0;
        bool digits = false;
        while (p < end && *p >= '0' && *p <= '9' && id < INT64_MAX / 10) {
            id = id * 10 + (*p++ - '0');
            digits = true;
        }
        if (digits && id > 0) ids[k++] = id;
        while (p < end && (*p < '0' || *p > '9'))
            p++;
    }
    qsort(ids, k, sizeof *ids, cmp_id);
    size_t d = 0;
    for (size_t i = 0; i < k; i++)
        if (d == 0 || ids[d - 1] != ids[i]) ids[d++] = ids[i];
    *n = d;
    return ids;
}

/* A counter's value (memcached pads a number that shrank with spaces); 0 when not a number. */
static uint64_t counter_value(struct str v)
{
    uint64_t n = 0;
    size_t i = 0;
    for (; i < v.len && v.ptr[i] >= '0' && v.ptr[i] <= '9'; i++)
        n = n * 10 + (uint64_t)(v.ptr[i] - '0');
    for (; i < v.len; i++)
        if (v.ptr[i] != ' ') return 0;
    return n;
}

/* Ids a flush did not count, back on the list for the next one (or said to be lost). */
static void put_back(struct wm_ctx *ctx, struct str ids)
{
    if (!relist(ctx, ids.ptr, ids.len))
        log_warn("views: %zu bytes of product ids could not go back on the list", ids.len);
}

/* One flush's products: their ids, counter keys and the counts taken from the counters. */
struct flush_batch {
    int64_t *ids;
    struct str *keys;
    uint64_t *counts;
    size_t n;
    struct buf back; /* ids for the next flush ("<id> <id> ") */
};

/*
 * Read the batch's counters in one multi-get and take what was read from each: what came
 * since stays, and the id goes back on the list. A counter that could not be decremented is
 * left whole for the next flush (adding its count now would add it twice). The counts taken
 * go into json ("[[id,count],...]") and *views. False when the multi-get failed (nothing
 * taken).
 */
static bool take_counts(struct wm_ctx *ctx, struct flush_batch *b, struct buf *json, int64_t *views)
{
    struct str *vals = ARENA_ARRAY(ctx->arena, struct str, b->n ? b->n : 1);
    if (!cache_get_many(ctx->cache, ctx->arena, b->keys, b->n, vals, NULL)) return false;
    buf_appendc(json, '[');
    for (size_t i = 0; i < b->n; i++) {
        b->counts[i] = vals[i].ptr ? counter_value(vals[i]) : 0;
        if (b->counts[i] == 0) continue;
        uint64_t left = 0;
        if (!cache_decr(ctx->cache, b->keys[i], b->counts[i], &left)) {
            b->counts[i] = 0;
            buf_appendf(&b->back, "%" PRId64 " ", b->ids[i]);
            continue;
        }
        if (left > 0) buf_appendf(&b->back, "%" PRId64 " ", b->ids[i]);
        buf_appendf(json, "%s[%" PRId64 ",%" PRIu64 "]", *views ? "," : "", b->ids[i],
                    b->counts[i]);
        *views += (int64_t)b->counts[i];
    }
    buf_appendc(json, ']');
    return true;
}

/* The database did not take the counts: they go back on their counters for the next try. */
static void give_back(struct wm_ctx *ctx, struct flush_batch *b)
{
    for (size_t i = 0; i < b->n; i++) {
        uint64_t now = 0;
        if (b->counts[i] &&
            cache_incr(ctx->cache, b->keys[i], b->counts[i], b->counts[i], COUNTER_TTL, &now))
            buf_appendf(&b->back, "%" PRId64 " ", b->ids[i]);
    }
}

int catalog_views_flush(struct wm_ctx *ctx, size_t max, int64_t *products, int64_t *views,
                        bool *more)
{
    *products = *views = 0;
    *more = false;
    if (max == 0) return WM_OK;
    struct str list;
    int rc = cache_take(ctx->cache, ctx->arena, STR(LIST_KEY), LIST_TTL, &list);
    if (rc == WM_ENOTFOUND) return WM_OK; /* nobody viewed anything, or no cache */
    if (rc != WM_OK)
        return wm_errorf(ctx, rc, "views: cannot take the list of viewed products from memcached");
    struct flush_batch b = { .back = BUF_INIT(ctx->arena) };
    b.ids = parse_list(ctx, list, &b.n);
    if (b.n > max) {
        for (size_t i = max; i < b.n; i++)
            buf_appendf(&b.back, "%" PRId64 " ", b.ids[i]);
        b.n = max;
        *more = true;
    }
    b.keys = ARENA_ARRAY(ctx->arena, struct str, b.n ? b.n : 1);
    b.counts = ARENA_ARRAY(ctx->arena, uint64_t, b.n ? b.n : 1);
    for (size_t i = 0; i < b.n; i++)
        b.keys[i] = counter_key(ctx, b.ids[i]);
    struct buf json = BUF_INIT(ctx->arena);
    if (!take_counts(ctx, &b, &json, views)) {
        /* A missing counter would read as no views: the whole list goes back instead. */
        put_back(ctx, list);
        return wm_errorf(ctx, WM_EUNAVAIL, "views: cannot read the view counters from memcached");
    }
    int64_t rows = 0;
    if (*views > 0) {
        rc = db_begin(ctx);
        if (rc == WM_OK) rc = catalog_db_add_views(ctx, json.ptr, &rows);
        if (rc == WM_OK)
            rc = db_commit(ctx);
        else
            db_rollback(ctx);
    }
    if (rc != WM_OK) {
        give_back(ctx, &b);
        *views = 0;
    }
    put_back(ctx, (struct str){ b.back.ptr, b.back.len });
    *products = rc == WM_OK ? rows : 0;
    return rc;
}
