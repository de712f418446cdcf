/*
 * test_rules.c: the cart's wholesale rules without a database: the accepted quantities
 * (minimum order rounded up to a whole case, case-pack multiples, whole cases in stock) with
 * messages that say what would be accepted, and the unit price charged (the lowest of list,
 * sale, account-type and reached quantity-break prices) with its reason.
 */
#include "market/cart/cart.h"

#include <string.h>

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "test.h"

static const struct cart_tier tiers[] = { { 48, 900 }, { 96, 800 } };

/* GBP 10.00, moq 20 (so 24: two cases of 12), 120 in stock, two breaks. */
static struct cart_terms crate(void)
{
    struct cart_terms t;
    memset(&t, 0, sizeof(t));
    t.name = "Crate";
    t.currency = "GBP";
    t.list_price_minor = 1000;
    t.account_type = "CUSTOMER";
    t.tiers = tiers;
    t.ntiers = 2;
    t.moq = 20;
    t.case_pack = 12;
    t.stock = 125;
    return t;
}

static void the_smallest_quantity_is_the_minimum_in_whole_cases(void)
{
    struct cart_terms t = crate();
    CU_ASSERT_EQUAL(cart_min_quantity(&t), 24);
    t.case_pack = 1;
    CU_ASSERT_EQUAL(cart_min_quantity(&t), 20);
    t.moq = 1;
    t.case_pack = 6;
    CU_ASSERT_EQUAL(cart_min_quantity(&t), 6);
}

static void quantities_are_checked_with_what_would_be_accepted(void)
{
    struct arena *a = arena_new(0);
    struct wm_ctx ctx = { .arena = a, .req_id = "test" };
    struct cart_terms t = crate();
    CU_ASSERT_EQUAL(cart_check_quantity(&ctx, &t, 24), WM_OK);
    CU_ASSERT_EQUAL(cart_check_quantity(&ctx, &t, 120), WM_OK);
    CU_ASSERT_EQUAL(cart_check_quantity(&ctx, &t, 12), WM_EINVAL);
    CU_ASSERT_STRING_EQUAL(ctx.err.message, "the minimum order of 'Crate' is 20 units in "
                                            "multiples of 12: order at least 24");
    CU_ASSERT_EQUAL(cart_check_quantity(&ctx, &t, 30), WM_EINVAL);
    CU_ASSERT_STRING_EQUAL(ctx.err.message, "'Crate' is sold in multiples of 12: order 24 or 36");
    /* 22 is above the moq, but 12 (the case below) is not: only 24 is offered. */
    CU_ASSERT_EQUAL(cart_check_quantity(&ctx, &t, 22), WM_EINVAL);
    CU_ASSERT_STRING_EQUAL(ctx.err.message, "'Crate' is sold in multiples of 12: order 24");
    /* 125 in stock: 10 whole cases (120). */
    CU_ASSERT_EQUAL(cart_check_quantity(&ctx, &t, 115), WM_EINVAL);
    CU_ASSERT_STRING_EQUAL(ctx.err.message, "'Crate' is sold in multiples of 12: order 108 or 120");
    CU_ASSERT_EQUAL(cart_check_quantity(&ctx, &t, 132), WM_EINVAL);
    CU_ASSERT_STRING_EQUAL(ctx.err.message,
                           "only 125 units of 'Crate' are in stock: order at most 120");
    CU_ASSERT_EQUAL(cart_check_quantity(&ctx, &t, 0), WM_EINVAL);
    CU_ASSERT_EQUAL(cart_check_quantity(&ctx, &t, CART_MAX_QUANTITY + 12), WM_EINVAL);
    /* 110 in stock: 9 whole cases; the case above 115 is not offered. */
    t.stock = 110;
    CU_ASSERT_EQUAL(cart_check_quantity(&ctx, &t, 115), WM_EINVAL);
    CU_ASSERT_STRING_EQUAL(ctx.err.message, "'Crate' is sold in multiples of 12: order 108");
    t.stock = 20;
    CU_ASSERT_EQUAL(cart_check_quantity(&ctx, &t, 24), WM_EINVAL);
    CU_ASSERT_STRING_EQUAL(ctx.err.message, "only 20 units of 'Crate' are in stock, fewer than "
                                            "its minimum order of 24");
    t.stock = 0;
    CU_ASSERT_EQUAL(cart_check_quantity(&ctx, &t, 24), WM_EINVAL);
    CU_ASSERT_STRING_EQUAL(ctx.err.message, "'Crate' is out of stock");
    t = crate();
    t.case_pack = 1;
    CU_ASSERT_EQUAL(cart_check_quantity(&ctx, &t, 19), WM_EINVAL);
    CU_ASSERT_STRING_EQUAL(ctx.err.message,
                           "the minimum order of 'Crate' is 20 units: order at least 20");
    arena_free(a);
}

