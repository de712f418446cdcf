/*
 * t1610-anon-cart.c: the anonymous web cart through HTTP, as a browser uses it: a signed-out
 * visitor adds to the cart from the product page's form and sees, updates and removes lines on
 * /cart, identified by the wm_cart cookie (HttpOnly, SameSite=Lax, 30 days) whose token the
 * database holds only hashed; the cart's rules and the CSRF check apply as for a signed-in
 * buyer; the API (the app) without a session still gets UNAUTHENTICATED, even with the cookie;
 * an expired anonymous cart reads as empty and the worker's cart_gc job deletes it. At sign-in and
 * at sign-up the anonymous lines move into the user's cart: quantities add up, a sum the rules
 * refuse becomes the nearest accepted one, a product no longer sold is left out, the flash says so,
 * and the anonymous cart and its cookie are gone. Products are inserted straight into the stack's
 * database.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <json.h>

#include "lib/it.h"

#define MY_CART \
    "query MyCart { myCart { id totalItems items { id quantity product { id name } } } }"
#define ADD_TO_CART                                                                          \
    "mutation AddToCart($productId: ID!, $quantity: Int) { addToCart(productId: $productId," \
    " quantity: $quantity) { success message } }"

static int64_t crate;  /* moq 24, case pack 12, stock 120 */
static int64_t single; /* moq 1, case pack 1, stock 1000 */
static int64_t fading; /* moq 1, stock 10: taken off sale before a merge */
static char tag[64];

/* One number the SQL prints (-1 when none). */
/* The suite's init: the products (no GraphQL call, so nothing asserts here). */
static int make_fixture(void)
{
    snprintf(tag, sizeof(tag), "%ld%d", (long)time(NULL), (int)getpid());
    char out[256];
    int rc = it_sql(
            out, sizeof(out),
            "INSERT INTO users (email, email_norm, password_hash, first_name, last_name,"
            " account_type) VALUES ('t1610-%1$s@example.com', 't1610-%1$s@example.com', '!',"
            " 'Ana', 'Nonymous', 'VENDOR');\n"
            "SET @u = LAST_INSERT_ID();\n"
            "INSERT INTO vendors (user_id, shop_name, slug, min_order_minor, currency) VALUES"
            " (@u, 'Anon Crates %1$s', 'anon-crates-%1$s', 0, 'GBP');\n"
            "SET @v = LAST_INSERT_ID();\n"
            "INSERT INTO products (vendor_id, category_id, name, description, price_minor,"
            " status, moq, case_pack, currency) VALUES"
            " (@v, 694, 'Anon crate %1$s', 'Crates.', 1000, 'active', 24, 12, 'GBP');\n"
            "SET @p1 = LAST_INSERT_ID();\n"
            "INSERT INTO products (vendor_id, category_id, name, description, price_minor,"
            " status, moq, case_pack, currency) VALUES"
            " (@v, 694, 'Anon single %1$s', 'Singles.', 500, 'active', 1, 1, 'GBP');\n"
            "SET @p2 = LAST_INSERT_ID();\n"
            "INSERT INTO products (vendor_id, category_id, name, description, price_minor,"
            " status, moq, case_pack, currency) VALUES"
            " (@v, 694, 'Anon fading %1$s', 'Soon gone.', 700, 'active', 1, 1, 'GBP');\n"
            "SET @p3 = LAST_INSERT_ID();\n"
            "INSERT INTO product_variants (product_id, sku, stock) VALUES"
            " (@p1, 'T1610-1-%1$s', 120), (@p2, 'T1610-2-%1$s', 1000),"
            " (@p3, 'T1610-3-%1$s', 10);\n"
            "SELECT @p1, @p2, @p3;\n",
            tag);
    if (rc != 0) return -1;
    return sscanf(out, "%" SCNd64 "\t%" SCNd64 "\t%" SCNd64, &crate, &single, &fading) == 3 ? 0
                                                                                            : -1;
}

/* ---- a browser -------------------------------------------------------------------------- */

