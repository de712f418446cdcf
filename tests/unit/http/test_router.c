/*
 * test_router.c: unit tests for src/http/router.c against a small table shaped like the real
 * one: exact paths, ":name" captures, a "*" wildcard, trailing slashes that matter, first-match
 * order, HEAD served by GET, and 405 with the Allow list.
 */
#include "http/http.h"

#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "test.h"

static int h_home(struct wm_ctx *ctx, struct http_request *req, struct http_response *res)
{
    (void)ctx;
    (void)req;
    (void)res;
    return WM_OK;
}

/* Distinct handlers so that tests can tell rows apart by pointer as well as by index. */
static int h_other(struct wm_ctx *ctx, struct http_request *req, struct http_response *res)
{
    return h_home(ctx, req, res);
}

/* clang-format off */
static const struct route table[] = {
    /* method       pattern                       handler  flags, params */
    { HTTP_GET,     "/",                          h_home,  0, NULL, NULL },
    { HTTP_GET,     "/products/new",              h_other, ROUTE_AUTH, NULL, NULL },
    { HTTP_GET,     "/products/:id",              h_home,  0, NULL, NULL },
    { HTTP_POST,    "/products/:id",              h_other, ROUTE_AUTH | ROUTE_CSRF | ROUTE_TX, NULL, NULL },
    { HTTP_DELETE,  "/products/:id",              h_other, ROUTE_AUTH | ROUTE_CSRF | ROUTE_TX, NULL, NULL },
    { HTTP_GET,     "/vendors/:vid/products/:pid", h_home, 0, NULL, NULL },
    { HTTP_POST,    "/graphql/",                  h_other, ROUTE_JSON, NULL, NULL },
    { HTTP_GET,     "/graphql/",                  h_other, ROUTE_JSON, NULL, NULL },
    { HTTP_POST,    "/api/upload-image/",         h_other, ROUTE_JSON | ROUTE_UPLOAD, NULL, NULL },
    { HTTP_GET,     "/media/*",                   h_home,  0, NULL, NULL },
    { HTTP_GET,     "/status",                    h_home,  0, NULL, NULL },
    { HTTP_HEAD,    "/status",                    h_other, 0, NULL, NULL },
    { HTTP_OPTIONS, "/graphql/",                  h_home,  0, NULL, NULL },
};
/* clang-format on */

#define NROUTES (sizeof(table) / sizeof(table[0]))

struct fx {
    struct arena *a;
    struct wm_ctx ctx;
    struct http_request *req;
    const struct route *r;
};

/* Parse a request for method and uri (which must parse) and route it; returns the result. */
static int route(struct fx *f, const char *method, const char *uri)
{
    struct http_limits lim;
    http_limits_init(&lim, NULL);
    char *env[3] = { arena_printf(f->a, "REQUEST_METHOD=%s", method),
                     arena_printf(f->a, "REQUEST_URI=%s", uri), NULL };
    struct http_io io;
    struct buf out = BUF_INIT(f->a);
    http_io_mem(&io, env, NULL, 0, &out);
    CU_ASSERT_EQUAL_FATAL(http_request_parse(&f->ctx, &io, &lim, &f->req), WM_OK);
    return http_route(table, NROUTES, f->req, &f->r);
}

static void fx_init(struct fx *f)
{
    memset(f, 0, sizeof(*f));
    f->a = arena_new(0);
    f->ctx.arena = f->a;
}

static void fx_free(struct fx *f)
{
    arena_free(f->a);
}

static size_t row(const struct fx *f)
{
    return f->r ? (size_t)(f->r - table) : (size_t)-1;
}

static void test_exact_paths_match(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL(route(&f, "GET", "/"), WM_OK);
    CU_ASSERT_EQUAL(row(&f), 0);
    CU_ASSERT_EQUAL(route(&f, "GET", "/status?verbose=1"), WM_OK);
    CU_ASSERT_EQUAL(row(&f), 10);
    CU_ASSERT_EQUAL(f.req->path_params.count, 0);
    fx_free(&f);
}

