/*
 * t1310-payment-methods.c: saved cards through HTTP, with the Flutter app's documents
 * (MyPaymentMethods, AddPaymentMethod, UpdatePaymentMethod, DeletePaymentMethod as in the
 * client contract): brand and last four from the number (paymentType kept as the app's hint),
 * Luhn, length, brand, CVV and expiry failures as payloads with nothing saved, one default per
 * user switched atomically, isActive as a mark only, another user's ids answered like unknown
 * ones, calls without a token, and the card number and CVV found nowhere afterwards: not in
 * a dump of the stack's database, not in its data files, not in its logs, not in any reply.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include <json.h>

#include "lib/it.h"

/* The app's documents (client contract), with the __typename the app's client adds. */
static const char MY_METHODS[] =
        "query MyPaymentMethods { __typename myPaymentMethods { __typename id paymentType "
        "isDefault cardLastFour cardBrand cardExpMonth cardExpYear isActive createdAt updatedAt "
        "} }";
static const char ADD_METHOD[] =
        "mutation AddPaymentMethod($paymentType: String!, $cardNumber: String!, $expiryMonth: "
        "Int!, $expiryYear: Int!, $cvv: String!, $cardHolderName: String!, $isDefault: Boolean) "
        "{ __typename addPaymentMethod(paymentType: $paymentType, cardNumber: $cardNumber, "
        "expiryMonth: $expiryMonth, expiryYear: $expiryYear, cvv: $cvv, cardHolderName: "
        "$cardHolderName, isDefault: $isDefault) { __typename paymentMethod { __typename id "
        "paymentType cardLastFour cardBrand isDefault } success message } }";
static const char UPDATE_METHOD[] =
        "mutation UpdatePaymentMethod($paymentMethodId: ID!, $isDefault: Boolean, $isActive: "
        "Boolean) { __typename updatePaymentMethod(paymentMethodId: $paymentMethodId, isDefault: "
        "$isDefault, isActive: $isActive) { __typename paymentMethod { __typename id isDefault "
        "isActive } success message } }";
static const char DELETE_METHOD[] =
        "mutation DeletePaymentMethod($paymentMethodId: ID!) { __typename "
        "deletePaymentMethod(paymentMethodId: $paymentMethodId) { __typename success message } }";

static bool is_false_at(struct json_object *reply, const char *path)
{
    struct json_object *o = it_at(reply, path);
    return o && json_object_is_type(o, json_type_boolean) && !json_object_get_boolean(o);
}

/* This year, for expiries that have not passed. */
static int this_year(void)
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    return tm.tm_year + 1900;
}

static int this_month(void)
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    return tm.tm_mon + 1;
}

static struct json_object *add(const char *token, const char *type, const char *number, int month,
                               int year, const char *cvv, const char *holder, bool is_default)
{
    char vars[1024];
    snprintf(vars, sizeof(vars),
             "{\"paymentType\":\"%s\",\"cardNumber\":\"%s\",\"expiryMonth\":%d,"
             "\"expiryYear\":%d,\"cvv\":\"%s\",\"cardHolderName\":\"%s\",\"isDefault\":%s}",
             type, number, month, year, cvv, holder, is_default ? "true" : "false");
    return it_gql_as(ADD_METHOD, vars, token);
}

/* Add a valid Visa/Mastercard and return its id (static copy, one of 8 slots). */
static const char *add_id(const char *token, const char *number, bool is_default)
{
    static char ids[8][32];
    static unsigned n;
    char *id = ids[n++ % 8];
    struct json_object *r =
            add(token, "Visa", number, 12, this_year() + 2, "123", "Jose Mane", is_default);
    CU_ASSERT_TRUE(it_bool_at(r, "addPaymentMethod.success"));
    snprintf(id, 32, "%s", it_text_at(r, "addPaymentMethod.paymentMethod.id"));
    json_object_put(r);
    return id;
}

static struct json_object *list(const char *token)
{
    struct json_object *r = it_gql_as(MY_METHODS, NULL, token);
    CU_ASSERT_FALSE(it_has_errors(r));
    return r;
}

