/*
 * cache.c: memcached through libmemcached (cache.h). Every operation is best effort: errors
 * become misses or no-ops and are logged at most once per CACHE_WARN_INTERVAL. Short
 * connect/poll timeouts plus libmemcached's "server failed, retry later" state make a dead
 * server cost microseconds per call; a hung one (accepts, never answers) is not marked failed
 * by libmemcached and would cost a poll timeout per call, so after a timeout this layer skips
 * the cache for PAUSE_MS itself. Keys are made safe here, at the one place they reach the
 * wire: prefix + the logical key when it is plain printable ASCII, otherwise prefix + '#' +
 * SHA-256 hex of the key (collision resistant, since keys may carry user input).
 */
#include "cache/cache.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libmemcached/memcached.h>
#include <openssl/sha.h>

#include "core/clock.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/config.h"
#include "core/err.h"
#include "core/log.h"

#define KEY_MAX       250 /* memcached's limit */
#define PREFIX_MAX    64
#define HASH_MARK     '#'
#define RETRY_TIMEOUT 2    /* seconds a failed server is skipped before the next attempt */
#define PAUSE_MS      2000 /* after a timeout, calls skip the cache this long */
#define NS_KEY_MAX    200  /* namespaces are short code constants */

struct cache {
    memcached_st *mc; /* NULL when the cache is disabled */
    char prefix[PREFIX_MAX + 1];
    size_t prefix_len;
    int64_t paused_until; /* monotonic ms; calls miss at once before this (hung server) */
    int64_t warned_at;    /* monotonic ms of the last warning */
    bool warned;          /* a warning was written at warned_at */
    unsigned suppressed;  /* failures not logged since then */
    uint64_t bumps;       /* cache_ns_bump() calls made through this handle */
};

/* SHA-256 (OpenSSL) of n bytes at data as 64 lowercase hex digits plus NUL. */
static void sha256_hex(const void *data, size_t n, char out[65])
{
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(data, n, md);
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < sizeof md; i++) {
        out[2 * i] = hex[md[i] >> 4];
        out[2 * i + 1] = hex[md[i] & 15];
    }
    out[64] = '\0';
}

/* ---- keys and failures --------------------------------------------------------------- */

/* A key as it goes on the wire. */
struct wire_key {
    char buf[KEY_MAX + 1];
    size_t len;
};

/* Printable ASCII without spaces, and not starting with the hash mark. */
static bool is_plain(struct str key)
{
    if (key.len == 0 || key.ptr[0] == HASH_MARK) return false;
    for (size_t i = 0; i < key.len; i++) {
        unsigned char ch = (unsigned char)key.ptr[i];
        if (ch < '!' || ch > '~') return false;
    }
    return true;
}

/* prefix + key, or prefix + '#' + SHA-256 hex when the key is not plain or too long. False
 * for the empty key, when the cache is disabled and while it is paused: the caller misses. */
static bool wire_key(const struct cache *c, struct str key, struct wire_key *wk)
{
    if (!c || !c->mc || key.len == 0) return false;
    if (c->paused_until != 0 && clock_ms() < c->paused_until) return false;
    memcpy(wk->buf, c->prefix, c->prefix_len);
    if (is_plain(key) && c->prefix_len + key.len <= KEY_MAX) {
        memcpy(wk->buf + c->prefix_len, key.ptr, key.len);
        wk->len = c->prefix_len + key.len;
    } else {
        wk->buf[c->prefix_len] = HASH_MARK;
        sha256_hex(key.ptr, key.len, wk->buf + c->prefix_len + 1);
        wk->len = c->prefix_len + 1 + 64;
    }
    wk->buf[wk->len] = '\0';
    return true;
}

/* Log a failed operation, at most once per CACHE_WARN_INTERVAL, and pause the cache after a
 * timeout. Misses and "not stored" are normal answers and never come here. */
static void note_failure(struct cache *c, const char *op, memcached_return_t rc)
{
    int64_t now = clock_ms();
    if (rc == MEMCACHED_TIMEOUT) c->paused_until = now + PAUSE_MS;
    if (c->warned && now - c->warned_at < (int64_t)CACHE_WARN_INTERVAL * 1000) {
        c->suppressed++;
        return;
    }
    log_warn("cache %s failed: %s (treated as a miss; %u more failures since the last warning)", op,
             memcached_strerror(c->mc, rc), c->suppressed);
    c->warned = true;
    c->warned_at = now;
    c->suppressed = 0;
}

