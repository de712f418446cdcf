/*
 * t0100-health.c: the basics through lighttpd: /healthz, routing (404, 405, HEAD), security
 * headers and request ids on every worker reply, static files served by the web server.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/it.h"

/* The version the stack must report: the file name of the highest NNNN_*.sql in
 * sql/migrations, quoted, or "null" when there is none. */
static void expected_schema_version(char *out, size_t len)
{
    char dir[1024];
    snprintf(dir, sizeof(dir), "%s/sql/migrations", getenv("MARKET_ROOT"));
    long best = -1;
    char name[256] = "";
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));) {
        char *end;
        long v = strtol(e->d_name, &end, 10);
        if (end != e->d_name && *end == '_' && strstr(e->d_name, ".sql") && v > best) {
            best = v;
            snprintf(name, sizeof(name), "%s", e->d_name);
        }
    }
    if (d) closedir(d);
    if (best < 0)
        snprintf(out, len, "null");
    else
        snprintf(out, len, "\"%s\"", name);
}

static void healthz_reports_database_cache_and_schema(void)
{
    struct it_response r;
    it_get("/healthz", &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_STRING_EQUAL(it_header(&r, "Content-Type"), "application/json; charset=utf-8");
    CU_ASSERT_TRUE(it_body_has(&r, "\"status\":\"ok\""));
    CU_ASSERT_TRUE(it_body_has(&r, "\"database\":{\"status\":\"up\""));
    CU_ASSERT_TRUE(it_body_has(&r, "\"cache\":{\"status\":\"up\""));
    char version[300], want[400];
    expected_schema_version(version, sizeof(version));
    snprintf(want, sizeof(want), "\"schema_version\":%s}", version);
    CU_ASSERT_TRUE(it_body_has(&r, want));
    CU_ASSERT_STRING_EQUAL(it_header(&r, "Cache-Control"), "no-store");
    it_response_release(&r);
}

static void every_worker_reply_carries_the_security_headers(void)
{
    static const char *const paths[] = { "/healthz", "/no/such/page" };
    for (size_t i = 0; i < 2; i++) {
        struct it_response r;
        it_get(paths[i], &r);
        CU_ASSERT_STRING_EQUAL(it_header(&r, "X-Content-Type-Options"), "nosniff");
        CU_ASSERT_STRING_EQUAL(it_header(&r, "X-Frame-Options"), "DENY");
        CU_ASSERT_PTR_NOT_NULL(it_header(&r, "Content-Security-Policy"));
        CU_ASSERT_PTR_NOT_NULL(it_header(&r, "Referrer-Policy"));
        CU_ASSERT_PTR_NULL(it_header(&r, "Strict-Transport-Security")); /* plain http */
        const char *id = it_header(&r, "X-Request-Id");
        CU_ASSERT_TRUE(id && strlen(id) == 12 && strspn(id, "0123456789abcdef") == 12);
        it_response_release(&r);
    }
}

static void a_valid_incoming_request_id_is_kept(void)
{
    const char *h[] = { "X-Request-Id: trace-abc-123", NULL };
    struct it_response r;
    it_request("GET", "/healthz", h, NULL, 0, &r);
    CU_ASSERT_STRING_EQUAL(it_header(&r, "X-Request-Id"), "trace-abc-123");
    it_response_release(&r);
    const char *bad[] = { "X-Request-Id: no spaces allowed", NULL };
    it_request("GET", "/healthz", bad, NULL, 0, &r);
    CU_ASSERT_STRING_NOT_EQUAL(it_header(&r, "X-Request-Id"), "no spaces allowed");
    it_response_release(&r);
}

static void unknown_paths_are_404_as_html_or_json(void)
{
    struct it_response r;
    const char *html[] = { "Accept: text/html", NULL };
    it_request("GET", "/no/such/page", html, NULL, 0, &r);
    CU_ASSERT_EQUAL(r.status, 404);
    CU_ASSERT_TRUE(strncmp(it_header(&r, "Content-Type"), "text/html", 9) == 0);
    CU_ASSERT_TRUE(it_body_has(&r, "404"));
    it_response_release(&r);

    it_get("/api/no-such-endpoint", &r);
    CU_ASSERT_EQUAL(r.status, 404);
    CU_ASSERT_TRUE(it_body_has(&r, "\"code\":\"NOT_FOUND\""));
    it_response_release(&r);
}

static void a_wrong_method_is_405_with_allow(void)
{
    struct it_response r;
    it_request("POST", "/healthz", NULL, "x", 1, &r);
    CU_ASSERT_EQUAL(r.status, 405);
    CU_ASSERT_STRING_EQUAL(it_header(&r, "Allow"), "GET, HEAD");
    it_response_release(&r);
}

static void head_gets_headers_without_a_body(void)
{
    struct it_response r;
    it_request("HEAD", "/healthz", NULL, NULL, 0, &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_EQUAL(r.body.len, 0);
    it_response_release(&r);
}

static void static_files_come_from_the_web_server(void)
{
    struct it_response r;
    it_get("/robots.txt", &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_PTR_NULL(it_header(&r, "X-Request-Id")); /* the worker was not involved */
    it_response_release(&r);
    it_get("/static/css/site.css", &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(strncmp(it_header(&r, "Content-Type"), "text/css", 8) == 0);
    it_response_release(&r);
}

static void a_nul_byte_in_the_path_is_rejected(void)
{
    struct it_response r;
    it_get("/healthz%00.txt", &r);
    CU_ASSERT_EQUAL(r.status, 400);
    it_response_release(&r);
}

static void debug_routes_answer_when_configured(void)
{
    /* run-tests turns them on in the stack's config; the worker reads the same key. */
    struct it_response r;
    it_get("/debug/request", &r);
    CU_ASSERT_EQUAL(r.status, 200);
    it_response_release(&r);
}

static CU_TestInfo tests[] = {
    { "healthz reports database, cache and schema", healthz_reports_database_cache_and_schema },
    { "every worker reply carries the security headers",
      every_worker_reply_carries_the_security_headers },
    { "a valid incoming request id is kept", a_valid_incoming_request_id_is_kept },
    { "unknown paths are 404 as html or json", unknown_paths_are_404_as_html_or_json },
    { "a wrong method is 405 with Allow", a_wrong_method_is_405_with_allow },
    { "HEAD gets headers without a body", head_gets_headers_without_a_body },
    { "static files come from the web server", static_files_come_from_the_web_server },
    { "a NUL byte in the path is rejected", a_nul_byte_in_the_path_is_rejected },
    { "debug routes answer when configured", debug_routes_answer_when_configured },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t0100_health, "t0100/health", NULL, NULL, tests);