/* POST a form of the page at path (its CSRF token taken by a GET first); returns the status. */
static long form(struct it_client *c, const char *path, const char *fields)
{
    struct it_response r;
    it_client_get(c, path, &r);
    it_response_release(&r);
    char body[2048];
    snprintf(body, sizeof(body), "_csrf=%s&%s", c->csrf, fields);
    it_client_post(c, path, body, NULL, &r);
    long status = r.status;
    if (status != 303) printf("\n  POST %s %s: %ld\n", path, fields, status);
    it_response_release(&r);
    return status;
}

/* Add quantity of product to c's cart from the product page's form; returns the status. */
static long add_by_page(struct it_client *c, int64_t product, int quantity)
{
    char path[64];
    char fields[256];
    snprintf(path, sizeof(path), "/products/%" PRId64, product);
    struct it_response r;
    it_client_get(c, path, &r);
    it_response_release(&r);
    snprintf(fields, sizeof(fields), "_csrf=%s&_op=CartAdd&productId=%" PRId64 "&quantity=%d",
             c->csrf, product, quantity);
    it_client_post(c, "/cart", fields, NULL, &r);
    long status = r.status;
    it_response_release(&r);
    return status;
}

/* The /cart page of c contains s. */
static bool cart_page_has(struct it_client *c, const char *s)
{
    struct it_response r;
    it_client_get(c, "/cart", &r);
    bool has = r.status == 200 && it_body_has(&r, s);
    it_response_release(&r);
    return has;
}

/* The quantity of product in the cart of token's user (0: no line). */
static int quantity_in_cart(const char *token, int64_t product)
{
    struct json_object *j = it_gql_as(MY_CART, NULL, token);
    struct json_object *items = it_at(j, "myCart.items");
    int q = 0;
    for (size_t i = 0; items && i < json_object_array_length(items); i++) {
        struct json_object *it = json_object_array_get_idx(items, i);
        struct json_object *p = NULL, *id = NULL, *qty = NULL;
        if (json_object_object_get_ex(it, "product", &p) &&
            json_object_object_get_ex(p, "id", &id) &&
            strtoll(json_object_get_string(id), NULL, 10) == product &&
            json_object_object_get_ex(it, "quantity", &qty))
            q = json_object_get_int(qty);
    }
    json_object_put(j);
    return q;
}

/* ---- the tests -------------------------------------------------------------------------- */

