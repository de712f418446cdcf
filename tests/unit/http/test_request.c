/*
 * test_request.c: unit tests for src/http/request.c. Each test builds the CGI variables of one
 * request in memory (http_io_mem), parses it, and checks the result or the exact error, with
 * the hostile cases next to the ordinary ones: bad paths, bad lengths, oversized input.
 */
#include "http/http.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "test.h"

struct fx {
    struct arena *a;
    struct wm_ctx ctx;
    struct http_limits lim;
    struct http_io io;
    struct buf out;
    struct http_request *req;
};

static void fx_init(struct fx *f)
{
    memset(f, 0, sizeof(*f));
    f->a = arena_new(0);
    f->ctx.arena = f->a;
    http_limits_init(&f->lim, NULL);
    buf_init(&f->out, f->a, 0);
}

static void fx_free(struct fx *f)
{
    arena_free(f->a);
}

#define ENV(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* A writable copy of vars, as libfcgi hands out envp. */
static char **fx_env(struct fx *f, const char *const *vars)
{
    size_t n = 0;
    while (vars[n])
        n++;
    char **env = ARENA_ARRAY(f->a, char *, n + 1);
    for (size_t i = 0; i < n; i++)
        env[i] = arena_strdup(f->a, vars[i]);
    return env;
}

/* Parse only the variables. */
static int fx_parse(struct fx *f, const char *const *vars)
{
    http_io_mem(&f->io, fx_env(f, vars), NULL, 0, &f->out);
    return http_request_parse(&f->ctx, &f->io, &f->lim, &f->req);
}

/* Parse the variables, then read body (len bytes available). */
static int fx_request(struct fx *f, const char *const *vars, const char *body, size_t len)
{
    http_io_mem(&f->io, fx_env(f, vars), body, len, &f->out);
    int rc = http_request_parse(&f->ctx, &f->io, &f->lim, &f->req);
    if (rc == WM_OK) rc = http_request_read_body(&f->ctx, f->req, &f->io, &f->lim);
    return rc;
}

static const char *msg(const struct fx *f)
{
    return f->ctx.err.message ? f->ctx.err.message : "";
}

/* The path a request for REQUEST_URI=uri parses to, or NULL with f->ctx.err set. */
static const char *path_of(struct fx *f, const char *uri)
{
    char *var = arena_printf(f->a, "REQUEST_URI=%s", uri);
    int rc = fx_parse(f, ENV("REQUEST_METHOD=GET", var));
    return rc == WM_OK ? f->req->path : NULL;
}

/* ---- the request line ----------------------------------------------------------------------- */

static void test_simple_get(void)
{
    struct fx f;
    fx_init(&f);
    int rc = fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/products/42?sort=name&page=2",
                              "QUERY_STRING=sort=name&page=2", "REMOTE_ADDR=192.0.2.7",
                              "HTTP_HOST=market.example:8080", "SERVER_NAME=ignored"));
    CU_ASSERT_EQUAL_FATAL(rc, WM_OK);
    CU_ASSERT_EQUAL(f.req->method, HTTP_GET);
    CU_ASSERT_STRING_EQUAL(f.req->method_name, "GET");
    CU_ASSERT_STRING_EQUAL(f.req->path, "/products/42");
    CU_ASSERT_STRING_EQUAL(f.req->uri, "/products/42?sort=name&page=2");
    CU_ASSERT_STRING_EQUAL(f.req->query_string, "sort=name&page=2");
    CU_ASSERT_STRING_EQUAL(http_query_param(f.req, "sort"), "name");
    CU_ASSERT_STRING_EQUAL(http_param(f.req, "page"), "2");
    CU_ASSERT_PTR_NULL(http_param(f.req, "missing"));
    CU_ASSERT_STRING_EQUAL(f.req->remote_addr, "192.0.2.7");
    CU_ASSERT_STRING_EQUAL(f.req->host, "market.example:8080");
    CU_ASSERT_STRING_EQUAL(f.req->scheme, "http");
    CU_ASSERT_FALSE(f.req->https);
    CU_ASSERT_STRING_EQUAL(f.req->media_type, "");
    CU_ASSERT_PTR_NULL(f.req->content_type);
    CU_ASSERT_EQUAL(strlen(f.req->id), 12);
    CU_ASSERT_EQUAL(strspn(f.req->id, "0123456789abcdef"), 12);
    CU_ASSERT_PTR_EQUAL(f.ctx.req_id, f.req->id);
    fx_free(&f);
}

