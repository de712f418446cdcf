/*
 * test_cards.c: the card-number checks of the payments domain, without a database: digits with
 * separators, the Luhn check digit, the brand from the IIN ranges (Mastercard's 2-series and
 * the Discover co-brand range inside UnionPay's 62 included), the lengths each brand issues,
 * the CVV's shape and the expiry window.
 */
#include "market/payments/payments.h"

#include <string.h>

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "test.h"

static const char *brand_of(const char *digits)
{
    const struct card_brand *b = payment_card_brand(digits);
    return b ? b->name : "(none)";
}

static void digits_drop_spaces_and_dashes_only(void)
{
    char d[PAYMENT_CARD_DIGITS_MAX + 1];
    CU_ASSERT_TRUE(payment_card_digits("4242 4242-4242 4242", d));
    CU_ASSERT_STRING_EQUAL(d, "4242424242424242");
    CU_ASSERT_FALSE(payment_card_digits("4242.4242.4242.4242", d));
    CU_ASSERT_STRING_EQUAL(d, "");
    CU_ASSERT_FALSE(payment_card_digits("4242a", d));
    CU_ASSERT_FALSE(payment_card_digits(" - ", d));
    CU_ASSERT_FALSE(payment_card_digits("", d));
    CU_ASSERT_TRUE(payment_card_digits("1234567890123456789", d)); /* 19: the most */
    CU_ASSERT_FALSE(payment_card_digits("12345678901234567890", d));
    CU_ASSERT_STRING_EQUAL(d, "");
}

static void luhn_accepts_valid_numbers_and_refuses_one_changed_digit(void)
{
    static const char *const valid[] = {
        "4242424242424242", "4111111111111111", "5555555555554444", "2223003122003222",
        "378282246310005",  "371449635398431",  "6011111111111117", "3566002020360505",
        "30569309025904",   "6200000000000005", "79927398713",      "0",
    };
    for (size_t i = 0; i < sizeof(valid) / sizeof(valid[0]); i++)
        CU_ASSERT_TRUE(payment_card_luhn_ok(valid[i]));
    CU_ASSERT_FALSE(payment_card_luhn_ok("4242424242424241"));
    CU_ASSERT_FALSE(payment_card_luhn_ok("4242424242424243"));
    CU_ASSERT_FALSE(payment_card_luhn_ok("79927398710"));
    CU_ASSERT_FALSE(payment_card_luhn_ok(""));
    CU_ASSERT_FALSE(payment_card_luhn_ok("42424242x4242424"));
    /* Every single-digit change of a valid number breaks it. */
    char n[] = "4242424242424242";
    for (size_t i = 0; i < strlen(n); i++) {
        char keep = n[i];
        n[i] = (char)('0' + (keep - '0' + 1) % 10);
        CU_ASSERT_FALSE(payment_card_luhn_ok(n));
        n[i] = keep;
    }
}

static void brands_follow_the_iin_ranges(void)
{
    CU_ASSERT_STRING_EQUAL(brand_of("4242424242424242"), "Visa");
    CU_ASSERT_STRING_EQUAL(brand_of("5105105105105100"), "Mastercard");
    CU_ASSERT_STRING_EQUAL(brand_of("5555555555554444"), "Mastercard");
    CU_ASSERT_STRING_EQUAL(brand_of("2221000000000009"), "Mastercard");
    CU_ASSERT_STRING_EQUAL(brand_of("2720990000000007"), "Mastercard");
    CU_ASSERT_STRING_EQUAL(brand_of("2220990000000000"), "(none)");
    CU_ASSERT_STRING_EQUAL(brand_of("2721000000000000"), "(none)");
    CU_ASSERT_STRING_EQUAL(brand_of("5000000000000000"), "(none)");
    CU_ASSERT_STRING_EQUAL(brand_of("5600000000000000"), "(none)");
    CU_ASSERT_STRING_EQUAL(brand_of("378282246310005"), "American Express");
    CU_ASSERT_STRING_EQUAL(brand_of("341111111111111"), "American Express");
    CU_ASSERT_STRING_EQUAL(brand_of("351111111111111"), "(none)");
    CU_ASSERT_STRING_EQUAL(brand_of("6011111111111117"), "Discover");
    CU_ASSERT_STRING_EQUAL(brand_of("6441111111111111"), "Discover");
    CU_ASSERT_STRING_EQUAL(brand_of("6511111111111111"), "Discover");
    CU_ASSERT_STRING_EQUAL(brand_of("6221260000000000"), "Discover");
    CU_ASSERT_STRING_EQUAL(brand_of("6229250000000000"), "Discover");
    CU_ASSERT_STRING_EQUAL(brand_of("6221250000000000"), "UnionPay");
    CU_ASSERT_STRING_EQUAL(brand_of("6229260000000000"), "UnionPay");
    CU_ASSERT_STRING_EQUAL(brand_of("6200000000000005"), "UnionPay");
    CU_ASSERT_STRING_EQUAL(brand_of("3566002020360505"), "JCB");
    CU_ASSERT_STRING_EQUAL(brand_of("3527000000000000"), "(none)");
    CU_ASSERT_STRING_EQUAL(brand_of("30569309025904"), "Diners Club");
    CU_ASSERT_STRING_EQUAL(brand_of("36227206271667"), "Diners Club");
    CU_ASSERT_STRING_EQUAL(brand_of("3060000000000000"), "(none)");
    CU_ASSERT_STRING_EQUAL(brand_of("1234567812345670"), "(none)");
    CU_ASSERT_STRING_EQUAL(brand_of("9"), "(none)");
    CU_ASSERT_STRING_EQUAL(brand_of("4"), "Visa");
    CU_ASSERT_STRING_EQUAL(brand_of(""), "(none)");
}