static void test_unknown_paths_are_not_found(void)
{
    struct fx f;
    fx_init(&f);
    const char *paths[] = {
        "/nope",     "/products", "/products/", "/products/1/extra", "/vendors/1/products",
        "/statuses", "/Status",   "//"
    };
    for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
        CU_ASSERT_EQUAL(route(&f, "GET", paths[i]), WM_ENOTFOUND);
        CU_ASSERT_PTR_NULL(f.r);
        CU_ASSERT_PTR_NULL(f.req->allow);
    }
    fx_free(&f);
}

static void test_trailing_slash_matters(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL(route(&f, "POST", "/graphql/"), WM_OK);
    CU_ASSERT_EQUAL(row(&f), 6);
    CU_ASSERT_EQUAL(route(&f, "POST", "/graphql"), WM_ENOTFOUND);
    CU_ASSERT_EQUAL(route(&f, "GET", "/status/"), WM_ENOTFOUND);
    CU_ASSERT_EQUAL(route(&f, "POST", "/api/upload-image"), WM_ENOTFOUND);
    fx_free(&f);
}

static void test_named_segments_are_captured(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL(route(&f, "GET", "/products/42"), WM_OK);
    CU_ASSERT_EQUAL(row(&f), 2);
    CU_ASSERT_STRING_EQUAL(http_path_param(f.req, "id"), "42");
    CU_ASSERT_EQUAL(route(&f, "GET", "/vendors/v%207/products/p-9"), WM_OK);
    CU_ASSERT_EQUAL(row(&f), 5);
    CU_ASSERT_STRING_EQUAL(http_path_param(f.req, "vid"), "v 7");
    CU_ASSERT_STRING_EQUAL(http_path_param(f.req, "pid"), "p-9");
    CU_ASSERT_PTR_NULL(http_path_param(f.req, "id"));
    CU_ASSERT_EQUAL(route(&f, "GET", "/vendors//products/1"), WM_ENOTFOUND);
    fx_free(&f);
}

static void test_first_matching_row_wins(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL(route(&f, "GET", "/products/new"), WM_OK);
    CU_ASSERT_EQUAL(row(&f), 1);
    CU_ASSERT_EQUAL(f.r->flags, ROUTE_AUTH);
    CU_ASSERT_EQUAL(f.req->path_params.count, 0);
    /* POST to the same path falls through to the ":id" row. */
    CU_ASSERT_EQUAL(route(&f, "POST", "/products/new"), WM_OK);
    CU_ASSERT_EQUAL(row(&f), 3);
    CU_ASSERT_STRING_EQUAL(http_path_param(f.req, "id"), "new");
    CU_ASSERT_EQUAL(f.r->flags, ROUTE_AUTH | ROUTE_CSRF | ROUTE_TX);
    fx_free(&f);
}

static void test_wildcard_takes_the_rest(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL(route(&f, "GET", "/media/products/1/a.jpg"), WM_OK);
    CU_ASSERT_EQUAL(row(&f), 9);
    CU_ASSERT_STRING_EQUAL(http_path_param(f.req, "*"), "products/1/a.jpg");
    CU_ASSERT_EQUAL(route(&f, "GET", "/media/"), WM_OK);
    CU_ASSERT_STRING_EQUAL(http_path_param(f.req, "*"), "");
    CU_ASSERT_EQUAL(route(&f, "GET", "/media"), WM_ENOTFOUND);
    CU_ASSERT_EQUAL(route(&f, "GET", "/mediax/a"), WM_ENOTFOUND);
    fx_free(&f);
}