static void test_methods(void)
{
    static const struct {
        const char *var;
        enum http_method m;
    } cases[] = {
        { "REQUEST_METHOD=GET", HTTP_GET },         { "REQUEST_METHOD=HEAD", HTTP_HEAD },
        { "REQUEST_METHOD=POST", HTTP_POST },       { "REQUEST_METHOD=PUT", HTTP_PUT },
        { "REQUEST_METHOD=PATCH", HTTP_PATCH },     { "REQUEST_METHOD=DELETE", HTTP_DELETE },
        { "REQUEST_METHOD=OPTIONS", HTTP_OPTIONS }, { "REQUEST_METHOD=PROPFIND", HTTP_OTHER },
        { "REQUEST_METHOD=get", HTTP_OTHER },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct fx f;
        fx_init(&f);
        CU_ASSERT_EQUAL(fx_parse(&f, ENV(cases[i].var, "REQUEST_URI=/")), WM_OK);
        CU_ASSERT_EQUAL(f.req->method, cases[i].m);
        CU_ASSERT_STRING_EQUAL(f.req->method_name, strchr(cases[i].var, '=') + 1);
        fx_free(&f);
    }
    CU_ASSERT_STRING_EQUAL(http_method_name(HTTP_PATCH), "PATCH");
    CU_ASSERT_STRING_EQUAL(http_method_name(HTTP_OTHER), "OTHER");
    CU_ASSERT_STRING_EQUAL(http_method_name((enum http_method)99), "OTHER");
}

static void test_bad_methods(void)
{
    const char *bad[] = { NULL,
                          "REQUEST_METHOD=",
                          "REQUEST_METHOD=GE T",
                          "REQUEST_METHOD=G\x01",
                          "REQUEST_METHOD=GET\r\nX",
                          "REQUEST_METHOD=(GET)",
                          "REQUEST_METHOD=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct fx f;
        fx_init(&f);
        int rc = bad[i] ? fx_parse(&f, ENV(bad[i], "REQUEST_URI=/"))
                        : fx_parse(&f, ENV("REQUEST_URI=/"));
        CU_ASSERT_EQUAL(rc, WM_EINVAL);
        CU_ASSERT_PTR_NOT_NULL_FATAL(f.req);
        CU_ASSERT_STRING_EQUAL(f.req->path, "/");
        fx_free(&f);
    }
}

/* ---- the path ------------------------------------------------------------------------------ */

static void test_path_is_percent_decoded(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_STRING_EQUAL(path_of(&f, "/a%20b/%C3%A9t%c3%a9"), "/a b/\xc3\xa9t\xc3\xa9");
    CU_ASSERT_STRING_EQUAL(path_of(&f, "/a+b"), "/a+b"); /* '+' is a space only in queries */
    CU_ASSERT_STRING_EQUAL(path_of(&f, "/100%25"), "/100%");
    fx_free(&f);
}

static void test_path_rejects_bad_encoding(void)
{
    const char *bad[] = { "/a%2", "/a%zz", "/%", "/%%41", "/a%g1", "/a%4" };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct fx f;
        fx_init(&f);
        CU_ASSERT_PTR_NULL(path_of(&f, bad[i]));
        CU_ASSERT_EQUAL(f.ctx.err.code, WM_EINVAL);
        CU_ASSERT_STRING_EQUAL(msg(&f), "invalid percent-encoding in request path");
        fx_free(&f);
    }
}

static void test_path_rejects_nul_and_encoded_slash(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_PTR_NULL(path_of(&f, "/a%00b"));
    CU_ASSERT_STRING_EQUAL(msg(&f), "NUL byte in request path");
    CU_ASSERT_PTR_NULL(path_of(&f, "/files/a%2Fb"));
    CU_ASSERT_STRING_EQUAL(msg(&f), "encoded '/' in request path");
    CU_ASSERT_PTR_NULL(path_of(&f, "/files/a%2fb"));
    CU_ASSERT_EQUAL(f.ctx.err.code, WM_EINVAL);
    fx_free(&f);
}

static void test_path_rejects_dot_segments(void)
{
    const char *bad[] = { "/a/../b", "/..", "/../etc/passwd", "/a/%2e%2e/b", "/a/.%2E/b", "/a/./b",
                          "/a/.",    "/.",  "/a/..?x=1",      "/%2e" };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct fx f;
        fx_init(&f);
        CU_ASSERT_PTR_NULL(path_of(&f, bad[i]));
        CU_ASSERT_STRING_EQUAL(msg(&f), "'.' or '..' segment in request path");
        fx_free(&f);
    }
}

static void test_path_keeps_dots_inside_segments_and_slashes(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_STRING_EQUAL(path_of(&f, "/.well-known/a..b/..."), "/.well-known/a..b/...");
    CU_ASSERT_STRING_EQUAL(path_of(&f, "//a//b/"), "//a//b/");
    CU_ASSERT_STRING_EQUAL(path_of(&f, "/graphql/"), "/graphql/");
    CU_ASSERT_STRING_EQUAL(path_of(&f, "/"), "/");
    fx_free(&f);
}

static void test_path_rejects_control_characters(void)
{
    const char *bad[] = { "/a%0Ab", "/a%0d%0aSet-Cookie:x", "/a\x01", "/a%7f", "/a\tb" };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct fx f;
        fx_init(&f);
        CU_ASSERT_PTR_NULL(path_of(&f, bad[i]));
        CU_ASSERT_STRING_EQUAL(msg(&f), "control character in request path");
        fx_free(&f);
    }
}

static void test_path_must_be_absolute(void)
{
    const char *bad[] = { "", "a/b", "*", "http://evil.example/x", "?a=1" };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct fx f;
        fx_init(&f);
        CU_ASSERT_PTR_NULL(path_of(&f, bad[i]));
        CU_ASSERT_STRING_EQUAL(msg(&f), "request path must start with '/'");
        fx_free(&f);
    }
}