static time_t clamp_ttl(unsigned ttl)
{
    return (time_t)(ttl > CACHE_TTL_MAX ? CACHE_TTL_MAX : ttl);
}

/* ---- lifecycle ----------------------------------------------------------------------- */

int cache_open(struct cache **out, const struct config *cfg)
{
    *out = NULL;
    const char *servers = cfg->cache_servers ? cfg->cache_servers : "";
    const char *prefix = cfg->cache_prefix ? cfg->cache_prefix : "";
    size_t plen = strlen(prefix);
    if (plen > PREFIX_MAX || (plen > 0 && !is_plain((struct str){ prefix, plen }))) {
        log_error("invalid cache.prefix '%s': at most %d bytes in [!-~], not starting with '#'",
                  prefix, PREFIX_MAX);
        return WM_EINVAL;
    }
    struct cache *c = calloc(1, sizeof *c);
    if (!c) wm_oom(sizeof *c);
    memcpy(c->prefix, prefix, plen + 1);
    c->prefix_len = plen;
    if (servers[0] != '\0') {
        char why[512];
        if (libmemcached_check_configuration(servers, strlen(servers), why, sizeof why) !=
            MEMCACHED_SUCCESS) {
            log_error("invalid cache.servers '%s': %s", servers, why);
            free(c);
            return WM_EINVAL;
        }
        c->mc = memcached(servers, strlen(servers));
        if (!c->mc) {
            log_error("invalid cache.servers '%s'", servers);
            free(c);
            return WM_EINVAL;
        }
        uint64_t ms = cfg->cache_timeout_ms > 0 ? (uint64_t)cfg->cache_timeout_ms : 100;
        /* The connect timeout is honoured only in non-blocking mode. */
        memcached_behavior_set(c->mc, MEMCACHED_BEHAVIOR_NO_BLOCK, 1);
        memcached_behavior_set(c->mc, MEMCACHED_BEHAVIOR_CONNECT_TIMEOUT, ms);
        memcached_behavior_set(c->mc, MEMCACHED_BEHAVIOR_POLL_TIMEOUT, ms);
        memcached_behavior_set(c->mc, MEMCACHED_BEHAVIOR_SND_TIMEOUT, ms * 1000);
        memcached_behavior_set(c->mc, MEMCACHED_BEHAVIOR_RCV_TIMEOUT, ms * 1000);
        memcached_behavior_set(c->mc, MEMCACHED_BEHAVIOR_RETRY_TIMEOUT, RETRY_TIMEOUT);
        memcached_behavior_set(c->mc, MEMCACHED_BEHAVIOR_TCP_NODELAY, 1);
        /* Defence in depth: wire_key() already produces only valid keys. */
        memcached_behavior_set(c->mc, MEMCACHED_BEHAVIOR_VERIFY_KEY, 1);
    }
    *out = c;
    return WM_OK;
}

void cache_close(struct cache *c)
{
    if (!c) return;
    if (c->mc) memcached_free(c->mc);
    free(c);
}

bool cache_enabled(const struct cache *c)
{
    return c && c->mc;
}

/* ---- operations ---------------------------------------------------------------------- */

bool cache_get(struct cache *c, struct arena *a, struct str key, struct str *val)
{
    *val = STR_NULL;
    struct wire_key wk;
    if (!wire_key(c, key, &wk)) return false;
    size_t len = 0;
    uint32_t flags = 0;
    memcached_return_t rc;
    char *p = memcached_get(c->mc, wk.buf, wk.len, &len, &flags, &rc);
    if (rc != MEMCACHED_SUCCESS) {
        if (rc != MEMCACHED_NOTFOUND) note_failure(c, "get", rc);
        free(p);
        return false;
    }
    /* An empty value comes back as NULL with MEMCACHED_SUCCESS. */
    val->ptr = arena_strndup(a, p ? p : "", p ? len : 0);
    val->len = p ? len : 0;
    free(p);
    return true;
}

void cache_set(struct cache *c, struct str key, const void *val, size_t len, unsigned ttl)
{
    struct wire_key wk;
    if (!wire_key(c, key, &wk)) return;
    memcached_return_t rc =
            memcached_set(c->mc, wk.buf, wk.len, len ? val : "", len, clamp_ttl(ttl), 0);
    if (rc != MEMCACHED_SUCCESS) note_failure(c, "set", rc);
}

