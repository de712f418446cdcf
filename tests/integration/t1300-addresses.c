/*
 * t1300-addresses.c: a user's addresses through HTTP, with the Flutter app's documents
 * (MyAddresses, CreateAddress, UpdateAddress, DeleteAddress as in the client contract): every
 * field the app reads, addressType in any case answered lower case, ISO-8601 times, the
 * set-as-default update that sends every other variable as null, one default per type
 * switched atomically, no silent promotion after deleting a default, validation failures as
 * payloads with nothing changed, the per-user cap, another user's ids answered exactly like
 * unknown ones, and calls without a token.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <json.h>

#include "lib/it.h"

/* The app's documents (client contract, graphql_service.dart), with the __typename the app's
 * client adds. */
static const char MY_ADDRESSES[] =
        "query MyAddresses { __typename myAddresses { __typename id name phoneNumber "
        "streetAddress city state country postalCode addressType isDefault latitude longitude "
        "instructions createdAt updatedAt } }";
#define ADDRESS_SELECTION                                                                     \
    "{ __typename address { __typename id name phoneNumber streetAddress city state country " \
    "postalCode addressType isDefault latitude longitude instructions } success message }"
static const char CREATE_ADDRESS[] =
        "mutation CreateAddress($name: String!, $phoneNumber: String!, $streetAddress: String!, "
        "$city: String!, $state: String, $country: String, $postalCode: String!, "
        "$addressType: String, $isDefault: Boolean, $latitude: Float, $longitude: Float, "
        "$instructions: String) { __typename createAddress(name: $name, phoneNumber: "
        "$phoneNumber, streetAddress: $streetAddress, city: $city, state: $state, country: "
        "$country, postalCode: $postalCode, addressType: $addressType, isDefault: $isDefault, "
        "latitude: $latitude, longitude: $longitude, instructions: "
        "$instructions) " ADDRESS_SELECTION " }";
static const char UPDATE_ADDRESS[] =
        "mutation UpdateAddress($addressId: ID!, $name: String, $phoneNumber: String, "
        "$streetAddress: String, $city: String, $state: String, $country: String, $postalCode: "
        "String, $addressType: String, $isDefault: Boolean, $latitude: Float, $longitude: Float, "
        "$instructions: String) { __typename updateAddress(addressId: $addressId, name: $name, "
        "phoneNumber: $phoneNumber, streetAddress: $streetAddress, city: $city, state: $state, "
        "country: $country, postalCode: $postalCode, addressType: $addressType, isDefault: "
        "$isDefault, latitude: $latitude, longitude: $longitude, instructions: "
        "$instructions) " ADDRESS_SELECTION " }";
static const char DELETE_ADDRESS[] =
        "mutation DeleteAddress($addressId: ID!) { __typename deleteAddress(addressId: "
        "$addressId) { __typename success message } }";

/* CreateAddress with the app's variables; extra replaces the tail (",\"k\":v..." or ""). */
static struct json_object *create(const char *token, const char *name, const char *type,
                                  bool is_default, const char *extra)
{
    char vars[2048];
    snprintf(vars, sizeof(vars),
             "{\"name\":\"%s\",\"phoneNumber\":\"+447700900123\",\"streetAddress\":\"221B Baker "
             "Street\",\"city\":\"London\",\"state\":\"\",\"country\":\"United Kingdom\","
             "\"postalCode\":\"NW1 6XE\",\"addressType\":\"%s\",\"isDefault\":%s,"
             "\"latitude\":51.5237,\"longitude\":-0.1585,\"instructions\":null%s}",
             name, type, is_default ? "true" : "false", extra ? extra : "");
    return it_gql_as(CREATE_ADDRESS, vars, token);
}

/* Create and return the new id (static copy, one of 8 slots). */
static const char *create_id(const char *token, const char *name, const char *type, bool is_default)
{
    static char ids[8][32];
    static unsigned n;
    char *id = ids[n++ % 8];
    struct json_object *r = create(token, name, type, is_default, NULL);
    CU_ASSERT_TRUE(it_bool_at(r, "createAddress.success"));
    snprintf(id, 32, "%s", it_text_at(r, "createAddress.address.id"));
    json_object_put(r);
    return id;
}

