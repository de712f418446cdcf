/*
 * cache.h: the memcached layer (libmemcached). One struct cache per worker. The cache is never
 * the truth (DESIGN §1): every failure, timeout or unreachable server is a miss for reads and
 * a silent no-op for writes, logged at most once per CACHE_WARN_INTERVAL seconds, so callers
 * never handle cache errors. A dead memcached (refused, no socket) costs microseconds per call;
 * a hung one (accepts, never answers) costs one cache.timeout_ms, after which every call misses
 * at once for 2 s (all servers of the handle), then one call tries again.
 *
 * Keys are logical keys: the layer prepends cache.prefix. Any byte string is a valid key: a
 * key with bytes outside [!-~] (space, control characters, UTF-8), a key starting with '#', or
 * one that would exceed memcached's 250 bytes is replaced by '#' + SHA-256 hex of it, so keys
 * can carry user input without protocol injection. An empty key is always a miss / no-op.
 * Logical keys starting with "ns:" are reserved for namespace counters.
 *
 * Every function accepts a NULL handle and behaves as for a disabled cache.
 *
 * Invalidation is by versioned namespaces: read through cache_ns_key(c, a, "catalog", key),
 * and after a write to the truth call cache_ns_bump(c, "catalog"); old entries are never
 * enumerated, they just stop being read and expire.
 */
#ifndef WM_CACHE_CACHE_H
#define WM_CACHE_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

struct arena;
struct config;
struct cache;

/* Seconds between two warnings about a failing cache (the ones between are counted). */
#define CACHE_WARN_INTERVAL 10

/* Longest TTL: memcached reads larger values as absolute Unix times, so TTLs are clamped. */
#define CACHE_TTL_MAX (30 * 24 * 3600)

/*
 * Create the worker's handle from cfg: cache.servers (a libmemcached configuration string such
 * as `--SOCKET="/run/mc.sock"` or `--SERVER=127.0.0.1:11211`; empty disables the cache, so every
 * get misses), cache.prefix (at most 64 bytes in [!-~]) and cache.timeout_ms (connect and poll
 * timeout, which overrides any timeout in the string). Does not connect. Returns WM_OK, or
 * WM_EINVAL for an invalid string or prefix (the reason is logged); *out is NULL then. Heap
 * object for the process lifetime; release with cache_close().
 */
int cache_open(struct cache **out, const struct config *cfg);

/* Free the handle and its connections. NULL is a no-op. */
void cache_close(struct cache *c);

/* False when cache.servers is empty (every call is then a miss or a no-op). */
bool cache_enabled(const struct cache *c);

/*
 * Look key up. On a hit stores the value in *val (an arena copy, NUL-terminated for
 * convenience, valid until the arena is reset) and returns true; on a miss or any error returns
 * false and sets *val to {NULL, 0}.
 */
bool cache_get(struct cache *c, struct arena *a, struct str key, struct str *val);

/* Store len bytes at val under key for ttl seconds (0 = no expiry; clamped to CACHE_TTL_MAX).
 * Best effort: failures are only logged (rate-limited). */
void cache_set(struct cache *c, struct str key, const void *val, size_t len, unsigned ttl);

/* Store only if key is absent (for "once" markers and short locks). True when this call stored
 * it; false when the key exists or on any error, so a caller that must act once has to decide
 * what a down cache means (cache_status()). */
bool cache_add(struct cache *c, struct str key, const void *val, size_t len, unsigned ttl);

/* Remove key. Best effort. */
void cache_del(struct cache *c, struct str key);

/*
 * Add delta to the decimal counter at key; when the key is absent create it with the value
 * initial (delta not added) and expiry ttl, e.g. a rate limit: cache_incr(c, k, 1, 1, 60, &n).
 * The ttl of an existing counter is not extended (fixed windows). True with *out set to the new
 * value; false on any error (*out = 0): callers of rate limits treat that as "not limited".
 */
bool cache_incr(struct cache *c, struct str key, uint64_t delta, uint64_t initial, unsigned ttl,
                uint64_t *out);

/* Subtract delta from the counter at key (memcached stops at 0 and keeps the expiry). True with
 * the new value in *out; false when the key is absent or on any error (*out = 0). */
bool cache_decr(struct cache *c, struct str key, uint64_t delta, uint64_t *out);

/*
 * Append len bytes at val to key's value, creating it with expiry ttl when absent: a list that
 * many workers add to and one takes (cache_take()). True when stored; false on any error, and
 * when the value would outgrow the server's item size (1 MB unless memcached -I says more).
 */
