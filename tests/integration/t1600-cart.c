/*
 * t1600-cart.c: the cart and the wishlist through HTTP, with the Flutter app's documents and
 * products made for the rules (inserted straight into the stack's database, as the catalog's
 * write side is not in this branch): a minimum order quantity, a case pack, the stock, price
 * breaks, a RESELLER price, a sale price, a shop's minimum order value, a draft product, a
 * product in another currency and a vendor's own product. Each rule has a case that would pass
 * if the rule were skipped only by accident: the refusal's message names what would be
 * accepted and the cart is unchanged after it. Also: the app's product id as cartItemId,
 * another user's cart item answered like an unknown one, anonymous calls, prices and stock
 * re-checked when the cart is read.
 */
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <json.h>

#include "lib/it.h"

#define PRODUCT_FIELDS "product { __typename id name price imagesUrl }"
#define ITEM_FIELDS                                                                      \
    "__typename id " PRODUCT_FIELDS " quantity totalPrice unitPrice basePrice currency " \
    "priceRule priceReason available problem"
#define MY_CART                                                                              \
    "query MyCart { __typename myCart { __typename id totalItems totalAmount currency "      \
    "canCheckout items { " ITEM_FIELDS " } vendors { __typename vendor { id businessName } " \
    "subtotal minimumOrderValue meetsMinimumOrder shortfall message items { id } } } }"
#define ADD_TO_CART                                                                          \
    "mutation AddToCart($productId: ID!, $quantity: Int) { __typename addToCart(productId: " \
    "$productId, quantity: $quantity) { __typename cartItem { " ITEM_FIELDS                  \
    " } success message } }"
#define UPDATE_CART_ITEM                                                                  \
    "mutation UpdateCartItem($cartItemId: ID!, $quantity: Int!) { __typename "            \
    "updateCartItem(cartItemId: $cartItemId, quantity: $quantity) { __typename cartItem " \
    "{ " ITEM_FIELDS " } success message } }"
#define REMOVE_FROM_CART                                                                 \
    "mutation RemoveFromCart($cartItemId: ID!) { __typename removeFromCart(cartItemId: " \
    "$cartItemId) { __typename success message } }"
#define CLEAR_CART                                                                              \
    "mutation ClearCart { __typename clearCart { __typename success message cart { __typename " \
    "id totalItems totalAmount } } }"
#define MY_WISHLIST                                                                          \
    "query MyWishlist { __typename myWishlist { __typename id product { __typename id name " \
    "price imagesUrl seller { __typename id firstName lastName } } createdAt } }"
#define ADD_TO_WISHLIST                                                                   \
    "mutation AddToWishlist($productId: ID!) { __typename addToWishlist(productId: "      \
    "$productId) { __typename wishlistItem { __typename id product { __typename id name " \
    "price imagesUrl } } success message } }"
#define REMOVE_FROM_WISHLIST                                                                   \
    "mutation RemoveFromWishlist($productId: ID!) { __typename removeFromWishlist(productId: " \
    "$productId) { __typename success message } }"

/* The fixture's product ids (see make_fixture). */
static int64_t crate;  /* GBP 10.00, moq 24, case 12, stock 120, breaks 48: 9.00, 96: 8.00,
                          RESELLER 8.50; shop "Crates" with a GBP 500.00 minimum order */
static int64_t draft;  /* a draft of the same shop */
static int64_t sale;   /* GBP 20.00 on sale at 15.00, moq 1, case 1, stock 5; shop "Crates" */
static int64_t single; /* GBP 5.00, moq 1, case 1, stock 1000; shop "Singles", no minimum */
static int64_t euro;   /* EUR 5.00, moq 1, case 1, stock 1000; shop "Singles" */
static int64_t own;    /* a product of the vendor whose token is vendor_token */
static char tag[64];
static char vendor_token[4096];

static const char *id_text(int64_t id)
{
    static char slots[4][32];
    static int next;
    char *s = slots[next++ % 4];
    snprintf(s, 32, "%" PRId64, id);
    return s;
}

/* Sign up through the API with accountType type; the token is copied into token. False when
 * sign-up failed (no assert: the suite's init calls it too). */
static bool sign_up_as(const char *type, const char *who, char *email, size_t elen, char *token,
                       size_t tlen)
{
    snprintf(email, elen, "%s", it_new_email(who));
    char vars[512];
    snprintf(vars, sizeof(vars), "{\"e\":\"%s\",\"p\":\"%s\",\"t\":\"%s\"}", email, IT_PASSWORD,
             type);
    struct json_object *r = it_gql(
            "mutation R($e: String!, $p: String!, $t: String!) { register(firstName: \"Ann\", "
            "lastName: \"Buyer\", password1: $p, password2: $p, email: $e, accountType: $t, "
            "termsAccepted: true) { success token } }",
            vars, NULL);
    bool ok = it_bool_at(r, "register.success");
    snprintf(token, tlen, "%s", it_text_at(r, "register.token"));
    json_object_put(r);
    return ok && token[0];
}

