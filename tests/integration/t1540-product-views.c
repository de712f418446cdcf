/*
 * t1540-product-views.c: product views are counted where they happen and reach
 * products.views through the worker. Each case uses a product of its own, made by a new
 * vendor, so nothing else views it: ProductById (executed, then served whole from the response
 * cache) and the product page count; the vendor's own reads and crawlers do not; the worker's
 * views_flush job adds the counts in one write per product that leaves updated_at alone and
 * logs one search change, and views counted after a flush wait for the next one; the vendor
 * sees them in the inventory list and on the stock page (/sell); a product the full list
 * could not take is counted again from its next view.
 */
#include <stdio.h>
#include <string.h>

#include <json.h>

#include "lib/it.h"

#define PRODUCT_BY_ID "query ProductById($id: Int!) { product(id: $id) { id name views } }"

static const char *const googlebot =
        "User-Agent: Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
static const char *const phone = "User-Agent: Dart/3.5 (dart:io)";

/* ProductById of id as the app sends it, signed out, with the User-Agent header ua; true when
 * the answer came whole from the response cache (extensions.cachedAnswer). */
static bool read_product(const char *id, const char *ua)
{
    char body[512];
    snprintf(body, sizeof(body), "{\"query\":\"%s\",\"variables\":{\"id\":%s}}", PRODUCT_BY_ID, id);
    const char *headers[] = { "Content-Type: application/json", ua, NULL };
    struct it_response r;
    it_request("POST", "/wms/graphql/", headers, body, strlen(body), &r);
    CU_ASSERT_EQUAL(r.status, 200);
    struct json_object *reply = json_tokener_parse(r.body.ptr ? r.body.ptr : "");
    CU_ASSERT_PTR_NOT_NULL_FATAL(reply);
    CU_ASSERT_STRING_EQUAL(it_text_at(reply, "product.id"), id);
    bool cached = it_cached_answer(reply) == 1;
    json_object_put(reply);
    it_response_release(&r);
    return cached;
}

static long views_of(const char *id)
{
    return it_sql_long("SELECT views FROM products WHERE id = %s", id);
}

/* Flush with the worker now and wait until no flush is left to run (the stack's own worker
 * may claim it, or retry one) and the product reads want views. */
static long flushed_views(const char *id, long want)
{
    CU_ASSERT_EQUAL(it_worker_once("t1540-worker"), 0);
    CU_ASSERT_EQUAL(it_sql_wait(0, 10,
                                "SELECT COUNT(*) FROM jobs WHERE kind = 'views_flush' "
                                "AND state IN ('queued', 'running')"),
                    0);
    return it_sql_wait(want, 10, "SELECT views FROM products WHERE id = %s", id);
}

static void views_are_counted_also_for_cached_answers(void)
{
    char id[32];
    (void)it_vendor_with_product("t1540-a", "Counted Crate", id, sizeof(id));
    CU_ASSERT_EQUAL(views_of(id), 0);
    CU_ASSERT_FALSE(read_product(id, phone)); /* executed, and kept */
    CU_ASSERT_TRUE(read_product(id, phone));  /* served whole from memcached */
    CU_ASSERT_TRUE(read_product(id, NULL));
    /* The product page, signed out. */
    struct it_client c = { 0 };
    char path[64];
    snprintf(path, sizeof(path), "/products/%s", id);
    for (int i = 0; i < 2; i++) {
        struct it_response r;
        it_client_get(&c, path, &r);
        CU_ASSERT_EQUAL(r.status, 200);
        CU_ASSERT_TRUE(it_body_has(&r, "Counted Crate"));
        it_response_release(&r);
    }
    CU_ASSERT_EQUAL(views_of(id), 0); /* nothing written per view */
    CU_ASSERT_EQUAL(flushed_views(id, 5), 5);
    /* Flushed counts are not added twice. */
    CU_ASSERT_EQUAL(flushed_views(id, 5), 5);
}

static void the_vendor_and_crawlers_do_not_count(void)
{
    char id[32];
    const char *owner = it_vendor_with_product("t1540-b", "Uncounted Crate", id, sizeof(id));
    char vars[64];
    snprintf(vars, sizeof(vars), "{\"id\":%s}", id);
    for (int i = 0; i < 2; i++) {
        struct json_object *r = it_gql_as(PRODUCT_BY_ID, vars, owner);
        CU_ASSERT_STRING_EQUAL(it_text_at(r, "product.id"), id);
        json_object_put(r);
    }
    CU_ASSERT_FALSE(read_product(id, googlebot)); /* executed for a crawler, and kept */
    CU_ASSERT_TRUE(read_product(id, googlebot));
    CU_ASSERT_EQUAL(flushed_views(id, 0), 0);
    /* The answer kept while a crawler asked still counts for a person served it. */
    CU_ASSERT_TRUE(read_product(id, phone));
    CU_ASSERT_EQUAL(flushed_views(id, 1), 1);
}