static void the_lowest_price_the_buyer_qualifies_for_is_charged(void)
{
    struct arena *a = arena_new(0);
    struct wm_ctx ctx = { .arena = a, .req_id = "test" };
    struct cart_terms t = crate();
    struct cart_price p;
    cart_price_of(&ctx, &t, 24, &p);
    CU_ASSERT_EQUAL(p.unit_price_minor, 1000);
    CU_ASSERT_EQUAL(p.rule, CART_PRICE_LIST);
    CU_ASSERT_STRING_EQUAL(p.reason, "list price");
    cart_price_of(&ctx, &t, 48, &p);
    CU_ASSERT_EQUAL(p.unit_price_minor, 900);
    CU_ASSERT_EQUAL(p.rule, CART_PRICE_TIER);
    CU_ASSERT_EQUAL(p.tier_min_qty, 48);
    CU_ASSERT_STRING_EQUAL(p.reason, "price break: 48 or more units at GBP 9.00 each");
    cart_price_of(&ctx, &t, 200, &p);
    CU_ASSERT_EQUAL(p.unit_price_minor, 800);
    CU_ASSERT_STRING_EQUAL(cart_price_rule_name(p.rule), "QUANTITY_BREAK");
    /* A sale price below the break wins; a break below the sale price wins. */
    t.has_sale = true;
    t.sale_price_minor = 850;
    cart_price_of(&ctx, &t, 48, &p);
    CU_ASSERT_EQUAL(p.unit_price_minor, 850);
    CU_ASSERT_EQUAL(p.rule, CART_PRICE_SALE);
    cart_price_of(&ctx, &t, 96, &p);
    CU_ASSERT_EQUAL(p.unit_price_minor, 800);
    /* The account type's price. */
    t = crate();
    t.account_type = "RESELLER";
    t.has_account_price = true;
    t.account_price_minor = 850;
    cart_price_of(&ctx, &t, 24, &p);
    CU_ASSERT_EQUAL(p.unit_price_minor, 850);
    CU_ASSERT_STRING_EQUAL(cart_price_rule_name(p.rule), "ACCOUNT_TYPE");
    CU_ASSERT_STRING_EQUAL(p.reason, "RESELLER price");
    cart_price_of(&ctx, &t, 48, &p); /* the break (9.00) is not lower */
    CU_ASSERT_EQUAL(p.unit_price_minor, 850);
    arena_free(a);
}

static void a_merged_quantity_becomes_the_nearest_accepted_one(void)
{
    struct cart_terms t = crate(); /* 24, 36, ... 120 accepted (125 in stock) */
    CU_ASSERT_EQUAL(cart_nearest_quantity(&t, 48), 48);   /* accepted: unchanged */
    CU_ASSERT_EQUAL(cart_nearest_quantity(&t, 50), 48);   /* the nearest case */
    CU_ASSERT_EQUAL(cart_nearest_quantity(&t, 54), 60);   /* halves go up */
    CU_ASSERT_EQUAL(cart_nearest_quantity(&t, 5), 24);    /* at least the minimum */
    CU_ASSERT_EQUAL(cart_nearest_quantity(&t, 132), 120); /* at most the whole cases in stock */
    t.stock = 23;
    CU_ASSERT_EQUAL(cart_nearest_quantity(&t, 24), 0); /* none: dropped */
}

static void a_cart_token_is_64_lowercase_hex(void)
{
    char t[65];
    memset(t, 'a', 64);
    t[64] = '\0';
    CU_ASSERT_TRUE(cart_token_valid(t));
    t[3] = 'A';
    CU_ASSERT_FALSE(cart_token_valid(t));
    t[3] = '0';
    t[63] = '\0';
    CU_ASSERT_FALSE(cart_token_valid(t));
    CU_ASSERT_FALSE(cart_token_valid(NULL));
    CU_ASSERT_FALSE(cart_token_valid(""));
}

static CU_TestInfo tests[] = {
    { "a merged quantity becomes the nearest accepted one",
      a_merged_quantity_becomes_the_nearest_accepted_one },
    { "a cart token is 64 lowercase hex characters", a_cart_token_is_64_lowercase_hex },
    { "the smallest quantity is the minimum in whole cases",
      the_smallest_quantity_is_the_minimum_in_whole_cases },
    { "quantities are checked with what would be accepted",
      quantities_are_checked_with_what_would_be_accepted },
    { "the lowest price the buyer qualifies for is charged",
      the_lowest_price_the_buyer_qualifies_for_is_charged },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(market_cart_rules, "market/cart/rules", NULL, NULL, tests);