static struct json_object *entry(struct json_object *reply, const char *id)
{
    struct json_object *arr = it_at(reply, "myPaymentMethods");
    for (size_t i = 0; arr && i < json_object_array_length(arr); i++) {
        struct json_object *m = json_object_array_get_idx(arr, i);
        if (strcmp(json_object_get_string(json_object_object_get(m, "id")), id) == 0) return m;
    }
    return NULL;
}

static bool flag(struct json_object *reply, const char *id, const char *key)
{
    struct json_object *m = entry(reply, id);
    return m && json_object_get_boolean(json_object_object_get(m, key));
}

static size_t count(const char *token)
{
    struct json_object *r = list(token);
    struct json_object *arr = it_at(r, "myPaymentMethods");
    size_t n = arr ? json_object_array_length(arr) : 0;
    json_object_put(r);
    return n;
}

/* A random card number of len digits starting with prefix, with a valid Luhn check digit. */
static void random_card(char *out, const char *prefix, size_t len)
{
    unsigned char rnd[32];
    CU_ASSERT_EQUAL_FATAL(getrandom(rnd, sizeof(rnd), 0), (ssize_t)sizeof(rnd));
    size_t p = strlen(prefix);
    memcpy(out, prefix, p);
    for (size_t i = p; i < len - 1; i++)
        out[i] = (char)('0' + rnd[i] % 10);
    out[len - 1] = '0';
    out[len] = '\0';
    unsigned sum = 0;
    for (size_t i = 0; i < len - 1; i++) { /* from the right, the check digit excluded */
        unsigned d = (unsigned)(out[len - 2 - i] - '0');
        if (i % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        sum += d;
    }
    out[len - 1] = (char)('0' + (10 - sum % 10) % 10);
}

/* ---- tests --------------------------------------------------------------------------------- */

static void without_a_token_every_operation_is_unauthenticated(void)
{
    struct json_object *r = it_gql_as(MY_METHODS, NULL, NULL);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    json_object_put(r);
    r = add(NULL, "Visa", "4242424242424242", 12, this_year() + 1, "123", "Jose Mane", false);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    json_object_put(r);
    r = it_gql_as(UPDATE_METHOD, "{\"paymentMethodId\":\"1\",\"isDefault\":true,\"isActive\":null}",
                  NULL);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    json_object_put(r);
    r = it_gql_as(DELETE_METHOD, "{\"paymentMethodId\":\"1\"}", "garbage");
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    json_object_put(r);
}

static void a_card_keeps_brand_last_four_and_expiry_only(void)
{
    const char *token = it_sign_up("pm-add", NULL, 0);
    /* The contract's example. */
    struct json_object *r =
            add(token, "Visa", "4242424242424242", 12, this_year() + 2, "123", "Jose Mane", false);
    CU_ASSERT_FALSE(it_has_errors(r));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "__typename"), "Mutation");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "addPaymentMethod.__typename"), "PaymentMethodPayload");
    CU_ASSERT_TRUE(it_bool_at(r, "addPaymentMethod.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "addPaymentMethod.paymentMethod.__typename"),
                           "PaymentMethod");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "addPaymentMethod.paymentMethod.cardLastFour"), "4242");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "addPaymentMethod.paymentMethod.cardBrand"), "Visa");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "addPaymentMethod.paymentMethod.paymentType"), "Visa");
    CU_ASSERT_TRUE(it_bool_at(r, "addPaymentMethod.paymentMethod.isDefault")); /* the first */
    char visa[32];
    snprintf(visa, sizeof(visa), "%s", it_text_at(r, "addPaymentMethod.paymentMethod.id"));
    json_object_put(r);

    /* The app's guess is kept as paymentType; the brand is ours (a 2-series Mastercard the
     * app calls Unknown), spaces and dashes allowed. */
    r = add(token, "Unknown", "2223 0031-2200 3222", 1, this_year() + 1, "999", "J Mane", false);
    CU_ASSERT_TRUE(it_bool_at(r, "addPaymentMethod.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "addPaymentMethod.paymentMethod.paymentType"), "Unknown");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "addPaymentMethod.paymentMethod.cardBrand"), "Mastercard");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "addPaymentMethod.paymentMethod.cardLastFour"), "3222");
    CU_ASSERT_FALSE(it_bool_at(r, "addPaymentMethod.paymentMethod.isDefault"));
    json_object_put(r);
    r = add(token, "American Express", "378282246310005", this_month(), this_year(), "1234",
            "Jose Mane", false);
    CU_ASSERT_TRUE(it_bool_at(r, "addPaymentMethod.success")); /* valid through this month */
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "addPaymentMethod.paymentMethod.cardBrand"),
                           "American Express");
    json_object_put(r);

    r = list(token);
    CU_ASSERT_EQUAL(json_object_array_length(it_at(r, "myPaymentMethods")), 3);
    struct json_object *m = entry(r, visa);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    static const char *const keys[] = { "id",        "paymentType",  "isDefault",   "cardLastFour",
                                        "cardBrand", "cardExpMonth", "cardExpYear", "isActive",
                                        "createdAt", "updatedAt" };
    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
        struct json_object *v = NULL;
        CU_ASSERT_TRUE(json_object_object_get_ex(m, keys[i], &v));
    }
    CU_ASSERT_EQUAL(json_object_get_int(json_object_object_get(m, "cardExpMonth")), 12);
    CU_ASSERT_EQUAL(json_object_get_int(json_object_object_get(m, "cardExpYear")), this_year() + 2);
    CU_ASSERT_TRUE(json_object_get_boolean(json_object_object_get(m, "isActive")));
    const char *created = json_object_get_string(json_object_object_get(m, "createdAt"));
    CU_ASSERT_TRUE(created && strlen(created) >= 20 && created[10] == 'T' &&
                   created[strlen(created) - 1] == 'Z');
    /* The default comes first. */
    struct json_object *first = json_object_array_get_idx(it_at(r, "myPaymentMethods"), 0);
    CU_ASSERT_STRING_EQUAL(json_object_get_string(json_object_object_get(first, "id")), visa);
    CU_ASSERT_PTR_NULL(strstr(it_last_reply(), "4242424242424242"));
    json_object_put(r);
}

