/*
 * test_response.c: unit tests for src/http/response.c. Responses are written to a memory io
 * and compared byte for byte: the CGI head, the security headers and when they may be
 * overridden, bodies for HEAD/204/304, header injection, the error replies in JSON and HTML,
 * and the access log line (stderr is captured through a pipe).
 */
#include "http/http.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/log.h"
#include "test.h"

struct fx {
    struct arena *a;
    struct wm_ctx ctx;
    struct http_limits lim;
    struct http_io io;
    struct buf out;
    struct http_request *req;
    struct http_response *res;
};

#define ENV(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* A fixture whose request was parsed from vars (it must parse). */
static void fx_init(struct fx *f, const char *const *vars)
{
    memset(f, 0, sizeof(*f));
    f->a = arena_new(0);
    f->ctx.arena = f->a;
    http_limits_init(&f->lim, NULL);
    buf_init(&f->out, f->a, 0);
    size_t n = 0;
    while (vars[n])
        n++;
    char **env = ARENA_ARRAY(f->a, char *, n + 1);
    for (size_t i = 0; i < n; i++)
        env[i] = arena_strdup(f->a, vars[i]);
    http_io_mem(&f->io, env, NULL, 0, &f->out);
    CU_ASSERT_EQUAL_FATAL(http_request_parse(&f->ctx, &f->io, &f->lim, &f->req), WM_OK);
    f->res = http_response_new(f->a);
}

static void fx_free(struct fx *f)
{
    arena_free(f->a);
}

#define GET_ENV ENV("REQUEST_METHOD=GET", "REQUEST_URI=/x", "HTTP_X_REQUEST_ID=rid-1")

/* The body of the written response. */
static const char *body_of(const struct fx *f)
{
    const char *end = strstr(f->out.ptr, "\r\n\r\n");
    return end ? end + 4 : "";
}

/* How many header lines start with "name:". */
static int count_header(const struct fx *f, const char *name)
{
    char *needle = arena_printf(f->a, "\r\n%s:", name);
    int n = 0;
    for (const char *p = f->out.ptr; (p = strstr(p, needle)) != NULL; p++)
        n++;
    return n;
}

#define SECURITY_HEADERS                                                                     \
    "X-Content-Type-Options: nosniff\r\n"                                                    \
    "X-Frame-Options: DENY\r\n"                                                              \
    "Referrer-Policy: strict-origin-when-cross-origin\r\n"                                   \
    "Content-Security-Policy: default-src 'self'; frame-ancestors 'none'; base-uri 'self'; " \
    "form-action 'self'\r\n"                                                                 \
    "Cross-Origin-Opener-Policy: same-origin\r\n"                                            \
    "Permissions-Policy: camera=(), microphone=(), geolocation=()\r\n"

static void test_send_writes_the_exact_cgi_response(void)
{
    struct fx f;
    fx_init(&f, GET_ENV);
    http_set_header(f.res, "Content-Type", "text/plain; charset=utf-8");
    buf_appends(&f.res->body, "hello");
    CU_ASSERT_EQUAL(http_send(&f.io, f.req, f.res), WM_OK);
    CU_ASSERT_STRING_EQUAL(f.out.ptr, "Status: 200 OK\r\n"
                                      "Content-Type: text/plain; charset=utf-8\r\n" SECURITY_HEADERS
                                      "X-Request-Id: rid-1\r\n"
                                      "Content-Length: 5\r\n"
                                      "\r\n"
                                      "hello");
    CU_ASSERT_EQUAL(f.io.bytes_written, f.out.len);
    fx_free(&f);
}

