/*
 * server.c: the dispatcher (web.h). One request: parse the head, route, read the body, run
 * the handler under the route's flags, turn any error into a reply in the client's format,
 * send with the security headers, and log one access line with the request id, latency and
 * status. Internal errors are logged with their detail and answered without it.
 */
#include "web/web.h"

#include <time.h>

#include "core/clock.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/log.h"
#include "db/db.h"
#include "web/render.h"

/* Run the handler, inside a transaction when the route asks for one. */
static int run_handler(struct wm_ctx *ctx, const struct route *route, struct http_request *req,
                       struct http_response *res)
{
    if (!(route->flags & ROUTE_TX)) return route->handler(ctx, req, res);
    int rc = db_begin(ctx);
    if (rc != WM_OK) return rc;
    rc = route->handler(ctx, req, res);
    if (rc == WM_OK) return db_commit(ctx);
    int saved = ctx->err.code;
    char *msg = ctx->err.message;
    db_rollback(ctx);
    ctx->err.code = saved;
    ctx->err.message = msg;
    return rc;
}

/* Multipart overhead allowed over media.max_bytes on ROUTE_UPLOAD routes (boundaries, part
 * headers, the GraphQL operations and map fields). */
#define UPLOAD_OVERHEAD ((size_t)256 * 1024)

static int dispatch(struct wm_ctx *ctx, struct web_app *app, struct http_io *io,
                    struct http_request *req, struct http_response *res,
                    const struct route **matched)
{
    const struct route *route = NULL;
    int rc = http_route(web_routes, web_routes_count, req, &route);
    if (rc != WM_OK) return rc;
    *matched = route;
    if (route->flags & ROUTE_JSON) req->json_errors = true;
    struct http_limits lim = app->limits;
    if (route->flags & ROUTE_UPLOAD) {
        size_t upload = (size_t)ctx->config->media_max_bytes + UPLOAD_OVERHEAD;
        if (upload > lim.max_body) lim.max_body = upload;
    }
    rc = http_request_read_body(ctx, req, io, &lim);
    if (rc != WM_OK) return rc;
    return run_handler(ctx, route, req, res);
}

void web_serve(struct web_app *app, struct http_io *io, struct arena *a)
{
    double t0 = clock_s() * 1e3;
    struct wm_ctx *ctx = ARENA_NEW(a, struct wm_ctx);
    ctx->arena = a;
    ctx->config = app->config;
    ctx->db = app->db;
    ctx->cache = app->cache;
    ctx->api = app->api;
    ctx->jwt = app->jwt;
    ctx->cookie_key = app->cookie_key;

    struct http_request *req = NULL;
    struct http_response *res = http_response_new(a);
    int rc = http_request_parse(ctx, io, &app->limits, &req);
    log_set_request(req->id);
    const struct route *route = NULL;
    if (rc == WM_OK) rc = dispatch(ctx, app, io, req, res, &route);
    if (rc != WM_OK) {
        if (wm_err_is_internal(rc))
            log_error("%s: %s", wm_err_name(rc), ctx->err.message ? ctx->err.message : "-");
        else if (rc == WM_EUNAVAIL)
            log_warn("unavailable: %s", ctx->err.message ? ctx->err.message : "-");
        if (route && route->handler == web_upload_image)
            web_upload_reply_error(ctx, res, rc);
        else
            render_error(ctx, req, res, rc);
    }
    if (http_send(io, req, res) != WM_OK) log_info("client went away before the reply was sent");
    http_log_request(req, res->status, clock_s() * 1e3 - t0, io->bytes_written);
    log_set_request(NULL);
}
