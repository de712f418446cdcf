/*
 * t1520-catalog-writes.c: a vendor's product and shop writes through HTTP, with the Flutter
 * app's documents (CreateProduct, UpdateProduct, DeleteProduct, DuplicateProduct, GetShopData,
 * UpdateShopSettings): the owner's writes and the next (cached) read showing them; another
 * vendor, a buyer, an unverified vendor and an anonymous caller refused (another vendor's
 * product answers exactly like an unknown id); bad input refused with nothing saved; delete
 * as archive; duplicate with its overrides; stock through updateProduct.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "core/buf.h"
#include "lib/it.h"

/* The app's documents (contract operations/), as the app declares their variables. */
#define CREATE                                                                                  \
    "mutation CreateProduct($name: String!, $description: String!, $price: Float!, $category: " \
    "Int!, $size: Int, $imagesUrl: [ImagesInputType!]!, $discount: Float, $condition: "         \
    "ConditionEnum, $style: StyleEnum, $color: [String], $brand: Int, $materials: [Int], "      \
    "$customBrand: String, $isFeatured: Boolean) { createProduct(name: $name, description: "    \
    "$description, price: $price, category: $category, size: $size, imagesUrl: $imagesUrl, "    \
    "discount: $discount, condition: $condition, style: $style, color: $color, brand: $brand, " \
    "materials: $materials, customBrand: $customBrand, isFeatured: $isFeatured) { success "     \
    "message product { id name description price category { id name } size { id name } brand "  \
    "{ id name } seller { id firstName lastName } materials { id name } userLiked } } }"
#define UPDATE                                                                                   \
    "mutation UpdateProduct($productId: ID!, $name: String, $description: String, $price: "      \
    "Float, $discountPrice: Float, $imagesUrl: [String!], $category: String, $subcategory: "     \
    "String, $stockQuantity: Int, $tags: [String!], $specifications: JSONString, $dimensions: "  \
    "JSONString, $weight: Float, $materials: [String!], $careInstructions: String, $isActive: "  \
    "Boolean) { updateProduct(productId: $productId, name: $name, description: $description, "   \
    "price: $price, discountPrice: $discountPrice, imagesUrl: $imagesUrl, category: $category, " \
    "subcategory: $subcategory, stockQuantity: $stockQuantity, tags: $tags, specifications: "    \
    "$specifications, dimensions: $dimensions, weight: $weight, materials: $materials, "         \
    "careInstructions: $careInstructions, isActive: $isActive) { product { id name "             \
    "description price discountPrice imagesUrl category subcategory stockQuantity tags "         \
    "isActive updatedAt } success message } }"
#define DELETE                                                                          \
    "mutation DeleteProduct($productId: ID!) { deleteProduct(productId: $productId) { " \
    "success message } }"
#define DUPLICATE                                                                                 \
    "mutation DuplicateProduct($productId: Int!, $name: String, $description: String, $price: "   \
    "Float, $discountPrice: Float, $condition: ConditionEnum, $style: StyleEnum, $color: "        \
    "[String], $brand: Int, $materials: [Int], $customBrand: String) { duplicateProduct("         \
    "productId: $productId, name: $name, description: $description, price: $price, "              \
    "discountPrice: $discountPrice, condition: $condition, style: $style, color: $color, brand: " \
    "$brand, materials: $materials, customBrand: $customBrand) { success message product { id "   \
    "name description price discountPrice imagesUrl category { id name } seller { id } } } }"
#define SHOP_DATA                                                                               \
    "mutation GetShopData($sellerId: ID) { getShopData(sellerId: $sellerId) { success message " \
    "shopStats { totalProducts totalOrders totalRevenue averageRating totalReviews "            \
    "productsSold } products { id name imagesUrl totalSales totalRevenue averageRating "        \
    "reviewCount } } }"
#define SHOP_SETTINGS                                                                            \
    "mutation UpdateShopSettings($shopName: String, $shopDescription: String, $shopLogoUrl: "    \
    "String, $shopBannerUrl: String, $shopContactEmail: String, $shopContactPhone: String, "     \
    "$shopAddress: String, $shopCity: String, $shopCountry: String, $shopPostalCode: String) { " \
    "updateShopSettings(shopName: $shopName, shopDescription: $shopDescription, shopLogoUrl: "   \
    "$shopLogoUrl, shopBannerUrl: $shopBannerUrl, shopContactEmail: $shopContactEmail, "         \
    "shopContactPhone: $shopContactPhone, shopAddress: $shopAddress, shopCity: $shopCity, "      \
    "shopCountry: $shopCountry, shopPostalCode: $shopPostalCode) { success message shopData { "  \
    "id firstName lastName email phoneNumber streetAddress city country postalCode "             \
    "businessName } } }"
#define PRODUCT_BY_ID                                                                            \
    "query ProductById($id: Int!) { product(id: $id) { id name price discountPrice "             \
    "imagesUrl status stockQuantity specifications dimensions weight careInstructions seller { " \
    "id businessName } } }"

/* The app's CreateProduct variables (contract example) named name, with member key set to
 * the JSON value (key NULL: none); a static copy. */
static const char *create_vars(const char *name, const char *key, const char *value)
{
    static char out[2048];
    struct json_object *v = json_tokener_parse(
            "{\"description\":\"Plain white tees\",\"price\":49.99,\"category\":674,\"size\":4,"
            "\"imagesUrl\":[{\"url\":\"http://127.0.0.1:8000/media/profile_images/6f1c.jpg\","
            "\"thumbnail\":\"http://127.0.0.1:8000/media/profile_images/6f1c.jpg\"}],\"discount\":"
            "0.0,\"condition\":\"BRAND_NEW_WITH_TAGS\",\"style\":\"CASUAL\",\"color\":[\"Black\"],"
            "\"brand\":null,\"materials\":null,\"customBrand\":\"Acme\",\"isFeatured\":false}");
    json_object_object_add(v, "name", json_object_new_string(name));
    if (key) json_object_object_add(v, key, json_tokener_parse(value));
    snprintf(out, sizeof(out), "%s", json_object_to_json_string_ext(v, JSON_C_TO_STRING_PLAIN));
    json_object_put(v);
    return out;
}