/* memcached_add() on a wire key: true when stored; false when present (quietly) or failed. */
static bool add_wire(struct cache *c, const struct wire_key *wk, const void *val, size_t len,
                     unsigned ttl)
{
    memcached_return_t rc =
            memcached_add(c->mc, wk->buf, wk->len, len ? val : "", len, clamp_ttl(ttl), 0);
    if (rc == MEMCACHED_SUCCESS) return true;
    if (rc != MEMCACHED_NOTSTORED && rc != MEMCACHED_DATA_EXISTS) note_failure(c, "add", rc);
    return false;
}

bool cache_add(struct cache *c, struct str key, const void *val, size_t len, unsigned ttl)
{
    struct wire_key wk;
    if (!wire_key(c, key, &wk)) return false;
    return add_wire(c, &wk, val, len, ttl);
}

void cache_del(struct cache *c, struct str key)
{
    struct wire_key wk;
    if (!wire_key(c, key, &wk)) return;
    memcached_return_t rc = memcached_delete(c->mc, wk.buf, wk.len, 0);
    if (rc != MEMCACHED_SUCCESS && rc != MEMCACHED_NOTFOUND) note_failure(c, "delete", rc);
}

/* incr on a wire key; MEMCACHED_NOTFOUND is returned quietly. */
static memcached_return_t incr_wire(struct cache *c, const struct wire_key *wk, uint64_t delta,
                                    uint64_t *out)
{
    memcached_return_t rc =
            memcached_increment_by_key(c->mc, wk->buf, wk->len, wk->buf, wk->len, delta, out);
    if (rc != MEMCACHED_SUCCESS && rc != MEMCACHED_NOTFOUND) note_failure(c, "incr", rc);
    return rc;
}

/*
 * Increment, or create with initial. memcached_increment_with_initial() needs the binary
 * protocol (it answers INVALID ARGUMENTS in ASCII mode), so this is incr, then add on a miss,
 * then incr again if another worker's add won the race.
 */
static bool incr_or_create(struct cache *c, const struct wire_key *wk, uint64_t delta,
                           uint64_t initial, unsigned ttl, uint64_t *out)
{
    memcached_return_t rc = incr_wire(c, wk, delta, out);
    if (rc == MEMCACHED_NOTFOUND) {
        char text[24];
        int n = snprintf(text, sizeof text, "%" PRIu64, initial);
        if (add_wire(c, wk, text, (size_t)n, ttl)) {
            *out = initial;
            return true;
        }
        rc = incr_wire(c, wk, delta, out);
    }
    if (rc == MEMCACHED_SUCCESS) return true;
    *out = 0; /* libmemcached leaves UINT64_MAX there on failure */
    return false;
}

bool cache_incr(struct cache *c, struct str key, uint64_t delta, uint64_t initial, unsigned ttl,
                uint64_t *out)
{
    *out = 0;
    struct wire_key wk;
    if (!wire_key(c, key, &wk)) return false;
    return incr_or_create(c, &wk, delta, initial, ttl, out);
}

/* ---- namespaces ---------------------------------------------------------------------- */

static bool ns_wire_key(const struct cache *c, const char *ns, struct wire_key *wk)
{
    char logical[NS_KEY_MAX + 8];
    int n = snprintf(logical, sizeof logical, "ns:%s", ns);
    if (n < 0 || (size_t)n >= sizeof logical) return false;
    return wire_key(c, (struct str){ logical, (size_t)n }, wk);
}

/* Microseconds since the epoch: a fresh counter starts above every version used before. */
static uint64_t now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

/* Parse a counter value; 0 when it is not a positive decimal. */
static uint64_t parse_counter(const char *p, size_t n)
{
    uint64_t v = 0;
    if (n == 0 || n > 20) return 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9') return 0;
        uint64_t d = (uint64_t)(p[i] - '0');
        if (v > (UINT64_MAX - d) / 10) return 0;
        v = v * 10 + d;
    }
    return v;
}

