/*
 * test_cache.c: unit tests for src/cache/cache.c against the real memcached of a running stack
 * (MARKET_CONFIG, cache.servers). Every run uses its own key prefix, so no run sees another's
 * keys. Covers get/set/del/add/incr, namespaces, keys that would break the ASCII protocol, and
 * a disabled, dead, hung or connection-dropping server (every call a quick miss, and a take
 * or multi-get tells its failure from a miss).
 */
#include "cache/cache.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/config.h"
#include "core/err.h"
#include "test.h"

extern char **environ;

static struct config cfg;
static struct arena *arena;
static struct cache *cache;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int suite_init(void)
{
    const char *path = getenv("MARKET_CONFIG");
    if (!path || !*path) {
        fprintf(stderr, "cache/cache: MARKET_CONFIG is not set; it must name the config file "
                        "of a running stack (make start, or tests/run-tests)\n");
        return 1;
    }
    char err[512];
    if (cfg_load(&cfg, path, true, environ, err, sizeof err) != 0) {
        fprintf(stderr, "cache/cache: %s\n", err);
        return 1;
    }
    if (!cfg.cache_servers || !cfg.cache_servers[0]) {
        fprintf(stderr, "cache/cache: cache.servers is empty in %s; the suite needs memcached\n",
                path);
        return 1;
    }
    char prefix[48];
    snprintf(prefix, sizeof prefix, "t%ld.%ld:", (long)getpid(), (long)time(NULL));
    if (cfg_set(&cfg, "cache.prefix", prefix, err, sizeof err) != 0) {
        fprintf(stderr, "cache/cache: %s\n", err);
        return 1;
    }
    if (cache_open(&cache, &cfg) != WM_OK) {
        fprintf(stderr, "cache/cache: cannot open cache.servers '%s'\n", cfg.cache_servers);
        return 1;
    }
    if (cache_status(cache) != WM_OK) {
        fprintf(stderr, "cache/cache: memcached at '%s' does not answer\n", cfg.cache_servers);
        return 1;
    }
    arena = arena_new(0);
    return 0;
}

static int suite_clean(void)
{
    cache_close(cache);
    arena_free(arena);
    cfg_release(&cfg);
    return 0;
}

static void fresh(void)
{
    arena_reset(arena);
}

static bool get_eq(struct cache *c, struct str key, const char *want)
{
    struct str v;
    if (!cache_get(c, arena, key, &v)) return false;
    return str_eq_cstr(v, want);
}

static void test_set_get_del(void)
{
    fresh();
    struct str k = STR("greeting");
    struct str v;
    CU_ASSERT_FALSE(cache_get(cache, arena, k, &v));
    CU_ASSERT_PTR_NULL(v.ptr);
    cache_set(cache, k, "hello", 5, 60);
    CU_ASSERT_TRUE(cache_get(cache, arena, k, &v));
    CU_ASSERT_TRUE(str_eq_cstr(v, "hello"));
    CU_ASSERT_EQUAL(v.ptr[v.len], '\0');
    cache_set(cache, k, "bye", 3, 60);
    CU_ASSERT_TRUE(get_eq(cache, k, "bye"));
    cache_del(cache, k);
    CU_ASSERT_FALSE(cache_get(cache, arena, k, &v));
    cache_del(cache, k); /* deleting a missing key is quiet */
}