/* A SUPPLIER signed up (and its email confirmed through the mailed link when verified):
 * returns its access token (static copy, one of it_sign_up_as()'s slots). */
static const char *vendor_sign_up(const char *tag, bool verified)
{
    char email[256];
    const char *token = it_sign_up_as(tag, "SUPPLIER", email, sizeof(email));
    if (verified) CU_ASSERT_TRUE_FATAL(it_verify_email(email));
    return token;
}

/* Create a product named name for token; returns its id (static copy) or "" on failure. */
static const char *create(const char *token, const char *vars)
{
    static char id[32];
    struct json_object *r = it_gql_as(CREATE, vars, token);
    CU_ASSERT_FALSE(it_has_errors(r));
    CU_ASSERT_TRUE(it_bool_at(r, "createProduct.success"));
    if (!it_bool_at(r, "createProduct.success")) printf("\n  %s\n", it_last_reply());
    snprintf(id, sizeof(id), "%s", it_text_at(r, "createProduct.product.id"));
    json_object_put(r);
    return id;
}

static struct json_object *product_by_id(const char *id)
{
    char vars[64];
    snprintf(vars, sizeof(vars), "{\"id\":%s}", id);
    return it_gql_as(PRODUCT_BY_ID, vars, NULL);
}

static struct json_object *with_id(const char *doc, const char *id, const char *token)
{
    char vars[96];
    snprintf(vars, sizeof(vars), "{\"productId\":\"%s\"}", id);
    return it_gql_as(doc, vars, token);
}

static double num_at(struct json_object *r, const char *path)
{
    struct json_object *v = it_at(r, path);
    return v ? json_object_get_double(v) : NAN;
}

static int64_t total_products(const char *token)
{
    struct json_object *r = it_gql_as(SHOP_DATA, "{\"sellerId\":null}", token);
    CU_ASSERT_TRUE(it_bool_at(r, "getShopData.success"));
    int64_t n = (int64_t)num_at(r, "getShopData.shopStats.totalProducts");
    json_object_put(r);
    return n;
}

static void the_owner_creates_and_the_next_read_shows_it(void)
{
    const char *owner = vendor_sign_up("w-create", true);
    CU_ASSERT_EQUAL(total_products(owner), 0);
    struct json_object *r =
            it_gql_as(CREATE, create_vars("Cotton T-Shirt (pack of 10)", NULL, NULL), owner);
    CU_ASSERT_FALSE(it_has_errors(r));
    CU_ASSERT_TRUE_FATAL(it_bool_at(r, "createProduct.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "createProduct.product.name"),
                           "Cotton T-Shirt (pack of 10)");
    CU_ASSERT_DOUBLE_EQUAL(num_at(r, "createProduct.product.price"), 49.99, 1e-9);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "createProduct.product.category.id"), "674");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "createProduct.product.size.id"), "4");
    CU_ASSERT_TRUE(it_null_at(r, "createProduct.product.brand"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "createProduct.product.seller.firstName"), "Ada");
    char id[32];
    snprintf(id, sizeof(id), "%s", it_text_at(r, "createProduct.product.id"));
    json_object_put(r);

    /* Public, active at once, one variant of 0 units, the image as the app sent it. */
    r = product_by_id(id);
    CU_ASSERT_FALSE(it_has_errors(r));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "product.status"), "ACTIVE");
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "product.stockQuantity")), 0);
    CU_ASSERT_PTR_NOT_NULL(
            strstr(it_text_at(r, "product.imagesUrl"), "/media/profile_images/6f1c.jpg"));
    json_object_put(r);

    /* The shop was opened with the product and shows it. */
    r = it_gql_as(SHOP_DATA, "{\"sellerId\":null}", owner);
    CU_ASSERT_TRUE(it_bool_at(r, "getShopData.success"));
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "getShopData.shopStats.totalProducts")), 1);
    /* A JSON number (the app calls toStringAsFixed on it): no units sold yet. */
    CU_ASSERT_FALSE(it_null_at(r, "getShopData.shopStats.totalRevenue"));
    CU_ASSERT_DOUBLE_EQUAL(num_at(r, "getShopData.shopStats.totalRevenue"), 0.0, 1e-9);
    CU_ASSERT_TRUE(it_null_at(r, "getShopData.shopStats.totalOrders"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "getShopData.products.0.id"), id);
    struct json_object *images =
            json_tokener_parse(it_text_at(r, "getShopData.products.0.imagesUrl"));
    CU_ASSERT_TRUE(json_object_is_type(images, json_type_array));
    json_object_put(images);
    json_object_put(r);
}

static void bad_input_is_refused_and_nothing_is_saved(void)
{
    const char *owner = vendor_sign_up("w-bad", true);
    static const char *const bad[][3] = {
        { "   ", NULL, NULL },
        { "Zero price", "price", "0" },
        { "Unknown category", "category", "999999" },
        { "No images", "imagesUrl", "[]" },
        { "Bad image", "imagesUrl", "[{\"url\":\"javascript:alert(1)\"}]" },
        { "Big discount", "discount", "150" },
        { "Featured", "isFeatured", "true" },
        { "Unknown size", "size", "99" },
        { "Comma colour", "color", "[\"Black,White\"]" },
        { "Unknown brand", "brand", "999999" },
        { "Unknown material", "materials", "[999999]" },
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct json_object *r =
                it_gql_as(CREATE, create_vars(bad[i][0], bad[i][1], bad[i][2]), owner);
        CU_ASSERT_FALSE(it_has_errors(r));
        CU_ASSERT_FALSE(it_bool_at(r, "createProduct.success"));
        CU_ASSERT_TRUE(it_null_at(r, "createProduct.product"));
        CU_ASSERT_TRUE(strlen(it_text_at(r, "createProduct.message")) > 0);
        if (it_bool_at(r, "createProduct.success")) printf("\n  accepted: %s\n", bad[i][0]);
        json_object_put(r);
    }
    CU_ASSERT_EQUAL(total_products(owner), 0);
}