static int make_fixture(void)
{
    snprintf(tag, sizeof(tag), "%ld%d", (long)time(NULL), (int)getpid());
    char vendor_email[256];
    if (!sign_up_as("SUPPLIER", "t1600-vendor", vendor_email, sizeof(vendor_email), vendor_token,
                    sizeof(vendor_token)))
        return -1;
    char out[512];
    int rc = it_sql(
            out, sizeof(out),
            "INSERT INTO users (email, email_norm, password_hash, first_name, last_name,"
            " account_type) VALUES ('t1600-a-%1$s@example.com', 't1600-a-%1$s@example.com', '!',"
            " 'Ada', 'Crates', 'VENDOR'), ('t1600-b-%1$s@example.com',"
            " 't1600-b-%1$s@example.com', '!', 'Bo', 'Singles', 'VENDOR');\n"
            "SET @ua = (SELECT id FROM users WHERE email_norm = 't1600-a-%1$s@example.com');\n"
            "SET @ub = (SELECT id FROM users WHERE email_norm = 't1600-b-%1$s@example.com');\n"
            "SET @uo = (SELECT id FROM users WHERE email_norm = LOWER('%2$s'));\n"
            "INSERT INTO vendors (user_id, shop_name, slug, min_order_minor, currency) VALUES"
            " (@ua, 'Crates %1$s', 'crates-%1$s', 50000, 'GBP');\n"
            "SET @va = LAST_INSERT_ID();\n"
            "INSERT INTO vendors (user_id, shop_name, slug, min_order_minor, currency) VALUES"
            " (@ub, 'Singles %1$s', 'singles-%1$s', 0, 'GBP');\n"
            "SET @vb = LAST_INSERT_ID();\n"
            "INSERT INTO vendors (user_id, shop_name, slug, min_order_minor, currency) VALUES"
            " (@uo, 'Own %1$s', 'own-%1$s', 0, 'GBP');\n"
            "SET @vo = LAST_INSERT_ID();\n"
            "INSERT INTO products (vendor_id, category_id, name, description, price_minor,"
            " discount_price_minor, status, moq, case_pack, currency) VALUES"
            " (@va, 694, 'Crate %1$s', 'A stacking crate.', 1000, NULL, 'active', 24, 12, 'GBP');\n"
            "SET @p1 = LAST_INSERT_ID();\n"
            "INSERT INTO products (vendor_id, category_id, name, description, price_minor,"
            " discount_price_minor, status, moq, case_pack, currency) VALUES"
            " (@va, 694, 'Draft %1$s', 'Not on sale yet.', 1000, NULL, 'draft', 1, 1, 'GBP');\n"
            "SET @p2 = LAST_INSERT_ID();\n"
            "INSERT INTO products (vendor_id, category_id, name, description, price_minor,"
            " discount_price_minor, status, moq, case_pack, currency) VALUES"
            " (@va, 694, 'Sale %1$s', 'On sale.', 2000, 1500, 'active', 1, 1, 'GBP');\n"
            "SET @p3 = LAST_INSERT_ID();\n"
            "INSERT INTO products (vendor_id, category_id, name, description, price_minor,"
            " discount_price_minor, status, moq, case_pack, currency) VALUES"
            " (@vb, 694, 'Single %1$s', 'One at a time.', 500, NULL, 'active', 1, 1, 'GBP');\n"
            "SET @p4 = LAST_INSERT_ID();\n"
            "INSERT INTO products (vendor_id, category_id, name, description, price_minor,"
            " discount_price_minor, status, moq, case_pack, currency) VALUES"
            " (@vb, 694, 'Euro %1$s', 'Priced in euros.', 500, NULL, 'active', 1, 1, 'EUR');\n"
            "SET @p5 = LAST_INSERT_ID();\n"
            "INSERT INTO products (vendor_id, category_id, name, description, price_minor,"
            " discount_price_minor, status, moq, case_pack, currency) VALUES"
            " (@vo, 694, 'Own %1$s', 'The buyer sells it.', 500, NULL, 'active', 1, 1, 'GBP');\n"
            "SET @p6 = LAST_INSERT_ID();\n"
            "INSERT INTO product_variants (product_id, sku, stock) VALUES"
            " (@p1, 'T1600-1-%1$s', 100), (@p1, 'T1600-1B-%1$s', 20), (@p2, 'T1600-2-%1$s', 100),"
            " (@p3, 'T1600-3-%1$s', 5), (@p4, 'T1600-4-%1$s', 1000), (@p5, 'T1600-5-%1$s', 1000),"
            " (@p6, 'T1600-6-%1$s', 1000);\n"
            "INSERT INTO product_price_tiers (product_id, min_qty, unit_price_minor) VALUES"
            " (@p1, 48, 900), (@p1, 96, 800);\n"
            "INSERT INTO product_account_prices (product_id, account_type, unit_price_minor)"
            " VALUES (@p1, 'RESELLER', 850);\n"
            "SELECT @p1, @p2, @p3, @p4, @p5, @p6;\n",
            tag, vendor_email);
    if (rc != 0) return -1;
    if (sscanf(out, "%" SCNd64 "\t%" SCNd64 "\t%" SCNd64 "\t%" SCNd64 "\t%" SCNd64 "\t%" SCNd64,
               &crate, &draft, &sale, &single, &euro, &own) != 6)
        return -1;
    return 0;
}