static void test_path_falls_back_to_script_name_and_path_info(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL(fx_parse(&f, ENV("REQUEST_METHOD=GET", "SCRIPT_NAME=/market.fcgi",
                                     "PATH_INFO=/a b", "QUERY_STRING=x=1")),
                    WM_OK);
    CU_ASSERT_STRING_EQUAL(f.req->path, "/market.fcgi/a b");
    CU_ASSERT_STRING_EQUAL(http_query_param(f.req, "x"), "1");
    CU_ASSERT_EQUAL(fx_parse(&f, ENV("REQUEST_METHOD=GET", "PATH_INFO=/../x")), WM_EINVAL);
    CU_ASSERT_EQUAL(fx_parse(&f, ENV("REQUEST_METHOD=GET")), WM_OK);
    CU_ASSERT_STRING_EQUAL(f.req->path, "/");
    fx_free(&f);
}

static void test_query_from_query_string_or_uri(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL(fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/x?from=uri")), WM_OK);
    CU_ASSERT_STRING_EQUAL(f.req->query_string, "from=uri");
    CU_ASSERT_STRING_EQUAL(http_query_param(f.req, "from"), "uri");
    CU_ASSERT_EQUAL(
            fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/x?from=uri", "QUERY_STRING=a=b")),
            WM_OK);
    CU_ASSERT_STRING_EQUAL(f.req->query_string, "a=b");
    CU_ASSERT_PTR_NULL(http_query_param(f.req, "from"));
    CU_ASSERT_EQUAL(fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/x?")), WM_OK);
    CU_ASSERT_STRING_EQUAL(f.req->query_string, "");
    CU_ASSERT_EQUAL(f.req->query.count, 0);
    fx_free(&f);
}

static void test_uri_length_is_limited(void)
{
    struct fx f;
    fx_init(&f);
    f.lim.max_uri_bytes = 16;
    CU_ASSERT_PTR_NOT_NULL(path_of(&f, "/0123456789abcde"));
    CU_ASSERT_PTR_NULL(path_of(&f, "/0123456789abcdef"));
    CU_ASSERT_EQUAL(f.ctx.err.code, WM_ETOOBIG);
    CU_ASSERT_STRING_EQUAL(msg(&f), "request URI too long (limit 16 bytes)");
    CU_ASSERT_EQUAL(fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/",
                                     "QUERY_STRING=aaaaaaaaaaaaaaaaaaaaaaaaa")),
                    WM_ETOOBIG);
    fx_free(&f);
}

/* ---- query parameters ---------------------------------------------------------------------- */

static void test_query_params_are_decoded_in_order(void)
{
    struct fx f;
    fx_init(&f);
    int rc = fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/s",
                              "QUERY_STRING=q=red+shoes%21&tag=a&&tag=b&empty=&bare&=nameless&"
                              "tag=%E2%82%AC&x%20y=1"));
    CU_ASSERT_EQUAL_FATAL(rc, WM_OK);
    CU_ASSERT_STRING_EQUAL(http_query_param(f.req, "q"), "red shoes!");
    CU_ASSERT_STRING_EQUAL(http_query_param(f.req, "empty"), "");
    CU_ASSERT_STRING_EQUAL(http_query_param(f.req, "bare"), "");
    CU_ASSERT_STRING_EQUAL(http_query_param(f.req, "x y"), "1");
    CU_ASSERT_PTR_NULL(http_query_param(f.req, ""));
    size_t n;
    const char **tags = http_params_all(f.req, "tag", &n);
    CU_ASSERT_EQUAL_FATAL(n, 3);
    CU_ASSERT_STRING_EQUAL(tags[0], "a");
    CU_ASSERT_STRING_EQUAL(tags[1], "b");
    CU_ASSERT_STRING_EQUAL(tags[2], "\xe2\x82\xac");
    CU_ASSERT_PTR_NULL(tags[3]);
    CU_ASSERT_EQUAL(f.req->query.count, 7);
    const char **none = http_params_all(f.req, "nope", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(none);
    CU_ASSERT_PTR_NULL(none[0]);
    fx_free(&f);
}

static void test_query_with_bad_encoding_is_400(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL(fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/", "QUERY_STRING=a=%zz")),
                    WM_EINVAL);
    CU_ASSERT_STRING_EQUAL(msg(&f), "invalid percent-encoding in query string");
    CU_ASSERT_EQUAL(fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/", "QUERY_STRING=a%00=1")),
                    WM_EINVAL);
    CU_ASSERT_STRING_EQUAL(msg(&f), "NUL byte in query string");
    fx_free(&f);
}

