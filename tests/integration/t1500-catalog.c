/*
 * t1500-catalog.c: the catalog reads through HTTP, with the Flutter app's documents and the
 * stack's seeded demo catalog (`market seed` at start: 12 shops besides the demo vendor's, 240
 * products): every field the app reads, page-number and cursor paging, filters and sorts,
 * facets, not-found answers that leak nothing (unknown ids, drafts), the vendor's own list
 * with its drafts, a constant number of SQL statements per page whatever its size (reported in
 * extensions.sqlStatements with http.debug_routes on), none for a cached page, and a fresh
 * read after the seed bumps the cache namespaces.
 */
#define _GNU_SOURCE /* strcasestr */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "lib/it.h"

#define ALL_PRODUCTS                                                                            \
    "query AllProducts($filters: ProductFiltersInput, $search: String, $sort: SortEnum, "       \
    "$pageCount: Int, $pageNumber: Int) { __typename allProducts(filters: $filters, search: "   \
    "$search, sort: $sort, pageCount: $pageCount, pageNumber: $pageNumber) { __typename id "    \
    "name description price discountPrice imagesUrl createdAt category { __typename id name } " \
    "brand { __typename id name } size { __typename id name } seller { __typename id "          \
    "firstName lastName username email } materials { __typename id name } userLiked } }"
#define PRODUCT_BY_ID                                                                          \
    "query ProductById($id: Int!) { __typename product(id: $id) { __typename id name "         \
    "description price discountPrice imagesUrl condition style parcelSize color hashtags "     \
    "views likes status isFeatured createdAt updatedAt category { __typename id name } brand " \
    "{ __typename id name } size { __typename id name } seller { __typename id firstName "     \
    "lastName username email } materials { __typename id name } userLiked stockQuantity } }"
#define SEARCH                                                                                \
    "query SearchProducts($query: String!, $category: String, $minPrice: Float, $maxPrice: "  \
    "Float, $sortBy: String, $first: Int, $after: String) { searchProducts(query: $query, "   \
    "category: $category, minPrice: $minPrice, maxPrice: $maxPrice, sortBy: $sortBy, first: " \
    "$first, after: $after) { edges { cursor node { id name price discountPrice category "    \
    "subcategory tags stockQuantity vendor { id businessName isVerified } } } pageInfo { "    \
    "hasNextPage hasPreviousPage startCursor endCursor } totalCount } }"
#define VENDOR_PRODUCTS                                                                        \
    "query VendorProducts($first: Int, $after: String, $status: String) { vendorProducts("     \
    "first: $first, after: $after, status: $status) { edges { node { id name status isActive " \
    "stockQuantity } } pageInfo { hasNextPage endCursor } } }"

/* The JSON member at dotted path under the reply's root (not under data). */
static struct json_object *root_at(struct json_object *reply, const char *a, const char *b)
{
    struct json_object *x = NULL;
    struct json_object *y = NULL;
    if (!json_object_object_get_ex(reply, a, &x)) return NULL;
    if (!json_object_object_get_ex(x, b, &y)) return NULL;
    return y;
}

/* extensions.sqlStatements of a reply, -1 when absent. */
static int sql_statements(struct json_object *reply)
{
    struct json_object *n = root_at(reply, "extensions", "sqlStatements");
    return n ? json_object_get_int(n) : -1;
}

static struct json_object *all_products(const char *vars)
{
    return it_gql(ALL_PRODUCTS, vars, NULL);
}

static double num_at(struct json_object *reply, const char *path)
{
    struct json_object *v = it_at(reply, path);
    return v ? json_object_get_double(v) : NAN;
}

/* The price a buyer pays for item i of list at path: discountPrice, else price. */
static double paid(struct json_object *list, size_t i)
{
    struct json_object *p = json_object_array_get_idx(list, i);
    struct json_object *d = json_object_object_get(p, "discountPrice");
    if (d && !json_object_is_type(d, json_type_null)) return json_object_get_double(d);
    return json_object_get_double(json_object_object_get(p, "price"));
}