/* Make the fixture once (in the first test: the GraphQL helpers assert, so not in the suite's
 * init); a test stops here when it could not be made. */
static void fixture(void)
{
    static bool done;
    static bool ok;
    if (!done) {
        done = true;
        ok = make_fixture() == 0;
    }
    CU_ASSERT_TRUE_FATAL(ok);
}

/* ---- helpers ---------------------------------------------------------------------------- */

static char buyer[4096];
static char reseller[4096];
static char other[4096];

static void sign_up_buyers(void)
{
    fixture();
    if (buyer[0]) return;
    char email[256];
    CU_ASSERT_TRUE(
            sign_up_as("CUSTOMER", "t1600-buyer", email, sizeof(email), buyer, sizeof(buyer)));
    CU_ASSERT_TRUE(sign_up_as("RESELLER", "t1600-reseller", email, sizeof(email), reseller,
                              sizeof(reseller)));
    CU_ASSERT_TRUE(
            sign_up_as("CUSTOMER", "t1600-other", email, sizeof(email), other, sizeof(other)));
}

static struct json_object *add(const char *token, int64_t product, int quantity)
{
    char vars[128];
    if (quantity > 0)
        snprintf(vars, sizeof(vars), "{\"productId\":\"%" PRId64 "\",\"quantity\":%d}", product,
                 quantity);
    else
        snprintf(vars, sizeof(vars), "{\"productId\":\"%" PRId64 "\",\"quantity\":null}", product);
    return it_gql_as(ADD_TO_CART, vars, token);
}

static struct json_object *update(const char *token, const char *item, int quantity)
{
    char vars[128];
    snprintf(vars, sizeof(vars), "{\"cartItemId\":\"%s\",\"quantity\":%d}", item, quantity);
    return it_gql_as(UPDATE_CART_ITEM, vars, token);
}

static struct json_object *removal(const char *token, const char *item)
{
    char vars[128];
    snprintf(vars, sizeof(vars), "{\"cartItemId\":\"%s\"}", item);
    return it_gql_as(REMOVE_FROM_CART, vars, token);
}

static struct json_object *cart(const char *token)
{
    struct json_object *r = it_gql_as(MY_CART, NULL, token);
    CU_ASSERT_FALSE(it_has_errors(r));
    return r;
}

static double num(struct json_object *r, const char *path)
{
    struct json_object *v = it_at(r, path);
    return v && !json_object_is_type(v, json_type_null) ? json_object_get_double(v) : NAN;
}

static bool near(double a, double b)
{
    return fabs(a - b) < 0.0001;
}

static size_t count_at(struct json_object *r, const char *path)
{
    struct json_object *v = it_at(r, path);
    return v && json_object_is_type(v, json_type_array) ? json_object_array_length(v) : 0;
}

/* A refusal: success false, message containing want, no cartItem. */
static void assert_refused(struct json_object *r, const char *field, const char *want)
{
    char path[128];
    snprintf(path, sizeof(path), "%s.success", field);
    CU_ASSERT_FALSE(it_has_errors(r));
    CU_ASSERT_FALSE(it_bool_at(r, path));
    snprintf(path, sizeof(path), "%s.message", field);
    const char *m = it_text_at(r, path);
    if (!strstr(m, want)) printf("\n  message '%s' lacks '%s'\n", m, want);
    CU_ASSERT_PTR_NOT_NULL(strstr(m, want));
}

/* Empty the cart of token. */
static void empty(const char *token)
{
    struct json_object *r = it_gql_as(CLEAR_CART, NULL, token);
    CU_ASSERT_TRUE(it_bool_at(r, "clearCart.success"));
    json_object_put(r);
}

/* ---- tests ------------------------------------------------------------------------------ */

static void anonymous_calls_are_refused(void)
{
    fixture();
    const char *docs[] = { MY_CART, MY_WISHLIST };
    for (size_t i = 0; i < 2; i++) {
        struct json_object *r = it_gql_as(docs[i], NULL, NULL);
        CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
        json_object_put(r);
    }
    struct json_object *r = add(NULL, crate, 24);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    json_object_put(r);
    r = update(NULL, "1", 24);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    json_object_put(r);
    r = removal(NULL, "1");
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    json_object_put(r);
    char vars[64];
    snprintf(vars, sizeof(vars), "{\"productId\":\"%" PRId64 "\"}", crate);
    r = it_gql_as(ADD_TO_WISHLIST, vars, NULL);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    json_object_put(r);
    r = it_gql_as(REMOVE_FROM_WISHLIST, vars, NULL);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    json_object_put(r);
    /* clearCart (never sent by the app; the contract posts it without a token): a payload. */
    r = it_gql_as(CLEAR_CART, NULL, NULL);
    CU_ASSERT_FALSE(it_has_errors(r));
    CU_ASSERT_FALSE(it_bool_at(r, "clearCart.success"));
    CU_ASSERT_TRUE(it_null_at(r, "clearCart.cart"));
    json_object_put(r);
}