static void test_two_thousand_query_params_hit_the_limit(void)
{
    struct fx f;
    fx_init(&f);
    struct buf q = BUF_INIT(f.a);
    buf_appends(&q, "QUERY_STRING=");
    for (int i = 0; i < 2000; i++)
        buf_appendf(&q, "%sp%d=%d", i ? "&" : "", i, i);
    CU_ASSERT_EQUAL(fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/", q.ptr)), WM_ETOOBIG);
    f.lim.max_uri_bytes = 1 << 20;
    CU_ASSERT_EQUAL(fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/", q.ptr)), WM_ELIMIT);
    CU_ASSERT_STRING_EQUAL(msg(&f), "too many parameters in query string (limit 1000)");
    f.lim.max_fields = 2000;
    CU_ASSERT_EQUAL(fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/", q.ptr)), WM_OK);
    CU_ASSERT_EQUAL(f.req->query.count, 2000);
    CU_ASSERT_STRING_EQUAL(http_query_param(f.req, "p1999"), "1999");
    fx_free(&f);
}

/* ---- headers ------------------------------------------------------------------------------- */

static void test_headers_have_canonical_names_and_any_case_lookup(void)
{
    struct fx f;
    fx_init(&f);
    int rc = fx_parse(&f, ENV("REQUEST_METHOD=POST", "REQUEST_URI=/", "HTTP_ACCEPT=text/html",
                              "HTTP_ACCEPT_LANGUAGE=de-CH",
                              "HTTP_X_EMPTY=", "CONTENT_TYPE=Application/JSON; charset=UTF-8",
                              "CONTENT_LENGTH=0", "HTTP_AUTHORIZATION=Bearer abc.def",
                              "SERVER_SOFTWARE=lighttpd", "BROKEN_VARIABLE_WITHOUT_EQUALS"));
    CU_ASSERT_EQUAL_FATAL(rc, WM_OK);
    CU_ASSERT_STRING_EQUAL(http_header(f.req, "Accept-Language"), "de-CH");
    CU_ASSERT_STRING_EQUAL(http_header(f.req, "accept-language"), "de-CH");
    CU_ASSERT_STRING_EQUAL(http_header(f.req, "ACCEPT"), "text/html");
    CU_ASSERT_STRING_EQUAL(http_header(f.req, "Authorization"), "Bearer abc.def");
    CU_ASSERT_STRING_EQUAL(http_header(f.req, "X-Empty"), "");
    CU_ASSERT_STRING_EQUAL(http_header(f.req, "Content-Type"), "Application/JSON; charset=UTF-8");
    CU_ASSERT_STRING_EQUAL(http_header(f.req, "Content-Length"), "0");
    CU_ASSERT_PTR_NULL(http_header(f.req, "Server-Software"));
    CU_ASSERT_PTR_NULL(http_header(f.req, "Accept_Language"));
    CU_ASSERT_STRING_EQUAL(f.req->media_type, "application/json");
    CU_ASSERT_EQUAL(f.req->headers.count, 6);
    int names_ok = 0;
    for (size_t i = 0; i < f.req->headers.count; i++)
        names_ok += strcmp(f.req->headers.items[i].name, "Accept-Language") == 0;
    CU_ASSERT_EQUAL(names_ok, 1);
    fx_free(&f);
}

static void test_header_count_and_size_are_limited(void)
{
    struct fx f;
    fx_init(&f);
    f.lim.max_fields = 2;
    CU_ASSERT_EQUAL(fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/", "HTTP_A=1", "HTTP_B=2",
                                     "HTTP_C=3")),
                    WM_ELIMIT);
    CU_ASSERT_STRING_EQUAL(msg(&f), "too many request headers (limit 2)");
    CU_ASSERT_PTR_NOT_NULL(f.req);
    f.lim.max_fields = 100;
    f.lim.max_header_bytes = 10;
    CU_ASSERT_EQUAL(fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/", "HTTP_A=12345",
                                     "HTTP_B=12345")),
                    WM_ETOOBIG);
    CU_ASSERT_STRING_EQUAL(msg(&f), "request headers too large (limit 10 bytes)");
    fx_free(&f);
}

static void test_https_and_host(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL(fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/", "HTTPS=on")), WM_OK);
    CU_ASSERT_TRUE(f.req->https);
    CU_ASSERT_STRING_EQUAL(f.req->scheme, "https");
    CU_ASSERT_STRING_EQUAL(f.req->host, "localhost");
    CU_ASSERT_EQUAL(fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/", "HTTPS=ON")), WM_OK);
    CU_ASSERT_TRUE(f.req->https);
    CU_ASSERT_EQUAL(fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/", "HTTPS=off")), WM_OK);
    CU_ASSERT_FALSE(f.req->https);
    CU_ASSERT_EQUAL(
            fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/", "REQUEST_SCHEME=https")),
            WM_OK);
    CU_ASSERT_TRUE(f.req->https);
    CU_ASSERT_EQUAL(fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/",
                                     "HTTP_HOST=evil.example/<script>", "SERVER_NAME=market.test",
                                     "SERVER_PORT=8080")),
                    WM_OK);
    CU_ASSERT_STRING_EQUAL(f.req->host, "market.test:8080");
    CU_ASSERT_EQUAL(fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/", "HTTP_HOST=a b",
                                     "SERVER_NAME=market.test", "SERVER_PORT=80")),
                    WM_OK);
    CU_ASSERT_STRING_EQUAL(f.req->host, "market.test");
    CU_ASSERT_EQUAL(
            fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/", "HTTP_HOST=[::1]:8080")),
            WM_OK);
    CU_ASSERT_STRING_EQUAL(f.req->host, "[::1]:8080");
    CU_ASSERT_EQUAL(fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/", "HTTPS=on",
                                     "SERVER_NAME=m.test", "SERVER_PORT=443")),
                    WM_OK);
    CU_ASSERT_STRING_EQUAL(f.req->host, "m.test");
    CU_ASSERT_STRING_EQUAL(f.req->remote_addr, "");
    fx_free(&f);
}