static void only_the_owning_vendor_may_write(void)
{
    const char *owner = vendor_sign_up("w-owner", true);
    const char *other = vendor_sign_up("w-other", true);
    const char *unverified = vendor_sign_up("w-unverified", false);
    const char *buyer = it_sign_up("w-buyer", NULL, 0);
    char id[32];
    snprintf(id, sizeof(id), "%s", create(owner, create_vars("Owned tee", NULL, NULL)));
    CU_ASSERT_FATAL(id[0] != '\0');

    /* A buyer: graphql_jwt's wording, FORBIDDEN, for every write and for the shop data. */
    const char *docs[] = { UPDATE, DELETE };
    for (size_t i = 0; i < 2; i++) {
        struct json_object *r = with_id(docs[i], id, buyer);
        CU_ASSERT_STRING_EQUAL(it_error_message(r),
                               "You do not have permission to perform this action");
        CU_ASSERT_STRING_EQUAL(it_error_code(r), "FORBIDDEN");
        json_object_put(r);
    }
    struct json_object *r = it_gql_as(CREATE, create_vars("Buyer tee", NULL, NULL), buyer);
    CU_ASSERT_STRING_EQUAL(it_error_message(r),
                           "You do not have permission to perform this action");
    json_object_put(r);
    r = it_gql_as(SHOP_DATA, "{\"sellerId\":null}", buyer);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "FORBIDDEN");
    json_object_put(r);
    r = it_gql_as(SHOP_SETTINGS, "{\"shopName\":\"Mine now\"}", buyer);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "FORBIDDEN");
    json_object_put(r);

    /* Nobody signed in. */
    r = it_gql_as(CREATE, create_vars("Anonymous tee", NULL, NULL), NULL);
    CU_ASSERT_TRUE(it_has_errors(r));
    CU_ASSERT_TRUE(it_null_at(r, "createProduct"));
    json_object_put(r);
    r = with_id(DELETE, id, NULL);
    CU_ASSERT_TRUE(it_has_errors(r));
    json_object_put(r);

    /* A vendor whose email is not confirmed may not sell. */
    r = it_gql_as(CREATE, create_vars("Unverified tee", NULL, NULL), unverified);
    CU_ASSERT_STRING_EQUAL(it_error_message(r), "Verify your email address before you sell.");
    json_object_put(r);

    /* Another vendor: exactly the answer of an unknown id, and nothing changes. */
    char vars[160];
    snprintf(vars, sizeof(vars), "{\"productId\":\"%s\",\"name\":\"Stolen\",\"price\":1.0}", id);
    r = it_gql_as(UPDATE, vars, other);
    CU_ASSERT_FALSE(it_has_errors(r));
    CU_ASSERT_FALSE(it_bool_at(r, "updateProduct.success"));
    char expected[96];
    snprintf(expected, sizeof(expected), "product '%s' not found", id);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateProduct.message"), expected);
    json_object_put(r);
    r = it_gql_as(UPDATE, "{\"productId\":\"999999999\",\"name\":\"Stolen\",\"price\":1.0}", other);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateProduct.message"), "product '999999999' not found");
    json_object_put(r);
    r = with_id(DELETE, id, other);
    CU_ASSERT_FALSE(it_bool_at(r, "deleteProduct.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "deleteProduct.message"), expected);
    json_object_put(r);
    snprintf(vars, sizeof(vars), "{\"productId\":%s}", id);
    r = it_gql_as(DUPLICATE, vars, other);
    CU_ASSERT_FALSE(it_bool_at(r, "duplicateProduct.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "duplicateProduct.message"), expected);
    json_object_put(r);
    CU_ASSERT_EQUAL(total_products(other), 0);

    /* Another seller's shop figures are private. */
    r = it_gql_as("query { viewMe { id } }", NULL, owner);
    snprintf(vars, sizeof(vars), "{\"sellerId\":\"%s\"}", it_text_at(r, "viewMe.id"));
    json_object_put(r);
    r = it_gql_as(SHOP_DATA, vars, other);
    CU_ASSERT_FALSE(it_has_errors(r));
    CU_ASSERT_FALSE(it_bool_at(r, "getShopData.success"));
    CU_ASSERT_TRUE(it_null_at(r, "getShopData.shopStats"));
    CU_ASSERT_TRUE(it_null_at(r, "getShopData.products"));
    json_object_put(r);

    r = product_by_id(id);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "product.name"), "Owned tee");
    CU_ASSERT_DOUBLE_EQUAL(num_at(r, "product.price"), 49.99, 1e-9);
    json_object_put(r);
}

static void update_changes_the_given_fields_and_the_cached_read_follows(void)
{
    const char *owner = vendor_sign_up("w-update", true);
    char id[32];
    snprintf(id, sizeof(id), "%s", create(owner, create_vars("Before", NULL, NULL)));
    struct json_object *r = product_by_id(id); /* cached now */
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "product.name"), "Before");
    json_object_put(r);

    char vars[1024];
    snprintf(vars, sizeof(vars),
             "{\"productId\":\"%s\",\"name\":\"Cotton T-Shirt\",\"description\":null,\"price\":"
             "45.0,\"discountPrice\":39.99,\"imagesUrl\":[\"https://cdn.example.com/a.jpg\","
             "\"/media/2026/11/b.webp\"],\"category\":\"673\",\"subcategory\":null,"
             "\"stockQuantity\":100,\"tags\":[\"cotton\",\"basic\"],\"specifications\":{\"fit\":"
             "\"regular\"},\"dimensions\":\"{\\\"l\\\":30}\",\"weight\":0.2,\"materials\":null,"
             "\"careInstructions\":\"Wash at 30\",\"isActive\":true}",
             id);
    r = it_gql_as(UPDATE, vars, owner);
    CU_ASSERT_FALSE(it_has_errors(r));
    CU_ASSERT_TRUE(it_bool_at(r, "updateProduct.success"));
    if (!it_bool_at(r, "updateProduct.success")) printf("\n  %s\n", it_last_reply());
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateProduct.product.name"), "Cotton T-Shirt");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateProduct.product.description"), "Plain white tees");
    CU_ASSERT_DOUBLE_EQUAL(num_at(r, "updateProduct.product.price"), 45.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(num_at(r, "updateProduct.product.discountPrice"), 39.99, 1e-9);
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "updateProduct.product.stockQuantity")), 100);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateProduct.product.tags.1"), "basic");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateProduct.product.category"), "Electronics");
    CU_ASSERT_TRUE(it_bool_at(r, "updateProduct.product.isActive"));
    CU_ASSERT_PTR_NOT_NULL(
            strstr(it_text_at(r, "updateProduct.product.imagesUrl"), "/media/2026/11/b.webp"));
    json_object_put(r);

    /* The next read sees it, although the old product was cached. */
    r = product_by_id(id);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "product.name"), "Cotton T-Shirt");
    CU_ASSERT_DOUBLE_EQUAL(num_at(r, "product.discountPrice"), 39.99, 1e-9);
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "product.stockQuantity")), 100);
    CU_ASSERT_PTR_NOT_NULL(strstr(it_text_at(r, "product.specifications"), "regular"));
    CU_ASSERT_PTR_NOT_NULL(strstr(it_text_at(r, "product.dimensions"), "30"));
    CU_ASSERT_DOUBLE_EQUAL(num_at(r, "product.weight"), 0.2, 1e-9);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "product.careInstructions"), "Wash at 30");
    json_object_put(r);

    /* Explicit nulls leave everything as it is. */
    snprintf(vars, sizeof(vars),
             "{\"productId\":\"%s\",\"name\":null,\"price\":null,\"discountPrice\":null,"
             "\"stockQuantity\":null,\"isActive\":null}",
             id);
    r = it_gql_as(UPDATE, vars, owner);
    CU_ASSERT_TRUE(it_bool_at(r, "updateProduct.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateProduct.product.name"), "Cotton T-Shirt");
    CU_ASSERT_DOUBLE_EQUAL(num_at(r, "updateProduct.product.discountPrice"), 39.99, 1e-9);
    json_object_put(r);

    /* A discount that is not below the price, a negative stock, an unknown category:
     * refused, nothing changed (the name given with them is not saved either). */
    static const char *const bad[] = { "\"discountPrice\":45.0", "\"stockQuantity\":-1",
                                       "\"category\":\"No such department\"", "\"price\":10.0",
                                       "\"materials\":[\"unobtainium\"]" };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        snprintf(vars, sizeof(vars), "{\"productId\":\"%s\",\"name\":\"Changed\",%s}", id, bad[i]);
        r = it_gql_as(UPDATE, vars, owner);
        CU_ASSERT_FALSE(it_has_errors(r));
        CU_ASSERT_FALSE(it_bool_at(r, "updateProduct.success"));
        if (it_bool_at(r, "updateProduct.success")) printf("\n  accepted: %s\n", bad[i]);
        json_object_put(r);
    }
    r = product_by_id(id);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "product.name"), "Cotton T-Shirt");
    json_object_put(r);

    /* isActive false: a draft, gone from public reads. */
    snprintf(vars, sizeof(vars), "{\"productId\":\"%s\",\"isActive\":false}", id);
    r = it_gql_as(UPDATE, vars, owner);
    CU_ASSERT_TRUE(it_bool_at(r, "updateProduct.success"));
    CU_ASSERT_FALSE(it_bool_at(r, "updateProduct.product.isActive"));
    json_object_put(r);
    r = product_by_id(id);
    CU_ASSERT_TRUE(it_has_errors(r));
    CU_ASSERT_TRUE(it_null_at(r, "product"));
    json_object_put(r);
}

