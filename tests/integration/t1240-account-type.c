/*
 * t1240-account-type.c: switching account types through HTTP: a buyer becomes a reseller or a
 * vendor (a shop opens, with its onboarding checklist), a vendor stops selling (its products
 * leave every public read and come back when it sells again), bad words and strangers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "lib/it.h"

#define SWITCH                                                                             \
    "mutation($t: String!) { switchAccountType(accountType: $t) { success message user { " \
    "accountType } shop { id businessName } onboarding { complete steps { key done } } } }"

static struct json_object *switch_to(const char *token, const char *type)
{
    char vars[64];
    snprintf(vars, sizeof(vars), "{\"t\":\"%s\"}", type);
    return it_gql_as(SWITCH, vars, token);
}

/* done of the onboarding step key in the reply at path ("switchAccountType.onboarding"). */
static int step_done(struct json_object *r, const char *path, const char *key)
{
    char p[128];
    snprintf(p, sizeof(p), "%s.steps", path);
    struct json_object *steps = it_at(r, p);
    for (size_t i = 0; steps && i < json_object_array_length(steps); i++) {
        struct json_object *s = json_object_array_get_idx(steps, i);
        if (strcmp(json_object_get_string(json_object_object_get(s, "key")), key) == 0)
            return json_object_get_boolean(json_object_object_get(s, "done"));
    }
    return -1;
}

static void a_buyer_becomes_a_reseller_then_a_vendor_with_a_shop(void)
{
    const char *token = it_sign_up("type-buyer", NULL, 0);
    struct json_object *r = switch_to(token, "reseller");
    CU_ASSERT_TRUE(it_bool_at(r, "switchAccountType.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "switchAccountType.user.accountType"), "RESELLER");
    CU_ASSERT_TRUE(it_null_at(r, "switchAccountType.shop"));
    CU_ASSERT_TRUE(it_null_at(r, "switchAccountType.onboarding"));
    json_object_put(r);
    /* The same again changes nothing. */
    r = switch_to(token, "RESELLER");
    CU_ASSERT_TRUE(it_bool_at(r, "switchAccountType.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "switchAccountType.message"),
                           "Your account type is unchanged.");
    json_object_put(r);
    /* A vendor (the app's word): a shop opens, with its checklist, nothing done but... */
    r = switch_to(token, "SUPPLIER");
    CU_ASSERT_TRUE(it_bool_at(r, "switchAccountType.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "switchAccountType.user.accountType"), "SUPPLIER");
    CU_ASSERT_TRUE(strlen(it_text_at(r, "switchAccountType.shop.businessName")) > 0);
    CU_ASSERT_FALSE(it_bool_at(r, "switchAccountType.onboarding.complete"));
    CU_ASSERT_EQUAL(json_object_array_length(it_at(r, "switchAccountType.onboarding.steps")), 6);
    CU_ASSERT_EQUAL(step_done(r, "switchAccountType.onboarding", "verify_email"), 0);
    CU_ASSERT_EQUAL(step_done(r, "switchAccountType.onboarding", "first_product"), 0);
    char shop[32];
    snprintf(shop, sizeof(shop), "%s", it_text_at(r, "switchAccountType.shop.id"));
    json_object_put(r);
    /* The shop is public now; shop settings tick their steps. */
    char vars[128];
    snprintf(vars, sizeof(vars), "{\"id\":\"%s\"}", shop);
    r = it_gql("query($id: ID!) { vendorById(id: $id) { id } }", vars, NULL);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "vendorById.id"), shop);
    json_object_put(r);
    r = it_gql_as("mutation { updateShopSettings(shopDescription: \"Crates of jars\", "
                  "shopContactEmail: \"sales@jars.example\", shopCity: \"Leeds\", shopCountry: "
                  "\"United Kingdom\") { success } }",
                  NULL, token);
    CU_ASSERT_TRUE(it_bool_at(r, "updateShopSettings.success"));
    json_object_put(r);
    r = it_gql_as("{ vendorOnboarding { complete steps { key done } } }", NULL, token);
    CU_ASSERT_EQUAL(step_done(r, "vendorOnboarding", "shop_description"), 1);
    CU_ASSERT_EQUAL(step_done(r, "vendorOnboarding", "shop_contact"), 1);
    CU_ASSERT_EQUAL(step_done(r, "vendorOnboarding", "shop_address"), 1);
    CU_ASSERT_EQUAL(step_done(r, "vendorOnboarding", "shop_logo"), 0);
    CU_ASSERT_FALSE(it_bool_at(r, "vendorOnboarding.complete"));
    json_object_put(r);
}

/* Category.productCount of General (674): active products in its subtree. */
static int64_t general_count(void)
{
    struct json_object *r = it_gql("{ categories(maxDepth: 0) { id productCount } }", NULL, NULL);
    int64_t n = -1;
    struct json_object *list = it_at(r, "categories");
    for (size_t i = 0; list && i < json_object_array_length(list); i++) {
        struct json_object *c = json_object_array_get_idx(list, i);
        if (strcmp(json_object_get_string(json_object_object_get(c, "id")), "674") == 0)
            n = json_object_get_int64(json_object_object_get(c, "productCount"));
    }
    json_object_put(r);
    return n;
}

static void a_vendor_who_stops_selling_takes_its_products_off_sale_until_it_returns(void)
{
    int64_t before = general_count();
    char id[32];
    const char *token = it_vendor_with_product("type-vendor", "Oak crate", id, sizeof(id));
    char vars[64];
    snprintf(vars, sizeof(vars), "{\"id\":%s}", id);
    struct json_object *r = NULL;
    static const char product[] = "query($id: Int!) { product(id: $id) { id name } }";
    r = it_gql(product, vars, NULL);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "product.name"), "Oak crate");
    json_object_put(r);
    CU_ASSERT_EQUAL(general_count(), before + 1); /* the category counts follow (triggers) */
    /* Open orders will block this once orders exist; none can exist yet. */
    r = switch_to(token, "CUSTOMER");
    CU_ASSERT_TRUE(it_bool_at(r, "switchAccountType.success"));
    CU_ASSERT_PTR_NOT_NULL(strstr(it_text_at(r, "switchAccountType.message"), "1 products"));
    CU_ASSERT_TRUE(it_null_at(r, "switchAccountType.shop"));
    json_object_put(r);
    r = it_gql(product, vars, NULL);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "NOT_FOUND");
    json_object_put(r);
    CU_ASSERT_EQUAL(general_count(), before);
    /* No longer a vendor: the vendor-only reads and writes are FORBIDDEN. */
    r = it_gql_as("{ vendorOnboarding { complete } }", NULL, token);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "FORBIDDEN");
    json_object_put(r);
    /* Back to selling: the shop and the product come back. */
    r = switch_to(token, "VENDOR");
    CU_ASSERT_TRUE(it_bool_at(r, "switchAccountType.success"));
    CU_ASSERT_PTR_NOT_NULL(strstr(it_text_at(r, "switchAccountType.message"), "1 products"));
    CU_ASSERT_EQUAL(step_done(r, "switchAccountType.onboarding", "verify_email"), 1);
    CU_ASSERT_EQUAL(step_done(r, "switchAccountType.onboarding", "first_product"), 1);
    json_object_put(r);
    r = it_gql(product, vars, NULL);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "product.name"), "Oak crate");
    json_object_put(r);
}