bool cache_append(struct cache *c, struct str key, const void *val, size_t len, unsigned ttl);

/*
 * Read key's value into *val (arena) and leave it empty (expiry ttl), atomically against
 * cache_append() and cache_take() of other workers (memcached gets and cas, retried while
 * someone appends in between): every appended byte is taken by exactly one caller. WM_OK when
 * taken (an empty value is taken too); WM_ENOTFOUND when absent or the cache is disabled;
 * WM_EUNAVAIL when memcached failed (a broken connection, a restart, a timeout) and
 * WM_ECONFLICT when others appended between every read and its cas (20 tries): nothing was
 * taken, and a caller that must not lose the value tries again later.
 */
int cache_take(struct cache *c, struct arena *a, struct str key, unsigned ttl, struct str *val);

/*
 * cache_get() of keys[0..n-1] in one round trip (memcached multi-get): vals[i] is the value of
 * keys[i] (arena copy) or {NULL, 0} when missed. *hits (may be NULL): how many were found.
 * False when memcached did not answer for every key (failed, disabled or paused): a missing
 * value then is not a miss.
 */
bool cache_get_many(struct cache *c, struct arena *a, const struct str *keys, size_t n,
                    struct str *vals, size_t *hits);

/*
 * The current version of namespace ns (a short code constant such as "catalog"), kept in the
 * counter key "ns:<ns>". A missing counter is created with the current time in microseconds,
 * so a counter evicted or lost in a restart never comes back with a version already used.
 * Returns 0 when the version cannot be read (cache disabled or down).
 */
uint64_t cache_ns_version(struct cache *c, const char *ns);

/* Invalidate everything stored under ns: the next cache_ns_key() uses a new version. */
void cache_ns_bump(struct cache *c, const char *ns);

/* How many cache_ns_bump() calls this handle has made: whoever keeps versions read earlier in
 * a request can tell that this process has changed one since. */
uint64_t cache_bump_count(const struct cache *c);

/*
 * The logical key "<ns>:<version>:<key>" (arena string) to pass to cache_get()/cache_set() (the
 * prefix is added there, like for any key). NULL when the version cannot be read; str_from(NULL)
 * is the empty key, which misses, so `cache_get(c, a, str_from(cache_ns_key(...)), &v)` is safe.
 */
char *cache_ns_key(struct cache *c, struct arena *a, const char *ns, const char *key);

/* cache_ns_key() for a version already read (cache_ns_version()); NULL when version is 0. */
char *cache_ns_key_at(struct arena *a, const char *ns, uint64_t version, const char *key);

/* Most namespaces one cache_get_versioned() reads. */
#define CACHE_VERSIONED_MAX 8

/*
 * cache_get() of key plus the current version of each namespace ns[0..nns-1] into versions[i],
 * in one round trip (memcached multi-get): for a value stored together with the versions it
 * was built under, which is stale when any of them moved on. A namespace whose counter is
 * missing is created as cache_ns_version() does (a second round trip, rare). versions[i] is 0
 * when it cannot be read (cache disabled or down): the caller must then neither trust nor
 * store the value. More than CACHE_VERSIONED_MAX namespaces: a miss.
 */
bool cache_get_versioned(struct cache *c, struct arena *a, struct str key, const char *const *ns,
                         size_t nns, uint64_t *versions, struct str *val);

/*
 * A value kept together with the versions of the namespaces it was built under, read in one
 * round trip: cache_get_current() is true with *val (arena) only when it was stored under the
 * current version of every namespace (a bump retires it at once); versions[] gets the current
 * versions either way (0 when they cannot be read), for cache_set_current() to store a value
 * built now. cache_set_current() stores nothing when a version is 0.
 */
bool cache_get_current(struct cache *c, struct arena *a, struct str key, const char *const *ns,
                       size_t nns, uint64_t *versions, struct str *val);
void cache_set_current(struct cache *c, struct arena *a, struct str key, const uint64_t *versions,
                       size_t nns, const void *val, size_t len, unsigned ttl);

/*
 * The current versions of namespaces ns[0..nns-1] in one round trip (cache_get_versioned()
 * without a value), for a key that must change when any of them moves on. True when all were
 * read; false (some versions[i] 0) when the cache is disabled or down.
 */
bool cache_ns_versions(struct cache *c, const char *const *ns, size_t nns, uint64_t *versions);

/* WM_OK when every configured server answers now, WM_EUNAVAIL otherwise or when the cache is
 * disabled (tell the two apart with cache_enabled()). One round trip per server; for /healthz. */
int cache_status(struct cache *c);

#endif