/* The name of the first child of category parent (static copy), "" when none. */
static const char *child_of(const char *parent)
{
    static char name[128];
    struct json_object *r =
            it_gql_as("query { categories { id name parentCategory } }", NULL, NULL);
    struct json_object *list = it_at(r, "categories");
    name[0] = '\0';
    for (size_t i = 0; list && i < json_object_array_length(list) && !name[0]; i++) {
        struct json_object *c = json_object_array_get_idx(list, i);
        const char *p = json_object_get_string(json_object_object_get(c, "parentCategory"));
        if (p && strcmp(p, parent) == 0)
            snprintf(name, sizeof(name), "%s",
                     json_object_get_string(json_object_object_get(c, "name")));
    }
    json_object_put(r);
    return name;
}

static void update_moves_a_product_within_the_category_tree(void)
{
    const char *owner = vendor_sign_up("w-category", true);
    char id[32];
    snprintf(id, sizeof(id), "%s", create(owner, create_vars("Tree tee", NULL, NULL)));
    char men_child[128];
    snprintf(men_child, sizeof(men_child), "%s", child_of("1"));
    char women_child[128];
    snprintf(women_child, sizeof(women_child), "%s", child_of("179"));
    CU_ASSERT_FATAL(men_child[0] && women_child[0]);
    /* Men (id 1) and one of its children by name. */
    char vars[512];
    snprintf(vars, sizeof(vars), "{\"productId\":\"%s\",\"category\":\"1\",\"subcategory\":\"%s\"}",
             id, men_child);
    struct json_object *r = it_gql_as(UPDATE, vars, owner);
    CU_ASSERT_TRUE(it_bool_at(r, "updateProduct.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateProduct.product.category"), "Men");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateProduct.product.subcategory"), men_child);
    json_object_put(r);
    /* A subcategory alone is looked for below the product's department: not under Women. */
    if (strcmp(women_child, men_child) != 0) {
        snprintf(vars, sizeof(vars), "{\"productId\":\"%s\",\"subcategory\":\"%s\"}", id,
                 women_child);
        r = it_gql_as(UPDATE, vars, owner);
        CU_ASSERT_FALSE(it_bool_at(r, "updateProduct.success"));
        CU_ASSERT_PTR_NOT_NULL(strstr(it_text_at(r, "updateProduct.message"), "subcategory"));
        json_object_put(r);
    }
    /* Women by name, then its child. */
    snprintf(vars, sizeof(vars),
             "{\"productId\":\"%s\",\"category\":\"women\",\"subcategory\":\"%s\"}", id,
             women_child);
    r = it_gql_as(UPDATE, vars, owner);
    CU_ASSERT_TRUE(it_bool_at(r, "updateProduct.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateProduct.product.category"), "Women");
    json_object_put(r);
}

