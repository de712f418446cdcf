/*
 * t1000-graphql-http.c: GraphQL over HTTP through lighttpd: both endpoints (trailing slash,
 * no redirect), POST and GET, Accept negotiation and the status codes of each media type,
 * request errors, batches, multipart requests, limits (aliases, depth), introspection and the
 * SDL endpoint.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/it.h"

static const char *const JSON_CT[] = { "Content-Type: application/json", NULL };

static void post(const char *path, const char *const *headers, const char *body,
                 struct it_response *r)
{
    it_request("POST", path, headers ? headers : JSON_CT, body, strlen(body), r);
}

static void typename_on_both_endpoints(void)
{
    static const char *const paths[] = { "/graphql/", "/wms/graphql/" };
    for (size_t i = 0; i < 2; i++) {
        struct it_response r;
        post(paths[i], NULL, "{\"query\":\"{ __typename }\"}", &r);
        CU_ASSERT_EQUAL(r.status, 200);
        CU_ASSERT_STRING_EQUAL(it_header(&r, "Content-Type"), "application/json; charset=utf-8");
        CU_ASSERT_TRUE(it_body_has(&r, "\"data\":{\"__typename\":\"Query\"}"));
        /* The test stack has http.debug_routes on: the SQL count and the response cache's
         * answer follow the cost ({ __typename } alone is not a public catalog query). */
        CU_ASSERT_TRUE(it_body_has(&r, "\"extensions\":{\"cost\":1,\"sqlStatements\":0,"
                                       "\"cachedAnswer\":false}"));
        it_response_release(&r);
    }
    struct it_response r;
    post("/wms/graphql", NULL, "{\"query\":\"{ __typename }\"}", &r);
    CU_ASSERT_EQUAL(r.status, 404); /* no slash: not the endpoint, and never a redirect */
    it_response_release(&r);
}