static void the_first_page_has_every_field_the_app_reads(void)
{
    struct json_object *r = all_products("{\"filters\":null,\"search\":null,\"sort\":\"NEWEST\","
                                         "\"pageCount\":20,\"pageNumber\":1}");
    CU_ASSERT_FALSE(it_has_errors(r));
    struct json_object *list = it_at(r, "allProducts");
    CU_ASSERT_EQUAL_FATAL(json_object_array_length(list), 20);
    const char *prev = NULL;
    int seeded = 0;
    for (size_t i = 0; i < 20; i++) {
        char path[64];
        snprintf(path, sizeof(path), "allProducts.%zu.id", i);
        CU_ASSERT_TRUE(json_object_is_type(it_at(r, path), json_type_string)); /* ids are strings */
        snprintf(path, sizeof(path), "allProducts.%zu.price", i);
        CU_ASSERT_TRUE(num_at(r, path) > 0);
        snprintf(path, sizeof(path), "allProducts.%zu.category.name", i);
        CU_ASSERT_PTR_NOT_NULL(it_str_at(r, path));
        snprintf(path, sizeof(path), "allProducts.%zu.seller.firstName", i);
        CU_ASSERT_PTR_NOT_NULL(it_str_at(r, path));
        snprintf(path, sizeof(path), "allProducts.%zu.seller.username", i);
        CU_ASSERT_PTR_NOT_NULL(it_str_at(r, path));
        /* imagesUrl is a JSON string of [{url, thumbnail}]. */
        snprintf(path, sizeof(path), "allProducts.%zu.imagesUrl", i);
        struct json_object *images = json_tokener_parse(it_text_at(r, path));
        CU_ASSERT_TRUE(json_object_is_type(images, json_type_array));
        const char *url = json_object_get_string(
                json_object_object_get(json_object_array_get_idx(images, 0), "url"));
        CU_ASSERT_PTR_NOT_NULL(url);
        /* The seed's products (other suites may have made newer ones of their own) have a
         * brand, materials and a demo image. */
        snprintf(path, sizeof(path), "allProducts.%zu.seller.email", i);
        if (strstr(it_text_at(r, path), "@demo.wholesale-market.test")) {
            seeded++;
            snprintf(path, sizeof(path), "allProducts.%zu.brand.name", i);
            CU_ASSERT_PTR_NOT_NULL(it_str_at(r, path));
            snprintf(path, sizeof(path), "allProducts.%zu.materials.0.name", i);
            CU_ASSERT_PTR_NOT_NULL(it_str_at(r, path));
            CU_ASSERT_TRUE(url && strncmp(url, "/static/demo/", 13) == 0);
        }
        json_object_put(images);
        /* Newest first. */
        snprintf(path, sizeof(path), "allProducts.%zu.createdAt", i);
        const char *at = it_str_at(r, path);
        CU_ASSERT_PTR_NOT_NULL_FATAL(at);
        CU_ASSERT_EQUAL(at[strlen(at) - 1], 'Z');
        if (prev) CU_ASSERT_TRUE(strcmp(prev, at) >= 0);
        prev = at;
    }
    CU_ASSERT_TRUE(seeded >= 10);
    /* The seeded image is served. */
    struct it_response resp;
    it_get("/static/demo/men.svg", &resp);
    CU_ASSERT_EQUAL(resp.status, 200);
    it_response_release(&resp);
    json_object_put(r);
}

static void pages_do_not_overlap_and_sorts_hold(void)
{
    struct json_object *p1 = all_products("{\"sort\":\"OLDEST\",\"pageCount\":7,\"pageNumber\":1}");
    struct json_object *p2 = all_products("{\"sort\":\"OLDEST\",\"pageCount\":7,\"pageNumber\":2}");
    CU_ASSERT_STRING_NOT_EQUAL(it_text_at(p1, "allProducts.6.id"),
                               it_text_at(p2, "allProducts.0.id"));
    CU_ASSERT_TRUE(strcmp(it_text_at(p1, "allProducts.6.createdAt"),
                          it_text_at(p2, "allProducts.0.createdAt")) <= 0);
    json_object_put(p1);
    json_object_put(p2);
    struct json_object *r =
            all_products("{\"sort\":\"PRICE_LOW_TO_HIGH\",\"pageCount\":30,\"pageNumber\":1}");
    struct json_object *list = it_at(r, "allProducts");
    CU_ASSERT_EQUAL(json_object_array_length(list), 30);
    for (size_t i = 1; i < json_object_array_length(list); i++)
        CU_ASSERT_TRUE(paid(list, i - 1) <= paid(list, i));
    json_object_put(r);
    /* A filter on a department (Men, id 1) and a price ceiling. */
    r = all_products("{\"filters\":{\"category\":1,\"max_price\":20.0},\"pageCount\":50}");
    CU_ASSERT_FALSE(it_has_errors(r));
    list = it_at(r, "allProducts");
    CU_ASSERT_TRUE(json_object_array_length(list) > 0);
    for (size_t i = 0; i < json_object_array_length(list); i++)
        CU_ASSERT_TRUE(paid(list, i) <= 20.0);
    json_object_put(r);
    r = all_products("{\"filters\":{\"category\":999999}}");
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "BAD_USER_INPUT");
    json_object_put(r);
    r = all_products("{\"pageCount\":101}");
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "BAD_USER_INPUT");
    json_object_put(r);
}