static void an_empty_cart_is_there_from_the_first_read(void)
{
    sign_up_buyers();
    struct json_object *r = cart(buyer);
    CU_ASSERT_TRUE(json_object_is_type(it_at(r, "myCart.id"), json_type_string));
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "myCart.totalItems")), 0);
    CU_ASSERT_TRUE(near(num(r, "myCart.totalAmount"), 0));
    CU_ASSERT_EQUAL(count_at(r, "myCart.items"), 0);
    CU_ASSERT_FALSE(it_bool_at(r, "myCart.canCheckout"));
    char id[32];
    snprintf(id, sizeof(id), "%s", it_text_at(r, "myCart.id"));
    json_object_put(r);
    r = cart(buyer);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "myCart.id"), id); /* one cart per buyer */
    json_object_put(r);
}

static void below_the_minimum_order_quantity_is_refused(void)
{
    sign_up_buyers();
    empty(buyer);
    struct json_object *r = add(buyer, crate, 12); /* a whole case, but below the moq of 24 */
    assert_refused(r, "addToCart", "minimum order");
    assert_refused(r, "addToCart", "order at least 24");
    CU_ASSERT_TRUE(it_null_at(r, "addToCart.cartItem"));
    json_object_put(r);
    r = cart(buyer);
    CU_ASSERT_EQUAL(count_at(r, "myCart.items"), 0);
    json_object_put(r);
}

static void a_quantity_off_the_case_pack_is_refused(void)
{
    sign_up_buyers();
    empty(buyer);
    struct json_object *r = add(buyer, crate, 30); /* above the moq, not a multiple of 12 */
    assert_refused(r, "addToCart", "multiples of 12: order 24 or 36");
    json_object_put(r);
    r = cart(buyer);
    CU_ASSERT_EQUAL(count_at(r, "myCart.items"), 0);
    json_object_put(r);
}

static void more_than_the_stock_is_refused(void)
{
    sign_up_buyers();
    empty(buyer);
    struct json_object *r = add(buyer, crate, 132); /* 11 cases; 120 in stock over 2 variants */
    assert_refused(r, "addToCart", "only 120 units");
    assert_refused(r, "addToCart", "order at most 120");
    json_object_put(r);
    r = add(buyer, sale, 6); /* 5 in stock */
    assert_refused(r, "addToCart", "order at most 5");
    json_object_put(r);
    r = cart(buyer);
    CU_ASSERT_EQUAL(count_at(r, "myCart.items"), 0);
    json_object_put(r);
}

static void quantity_breaks_lower_the_unit_price_and_say_why(void)
{
    sign_up_buyers();
    empty(buyer);
    struct json_object *r = add(buyer, crate, 24);
    CU_ASSERT_TRUE(it_bool_at(r, "addToCart.success"));
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "addToCart.cartItem.quantity")), 24);
    CU_ASSERT_TRUE(near(num(r, "addToCart.cartItem.unitPrice"), 10.0));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "addToCart.cartItem.priceRule"), "LIST");
    CU_ASSERT_TRUE(near(num(r, "addToCart.cartItem.totalPrice"), 240.0));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "addToCart.cartItem.product.id"), id_text(crate));
    json_object_put(r);

    /* Adding to the line: 24 + 24 = 48 reaches the first break. */
    r = add(buyer, crate, 24);
    CU_ASSERT_TRUE(it_bool_at(r, "addToCart.success"));
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "addToCart.cartItem.quantity")), 48);
    CU_ASSERT_TRUE(near(num(r, "addToCart.cartItem.unitPrice"), 9.0));
    CU_ASSERT_TRUE(near(num(r, "addToCart.cartItem.basePrice"), 10.0));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "addToCart.cartItem.priceRule"), "QUANTITY_BREAK");
    CU_ASSERT_PTR_NOT_NULL(strstr(it_text_at(r, "addToCart.cartItem.priceReason"), "48 or more"));
    CU_ASSERT_TRUE(near(num(r, "addToCart.cartItem.totalPrice"), 432.0));
    json_object_put(r);

    /* The app's quirk: the product id as cartItemId; 96 reaches the second break. */
    r = update(buyer, id_text(crate), 96);
    CU_ASSERT_TRUE(it_bool_at(r, "updateCartItem.success"));
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "updateCartItem.cartItem.quantity")), 96);
    CU_ASSERT_TRUE(near(num(r, "updateCartItem.cartItem.unitPrice"), 8.0));
    CU_ASSERT_TRUE(near(num(r, "updateCartItem.cartItem.totalPrice"), 768.0));
    json_object_put(r);

    /* Back below the break: the list price again. Off the case pack: refused, unchanged. */
    r = update(buyer, id_text(crate), 36);
    CU_ASSERT_TRUE(near(num(r, "updateCartItem.cartItem.unitPrice"), 10.0));
    json_object_put(r);
    r = update(buyer, id_text(crate), 40);
    assert_refused(r, "updateCartItem", "multiples of 12: order 36 or 48");
    json_object_put(r);
    r = cart(buyer);
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "myCart.items.0.quantity")), 36);
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "myCart.totalItems")), 36);
    CU_ASSERT_TRUE(near(num(r, "myCart.totalAmount"), 360.0));
    json_object_put(r);
}