static void bad_cards_are_refused_in_the_payload_and_nothing_is_saved(void)
{
    const char *token = it_sign_up("pm-invalid", NULL, 0);
    int y = this_year();
    int m = this_month();
    int last_month_year = m == 1 ? y - 1 : y;
    int last_month = m == 1 ? 12 : m - 1;
    struct {
        const char *type;
        const char *number;
        int month;
        int year;
        const char *cvv;
        const char *holder;
        const char *want;
    } cases[] = {
        { "Visa", "4242424242424241", 12, y + 1, "123", "Jose", "not valid (check digit)" },
        { "Visa", "4242 4242 4242 4243", 12, y + 1, "123", "Jose", "not valid (check digit)" },
        { "Visa", "4242.4242.4242.4242", 12, y + 1, "123", "Jose", "may hold only digits" },
        { "Visa", "", 12, y + 1, "123", "Jose", "may hold only digits" },
        { "Visa", "42424242424242424242", 12, y + 1, "123", "Jose", "may hold only digits" },
        { "Visa", "424242424242428", 12, y + 1, "123", "Jose", "wrong length for Visa" },
        { "Unknown", "9999999999999995", 12, y + 1, "123", "Jose", "supported card network" },
        { "Visa", "4242424242424242", 12, y + 1, "12", "Jose", "CVV must be 3 digits" },
        { "Visa", "4242424242424242", 12, y + 1, "1234", "Jose", "CVV must be 3 digits" },
        { "Amex", "378282246310005", 12, y + 1, "123", "Jose", "CVV must be 4 digits" },
        { "Visa", "4242424242424242", last_month, last_month_year, "123", "Jose",
          "the card has expired" },
        { "Visa", "4242424242424242", 12, y - 1, "123", "Jose", "the card has expired" },
        { "Visa", "4242424242424242", 13, y + 1, "123", "Jose", "between 1 and 12" },
        { "Visa", "4242424242424242", 0, y + 1, "123", "Jose", "between 1 and 12" },
        { "Visa", "4242424242424242", 12, y + 21, "123", "Jose", "too far in the future" },
        { "Visa", "4242424242424242", 12, 27, "123", "Jose", "four digits" },
        { "Visa", "4242424242424242", 12, y + 1, "123", "  ", "cardHolderName must not be blank" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct json_object *r = add(token, cases[i].type, cases[i].number, cases[i].month,
                                    cases[i].year, cases[i].cvv, cases[i].holder, true);
        CU_ASSERT_FALSE(it_has_errors(r));
        CU_ASSERT_TRUE(is_false_at(r, "addPaymentMethod.success"));
        const char *msg = it_text_at(r, "addPaymentMethod.message");
        CU_ASSERT_PTR_NOT_NULL(strstr(msg, cases[i].want));
        if (!strstr(msg, cases[i].want))
            printf("\n  case %zu: message '%s', wanted '%s'\n", i, msg, cases[i].want);
        struct json_object *pm = NULL;
        CU_ASSERT_TRUE(
                json_object_object_get_ex(it_at(r, "addPaymentMethod"), "paymentMethod", &pm) &&
                pm == NULL);
        /* The reply never quotes the number or the CVV. */
        if (*cases[i].number) CU_ASSERT_PTR_NULL(strstr(it_last_reply(), cases[i].number));
        json_object_put(r);
    }
    CU_ASSERT_EQUAL(count(token), 0);
}

static void one_default_per_user_and_is_active_is_a_mark(void)
{
    const char *token = it_sign_up("pm-default", NULL, 0);
    char a[32], b[32];
    snprintf(a, sizeof(a), "%s", add_id(token, "4242424242424242", false));
    snprintf(b, sizeof(b), "%s", add_id(token, "5555555555554444", true));
    struct json_object *r = list(token);
    CU_ASSERT_FALSE(flag(r, a, "isDefault"));
    CU_ASSERT_TRUE(flag(r, b, "isDefault"));
    json_object_put(r);

    /* The app's set-default call (isActive null: unchanged). */
    char vars[256];
    snprintf(vars, sizeof(vars),
             "{\"paymentMethodId\":\"%s\",\"isDefault\":true,\"isActive\":null}", a);
    r = it_gql_as(UPDATE_METHOD, vars, token);
    CU_ASSERT_FALSE(it_has_errors(r));
    CU_ASSERT_TRUE(it_bool_at(r, "updatePaymentMethod.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updatePaymentMethod.paymentMethod.id"), a);
    CU_ASSERT_TRUE(it_bool_at(r, "updatePaymentMethod.paymentMethod.isDefault"));
    CU_ASSERT_TRUE(it_bool_at(r, "updatePaymentMethod.paymentMethod.isActive"));
    json_object_put(r);
    r = list(token);
    CU_ASSERT_TRUE(flag(r, a, "isDefault"));
    CU_ASSERT_FALSE(flag(r, b, "isDefault"));
    json_object_put(r);

    /* isActive false: still listed, marked, the default unchanged. */
    snprintf(vars, sizeof(vars),
             "{\"paymentMethodId\":\"%s\",\"isDefault\":null,\"isActive\":false}", a);
    r = it_gql_as(UPDATE_METHOD, vars, token);
    CU_ASSERT_TRUE(it_bool_at(r, "updatePaymentMethod.success"));
    CU_ASSERT_TRUE(is_false_at(r, "updatePaymentMethod.paymentMethod.isActive"));
    CU_ASSERT_TRUE(it_bool_at(r, "updatePaymentMethod.paymentMethod.isDefault"));
    json_object_put(r);
    r = list(token);
    CU_ASSERT_PTR_NOT_NULL(entry(r, a));
    CU_ASSERT_FALSE(flag(r, a, "isActive"));
    CU_ASSERT_TRUE(flag(r, b, "isActive"));
    json_object_put(r);

    /* Deleting the default promotes nothing; the next card added becomes the default. */
    snprintf(vars, sizeof(vars), "{\"paymentMethodId\":\"%s\"}", a);
    r = it_gql_as(DELETE_METHOD, vars, token);
    CU_ASSERT_FALSE(it_has_errors(r));
    CU_ASSERT_TRUE(it_bool_at(r, "deletePaymentMethod.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "deletePaymentMethod.__typename"), "MutationResponse");
    json_object_put(r);
    r = list(token);
    CU_ASSERT_PTR_NULL(entry(r, a));
    CU_ASSERT_FALSE(flag(r, b, "isDefault"));
    json_object_put(r);
    char c[32];
    snprintf(c, sizeof(c), "%s", add_id(token, "4111111111111111", false));
    r = list(token);
    CU_ASSERT_TRUE(flag(r, c, "isDefault"));
    json_object_put(r);
}

static void a_renewed_card_gets_its_new_expiry_and_name(void)
{
    static const char q[] =
            "mutation($id: ID!, $m: Int, $y: Int, $n: String) { "
            "updatePaymentMethod(paymentMethodId: "
            "$id, expiryMonth: $m, expiryYear: $y, cardHolderName: $n) { success message "
            "paymentMethod { cardExpMonth cardExpYear cardHolderName cardLastFour isDefault } "
            "} }";
    const char *token = it_sign_up("pm-renew", NULL, 0);
    char id[32];
    snprintf(id, sizeof(id), "%s", add_id(token, "4242424242424242", true));
    char vars[256];
    snprintf(vars, sizeof(vars), "{\"id\":\"%s\",\"m\":3,\"y\":2031,\"n\":\"  Ada King \"}", id);
    struct json_object *r = it_gql_as(q, vars, token);
    CU_ASSERT_TRUE(it_bool_at(r, "updatePaymentMethod.success"));
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "updatePaymentMethod.paymentMethod.cardExpMonth")),
                    3);
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "updatePaymentMethod.paymentMethod.cardExpYear")),
                    2031);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updatePaymentMethod.paymentMethod.cardHolderName"),
                           "Ada King");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updatePaymentMethod.paymentMethod.cardLastFour"), "4242");
    CU_ASSERT_TRUE(it_bool_at(r, "updatePaymentMethod.paymentMethod.isDefault"));
    json_object_put(r);
    /* Only the year: the saved month goes with it. A past expiry, a blank name or a month 13
     * are refused and change nothing. */
    snprintf(vars, sizeof(vars), "{\"id\":\"%s\",\"y\":2032}", id);
    r = it_gql_as(q, vars, token);
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "updatePaymentMethod.paymentMethod.cardExpMonth")),
                    3);
    json_object_put(r);
    static const char *const bad[] = { "\"m\":1,\"y\":2020", "\"n\":\"   \"", "\"m\":13",
                                       "\"m\":4,\"n\":\"\"" };
    for (size_t i = 0; i < 4; i++) {
        snprintf(vars, sizeof(vars), "{\"id\":\"%s\",%s}", id, bad[i]);
        r = it_gql_as(q, vars, token);
        CU_ASSERT_FALSE(it_has_errors(r));
        CU_ASSERT_TRUE(is_false_at(r, "updatePaymentMethod.success"));
        json_object_put(r);
    }
    r = it_gql_as("{ myPaymentMethods { cardExpMonth cardExpYear cardHolderName } }", NULL, token);
    struct json_object *m = json_object_array_get_idx(it_at(r, "myPaymentMethods"), 0);
    CU_ASSERT_EQUAL(json_object_get_int(json_object_object_get(m, "cardExpMonth")), 3);
    CU_ASSERT_EQUAL(json_object_get_int(json_object_object_get(m, "cardExpYear")), 2032);
    CU_ASSERT_STRING_EQUAL(json_object_get_string(json_object_object_get(m, "cardHolderName")),
                           "Ada King");
    json_object_put(r);
}