static void a_page_costs_the_same_sql_whatever_its_size_and_none_when_cached(void)
{
    /* Pages nobody asked for yet (their cache keys are new). */
    struct json_object *big = all_products("{\"sort\":\"MOST_POPULAR\",\"pageCount\":20,"
                                           "\"pageNumber\":3}");
    struct json_object *small = all_products("{\"sort\":\"MOST_POPULAR\",\"pageCount\":5,"
                                             "\"pageNumber\":3}");
    CU_ASSERT_EQUAL(json_object_array_length(it_at(big, "allProducts")), 20);
    CU_ASSERT_EQUAL(json_object_array_length(it_at(small, "allProducts")), 5);
    int n20 = sql_statements(big);
    int n5 = sql_statements(small);
    printf("\n  page of 20: %d statements, page of 5: %d\n", n20, n5);
    CU_ASSERT_TRUE(n20 > 0);
    CU_ASSERT_TRUE(n20 <= 8);
    CU_ASSERT_EQUAL(n20, n5);
    json_object_put(big);
    json_object_put(small);
    struct json_object *again = all_products("{\"sort\":\"MOST_POPULAR\",\"pageCount\":20,"
                                             "\"pageNumber\":3}");
    CU_ASSERT_EQUAL(sql_statements(again), 0);
    CU_ASSERT_EQUAL(json_object_array_length(it_at(again, "allProducts")), 20);
    json_object_put(again);
}

static void a_product_reads_whole_and_hidden_ones_are_not_found(void)
{
    struct json_object *r = it_gql(PRODUCT_BY_ID, "{\"id\":42}", NULL);
    CU_ASSERT_FALSE(it_has_errors(r));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "product.id"), "42");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "product.status"), "ACTIVE");
    CU_ASSERT_PTR_NOT_NULL(it_str_at(r, "product.condition"));
    CU_ASSERT_PTR_NOT_NULL(it_str_at(r, "product.parcelSize"));
    CU_ASSERT_PTR_NOT_NULL(it_str_at(r, "product.color.0"));
    CU_ASSERT_PTR_NOT_NULL(it_str_at(r, "product.hashtags.0"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "product.size.id"), "4");
    CU_ASSERT_TRUE(json_object_is_type(it_at(r, "product.views"), json_type_int));
    CU_ASSERT_TRUE(num_at(r, "product.stockQuantity") >= 0);
    CU_ASSERT_PTR_NOT_NULL(
            strstr(it_text_at(r, "product.seller.email"), "@demo.wholesale-market.test"));
    json_object_put(r);
    /* Product 7 is a draft in the seed (i % 25 == 7): exactly like an unknown id. */
    const char *ids[] = { "{\"id\":7}", "{\"id\":99999999}", "{\"id\":-1}" };
    for (size_t i = 0; i < 3; i++) {
        r = it_gql(PRODUCT_BY_ID, ids[i], NULL);
        CU_ASSERT_TRUE(it_null_at(r, "product"));
        CU_ASSERT_STRING_EQUAL(it_error_code(r), "NOT_FOUND");
        CU_ASSERT_PTR_NOT_NULL(strstr(it_error_message(r), "not found"));
        json_object_put(r);
    }
    /* Drafts are in no public list either. */
    r = all_products("{\"sort\":\"OLDEST\",\"pageCount\":10}");
    for (size_t i = 0; i < 10; i++) {
        char path[32];
        snprintf(path, sizeof(path), "allProducts.%zu.id", i);
        CU_ASSERT_STRING_NOT_EQUAL(it_text_at(r, path), "7");
    }
    json_object_put(r);
}