uint64_t cache_ns_version(struct cache *c, const char *ns)
{
    struct wire_key wk;
    if (!ns_wire_key(c, ns, &wk)) return 0;
    for (int attempt = 0; attempt < 2; attempt++) {
        size_t len = 0;
        uint32_t flags = 0;
        memcached_return_t rc;
        char *p = memcached_get(c->mc, wk.buf, wk.len, &len, &flags, &rc);
        if (rc == MEMCACHED_SUCCESS) {
            uint64_t v = p ? parse_counter(p, len) : 0;
            free(p);
            if (v != 0) return v;
            /* Garbage in the counter: start a new version line above it. */
            char text[24];
            uint64_t start = now_us();
            int n = snprintf(text, sizeof text, "%" PRIu64, start);
            memcached_return_t src = memcached_set(c->mc, wk.buf, wk.len, text, (size_t)n, 0, 0);
            if (src != MEMCACHED_SUCCESS) {
                note_failure(c, "set", src);
                return 0;
            }
            return start;
        }
        free(p);
        if (rc != MEMCACHED_NOTFOUND) {
            note_failure(c, "get", rc);
            return 0;
        }
        char text[24];
        uint64_t start = now_us();
        int n = snprintf(text, sizeof text, "%" PRIu64, start);
        if (add_wire(c, &wk, text, (size_t)n, 0)) return start;
        /* Another worker created it first: read theirs. */
    }
    return 0;
}

void cache_ns_bump(struct cache *c, const char *ns)
{
    if (!c) return;
    c->bumps++;
    struct wire_key wk;
    if (!ns_wire_key(c, ns, &wk)) return;
    uint64_t v;
    /* A missing counter is created at "now", which is above any version it had before. */
    incr_or_create(c, &wk, 1, now_us(), 0, &v);
}

uint64_t cache_bump_count(const struct cache *c)
{
    return c ? c->bumps : 0;
}

char *cache_ns_key(struct cache *c, struct arena *a, const char *ns, const char *key)
{
    return cache_ns_key_at(a, ns, cache_ns_version(c, ns), key);
}

char *cache_ns_key_at(struct arena *a, const char *ns, uint64_t version, const char *key)
{
    if (version == 0) return NULL;
    return arena_printf(a, "%s:%" PRIu64 ":%s", ns, version, key);
}

int cache_status(struct cache *c)
{
    if (!cache_enabled(c)) return WM_EUNAVAIL;
    /* A real round trip: memcached_version() reports success over a connection whose server
     * has gone away (seen with a unix socket), so fetch a key and accept hit or miss. */
    static const char key[] = "health";
    char full[300];
    int n = snprintf(full, sizeof(full), "%s%s", c->prefix, key);
    if (n < 0 || (size_t)n >= sizeof(full)) return WM_EUNAVAIL;
    size_t len = 0;
    uint32_t flags = 0;
    memcached_return_t rc;
    char *v = memcached_get(c->mc, full, (size_t)n, &len, &flags, &rc);
    free(v);
    if (rc != MEMCACHED_SUCCESS && rc != MEMCACHED_NOTFOUND) {
        note_failure(c, "status", rc);
        return WM_EUNAVAIL;
    }
    return WM_OK;
}

/* The index of the wire key k (len n) in keys, or -1. */
static int find_wire(const struct wire_key *keys, size_t nkeys, const char *k, size_t n)
{
    for (size_t i = 0; i < nkeys; i++)
        if (keys[i].len == n && memcmp(keys[i].buf, k, n) == 0) return (int)i;
    return -1;
}

/* What mget_wire() hands over for each hit: the index of its key, its value and CAS unique. */
typedef void mget_hit_fn(void *data, size_t i, const char *v, size_t len, uint64_t cas);

/*
 * One multi-get of the wire keys wk[0..n-1] (entries of length 0 are skipped), calling hit()
 * for each value found; keys and lens are scratch arrays of n entries. with_cas: the CAS
 * uniques are fetched too. False when memcached failed before every answer came (hit() may
 * have been called for some keys).
 */
static bool mget_wire(struct cache *c, const struct wire_key *wk, size_t n, const char **keys,
                      size_t *lens, bool with_cas, mget_hit_fn *hit, void *data)
{
    size_t nkeys = 0;
    for (size_t i = 0; i < n; i++) {
        if (wk[i].len == 0) continue;
        keys[nkeys] = wk[i].buf;
        lens[nkeys++] = wk[i].len;
    }
    if (nkeys == 0) return true;
    if (with_cas) memcached_behavior_set(c->mc, MEMCACHED_BEHAVIOR_SUPPORT_CAS, 1);
    memcached_return_t rc = memcached_mget(c->mc, keys, lens, nkeys);
    if (rc != MEMCACHED_SUCCESS) {
        if (with_cas) memcached_behavior_set(c->mc, MEMCACHED_BEHAVIOR_SUPPORT_CAS, 0);
        note_failure(c, "mget", rc);
        return false;
    }
    memcached_result_st result;
    memcached_result_create(c->mc, &result);
    size_t next = 0; /* one server answers in the order asked: look there first */
    while (memcached_fetch_result(c->mc, &result, &rc) != NULL) {
        const char *k = memcached_result_key_value(&result);
        size_t klen = memcached_result_key_length(&result);
        int i = next < n && wk[next].len == klen && memcmp(wk[next].buf, k, klen) == 0
                        ? (int)next
                        : find_wire(wk, n, k, klen);
        if (i < 0) continue;
        hit(data, (size_t)i, memcached_result_value(&result), memcached_result_length(&result),
            memcached_result_cas(&result));
        next = (size_t)i + 1;
    }
    memcached_result_free(&result);
    if (with_cas) memcached_behavior_set(c->mc, MEMCACHED_BEHAVIOR_SUPPORT_CAS, 0);
    if (rc != MEMCACHED_SUCCESS && rc != MEMCACHED_END && rc != MEMCACHED_NOTFOUND) {
        note_failure(c, "mget", rc);
        return false;
    }
    return true;
}