static void another_users_card_is_not_found_like_an_unknown_one(void)
{
    const char *alice = it_sign_up("pm-alice", NULL, 0);
    char id[32];
    snprintf(id, sizeof(id), "%s", add_id(alice, "4242424242424242", false));
    const char *bob = it_sign_up("pm-bob", NULL, 0);
    char vars[256];
    char want[128];
    snprintf(want, sizeof(want), "payment method '%s' not found", id);
    snprintf(vars, sizeof(vars),
             "{\"paymentMethodId\":\"%s\",\"isDefault\":false,\"isActive\":false}", id);
    struct json_object *r = it_gql_as(UPDATE_METHOD, vars, bob);
    CU_ASSERT_FALSE(it_has_errors(r));
    CU_ASSERT_TRUE(is_false_at(r, "updatePaymentMethod.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updatePaymentMethod.message"), want);
    json_object_put(r);
    snprintf(vars, sizeof(vars), "{\"paymentMethodId\":\"%s\"}", id);
    r = it_gql_as(DELETE_METHOD, vars, bob);
    CU_ASSERT_TRUE(is_false_at(r, "deletePaymentMethod.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "deletePaymentMethod.message"), want);
    json_object_put(r);
    r = it_gql_as(DELETE_METHOD, "{\"paymentMethodId\":\"999999999\"}", bob);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "deletePaymentMethod.message"),
                           "payment method '999999999' not found");
    json_object_put(r);
    CU_ASSERT_EQUAL(count(bob), 0);
    r = list(alice);
    CU_ASSERT_TRUE(flag(r, id, "isDefault"));
    CU_ASSERT_TRUE(flag(r, id, "isActive"));
    json_object_put(r);
}