static void featured_and_categories(void)
{
    struct json_object *r = it_gql("{ featuredProducts(limit: 12) { id isFeatured category "
                                   "subcategory vendor { id businessName rating isVerified } } }",
                                   NULL, NULL);
    struct json_object *list = it_at(r, "featuredProducts");
    CU_ASSERT_TRUE(json_object_array_length(list) > 0);
    for (size_t i = 0; i < json_object_array_length(list); i++) {
        char path[64];
        snprintf(path, sizeof(path), "featuredProducts.%zu.isFeatured", i);
        CU_ASSERT_TRUE(it_bool_at(r, path));
        snprintf(path, sizeof(path), "featuredProducts.%zu.vendor.businessName", i);
        CU_ASSERT_PTR_NOT_NULL(it_str_at(r, path));
    }
    json_object_put(r);
    r = it_gql("{ categories { id name parentCategory productCount isActive } }", NULL, NULL);
    list = it_at(r, "categories");
    CU_ASSERT_TRUE(json_object_array_length(list) > 675);
    static const char *const want[][3] = {
        { "1", "Men", "675" },     { "179", "Women", "675" },    { "434", "Boys", "675" },
        { "539", "Girls", "675" }, { "672", "Toddlers", "675" }, { "673", "Electronics", "" },
        { "674", "General", "" },  { "675", "Fashion", "" }
    };
    int64_t fashion = 0;
    int64_t departments = 0;
    for (size_t w = 0; w < 8; w++) {
        bool found = false;
        for (size_t i = 0; i < json_object_array_length(list); i++) {
            struct json_object *c = json_object_array_get_idx(list, i);
            if (strcmp(json_object_get_string(json_object_object_get(c, "id")), want[w][0]) != 0)
                continue;
            found = true;
            CU_ASSERT_STRING_EQUAL(json_object_get_string(json_object_object_get(c, "name")),
                                   want[w][1]);
            const char *parent =
                    json_object_get_string(json_object_object_get(c, "parentCategory"));
            CU_ASSERT_STRING_EQUAL(parent ? parent : "", want[w][2]);
            int64_t n = json_object_get_int64(json_object_object_get(c, "productCount"));
            if (w < 5) departments += n;
            if (w == 7) fashion = n;
        }
        CU_ASSERT_TRUE(found);
    }
    /* A subtree's count includes its children's. */
    CU_ASSERT_TRUE(fashion > 0);
    CU_ASSERT_EQUAL(fashion, departments);
    json_object_put(r);
}