/* The hits of cache_get_versioned(): slot 0 the value, the others namespace counters. */
struct versioned_hits {
    struct arena *a;
    struct str *val;
    uint64_t *versions;
    bool hit;
};

static void versioned_hit(void *data, size_t i, const char *v, size_t len, uint64_t cas)
{
    (void)cas;
    struct versioned_hits *h = data;
    if (i == 0) {
        h->val->ptr = arena_strndup(h->a, v ? v : "", v ? len : 0);
        h->val->len = v ? len : 0;
        h->hit = true;
    } else {
        h->versions[i - 1] = v ? parse_counter(v, len) : 0;
    }
}

bool cache_get_versioned(struct cache *c, struct arena *a, struct str key, const char *const *ns,
                         size_t nns, uint64_t *versions, struct str *val)
{
    *val = STR_NULL;
    for (size_t i = 0; i < nns; i++)
        versions[i] = 0;
    if (nns > CACHE_VERSIONED_MAX) return false;
    struct wire_key wk[CACHE_VERSIONED_MAX + 1];
    const char *keys[CACHE_VERSIONED_MAX + 1];
    size_t lens[CACHE_VERSIONED_MAX + 1];
    /* Slot 0 is the value's key; without one (only versions wanted) it is left empty. */
    bool want_value = key.len != 0;
    if (want_value && !wire_key(c, key, &wk[0])) return false;
    if (!want_value) {
        if (!c || !c->mc) return false;
        wk[0].len = 0;
    }
    for (size_t i = 0; i < nns; i++)
        if (!ns_wire_key(c, ns[i], &wk[i + 1])) return false;
    struct versioned_hits h = { .a = a, .val = val, .versions = versions };
    if (!mget_wire(c, wk, nns + 1, keys, lens, false, versioned_hit, &h)) return false;
    /* A namespace whose counter is missing (evicted, or never used) gets one now. */
    for (size_t i = 0; i < nns; i++)
        if (versions[i] == 0) versions[i] = cache_ns_version(c, ns[i]);
    return h.hit;
}

/* The hits of cache_get_many() and cache_take(). */
struct many_hits {
    struct arena *a;
    struct str *vals;
    uint64_t *cas;
    size_t hits;
};

static void many_hit(void *data, size_t i, const char *v, size_t len, uint64_t cas)
{
    struct many_hits *h = data;
    h->vals[i].ptr = arena_strndup(h->a, v ? v : "", v ? len : 0);
    h->vals[i].len = v ? len : 0;
    if (h->cas) h->cas[i] = cas;
    h->hits++;
}

bool cache_get_many(struct cache *c, struct arena *a, const struct str *keys, size_t n,
                    struct str *vals, size_t *hits)
{
    for (size_t i = 0; i < n; i++)
        vals[i] = STR_NULL;
    if (hits) *hits = 0;
    if (!c || !c->mc) return false;
    if (n == 0) return true;
    struct wire_key *wk = ARENA_ARRAY(a, struct wire_key, n);
    bool all = true; /* every key goes on the wire (not while paused, nor the empty key) */
    for (size_t i = 0; i < n; i++)
        if (!wire_key(c, keys[i], &wk[i])) {
            wk[i].len = 0;
            all = false;
        }
    struct many_hits h = { .a = a, .vals = vals };
    bool answered = mget_wire(c, wk, n, ARENA_ARRAY(a, const char *, n), ARENA_ARRAY(a, size_t, n),
                              false, many_hit, &h);
    if (hits) *hits = h.hits;
    return answered && all;
}