/* The viewer's addresses (caller puts it). */
static struct json_object *list(const char *token)
{
    struct json_object *r = it_gql_as(MY_ADDRESSES, NULL, token);
    CU_ASSERT_FALSE(it_has_errors(r));
    return r;
}

/* The entry of id in a MyAddresses reply, or NULL. */
static struct json_object *entry(struct json_object *reply, const char *id)
{
    struct json_object *arr = it_at(reply, "myAddresses");
    for (size_t i = 0; arr && i < json_object_array_length(arr); i++) {
        struct json_object *a = json_object_array_get_idx(arr, i);
        if (strcmp(json_object_get_string(json_object_object_get(a, "id")), id) == 0) return a;
    }
    return NULL;
}

static bool entry_is_default(struct json_object *reply, const char *id)
{
    struct json_object *a = entry(reply, id);
    return a && json_object_get_boolean(json_object_object_get(a, "isDefault"));
}

static size_t count(const char *token)
{
    struct json_object *r = list(token);
    struct json_object *arr = it_at(r, "myAddresses");
    size_t n = arr ? json_object_array_length(arr) : 0;
    json_object_put(r);
    return n;
}

/* Strict ISO-8601 UTC as the server writes it: YYYY-MM-DDTHH:MM:SS[.ffffff]Z. */
static bool is_iso_utc(const char *s)
{
    static const char shape[] = "dddd-dd-ddTdd:dd:dd";
    for (size_t i = 0; i < sizeof(shape) - 1; i++) {
        bool ok = shape[i] == 'd' ? s[i] >= '0' && s[i] <= '9' : s[i] == shape[i];
        if (!ok) return false;
    }
    const char *p = s + sizeof(shape) - 1;
    if (*p == '.') {
        p++;
        size_t k = strspn(p, "0123456789");
        if (k == 0 || k > 6) return false;
        p += k;
    }
    int month = (s[5] - '0') * 10 + (s[6] - '0');
    int day = (s[8] - '0') * 10 + (s[9] - '0');
    return strcmp(p, "Z") == 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/* ---- tests --------------------------------------------------------------------------------- */

static void without_a_token_every_operation_is_unauthenticated(void)
{
    struct json_object *r = it_gql_as(MY_ADDRESSES, NULL, NULL);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    CU_ASSERT_TRUE(it_null_at(r, "myAddresses"));
    json_object_put(r);
    r = create(NULL, "Home", "home", false, NULL);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    CU_ASSERT_TRUE(it_null_at(r, "createAddress"));
    json_object_put(r);
    r = it_gql_as(UPDATE_ADDRESS, "{\"addressId\":\"1\",\"isDefault\":true}", NULL);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    json_object_put(r);
    r = it_gql_as(DELETE_ADDRESS, "{\"addressId\":\"1\"}", "not-a-token");
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    json_object_put(r);
}

static void create_answers_every_field_and_the_first_of_a_type_is_default(void)
{
    const char *token = it_sign_up("addr-create", NULL, 0);
    struct json_object *r = create(token, "  Home  ", "HOME", false, NULL);
    CU_ASSERT_FALSE(it_has_errors(r));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "__typename"), "Mutation");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "createAddress.__typename"), "AddressPayload");
    CU_ASSERT_TRUE(it_bool_at(r, "createAddress.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "createAddress.address.__typename"), "Address");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "createAddress.address.name"), "Home");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "createAddress.address.addressType"), "home");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "createAddress.address.phoneNumber"), "+447700900123");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "createAddress.address.postalCode"), "NW1 6XE");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "createAddress.address.state"), "");
    CU_ASSERT_TRUE(it_null_at(r, "createAddress.address.instructions"));
    CU_ASSERT_TRUE(it_bool_at(r, "createAddress.address.isDefault")); /* first home */
    CU_ASSERT_DOUBLE_EQUAL(json_object_get_double(it_at(r, "createAddress.address.latitude")),
                           51.5237, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(json_object_get_double(it_at(r, "createAddress.address.longitude")),
                           -0.1585, 1e-9);
    char id[32];
    snprintf(id, sizeof(id), "%s", it_text_at(r, "createAddress.address.id"));
    CU_ASSERT_TRUE(strlen(id) > 0 && strspn(id, "0123456789") == strlen(id));
    json_object_put(r);

    /* Every field the app reads is in the list, times in ISO 8601. */
    r = list(token);
    struct json_object *a = entry(r, id);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    static const char *const keys[] = { "id",           "name",      "phoneNumber", "streetAddress",
                                        "city",         "state",     "country",     "postalCode",
                                        "addressType",  "isDefault", "latitude",    "longitude",
                                        "instructions", "createdAt", "updatedAt" };
    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
        struct json_object *v = NULL;
        CU_ASSERT_TRUE(json_object_object_get_ex(a, keys[i], &v));
    }
    const char *created = json_object_get_string(json_object_object_get(a, "createdAt"));
    const char *updated = json_object_get_string(json_object_object_get(a, "updatedAt"));
    CU_ASSERT_TRUE(created && is_iso_utc(created));
    CU_ASSERT_TRUE(updated && is_iso_utc(updated));
    if (created && !is_iso_utc(created)) printf("\n  createdAt: %s\n", created);
    json_object_put(r);

    /* A type that was never given is home; the optional fields may be absent. */
    r = it_gql_as(
            CREATE_ADDRESS,
            "{\"name\":\"Min\",\"phoneNumber\":\"020 7946 0000\",\"streetAddress\":\"1 Road\","
            "\"city\":\"Leeds\",\"postalCode\":\"LS1 1AA\"}",
            token);
    CU_ASSERT_TRUE(it_bool_at(r, "createAddress.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "createAddress.address.addressType"), "home");
    CU_ASSERT_FALSE(it_bool_at(r, "createAddress.address.isDefault")); /* home has one */
    CU_ASSERT_TRUE(it_null_at(r, "createAddress.address.country"));
    CU_ASSERT_TRUE(it_null_at(r, "createAddress.address.latitude"));
    json_object_put(r);
}

static void one_default_per_type_switched_by_create_and_update(void)
{
    const char *token = it_sign_up("addr-default", NULL, 0);
    char home1[32], home2[32], work1[32], other1[32];
    snprintf(home1, sizeof(home1), "%s", create_id(token, "Home 1", "home", false));
    snprintf(work1, sizeof(work1), "%s", create_id(token, "Work 1", "Work", false));
    snprintf(home2, sizeof(home2), "%s", create_id(token, "Home 2", "home", true));
    snprintf(other1, sizeof(other1), "%s", create_id(token, "Other", "other", false));
    struct json_object *r = list(token);
    CU_ASSERT_FALSE(entry_is_default(r, home1));
    CU_ASSERT_TRUE(entry_is_default(r, home2));
    CU_ASSERT_TRUE(entry_is_default(r, work1)); /* first work: untouched by the home switch */
    CU_ASSERT_TRUE(entry_is_default(r, other1));
    /* Defaults come first. */
    struct json_object *first = json_object_array_get_idx(it_at(r, "myAddresses"), 0);
    CU_ASSERT_TRUE(json_object_get_boolean(json_object_object_get(first, "isDefault")));
    json_object_put(r);

    /* The app's set-as-default: every other variable explicitly null. */
    char vars[1024];
    snprintf(vars, sizeof(vars),
             "{\"addressId\":\"%s\",\"name\":null,\"phoneNumber\":null,\"streetAddress\":null,"
             "\"city\":null,\"state\":null,\"country\":null,\"postalCode\":null,"
             "\"addressType\":null,\"isDefault\":true,\"latitude\":null,\"longitude\":null,"
             "\"instructions\":null}",
             home1);
    r = it_gql_as(UPDATE_ADDRESS, vars, token);
    CU_ASSERT_FALSE(it_has_errors(r));
    CU_ASSERT_TRUE(it_bool_at(r, "updateAddress.success"));
    CU_ASSERT_TRUE(it_bool_at(r, "updateAddress.address.isDefault"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateAddress.address.name"), "Home 1");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateAddress.address.streetAddress"),
                           "221B Baker Street");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateAddress.address.city"), "London");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateAddress.address.state"), "");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateAddress.address.country"), "United Kingdom");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateAddress.address.addressType"), "home");
    CU_ASSERT_DOUBLE_EQUAL(json_object_get_double(it_at(r, "updateAddress.address.latitude")),
                           51.5237, 1e-9);
    json_object_put(r);
    r = list(token);
    CU_ASSERT_TRUE(entry_is_default(r, home1));
    CU_ASSERT_FALSE(entry_is_default(r, home2));
    CU_ASSERT_TRUE(entry_is_default(r, work1));
    json_object_put(r);

    /* Moving the home default to work: work keeps its own default, home is left without. */
    snprintf(vars, sizeof(vars), "{\"addressId\":\"%s\",\"addressType\":\"WORK\"}", home1);
    r = it_gql_as(UPDATE_ADDRESS, vars, token);
    CU_ASSERT_TRUE(it_bool_at(r, "updateAddress.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateAddress.address.addressType"), "work");
    CU_ASSERT_FALSE(it_bool_at(r, "updateAddress.address.isDefault"));
    json_object_put(r);
    r = list(token);
    CU_ASSERT_TRUE(entry_is_default(r, work1));
    CU_ASSERT_FALSE(entry_is_default(r, home1));
    CU_ASSERT_FALSE(entry_is_default(r, home2));
    json_object_put(r);

    /* isDefault false on a default leaves its type without one. */
    snprintf(vars, sizeof(vars), "{\"addressId\":\"%s\",\"isDefault\":false}", other1);
    r = it_gql_as(UPDATE_ADDRESS, vars, token);
    CU_ASSERT_TRUE(it_bool_at(r, "updateAddress.success"));
    CU_ASSERT_FALSE(it_bool_at(r, "updateAddress.address.isDefault"));
    json_object_put(r);
}