static void search_pages_by_cursor_with_filters_and_facets(void)
{
    struct json_object *r = it_gql(SEARCH,
                                   "{\"query\":\"t-shirt\",\"category\":null,\"minPrice\":null,"
                                   "\"maxPrice\":null,\"sortBy\":\"NEWEST\",\"first\":3,"
                                   "\"after\":null}",
                                   NULL);
    CU_ASSERT_FALSE(it_has_errors(r));
    int64_t total = (int64_t)num_at(r, "searchProducts.totalCount");
    CU_ASSERT_TRUE(total > 3);
    CU_ASSERT_TRUE(it_bool_at(r, "searchProducts.pageInfo.hasNextPage"));
    CU_ASSERT_FALSE(it_bool_at(r, "searchProducts.pageInfo.hasPreviousPage"));
    for (int i = 0; i < 3; i++) { /* every word is required: "shirt" (t is too short) */
        char path[64];
        snprintf(path, sizeof(path), "searchProducts.edges.%d.node.name", i);
        CU_ASSERT_PTR_NOT_NULL(strcasestr(it_text_at(r, path), "shirt"));
    }
    char vars[512];
    snprintf(vars, sizeof(vars), "{\"query\":\"t-shirt\",\"first\":3,\"after\":\"%s\"}",
             it_text_at(r, "searchProducts.pageInfo.endCursor"));
    struct json_object *r2 = it_gql(SEARCH, vars, NULL);
    CU_ASSERT_TRUE(it_bool_at(r2, "searchProducts.pageInfo.hasPreviousPage"));
    CU_ASSERT_STRING_NOT_EQUAL(it_text_at(r, "searchProducts.edges.2.node.id"),
                               it_text_at(r2, "searchProducts.edges.0.node.id"));
    CU_ASSERT_EQUAL((int64_t)num_at(r2, "searchProducts.totalCount"), total);
    json_object_put(r2);
    json_object_put(r);
    /* Two filters: a department by name and a price ceiling, cheapest first. */
    r = it_gql(SEARCH,
               "{\"query\":\"\",\"category\":\"Women\",\"maxPrice\":25,\"sortBy\":"
               "\"PRICE_LOW_TO_HIGH\",\"first\":40}",
               NULL);
    CU_ASSERT_FALSE(it_has_errors(r));
    struct json_object *edges = it_at(r, "searchProducts.edges");
    CU_ASSERT_TRUE(json_object_array_length(edges) > 0);
    double last = 0;
    for (size_t i = 0; i < json_object_array_length(edges); i++) {
        char path[64];
        snprintf(path, sizeof(path), "searchProducts.edges.%zu.node.category", i);
        CU_ASSERT_STRING_EQUAL(it_text_at(r, path), "Women");
        struct json_object *node =
                json_object_object_get(json_object_array_get_idx(edges, i), "node");
        struct json_object *d = json_object_object_get(node, "discountPrice");
        double p = d && !json_object_is_type(d, json_type_null)
                           ? json_object_get_double(d)
                           : json_object_get_double(json_object_object_get(node, "price"));
        CU_ASSERT_TRUE(p <= 25.0);
        CU_ASSERT_TRUE(p >= last);
        last = p;
    }
    json_object_put(r);
    /* Facets: each kind counts every match. */
    r = it_gql("{ searchProducts(query: \"wholesale\") { totalCount facets { categories { value "
               "label count } vendors { value label count } priceBands { value label count } } } }",
               NULL, NULL);
    CU_ASSERT_FALSE(it_has_errors(r));
    total = (int64_t)num_at(r, "searchProducts.totalCount");
    CU_ASSERT_TRUE(total > 0);
    const char *kinds[] = { "categories", "priceBands" };
    for (size_t k = 0; k < 2; k++) {
        char path[64];
        snprintf(path, sizeof(path), "searchProducts.facets.%s", kinds[k]);
        struct json_object *f = it_at(r, path);
        int64_t sum = 0;
        for (size_t i = 0; i < json_object_array_length(f); i++)
            sum += json_object_get_int64(
                    json_object_object_get(json_object_array_get_idx(f, i), "count"));
        CU_ASSERT_EQUAL(sum, total);
    }
    CU_ASSERT_PTR_NOT_NULL(it_str_at(r, "searchProducts.facets.vendors.0.label"));
    CU_ASSERT_PTR_NOT_NULL(it_str_at(r, "searchProducts.facets.priceBands.0.label"));
    json_object_put(r);
    r = it_gql(SEARCH, "{\"query\":\"x\",\"sortBy\":\"CHEAPEST\"}", NULL);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "BAD_USER_INPUT");
    json_object_put(r);
    r = it_gql(SEARCH, "{\"query\":\"x\",\"after\":\"not-a-cursor\"}", NULL);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "BAD_USER_INPUT");
    json_object_put(r);
}

static void vendor_profiles(void)
{
    static const char doc[] =
            "query VendorById($id: ID!) { vendorById(id: $id) { id businessName description email "
            "phone address rating reviewCount isVerified categories createdAt logo products { id "
            "name price imagesUrl rating reviewCount } } }";
    struct json_object *r = it_gql(doc, "{\"id\":\"3\"}", NULL);
    CU_ASSERT_FALSE(it_has_errors(r));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "vendorById.id"), "3");
    CU_ASSERT_PTR_NOT_NULL(it_str_at(r, "vendorById.businessName"));
    CU_ASSERT_PTR_NOT_NULL(it_str_at(r, "vendorById.address.city"));
    CU_ASSERT_PTR_NOT_NULL(it_str_at(r, "vendorById.categories.0"));
    CU_ASSERT_PTR_NOT_NULL(it_str_at(r, "vendorById.products.0.name"));
    json_object_put(r);
    const char *bad[] = { "{\"id\":\"999999\"}", "{\"id\":\"abc\"}", "{\"id\":\"0\"}" };
    for (size_t i = 0; i < 3; i++) {
        r = it_gql(doc, bad[i], NULL);
        CU_ASSERT_TRUE(it_null_at(r, "vendorById"));
        CU_ASSERT_STRING_EQUAL(it_error_code(r), "NOT_FOUND");
        json_object_put(r);
    }
}