static void bad_words_and_strangers_change_nothing(void)
{
    const char *token = it_sign_up("type-bad", NULL, 0);
    struct json_object *r = switch_to(token, "ADMIN");
    CU_ASSERT_FALSE(it_bool_at(r, "switchAccountType.success"));
    CU_ASSERT_PTR_NOT_NULL(strstr(it_text_at(r, "switchAccountType.message"), "RESELLER"));
    json_object_put(r);
    r = it_gql_as("{ viewMe { accountType } }", NULL, token);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "viewMe.accountType"), "CUSTOMER");
    json_object_put(r);
    r = it_gql(SWITCH, "{\"t\":\"VENDOR\"}", NULL);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    json_object_put(r);
    r = it_gql_as("{ vendorOnboarding { complete } }", NULL, token);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "FORBIDDEN");
    CU_ASSERT_STRING_EQUAL(it_error_message(r),
                           "You do not have permission to perform this action");
    json_object_put(r);
}

static CU_TestInfo tests[] = {
    { "a buyer becomes a reseller, then a vendor with a shop",
      a_buyer_becomes_a_reseller_then_a_vendor_with_a_shop },
    { "a vendor who stops selling takes its products off sale until it returns",
      a_vendor_who_stops_selling_takes_its_products_off_sale_until_it_returns },
    { "bad words and strangers change nothing", bad_words_and_strangers_change_nothing },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t1240_account_type, "t1240/account-type", NULL, NULL, tests);
