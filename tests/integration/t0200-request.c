/*
 * t0200-request.c: request parsing end to end through the web server, read back from
 * /debug/request (on in the test stack): query strings, urlencoded forms, multipart uploads
 * with binary data, raw JSON bodies, cookies, the body size limit and malformed bodies.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/hash.h"
#include "lib/it.h"

static void fnv1a(const void *p, size_t n, char out[17])
{
    snprintf(out, 17, "%016llx", (unsigned long long)hash_fnv1a(p, n));
}

static void query_parameters_are_decoded_in_order(void)
{
    struct it_response r;
    it_get("/debug/request?a=1&b=hello+world&a=%C3%A9t%C3%A9&empty=", &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(it_body_has(&r, "\"query\":[[\"a\",\"1\"],[\"b\",\"hello world\"],"
                                   "[\"a\",\"\xc3\xa9t\xc3\xa9\"],[\"empty\",\"\"]]"));
    CU_ASSERT_TRUE(it_body_has(&r, "\"path\":\"/debug/request\""));
    it_response_release(&r);
}

static void urlencoded_forms_are_parsed(void)
{
    const char *h[] = { "Content-Type: application/x-www-form-urlencoded", NULL };
    const char *body = "name=Caf%C3%A9+Ltd&qty=12&note=a%26b%3Dc";
    struct it_response r;
    it_request("POST", "/debug/request", h, body, strlen(body), &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(it_body_has(&r, "[\"name\",\"Caf\xc3\xa9 Ltd\"]"));
    CU_ASSERT_TRUE(it_body_has(&r, "[\"qty\",\"12\"]"));
    CU_ASSERT_TRUE(it_body_has(&r, "[\"note\",\"a&b=c\"]"));
    it_response_release(&r);
}

static void multipart_uploads_arrive_byte_exact(void)
{
    /* A file holding every byte value, CRLFs and a near-boundary line. */
    size_t flen = 256 * 40;
    unsigned char *file = malloc(flen);
    for (size_t i = 0; i < flen; i++)
        file[i] = (unsigned char)(i * 7 + i / 256);
    memcpy(file + 1000, "\r\n--XyZbound", 12);
    struct buf body = BUF_INIT(NULL);
    buf_appends(&body, "--XyZboundary\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n"
                       "Blue shirt\r\n--XyZboundary\r\nContent-Disposition: form-data; "
                       "name=\"image\"; filename=\"C:\\\\photos\\\\shirt.png\"\r\n"
                       "Content-Type: image/png\r\n\r\n");
    buf_append(&body, file, flen);
    buf_appends(&body, "\r\n--XyZboundary--\r\n");
    const char *h[] = { "Content-Type: multipart/form-data; boundary=XyZboundary", NULL };
    struct it_response r;
    it_request("POST", "/debug/request", h, body.ptr, body.len, &r);
    CU_ASSERT_EQUAL(r.status, 200);
    char want[17], expect[128];
    fnv1a(file, flen, want);
    snprintf(expect, sizeof(expect), "\"size\":%zu,\"fnv1a\":\"%s\"", flen, want);
    CU_ASSERT_TRUE(it_body_has(&r, expect));
    CU_ASSERT_TRUE(it_body_has(&r, "\"filename\":\"shirt.png\""));
    CU_ASSERT_TRUE(it_body_has(&r, "\"content_type\":\"image/png\""));
    CU_ASSERT_TRUE(it_body_has(&r, "[\"title\",\"Blue shirt\"]"));
    if (!it_body_has(&r, expect)) printf("\n%s\n", r.body.ptr);
    it_response_release(&r);
    buf_release(&body);
    free(file);
}

static void truncated_multipart_is_400(void)
{
    const char *body = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue";
    const char *h[] = { "Content-Type: multipart/form-data; boundary=b", NULL };
    struct it_response r;
    it_request("POST", "/debug/request", h, body, strlen(body), &r);
    CU_ASSERT_EQUAL(r.status, 400);
    it_response_release(&r);
}

static void json_bodies_are_kept_raw(void)
{
    const char *body = "{\"query\":\"{ __typename }\"}";
    const char *h[] = { "Content-Type: application/json", NULL };
    struct it_response r;
    it_request("POST", "/debug/request", h, body, strlen(body), &r);
    char want[17], expect[64];
    fnv1a(body, strlen(body), want);
    snprintf(expect, sizeof(expect), "\"body_fnv1a\":\"%s\"", want);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(it_body_has(&r, expect));
    CU_ASSERT_TRUE(it_body_has(&r, "\"media_type\":\"application/json\""));
    it_response_release(&r);
}

static void cookies_are_parsed_and_never_echoed(void)
{
    const char *h[] = { "Cookie: sid=secret-value; theme=\"dark\"; junk", NULL };
    struct it_response r;
    it_request("GET", "/debug/request", h, NULL, 0, &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(it_body_has(&r, "[\"sid\",\"***\"]"));
    CU_ASSERT_TRUE(it_body_has(&r, "[\"theme\",\"***\"]"));
    CU_ASSERT_FALSE(it_body_has(&r, "secret-value"));
    it_response_release(&r);
}

static void a_body_over_the_limit_is_413(void)
{
    size_t n = 10 * 1024 * 1024 + 1; /* http.max_body defaults to 10 MiB */
    char *big = malloc(n);
    memset(big, 'a', n);
    const char *h[] = { "Content-Type: application/octet-stream", NULL };
    struct it_response r;
    it_request("POST", "/debug/request", h, big, n, &r);
    CU_ASSERT_EQUAL(r.status, 413);
    CU_ASSERT_TRUE(it_body_has(&r, "PAYLOAD_TOO_LARGE"));
    it_response_release(&r);
    free(big);
}

static void custom_headers_reach_the_worker(void)
{
    const char *h[] = { "X-Custom-Thing: 42", "Authorization: Bearer abc.def", NULL };
    struct it_response r;
    it_request("GET", "/debug/request", h, NULL, 0, &r);
    CU_ASSERT_TRUE(it_body_has(&r, "[\"X-Custom-Thing\",\"42\"]"));
    CU_ASSERT_TRUE(it_body_has(&r, "[\"Authorization\",\"***\"]"));
    it_response_release(&r);
}

static CU_TestInfo tests[] = {
    { "query parameters are decoded in order", query_parameters_are_decoded_in_order },
    { "urlencoded forms are parsed", urlencoded_forms_are_parsed },
    { "multipart uploads arrive byte-exact", multipart_uploads_arrive_byte_exact },
    { "truncated multipart is 400", truncated_multipart_is_400 },
    { "JSON bodies are kept raw", json_bodies_are_kept_raw },
    { "cookies are parsed and never echoed", cookies_are_parsed_and_never_echoed },
    { "a body over the limit is 413", a_body_over_the_limit_is_413 },
    { "custom headers reach the worker", custom_headers_reach_the_worker },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t0200_request, "t0200/request", NULL, NULL, tests);