static void a_vendor_lists_its_own_products_drafts_included(void)
{
    const char *token = it_demo_token("vendor");
    struct json_object *all = it_gql_as(VENDOR_PRODUCTS, "{\"first\":100}", token);
    CU_ASSERT_FALSE(it_has_errors(all));
    size_t n = json_object_array_length(it_at(all, "vendorProducts.edges"));
    CU_ASSERT_TRUE(n > 0);
    size_t drafts = 0;
    for (size_t i = 0; i < n; i++) {
        char path[64];
        snprintf(path, sizeof(path), "vendorProducts.edges.%zu.node.status", i);
        drafts += strcmp(it_text_at(all, path), "DRAFT") == 0;
    }
    struct json_object *d =
            it_gql_as(VENDOR_PRODUCTS, "{\"first\":100,\"status\":\"draft\"}", token);
    size_t nd = json_object_array_length(it_at(d, "vendorProducts.edges"));
    CU_ASSERT_EQUAL(nd, drafts);
    for (size_t i = 0; i < nd; i++) {
        char path[64];
        snprintf(path, sizeof(path), "vendorProducts.edges.%zu.node.isActive", i);
        CU_ASSERT_FALSE(it_bool_at(d, path));
    }
    printf("\n  demo vendor: %zu products, %zu drafts\n", n, drafts);
    json_object_put(d);
    json_object_put(all);
    /* A buyer has no shop: an empty list. Without a token: UNAUTHENTICATED. */
    struct json_object *r = it_gql_as(VENDOR_PRODUCTS, "{}", it_sign_up("catalog", NULL, 0));
    CU_ASSERT_FALSE(it_has_errors(r));
    CU_ASSERT_EQUAL(json_object_array_length(it_at(r, "vendorProducts.edges")), 0);
    json_object_put(r);
    r = it_gql(VENDOR_PRODUCTS, "{}", NULL);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    json_object_put(r);
}

static void new_rows_show_after_the_seed_bumps_the_cache(void)
{
    static const char q[] = "{ categories { id productCount } }";
    const char *vars = "{\"sort\":\"MOST_POPULAR\",\"pageCount\":4,\"pageNumber\":2}";
    json_object_put(all_products(vars));
    struct json_object *cached = all_products(vars);
    CU_ASSERT_EQUAL(sql_statements(cached), 0);
    json_object_put(cached);
    struct json_object *before = it_gql(q, NULL, NULL);
    CU_ASSERT_EQUAL(it_sh("'%s' seed --products 4 --vendors 1 >/dev/null", getenv("MARKET_BIN")),
                    0);
    struct json_object *after = it_gql(q, NULL, NULL);
    int64_t sum_before = 0;
    int64_t sum_after = 0;
    for (size_t i = 0; i < json_object_array_length(it_at(before, "categories")); i++) {
        struct json_object *c = json_object_array_get_idx(it_at(before, "categories"), i);
        struct json_object *d = json_object_array_get_idx(it_at(after, "categories"), i);
        const char *id = json_object_get_string(json_object_object_get(c, "id"));
        if (strcmp(id, "675") && strcmp(id, "673") && strcmp(id, "674")) continue;
        sum_before += json_object_get_int64(json_object_object_get(c, "productCount"));
        sum_after += json_object_get_int64(json_object_object_get(d, "productCount"));
    }
    CU_ASSERT_EQUAL(sum_after, sum_before + 4); /* the seed's first products are active */
    json_object_put(before);
    json_object_put(after);
    struct json_object *fresh = all_products(vars);
    CU_ASSERT_TRUE(sql_statements(fresh) > 0);
    json_object_put(fresh);
}

static void anonymous_answers_are_cached_whole_until_a_write(void)
{
    /* Variables nobody else asks for, so the first answer is computed here. */
    const char *vars = "{\"sort\":\"PRICE_HIGH_TO_LOW\",\"pageCount\":7,\"pageNumber\":3}";
    struct json_object *first = all_products(vars);
    CU_ASSERT_EQUAL(it_cached_answer(first), 0);
    CU_ASSERT_TRUE(sql_statements(first) > 0);
    struct json_object *second = all_products(vars);
    CU_ASSERT_EQUAL(it_cached_answer(second), 1);
    CU_ASSERT_EQUAL(sql_statements(second), 0);
    /* The same answer, byte for byte, but for extensions. */
    struct json_object *a = it_at(first, "allProducts");
    struct json_object *b = it_at(second, "allProducts");
    CU_ASSERT_STRING_EQUAL(json_object_to_json_string(a), json_object_to_json_string(b));
    /* Other variables, another operation name, or a signed-in caller: not that answer. */
    struct json_object *other =
            all_products("{\"sort\":\"PRICE_HIGH_TO_LOW\",\"pageCount\":7,\"pageNumber\":4}");
    CU_ASSERT_EQUAL(it_cached_answer(other), 0);
    const char *token = it_sign_up("cache", NULL, 0);
    for (int i = 0; i < 2; i++) {
        struct json_object *mine = it_gql_as(ALL_PRODUCTS, vars, token);
        CU_ASSERT_FALSE(it_has_errors(mine));
        CU_ASSERT_EQUAL(it_cached_answer(mine), 0);
        json_object_put(mine);
    }
    /* An answer with errors is never kept. */
    for (int i = 0; i < 2; i++) {
        struct json_object *missing =
                it_gql("query($id: Int!) { product(id: $id) { id } }", "{\"id\":999999999}", NULL);
        CU_ASSERT_STRING_EQUAL(it_error_code(missing), "NOT_FOUND");
        CU_ASSERT_EQUAL(it_cached_answer(missing), 0);
        json_object_put(missing);
    }
    /* A write to the catalog retires every kept answer: the next one is computed again. */
    CU_ASSERT_EQUAL(it_sh("'%s' seed --products 1 --vendors 1 >/dev/null", getenv("MARKET_BIN")),
                    0);
    struct json_object *after = all_products(vars);
    CU_ASSERT_EQUAL(it_cached_answer(after), 0);
    json_object_put(after);
    json_object_put(other);
    json_object_put(second);
    json_object_put(first);
}