static void a_reseller_pays_its_account_price_unless_a_break_is_lower(void)
{
    sign_up_buyers();
    empty(reseller);
    struct json_object *r = add(reseller, crate, 24);
    CU_ASSERT_TRUE(it_bool_at(r, "addToCart.success"));
    CU_ASSERT_TRUE(near(num(r, "addToCart.cartItem.unitPrice"), 8.5));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "addToCart.cartItem.priceRule"), "ACCOUNT_TYPE");
    CU_ASSERT_PTR_NOT_NULL(strstr(it_text_at(r, "addToCart.cartItem.priceReason"), "RESELLER"));
    json_object_put(r);
    r = update(reseller, id_text(crate), 48); /* the break (9.00) is above 8.50: 8.50 stays */
    CU_ASSERT_TRUE(near(num(r, "updateCartItem.cartItem.unitPrice"), 8.5));
    json_object_put(r);
    r = update(reseller, id_text(crate), 96); /* 8.00 is below 8.50 */
    CU_ASSERT_TRUE(near(num(r, "updateCartItem.cartItem.unitPrice"), 8.0));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateCartItem.cartItem.priceRule"), "QUANTITY_BREAK");
    json_object_put(r);
    /* A customer never gets the reseller's price. */
    empty(buyer);
    r = add(buyer, crate, 24);
    CU_ASSERT_TRUE(near(num(r, "addToCart.cartItem.unitPrice"), 10.0));
    json_object_put(r);
    empty(reseller);
}

static void a_sale_price_is_charged(void)
{
    sign_up_buyers();
    empty(buyer);
    struct json_object *r = add(buyer, sale, 2);
    CU_ASSERT_TRUE(it_bool_at(r, "addToCart.success"));
    CU_ASSERT_TRUE(near(num(r, "addToCart.cartItem.unitPrice"), 15.0));
    CU_ASSERT_TRUE(near(num(r, "addToCart.cartItem.product.price"), 20.0));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "addToCart.cartItem.priceRule"), "SALE");
    CU_ASSERT_TRUE(near(num(r, "addToCart.cartItem.totalPrice"), 30.0));
    json_object_put(r);
}

static void lines_are_grouped_by_vendor_against_its_minimum_order(void)
{
    sign_up_buyers();
    empty(buyer);
    struct json_object *r = add(buyer, crate, 24); /* GBP 240 of a shop whose minimum is 500 */
    json_object_put(r);
    r = add(buyer, single, 0); /* null quantity: the smallest accepted, 1 */
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "addToCart.cartItem.quantity")), 1);
    json_object_put(r);
    r = cart(buyer);
    CU_ASSERT_EQUAL_FATAL(count_at(r, "myCart.vendors"), 2);
    CU_ASSERT_TRUE(near(num(r, "myCart.vendors.0.subtotal"), 240.0));
    CU_ASSERT_TRUE(near(num(r, "myCart.vendors.0.minimumOrderValue"), 500.0));
    CU_ASSERT_FALSE(it_bool_at(r, "myCart.vendors.0.meetsMinimumOrder"));
    CU_ASSERT_TRUE(near(num(r, "myCart.vendors.0.shortfall"), 260.0));
    CU_ASSERT_PTR_NOT_NULL(strstr(it_text_at(r, "myCart.vendors.0.message"), "GBP 260.00"));
    CU_ASSERT_EQUAL(count_at(r, "myCart.vendors.0.items"), 1);
    CU_ASSERT_TRUE(near(num(r, "myCart.vendors.1.subtotal"), 5.0));
    CU_ASSERT_TRUE(it_bool_at(r, "myCart.vendors.1.meetsMinimumOrder"));
    CU_ASSERT_TRUE(it_null_at(r, "myCart.vendors.1.message"));
    CU_ASSERT_TRUE(near(num(r, "myCart.totalAmount"), 245.0));
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "myCart.totalItems")), 25);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "myCart.currency"), "GBP");
    CU_ASSERT_FALSE(it_bool_at(r, "myCart.canCheckout"));
    json_object_put(r);
    /* 60 crates: GBP 540 (the 48 break) meets the minimum. */
    r = update(buyer, id_text(crate), 60);
    json_object_put(r);
    r = cart(buyer);
    CU_ASSERT_TRUE(near(num(r, "myCart.vendors.0.subtotal"), 540.0));
    CU_ASSERT_TRUE(it_bool_at(r, "myCart.vendors.0.meetsMinimumOrder"));
    CU_ASSERT_TRUE(near(num(r, "myCart.vendors.0.shortfall"), 0.0));
    CU_ASSERT_TRUE(it_bool_at(r, "myCart.canCheckout"));
    json_object_put(r);
}