static void test_hsts_only_over_https(void)
{
    struct fx f;
    fx_init(&f, GET_ENV);
    CU_ASSERT_EQUAL(http_send(&f.io, f.req, f.res), WM_OK);
    CU_ASSERT_EQUAL(count_header(&f, "Strict-Transport-Security"), 0);
    fx_free(&f);
    fx_init(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/", "HTTPS=on"));
    CU_ASSERT_EQUAL(http_send(&f.io, f.req, f.res), WM_OK);
    CU_ASSERT_PTR_NOT_NULL(
            strstr(f.out.ptr, "\r\nStrict-Transport-Security: max-age=31536000; includeSubDomains"
                              "\r\n"));
    fx_free(&f);
}

static void test_handler_headers_override_security_defaults(void)
{
    struct fx f;
    fx_init(&f, GET_ENV);
    http_set_header(f.res, "content-security-policy", "default-src 'self' https://cdn.example");
    http_set_header(f.res, "X-Frame-Options", "SAMEORIGIN");
    http_set_header(f.res, "X-Request-Id", "mine");
    CU_ASSERT_EQUAL(http_send(&f.io, f.req, f.res), WM_OK);
    CU_ASSERT_EQUAL(count_header(&f, "Content-Security-Policy"), 0);
    CU_ASSERT_EQUAL(count_header(&f, "content-security-policy"), 1);
    CU_ASSERT_EQUAL(count_header(&f, "X-Frame-Options"), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(f.out.ptr, "X-Frame-Options: SAMEORIGIN\r\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(f.out.ptr, "X-Request-Id: mine\r\n"));
    CU_ASSERT_EQUAL(count_header(&f, "X-Content-Type-Options"), 1);
    fx_free(&f);
}

static void test_head_gets_headers_and_length_but_no_body(void)
{
    struct fx f;
    fx_init(&f, ENV("REQUEST_METHOD=HEAD", "REQUEST_URI=/"));
    http_set_html(f.res, 200);
    buf_appends(&f.res->body, "<p>page</p>");
    CU_ASSERT_EQUAL(http_send(&f.io, f.req, f.res), WM_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(f.out.ptr, "\r\nContent-Length: 11\r\n"));
    CU_ASSERT_STRING_EQUAL(body_of(&f), "");
    fx_free(&f);
}

static void test_no_body_for_204_and_304(void)
{
    const int codes[] = { 204, 304 };
    for (size_t i = 0; i < 2; i++) {
        struct fx f;
        fx_init(&f, GET_ENV);
        f.res->status = codes[i];
        http_set_header(f.res, "Content-Length", "99");
        buf_appends(&f.res->body, "should not be sent");
        CU_ASSERT_EQUAL(http_send(&f.io, f.req, f.res), WM_OK);
        CU_ASSERT_EQUAL(count_header(&f, "Content-Length"), 0);
        CU_ASSERT_EQUAL(count_header(&f, "Content-Type"), 0);
        CU_ASSERT_STRING_EQUAL(body_of(&f), "");
        CU_ASSERT_NSTRING_EQUAL(f.out.ptr,
                                codes[i] == 204 ? "Status: 204 No Content\r\n"
                                                : "Status: 304 Not Modified\r\n",
                                24);
        fx_free(&f);
    }
}

static void test_content_length_is_computed_and_type_defaulted(void)
{
    struct fx f;
    fx_init(&f, GET_ENV);
    http_set_header(f.res, "Content-Length", "1");
    buf_appends(&f.res->body, "0123456789");
    CU_ASSERT_EQUAL(http_send(&f.io, f.req, f.res), WM_OK);
    CU_ASSERT_EQUAL(count_header(&f, "Content-Length"), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(f.out.ptr, "\r\nContent-Length: 10\r\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(f.out.ptr, "\r\nContent-Type: text/plain; charset=utf-8\r\n"));
    CU_ASSERT_STRING_EQUAL(body_of(&f), "0123456789");
    fx_free(&f);
}

static void test_send_without_a_request(void)
{
    struct fx f;
    fx_init(&f, GET_ENV);
    buf_appends(&f.res->body, "x");
    CU_ASSERT_EQUAL(http_send(&f.io, NULL, f.res), WM_OK);
    CU_ASSERT_EQUAL(count_header(&f, "X-Request-Id"), 0);
    CU_ASSERT_EQUAL(count_header(&f, "X-Frame-Options"), 1);
    CU_ASSERT_STRING_EQUAL(body_of(&f), "x");
    fx_free(&f);
}

static int failing_write(struct http_io *io, const void *p, size_t n)
{
    (void)io;
    (void)p;
    (void)n;
    return -1;
}

static void test_send_reports_a_vanished_client(void)
{
    struct fx f;
    fx_init(&f, GET_ENV);
    f.io.write = failing_write;
    CU_ASSERT_EQUAL(http_send(&f.io, f.req, f.res), WM_EINTERNAL);
    CU_ASSERT_EQUAL(f.io.bytes_written, 0);
    fx_free(&f);
}

/* ---- headers ------------------------------------------------------------------------------- */

static void test_set_replaces_add_appends_unset_removes(void)
{
    struct fx f;
    fx_init(&f, GET_ENV);
    http_add_header(f.res, "Vary", "Accept");
    http_add_header(f.res, "Vary", "Cookie");
    CU_ASSERT_EQUAL(f.res->nheaders, 2);
    CU_ASSERT_STRING_EQUAL(http_response_header(f.res, "vary"), "Accept");
    http_set_header(f.res, "VARY", "Origin");
    CU_ASSERT_EQUAL(f.res->nheaders, 1);
    CU_ASSERT_STRING_EQUAL(http_response_header(f.res, "Vary"), "Origin");
    http_unset_header(f.res, "vary");
    CU_ASSERT_EQUAL(f.res->nheaders, 0);
    CU_ASSERT_PTR_NULL(http_response_header(f.res, "Vary"));
    for (int i = 0; i < 40; i++)
        http_add_header(f.res, "X-Many", "v");
    CU_ASSERT_EQUAL(f.res->nheaders, 40);
    fx_free(&f);
}

static void test_header_values_cannot_split_the_response(void)
{
    struct fx f;
    fx_init(&f, GET_ENV);
    http_set_header(f.res, "X-Echo", "a\r\nSet-Cookie: sid=evil\r\n\r\n<script>");
    http_redirect(f.res, 303, "/next\nLocation: https://evil.example");
    CU_ASSERT_STRING_EQUAL(http_response_header(f.res, "X-Echo"),
                           "a  Set-Cookie: sid=evil    <script>");
    CU_ASSERT_EQUAL(http_send(&f.io, f.req, f.res), WM_OK);
    CU_ASSERT_EQUAL(count_header(&f, "Set-Cookie"), 0);
    CU_ASSERT_EQUAL(count_header(&f, "Location"), 1);
    CU_ASSERT_PTR_NOT_NULL(
            strstr(f.out.ptr, "\r\nLocation: /next Location: https://evil.example\r\n"));
    /* Exactly one blank line: the one that ends the head. */
    CU_ASSERT_PTR_EQUAL(strstr(f.out.ptr, "\r\n\r\n") + 4, f.out.ptr + f.out.len);
    fx_free(&f);
}

static void test_redirect_json_and_html_helpers(void)
{
    struct fx f;
    fx_init(&f, GET_ENV);
    buf_appends(&f.res->body, "old");
    http_redirect(f.res, 303, "/orders/7");
    CU_ASSERT_EQUAL(f.res->status, 303);
    CU_ASSERT_STRING_EQUAL(http_response_header(f.res, "Location"), "/orders/7");
    CU_ASSERT_EQUAL(f.res->body.len, 0);
    http_set_json(f.res, 201);
    CU_ASSERT_EQUAL(f.res->status, 201);
    CU_ASSERT_STRING_EQUAL(http_response_header(f.res, "Content-Type"),
                           "application/json; charset=utf-8");
    http_set_html(f.res, 404);
    CU_ASSERT_STRING_EQUAL(http_response_header(f.res, "Content-Type"), "text/html; charset=utf-8");
    CU_ASSERT_EQUAL(f.res->status, 404);
    fx_free(&f);
}

static void test_status_reasons(void)
{
    CU_ASSERT_STRING_EQUAL(http_status_reason(200), "OK");
    CU_ASSERT_STRING_EQUAL(http_status_reason(303), "See Other");
    CU_ASSERT_STRING_EQUAL(http_status_reason(405), "Method Not Allowed");
    CU_ASSERT_STRING_EQUAL(http_status_reason(413), "Content Too Large");
    CU_ASSERT_STRING_EQUAL(http_status_reason(503), "Service Unavailable");
    CU_ASSERT_STRING_EQUAL(http_status_reason(299), "Unknown");
}

/* ---- error replies ------------------------------------------------------------------------- */

static void test_error_reply_is_json_for_api_clients(void)
{
    const char *const *envs[] = {
        ENV("REQUEST_METHOD=POST", "REQUEST_URI=/x", "HTTP_ACCEPT=application/json"),
        ENV("REQUEST_METHOD=POST", "REQUEST_URI=/graphql/", "HTTP_ACCEPT=*/*"),
        ENV("REQUEST_METHOD=POST", "REQUEST_URI=/wms/graphql/"),
        ENV("REQUEST_METHOD=POST", "REQUEST_URI=/api/upload-image/"),
    };
    for (size_t i = 0; i < sizeof(envs) / sizeof(envs[0]); i++) {
        struct fx f;
        fx_init(&f, envs[i]);
        buf_appends(&f.res->body, "partial output");
        wm_errorf(&f.ctx, WM_EINVAL, "quantity must be between 1 and %d", 10);
        http_reply_error(&f.ctx, f.req, f.res, WM_EINVAL);
        CU_ASSERT_EQUAL(f.res->status, 400);
        CU_ASSERT_STRING_EQUAL(http_response_header(f.res, "Content-Type"),
                               "application/json; charset=utf-8");
        CU_ASSERT_STRING_EQUAL(http_response_header(f.res, "Cache-Control"), "no-store");
        CU_ASSERT_STRING_EQUAL(f.res->body.ptr,
                               "{\"errors\":[{\"message\":\"quantity must be between 1 and 10\","
                               "\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}]}\n");
        fx_free(&f);
    }
}

static void test_error_reply_is_escaped_html_for_browsers(void)
{
    struct fx f;
    fx_init(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/products/9", "HTTP_ACCEPT=text/html"));
    wm_errorf(&f.ctx, WM_ENOTFOUND, "unknown product '<script>alert(1)</script>'");
    http_reply_error(&f.ctx, f.req, f.res, WM_ENOTFOUND);
    CU_ASSERT_EQUAL(f.res->status, 404);
    CU_ASSERT_STRING_EQUAL(http_response_header(f.res, "Content-Type"), "text/html; charset=utf-8");
    CU_ASSERT_STRING_EQUAL(f.res->body.ptr,
                           "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                           "<title>404 Not Found</title></head>\n<body><h1>404 Not Found</h1>\n"
                           "<p>unknown product &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39;</p>"
                           "</body></html>\n");
    fx_free(&f);
}

static void test_internal_errors_do_not_leak(void)
{
    struct fx f;
    fx_init(&f, ENV("REQUEST_METHOD=POST", "REQUEST_URI=/graphql/", "HTTP_X_REQUEST_ID=r42"));
    wm_errorf(&f.ctx, WM_EDB, "Table 'market.users' doesn't exist");
    http_reply_error(&f.ctx, f.req, f.res, WM_EDB);
    CU_ASSERT_EQUAL(f.res->status, 500);
    CU_ASSERT_STRING_EQUAL(f.res->body.ptr,
                           "{\"errors\":[{\"message\":\"internal error (request r42)\","
                           "\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}]}\n");
    fx_free(&f);
}

static void test_error_reply_without_a_message_uses_the_default(void)
{
    struct fx f;
    fx_init(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/x"));
    http_reply_error(&f.ctx, NULL, f.res, WM_EPERM);
    CU_ASSERT_EQUAL(f.res->status, 403);
    CU_ASSERT_PTR_NOT_NULL(strstr(f.res->body.ptr, "<p>not allowed</p>"));
    fx_free(&f);
}

static void test_503_says_retry_after_and_405_says_allow(void)
{
    struct fx f;
    fx_init(&f, ENV("REQUEST_METHOD=DELETE", "REQUEST_URI=/x"));
    http_reply_error(&f.ctx, f.req, f.res, WM_EUNAVAIL);
    CU_ASSERT_EQUAL(f.res->status, 503);
    CU_ASSERT_STRING_EQUAL(http_response_header(f.res, "Retry-After"), "5");
    CU_ASSERT_PTR_NULL(http_response_header(f.res, "Allow"));
    f.req->allow = "GET, HEAD, POST";
    struct http_response *res = http_response_new(f.a);
    http_reply_error(&f.ctx, f.req, res, WM_EMETHOD);
    CU_ASSERT_EQUAL(res->status, 405);
    CU_ASSERT_STRING_EQUAL(http_response_header(res, "Allow"), "GET, HEAD, POST");
    CU_ASSERT_PTR_NULL(http_response_header(res, "Retry-After"));
    fx_free(&f);
}

static void test_error_reply_drops_a_pending_redirect(void)
{
    struct fx f;
    fx_init(&f, GET_ENV);
    http_redirect(f.res, 302, "/elsewhere");
    http_reply_error(&f.ctx, f.req, f.res, WM_ETOOBIG);
    CU_ASSERT_EQUAL(f.res->status, 413);
    CU_ASSERT_PTR_NULL(http_response_header(f.res, "Location"));
    fx_free(&f);
}

/* ---- access log ---------------------------------------------------------------------------- */

/* Run http_log_request with stderr captured; returns the text written (arena copy). */
static const char *log_line(struct fx *f, const struct http_request *req)
{
    int p[2];
    CU_ASSERT_FATAL(pipe(p) == 0);
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    dup2(p[1], STDERR_FILENO);
    close(p[1]);
    http_log_request(req, 200, 1.234, 123);
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    char text[8192];
    size_t len = 0;
    ssize_t n;
    while ((n = read(p[0], text + len, sizeof(text) - 1 - len)) > 0)
        len += (size_t)n;
    close(p[0]);
    return arena_strndup(f->a, text, len);
}

static void test_log_line_has_the_keys(void)
{
    struct fx f;
    fx_init(&f,
            ENV("REQUEST_METHOD=GET", "REQUEST_URI=/products/42?q=1", "REMOTE_ADDR=2001:db8::1"));
    log_set_level(LOG_LEVEL_INFO);
    const char *line = log_line(&f, f.req);
    CU_ASSERT_PTR_NOT_NULL(strstr(line, " method=GET path=/products/42 status=200 dur_ms=1.23 "
                                        "bytes=123 ip=2001:db8::1\n"));
    const char *none = log_line(&f, NULL);
    CU_ASSERT_PTR_NOT_NULL(
            strstr(none, " method=- path=- status=200 dur_ms=1.23 bytes=123 ip=-\n"));
    log_set_level(LOG_LEVEL_WARN);
    CU_ASSERT_STRING_EQUAL(log_line(&f, f.req), "");
    log_set_level(LOG_LEVEL_INFO);
    fx_free(&f);
}

static void test_log_line_cannot_be_forged_by_the_path(void)
{
    struct fx f;
    fx_init(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/a%20status=500%20ip=6.6.6.6%22%5C/%C3%A9"));
    log_set_level(LOG_LEVEL_INFO);
    const char *line = log_line(&f, f.req);
    CU_ASSERT_PTR_NOT_NULL(
            strstr(line, " path=\"/a status=500 ip=6.6.6.6\\\"\\\\/\\xc3\\xa9\" status=200 "));
    CU_ASSERT_EQUAL(strchr(line, '\n'), line + strlen(line) - 1);
    fx_free(&f);
}

static void test_log_line_cuts_a_long_path(void)
{
    struct fx f;
    struct buf uri = BUF_INIT(NULL);
    buf_appends(&uri, "REQUEST_URI=/");
    for (int i = 0; i < 2000; i++)
        buf_appends(&uri, "%22");
    fx_init(&f, ENV("REQUEST_METHOD=GET", uri.ptr));
    buf_release(&uri);
    const char *line = log_line(&f, f.req);
    CU_ASSERT_PTR_NOT_NULL(strstr(line, "...\" status=200 dur_ms=1.23 bytes=123 ip=-\n"));
    CU_ASSERT_PTR_NULL(strstr(line, "truncated="));
    fx_free(&f);
}

/* clang-format off */
static CU_TestInfo tests[] = {
    { "send writes the exact CGI response", test_send_writes_the_exact_cgi_response },
    { "HSTS is sent only over HTTPS", test_hsts_only_over_https },
    { "headers the handler set override the security defaults",
      test_handler_headers_override_security_defaults },
    { "HEAD gets the headers and length but no body",
      test_head_gets_headers_and_length_but_no_body },
    { "204 and 304 get no body and no length", test_no_body_for_204_and_304 },
    { "Content-Length is computed and Content-Type defaulted",
      test_content_length_is_computed_and_type_defaulted },
    { "send works without a request", test_send_without_a_request },
    { "send reports a client that went away", test_send_reports_a_vanished_client },
    { "set replaces, add appends and unset removes headers",
      test_set_replaces_add_appends_unset_removes },
    { "header values cannot split the response", test_header_values_cannot_split_the_response },
    { "redirect, JSON and HTML helpers set status and headers",
      test_redirect_json_and_html_helpers },
    { "status codes have their reason phrases", test_status_reasons },
    { "the error reply is JSON for API clients", test_error_reply_is_json_for_api_clients },
    { "the error reply is escaped HTML for browsers",
      test_error_reply_is_escaped_html_for_browsers },
    { "internal errors do not leak their detail", test_internal_errors_do_not_leak },
    { "an error without a message uses the default text",
      test_error_reply_without_a_message_uses_the_default },
    { "503 says Retry-After and 405 says Allow", test_503_says_retry_after_and_405_says_allow },
    { "an error reply drops a pending redirect", test_error_reply_drops_a_pending_redirect },
    { "the access log line has its keys", test_log_line_has_the_keys },
    { "a crafted path cannot forge access log keys", test_log_line_cannot_be_forged_by_the_path },
    { "a long path is cut so the keys after it survive", test_log_line_cuts_a_long_path },
    CU_TEST_INFO_NULL,
};
/* clang-format on */

SUITE_INFO(http_response, "http/response", NULL, NULL, tests);
