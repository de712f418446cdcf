/*
 * test_server.c: the dispatcher (src/web/server.c) end to end in memory: a request in CGI
 * variables through parse, route, handler and send, read back as the exact CGI response.
 * Uses a database handle that cannot connect (a socket path that does not exist), so the
 * health check's 503 path is tested without touching the test database.
 */
#include "web/web.h"

#include <stdlib.h>
#include <string.h>

#include "cache/cache.h"
#include "core/arena.h"
#include "core/config.h"
#include "db/db.h"
#include "test.h"

extern char **environ;

static struct config cfg;
static struct web_app app;
static struct arena *arena;

static int suite_init(void)
{
    char err[256];
    char sock[] = "MARKET_DB_SOCKET=/nonexistent/wm-test.sock";
    char *const env[] = { sock, NULL };
    if (cfg_load(&cfg, NULL, false, env, err, sizeof(err)) != 0) return 1;
    app.config = &cfg;
    http_limits_init(&app.limits, &cfg);
    if (db_open(&app.db, &cfg) != 0 || cache_open(&app.cache, &cfg) != 0) return 1;
    arena = arena_new(0);
    return 0;
}

static int suite_clean(void)
{
    arena_free(arena);
    cache_close(app.cache);
    db_close(app.db);
    cfg_release(&cfg);
    return 0;
}

/* Serve one request given as CGI variables (and an optional body); the response text. */
static const char *serve(const char *const *vars, const char *body)
{
    size_t n = 0;
    while (vars[n])
        n++;
    char **env = ARENA_ARRAY(arena, char *, n + 1);
    for (size_t i = 0; i < n; i++)
        env[i] = arena_strdup(arena, vars[i]);
    struct buf *out = ARENA_NEW(arena, struct buf);
    buf_init(out, NULL, 0);
    struct http_io io;
    http_io_mem(&io, env, body, body ? strlen(body) : 0, out);
    struct arena *req_arena = arena_new(0);
    web_serve(&app, &io, req_arena);
    arena_free(req_arena);
    const char *text = arena_strndup(arena, out->ptr, out->len);
    buf_release(out);
    return text;
}

#define VARS(...) ((const char *const[]){ __VA_ARGS__, NULL })

static void health_answers_503_json_when_the_database_is_unreachable(void)
{
    const char *r = serve(VARS("REQUEST_METHOD=GET", "REQUEST_URI=/healthz"), NULL);
    CU_ASSERT_TRUE(strncmp(r, "Status: 503 Service Unavailable\r\n", 33) == 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(r, "Content-Type: application/json; charset=utf-8\r\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r, "Retry-After: 5\r\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r, "\r\n\r\n{\"status\":\"unavailable\",\"database\":"
                                     "{\"status\":\"down\","));
    CU_ASSERT_PTR_NOT_NULL(strstr(r, "\"cache\":{\"status\":\"disabled\","));
    CU_ASSERT_PTR_NOT_NULL(strstr(r, "\"schema_version\":null}"));
    arena_reset(arena);
}

static void unknown_paths_are_404_in_the_clients_format(void)
{
    const char *r = serve(VARS("REQUEST_METHOD=GET", "REQUEST_URI=/nope"), NULL);
    CU_ASSERT_TRUE(strncmp(r, "Status: 404 Not Found\r\n", 23) == 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(r, "Content-Type: text/html; charset=utf-8\r\n"));
    r = serve(VARS("REQUEST_METHOD=GET", "REQUEST_URI=/nope", "HTTP_ACCEPT=application/json"),
              NULL);
    CU_ASSERT_PTR_NOT_NULL(strstr(r, "{\"errors\":[{\"message\":\"not found\","
                                     "\"extensions\":{\"code\":\"NOT_FOUND\"}}]}"));
    arena_reset(arena);
}

static void errors_on_api_routes_are_json_whatever_the_accept_header(void)
{
    /* A body over the limit on /debug/request (a ROUTE_JSON row): 413 as JSON. */
    const char *r = serve(VARS("REQUEST_METHOD=POST", "REQUEST_URI=/debug/request",
                               "HTTP_ACCEPT=text/html", "CONTENT_LENGTH=99999999999"),
                          NULL);
    CU_ASSERT_TRUE(strncmp(r, "Status: 413 ", 12) == 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(r, "\"code\":\"PAYLOAD_TOO_LARGE\""));
    arena_reset(arena);
}

static void a_wrong_method_gets_405_and_allow(void)
{
    const char *r = serve(VARS("REQUEST_METHOD=DELETE", "REQUEST_URI=/healthz"), NULL);
    CU_ASSERT_TRUE(strncmp(r, "Status: 405 Method Not Allowed\r\n", 32) == 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(r, "Allow: GET, HEAD\r\n"));
    arena_reset(arena);
}

static void the_debug_route_is_off_by_default_and_echoes_when_on(void)
{
    const char *r = serve(VARS("REQUEST_METHOD=GET", "REQUEST_URI=/debug/request"), NULL);
    CU_ASSERT_TRUE(strncmp(r, "Status: 404 ", 12) == 0);
    cfg.http_debug_routes = true;
    r = serve(VARS("REQUEST_METHOD=POST", "REQUEST_URI=/debug/request?q=1",
                   "CONTENT_TYPE=application/x-www-form-urlencoded", "CONTENT_LENGTH=7",
                   "HTTP_AUTHORIZATION=Bearer secret"),
              "a=b%20c");
    cfg.http_debug_routes = false;
    CU_ASSERT_TRUE(strncmp(r, "Status: 200 OK\r\n", 16) == 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(r, "\"query\":[[\"q\",\"1\"]],\"form\":[[\"a\",\"b c\"]]"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r, "[\"Authorization\",\"***\"]"));
    CU_ASSERT_PTR_NULL(strstr(r, "secret"));
    arena_reset(arena);
}

static void a_malformed_request_still_gets_a_complete_reply(void)
{
    const char *r = serve(VARS("REQUEST_METHOD=GET", "REQUEST_URI=/a/../etc/passwd"), NULL);
    CU_ASSERT_TRUE(strncmp(r, "Status: 400 Bad Request\r\n", 25) == 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(r, "X-Request-Id: "));
    CU_ASSERT_PTR_NOT_NULL(strstr(r, "X-Frame-Options: DENY\r\n"));
    r = serve(VARS("REQUEST_URI=/healthz"), NULL); /* no method at all */
    CU_ASSERT_TRUE(strncmp(r, "Status: 400 Bad Request\r\n", 25) == 0);
    arena_reset(arena);
}

static CU_TestInfo tests[] = {
    { "health answers 503 JSON when the database is unreachable",
      health_answers_503_json_when_the_database_is_unreachable },
    { "unknown paths are 404 in the client's format", unknown_paths_are_404_in_the_clients_format },
    { "errors on API routes are JSON whatever the Accept header",
      errors_on_api_routes_are_json_whatever_the_accept_header },
    { "a wrong method gets 405 and Allow", a_wrong_method_gets_405_and_allow },
    { "the debug route is off by default and echoes when on",
      the_debug_route_is_off_by_default_and_echoes_when_on },
    { "a malformed request still gets a complete reply",
      a_malformed_request_still_gets_a_complete_reply },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(web_server, "web/server", suite_init, suite_clean, tests);
