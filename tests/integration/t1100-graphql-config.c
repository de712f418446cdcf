/*
 * t1100-graphql-config.c: the graphql.* configuration keys change what the worker accepts.
 * Each case runs the worker binary once as plain CGI with MARKET_GRAPHQL_* overrides over
 * the test stack's config, so the running stack is not touched.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/it.h"

static void introspection_can_be_switched_off(void)
{
    struct buf r;
    it_cgi_post("MARKET_GRAPHQL_INTROSPECTION=false",
                "{\"query\":\"{ __schema { queryType { name } } }\"}", &r);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.ptr, "GraphQL introspection is not allowed"));
    CU_ASSERT_PTR_NULL(strstr(r.ptr, "\"data\""));
    buf_release(&r);
    it_cgi_post("MARKET_GRAPHQL_INTROSPECTION=false", "{\"query\":\"{ __typename }\"}", &r);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.ptr, "\"data\":{\"__typename\":\"Query\"}"));
    buf_release(&r);
    it_cgi_post("MARKET_GRAPHQL_INTROSPECTION=true",
                "{\"query\":\"{ __schema { queryType { name } } }\"}", &r);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.ptr, "{\"queryType\":{\"name\":\"Query\"}}"));
    buf_release(&r);
}

static void the_cost_limit_refuses_expensive_operations(void)
{
    struct buf r;
    it_cgi_post("MARKET_GRAPHQL_MAX_COST=3", "{\"query\":\"{ health { status database cache } }\"}",
                &r);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.ptr, "Query is too expensive: cost 4 exceeds the limit of 3."));
    buf_release(&r);
    it_cgi_post("MARKET_GRAPHQL_MAX_COST=4", "{\"query\":\"{ health { status database cache } }\"}",
                &r);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.ptr, "\"extensions\":{\"cost\":4,\"sqlStatements\":"));
    buf_release(&r);
}

static void the_batch_limit_refuses_large_batches(void)
{
    struct buf r;
    it_cgi_post("MARKET_GRAPHQL_MAX_BATCH=2",
                "[{\"query\":\"{a:__typename}\"},{\"query\":\"{b:__typename}\"},"
                "{\"query\":\"{c:__typename}\"}]",
                &r);
    CU_ASSERT_TRUE(strncmp(r.ptr, "Status: 400 ", 12) == 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.ptr, "A batch may hold at most 2 requests."));
    buf_release(&r);
}

static void the_token_limit_stops_huge_documents(void)
{
    struct buf body = BUF_INIT(NULL);
    buf_appends(&body, "{\"query\":\"{");
    for (int i = 0; i < 200; i++)
        buf_appends(&body, " __typename");
    buf_appends(&body, " }\"}");
    struct buf r;
    it_cgi_post("MARKET_GRAPHQL_MAX_TOKENS=100", body.ptr, &r);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.ptr, "Document contains more th"));
    buf_release(&r);
    buf_release(&body);
}

static CU_TestInfo tests[] = {
    { "introspection can be switched off", introspection_can_be_switched_off },
    { "the cost limit refuses expensive operations", the_cost_limit_refuses_expensive_operations },
    { "the batch limit refuses large batches", the_batch_limit_refuses_large_batches },
    { "the token limit stops huge documents", the_token_limit_stops_huge_documents },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t1100_graphql_config, "t1100/graphql-config", NULL, NULL, tests);