static void duplicate_copies_with_overrides(void)
{
    const char *owner = vendor_sign_up("w-dup", true);
    char id[32];
    snprintf(id, sizeof(id), "%s", create(owner, create_vars("Original", "discount", "10")));
    /* The app's quick duplicate: only the id (an Int). */
    char vars[256];
    snprintf(vars, sizeof(vars), "{\"productId\":%s}", id);
    struct json_object *r = it_gql_as(DUPLICATE, vars, owner);
    CU_ASSERT_FALSE(it_has_errors(r));
    CU_ASSERT_TRUE(it_bool_at(r, "duplicateProduct.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "duplicateProduct.product.name"), "Original (copy)");
    CU_ASSERT_STRING_NOT_EQUAL(it_text_at(r, "duplicateProduct.product.id"), id);
    CU_ASSERT_DOUBLE_EQUAL(num_at(r, "duplicateProduct.product.price"), 49.99, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(num_at(r, "duplicateProduct.product.discountPrice"), 44.99, 1e-9);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "duplicateProduct.product.category.id"), "674");
    CU_ASSERT_PTR_NOT_NULL(strstr(it_text_at(r, "duplicateProduct.product.imagesUrl"), "6f1c.jpg"));
    json_object_put(r);
    /* The dialog: the changed fields. */
    snprintf(vars, sizeof(vars),
             "{\"productId\":%s,\"name\":\"Cotton T-Shirt (copy)\",\"description\":\"Plain white "
             "tees\",\"price\":20.0,\"condition\":\"BRAND_NEW_WITH_TAGS\",\"color\":[\"Black\","
             "\"White\"]}",
             id);
    r = it_gql_as(DUPLICATE, vars, owner);
    CU_ASSERT_TRUE(it_bool_at(r, "duplicateProduct.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "duplicateProduct.product.name"), "Cotton T-Shirt (copy)");
    CU_ASSERT_DOUBLE_EQUAL(num_at(r, "duplicateProduct.product.price"), 20.0, 1e-9);
    /* The original's sale price (44.99) is not below the new price: the copy has none. */
    CU_ASSERT_TRUE(it_null_at(r, "duplicateProduct.product.discountPrice"));
    json_object_put(r);
    CU_ASSERT_EQUAL(total_products(owner), 3);
}

static void delete_archives_the_product(void)
{
    const char *owner = vendor_sign_up("w-delete", true);
    char id[32];
    snprintf(id, sizeof(id), "%s", create(owner, create_vars("Short-lived", NULL, NULL)));
    CU_ASSERT_EQUAL(total_products(owner), 1);
    struct json_object *r = product_by_id(id);
    CU_ASSERT_FALSE(it_has_errors(r));
    json_object_put(r);
    r = with_id(DELETE, id, owner);
    CU_ASSERT_FALSE(it_has_errors(r));
    CU_ASSERT_TRUE(it_bool_at(r, "deleteProduct.success"));
    json_object_put(r);
    r = product_by_id(id);
    CU_ASSERT_TRUE(it_has_errors(r));
    CU_ASSERT_PTR_NOT_NULL(strstr(it_error_message(r), "not found"));
    json_object_put(r);
    CU_ASSERT_EQUAL(total_products(owner), 0);
    /* Gone for writes too. */
    r = with_id(DELETE, id, owner);
    CU_ASSERT_FALSE(it_bool_at(r, "deleteProduct.success"));
    json_object_put(r);
    r = with_id(UPDATE, id, owner);
    CU_ASSERT_FALSE(it_bool_at(r, "updateProduct.success"));
    json_object_put(r);
}

static void shop_settings_change_what_is_given(void)
{
    const char *owner = vendor_sign_up("w-shop", true);
    char id[32];
    snprintf(id, sizeof(id), "%s", create(owner, create_vars("Shop tee", NULL, NULL)));
    struct json_object *r = product_by_id(id); /* cached with the shop's first name */
    json_object_put(r);
    static const char app_vars[] =
            "{\"shopName\":\"Acme Wholesale\",\"shopDescription\":\"Bulk apparel\","
            "\"shopLogoUrl\":null,\"shopBannerUrl\":null,\"shopContactEmail\":"
            "\"sales@acme.example\",\"shopContactPhone\":\"+447700900123\",\"shopAddress\":"
            "\"1 High Street\",\"shopCity\":\"London\",\"shopCountry\":\"United Kingdom\","
            "\"shopPostalCode\":\"E1 6AN\"}";
    r = it_gql_as(SHOP_SETTINGS, app_vars, owner);
    CU_ASSERT_FALSE(it_has_errors(r));
    CU_ASSERT_TRUE(it_bool_at(r, "updateShopSettings.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateShopSettings.shopData.businessName"),
                           "Acme Wholesale");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateShopSettings.shopData.email"),
                           "sales@acme.example");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateShopSettings.shopData.phoneNumber"),
                           "+447700900123");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateShopSettings.shopData.postalCode"), "E1 6AN");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateShopSettings.shopData.firstName"), "Ada");
    json_object_put(r);
    /* The product's seller shows the new name at once. */
    r = product_by_id(id);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "product.seller.businessName"), "Acme Wholesale");
    json_object_put(r);
    /* Nulls keep; bad values are refused and change nothing. */
    r = it_gql_as(SHOP_SETTINGS, "{\"shopCity\":\"Leeds\",\"shopName\":null}", owner);
    CU_ASSERT_TRUE(it_bool_at(r, "updateShopSettings.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateShopSettings.shopData.city"), "Leeds");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateShopSettings.shopData.businessName"),
                           "Acme Wholesale");
    json_object_put(r);
    static const char *const bad[] = {
        "{\"shopName\":\"  \",\"shopCity\":\"York\"}",
        "{\"shopContactEmail\":\"not-an-email\",\"shopCity\":\"York\"}",
        "{\"shopContactPhone\":\"call me\",\"shopCity\":\"York\"}",
        "{\"shopLogoUrl\":\"javascript:alert(1)\",\"shopCity\":\"York\"}",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        r = it_gql_as(SHOP_SETTINGS, bad[i], owner);
        CU_ASSERT_FALSE(it_has_errors(r));
        CU_ASSERT_FALSE(it_bool_at(r, "updateShopSettings.success"));
        CU_ASSERT_TRUE(it_null_at(r, "updateShopSettings.shopData"));
        json_object_put(r);
    }
    r = it_gql_as(SHOP_SETTINGS, "{}", owner);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateShopSettings.shopData.city"), "Leeds");
    json_object_put(r);
}