bool cache_append(struct cache *c, struct str key, const void *val, size_t len, unsigned ttl)
{
    struct wire_key wk;
    if (!wire_key(c, key, &wk) || len == 0) return false;
    for (int attempt = 0; attempt < 2; attempt++) {
        memcached_return_t rc = memcached_append(c->mc, wk.buf, wk.len, val, len, 0, 0);
        if (rc == MEMCACHED_SUCCESS) return true;
        if (rc != MEMCACHED_NOTSTORED) {
            note_failure(c, "append", rc);
            return false;
        }
        /* Absent: create it, unless another worker just did (then append again). */
        if (add_wire(c, &wk, val, len, ttl)) return true;
    }
    return false;
}

int cache_take(struct cache *c, struct arena *a, struct str key, unsigned ttl, struct str *val)
{
    *val = STR_NULL;
    if (!c || !c->mc) return WM_ENOTFOUND;
    struct wire_key wk;
    if (!wire_key(c, key, &wk)) return key.len ? WM_EUNAVAIL : WM_ENOTFOUND; /* paused */
    /* Read with the CAS unique, then empty it only if nobody appended since; else again. */
    for (int attempt = 0; attempt < 20; attempt++) {
        const char *keys[1];
        size_t lens[1];
        uint64_t cas = 0;
        struct many_hits h = { .a = a, .vals = val, .cas = &cas };
        if (!mget_wire(c, &wk, 1, keys, lens, true, many_hit, &h)) {
            *val = STR_NULL;
            return WM_EUNAVAIL;
        }
        if (h.hits == 0) return WM_ENOTFOUND;
        memcached_return_t rc = memcached_cas(c->mc, wk.buf, wk.len, "", 0, clamp_ttl(ttl), 0, cas);
        if (rc == MEMCACHED_SUCCESS) return WM_OK;
        *val = STR_NULL;
        if (rc == MEMCACHED_NOTFOUND) return WM_ENOTFOUND;
        if (rc != MEMCACHED_DATA_EXISTS) {
            note_failure(c, "cas", rc);
            return WM_EUNAVAIL;
        }
    }
    return WM_ECONFLICT; /* appended to faster than it could be taken: nothing taken */
}

bool cache_decr(struct cache *c, struct str key, uint64_t delta, uint64_t *out)
{
    *out = 0;
    struct wire_key wk;
    if (!wire_key(c, key, &wk)) return false;
    memcached_return_t rc = memcached_decrement(c->mc, wk.buf, wk.len, delta, out);
    if (rc == MEMCACHED_SUCCESS) return true;
    if (rc != MEMCACHED_NOTFOUND) note_failure(c, "decr", rc);
    *out = 0;
    return false;
}

bool cache_get_current(struct cache *c, struct arena *a, struct str key, const char *const *ns,
                       size_t nns, uint64_t *versions, struct str *val)
{
    struct str stored;
    *val = STR_NULL;
    if (!cache_get_versioned(c, a, key, ns, nns, versions, &stored)) return false;
    /* "<version> ... <version>\n<value>" */
    const char *p = stored.ptr;
    const char *end = stored.ptr + stored.len;
    for (size_t i = 0; i < nns; i++) {
        const char *start = p;
        while (p < end && *p >= '0' && *p <= '9')
            p++;
        if (p == start || p >= end || *p != (i + 1 < nns ? ' ' : '\n')) return false;
        if (versions[i] == 0 || parse_counter(start, (size_t)(p - start)) != versions[i])
            return false;
        p++;
    }
    if (nns == 0) return false;
    *val = (struct str){ p, (size_t)(end - p) };
    return true;
}

void cache_set_current(struct cache *c, struct arena *a, struct str key, const uint64_t *versions,
                       size_t nns, const void *val, size_t len, unsigned ttl)
{
    if (nns == 0) return;
    struct buf b = BUF_INIT(a);
    for (size_t i = 0; i < nns; i++) {
        if (versions[i] == 0) return;
        buf_appendf(&b, "%" PRIu64 "%c", versions[i], i + 1 < nns ? ' ' : '\n');
    }
    buf_append(&b, val, len);
    cache_set(c, key, b.ptr, b.len, ttl);
}

bool cache_ns_versions(struct cache *c, const char *const *ns, size_t nns, uint64_t *versions)
{
    struct str none;
    (void)cache_get_versioned(c, NULL, STR_NULL, ns, nns, versions, &none);
    for (size_t i = 0; i < nns; i++)
        if (versions[i] == 0) return false;
    return nns > 0;
}