static void test_request_id_honours_only_well_formed_incoming_ids(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL(fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/",
                                     "HTTP_X_REQUEST_ID=abc-123-XYZ")),
                    WM_OK);
    CU_ASSERT_STRING_EQUAL(f.req->id, "abc-123-XYZ");
    CU_ASSERT_STRING_EQUAL(f.ctx.req_id, "abc-123-XYZ");
    const char *id64 = "HTTP_X_REQUEST_ID=0123456789012345678901234567890123456789012345678901"
                       "234567890123";
    CU_ASSERT_EQUAL(fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/", id64)), WM_OK);
    CU_ASSERT_STRING_EQUAL(f.req->id, strchr(id64, '=') + 1);
    const char *id65 = arena_printf(f.a, "%sX", id64);
    const char *bad[] = { "HTTP_X_REQUEST_ID=", "HTTP_X_REQUEST_ID=a b", "HTTP_X_REQUEST_ID=a\"b",
                          "HTTP_X_REQUEST_ID=id=1 status=500", id65 };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        CU_ASSERT_EQUAL(fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/", bad[i])), WM_OK);
        CU_ASSERT_EQUAL(strlen(f.req->id), 12);
        CU_ASSERT_EQUAL(strspn(f.req->id, "0123456789abcdef"), 12);
    }
    const char *a = http_request_id(f.a);
    const char *b = http_request_id(f.a);
    CU_ASSERT_STRING_NOT_EQUAL(a, b);
    fx_free(&f);
}

static void test_failed_parse_still_gives_a_request_for_the_error_reply(void)
{
    struct fx f;
    fx_init(&f);
    int rc = fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/graphql/%zz",
                              "HTTP_ACCEPT=application/json", "HTTPS=on"));
    CU_ASSERT_EQUAL(rc, WM_EINVAL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f.req);
    CU_ASSERT_STRING_EQUAL(f.req->path, "/");
    CU_ASSERT_STRING_EQUAL(http_header(f.req, "Accept"), "application/json");
    CU_ASSERT_TRUE(f.req->https);
    CU_ASSERT_TRUE(http_wants_json(f.req));
    CU_ASSERT_PTR_NOT_NULL(f.req->id);
    CU_ASSERT_STRING_EQUAL(f.req->query_string, "");
    fx_free(&f);
}

static void test_wants_json(void)
{
    static const struct {
        const char *accept;
        const char *uri;
        bool json;
    } cases[] = {
        { "HTTP_ACCEPT=application/json", "REQUEST_URI=/", true },
        { "HTTP_ACCEPT=text/html, Application/JSON;q=0.9", "REQUEST_URI=/", true },
        { "HTTP_ACCEPT=application/graphql-response+json", "REQUEST_URI=/", true },
        { "HTTP_ACCEPT=*/*", "REQUEST_URI=/graphql/", true },
        { "HTTP_ACCEPT=*/*", "REQUEST_URI=/graphql", true },
        { "HTTP_ACCEPT=*/*", "REQUEST_URI=/wms/graphql/", true },
        { "HTTP_ACCEPT=*/*", "REQUEST_URI=/api/upload-image/", true },
        { "HTTP_ACCEPT=text/html", "REQUEST_URI=/products/1", false },
        { "HTTP_ACCEPT=*/*", "REQUEST_URI=/graphqlx", false },
        { "HTTP_ACCEPT=*/*", "REQUEST_URI=/apis", false },
        { "HTTP_X_NONE=1", "REQUEST_URI=/", false },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct fx f;
        fx_init(&f);
        CU_ASSERT_EQUAL(fx_parse(&f, ENV("REQUEST_METHOD=GET", cases[i].uri, cases[i].accept)),
                        WM_OK);
        CU_ASSERT_EQUAL(http_wants_json(f.req), cases[i].json);
        fx_free(&f);
    }
    CU_ASSERT_FALSE(http_wants_json(NULL));
}

static void test_cookies_come_from_the_cookie_header(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL(fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/",
                                     "HTTP_COOKIE=sid=abc; theme=\"dark\"; sid=second")),
                    WM_OK);
    CU_ASSERT_STRING_EQUAL(http_cookie(f.req, "sid"), "abc");
    CU_ASSERT_STRING_EQUAL(http_cookie(f.req, "theme"), "dark");
    CU_ASSERT_PTR_NULL(http_cookie(f.req, "SID"));
    f.lim.max_fields = 2;
    CU_ASSERT_EQUAL(
            fx_parse(&f, ENV("REQUEST_METHOD=GET", "REQUEST_URI=/", "HTTP_COOKIE=a=1; b=2; c=3")),
            WM_ELIMIT);
    CU_ASSERT_STRING_EQUAL(msg(&f), "too many cookies (limit 2)");
    fx_free(&f);
}