static void products_a_buyer_may_not_order_are_refused(void)
{
    sign_up_buyers();
    empty(buyer);
    struct json_object *r = add(buyer, draft, 1);
    assert_refused(r, "addToCart", "not found");
    json_object_put(r);
    r = add(buyer, 999999999, 1);
    assert_refused(r, "addToCart", "not found");
    json_object_put(r);
    r = it_gql_as(ADD_TO_CART, "{\"productId\":\"abc\",\"quantity\":1}", buyer);
    assert_refused(r, "addToCart", "not found");
    json_object_put(r);
    r = add(vendor_token, own, 1);
    assert_refused(r, "addToCart", "your own product");
    json_object_put(r);
    /* One cart, one currency. */
    r = add(buyer, single, 1);
    CU_ASSERT_TRUE(it_bool_at(r, "addToCart.success"));
    json_object_put(r);
    r = add(buyer, euro, 1);
    assert_refused(r, "addToCart", "your cart is in GBP");
    json_object_put(r);
    r = cart(buyer);
    CU_ASSERT_EQUAL(count_at(r, "myCart.items"), 1);
    json_object_put(r);
}

static void another_users_cart_item_is_unknown(void)
{
    sign_up_buyers();
    empty(buyer);
    struct json_object *r = add(buyer, single, 3);
    char item[32];
    snprintf(item, sizeof(item), "%s", it_text_at(r, "addToCart.cartItem.id"));
    json_object_put(r);
    /* By the line's id and by the product id: neither is in the other user's cart. */
    r = update(other, item, 5);
    assert_refused(r, "updateCartItem", "not found");
    json_object_put(r);
    r = update(other, id_text(single), 5);
    assert_refused(r, "updateCartItem", "not found");
    json_object_put(r);
    r = removal(other, item);
    assert_refused(r, "removeFromCart", "not found");
    json_object_put(r);
    r = update(buyer, "999999999", 5);
    assert_refused(r, "updateCartItem", "cart item '999999999' not found");
    json_object_put(r);
    r = cart(buyer);
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "myCart.items.0.quantity")), 3);
    json_object_put(r);
    /* The owner: by the line's id, then 0 removes. */
    r = update(buyer, item, 4);
    CU_ASSERT_TRUE(it_bool_at(r, "updateCartItem.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateCartItem.cartItem.id"), item);
    json_object_put(r);
    r = update(buyer, item, 0);
    CU_ASSERT_TRUE(it_bool_at(r, "updateCartItem.success"));
    CU_ASSERT_TRUE(it_null_at(r, "updateCartItem.cartItem"));
    json_object_put(r);
    r = add(buyer, single, 1);
    json_object_put(r);
    r = removal(buyer, id_text(single)); /* the app's quirk again */
    CU_ASSERT_TRUE(it_bool_at(r, "removeFromCart.success"));
    json_object_put(r);
    r = cart(buyer);
    CU_ASSERT_EQUAL(count_at(r, "myCart.items"), 0);
    json_object_put(r);
}

static void prices_and_stock_are_checked_again_when_the_cart_is_read(void)
{
    sign_up_buyers();
    empty(buyer);
    struct json_object *r = add(buyer, crate, 96);
    CU_ASSERT_TRUE(near(num(r, "addToCart.cartItem.unitPrice"), 8.0));
    json_object_put(r);
    CU_ASSERT_EQUAL_FATAL(it_sql(NULL, 0,
                                 "UPDATE product_price_tiers SET unit_price_minor = 750"
                                 " WHERE product_id = %" PRId64 " AND min_qty = 96;\n"
                                 "UPDATE product_variants SET stock = 72 WHERE sku ="
                                 " 'T1600-1-%s';\n",
                                 crate, tag),
                          0);
    r = cart(buyer);
    CU_ASSERT_TRUE(near(num(r, "myCart.items.0.unitPrice"), 7.5));
    CU_ASSERT_TRUE(near(num(r, "myCart.items.0.totalPrice"), 720.0));
    CU_ASSERT_PTR_NOT_NULL(strstr(it_text_at(r, "myCart.items.0.problem"), "order at most 84"));
    CU_ASSERT_FALSE(it_bool_at(r, "myCart.canCheckout"));
    json_object_put(r);
    /* A product that stops being sold stays, unavailable, out of the totals. */
    CU_ASSERT_EQUAL_FATAL(
            it_sql(NULL, 0, "UPDATE products SET status = 'archived' WHERE id = %" PRId64 ";\n",
                   crate),
            0);
    r = cart(buyer);
    CU_ASSERT_FALSE(it_bool_at(r, "myCart.items.0.available"));
    CU_ASSERT_TRUE(it_null_at(r, "myCart.items.0.unitPrice"));
    CU_ASSERT_TRUE(near(num(r, "myCart.totalAmount"), 0.0));
    CU_ASSERT_PTR_NOT_NULL(strstr(it_text_at(r, "myCart.items.0.problem"), "no longer available"));
    json_object_put(r);
    r = update(buyer, id_text(crate), 24);
    assert_refused(r, "updateCartItem", "no longer available");
    json_object_put(r);
    CU_ASSERT_EQUAL(it_sql(NULL, 0,
                           "UPDATE products SET status = 'active' WHERE id = %" PRId64 ";\n"
                           "UPDATE product_variants SET stock = 100 WHERE sku = 'T1600-1-%s';\n"
                           "UPDATE product_price_tiers SET unit_price_minor = 800"
                           " WHERE product_id = %" PRId64 " AND min_qty = 96;\n",
                           crate, tag, crate),
                    0);
    empty(buyer);
}