static void health_resolves_through_the_system_domain(void)
{
    struct it_response r;
    post("/wms/graphql/", NULL,
         "{\"operationName\":\"H\",\"variables\":null,"
         "\"query\":\"query H { __typename health { __typename status database cache "
         "schemaVersion } }\"}",
         &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(it_body_has(&r, "\"health\":{\"__typename\":\"Health\",\"status\":\"ok\","
                                   "\"database\":\"up\",\"cache\":\"up\",\"schemaVersion\":"));
    it_response_release(&r);
}

static void validation_errors_are_200_for_json_and_400_for_graphql_response_json(void)
{
    const char *body = "{\"query\":\"{ nope }\"}";
    struct it_response r;
    post("/graphql/", NULL, body, &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(it_body_has(&r, "Cannot query field \\\"nope\\\" on type \\\"Query\\\"."));
    CU_ASSERT_TRUE(it_body_has(&r, "\"locations\":[{\"line\":1,\"column\":3}]"));
    CU_ASSERT_FALSE(it_body_has(&r, "\"data\""));
    it_response_release(&r);

    const char *h[] = { "Content-Type: application/json",
                        "Accept: application/graphql-response+json", NULL };
    post("/graphql/", h, body, &r);
    CU_ASSERT_EQUAL(r.status, 400);
    CU_ASSERT_STRING_EQUAL(it_header(&r, "Content-Type"),
                           "application/graphql-response+json; charset=utf-8");
    it_response_release(&r);

    post("/graphql/", h, "{\"query\":\"{ __typename \"}", &r); /* syntax error */
    CU_ASSERT_EQUAL(r.status, 400);
    CU_ASSERT_TRUE(it_body_has(&r, "Syntax Error: Expected Name, found <EOF>."));
    it_response_release(&r);
    post("/graphql/", h, "{\"query\":\"{ __typename }\"}", &r);
    CU_ASSERT_EQUAL(r.status, 200);
    it_response_release(&r);
}

static void requests_that_are_not_graphql_get_400(void)
{
    static const char *const bodies[] = {
        "{\"query\": ",                                     /* not JSON */
        "{\"variables\":{}}",                               /* no query */
        "{\"query\":\"{ __typename }\",\"variables\":[1]}", /* variables not an object */
        "{\"query\":42}",                                   /* query not a string */
        "[]",                                               /* empty batch */
        "\"{ __typename }\"",                               /* not an object */
    };
    for (size_t i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
        struct it_response r;
        post("/graphql/", NULL, bodies[i], &r);
        CU_ASSERT_EQUAL(r.status, 400);
        CU_ASSERT_TRUE(it_body_has(&r, "\"errors\":[{\"message\":"));
        if (r.status != 400) printf("\nbody %zu: %ld %s\n", i, r.status, r.body.ptr);
        it_response_release(&r);
    }
}

static void media_types_are_negotiated(void)
{
    struct it_response r;
    const char *text[] = { "Content-Type: text/plain", NULL };
    post("/graphql/", text, "{ __typename }", &r);
    CU_ASSERT_EQUAL(r.status, 415);
    it_response_release(&r);
    const char *html[] = { "Content-Type: application/json", "Accept: text/html", NULL };
    post("/graphql/", html, "{\"query\":\"{ __typename }\"}", &r);
    CU_ASSERT_EQUAL(r.status, 406);
    it_response_release(&r);
    const char *any[] = { "Content-Type: application/json; charset=utf-8", "Accept: */*", NULL };
    post("/graphql/", any, "{\"query\":\"{ __typename }\"}", &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_STRING_EQUAL(it_header(&r, "Content-Type"), "application/json; charset=utf-8");
    it_response_release(&r);
}

static void get_runs_queries_and_refuses_mutations(void)
{
    struct it_response r;
    it_get("/graphql/?query=%7B%20__typename%20%7D", &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(it_body_has(&r, "\"__typename\":\"Query\""));
    it_response_release(&r);
    it_get("/graphql/?query=mutation%20%7B%20__typename%20%7D", &r);
    CU_ASSERT_EQUAL(r.status, 405);
    CU_ASSERT_STRING_EQUAL(it_header(&r, "Allow"), "POST");
    it_response_release(&r);
    it_get("/graphql/?query=query%20Q(%24a%3AInt)%7B__typename%7D&variables=%7B%22a%22%3A1%7D", &r);
    CU_ASSERT_EQUAL(r.status, 200);
    it_response_release(&r);
}

static void batches_answer_in_order(void)
{
    struct it_response r;
    post("/graphql/", NULL,
         "[{\"query\":\"{ a: __typename }\"},{\"query\":\"{ nope }\"},"
         "{\"query\":\"{ b: __typename }\"}]",
         &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(r.body.ptr[0] == '[');
    const char *a = strstr(r.body.ptr, "\"a\":\"Query\"");
    const char *nope = strstr(r.body.ptr, "nope");
    const char *b = strstr(r.body.ptr, "\"b\":\"Query\"");
    CU_ASSERT_TRUE(a && nope && b && a < nope && nope < b);
    it_response_release(&r);
}

static void multipart_requests_run_their_operations(void)
{
    const char *body = "--B\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n"
                       "{\"query\":\"{ __typename }\",\"variables\":{\"file\":null}}\r\n"
                       "--B\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n"
                       "{\"0\":[\"variables.file\"]}\r\n"
                       "--B\r\nContent-Disposition: form-data; name=\"0\"; filename=\"a.txt\"\r\n"
                       "Content-Type: text/plain\r\n\r\nhello\r\n--B--\r\n";
    const char *h[] = { "Content-Type: multipart/form-data; boundary=B", NULL };
    struct it_response r;
    post("/graphql/", h, body, &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(it_body_has(&r, "\"__typename\":\"Query\""));
    it_response_release(&r);

    const char *bad = "--B\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n"
                      "{\"query\":\"{ __typename }\",\"variables\":{\"file\":null}}\r\n"
                      "--B\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n"
                      "{\"0\":[\"variables.nothere\"]}\r\n"
                      "--B\r\nContent-Disposition: form-data; name=\"0\"; filename=\"a.txt\"\r\n"
                      "\r\nhello\r\n--B--\r\n";
    post("/graphql/", h, bad, &r);
    CU_ASSERT_EQUAL(r.status, 400);
    CU_ASSERT_TRUE(it_body_has(&r, "variables.nothere"));
    it_response_release(&r);
}

static void alias_and_depth_limits_refuse_abuse(void)
{
    struct buf q = BUF_INIT(NULL);
    buf_appends(&q, "{\"query\":\"{");
    for (int i = 0; i < 31; i++)
        buf_appendf(&q, " a%d: __typename", i);
    buf_appends(&q, " }\"}");
    struct it_response r;
    post("/graphql/", NULL, q.ptr, &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(it_body_has(&r, "Query has too many aliases: 31 exceeds the limit of 30."));
    CU_ASSERT_TRUE(it_body_has(&r, "\"code\":\"LIMIT_EXCEEDED\""));
    it_response_release(&r);
    buf_release(&q);

    /* 16 levels of nesting through introspection (the limit is 15). */
    buf_init(&q, NULL, 0);
    buf_appends(&q, "{\"query\":\"{ __schema { types ");
    for (int i = 0; i < 13; i++)
        buf_appends(&q, "{ ofType ");
    buf_appends(&q, "{ name }");
    for (int i = 0; i < 14; i++)
        buf_appends(&q, " }");
    buf_appends(&q, " }\"}");
    post("/graphql/", NULL, q.ptr, &r);
    CU_ASSERT_TRUE(it_body_has(&r, "Query is too deep: depth 16 exceeds the limit of 15."));
    it_response_release(&r);
    buf_release(&q);
}

static void introspection_and_the_sdl_endpoint_describe_the_schema(void)
{
    struct it_response r;
    post("/graphql/", NULL, "{\"query\":\"{ __schema { queryType { name } } }\"}", &r);
    CU_ASSERT_TRUE(it_body_has(&r, "{\"__schema\":{\"queryType\":{\"name\":\"Query\"}}}"));
    it_response_release(&r);

    it_get("/graphql/schema.graphql", &r);
    CU_ASSERT_EQUAL(r.status, 200);
    char path[1024];
    snprintf(path, sizeof(path), "%s/src/api/schema.graphql", getenv("MARKET_ROOT"));
    FILE *f = fopen(path, "rb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    struct buf want = BUF_INIT(NULL);
    char tmp[4096];
    size_t n;
    while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
        buf_append(&want, tmp, n);
    fclose(f);
    CU_ASSERT_STRING_EQUAL(r.body.ptr, want.ptr);
    buf_release(&want);
    it_response_release(&r);
}

static CU_TestInfo tests[] = {
    { "__typename on both endpoints", typename_on_both_endpoints },
    { "health resolves through the system domain", health_resolves_through_the_system_domain },
    { "validation errors are 200 for JSON and 400 for graphql-response+json",
      validation_errors_are_200_for_json_and_400_for_graphql_response_json },
    { "requests that are not GraphQL get 400", requests_that_are_not_graphql_get_400 },
    { "media types are negotiated", media_types_are_negotiated },
    { "GET runs queries and refuses mutations", get_runs_queries_and_refuses_mutations },
    { "batches answer in order", batches_answer_in_order },
    { "multipart requests run their operations", multipart_requests_run_their_operations },
    { "alias and depth limits refuse abuse", alias_and_depth_limits_refuse_abuse },
    { "introspection and the SDL endpoint describe the schema",
      introspection_and_the_sdl_endpoint_describe_the_schema },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t1000_graphql_http, "t1000/graphql-http", NULL, NULL, tests);