/* ---- the body ------------------------------------------------------------------------------ */

static void test_body_reads_exactly_content_length(void)
{
    struct fx f;
    fx_init(&f);
    const char body[] = "{\"query\":\"{a}\"}EXTRA";
    int rc = fx_request(&f,
                        ENV("REQUEST_METHOD=POST", "REQUEST_URI=/graphql/",
                            "CONTENT_TYPE=application/json", "CONTENT_LENGTH=15"),
                        body, sizeof(body) - 1);
    CU_ASSERT_EQUAL_FATAL(rc, WM_OK);
    CU_ASSERT_EQUAL(f.req->body.len, 15);
    CU_ASSERT_NSTRING_EQUAL(f.req->body.ptr, "{\"query\":\"{a}\"}", 15);
    CU_ASSERT_EQUAL(f.req->body.ptr[15], '\0');
    CU_ASSERT_EQUAL(f.io.bytes_read, 15);
    CU_ASSERT_EQUAL(f.req->form.count, 0);
    CU_ASSERT_TRUE(f.req->body_read);
    /* A second call reads nothing more. */
    CU_ASSERT_EQUAL(http_request_read_body(&f.ctx, f.req, &f.io, &f.lim), WM_OK);
    CU_ASSERT_EQUAL(f.io.bytes_read, 15);
    fx_free(&f);
}

static void test_body_is_read_across_short_reads(void)
{
    struct fx f;
    fx_init(&f);
    const char body[] = "a=1&b=2&c=3";
    http_io_mem(
            &f.io,
            fx_env(&f, ENV("REQUEST_METHOD=POST", "REQUEST_URI=/",
                           "CONTENT_TYPE=application/x-www-form-urlencoded", "CONTENT_LENGTH=11")),
            body, sizeof(body) - 1, &f.out);
    f.io.mem.chunk = 1;
    CU_ASSERT_EQUAL_FATAL(http_request_parse(&f.ctx, &f.io, &f.lim, &f.req), WM_OK);
    CU_ASSERT_EQUAL_FATAL(http_request_read_body(&f.ctx, f.req, &f.io, &f.lim), WM_OK);
    CU_ASSERT_STRING_EQUAL(http_form_param(f.req, "c"), "3");
    fx_free(&f);
}

static void test_a_chunked_body_without_length_is_read_to_the_end(void)
{
    struct fx f;
    fx_init(&f);
    /* Plain CGI de-chunks onto stdin and passes no CONTENT_LENGTH; short reads included. */
    const char body[] = "name=bolt&qty=500";
    http_io_mem(&f.io,
                fx_env(&f, ENV("REQUEST_METHOD=POST", "REQUEST_URI=/x",
                               "CONTENT_TYPE=application/x-www-form-urlencoded",
                               "HTTP_TRANSFER_ENCODING=chunked")),
                body, sizeof(body) - 1, &f.out);
    f.io.mem.chunk = 5;
    CU_ASSERT_EQUAL_FATAL(http_request_parse(&f.ctx, &f.io, &f.lim, &f.req), WM_OK);
    CU_ASSERT_EQUAL(http_request_read_body(&f.ctx, f.req, &f.io, &f.lim), WM_OK);
    CU_ASSERT_EQUAL(f.req->body.len, sizeof(body) - 1);
    CU_ASSERT_STRING_EQUAL(http_form_param(f.req, "qty"), "500");
    fx_free(&f);

    fx_init(&f);
    f.lim.max_body = 40000;
    size_t n = 40001;
    char *big = malloc(n);
    memset(big, 'x', n);
    http_io_mem(&f.io,
                fx_env(&f, ENV("REQUEST_METHOD=POST", "REQUEST_URI=/x",
                               "HTTP_TRANSFER_ENCODING=chunked")),
                big, n, &f.out);
    CU_ASSERT_EQUAL_FATAL(http_request_parse(&f.ctx, &f.io, &f.lim, &f.req), WM_OK);
    CU_ASSERT_EQUAL(http_request_read_body(&f.ctx, f.req, &f.io, &f.lim), WM_ETOOBIG);
    CU_ASSERT_STRING_EQUAL(msg(&f), "request body too large (limit 40000 bytes)");
    free(big);
    fx_free(&f);
}

static void test_missing_or_empty_length_means_no_body(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL(fx_request(&f, ENV("REQUEST_METHOD=POST", "REQUEST_URI=/"), "ignored", 7),
                    WM_OK);
    CU_ASSERT_EQUAL(f.req->body.len, 0);
    CU_ASSERT_PTR_NOT_NULL(f.req->body.ptr);
    CU_ASSERT_EQUAL(f.io.bytes_read, 0);
    CU_ASSERT_EQUAL(
            fx_request(&f, ENV("REQUEST_METHOD=POST", "REQUEST_URI=/", "CONTENT_LENGTH="), "x", 1),
            WM_OK);
    CU_ASSERT_EQUAL(f.req->body.len, 0);
    fx_free(&f);
}