/* extensions.sqlStatements of a reply (the test stack runs with http.debug_routes on). */
static int sql_statements(struct json_object *reply)
{
    struct json_object *ext = NULL;
    struct json_object *n = NULL;
    if (!json_object_object_get_ex(reply, "extensions", &ext)) return -1;
    if (!json_object_object_get_ex(ext, "sqlStatements", &n)) return -1;
    return json_object_get_int(n);
}

static void a_cart_read_costs_the_same_statements_whatever_its_size(void)
{
    sign_up_buyers();
    empty(buyer);
    json_object_put(add(buyer, single, 1));
    struct json_object *r = cart(buyer);
    int one = sql_statements(r);
    json_object_put(r);
    json_object_put(add(buyer, crate, 24));
    json_object_put(add(buyer, sale, 1));
    r = cart(buyer);
    CU_ASSERT_EQUAL(count_at(r, "myCart.items"), 3);
    int three = sql_statements(r);
    json_object_put(r);
    CU_ASSERT_TRUE(one > 0);
    CU_ASSERT_EQUAL(one, three);
    empty(buyer);
}

static void clear_cart_empties_it(void)
{
    sign_up_buyers();
    struct json_object *r = add(buyer, single, 2);
    json_object_put(r);
    r = it_gql_as(CLEAR_CART, NULL, buyer);
    CU_ASSERT_TRUE(it_bool_at(r, "clearCart.success"));
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "clearCart.cart.totalItems")), 0);
    CU_ASSERT_TRUE(near(num(r, "clearCart.cart.totalAmount"), 0.0));
    json_object_put(r);
}

static void the_wishlist_keeps_products_once(void)
{
    sign_up_buyers();
    char vars[64];
    snprintf(vars, sizeof(vars), "{\"productId\":\"%" PRId64 "\"}", crate);
    struct json_object *r = it_gql_as(ADD_TO_WISHLIST, vars, buyer);
    CU_ASSERT_TRUE(it_bool_at(r, "addToWishlist.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "addToWishlist.wishlistItem.product.id"), id_text(crate));
    char item[32];
    snprintf(item, sizeof(item), "%s", it_text_at(r, "addToWishlist.wishlistItem.id"));
    json_object_put(r);
    r = it_gql_as(ADD_TO_WISHLIST, vars, buyer); /* again: the same item */
    CU_ASSERT_TRUE(it_bool_at(r, "addToWishlist.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "addToWishlist.wishlistItem.id"), item);
    json_object_put(r);
    r = it_gql_as(MY_WISHLIST, NULL, buyer);
    CU_ASSERT_FALSE(it_has_errors(r));
    CU_ASSERT_EQUAL(count_at(r, "myWishlist"), 1);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "myWishlist.0.product.id"), id_text(crate));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "myWishlist.0.product.seller.firstName"), "Ada");
    CU_ASSERT_PTR_NOT_NULL(it_str_at(r, "myWishlist.0.createdAt"));
    json_object_put(r);
    /* Another user's wishlist is its own. */
    r = it_gql_as(MY_WISHLIST, NULL, other);
    CU_ASSERT_EQUAL(count_at(r, "myWishlist"), 0);
    json_object_put(r);
    r = it_gql_as(REMOVE_FROM_WISHLIST, vars, other);
    assert_refused(r, "removeFromWishlist", "not in your wishlist");
    json_object_put(r);
    /* Drafts cannot be saved. */
    char dvars[64];
    snprintf(dvars, sizeof(dvars), "{\"productId\":\"%" PRId64 "\"}", draft);
    r = it_gql_as(ADD_TO_WISHLIST, dvars, buyer);
    assert_refused(r, "addToWishlist", "not found");
    json_object_put(r);
    r = it_gql_as(REMOVE_FROM_WISHLIST, vars, buyer);
    CU_ASSERT_TRUE(it_bool_at(r, "removeFromWishlist.success"));
    json_object_put(r);
    r = it_gql_as(REMOVE_FROM_WISHLIST, vars, buyer);
    assert_refused(r, "removeFromWishlist", "not in your wishlist");
    json_object_put(r);
    r = it_gql_as(MY_WISHLIST, NULL, buyer);
    CU_ASSERT_EQUAL(count_at(r, "myWishlist"), 0);
    json_object_put(r);
}