static void a_signed_out_visitor_fills_a_cart_by_page(void)
{
    struct it_client c = { 0 };
    char name[128];
    snprintf(name, sizeof(name), "Anon single %s", tag);
    /* An empty cart before any write, and no cookie handed out by reading. */
    struct it_response r;
    it_client_get(&c, "/cart", &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(it_body_has(&r, "Your cart is empty."));
    it_response_release(&r);
    CU_ASSERT_STRING_EQUAL(c.cart, "");

    CU_ASSERT_EQUAL(add_by_page(&c, single, 3), 303);
    CU_ASSERT_EQUAL(strlen(c.cart), 64);
    CU_ASSERT_PTR_NOT_NULL(strstr(c.cart_attrs, "HttpOnly"));
    CU_ASSERT_PTR_NOT_NULL(strstr(c.cart_attrs, "SameSite=Lax"));
    CU_ASSERT_PTR_NOT_NULL(strstr(c.cart_attrs, "Max-Age=2592000"));
    CU_ASSERT_TRUE(cart_page_has(&c, name));
    CU_ASSERT_TRUE(cart_page_has(&c, "value=\"3\""));
    /* Stored hashed: the row is found by the token's SHA-256, never by the token. */
    CU_ASSERT_EQUAL(it_sql_long("SELECT COUNT(*) FROM carts WHERE token_hash = SHA2('%s', 256)"
                                " AND expires_at > NOW(6) + INTERVAL 29 DAY",
                                c.cart),
                    1);
    CU_ASSERT_EQUAL(it_sql_long("SELECT COUNT(*) FROM carts WHERE token_hash = '%s'", c.cart), 0);

    /* A second add goes to the same cart (the cookie is kept, the line adds up). */
    char first[80];
    snprintf(first, sizeof(first), "%s", c.cart);
    CU_ASSERT_EQUAL(add_by_page(&c, single, 2), 303);
    CU_ASSERT_STRING_EQUAL(c.cart, first);
    CU_ASSERT_TRUE(cart_page_has(&c, "value=\"5\""));

    /* Update and remove on /cart, by line id. */
    char line[32];
    char out[64];
    it_sql(out, sizeof(out),
           "SELECT ci.id FROM cart_items ci JOIN carts c ON c.id = ci.cart_id"
           " WHERE c.token_hash = SHA2('%s', 256)",
           c.cart);
    snprintf(line, sizeof(line), "%.*s", (int)strcspn(out, "\n"), out);
    char fields[256];
    snprintf(fields, sizeof(fields), "_op=CartUpdate&cartItemId=%s&quantity=7", line);
    CU_ASSERT_EQUAL(form(&c, "/cart", fields), 303);
    CU_ASSERT_TRUE(cart_page_has(&c, "value=\"7\""));
    snprintf(fields, sizeof(fields), "_op=CartRemove&cartItemId=%s", line);
    CU_ASSERT_EQUAL(form(&c, "/cart", fields), 303);
    CU_ASSERT_TRUE(cart_page_has(&c, "Your cart is empty."));
}

static void the_cart_rules_and_csrf_apply_to_anonymous_posts(void)
{
    struct it_client c = { 0 };
    /* Off the case pack: refused with what would be accepted, nothing written. */
    char fields[256];
    snprintf(fields, sizeof(fields), "_op=CartAdd&productId=%" PRId64 "&quantity=30", crate);
    struct it_response r;
    it_client_get(&c, "/cart", &r);
    it_response_release(&r);
    char body[512];
    snprintf(body, sizeof(body), "_csrf=%s&%s", c.csrf, fields);
    it_client_post(&c, "/cart", body, NULL, &r);
    CU_ASSERT_EQUAL(r.status, 422);
    CU_ASSERT_TRUE(it_body_has(&r, "multiples of 12: order 24 or 36"));
    it_response_release(&r);
    CU_ASSERT_TRUE(cart_page_has(&c, "Your cart is empty."));
    /* No CSRF token: refused before anything runs. */
    it_client_post(&c, "/cart", fields, NULL, &r);
    CU_ASSERT_EQUAL(r.status, 403);
    it_response_release(&r);
    CU_ASSERT_TRUE(cart_page_has(&c, "Your cart is empty."));
}

static void the_api_without_a_session_is_refused_as_before(void)
{
    struct it_client c = { 0 };
    CU_ASSERT_EQUAL(add_by_page(&c, single, 1), 303);
    /* The app's call without a token: UNAUTHENTICATED, with or without the cart cookie. */
    struct json_object *j = it_gql(MY_CART, NULL, NULL);
    CU_ASSERT_STRING_EQUAL(it_error_code(j), "UNAUTHENTICATED");
    json_object_put(j);
    static const char body[] = "{\"query\":\"query { myCart { totalItems } }\"}";
    const char *h[] = { c.cookie_header, "Content-Type: application/json", NULL };
    struct it_response r;
    it_request("POST", "/wms/graphql/", h, body, strlen(body), &r);
    CU_ASSERT_TRUE(it_body_has(&r, "UNAUTHENTICATED"));
    CU_ASSERT_FALSE(it_body_has(&r, "\"totalItems\":1"));
    it_response_release(&r);
}

static void an_expired_anonymous_cart_reads_as_empty(void)
{
    struct it_client c = { 0 };
    CU_ASSERT_EQUAL(add_by_page(&c, single, 4), 303);
    CU_ASSERT_TRUE(cart_page_has(&c, "value=\"4\""));
    /* A visit is a use: the cart and its cookie live 30 days from now again. */
    it_sql(NULL, 0,
           "UPDATE carts SET expires_at = NOW(6) + INTERVAL 1 DAY WHERE token_hash = SHA2('%s', "
           "256)",
           c.cart);
    c.cart_attrs[0] = '\0';
    CU_ASSERT_TRUE(cart_page_has(&c, "value=\"4\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(c.cart_attrs, "Max-Age=2592000"));
    CU_ASSERT_EQUAL(it_sql_long("SELECT COUNT(*) FROM carts WHERE token_hash = SHA2('%s', 256)"
                                " AND expires_at > NOW(6) + INTERVAL 29 DAY",
                                c.cart),
                    1);
    it_sql(NULL, 0,
           "UPDATE carts SET expires_at = NOW(6) - INTERVAL 1 SECOND"
           " WHERE token_hash = SHA2('%s', 256)",
           c.cart);
    CU_ASSERT_TRUE(cart_page_has(&c, "Your cart is empty."));
    /* A write starts afresh: the old lines do not come back. */
    CU_ASSERT_EQUAL(add_by_page(&c, single, 1), 303);
    CU_ASSERT_TRUE(cart_page_has(&c, "value=\"1\""));
    CU_ASSERT_FALSE(cart_page_has(&c, "value=\"5\""));
}

static void the_worker_removes_expired_anonymous_carts(void)
{
    struct it_client live = { 0 };
    struct it_client old = { 0 };
    CU_ASSERT_EQUAL(add_by_page(&live, single, 1), 303);
    CU_ASSERT_EQUAL(add_by_page(&old, single, 1), 303);
    it_sql(NULL, 0,
           "UPDATE carts SET expires_at = NOW(6) - INTERVAL 1 DAY"
           " WHERE token_hash = SHA2('%s', 256)",
           old.cart);
    CU_ASSERT_EQUAL(it_worker_once("t1610-worker"), 0);
    CU_ASSERT_EQUAL(it_sql_wait(0, 10,
                                "SELECT COUNT(*) FROM carts WHERE token_hash = SHA2('%s', 256)",
                                old.cart),
                    0);
    CU_ASSERT_EQUAL(
            it_sql_long("SELECT COUNT(*) FROM carts WHERE token_hash = SHA2('%s', 256)", live.cart),
            1);
}

static void signing_in_merges_the_anonymous_cart(void)
{
    char email[256];
    const char *token = it_sign_up("t1610", email, sizeof(email));
    char bearer[4096];
    snprintf(bearer, sizeof(bearer), "%s", token);
    /* The user's cart already holds 96 crates. */
    char vars[128];
    snprintf(vars, sizeof(vars), "{\"productId\":\"%" PRId64 "\",\"quantity\":96}", crate);
    struct json_object *j = it_gql_as(ADD_TO_CART, vars, bearer);
    CU_ASSERT_TRUE(it_bool_at(j, "addToCart.success"));
    json_object_put(j);

    struct it_client c = { 0 };
    CU_ASSERT_EQUAL(add_by_page(&c, crate, 36), 303); /* 96 + 36 > 120 in stock */
    CU_ASSERT_EQUAL(add_by_page(&c, single, 3), 303); /* moves as it is */
    CU_ASSERT_EQUAL(add_by_page(&c, fading, 2), 303); /* taken off sale below */
    char anon[80];
    snprintf(anon, sizeof(anon), "%s", c.cart);
    char sql_id[32];
    snprintf(sql_id, sizeof(sql_id), "%" PRId64, fading);
    it_sql(NULL, 0, "UPDATE products SET status = 'draft' WHERE id = %s", sql_id);

    char fields[512];
    snprintf(fields, sizeof(fields), "_op=SignIn&email=%s&password=%s", it_form_encode(email),
             IT_PASSWORD);
    CU_ASSERT_EQUAL(form(&c, "/sign-in", fields), 303);
    CU_ASSERT_NOT_EQUAL(c.session[0], '\0');
    CU_ASSERT_STRING_EQUAL(c.flash, "CartMergedChanged");
    CU_ASSERT_STRING_EQUAL(c.cart, ""); /* the cookie is cleared */
    CU_ASSERT_PTR_NOT_NULL(strstr(c.cart_attrs, "Max-Age=0"));

    CU_ASSERT_EQUAL(quantity_in_cart(bearer, crate), 120); /* the nearest accepted */
    CU_ASSERT_EQUAL(quantity_in_cart(bearer, single), 3);
    CU_ASSERT_EQUAL(quantity_in_cart(bearer, fading), 0); /* left out */
    CU_ASSERT_EQUAL(
            it_sql_long("SELECT COUNT(*) FROM carts WHERE token_hash = SHA2('%s', 256)", anon), 0);
    /* The flash says so, the cart says what and why, and the cart page is the user's. */
    struct it_response r;
    it_client_get(&c, "/account", &r);
    CU_ASSERT_TRUE(it_body_has(&r, "with changes"));
    it_response_release(&r);
    char name[128];
    snprintf(name, sizeof(name), "Anon single %s", tag);
    CU_ASSERT_TRUE(cart_page_has(&c, name));
    char adjusted[256];
    snprintf(adjusted, sizeof(adjusted),
             "only 120 units of &#39;Anon crate %s&#39; are in stock: order at most 120: 120 units"
             " of &#39;Anon crate %s&#39; instead of 132",
             tag, tag);
    char dropped[128];
    snprintf(dropped, sizeof(dropped),
             "product &#39;%" PRId64 "&#39; is no longer available: left out", fading);
    CU_ASSERT_TRUE(cart_page_has(&c, adjusted));
    CU_ASSERT_TRUE(cart_page_has(&c, dropped));
    j = it_gql_as("query { myCart { mergeNotices } }", NULL, bearer);
    CU_ASSERT_EQUAL(json_object_array_length(it_at(j, "myCart.mergeNotices")), 2);
    json_object_put(j);
    /* The next change of the cart retires the notice. */
    CU_ASSERT_EQUAL(add_by_page(&c, single, 1), 303);
    CU_ASSERT_FALSE(cart_page_has(&c, dropped));
    j = it_gql_as("query { myCart { mergeNotices } }", NULL, bearer);
    CU_ASSERT_EQUAL(json_object_array_length(it_at(j, "myCart.mergeNotices")), 0);
    json_object_put(j);
    it_sql(NULL, 0, "UPDATE products SET status = 'active' WHERE id = %s", sql_id);
}

static void signing_up_merges_the_anonymous_cart(void)
{
    struct it_client c = { 0 };
    CU_ASSERT_EQUAL(add_by_page(&c, crate, 24), 303);
    char anon[80];
    snprintf(anon, sizeof(anon), "%s", c.cart);
    const char *email = it_new_email("t1610-up");
    char fields[1024];
    snprintf(fields, sizeof(fields),
             "_op=SignUp&firstName=Ann&lastName=Onym&email=%s&password1=%s&password2=%s"
             "&accountType=CUSTOMER&termsAccepted=on",
             it_form_encode(email), IT_PASSWORD, IT_PASSWORD);
    CU_ASSERT_EQUAL(form(&c, "/sign-up", fields), 303);
    CU_ASSERT_NOT_EQUAL(c.session[0], '\0');
    CU_ASSERT_STRING_EQUAL(c.flash, "CartMerged");
    CU_ASSERT_STRING_EQUAL(c.cart, "");
    CU_ASSERT_EQUAL(
            it_sql_long("SELECT COUNT(*) FROM carts WHERE token_hash = SHA2('%s', 256)", anon), 0);
    char uid[64];
    snprintf(uid, sizeof(uid), "%s", email);
    CU_ASSERT_EQUAL(it_sql_long("SELECT ci.quantity FROM cart_items ci JOIN carts c ON"
                                " c.id = ci.cart_id JOIN users u ON u.id = c.user_id"
                                " WHERE u.email_norm = LOWER('%s')",
                                uid),
                    24);
}

static CU_TestInfo tests[] = {
    { "a signed-out visitor fills a cart by page", a_signed_out_visitor_fills_a_cart_by_page },
    { "the cart rules and CSRF apply to anonymous posts",
      the_cart_rules_and_csrf_apply_to_anonymous_posts },
    { "the API without a session is refused as before",
      the_api_without_a_session_is_refused_as_before },
    { "a visit extends an anonymous cart; an expired one reads as empty",
      an_expired_anonymous_cart_reads_as_empty },
    { "the worker removes expired anonymous carts", the_worker_removes_expired_anonymous_carts },
    { "signing in merges the anonymous cart", signing_in_merges_the_anonymous_cart },
    { "signing up merges the anonymous cart", signing_up_merges_the_anonymous_cart },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t1610_anon_cart, "t1610/anon-cart", make_fixture, NULL, tests);