/* A seeded product with several sizes: its copy has every variant at 0 units (the copy's stock
 * is 0 while the original's is not), and updateProduct cannot set one stock for several
 * variants. The copies are deleted again. */
static void a_copy_of_a_product_with_variants_starts_with_no_stock(void)
{
    const char *demo = it_demo_token("vendor");
    CU_ASSERT_TRUE_FATAL(strlen(demo) > 20);
    struct json_object *list =
            it_gql_as("query { vendorProducts(first: 100, status: \"ACTIVE\") { edges { node { id "
                      "stockQuantity } } } }",
                      NULL, demo);
    struct json_object *edges = it_at(list, "vendorProducts.edges");
    size_t n = edges ? json_object_array_length(edges) : 0;
    CU_ASSERT_TRUE(n > 0);
    bool refused = false;
    for (size_t i = 0; i < n && !refused; i++) {
        char path[64];
        snprintf(path, sizeof(path), "vendorProducts.edges.%zu.node.stockQuantity", i);
        if (json_object_get_int(it_at(list, path)) <= 0) continue;
        snprintf(path, sizeof(path), "vendorProducts.edges.%zu.node.id", i);
        char vars[256];
        snprintf(vars, sizeof(vars), "{\"productId\":%s}", it_text_at(list, path));
        struct json_object *r = it_gql_as(DUPLICATE, vars, demo);
        CU_ASSERT_TRUE(it_bool_at(r, "duplicateProduct.success"));
        char copy[32];
        snprintf(copy, sizeof(copy), "%s", it_text_at(r, "duplicateProduct.product.id"));
        json_object_put(r);
        snprintf(vars, sizeof(vars), "{\"id\":%s}", copy);
        r = it_gql_as("query P($id: Int!) { product(id: $id) { stockQuantity } }", vars, NULL);
        CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "product.stockQuantity")), 0);
        json_object_put(r);
        snprintf(vars, sizeof(vars), "{\"productId\":\"%s\",\"stockQuantity\":5}", copy);
        r = it_gql_as(UPDATE, vars, demo);
        refused = !it_bool_at(r, "updateProduct.success") &&
                  strstr(it_text_at(r, "updateProduct.message"), "variants") != NULL;
        json_object_put(r);
        r = with_id(DELETE, copy, demo);
        CU_ASSERT_TRUE(it_bool_at(r, "deleteProduct.success"));
        json_object_put(r);
    }
    CU_ASSERT_TRUE(refused);
    json_object_put(list);
}