static void a_vendors_new_name_shows_on_the_next_read(void)
{
    static const char q[] = "query($id: Int!) { product(id: $id) { seller { firstName } } }";
    const char *token = it_demo_token("vendor");
    struct json_object *mine = it_gql_as("{ vendorProducts(first: 1, status: \"active\") { edges "
                                         "{ node { id } } } }",
                                         NULL, token);
    char vars[64];
    snprintf(vars, sizeof(vars), "{\"id\":%s}", it_text_at(mine, "vendorProducts.edges.0.node.id"));
    json_object_put(mine);
    struct json_object *before = it_gql(q, vars, NULL);
    char name[64];
    snprintf(name, sizeof(name), "%s", it_text_at(before, "product.seller.firstName"));
    json_object_put(before);
    json_object_put(it_gql(q, vars, NULL));                             /* now a cached answer */
    json_object_put(it_gql_as(q, vars, it_sign_up("rename", NULL, 0))); /* a cached product */
    static const char rename[] = "mutation($f: String) { updateUser(firstName: $f) { success } }";
    struct json_object *r = it_gql_as(rename, "{\"f\":\"Vivienne\"}", token);
    CU_ASSERT_TRUE(it_bool_at(r, "updateUser.success"));
    json_object_put(r);
    struct json_object *after = it_gql(q, vars, NULL);
    CU_ASSERT_STRING_EQUAL(it_text_at(after, "product.seller.firstName"), "Vivienne");
    json_object_put(after);
    /* A signed-in reader (no whole answers: the domains' caches) sees it too. */
    after = it_gql_as(q, vars, it_sign_up("rename", NULL, 0));
    CU_ASSERT_STRING_EQUAL(it_text_at(after, "product.seller.firstName"), "Vivienne");
    json_object_put(after);
    char back[96];
    snprintf(back, sizeof(back), "{\"f\":\"%s\"}", name);
    json_object_put(it_gql_as(rename, back, token));
    after = it_gql(q, vars, NULL);
    CU_ASSERT_STRING_EQUAL(it_text_at(after, "product.seller.firstName"), name);
    json_object_put(after);
}

/* The ids of allProducts in reply, as a JSON array text into out. */
static void page_ids(struct json_object *reply, char *out, size_t len)
{
    struct json_object *list = it_at(reply, "allProducts");
    size_t k = (size_t)snprintf(out, len, "[");
    for (size_t i = 0; list && i < json_object_array_length(list) && k + 24 < len; i++) {
        struct json_object *id = NULL;
        json_object_object_get_ex(json_object_array_get_idx(list, i), "id", &id);
        k += (size_t)snprintf(out + k, len - k, "%s%s", i ? "," : "", json_object_get_string(id));
    }
    snprintf(out + k, len - k, "]");
}

