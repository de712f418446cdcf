/*
 * ctx.h: the per-request context every layer receives first. It lives in the request arena
 * and is rebuilt for each request; nothing in it survives arena_reset(). The process-wide
 * pieces (config, database and cache handles) are reached through pointers to structs that
 * outlive the request. wm_errorf() records the detail of the error a function returns.
 */
#ifndef WM_CORE_CTX_H
#define WM_CORE_CTX_H

#include <stdarg.h>

struct arena;
struct config;
struct db;
struct cache;
struct api;
struct jwt_keys;
struct viewer;
struct wm_memo;

struct wm_error {
    int code;      /* WM_E* or WM_OK */
    char *message; /* arena string; NULL when no detail was given */
};

struct wm_ctx {
    struct arena *arena;         /* the request arena */
    const struct config *config; /* process config (read only) */
    struct db *db;               /* the worker's MariaDB connection (opened lazily) */
    struct cache *cache;         /* the worker's memcached handle */
    struct api *api;             /* the GraphQL surface: schema, document cache (src/api) */
    const char *req_id;          /* short id for logs and internal-error replies */
    struct wm_error err;         /* the last error recorded with wm_errorf() */
    void *user;                  /* owned by the surface (http request, job ...) */
    const struct jwt_keys *jwt;  /* the process's access-token keys (NULL: none loaded) */
    struct viewer *viewer;       /* who is calling (market/accounts), NULL until checked */
    const char *cookie_key;      /* the key of browser cookies (CSRF tokens), NULL: none */
    const char *client_ip;       /* the caller's address as the surface saw it, or NULL */
    const char *user_agent;      /* the caller's User-Agent header, or NULL */
    const char *cart_token;      /* a signed-out browser's anonymous cart token, set by the web
                                    pages only (market/cart); NULL: none (every API call) */
    /* Set by a module whose writes need a follow-up once they are durable (the job outbox
     * wakes the worker); the surface that owns the transaction calls it after a successful
     * commit, then clears it. */
    void (*after_commit)(struct wm_ctx *ctx);
    /* Search (market/search): the engine a test asked for ("mariadb" or "searchd", from the
     * X-Search-Engine header with http.debug_routes on; NULL: the configured one), and the
     * name of the engine that answered this request's last search (NULL: none ran). */
    const char *search_engine;
    const char *search_used;
    struct wm_memo *memo; /* values a module keeps for the rest of the request (wm_memo_*) */
};

/*
 * Record err with a printf-style message in ctx->err (arena string) and return err, so that
 * `return wm_errorf(ctx, WM_EINVAL, "quantity must be between 1 and %d", max);` reads as git's
 * `return error(...)`. Message style: lowercase, no full stop, subject quoted.
 */
int wm_errorf(struct wm_ctx *ctx, int err, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
int wm_verrorf(struct wm_ctx *ctx, int err, const char *fmt, va_list ap)
        __attribute__((format(printf, 3, 0)));

/* The message to show a client: ctx->err.message, or the code's default; for internal codes
 * always "internal error (request <id>)" so no detail leaks. Arena string. */
const char *wm_client_message(struct wm_ctx *ctx, int err);

/* Forget the recorded error. */
void wm_clear_error(struct wm_ctx *ctx);

/*
 * A per-request memo, so a field resolved once per object (e.g. Product.userLiked on a page of
 * products) reads its data once per request: wm_memo_set() keeps value (arena memory, or
 * anything outliving the request) under key (a string the module owns, e.g. "wishlist.liked")
 * until the next arena_reset() of ctx->arena; a later set of the same key wins. wm_memo_get()
 * returns it, or NULL when nothing was kept.
 */
void *wm_memo_get(const struct wm_ctx *ctx, const char *key);
void wm_memo_set(struct wm_ctx *ctx, const char *key, void *value);

#endif