static void test_garbage_content_length_is_400(void)
{
    const char *bad[] = { "CONTENT_LENGTH=-5",  "CONTENT_LENGTH=+5",   "CONTENT_LENGTH= 5",
                          "CONTENT_LENGTH=5 ",  "CONTENT_LENGTH=0x10", "CONTENT_LENGTH=abc",
                          "CONTENT_LENGTH=1e3", "CONTENT_LENGTH=5,5",  "CONTENT_LENGTH=-0" };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct fx f;
        fx_init(&f);
        CU_ASSERT_EQUAL(fx_request(&f, ENV("REQUEST_METHOD=POST", "REQUEST_URI=/", bad[i]),
                                   "0123456789", 10),
                        WM_EINVAL);
        char *want = arena_printf(f.a, "invalid Content-Length '%s'", strchr(bad[i], '=') + 1);
        CU_ASSERT_STRING_EQUAL(msg(&f), want);
        CU_ASSERT_EQUAL(f.io.bytes_read, 0);
        fx_free(&f);
    }
}

static void test_huge_content_length_is_413_without_reading(void)
{
    const char *huge[] = { "CONTENT_LENGTH=99999999999999999999999999999999",
                           "CONTENT_LENGTH=18446744073709551616", "CONTENT_LENGTH=10485761" };
    for (size_t i = 0; i < sizeof(huge) / sizeof(huge[0]); i++) {
        struct fx f;
        fx_init(&f);
        CU_ASSERT_EQUAL(
                fx_request(&f, ENV("REQUEST_METHOD=POST", "REQUEST_URI=/", huge[i]), "abc", 3),
                WM_ETOOBIG);
        CU_ASSERT_STRING_EQUAL(msg(&f), "request body too large (limit 10485760 bytes)");
        CU_ASSERT_EQUAL(f.io.mem.pos, 0);
        CU_ASSERT_EQUAL(f.io.bytes_read, 0);
        fx_free(&f);
    }
}

static void test_body_at_exactly_the_limit_is_accepted(void)
{
    struct fx f;
    fx_init(&f);
    f.lim.max_body = 4;
    CU_ASSERT_EQUAL(fx_request(&f, ENV("REQUEST_METHOD=POST", "REQUEST_URI=/", "CONTENT_LENGTH=4"),
                               "abcd", 4),
                    WM_OK);
    CU_ASSERT_EQUAL(fx_request(&f, ENV("REQUEST_METHOD=POST", "REQUEST_URI=/", "CONTENT_LENGTH=5"),
                               "abcde", 5),
                    WM_ETOOBIG);
    CU_ASSERT_STRING_EQUAL(msg(&f), "request body too large (limit 4 bytes)");
    fx_free(&f);
}

static void test_short_body_is_400(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL(fx_request(&f, ENV("REQUEST_METHOD=POST", "REQUEST_URI=/", "CONTENT_LENGTH=10"),
                               "abc", 3),
                    WM_EINVAL);
    CU_ASSERT_STRING_EQUAL(msg(&f), "request body truncated (3 of 10 bytes)");
    fx_free(&f);
}

static void test_urlencoded_body_fills_the_form_and_form_wins(void)
{
    struct fx f;
    fx_init(&f);
    const char body[] = "name=Blue+Mug&qty=2&tag=x";
    int rc = fx_request(&f,
                        ENV("REQUEST_METHOD=POST", "REQUEST_URI=/cart?qty=99&tag=q&only=query",
                            "CONTENT_TYPE=Application/X-WWW-Form-Urlencoded; charset=UTF-8",
                            "CONTENT_LENGTH=25"),
                        body, sizeof(body) - 1);
    CU_ASSERT_EQUAL_FATAL(rc, WM_OK);
    CU_ASSERT_STRING_EQUAL(f.req->media_type, "application/x-www-form-urlencoded");
    CU_ASSERT_STRING_EQUAL(http_param(f.req, "name"), "Blue Mug");
    CU_ASSERT_STRING_EQUAL(http_param(f.req, "qty"), "2");
    CU_ASSERT_STRING_EQUAL(http_query_param(f.req, "qty"), "99");
    CU_ASSERT_STRING_EQUAL(http_param(f.req, "only"), "query");
    CU_ASSERT_PTR_NULL(http_form_param(f.req, "only"));
    size_t n;
    const char **tags = http_params_all(f.req, "tag", &n);
    CU_ASSERT_EQUAL_FATAL(n, 2);
    CU_ASSERT_STRING_EQUAL(tags[0], "x");
    CU_ASSERT_STRING_EQUAL(tags[1], "q");
    fx_free(&f);
}

static void test_bad_form_body_is_400(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL(
            fx_request(&f,
                       ENV("REQUEST_METHOD=POST", "REQUEST_URI=/",
                           "CONTENT_TYPE=application/x-www-form-urlencoded", "CONTENT_LENGTH=5"),
                       "a=%4", 5),
            WM_EINVAL);
    CU_ASSERT_STRING_EQUAL(msg(&f), "invalid percent-encoding in form body");
    fx_free(&f);
}