static void user_liked_costs_the_same_sql_whatever_the_page_size(void)
{
    /* A signed-in viewer who saved two products of the page. */
    const char *token = it_sign_up("t1500-liked", NULL, 0);
    char bearer[4096];
    snprintf(bearer, sizeof(bearer), "%s", token);
    const char *big_vars = "{\"sort\":\"PRICE_LOW_TO_HIGH\",\"pageCount\":20,\"pageNumber\":4}";
    const char *small_vars = "{\"sort\":\"PRICE_LOW_TO_HIGH\",\"pageCount\":5,\"pageNumber\":13}";
    struct json_object *page = all_products(big_vars);
    char ids[1024];
    page_ids(page, ids, sizeof(ids));
    struct json_object *list = it_at(page, "allProducts");
    CU_ASSERT_EQUAL_FATAL(json_object_array_length(list), 20);
    const char *liked[2];
    for (int i = 0; i < 2; i++) {
        struct json_object *id = NULL;
        json_object_object_get_ex(json_object_array_get_idx(list, (size_t)(i * 7 + 1)), "id", &id);
        liked[i] = json_object_get_string(id);
        char vars[128];
        snprintf(vars, sizeof(vars), "{\"productId\":\"%s\"}", liked[i]);
        struct json_object *r = it_gql_as("mutation A($productId: ID!) { addToWishlist(productId:"
                                          " $productId) { success } }",
                                          vars, bearer);
        CU_ASSERT_TRUE(it_bool_at(r, "addToWishlist.success"));
        json_object_put(r);
    }
    /* The viewer's check is cached after a first call; both pages are cached pages (their
     * products cost nothing), so what differs is what userLiked costs. */
    json_object_put(it_gql_as("query { viewMe { id } }", NULL, bearer));
    json_object_put(all_products(small_vars));
    struct json_object *big = it_gql_as(ALL_PRODUCTS, big_vars, bearer);
    struct json_object *small = it_gql_as(ALL_PRODUCTS, small_vars, bearer);
    CU_ASSERT_FALSE(it_has_errors(big));
    int n20 = sql_statements(big);
    int n5 = sql_statements(small);
    printf("\n  signed in with userLiked: page of 20: %d statements, page of 5: %d\n", n20, n5);
    CU_ASSERT_TRUE(n20 > 0);
    CU_ASSERT_EQUAL(n20, n5);
    /* Exactly the saved ones are liked, for this viewer only. */
    struct json_object *items = it_at(big, "allProducts");
    int liked_count = 0;
    for (size_t i = 0; items && i < json_object_array_length(items); i++) {
        struct json_object *it = json_object_array_get_idx(items, i);
        struct json_object *id = NULL;
        struct json_object *ul = NULL;
        json_object_object_get_ex(it, "id", &id);
        json_object_object_get_ex(it, "userLiked", &ul);
        bool want = strcmp(json_object_get_string(id), liked[0]) == 0 ||
                    strcmp(json_object_get_string(id), liked[1]) == 0;
        CU_ASSERT_EQUAL(json_object_get_boolean(ul), want);
        liked_count += json_object_get_boolean(ul);
    }
    CU_ASSERT_EQUAL(liked_count, 2);
    /* Signed out (a whole cached answer may serve it): nothing liked. */
    struct json_object *anon = all_products(big_vars);
    items = it_at(anon, "allProducts");
    for (size_t i = 0; items && i < json_object_array_length(items); i++) {
        struct json_object *ul = NULL;
        json_object_object_get_ex(json_object_array_get_idx(items, i), "userLiked", &ul);
        CU_ASSERT_FALSE(json_object_get_boolean(ul));
    }
    json_object_put(anon);
    json_object_put(big);
    json_object_put(small);
    json_object_put(page);
}

static CU_TestInfo tests[] = {
    { "the first page has every field the app reads",
      the_first_page_has_every_field_the_app_reads },
    { "pages do not overlap and sorts hold", pages_do_not_overlap_and_sorts_hold },
    { "a page costs the same SQL whatever its size, and none when cached",
      a_page_costs_the_same_sql_whatever_its_size_and_none_when_cached },
    { "a product reads whole; hidden ones are not found",
      a_product_reads_whole_and_hidden_ones_are_not_found },
    { "featured products and the category tree", featured_and_categories },
    { "search pages by cursor with filters and facets",
      search_pages_by_cursor_with_filters_and_facets },
    { "vendor profiles", vendor_profiles },
    { "a vendor lists its own products, drafts included",
      a_vendor_lists_its_own_products_drafts_included },
    { "anonymous answers are cached whole until a write",
      anonymous_answers_are_cached_whole_until_a_write },
    { "a vendor's new name shows on the next read", a_vendors_new_name_shows_on_the_next_read },
    { "new rows show after the seed bumps the cache",
      new_rows_show_after_the_seed_bumps_the_cache },
    { "userLiked costs the same SQL whatever the page size",
      user_liked_costs_the_same_sql_whatever_the_page_size },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t1500_catalog, "t1500/catalog", NULL, NULL, tests);