/* A 1x1 PNG. */
static const unsigned char PNG[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
    0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00,
    0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78,
    0xda, 0x63, 0x64, 0x60, 0xf8, 0x5f, 0x0f, 0x00, 0x02, 0x87, 0x01, 0x80, 0xeb, 0x47,
    0xba, 0x92, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

/* The app's anonymous upload (POST /api/upload-image/, field image); the image_url answered
 * into url, "" on failure. */
static void upload_png(char *url, size_t len)
{
    struct buf body = BUF_INIT(NULL);
    buf_appends(&body,
                "--t1520-boundary\r\ncontent-type: application/octet-stream\r\n"
                "content-disposition: form-data; name=\"image\"; filename=\"a.png\"\r\n\r\n");
    buf_append(&body, PNG, sizeof(PNG));
    buf_appends(&body, "\r\n--t1520-boundary--\r\n");
    const char *headers[] = { "Content-Type: multipart/form-data; boundary=t1520-boundary", NULL };
    struct it_response r;
    it_request("POST", "/api/upload-image/", headers, body.ptr, body.len, &r);
    buf_release(&body);
    struct json_object *reply = r.body.ptr ? json_tokener_parse(r.body.ptr) : NULL;
    struct json_object *u = NULL;
    json_object_object_get_ex(reply, "image_url", &u);
    snprintf(url, len, "%s", u ? json_object_get_string(u) : "");
    json_object_put(reply);
    it_response_release(&r);
}

/* The first column of the first row of a query on the stack's database, into out. */
static void sql_value(char *out, size_t len, const char *query)
{
    const char *var = getenv("MARKET_VAR");
    char file[512];
    snprintf(file, sizeof(file), "%s/t1520-sql.out", var);
    out[0] = '\0';
    CU_ASSERT_EQUAL(it_sh("mariadb --no-defaults --socket='%s/run/mysqld.sock' "
                          "--user=\"$(id -un)\" --batch --skip-column-names market -e \"%s\" "
                          ">'%s'",
                          var, query, file),
                    0);
    FILE *f = fopen(file, "r");
    if (f) {
        if (fgets(out, (int)len, f)) out[strcspn(out, "\t\n")] = '\0';
        fclose(f);
    }
}

/* An anonymous upload the app made for a product is referenced once the product uses it (so
 * media_gc keeps it), and a refused product leaves it unreferenced. */
static void a_product_keeps_its_uploaded_image(void)
{
    const char *owner = vendor_sign_up("w-media", true);
    char url[512];
    upload_png(url, sizeof(url));
    CU_ASSERT_FATAL(strstr(url, "/media/") != NULL);
    char images[1200];
    snprintf(images, sizeof(images), "[{\"url\":\"%s\",\"thumbnail\":\"%s\"}]", url, url);
    char query[700];
    snprintf(query, sizeof(query),
             "SELECT referenced_at IS NOT NULL FROM media WHERE storage_key = '%s'",
             strstr(url, "/media/") + 7);
    char value[32];
    /* Refused (price 0): rolled back, still unreferenced. */
    const char *vars = create_vars("Uploaded", "imagesUrl", images);
    char bad[2048];
    snprintf(bad, sizeof(bad), "%s", vars);
    char *price = strstr(bad, "\"price\":49.99");
    CU_ASSERT_FATAL(price != NULL);
    memcpy(price, "\"price\":-1.00", 13);
    struct json_object *r = it_gql_as(CREATE, bad, owner);
    CU_ASSERT_FALSE(it_bool_at(r, "createProduct.success"));
    json_object_put(r);
    sql_value(value, sizeof(value), query);
    CU_ASSERT_STRING_EQUAL(value, "0");
    create(owner, vars);
    sql_value(value, sizeof(value), query);
    CU_ASSERT_STRING_EQUAL(value, "1");
}

static void the_vendors_wholesale_terms_apply_in_a_buyers_cart(void)
{
    const char *owner = vendor_sign_up("w-terms", true);
    char id[32];
    snprintf(id, sizeof(id), "%s", create(owner, create_vars("Terms crate", "price", "10.0")));
    CU_ASSERT_FATAL(id[0] != '\0');
    static const char terms[] =
            "mutation($p: ID!, $moq: Int, $cp: Int, $t: [PriceTierInput!], $a: "
            "[AccountPriceInput!]) "
            "{ updateProduct(productId: $p, stockQuantity: 500, minOrderQuantity: $moq, casePack: "
            "$cp, priceTiers: $t, accountPrices: $a) { success message } }";
    char vars[512];
    /* Refused: breaks not falling in price, a break above the price, a doubled type. */
    static const char *const bad[] = {
        "\"t\":[{\"minQuantity\":24,\"unitPrice\":9},{\"minQuantity\":48,\"unitPrice\":9.5}]",
        "\"t\":[{\"minQuantity\":24,\"unitPrice\":10}]",
        "\"t\":[{\"minQuantity\":1,\"unitPrice\":9}]",
        "\"a\":[{\"accountType\":\"RESELLER\",\"unitPrice\":8},{\"accountType\":\"reseller\","
        "\"unitPrice\":7}]",
        "\"moq\":0",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        snprintf(vars, sizeof(vars), "{\"p\":\"%s\",%s}", id, bad[i]);
        struct json_object *r = it_gql_as(terms, vars, owner);
        CU_ASSERT_FALSE(it_bool_at(r, "updateProduct.success"));
        json_object_put(r);
    }
    snprintf(vars, sizeof(vars),
             "{\"p\":\"%s\",\"moq\":12,\"cp\":6,\"t\":[{\"minQuantity\":24,\"unitPrice\":9},"
             "{\"minQuantity\":48,\"unitPrice\":8.5}],\"a\":[{\"accountType\":\"RESELLER\","
             "\"unitPrice\":8}]}",
             id);
    struct json_object *r = it_gql_as(terms, vars, owner);
    CU_ASSERT_TRUE(it_bool_at(r, "updateProduct.success"));
    json_object_put(r);
    /* The product shows its terms to everyone. */
    snprintf(vars, sizeof(vars), "{\"id\":%s}", id);
    r = it_gql("query($id: Int!) { product(id: $id) { minOrderQuantity casePack priceTiers { "
               "minQuantity unitPrice } accountPrices { accountType unitPrice } } }",
               vars, NULL);
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "product.minOrderQuantity")), 12);
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "product.casePack")), 6);
    CU_ASSERT_EQUAL(json_object_array_length(it_at(r, "product.priceTiers")), 2);
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "product.priceTiers.1.minQuantity")), 48);
    CU_ASSERT_DOUBLE_EQUAL(json_object_get_double(it_at(r, "product.priceTiers.1.unitPrice")), 8.5,
                           0.001);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "product.accountPrices.0.accountType"), "RESELLER");
    json_object_put(r);
    /* A buyer's cart applies them: 10 units break the minimum and the case pack; 24 get the
     * break's price; a reseller's 12 get the reseller price. */
    static const char add[] = "mutation($p: ID!, $q: Int) { addToCart(productId: $p, quantity: $q) "
                              "{ success message cartItem { quantity unitPrice priceRule } } }";
    const char *buyer = it_sign_up("w-terms-buyer", NULL, 0);
    snprintf(vars, sizeof(vars), "{\"p\":\"%s\",\"q\":10}", id);
    r = it_gql_as(add, vars, buyer);
    CU_ASSERT_FALSE(it_bool_at(r, "addToCart.success"));
    CU_ASSERT_PTR_NOT_NULL(strstr(it_text_at(r, "addToCart.message"), "12"));
    json_object_put(r);
    snprintf(vars, sizeof(vars), "{\"p\":\"%s\",\"q\":24}", id);
    r = it_gql_as(add, vars, buyer);
    CU_ASSERT_TRUE(it_bool_at(r, "addToCart.success"));
    CU_ASSERT_DOUBLE_EQUAL(json_object_get_double(it_at(r, "addToCart.cartItem.unitPrice")), 9.0,
                           0.001);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "addToCart.cartItem.priceRule"), "QUANTITY_BREAK");
    json_object_put(r);
    const char *reseller = it_sign_up_as("w-terms-reseller", "RESELLER", NULL, 0);
    snprintf(vars, sizeof(vars), "{\"p\":\"%s\",\"q\":12}", id);
    r = it_gql_as(add, vars, reseller);
    CU_ASSERT_TRUE(it_bool_at(r, "addToCart.success"));
    CU_ASSERT_DOUBLE_EQUAL(json_object_get_double(it_at(r, "addToCart.cartItem.unitPrice")), 8.0,
                           0.001);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "addToCart.cartItem.priceRule"), "ACCOUNT_TYPE");
    json_object_put(r);
    /* [] removes the breaks. */
    snprintf(vars, sizeof(vars), "{\"p\":\"%s\",\"t\":[]}", id);
    r = it_gql_as(terms, vars, owner);
    CU_ASSERT_TRUE(it_bool_at(r, "updateProduct.success"));
    json_object_put(r);
    snprintf(vars, sizeof(vars), "{\"id\":%s}", id);
    r = it_gql("query($id: Int!) { product(id: $id) { priceTiers { minQuantity } } }", vars, NULL);
    CU_ASSERT_EQUAL(json_object_array_length(it_at(r, "product.priceTiers")), 0);
    json_object_put(r);
}