static void test_json_and_unknown_bodies_stay_raw(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL(fx_request(&f,
                               ENV("REQUEST_METHOD=POST", "REQUEST_URI=/",
                                   "CONTENT_TYPE=text/plain", "CONTENT_LENGTH=3"),
                               "a=1", 3),
                    WM_OK);
    CU_ASSERT_EQUAL(f.req->form.count, 0);
    CU_ASSERT_EQUAL(f.req->body.len, 3);
    fx_free(&f);
}

static void test_limits_come_from_config(void)
{
    struct config cfg;
    memset(&cfg, 0, sizeof(cfg));
    struct http_limits lim;
    http_limits_init(&lim, &cfg);
    CU_ASSERT_EQUAL(lim.max_body, HTTP_DEFAULT_MAX_BODY);
    CU_ASSERT_EQUAL(lim.max_fields, HTTP_DEFAULT_MAX_FIELDS);
    cfg.http_max_body = 1234;
    cfg.http_max_fields = 7;
    http_limits_init(&lim, &cfg);
    CU_ASSERT_EQUAL(lim.max_body, 1234);
    CU_ASSERT_EQUAL(lim.max_fields, 7);
    CU_ASSERT_EQUAL(lim.max_header_bytes, HTTP_DEFAULT_MAX_HEADER_BYTES);
    CU_ASSERT_EQUAL(lim.max_uri_bytes, HTTP_DEFAULT_MAX_URI_BYTES);
    CU_ASSERT_EQUAL(lim.max_part_header_bytes, HTTP_DEFAULT_MAX_PART_HEADER_BYTES);
}

/* clang-format off */
static CU_TestInfo tests[] = {
    { "a simple GET is parsed into method, path, query, host and id", test_simple_get },
    { "the seven methods map to the enum and others to HTTP_OTHER", test_methods },
    { "a missing or malformed method is 400", test_bad_methods },
    { "the path is percent-decoded but '+' stays", test_path_is_percent_decoded },
    { "invalid percent-encoding in the path is 400", test_path_rejects_bad_encoding },
    { "a NUL or an encoded slash in the path is 400", test_path_rejects_nul_and_encoded_slash },
    { "'.' and '..' segments, raw or encoded, are 400", test_path_rejects_dot_segments },
    { "dots inside segments and double slashes are kept as sent",
      test_path_keeps_dots_inside_segments_and_slashes },
    { "control characters in the path are 400", test_path_rejects_control_characters },
    { "a path that does not start with '/' is 400", test_path_must_be_absolute },
    { "without REQUEST_URI the path is SCRIPT_NAME plus PATH_INFO",
      test_path_falls_back_to_script_name_and_path_info },
    { "the query comes from QUERY_STRING, else from REQUEST_URI",
      test_query_from_query_string_or_uri },
    { "a URI over the limit is 413", test_uri_length_is_limited },
    { "query params are decoded and repeated keys kept in order",
      test_query_params_are_decoded_in_order },
    { "a query with bad encoding or a NUL is 400", test_query_with_bad_encoding_is_400 },
    { "two thousand query params hit the field limit", test_two_thousand_query_params_hit_the_limit },
    { "headers get canonical names and any-case lookup",
      test_headers_have_canonical_names_and_any_case_lookup },
    { "header count and total size are limited", test_header_count_and_size_are_limited },
    { "HTTPS is detected and a hostile Host falls back to SERVER_NAME", test_https_and_host },
    { "only a well-formed incoming X-Request-Id is kept",
      test_request_id_honours_only_well_formed_incoming_ids },
    { "a failed parse still gives a request for the error reply",
      test_failed_parse_still_gives_a_request_for_the_error_reply },
    { "JSON is wanted for JSON Accept headers and API paths", test_wants_json },
    { "cookies come from the Cookie header, first wins", test_cookies_come_from_the_cookie_header },
    { "the body is exactly Content-Length bytes and NUL-terminated",
      test_body_reads_exactly_content_length },
    { "the body is read across short reads", test_body_is_read_across_short_reads },
    { "a missing or empty length means no body", test_missing_or_empty_length_means_no_body },
    { "a chunked body without a length is read to the end, within the limit",
      test_a_chunked_body_without_length_is_read_to_the_end },
    { "a negative or non-numeric Content-Length is 400", test_garbage_content_length_is_400 },
    { "a huge Content-Length is 413 before any byte is read",
      test_huge_content_length_is_413_without_reading },
    { "a body at exactly the limit is accepted", test_body_at_exactly_the_limit_is_accepted },
    { "a body shorter than Content-Length is 400", test_short_body_is_400 },
    { "a urlencoded body fills the form, and the form wins over the query",
      test_urlencoded_body_fills_the_form_and_form_wins },
    { "a form body with bad encoding is 400", test_bad_form_body_is_400 },
    { "JSON and unknown bodies stay raw", test_json_and_unknown_bodies_stay_raw },
    { "limits come from the defaults and the config", test_limits_come_from_config },
    CU_TEST_INFO_NULL,
};
/* clang-format on */

SUITE_INFO(http_request, "http/request", NULL, NULL, tests);
