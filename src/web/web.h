/*
 * web.h: the request surface of the FastCGI worker. web_serve() turns one request read from
 * an http_io into one response: parse, route through THE route table (routes.c), run the
 * handler (in a transaction for ROUTE_TX routes), reply errors in the client's format (JSON,
 * or an HTML page in the site's layout and the browser's language), send,
 * and log one access line. Nothing allocated here outlives the request arena.
 */
#ifndef WM_WEB_WEB_H
#define WM_WEB_WEB_H

#include <stddef.h>

#include "http/http.h"

struct api;
struct arena;
struct cache;
struct config;
struct db;
struct jwt_keys;

/* What a worker process holds across requests; built once in main. */
struct web_app {
    const struct config *config; /* process config */
    struct db *db;               /* the worker's MariaDB connection (lazy) */
    struct cache *cache;         /* the worker's memcached handle */
    struct api *api;             /* the GraphQL surface (schema, document cache) */
    const struct jwt_keys *jwt;  /* access-token keys (auth.*), loaded at start-up */
    const char *cookie_key;      /* the key of browser cookies (<secrets>/cookie.key) */
    struct http_limits limits;   /* request limits from the config */
};

/* Serve one request from io using arena a for everything it allocates. The caller resets a
 * afterwards. Never fails: every error becomes a response. */
void web_serve(struct web_app *app, struct http_io *io, struct arena *a);

/* THE route table (routes.c) and its length. */
extern const struct route web_routes[];
extern const size_t web_routes_count;

/* Handlers (one file each under src/web/). */
http_handler_fn web_healthz;
http_handler_fn web_debug_request;
http_handler_fn web_upload_image;

/* The error reply of POST /api/upload-image/ (upload.c): {"success": false, "image_url": null,
 * "message"} with wm_http_status(err), replacing whatever res held. */
void web_upload_reply_error(struct wm_ctx *ctx, struct http_response *res, int err);

#endif