/* products.likes of id, as the database holds it (-1 when unreadable). */
static long likes_in_db(int64_t id)
{
    char out[64];
    if (it_sql(out, sizeof(out), "SELECT likes FROM products WHERE id = %" PRId64, id) != 0)
        return -1;
    return strtol(out, NULL, 10);
}

#define LIKES "query P($id: Int!) { product(id: $id) { likes userLiked } }"

static bool liked_by(const char *token, int64_t id)
{
    char vars[64];
    snprintf(vars, sizeof(vars), "{\"id\":%" PRId64 "}", id);
    struct json_object *r = it_gql_as(LIKES, vars, token);
    CU_ASSERT_FALSE(it_has_errors(r));
    bool liked = it_bool_at(r, "product.userLiked");
    json_object_put(r);
    return liked;
}

/* Send the wishlist mutation doc (its root field field) for product id as token; the answer's
 * success must be want. */
static void wish(const char *doc, const char *field, int64_t id, const char *token, bool want)
{
    char vars[64];
    snprintf(vars, sizeof(vars), "{\"productId\":\"%" PRId64 "\"}", id);
    struct json_object *r = it_gql_as(doc, vars, token);
    char path[64];
    snprintf(path, sizeof(path), "%s.success", field);
    CU_ASSERT_EQUAL(it_bool_at(r, path), want);
    json_object_put(r);
}

static void likes_count_the_wishlists_and_user_liked_is_the_viewers(void)
{
    sign_up_buyers();
    CU_ASSERT_EQUAL(likes_in_db(euro), 0);
    wish(ADD_TO_WISHLIST, "addToWishlist", euro, buyer, true);
    wish(ADD_TO_WISHLIST, "addToWishlist", euro, other, true);
    wish(ADD_TO_WISHLIST, "addToWishlist", euro, buyer, true); /* already there: counted once */
    CU_ASSERT_EQUAL(likes_in_db(euro), 2);
    /* The first read of the product (nothing cached yet) shows the count. */
    char pvars[64];
    snprintf(pvars, sizeof(pvars), "{\"id\":%" PRId64 "}", euro);
    struct json_object *r = it_gql(LIKES, pvars, NULL);
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "product.likes")), 2);
    CU_ASSERT_FALSE(it_bool_at(r, "product.userLiked")); /* signed out */
    json_object_put(r);
    CU_ASSERT_TRUE(liked_by(buyer, euro));
    CU_ASSERT_TRUE(liked_by(other, euro));
    CU_ASSERT_FALSE(liked_by(reseller, euro));
    /* Removing: the count goes down in the same transaction, and userLiked follows at once
     * (per viewer, never from a cached product). */
    wish(REMOVE_FROM_WISHLIST, "removeFromWishlist", euro, buyer, true);
    wish(REMOVE_FROM_WISHLIST, "removeFromWishlist", euro, buyer, false); /* not there */
    CU_ASSERT_EQUAL(likes_in_db(euro), 1);
    CU_ASSERT_FALSE(liked_by(buyer, euro));
    CU_ASSERT_TRUE(liked_by(other, euro));
    wish(REMOVE_FROM_WISHLIST, "removeFromWishlist", euro, other, true);
    CU_ASSERT_EQUAL(likes_in_db(euro), 0);
}

static CU_TestInfo tests[] = {
    { "anonymous calls are refused", anonymous_calls_are_refused },
    { "an empty cart is there from the first read", an_empty_cart_is_there_from_the_first_read },
    { "below the minimum order quantity is refused", below_the_minimum_order_quantity_is_refused },
    { "a quantity off the case pack is refused", a_quantity_off_the_case_pack_is_refused },
    { "more than the stock is refused", more_than_the_stock_is_refused },
    { "quantity breaks lower the unit price and say why",
      quantity_breaks_lower_the_unit_price_and_say_why },
    { "a reseller pays its account price unless a break is lower",
      a_reseller_pays_its_account_price_unless_a_break_is_lower },
    { "a sale price is charged", a_sale_price_is_charged },
    { "lines are grouped by vendor against its minimum order",
      lines_are_grouped_by_vendor_against_its_minimum_order },
    { "products a buyer may not order are refused", products_a_buyer_may_not_order_are_refused },
    { "another user's cart item is unknown", another_users_cart_item_is_unknown },
    { "prices and stock are checked again when the cart is read",
      prices_and_stock_are_checked_again_when_the_cart_is_read },
    { "a cart read costs the same statements whatever its size",
      a_cart_read_costs_the_same_statements_whatever_its_size },
    { "clearCart empties it", clear_cart_empties_it },
    { "the wishlist keeps products once", the_wishlist_keeps_products_once },
    { "likes count the wishlists and userLiked is the viewer's",
      likes_count_the_wishlists_and_user_liked_is_the_viewers },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t1600_cart, "t1600/cart", NULL, NULL, tests);