static void a_full_update_changes_the_fields_it_names(void)
{
    const char *token = it_sign_up("addr-update", NULL, 0);
    char id[32];
    snprintf(id, sizeof(id), "%s", create_id(token, "Home", "home", false));
    /* The contract's example variables with this user's id. */
    char vars[1024];
    snprintf(vars, sizeof(vars),
             "{\"addressId\":\"%s\",\"name\":\"Office\",\"phoneNumber\":\"+447700900123\","
             "\"streetAddress\":\"1 Canada Square\",\"city\":\"London\",\"state\":\"\","
             "\"country\":\"United Kingdom\",\"postalCode\":\"E14 5AB\",\"addressType\":\"work\","
             "\"isDefault\":true,\"latitude\":null,\"longitude\":null,\"instructions\":\"Ring "
             "twice\"}",
             id);
    struct json_object *r = it_gql_as(UPDATE_ADDRESS, vars, token);
    CU_ASSERT_FALSE(it_has_errors(r));
    CU_ASSERT_TRUE(it_bool_at(r, "updateAddress.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateAddress.__typename"), "AddressPayload");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateAddress.address.name"), "Office");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateAddress.address.streetAddress"), "1 Canada Square");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateAddress.address.postalCode"), "E14 5AB");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateAddress.address.addressType"), "work");
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateAddress.address.instructions"), "Ring twice");
    CU_ASSERT_TRUE(it_bool_at(r, "updateAddress.address.isDefault"));
    /* null latitude/longitude: unchanged. */
    CU_ASSERT_DOUBLE_EQUAL(json_object_get_double(it_at(r, "updateAddress.address.latitude")),
                           51.5237, 1e-9);
    json_object_put(r);
    snprintf(vars, sizeof(vars), "{\"addressId\":\"%s\",\"latitude\":-90,\"longitude\":180}", id);
    r = it_gql_as(UPDATE_ADDRESS, vars, token);
    CU_ASSERT_TRUE(it_bool_at(r, "updateAddress.success"));
    CU_ASSERT_DOUBLE_EQUAL(json_object_get_double(it_at(r, "updateAddress.address.latitude")), -90,
                           1e-9);
    CU_ASSERT_DOUBLE_EQUAL(json_object_get_double(it_at(r, "updateAddress.address.longitude")), 180,
                           1e-9);
    json_object_put(r);
}