static void a_flush_writes_once_per_product_and_keeps_updated_at(void)
{
    char id[32];
    (void)it_vendor_with_product("t1540-c", "Flushed Crate", id, sizeof(id));
    char before[64] = "";
    CU_ASSERT_EQUAL(
            it_sql(before, sizeof(before), "SELECT updated_at FROM products WHERE id = %s", id), 0);
    long changes = it_sql_long("SELECT COUNT(*) FROM search_changes WHERE product_id = %s", id);
    for (int i = 0; i < 4; i++)
        (void)read_product(id, phone);
    CU_ASSERT_EQUAL(flushed_views(id, 4), 4);
    char after[64] = "";
    CU_ASSERT_EQUAL(
            it_sql(after, sizeof(after), "SELECT updated_at FROM products WHERE id = %s", id), 0);
    CU_ASSERT_STRING_EQUAL(after, before);
    /* One search change for four views: the search server's MOST_POPULAR order follows. */
    CU_ASSERT_EQUAL(it_sql_long("SELECT COUNT(*) FROM search_changes WHERE product_id = %s", id),
                    changes + 1);
    /* Views after a flush wait for the next one. */
    (void)read_product(id, phone);
    CU_ASSERT_EQUAL(views_of(id), 4);
    CU_ASSERT_EQUAL(flushed_views(id, 5), 5);
}

static void the_vendor_sees_views_on_the_stock_page(void)
{
    char email[256];
    const char *token = it_sign_up_as("t1540-d", "SUPPLIER", email, sizeof(email));
    CU_ASSERT_TRUE_FATAL(it_verify_email(email));
    char id[32];
    it_vendor_product(token, "Watched Crate", id, sizeof(id));
    for (int i = 0; i < 3; i++)
        (void)read_product(id, phone);
    CU_ASSERT_EQUAL(flushed_views(id, 3), 3);
    /* The API's inventory list, then the page built on it. */
    struct json_object *r = it_gql_as("{ inventoryItems(first: 5, sortBy: \"-views\") { edges { "
                                      "node { id views sales } } } }",
                                      NULL, token);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "inventoryItems.edges.0.node.id"), id);
    CU_ASSERT_EQUAL(json_object_get_int64(it_at(r, "inventoryItems.edges.0.node.views")), 3);
    json_object_put(r);
    struct it_client c = { 0 };
    CU_ASSERT_TRUE_FATAL(it_client_sign_in(&c, email, false));
    struct it_response page;
    it_client_get(&c, "/sell", &page);
    CU_ASSERT_EQUAL(page.status, 200);
    CU_ASSERT_TRUE(it_body_has(&page, "<th scope=\"col\" class=\"num\">Views</th>"));
    char cell[512];
    snprintf(cell, sizeof(cell), "Watched Crate</a></td>");
    const char *row = page.body.ptr ? strstr(page.body.ptr, cell) : NULL;
    CU_ASSERT_PTR_NOT_NULL_FATAL(row);
    /* category, price, stock, then the views */
    const char *views = row;
    for (int i = 0; i < 4 && views; i++)
        views = strstr(views + 1, "<td");
    CU_ASSERT_PTR_NOT_NULL_FATAL(views);
    CU_ASSERT_EQUAL(strncmp(views, "<td class=\"num\">3</td>", 22), 0);
    it_response_release(&page);
}

/* A product first viewed while the list takes no more (memcached's item size) is not left
 * off it for good: that view is dropped, and the next one lists the product again. */
static void a_view_the_full_list_refused_leaves_the_next_counted(void)
{
    char id[32];
    (void)it_vendor_with_product("t1540-e", "Crowded Crate", id, sizeof(id));
    CU_ASSERT_TRUE_FATAL(it_cache_fill("pv:list", ' ') > 0);
    CU_ASSERT_FALSE(read_product(id, phone)); /* counted, but not listed: dropped */
    CU_ASSERT_EQUAL(flushed_views(id, 0), 0); /* takes the full list (no ids in it) */
    CU_ASSERT_TRUE(read_product(id, phone));
    CU_ASSERT_TRUE(read_product(id, phone));
    CU_ASSERT_EQUAL(flushed_views(id, 2), 2);
}

static CU_TestInfo tests[] = {
    { "views are counted, also for cached answers", views_are_counted_also_for_cached_answers },
    { "the vendor and crawlers do not count", the_vendor_and_crawlers_do_not_count },
    { "a flush writes once per product and keeps updated_at",
      a_flush_writes_once_per_product_and_keeps_updated_at },
    { "the vendor sees views on the stock page", the_vendor_sees_views_on_the_stock_page },
    { "a view the full list refused leaves the next counted",
      a_view_the_full_list_refused_leaves_the_next_counted },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t1540_product_views, "t1540/product-views", NULL, NULL, tests);