static void test_values_may_be_empty_or_binary(void)
{
    fresh();
    struct str v;
    cache_set(cache, STR("empty"), "", 0, 60);
    CU_ASSERT_TRUE(cache_get(cache, arena, STR("empty"), &v));
    CU_ASSERT_EQUAL(v.len, 0);
    CU_ASSERT_PTR_NOT_NULL(v.ptr);
    static const char bin[] = { 'a', '\0', '\r', '\n', 'E', 'N', 'D', '\r', '\n', (char)0xff };
    cache_set(cache, STR("binary"), bin, sizeof bin, 60);
    CU_ASSERT_TRUE(cache_get(cache, arena, STR("binary"), &v));
    CU_ASSERT_EQUAL(v.len, sizeof bin);
    CU_ASSERT(v.len == sizeof bin && memcmp(v.ptr, bin, sizeof bin) == 0);
    size_t n = 300 * 1024;
    char *big = malloc(n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(big);
    memset(big, 'z', n);
    cache_set(cache, STR("big"), big, n, 60);
    CU_ASSERT_TRUE(cache_get(cache, arena, STR("big"), &v));
    CU_ASSERT(v.len == n && memcmp(v.ptr, big, n) == 0);
    free(big);
}

static void test_ttl_expires(void)
{
    fresh();
    cache_set(cache, STR("short"), "x", 1, 1);
    CU_ASSERT_TRUE(get_eq(cache, STR("short"), "x"));
    usleep(2100 * 1000);
    struct str v;
    CU_ASSERT_FALSE(cache_get(cache, arena, STR("short"), &v));
}

static void test_add_stores_only_when_absent(void)
{
    fresh();
    struct str k = STR("once");
    CU_ASSERT_TRUE(cache_add(cache, k, "1", 1, 60));
    CU_ASSERT_FALSE(cache_add(cache, k, "2", 1, 60));
    CU_ASSERT_TRUE(get_eq(cache, k, "1"));
    cache_del(cache, k);
    CU_ASSERT_TRUE(cache_add(cache, k, "3", 1, 60));
    CU_ASSERT_TRUE(get_eq(cache, k, "3"));
}

static void test_incr_creates_with_initial_then_adds(void)
{
    fresh();
    struct str k = STR("rate:1.2.3.4");
    uint64_t n = 99;
    CU_ASSERT_TRUE(cache_incr(cache, k, 1, 1, 60, &n));
    CU_ASSERT_EQUAL(n, 1);
    CU_ASSERT_TRUE(cache_incr(cache, k, 1, 1, 60, &n));
    CU_ASSERT_EQUAL(n, 2);
    CU_ASSERT_TRUE(cache_incr(cache, k, 5000000000u, 1, 60, &n)); /* deltas above 32 bits */
    CU_ASSERT_EQUAL(n, 5000000002u);
    CU_ASSERT_TRUE(get_eq(cache, k, "5000000002"));
    CU_ASSERT_TRUE(cache_incr(cache, STR("counter0"), 7, 0, 60, &n));
    CU_ASSERT_EQUAL(n, 0);
    /* Not a number: an error, reported as false. */
    cache_set(cache, STR("word"), "abc", 3, 60);
    CU_ASSERT_FALSE(cache_incr(cache, STR("word"), 1, 1, 60, &n));
    CU_ASSERT_EQUAL(n, 0);
}

static void test_decr_subtracts_and_stops_at_zero(void)
{
    fresh();
    struct str k = STR("views:7");
    uint64_t n = 99;
    CU_ASSERT_FALSE(cache_decr(cache, k, 1, &n)); /* absent */
    CU_ASSERT_EQUAL(n, 0);
    CU_ASSERT_TRUE(cache_incr(cache, k, 1, 10, 60, &n));
    CU_ASSERT_TRUE(cache_decr(cache, k, 3, &n));
    CU_ASSERT_EQUAL(n, 7);
    CU_ASSERT_TRUE(cache_decr(cache, k, 100, &n));
    CU_ASSERT_EQUAL(n, 0);
    /* memcached keeps the digits' width ("0 "); the counter still reads 0. */
    CU_ASSERT_TRUE(cache_incr(cache, k, 0, 0, 60, &n));
    CU_ASSERT_EQUAL(n, 0);
}

static void test_get_many_matches_each_key(void)
{
    fresh();
    static const char spaced[] = "a key with spaces";
    cache_set(cache, STR("m1"), "one", 3, 60);
    cache_set(cache, STR("m3"), "", 0, 60);
    cache_set(cache, STR(spaced), "hashed", 6, 60);
    struct str keys[] = { STR("m1"), STR("m2"), STR("m3"), STR(spaced), STR("m1") };
    struct str vals[5];
    size_t hits = 0;
    CU_ASSERT_TRUE(cache_get_many(cache, arena, keys, 5, vals, &hits));
    CU_ASSERT_EQUAL(hits, 4);
    CU_ASSERT_TRUE(str_eq_cstr(vals[0], "one"));
    CU_ASSERT_PTR_NULL(vals[1].ptr);
    CU_ASSERT_PTR_NOT_NULL(vals[2].ptr);
    CU_ASSERT_EQUAL(vals[2].len, 0);
    CU_ASSERT_TRUE(str_eq_cstr(vals[3], "hashed"));
    CU_ASSERT_TRUE(str_eq_cstr(vals[4], "one")); /* the same key twice: both filled */
    /* Many keys, in one round trip. */
    enum { MANY = 300 };
    struct str many[MANY];
    struct str got[MANY];
    for (int i = 0; i < MANY; i++) {
        char *k = arena_printf(arena, "many:%d", i);
        many[i] = str_from(k);
        if (i % 3) cache_set(cache, many[i], k, strlen(k), 60);
    }
    CU_ASSERT_TRUE(cache_get_many(cache, arena, many, MANY, got, &hits));
    CU_ASSERT_EQUAL(hits, MANY - MANY / 3);
    for (int i = 0; i < MANY; i++)
        CU_ASSERT(i % 3 ? str_eq(got[i], many[i]) : got[i].ptr == NULL);
}

static void test_append_creates_then_adds_and_take_empties(void)
{
    fresh();
    struct str k = STR("list");
    struct str v;
    CU_ASSERT_EQUAL(cache_take(cache, arena, k, 60, &v), WM_ENOTFOUND); /* absent */
    CU_ASSERT_TRUE(cache_append(cache, k, "1 ", 2, 60));
    CU_ASSERT_TRUE(cache_append(cache, k, "22 ", 3, 60));
    CU_ASSERT_TRUE(get_eq(cache, k, "1 22 "));
    CU_ASSERT_EQUAL(cache_take(cache, arena, k, 60, &v), WM_OK);
    CU_ASSERT_TRUE(str_eq_cstr(v, "1 22 "));
    CU_ASSERT_EQUAL(cache_take(cache, arena, k, 60, &v), WM_OK); /* present, empty */
    CU_ASSERT_EQUAL(v.len, 0);
    CU_ASSERT_TRUE(cache_append(cache, k, "3 ", 2, 60));
    CU_ASSERT_EQUAL(cache_take(cache, arena, k, 60, &v), WM_OK);
    CU_ASSERT_TRUE(str_eq_cstr(v, "3 "));
}

/* Sum of the space-separated numbers in v, and how many there were. */
static void sum_list(struct str v, long *sum, long *count)
{
    long n = 0;
    bool in = false;
    for (size_t i = 0; i < v.len; i++) {
        if (v.ptr[i] >= '0' && v.ptr[i] <= '9') {
            n = n * 10 + (v.ptr[i] - '0');
            in = true;
        } else if (in) {
            *sum += n;
            (*count)++;
            n = 0;
            in = false;
        }
    }
}

static void test_take_loses_nothing_another_process_appends(void)
{
    fresh();
    struct str k = STR("busy-list");
    enum { ITEMS = 3000 };
    pid_t pid = fork();
    CU_ASSERT_FATAL(pid >= 0);
    if (pid == 0) {
        /* Its own connection: a libmemcached handle is not shared across fork. */
        struct cache *mine = NULL;
        if (cache_open(&mine, &cfg) != WM_OK) _exit(2);
        int failed = 0;
        for (int i = 1; i <= ITEMS; i++) {
            char item[16];
            int n = snprintf(item, sizeof item, "%d ", i);
            if (!cache_append(mine, k, item, (size_t)n, 60)) failed++;
        }
        cache_close(mine);
        _exit(failed ? 1 : 0);
    }
    long sum = 0, count = 0;
    int status = 0;
    bool done = false;
    while (!done) {
        done = waitpid(pid, &status, WNOHANG) == pid;
        struct str v;
        if (cache_take(cache, arena, k, 60, &v) == WM_OK) sum_list(v, &sum, &count);
    }
    CU_ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CU_ASSERT_EQUAL(count, ITEMS);
    CU_ASSERT_EQUAL(sum, (long)ITEMS * (ITEMS + 1) / 2);
}

static void test_a_current_value_is_retired_by_a_bump(void)
{
    fresh();
    static const char *const ns[] = { "cur.a", "cur.b" };
    struct str k = STR("current");
    uint64_t v[2] = { 0, 0 };
    struct str val;
    CU_ASSERT_FALSE(cache_get_current(cache, arena, k, ns, 2, v, &val));
    CU_ASSERT(v[0] != 0 && v[1] != 0); /* read (created) for the set below */
    cache_set_current(cache, arena, k, v, 2, "uid 7", 5, 60);
    uint64_t again[2] = { 0, 0 };
    CU_ASSERT_TRUE(cache_get_current(cache, arena, k, ns, 2, again, &val));
    CU_ASSERT_TRUE(str_eq_cstr(val, "uid 7"));
    CU_ASSERT_EQUAL(val.ptr[val.len], '\0');
    cache_ns_bump(cache, "cur.b");
    CU_ASSERT_FALSE(cache_get_current(cache, arena, k, ns, 2, again, &val));
    CU_ASSERT_PTR_NULL(val.ptr);
    CU_ASSERT_EQUAL(again[0], v[0]);
    CU_ASSERT_NOT_EQUAL(again[1], v[1]);
    /* Stored under the new versions, it is current again; an empty value is a value. */
    cache_set_current(cache, arena, k, again, 2, "", 0, 60);
    CU_ASSERT_TRUE(cache_get_current(cache, arena, k, ns, 2, again, &val));
    CU_ASSERT_EQUAL(val.len, 0);
    /* A value without the versions' header is never current; nor is one set with version 0. */
    cache_set(cache, k, "uid 7", 5, 60);
    CU_ASSERT_FALSE(cache_get_current(cache, arena, k, ns, 2, again, &val));
    uint64_t none[2] = { 0, again[1] };
    cache_set_current(cache, arena, STR("current-0"), none, 2, "x", 1, 60);
    CU_ASSERT_FALSE(cache_get(cache, arena, STR("current-0"), &val));
}

static void test_namespaces_version_and_bump(void)
{
    fresh();
    uint64_t v1 = cache_ns_version(cache, "catalog");
    CU_ASSERT(v1 > 1000000000000000u); /* microseconds since the epoch */
    CU_ASSERT_EQUAL(cache_ns_version(cache, "catalog"), v1);
    char *k1 = cache_ns_key(cache, arena, "catalog", "product:42");
    char want[96];
    snprintf(want, sizeof want, "catalog:%llu:product:42", (unsigned long long)v1);
    CU_ASSERT_STRING_EQUAL(k1, want);
    cache_set(cache, str_from(k1), "old", 3, 60);
    CU_ASSERT_TRUE(
            get_eq(cache, str_from(cache_ns_key(cache, arena, "catalog", "product:42")), "old"));

    uint64_t bumps = cache_bump_count(cache);
    cache_ns_bump(cache, "catalog");
    CU_ASSERT_EQUAL(cache_bump_count(cache), bumps + 1); /* this process changed a version */
    CU_ASSERT_EQUAL(cache_ns_version(cache, "catalog"), v1 + 1);
    CU_ASSERT_STRING_EQUAL(cache_ns_key_at(arena, "catalog", v1 + 1, "product:42"),
                           cache_ns_key(cache, arena, "catalog", "product:42"));
    CU_ASSERT_PTR_NULL(cache_ns_key_at(arena, "catalog", 0, "product:42"));
    char *k2 = cache_ns_key(cache, arena, "catalog", "product:42");
    CU_ASSERT_STRING_NOT_EQUAL(k1, k2);
    struct str v;
    CU_ASSERT_FALSE(cache_get(cache, arena, str_from(k2), &v));
    /* Other namespaces are untouched. */
    uint64_t other = cache_ns_version(cache, "orders");
    cache_ns_bump(cache, "catalog");
    CU_ASSERT_EQUAL(cache_ns_version(cache, "orders"), other);

    /* A lost counter (evicted, memcached restarted) comes back above every old version. */
    cache_del(cache, STR("ns:catalog"));
    uint64_t v3 = cache_ns_version(cache, "catalog");
    CU_ASSERT(v3 > v1 + 2);
    cache_del(cache, STR("ns:catalog"));
    cache_ns_bump(cache, "catalog"); /* a bump of a lost counter recreates it */
    CU_ASSERT(cache_ns_version(cache, "catalog") > v3);
}

static void test_versioned_get_reads_value_and_versions_at_once(void)
{
    fresh();
    static const char *const ns[] = { "catalog", "orders", "never-used" };
    uint64_t vers[3];
    struct str v;
    cache_del(cache, STR("ns:never-used"));
    CU_ASSERT_FALSE(cache_get_versioned(cache, arena, STR("answer"), ns, 3, vers, &v));
    CU_ASSERT_PTR_NULL(v.ptr);
    CU_ASSERT_EQUAL(vers[0], cache_ns_version(cache, "catalog"));
    CU_ASSERT_EQUAL(vers[1], cache_ns_version(cache, "orders"));
    CU_ASSERT(vers[2] > 1000000000000000u); /* a missing counter is made */
    CU_ASSERT_EQUAL(vers[2], cache_ns_version(cache, "never-used"));
    cache_set(cache, STR("answer"), "forty-two", 9, 60);
    cache_ns_bump(cache, "orders");
    uint64_t again[3];
    CU_ASSERT_TRUE(cache_get_versioned(cache, arena, STR("answer"), ns, 3, again, &v));
    CU_ASSERT_EQUAL(v.len, 9);
    CU_ASSERT_STRING_EQUAL(v.ptr, "forty-two");
    CU_ASSERT_EQUAL(again[0], vers[0]);
    CU_ASSERT_EQUAL(again[1], vers[1] + 1);
    CU_ASSERT_EQUAL(again[2], vers[2]);
    /* A key that needs hashing works the same way; a disabled cache reads nothing. */
    cache_set(cache, STR("a key with spaces"), "x", 1, 60);
    CU_ASSERT_TRUE(cache_get_versioned(cache, arena, STR("a key with spaces"), ns, 1, vers, &v));
    CU_ASSERT_FALSE(cache_get_versioned(NULL, arena, STR("answer"), ns, 3, vers, &v));
    CU_ASSERT_EQUAL(vers[0], 0);
    /* Only the versions. */
    uint64_t only[3];
    CU_ASSERT_TRUE(cache_ns_versions(cache, ns, 3, only));
    CU_ASSERT_EQUAL(only[1], again[1]);
    CU_ASSERT_EQUAL(only[2], again[2]);
    cache_ns_bump(cache, "catalog");
    CU_ASSERT_TRUE(cache_ns_versions(cache, ns, 3, only));
    CU_ASSERT_EQUAL(only[0], again[0] + 1);
    CU_ASSERT_FALSE(cache_ns_versions(NULL, ns, 3, only));
}

static void test_unsafe_keys_are_safe(void)
{
    fresh();
    /* Keys the ASCII protocol cannot carry raw: space, CR LF injection, control and UTF-8
     * bytes, the hash marker, and keys longer than 250 bytes. */
    cache_set(cache, STR("victim"), "still here", 10, 60);
    struct str inject = STR("x 0 0 1\r\nflush_all\r\nset y");
    cache_set(cache, inject, "v1", 2, 60);
    CU_ASSERT_TRUE(get_eq(cache, inject, "v1"));
    CU_ASSERT_TRUE(get_eq(cache, STR("victim"), "still here"));

    cache_set(cache, STR("a b"), "space", 5, 60);
    cache_set(cache, STR("a_b"), "underscore", 10, 60);
    CU_ASSERT_TRUE(get_eq(cache, STR("a b"), "space"));
    CU_ASSERT_TRUE(get_eq(cache, STR("a_b"), "underscore"));

    cache_set(cache, STR("caf\xc3\xa9\t\x01"), "utf8", 4, 60);
    CU_ASSERT_TRUE(get_eq(cache, STR("caf\xc3\xa9\t\x01"), "utf8"));

    /* "#..." is hashed too, so it never collides with a hashed form of another key. */
    cache_set(cache, STR("#plain"), "marker", 6, 60);
    CU_ASSERT_TRUE(get_eq(cache, STR("#plain"), "marker"));

    char long1[1000];
    char long2[1000];
    memset(long1, 'k', sizeof long1);
    memcpy(long2, long1, sizeof long2);
    long2[sizeof long2 - 1] = 'j'; /* differs only in the last byte */
    struct str l1 = { long1, sizeof long1 };
    struct str l2 = { long2, sizeof long2 };
    cache_set(cache, l1, "one", 3, 60);
    cache_set(cache, l2, "two", 3, 60);
    CU_ASSERT_TRUE(get_eq(cache, l1, "one"));
    CU_ASSERT_TRUE(get_eq(cache, l2, "two"));
    uint64_t n;
    CU_ASSERT_TRUE(cache_incr(cache, l1, 1, 10, 60, &n) == false); /* "one" is not a number */
    CU_ASSERT_TRUE(cache_add(cache, STR("\n"), "nl", 2, 60));
    CU_ASSERT_TRUE(get_eq(cache, STR("\n"), "nl"));

    /* The empty key always misses and never stores. */
    struct str v;
    cache_set(cache, STR(""), "x", 1, 60);
    CU_ASSERT_FALSE(cache_get(cache, arena, STR(""), &v));
    CU_ASSERT_FALSE(cache_add(cache, STR(""), "x", 1, 60));
}

static void test_invalid_configuration_is_refused(void)
{
    struct config c;
    char err[256];
    struct cache *x = (struct cache *)&x;
    CU_ASSERT_EQUAL(cfg_load(&c, NULL, false, NULL, err, sizeof err), 0);
    CU_ASSERT_EQUAL(cfg_set(&c, "cache.servers", "--NO-SUCH-OPTION=1", err, sizeof err), 0);
    CU_ASSERT_EQUAL(cache_open(&x, &c), WM_EINVAL);
    CU_ASSERT_PTR_NULL(x);
    CU_ASSERT_EQUAL(cfg_set(&c, "cache.servers", "--SERVER=127.0.0.1:11211", err, sizeof err), 0);
    CU_ASSERT_EQUAL(cfg_set(&c, "cache.prefix", "bad prefix", err, sizeof err), 0);
    CU_ASSERT_EQUAL(cache_open(&x, &c), WM_EINVAL);
    cfg_release(&c);
}

/* A cache on cfg's settings with cache.servers replaced. */
static struct cache *open_with(struct config *c, const char *servers)
{
    char err[256];
    CU_ASSERT_EQUAL(cfg_load(c, NULL, false, NULL, err, sizeof err), 0);
    CU_ASSERT_EQUAL(cfg_set(c, "cache.servers", servers, err, sizeof err), 0);
    struct cache *x = NULL;
    CU_ASSERT_EQUAL(cache_open(&x, c), WM_OK);
    return x;
}

/* 100 rounds of every operation; all must miss or fail. */
static void hammer(struct cache *x)
{
    struct str v;
    uint64_t n;
    for (int k = 0; k < 100; k++) {
        CU_ASSERT_FALSE(cache_get(x, arena, STR("k"), &v));
        cache_set(x, STR("k"), "v", 1, 60);
        CU_ASSERT_FALSE(cache_add(x, STR("k"), "v", 1, 60));
        cache_del(x, STR("k"));
        CU_ASSERT_FALSE(cache_incr(x, STR("n"), 1, 1, 60, &n));
        CU_ASSERT_EQUAL(cache_ns_version(x, "catalog"), 0);
        CU_ASSERT_PTR_NULL(cache_ns_key(x, arena, "catalog", "k"));
        cache_ns_bump(x, "catalog");
    }
}

/* What must not pass for a miss on x: a take answers take_rc (nothing taken), a multi-get
 * says the answer is incomplete, an append is not stored. */
static void failures_are_not_misses(struct cache *x, int take_rc)
{
    struct str keys[] = { STR("a"), STR("b") };
    struct str vals[2];
    size_t hits = 7;
    CU_ASSERT_FALSE(cache_get_many(x, arena, keys, 2, vals, &hits));
    CU_ASSERT_EQUAL(hits, 0);
    CU_ASSERT_PTR_NULL(vals[0].ptr);
    struct str v;
    CU_ASSERT_EQUAL(cache_take(x, arena, STR("list"), 60, &v), take_rc);
    CU_ASSERT_PTR_NULL(v.ptr);
    CU_ASSERT_FALSE(cache_append(x, STR("list"), "1 ", 2, 60));
}

static void test_a_disabled_cache_always_misses(void)
{
    fresh();
    struct config c;
    struct cache *x = open_with(&c, "");
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    CU_ASSERT_FALSE(cache_enabled(x));
    hammer(x);
    failures_are_not_misses(x, WM_ENOTFOUND); /* nothing was ever there to take */
    CU_ASSERT_EQUAL(cache_status(x), WM_EUNAVAIL);
    cache_close(x);
    cfg_release(&c);
    /* A NULL handle (a program that opened no cache) behaves the same. */
    hammer(NULL);
    failures_are_not_misses(NULL, WM_ENOTFOUND);
    CU_ASSERT_FALSE(cache_enabled(NULL));
    CU_ASSERT_EQUAL(cache_status(NULL), WM_EUNAVAIL);
}

static void test_a_dead_server_misses_fast(void)
{
    fresh();
    struct config c;
    struct cache *x = open_with(&c, "--SOCKET=\"/nonexistent/memcached.sock\"");
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    CU_ASSERT_TRUE(cache_enabled(x));
    double t0 = now_ms();
    hammer(x); /* 800 calls */
    CU_ASSERT(now_ms() - t0 < 100);
    failures_are_not_misses(x, WM_EUNAVAIL);
    CU_ASSERT_EQUAL(cache_status(x), WM_EUNAVAIL);
    cache_close(x);
    cfg_release(&c);
}

/* A listening unix socket of this process at path (/tmp/wm-cache-<tag>-<pid>.sock, 108
 * bytes), nobody accepting yet; servers (160 bytes) gets the cache.servers naming it. */
static int listen_unix(const char *tag, char *path, char *servers)
{
    snprintf(path, 108, "/tmp/wm-cache-%s-%ld.sock", tag, (long)getpid());
    unlink(path);
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    snprintf(sa.sun_path, sizeof sa.sun_path, "%s", path);
    CU_ASSERT_FATAL(fd >= 0 && bind(fd, (struct sockaddr *)&sa, sizeof sa) == 0 &&
                    listen(fd, 16) == 0);
    snprintf(servers, 160, "--SOCKET=\"%s\"", path);
    return fd;
}

static void test_a_hung_server_costs_one_timeout_then_misses_fast(void)
{
    fresh();
    /* Accepts connections into its backlog, never answers. */
    char path[108], servers[160];
    int fd = listen_unix("hung", path, servers);
    struct config c;
    struct cache *x = open_with(&c, servers);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    double t0 = now_ms();
    hammer(x);
    /* One cache.timeout_ms (50 by default), then every call skips the cache. */
    CU_ASSERT(now_ms() - t0 < 50 + 150);
    failures_are_not_misses(x, WM_EUNAVAIL); /* paused */
    cache_close(x);
    cfg_release(&c);
    close(fd);
    unlink(path);
}

/*
 * A server that closes each connection once it has read a request: what a connection made
 * before a memcached restart meets on its next call. The call fails, and says so.
 */
static void test_a_dropped_connection_is_a_failure_not_a_miss(void)
{
    fresh();
    char path[108], servers[160];
    int fd = listen_unix("drop", path, servers);
    pid_t pid = fork();
    CU_ASSERT_FATAL(pid >= 0);
    if (pid == 0) {
        for (;;) {
            int conn = accept(fd, NULL, NULL);
            if (conn < 0) _exit(0);
            char buf[512];
            (void)read(conn, buf, sizeof buf);
            close(conn);
        }
    }
    struct config c;
    struct cache *x = open_with(&c, servers);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    struct str v;
    CU_ASSERT_EQUAL(cache_take(x, arena, STR("list"), 60, &v), WM_EUNAVAIL);
    CU_ASSERT_PTR_NULL(v.ptr);
    struct str keys[] = { STR("a") };
    struct str vals[1];
    CU_ASSERT_FALSE(cache_get_many(x, arena, keys, 1, vals, NULL));
    cache_close(x);
    cfg_release(&c);
    kill(pid, SIGTERM);
    waitpid(pid, NULL, 0);
    close(fd);
    unlink(path);
}

static void test_status_answers_for_a_live_server(void)
{
    CU_ASSERT_TRUE(cache_enabled(cache));
    CU_ASSERT_EQUAL(cache_status(cache), WM_OK);
}

/* clang-format off */
static CU_TestInfo tests[] = {
    { "set, get and del", test_set_get_del },
    { "values may be empty, binary or large", test_values_may_be_empty_or_binary },
    { "ttl expires", test_ttl_expires },
    { "add stores only when absent", test_add_stores_only_when_absent },
    { "incr creates with initial, then adds", test_incr_creates_with_initial_then_adds },
    { "decr subtracts and stops at zero", test_decr_subtracts_and_stops_at_zero },
    { "get_many matches each key", test_get_many_matches_each_key },
    { "append creates, then adds; take empties", test_append_creates_then_adds_and_take_empties },
    { "take loses nothing another process appends",
      test_take_loses_nothing_another_process_appends },
    { "a current value is retired by a bump", test_a_current_value_is_retired_by_a_bump },
    { "namespaces: version, key and bump", test_namespaces_version_and_bump },
    { "a versioned get reads the value and the versions at once",
      test_versioned_get_reads_value_and_versions_at_once },
    { "keys with spaces, newlines, UTF-8 or over 250 bytes are safe",
      test_unsafe_keys_are_safe },
    { "an invalid configuration is refused", test_invalid_configuration_is_refused },
    { "a disabled cache always misses", test_a_disabled_cache_always_misses },
    { "a dead server misses fast", test_a_dead_server_misses_fast },
    { "a hung server costs one timeout, then misses fast",
      test_a_hung_server_costs_one_timeout_then_misses_fast },
    { "a dropped connection is a failure, not a miss",
      test_a_dropped_connection_is_a_failure_not_a_miss },
    { "status answers for a live server", test_status_answers_for_a_live_server },
    CU_TEST_INFO_NULL,
};
/* clang-format on */

SUITE_INFO(cache_cache, "cache/cache", suite_init, suite_clean, tests);