static void test_wrong_method_is_405_with_allow(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL(route(&f, "PUT", "/products/7"), WM_EMETHOD);
    CU_ASSERT_PTR_NULL(f.r);
    CU_ASSERT_STRING_EQUAL(f.req->allow, "GET, HEAD, POST, DELETE");
    CU_ASSERT_EQUAL(route(&f, "DELETE", "/graphql/"), WM_EMETHOD);
    CU_ASSERT_STRING_EQUAL(f.req->allow, "GET, HEAD, POST, OPTIONS");
    CU_ASSERT_EQUAL(route(&f, "GET", "/api/upload-image/"), WM_EMETHOD);
    CU_ASSERT_STRING_EQUAL(f.req->allow, "POST");
    CU_ASSERT_EQUAL(route(&f, "PROPFIND", "/"), WM_EMETHOD);
    CU_ASSERT_STRING_EQUAL(f.req->allow, "GET, HEAD");
    CU_ASSERT_EQUAL(route(&f, "get", "/"), WM_EMETHOD);
    fx_free(&f);
}

static void test_head_is_served_by_get_unless_a_head_row_exists(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL(route(&f, "HEAD", "/products/5"), WM_OK);
    CU_ASSERT_EQUAL(row(&f), 2);
    CU_ASSERT_STRING_EQUAL(http_path_param(f.req, "id"), "5");
    /* "/status" has a GET row first and a HEAD row later: the HEAD row wins. */
    CU_ASSERT_EQUAL(route(&f, "HEAD", "/status"), WM_OK);
    CU_ASSERT_EQUAL(row(&f), 11);
    CU_ASSERT_EQUAL(route(&f, "HEAD", "/api/upload-image/"), WM_EMETHOD);
    fx_free(&f);
}

static void test_captures_are_reset_between_routings(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL(route(&f, "GET", "/products/1"), WM_OK);
    struct http_request *req = f.req;
    static const struct route products_only[] = { { HTTP_GET, "/products/:id", h_home, 0, NULL,
                                                    NULL } };
    CU_ASSERT_EQUAL(http_route(products_only, 1, req, &f.r), WM_OK);
    CU_ASSERT_EQUAL(req->path_params.count, 1);
    static const struct route none[] = { { HTTP_GET, "/x", h_home, 0, NULL, NULL } };
    CU_ASSERT_EQUAL(http_route(none, 1, req, &f.r), WM_ENOTFOUND);
    CU_ASSERT_EQUAL(req->path_params.count, 0);
    CU_ASSERT_PTR_NULL(http_path_param(req, "id"));
    CU_ASSERT_EQUAL(http_route(none, 0, req, &f.r), WM_ENOTFOUND);
    fx_free(&f);
}

static void test_route_flags_are_distinct_bits(void)
{
    const unsigned flags[] = { ROUTE_JSON, ROUTE_AUTH, ROUTE_CSRF, ROUTE_TX, ROUTE_UPLOAD };
    unsigned seen = 0;
    for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
        CU_ASSERT_EQUAL(flags[i] & (flags[i] - 1), 0);
        CU_ASSERT_EQUAL(seen & flags[i], 0);
        seen |= flags[i];
    }
}

/* clang-format off */
static CU_TestInfo tests[] = {
    { "exact paths match", test_exact_paths_match },
    { "unknown paths are not found", test_unknown_paths_are_not_found },
    { "the trailing slash matters", test_trailing_slash_matters },
    { "named segments are captured, decoded", test_named_segments_are_captured },
    { "the first matching row wins", test_first_matching_row_wins },
    { "the wildcard takes the rest of the path", test_wildcard_takes_the_rest },
    { "a wrong method is 405 with the Allow list", test_wrong_method_is_405_with_allow },
    { "HEAD is served by GET unless a HEAD row exists",
      test_head_is_served_by_get_unless_a_head_row_exists },
    { "captures are reset between routings", test_captures_are_reset_between_routings },
    { "route flags are distinct bits", test_route_flags_are_distinct_bits },
    CU_TEST_INFO_NULL,
};
/* clang-format on */

SUITE_INFO(http_router, "http/router", NULL, NULL, tests);