/* The vendor's own view of product id (vendorProduct: condition, style, brand). */
static struct json_object *own_product(const char *id, const char *token)
{
    char vars[64];
    snprintf(vars, sizeof(vars), "{\"p\":\"%s\"}", id);
    return it_gql_as("query($p: ID!) { vendorProduct(id: $p) { condition style customBrand "
                     "brand { id } } }",
                     vars, token);
}

static long search_total(const char *word)
{
    char vars[128];
    snprintf(vars, sizeof(vars), "{\"q\":\"%s\"}", word);
    struct json_object *r =
            it_gql("query($q: String!) { searchProducts(query: $q) { totalCount } }", vars, NULL);
    long n = (long)json_object_get_int(it_at(r, "searchProducts.totalCount"));
    json_object_put(r);
    return n;
}

/* updateProduct(productId: id, <fields>) with condition, style, brand and customBrand as
 * fields (JSON members after the id); "" when it succeeded, else its message (static copy). */
static const char *update_brand(const char *token, const char *id, const char *fields)
{
    static char message[256];
    char vars[512];
    snprintf(vars, sizeof(vars), "{\"p\":\"%s\"%s%s}", id, *fields ? "," : "", fields);
    struct json_object *r =
            it_gql_as("mutation($p: ID!, $c: ConditionEnum, $s: StyleEnum, $b: Int, "
                      "$cb: String) { updateProduct(productId: $p, condition: $c, style: $s, "
                      "brand: $b, customBrand: $cb) { success message } }",
                      vars, token);
    snprintf(message, sizeof(message), "%s",
             it_bool_at(r, "updateProduct.success") ? "" : it_text_at(r, "updateProduct.message"));
    json_object_put(r);
    return message;
}

/* updateProduct's condition, style and brand; the brand's words are searchable at once. */
static void update_changes_condition_style_and_brand(void)
{
    char id[32], fields[128], word[40];
    snprintf(word, sizeof(word), "Zephyrco%ld", (long)it_now() % 100000000);
    const char *token = it_vendor_with_product("t1520-brand", "Brand test tee", id, sizeof(id));
    snprintf(fields, sizeof(fields), "\"c\":\"GOOD_CONDITION\",\"s\":\"CASUAL\",\"cb\":\"%s\"",
             word);
    CU_ASSERT_STRING_EQUAL(update_brand(token, id, fields), "");
    struct json_object *r = own_product(id, token);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "vendorProduct.condition"), "GOOD_CONDITION");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "vendorProduct.style"), "CASUAL");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "vendorProduct.customBrand"), word);
    json_object_put(r);
    CU_ASSERT_EQUAL(search_total(word), 1); /* the brand's words are searched */
    /* Both kinds of brand at once, or an unknown one: refused, nothing changed. */
    CU_ASSERT_PTR_NOT_NULL(
            strstr(update_brand(token, id, "\"b\":1,\"cb\":\"Other\",\"c\":\"HEAVILY_USED\""),
                   "not both"));
    CU_ASSERT_PTR_NOT_NULL(strstr(update_brand(token, id, "\"b\":999999,\"c\":\"HEAVILY_USED\""),
                                  "unknown brand"));
    r = own_product(id, token);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "vendorProduct.condition"), "GOOD_CONDITION");
    json_object_put(r);
    /* A listed brand replaces the vendor's words; "" then leaves it. */
    CU_ASSERT_STRING_EQUAL(update_brand(token, id, "\"b\":1"), "");
    CU_ASSERT_STRING_EQUAL(update_brand(token, id, "\"cb\":\"\""), "");
    r = own_product(id, token);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "vendorProduct.brand.id"), "1");
    CU_ASSERT_TRUE(it_null_at(r, "vendorProduct.customBrand"));
    json_object_put(r);
    CU_ASSERT_EQUAL(search_total(word), 0);
}

static CU_TestInfo tests[] = {
    { "update changes condition, style and brand", update_changes_condition_style_and_brand },
    { "the owner creates and the next read shows it",
      the_owner_creates_and_the_next_read_shows_it },
    { "bad input is refused and nothing is saved", bad_input_is_refused_and_nothing_is_saved },
    { "only the owning vendor may write", only_the_owning_vendor_may_write },
    { "update changes the given fields and the cached read follows",
      update_changes_the_given_fields_and_the_cached_read_follows },
    { "update moves a product within the category tree",
      update_moves_a_product_within_the_category_tree },
    { "duplicate copies with overrides", duplicate_copies_with_overrides },
    { "delete archives the product", delete_archives_the_product },
    { "shop settings change what is given", shop_settings_change_what_is_given },
    { "a copy of a product with variants starts with no stock",
      a_copy_of_a_product_with_variants_starts_with_no_stock },
    { "a product keeps its uploaded image", a_product_keeps_its_uploaded_image },
    { "the vendor's wholesale terms apply in a buyer's cart",
      the_vendors_wholesale_terms_apply_in_a_buyers_cart },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t1520_catalog_writes, "t1520/catalog-writes", NULL, NULL, tests);