/* Expect a payload failure whose message contains want. */
static void expect_refused(struct json_object *r, const char *field, const char *want)
{
    char path[128];
    snprintf(path, sizeof(path), "%s.success", field);
    CU_ASSERT_FALSE(it_has_errors(r));
    struct json_object *s = it_at(r, path);
    CU_ASSERT_TRUE(s && json_object_is_type(s, json_type_boolean) && !json_object_get_boolean(s));
    snprintf(path, sizeof(path), "%s.message", field);
    const char *msg = it_text_at(r, path);
    CU_ASSERT_PTR_NOT_NULL(strstr(msg, want));
    if (!strstr(msg, want)) printf("\n  message '%s', wanted '%s'\n", msg, want);
    snprintf(path, sizeof(path), "%s.address", field);
    if (strcmp(field, "deleteAddress") != 0) CU_ASSERT_TRUE(it_null_at(r, path));
}

static void bad_input_is_refused_in_the_payload_and_nothing_changes(void)
{
    const char *token = it_sign_up("addr-invalid", NULL, 0);
    char id[32];
    snprintf(id, sizeof(id), "%s", create_id(token, "Home", "home", false));
    static const struct {
        const char *extra;
        const char *want;
    } cases[] = {
        { ",\"name\":\"   \"", "name must not be blank" },
        { ",\"city\":\"\"", "city must not be blank" },
        { ",\"postalCode\":\" \"", "postalCode must not be blank" },
        { ",\"phoneNumber\":\"call me\"", "phoneNumber may hold only digits" },
        { ",\"phoneNumber\":\"+44\"", "phoneNumber must have at least 5 digits" },
        { ",\"latitude\":90.5", "latitude must be between -90 and 90" },
        { ",\"latitude\":-91", "latitude must be between -90 and 90" },
        { ",\"longitude\":-180.01", "longitude must be between -180 and 180" },
        { ",\"addressType\":\"holiday\"", "addressType must be home, work or other" },
        { ",\"name\":\""
          "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
          "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"",
          "name is too long (at most 100 characters)" },
        { ",\"city\":\"Lon\\ndon\"", "city contains a control character" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        /* JSON keeps the last of duplicate keys: the case's value wins over create()'s. */
        struct json_object *r = create(token, "New", "work", true, cases[i].extra);
        expect_refused(r, "createAddress", cases[i].want);
        json_object_put(r);
        char vars[1024];
        snprintf(vars, sizeof(vars), "{\"addressId\":\"%s\"%s}", id, cases[i].extra);
        r = it_gql_as(UPDATE_ADDRESS, vars, token);
        expect_refused(r, "updateAddress", cases[i].want);
        json_object_put(r);
    }
    /* Nothing was created, and the address is as it was. */
    struct json_object *r = list(token);
    CU_ASSERT_EQUAL(json_object_array_length(it_at(r, "myAddresses")), 1);
    struct json_object *a = entry(r, id);
    CU_ASSERT_STRING_EQUAL(json_object_get_string(json_object_object_get(a, "name")), "Home");
    CU_ASSERT_STRING_EQUAL(json_object_get_string(json_object_object_get(a, "city")), "London");
    CU_ASSERT_STRING_EQUAL(json_object_get_string(json_object_object_get(a, "addressType")),
                           "home");
    CU_ASSERT_TRUE(json_object_get_boolean(json_object_object_get(a, "isDefault")));
    json_object_put(r);
    /* A missing required variable is the engine's error, not a payload. */
    r = it_gql_as(CREATE_ADDRESS, "{\"name\":\"X\"}", token);
    CU_ASSERT_TRUE(it_has_errors(r));
    json_object_put(r);
}

static void another_users_address_is_not_found_like_an_unknown_one(void)
{
    const char *alice = it_sign_up("addr-alice", NULL, 0);
    char id[32];
    snprintf(id, sizeof(id), "%s", create_id(alice, "Alice home", "home", false));
    const char *bob = it_sign_up("addr-bob", NULL, 0);
    char vars[512];
    char want[128];

    snprintf(vars, sizeof(vars), "{\"addressId\":\"%s\",\"name\":\"Bob was here\"}", id);
    struct json_object *r = it_gql_as(UPDATE_ADDRESS, vars, bob);
    snprintf(want, sizeof(want), "address '%s' not found", id);
    expect_refused(r, "updateAddress", want);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateAddress.message"), want);
    json_object_put(r);
    snprintf(vars, sizeof(vars), "{\"addressId\":\"%s\"}", id);
    r = it_gql_as(DELETE_ADDRESS, vars, bob);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "deleteAddress.message"), want);
    CU_ASSERT_FALSE(it_bool_at(r, "deleteAddress.success"));
    json_object_put(r);

    /* An id nobody has, and one that is no id at all, read the same. */
    r = it_gql_as(UPDATE_ADDRESS, "{\"addressId\":\"999999999\",\"isDefault\":true}", bob);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "updateAddress.message"), "address '999999999' not found");
    json_object_put(r);
    r = it_gql_as(DELETE_ADDRESS, "{\"addressId\":\"abc\"}", bob);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "deleteAddress.message"), "address 'abc' not found");
    json_object_put(r);

    /* Bob sees none of Alice's; Alice's is unchanged. */
    CU_ASSERT_EQUAL(count(bob), 0);
    r = list(alice);
    struct json_object *a = entry(r, id);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_STRING_EQUAL(json_object_get_string(json_object_object_get(a, "name")), "Alice home");
    json_object_put(r);
}

