/*
 * t5100-catalog-pages.c: the catalog's HTML pages through the web server, on the stack's
 * seeded demo catalog: the home page's featured products and departments, the product list
 * with search, category, price filters and cursor paging, a product's page and a shop's page,
 * prices formatted for the language, and 404 pages for what does not exist.
 */
#define _GNU_SOURCE /* strcasestr, memmem */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "lib/it.h"

/* The text after the first occurrence of from in body, up to the next quote: a link's path. */
static bool link_after(const struct it_response *r, const char *from, char *out, size_t len)
{
    const char *p = strstr(r->body.ptr, from);
    if (!p) return false;
    p += strlen(from);
    const char *q = strchr(p, '"');
    if (!q || (size_t)(q - p) >= len) return false;
    memcpy(out, p, (size_t)(q - p));
    out[q - p] = '\0';
    return true;
}

/* How many product cards a page shows. */
static int cards(const struct it_response *r)
{
    int n = 0;
    for (const char *p = r->body.ptr; (p = strstr(p, "class=\"product-card\"")) != NULL; p++)
        n++;
    return n;
}

static void the_home_page_shows_featured_products_and_departments(void)
{
    struct it_response r;
    it_get("/", &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(it_body_has(&r, "Featured products"));
    CU_ASSERT_TRUE(it_body_has(&r, "Recently added"));
    CU_ASSERT_TRUE(cards(&r) > 8); /* featured and recently added */
    CU_ASSERT_TRUE(it_body_has(&r, "href=\"/products?category="));
    CU_ASSERT_TRUE(it_body_has(&r, ">Women</a>"));
    CU_ASSERT_TRUE(it_body_has(&r, "£"));
    it_response_release(&r);
}

static void the_list_searches_filters_and_pages(void)
{
    struct it_response r;
    it_get("/products", &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_EQUAL(cards(&r), 24);
    CU_ASSERT_TRUE(it_body_has(&r, "products found"));
    char next[512];
    CU_ASSERT_TRUE_FATAL(link_after(&r, "rel=\"next\" href=\"", next, sizeof(next)));
    char first[64];
    CU_ASSERT_TRUE_FATAL(
            link_after(&r, "class=\"product-card\">\n  <a href=\"", first, sizeof(first)));
    it_response_release(&r);
    /* The next page: more products, none of them the first one. */
    char path[512];
    size_t j = 0;
    for (size_t i = 0; next[i] && j + 1 < sizeof(path); i++) { /* &amp; back to & */
        path[j++] = next[i];
        if (next[i] == '&' && strncmp(next + i, "&amp;", 5) == 0) i += 4;
    }
    path[j] = '\0';
    it_get(path, &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(cards(&r) > 0);
    char needle[96];
    snprintf(needle, sizeof(needle), "<a href=\"%s\"", first);
    CU_ASSERT_FALSE(it_body_has(&r, needle));
    it_response_release(&r);
    /* Words, a category and a price ceiling narrow it; the form keeps what was asked. */
    it_get("/products?q=shirt&category=1&maxPrice=30&sort=PRICE_LOW_TO_HIGH", &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(it_body_has(&r, "value=\"shirt\""));
    CU_ASSERT_TRUE(it_body_has(&r, "<option value=\"1\" selected>"));
    CU_ASSERT_TRUE(it_body_has(&r, "<option value=\"PRICE_LOW_TO_HIGH\" selected>"));
    CU_ASSERT_TRUE(strcasestr(r.body.ptr, "shirt") != NULL);
    it_response_release(&r);
    /* Nothing matches: said so. A malformed cursor: the problem is shown, not a crash. */
    it_get("/products?q=zzqqxxnothing", &r);
    CU_ASSERT_TRUE(it_body_has(&r, "No product matches"));
    CU_ASSERT_EQUAL(cards(&r), 0);
    it_response_release(&r);
    it_get("/products?after=not-a-cursor", &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(it_body_has(&r, "class=\"error-summary\""));
    CU_ASSERT_TRUE(it_body_has(&r, "malformed cursor"));
    it_response_release(&r);
}

static void a_product_page_shows_the_product_and_its_shop(void)
{
    /* The newest seeded product with price breaks (other suites make products of their own). */
    struct json_object *list =
            it_gql("{ allProducts(pageCount: 50) { id price priceTiers { minQuantity } vendor { "
                   "id } } }",
                   NULL, NULL);
    size_t k = 0;
    struct json_object *all = it_at(list, "allProducts");
    for (; all && k < json_object_array_length(all); k++) {
        char tiers[64];
        snprintf(tiers, sizeof(tiers), "allProducts.%zu.priceTiers", k);
        if (json_object_array_length(it_at(list, tiers)) > 0) break;
    }
    CU_ASSERT_TRUE_FATAL(all && k < json_object_array_length(all));
    char id[32];
    char shop[32];
    char at[64];
    snprintf(at, sizeof(at), "allProducts.%zu.id", k);
    snprintf(id, sizeof(id), "%s", it_text_at(list, at));
    snprintf(at, sizeof(at), "allProducts.%zu.vendor.id", k);
    snprintf(shop, sizeof(shop), "%s", it_text_at(list, at));
    char path[64];
    snprintf(path, sizeof(path), "/products/%s", id);
    struct it_response r;
    it_get(path, &r);
    CU_ASSERT_EQUAL(r.status, 200);
    /* The name is the title and the heading (HTML-escaped as the page does). */
    CU_ASSERT_TRUE(it_body_has(&r, "<h1>"));
    CU_ASSERT_TRUE(it_body_has(&r, "Minimum order"));
    CU_ASSERT_TRUE(it_body_has(&r, "Price per unit by quantity")); /* the seed's price breaks */
    char link[64];
    snprintf(link, sizeof(link), "href=\"/shops/%s\"", shop);
    CU_ASSERT_TRUE(it_body_has(&r, link));
    /* The price paid, formatted: £ and two decimals. */
    snprintf(at, sizeof(at), "allProducts.%zu.price", k);
    double price = json_object_get_double(it_at(list, at));
    CU_ASSERT_TRUE_FATAL(price > 0 && price < 1000); /* the seed's prices: no digit groups */
    char money[32];
    snprintf(money, sizeof(money), "£%.2f", price);
    CU_ASSERT_TRUE(it_body_has(&r, money));
    it_response_release(&r);
    /* German: the same price as 12,50 £. */
    const char *de[] = { "Accept-Language: de", NULL };
    it_request("GET", path, de, NULL, 0, &r);
    char euro[32];
    snprintf(euro, sizeof(euro), "%.2f £", price);
    char *dot = strchr(euro, '.');
    if (dot) *dot = ',';
    CU_ASSERT_TRUE(it_body_has(&r, euro));
    CU_ASSERT_TRUE(it_body_has(&r, "Mindestbestellmenge"));
    it_response_release(&r);
    /* The shop's page lists its products. */
    snprintf(path, sizeof(path), "/shops/%s", shop);
    it_get(path, &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(it_body_has(&r, "class=\"shop-head\""));
    CU_ASSERT_TRUE(cards(&r) > 0);
    snprintf(link, sizeof(link), "href=\"/products/%s\"", id);
    CU_ASSERT_TRUE(it_body_has(&r, link)); /* the newest product of the shop is listed */
    it_response_release(&r);
    json_object_put(list);
}

static void what_does_not_exist_is_a_404_page(void)
{
    static const char *const paths[] = { "/products/999999999", "/shops/999999999" };
    for (size_t i = 0; i < 2; i++) {
        struct it_response r;
        it_get(paths[i], &r);
        CU_ASSERT_EQUAL(r.status, 404);
        CU_ASSERT_TRUE(it_body_has(&r, "Page not found"));
        CU_ASSERT_TRUE(it_body_has(&r, "class=\"skip-link\""));
        it_response_release(&r);
    }
}

static void the_wishlist_page_needs_a_signed_in_buyer(void)
{
    /* The cart does not: a signed-out visitor has an anonymous one (t1610). */
    struct it_response r;
    it_get("/cart", &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(it_body_has(&r, "Your cart is empty."));
    it_response_release(&r);
    it_get("/wishlist", &r);
    CU_ASSERT_EQUAL(r.status, 303);
    CU_ASSERT_STRING_EQUAL(it_header(&r, "Location"), "/sign-in?next=/wishlist");
    it_response_release(&r);
}

static CU_TestInfo tests[] = {
    { "the home page shows featured products and departments",
      the_home_page_shows_featured_products_and_departments },
    { "the list searches, filters and pages", the_list_searches_filters_and_pages },
    { "a product page shows the product and its shop",
      a_product_page_shows_the_product_and_its_shop },
    { "what does not exist is a 404 page", what_does_not_exist_is_a_404_page },
    { "the wishlist page needs a signed-in buyer", the_wishlist_page_needs_a_signed_in_buyer },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t5100_catalog_pages, "t5100/catalog-pages", NULL, NULL, tests);