static void a_user_keeps_at_most_twenty_cards(void)
{
    const char *token = it_sign_up("pm-cap", NULL, 0);
    for (int i = 0; i < 20; i++) {
        struct json_object *r = add(token, "Visa", "4242424242424242", 1 + i % 12,
                                    this_year() + 1 + i % 5, "123", "Jose Mane", false);
        CU_ASSERT_TRUE(it_bool_at(r, "addPaymentMethod.success"));
        json_object_put(r);
    }
    struct json_object *r =
            add(token, "Visa", "4242424242424242", 12, this_year() + 1, "123", "Jose Mane", true);
    CU_ASSERT_TRUE(is_false_at(r, "addPaymentMethod.success"));
    CU_ASSERT_PTR_NOT_NULL(strstr(it_text_at(r, "addPaymentMethod.message"), "at most 20"));
    json_object_put(r);
    CU_ASSERT_EQUAL(count(token), 20);
}

static void the_number_and_cvv_are_stored_and_logged_nowhere(void)
{
    const char *token = it_sign_up("pm-secret", NULL, 0);
    char amex[20];
    char visa[20];
    random_card(amex, "37", 15);
    random_card(visa, "4", 16);
    /* A CVV that no year, id or time field of a dump can read as (7000..9999), and that is
     * not the card's last four. */
    unsigned char rnd[2];
    CU_ASSERT_EQUAL_FATAL(getrandom(rnd, sizeof(rnd), 0), 2);
    char cvv[8];
    snprintf(cvv, sizeof(cvv), "%u", 7000 + (unsigned)(rnd[0] << 8 | rnd[1]) % 3000);
    if (strcmp(cvv, amex + 11) == 0) cvv[3] = cvv[3] == '9' ? '8' : (char)(cvv[3] + 1);
    char spaced[24];
    snprintf(spaced, sizeof(spaced), "%.4s %.6s %.5s", amex, amex + 4, amex + 10);

    struct json_object *r =
            add(token, "American Express", spaced, 12, this_year() + 3, cvv, "Jose Mane", false);
    CU_ASSERT_TRUE(it_bool_at(r, "addPaymentMethod.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "addPaymentMethod.paymentMethod.cardLastFour"), amex + 11);
    CU_ASSERT_PTR_NULL(strstr(it_last_reply(), amex));
    CU_ASSERT_PTR_NULL(strstr(it_last_reply(), cvv));
    char id[32];
    snprintf(id, sizeof(id), "%s", it_text_at(r, "addPaymentMethod.paymentMethod.id"));
    json_object_put(r);
    r = add(token, "Visa", visa, 12, this_year() + 3, "123", "Jose Mane", false);
    CU_ASSERT_TRUE(it_bool_at(r, "addPaymentMethod.success"));
    json_object_put(r);
    /* A refused card is not kept either. */
    char bad[20];
    snprintf(bad, sizeof(bad), "%s", visa);
    bad[15] = (char)('0' + (bad[15] - '0' + 1) % 10);
    r = add(token, "Visa", bad, 12, this_year() + 3, "123", "Jose Mane", false);
    CU_ASSERT_TRUE(is_false_at(r, "addPaymentMethod.success"));
    json_object_put(r);
    r = list(token);
    CU_ASSERT_PTR_NULL(strstr(it_last_reply(), amex));
    CU_ASSERT_PTR_NULL(strstr(it_last_reply(), visa));
    json_object_put(r);

    const char *var = getenv("MARKET_VAR");
    CU_ASSERT_PTR_NOT_NULL_FATAL(var);
    /* A dump of the stack's database, one row per line. */
    int rc = it_sh("mariadb-dump --no-defaults --socket='%s/run/mysqld.sock' --user=\"$(id -un)\""
                   " --skip-extended-insert --databases market >'%s/t1310-dump.sql'",
                   var, var);
    CU_ASSERT_EQUAL_FATAL(rc, 0);
    /* The dump really holds the card's row (so the greps below look at the right data). */
    CU_ASSERT_EQUAL(
            it_sh("grep -q \"INSERT INTO .payment_methods.*VALUES (%s,.*'%s'\" '%s/t1310-dump.sql'",
                  id, amex + 11, var),
            0);
    for (const char *n = amex;; n = visa) {
        CU_ASSERT_EQUAL(it_sh("! grep -q '%s' '%s/t1310-dump.sql'", n, var), 0);
        /* Not in the data files either (tables, undo and redo logs), nor any log file. */
        CU_ASSERT_EQUAL(it_sh("! grep -rqa '%s' '%s/mysql'", n, var), 0);
        CU_ASSERT_EQUAL(it_sh("! grep -rqa '%s' '%s/log'", n, var), 0);
        if (n == visa) break;
    }
    CU_ASSERT_EQUAL(it_sh("! grep -q '%s' '%s/t1310-dump.sql'", spaced, var), 0);
    CU_ASSERT_EQUAL(it_sh("! grep -rqa '%s' '%s/log'", spaced, var), 0);
    /* The CVV: the card's row does not hold it as a value (other rows may hold the same
     * four digits by chance: another card's last four, an id), no log line names it. */
    CU_ASSERT_EQUAL(it_sh("! grep 'INSERT INTO .payment_methods.*VALUES (%s,' '%s/t1310-dump.sql' |"
                          " grep -Eq \"(^|[^0-9])%s([^0-9]|$)\"",
                          id, var, cvv),
                    0);
    CU_ASSERT_EQUAL(it_sh("! grep -rEiqa 'cvv.{0,8}%s' '%s/log'", cvv, var), 0);
    CU_ASSERT_EQUAL(it_sh("! grep -rqa '\"%s\"' '%s/log'", cvv, var), 0);
}

static CU_TestInfo tests[] = {
    { "without a token every operation is unauthenticated",
      without_a_token_every_operation_is_unauthenticated },
    { "a card keeps brand, last four and expiry only",
      a_card_keeps_brand_last_four_and_expiry_only },
    { "bad cards are refused in the payload and nothing is saved",
      bad_cards_are_refused_in_the_payload_and_nothing_is_saved },
    { "one default per user, and isActive is a mark",
      one_default_per_user_and_is_active_is_a_mark },
    { "another user's card is not found like an unknown one",
      another_users_card_is_not_found_like_an_unknown_one },
    { "a user keeps at most twenty cards", a_user_keeps_at_most_twenty_cards },
    { "the number and CVV are stored and logged nowhere",
      the_number_and_cvv_are_stored_and_logged_nowhere },
    { "a renewed card gets its new expiry and name", a_renewed_card_gets_its_new_expiry_and_name },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t1310_payment_methods, "t1310/payment-methods", NULL, NULL, tests);