static void lengths_are_the_brands_own(void)
{
    const struct card_brand *visa = payment_card_brand("4");
    CU_ASSERT_TRUE(payment_card_length_ok(visa, "4222222222222"));    /* 13 */
    CU_ASSERT_TRUE(payment_card_length_ok(visa, "4242424242424242")); /* 16 */
    CU_ASSERT_TRUE(payment_card_length_ok(visa, "4242424242424242424"));
    CU_ASSERT_FALSE(payment_card_length_ok(visa, "424242424242424")); /* 15 */
    CU_ASSERT_FALSE(payment_card_length_ok(visa, "42424242424242424"));
    const struct card_brand *amex = payment_card_brand("37");
    CU_ASSERT_TRUE(payment_card_length_ok(amex, "378282246310005"));
    CU_ASSERT_FALSE(payment_card_length_ok(amex, "3782822463100055"));
    const struct card_brand *mc = payment_card_brand("51");
    CU_ASSERT_TRUE(payment_card_length_ok(mc, "5105105105105100"));
    CU_ASSERT_FALSE(payment_card_length_ok(mc, "510510510510510"));
    const struct card_brand *diners = payment_card_brand("36");
    CU_ASSERT_TRUE(payment_card_length_ok(diners, "36227206271667"));
    CU_ASSERT_FALSE(payment_card_length_ok(diners, "3622720627166"));
}

static void cvv_is_three_digits_or_four_for_amex(void)
{
    const struct card_brand *visa = payment_card_brand("4");
    const struct card_brand *amex = payment_card_brand("34");
    CU_ASSERT_TRUE(payment_card_cvv_ok(visa, "123"));
    CU_ASSERT_FALSE(payment_card_cvv_ok(visa, "1234"));
    CU_ASSERT_FALSE(payment_card_cvv_ok(visa, "12"));
    CU_ASSERT_FALSE(payment_card_cvv_ok(visa, "12a"));
    CU_ASSERT_FALSE(payment_card_cvv_ok(visa, ""));
    CU_ASSERT_TRUE(payment_card_cvv_ok(amex, "1234"));
    CU_ASSERT_FALSE(payment_card_cvv_ok(amex, "123"));
    CU_ASSERT_FALSE(payment_card_cvv_ok(amex, " 123"));
}

static void expiry_runs_through_the_end_of_its_month(void)
{
    struct arena *a = arena_new(0);
    struct wm_ctx ctx = { .arena = a, .req_id = "test" };
    CU_ASSERT_EQUAL(payment_card_expiry_check(&ctx, 5, 2030, 2030, 5), WM_OK);
    CU_ASSERT_EQUAL(payment_card_expiry_check(&ctx, 12, 2030, 2030, 5), WM_OK);
    CU_ASSERT_EQUAL(payment_card_expiry_check(&ctx, 1, 2031, 2030, 5), WM_OK);
    CU_ASSERT_EQUAL(payment_card_expiry_check(&ctx, 4, 2030, 2030, 5), WM_EINVAL);
    CU_ASSERT_STRING_EQUAL(ctx.err.message, "the card has expired");
    CU_ASSERT_EQUAL(payment_card_expiry_check(&ctx, 12, 2029, 2030, 5), WM_EINVAL);
    CU_ASSERT_EQUAL(payment_card_expiry_check(&ctx, 0, 2031, 2030, 5), WM_EINVAL);
    CU_ASSERT_STRING_EQUAL(ctx.err.message, "expiryMonth must be between 1 and 12");
    CU_ASSERT_EQUAL(payment_card_expiry_check(&ctx, 13, 2031, 2030, 5), WM_EINVAL);
    CU_ASSERT_EQUAL(payment_card_expiry_check(&ctx, 5, 31, 2030, 5), WM_EINVAL);
    CU_ASSERT_STRING_EQUAL(ctx.err.message, "expiryYear must have four digits");
    CU_ASSERT_EQUAL(payment_card_expiry_check(&ctx, 12, 2050, 2030, 5), WM_OK);
    CU_ASSERT_EQUAL(payment_card_expiry_check(&ctx, 1, 2051, 2030, 5), WM_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.err.message, "too far in the future"));
    arena_free(a);
}

static CU_TestInfo tests[] = {
    { "digits drop spaces and dashes only", digits_drop_spaces_and_dashes_only },
    { "Luhn accepts valid numbers and refuses one changed digit",
      luhn_accepts_valid_numbers_and_refuses_one_changed_digit },
    { "brands follow the IIN ranges", brands_follow_the_iin_ranges },
    { "lengths are the brands' own", lengths_are_the_brands_own },
    { "CVV is three digits, or four for Amex", cvv_is_three_digits_or_four_for_amex },
    { "expiry runs through the end of its month", expiry_runs_through_the_end_of_its_month },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(market_payments_cards, "market/payments/cards", NULL, NULL, tests);
