/*
 * t1530-search-engines.c: the search server (`market searchd`, src/searchd) against MariaDB's
 * full-text search on the same stack and the same requests: every answer (products in order,
 * counts, facets, pages) must be the same, for many words, filters, sorts and pages; only the
 * order of RELEVANCE may differ (each engine ranks its own way), so there the counts and facets
 * are compared. X-Search-Engine picks the engine of a request (http.debug_routes is on in the
 * test stack) and extensions.searchEngine says which one answered, so a fallback to MariaDB
 * cannot pass for the server. Then freshness: a product created, renamed, restocked or
 * archived is found (or not) by the very next search.
 */
#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "lib/it.h"

#define SEARCH_QUERY                                                                           \
    "query S($query: String!, $category: String, $minPrice: Float, $maxPrice: Float, "         \
    "$sortBy: String, $first: Int, $after: String, $vendorId: ID, $condition: ConditionEnum, " \
    "$inStock: Boolean, $featured: Boolean) { searchProducts(query: $query, category: "        \
    "$category, minPrice: $minPrice, maxPrice: $maxPrice, sortBy: $sortBy, first: $first, "    \
    "after: $after, vendorId: $vendorId, condition: $condition, inStock: $inStock, featured: " \
    "$featured) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } " \
    "facets { categories { value count } vendors { value count } priceBands { value count } } } }"
#define COUNT_QUERY                                                                           \
    "query C($query: String!, $sortBy: String, $minPrice: Float) { searchProducts(query: "    \
    "$query, sortBy: $sortBy, minPrice: $minPrice) { totalCount facets { categories { value " \
    "count } vendors { value count } priceBands { value count } } } }"

/* POST {query, variables} to /graphql/ answered by engine; the parsed reply (put it). */
static struct json_object *ask(const char *engine, const char *token, const char *query,
                               const char *vars)
{
    char engine_h[64], auth_h[1200];
    snprintf(engine_h, sizeof(engine_h), "X-Search-Engine: %s", engine);
    snprintf(auth_h, sizeof(auth_h), "Authorization: Bearer %s", token ? token : "");
    const char *headers[] = { "Content-Type: application/json", engine_h, token ? auth_h : NULL,
                              NULL };
    struct json_object *body = json_object_new_object();
    json_object_object_add(body, "query", json_object_new_string(query));
    json_object_object_add(body, "variables", json_tokener_parse(vars));
    const char *text = json_object_to_json_string_ext(body, JSON_C_TO_STRING_PLAIN);
    struct it_response r;
    it_request("POST", "/graphql/", headers, text, strlen(text), &r);
    CU_ASSERT_EQUAL(r.status, 200);
    struct json_object *reply = json_tokener_parse(r.body.ptr);
    CU_ASSERT_PTR_NOT_NULL(reply);
    json_object_put(body);
    it_response_release(&r);
    return reply;
}

static const char *member_text(struct json_object *reply, const char *a, const char *b)
{
    struct json_object *o = NULL, *v = NULL;
    if (!reply || !json_object_object_get_ex(reply, a, &o) || !json_object_object_get_ex(o, b, &v))
        return "";
    return json_object_get_string(v);
}

static int compared;

/* The same request through both engines: the same data, each answered by its own engine. */
static void same(const char *token, const char *query, const char *vars)
{
    struct json_object *m = ask("mariadb", token, query, vars);
    struct json_object *s = ask("searchd", token, query, vars);
    struct json_object *md = NULL, *sd = NULL;
    CU_ASSERT_TRUE(json_object_object_get_ex(m, "data", &md));
    CU_ASSERT_TRUE(json_object_object_get_ex(s, "data", &sd));
    CU_ASSERT_FALSE(json_object_object_get_ex(m, "errors", NULL));
    CU_ASSERT_STRING_EQUAL(member_text(m, "extensions", "searchEngine"), "mariadb");
    CU_ASSERT_STRING_EQUAL(member_text(s, "extensions", "searchEngine"), "searchd");
    const char *a = json_object_to_json_string_ext(md, JSON_C_TO_STRING_PLAIN);
    const char *b = json_object_to_json_string_ext(sd, JSON_C_TO_STRING_PLAIN);
    if (strcmp(a, b) != 0)
        fprintf(stderr, "engines differ for %s\n  mariadb: %.600s\n  searchd: %.600s\n", vars, a,
                b);
    CU_ASSERT_STRING_EQUAL(a, b);
    compared++;
    json_object_put(m);
    json_object_put(s);
}