static void deleting_the_default_promotes_nothing(void)
{
    const char *token = it_sign_up("addr-delete", NULL, 0);
    char first[32], second[32];
    snprintf(first, sizeof(first), "%s", create_id(token, "First", "home", false));
    snprintf(second, sizeof(second), "%s", create_id(token, "Second", "home", false));
    char vars[128];
    snprintf(vars, sizeof(vars), "{\"addressId\":\"%s\"}", first);
    struct json_object *r = it_gql_as(DELETE_ADDRESS, vars, token);
    CU_ASSERT_FALSE(it_has_errors(r));
    CU_ASSERT_TRUE(it_bool_at(r, "deleteAddress.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "deleteAddress.__typename"), "MutationResponse");
    CU_ASSERT_PTR_NOT_NULL(it_at(r, "deleteAddress.message"));
    json_object_put(r);
    r = list(token);
    CU_ASSERT_PTR_NULL(entry(r, first));
    CU_ASSERT_FALSE(entry_is_default(r, second));
    json_object_put(r);
    /* Deleting again: not found. */
    r = it_gql_as(DELETE_ADDRESS, vars, token);
    CU_ASSERT_FALSE(it_bool_at(r, "deleteAddress.success"));
    json_object_put(r);
    /* The next home address takes the empty place. */
    char third[32];
    snprintf(third, sizeof(third), "%s", create_id(token, "Third", "home", false));
    r = list(token);
    CU_ASSERT_TRUE(entry_is_default(r, third));
    CU_ASSERT_FALSE(entry_is_default(r, second));
    json_object_put(r);
}

static void a_user_keeps_at_most_fifty_addresses(void)
{
    const char *token = it_sign_up("addr-cap", NULL, 0);
    for (int i = 0; i < 50; i++) {
        char name[32];
        snprintf(name, sizeof(name), "Address %d", i);
        struct json_object *r = create(token, name, i % 2 ? "work" : "other", false, NULL);
        CU_ASSERT_TRUE(it_bool_at(r, "createAddress.success"));
        json_object_put(r);
    }
    struct json_object *r = create(token, "One too many", "home", true, NULL);
    expect_refused(r, "createAddress", "at most 50 addresses");
    json_object_put(r);
    CU_ASSERT_EQUAL(count(token), 50);
}

static CU_TestInfo tests[] = {
    { "without a token every operation is unauthenticated",
      without_a_token_every_operation_is_unauthenticated },
    { "create answers every field and the first of a type is default",
      create_answers_every_field_and_the_first_of_a_type_is_default },
    { "one default per type, switched by create and update",
      one_default_per_type_switched_by_create_and_update },
    { "a full update changes the fields it names", a_full_update_changes_the_fields_it_names },
    { "bad input is refused in the payload and nothing changes",
      bad_input_is_refused_in_the_payload_and_nothing_changes },
    { "another user's address is not found like an unknown one",
      another_users_address_is_not_found_like_an_unknown_one },
    { "deleting the default promotes nothing", deleting_the_default_promotes_nothing },
    { "a user keeps at most fifty addresses", a_user_keeps_at_most_fifty_addresses },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t1300_addresses, "t1300/addresses", NULL, NULL, tests);