static void engines_agree_on_words_filters_sorts_and_pages(void)
{
    static const char *const texts[] = { "",          "shirts",       "classic",   "premium jeans",
                                         "NORTHWIND", "black",        "wholesale", "t-shirts",
                                         "zzqqxx",    "sh",           "the",       "trade prices",
                                         "ess",       "navy jackets", "kitch" };
    static const char *const filters[] = {
        "",
        ",\"category\":\"1\"",
        ",\"minPrice\":10.0,\"maxPrice\":30.0",
        ",\"inStock\":true",
        ",\"featured\":true",
        ",\"condition\":\"BRAND_NEW_WITHOUT_TAGS\"",
        ",\"category\":\"675\",\"minPrice\":5.5",
    };
    static const char *const sorts[] = { "NEWEST", "OLDEST", "PRICE_LOW_TO_HIGH",
                                         "PRICE_HIGH_TO_LOW", "MOST_POPULAR" };
    char vars[512];
    for (size_t t = 0; t < sizeof(texts) / sizeof(*texts); t++)
        for (size_t f = 0; f < sizeof(filters) / sizeof(*filters); f++) {
            const char *sort = sorts[(t + f) % (sizeof(sorts) / sizeof(*sorts))];
            snprintf(vars, sizeof(vars), "{\"query\":\"%s\",\"sortBy\":\"%s\",\"first\":20%s}",
                     texts[t], sort, filters[f]);
            same(NULL, SEARCH_QUERY, vars);
        }
    /* Deeper pages, by cursor. */
    for (size_t s = 0; s < sizeof(sorts) / sizeof(*sorts); s++) {
        snprintf(vars, sizeof(vars),
                 "{\"query\":\"wholesale\",\"sortBy\":\"%s\",\"first\":7,"
                 "\"after\":\"o%x\"}",
                 sorts[s], 40 + 13 * (unsigned)s);
        same(NULL, SEARCH_QUERY, vars);
    }
    /* RELEVANCE: the same matches, counted and faceted alike (the order is each engine's). */
    same(NULL, COUNT_QUERY, "{\"query\":\"classic shirts\",\"sortBy\":\"RELEVANCE\"}");
    same(NULL, COUNT_QUERY, "{\"query\":\"black\",\"sortBy\":\"RELEVANCE\",\"minPrice\":20}");
    CU_ASSERT(compared >= 100);
}

static void engines_agree_on_a_shops_products_and_its_own_list(void)
{
    /* A shop's public products: the vendor of the first facet of a broad search. */
    struct json_object *r = ask("searchd", NULL, SEARCH_QUERY, "{\"query\":\"wholesale\"}");
    struct json_object *v = it_at(r, "searchProducts.facets.vendors.0.value");
    CU_ASSERT_PTR_NOT_NULL_FATAL(v);
    char vars[256];
    snprintf(vars, sizeof(vars), "{\"query\":\"\",\"vendorId\":\"%s\",\"first\":50}",
             json_object_get_string(v));
    same(NULL, SEARCH_QUERY, vars);
    json_object_put(r);
    /* The demo vendor's own list, drafts and archived included. */
    const char *token = it_demo_token("vendor");
    same(token,
         "query { vendorProducts(first: 50) { edges { node { id status } } pageInfo { "
         "hasNextPage } } }",
         "{}");
    same(token, "query { vendorProducts(first: 50, status: \"draft\") { edges { node { id } } } }",
         "{}");
}

/* totalCount of a searchProducts through the server, asserting it answered. */
static long count_of(const char *vars)
{
    struct json_object *r = ask("searchd", NULL, SEARCH_QUERY, vars);
    CU_ASSERT_STRING_EQUAL(member_text(r, "extensions", "searchEngine"), "searchd");
    struct json_object *n = it_at(r, "searchProducts.totalCount");
    long c = n ? (long)json_object_get_int64(n) : -1;
    json_object_put(r);
    return c;
}

static void a_write_is_found_by_the_next_search(void)
{
    char id[32], word[64], renamed[64], vars[512];
    snprintf(word, sizeof(word), "Quokka%ld", (long)it_now() % 100000000);
    snprintf(renamed, sizeof(renamed), "Wombat%ld", (long)it_now() % 100000000);
    const char *token = it_vendor_with_product("t1530", word, id, sizeof(id));
    snprintf(vars, sizeof(vars), "{\"query\":\"%s\"}", word);
    CU_ASSERT_EQUAL(count_of(vars), 1); /* created: found at once */
    snprintf(vars, sizeof(vars), "{\"query\":\"%s\",\"inStock\":true}", word);
    CU_ASSERT_EQUAL(count_of(vars), 0); /* no stock yet */

    char mut[512];
    snprintf(mut, sizeof(mut), "{\"p\":\"%s\",\"n\":\"%s\",\"s\":5}", id, renamed);
    struct json_object *r = it_gql_as("mutation($p: ID!, $n: String, $s: Int) { updateProduct("
                                      "productId: $p, name: $n, stockQuantity: $s) { success } }",
                                      mut, token);
    CU_ASSERT_TRUE(it_bool_at(r, "updateProduct.success"));
    json_object_put(r);
    snprintf(vars, sizeof(vars), "{\"query\":\"%s\",\"inStock\":true}", renamed);
    CU_ASSERT_EQUAL(count_of(vars), 1); /* renamed and restocked */
    snprintf(vars, sizeof(vars), "{\"query\":\"%s\"}", word);
    CU_ASSERT_EQUAL(count_of(vars), 0); /* the old name is gone */

    snprintf(mut, sizeof(mut), "{\"p\":\"%s\"}", id);
    r = it_gql_as("mutation($p: ID!) { deleteProduct(productId: $p) { success } }", mut, token);
    CU_ASSERT_TRUE(it_bool_at(r, "deleteProduct.success"));
    json_object_put(r);
    snprintf(vars, sizeof(vars), "{\"query\":\"%s\"}", renamed);
    CU_ASSERT_EQUAL(count_of(vars), 0); /* archived: off the public search */
}

static CU_TestInfo tests[] = {
    { "the engines agree on words, filters, sorts and pages",
      engines_agree_on_words_filters_sorts_and_pages },
    { "the engines agree on a shop's products and its own list",
      engines_agree_on_a_shops_products_and_its_own_list },
    { "a write is found by the next search", a_write_is_found_by_the_next_search },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t1530_search_engines, "t1530/search-engines", NULL, NULL, tests);
