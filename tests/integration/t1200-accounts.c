/*
 * t1200-accounts.c: sign-up, sign-in, viewMe and sign-out through HTTP, as the Flutter app
 * uses them (contract README 6 and 7): token and refresh token shapes, register's error list
 * in Django's words, login failures that do not tell unknown emails from wrong passwords,
 * both Authorization schemes, missing and tampered tokens, a token whose session was logged
 * out, and the app's own Register/Login/ViewMe/Logout wire documents.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <json.h>

#include "lib/it.h"

static const char REGISTER[] =
        "mutation R($firstName: String!, $lastName: String!, $password1: String!, "
        "$password2: String!, $email: String!, $accountType: String!, $termsAccepted: Boolean!) "
        "{ register(firstName: $firstName, lastName: $lastName, password1: $password1, "
        "password2: $password2, email: $email, accountType: $accountType, "
        "termsAccepted: $termsAccepted) { token refreshToken success errors } }";
static const char LOGIN[] = "mutation L($email: String!, $password: String!) "
                            "{ login(email: $email, password: $password) "
                            "{ token refreshToken user { accountType email } } }";
static const char VIEW_ME[] = "query { viewMe { id email firstName lastName accountType } }";
static const char LOGOUT[] =
        "mutation O($r: String!) { logout(refreshToken: $r) { __typename message } }";

static bool is_hex40(const char *s)
{
    return s && strlen(s) == 40 && strspn(s, "0123456789abcdef") == 40;
}

static struct json_object *do_register(const char *email, const char *p1, const char *p2,
                                       const char *type, bool terms)
{
    char vars[1024];
    snprintf(vars, sizeof(vars),
             "{\"firstName\":\"Jose\",\"lastName\":\"Mane\",\"password1\":\"%s\","
             "\"password2\":\"%s\",\"email\":\"%s\",\"accountType\":\"%s\","
             "\"termsAccepted\":%s}",
             p1, p2, email, type, terms ? "true" : "false");
    return it_gql(REGISTER, vars, NULL);
}

static struct json_object *do_login(const char *email, const char *password)
{
    char vars[512];
    snprintf(vars, sizeof(vars), "{\"email\":\"%s\",\"password\":\"%s\"}", email, password);
    return it_gql(LOGIN, vars, NULL);
}

static void register_returns_a_token_and_a_40_hex_refresh_token(void)
{
    struct json_object *r =
            do_register(it_new_email("reg"), IT_PASSWORD, IT_PASSWORD, "SUPPLIER", false);
    CU_ASSERT_PTR_NULL(json_object_object_get(r, "errors"));
    CU_ASSERT_TRUE(json_object_get_boolean(it_at(r, "register.success")));
    const char *token = it_str_at(r, "register.token");
    CU_ASSERT_TRUE(token && strlen(token) >= 10);
    CU_ASSERT_TRUE(is_hex40(it_str_at(r, "register.refreshToken")));
    CU_ASSERT_TRUE(json_object_is_type(it_at(r, "register.errors"), json_type_null));
    json_object_put(r);
}

static void a_duplicate_email_in_any_case_is_an_error_in_the_list(void)
{
    const char *email = it_new_email("dup");
    struct json_object *r = do_register(email, IT_PASSWORD, IT_PASSWORD, "CUSTOMER", true);
    CU_ASSERT_TRUE(json_object_get_boolean(it_at(r, "register.success")));
    json_object_put(r);
    char upper[128];
    snprintf(upper, sizeof(upper), "%s", email);
    upper[0] = 'I';
    upper[1] = 'T';
    for (char *c = strchr(upper, '@'); *c; c++)
        if (*c >= 'a' && *c <= 'z') *c = (char)(*c - 'a' + 'A');
    r = do_register(upper, IT_PASSWORD, IT_PASSWORD, "CUSTOMER", false);
    CU_ASSERT_PTR_NULL(json_object_object_get(r, "errors"));
    CU_ASSERT_FALSE(json_object_get_boolean(it_at(r, "register.success")));
    CU_ASSERT_TRUE(json_object_is_type(it_at(r, "register.token"), json_type_null));
    struct json_object *errs = it_at(r, "register.errors");
    CU_ASSERT_TRUE_FATAL(errs && json_object_is_type(errs, json_type_array));
    CU_ASSERT_EQUAL(json_object_array_length(errs), 1);
    CU_ASSERT_STRING_EQUAL(json_object_get_string(json_object_array_get_idx(errs, 0)),
                           "A user with that email already exists.");
    json_object_put(r);
}

static void weak_passwords_get_djangos_words(void)
{
    /* The address must hold no digits: Django's similarity rule would also (rightly) find
     * "12345678" close to an address with a run of digits in it, as it_new_email()'s are. */
    char email[128];
    snprintf(email, sizeof(email), "%s", it_new_email("weak"));
    for (char *c = email; *c != '@'; c++)
        if (*c >= '0' && *c <= '9') *c = (char)('g' + (*c - '0'));
    struct json_object *r = do_register(email, "12345678", "12345679", "CUSTOMER", false);
    struct json_object *errs = it_at(r, "register.errors");
    CU_ASSERT_TRUE_FATAL(errs && json_object_is_type(errs, json_type_array));
    const char *text = json_object_to_json_string_ext(errs, JSON_C_TO_STRING_PLAIN);
    if (strcmp(text, "[\"The two password fields didn't match.\",\"This password is too "
                     "common.\",\"This password is entirely numeric.\"]") != 0)
        printf("\n  reply: %s\n", json_object_to_json_string_ext(r, JSON_C_TO_STRING_PLAIN));
    CU_ASSERT_STRING_EQUAL(text, "[\"The two password fields didn't match.\","
                                 "\"This password is too common.\","
                                 "\"This password is entirely numeric.\"]");
    json_object_put(r);
}

static void login_right_and_wrong(void)
{
    const char *email = it_new_email("login");
    json_object_put(do_register(email, IT_PASSWORD, IT_PASSWORD, "SUPPLIER", false));
    struct json_object *r = do_login(email, IT_PASSWORD);
    CU_ASSERT_PTR_NULL(json_object_object_get(r, "errors"));
    CU_ASSERT_TRUE(strlen(it_str_at(r, "login.token") ? it_str_at(r, "login.token") : "") >= 10);
    CU_ASSERT_TRUE(is_hex40(it_str_at(r, "login.refreshToken")));
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "login.user.accountType"), "SUPPLIER");
    json_object_put(r);

    /* A wrong password and an unknown email read the same. */
    struct json_object *wrong = do_login(email, "Not-The-Password-1");
    struct json_object *unknown = do_login(it_new_email("nobody"), "Not-The-Password-1");
    CU_ASSERT_STRING_EQUAL(it_error_message(wrong), "Please enter valid credentials");
    CU_ASSERT_STRING_EQUAL(it_error_message(unknown), "Please enter valid credentials");
    CU_ASSERT_STRING_EQUAL(it_error_code(wrong), it_error_code(unknown));
    CU_ASSERT_TRUE(json_object_is_type(it_at(wrong, "login"), json_type_null));
    CU_ASSERT_TRUE(json_object_is_type(it_at(unknown, "login"), json_type_null));
    json_object_put(wrong);
    json_object_put(unknown);
}

/* Register and return the access token (static copy) and refresh token (into refresh). */
static const char *signed_up(const char *email, char refresh[41])
{
    static char token[4096];
    struct json_object *r = do_register(email, IT_PASSWORD, IT_PASSWORD, "CUSTOMER", false);
    snprintf(token, sizeof(token), "%s",
             it_str_at(r, "register.token") ? it_str_at(r, "register.token") : "");
    snprintf(refresh, 41, "%s",
             it_str_at(r, "register.refreshToken") ? it_str_at(r, "register.refreshToken") : "");
    json_object_put(r);
    return token;
}

static void view_me_takes_bearer_and_jwt_and_refuses_the_rest(void)
{
    const char *email = it_new_email("me");
    char refresh[41];
    const char *token = signed_up(email, refresh);
    char auth[4200];
    snprintf(auth, sizeof(auth), "Bearer %s", token);
    struct json_object *r = it_gql(VIEW_ME, NULL, auth);
    CU_ASSERT_PTR_NULL(json_object_object_get(r, "errors"));
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "viewMe.email"), email);
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "viewMe.accountType"), "CUSTOMER");
    json_object_put(r);
    snprintf(auth, sizeof(auth), "JWT %s", token);
    r = it_gql(VIEW_ME, NULL, auth);
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "viewMe.firstName"), "Jose");
    json_object_put(r);

    r = it_gql(VIEW_ME, NULL, NULL);
    CU_ASSERT_TRUE(json_object_is_type(it_at(r, "viewMe"), json_type_null));
    CU_ASSERT_PTR_NOT_NULL(strstr(it_error_message(r), "token"));
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    json_object_put(r);

    /* One changed character of the signature. */
    snprintf(auth, sizeof(auth), "Bearer %s", token);
    char *last = auth + strlen(auth) - 2;
    *last = *last == 'A' ? 'B' : 'A';
    r = it_gql(VIEW_ME, NULL, auth);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    CU_ASSERT_PTR_NOT_NULL(strstr(it_error_message(r), "token"));
    json_object_put(r);
}

static void logout_revokes_the_session_of_the_access_token(void)
{
    char refresh[41];
    const char *token = signed_up(it_new_email("out"), refresh);
    char auth[4200];
    snprintf(auth, sizeof(auth), "Bearer %s", token);
    struct json_object *r = it_gql(VIEW_ME, NULL, auth);
    CU_ASSERT_PTR_NULL(json_object_object_get(r, "errors")); /* now cached as live */
    json_object_put(r);
    char vars[128];
    snprintf(vars, sizeof(vars), "{\"r\":\"%s\"}", refresh);
    r = it_gql(LOGOUT, vars, auth);
    CU_ASSERT_PTR_NULL(json_object_object_get(r, "errors"));
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "logout.__typename"), "LogoutPayload");
    CU_ASSERT_PTR_NOT_NULL(it_str_at(r, "logout.message"));
    json_object_put(r);
    r = it_gql(VIEW_ME, NULL, auth);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    CU_ASSERT_PTR_NOT_NULL(strstr(it_error_message(r), "token"));
    json_object_put(r);
}

/* ---- the app's wire documents ------------------------------------------------------------ */

static bool read_wire(const char *name, char *out, size_t len)
{
    char path[2048];
    snprintf(path, sizeof(path), "%s/../shared/client-contract/operations/wire/%s.graphql",
             getenv("MARKET_ROOT"), name);
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    size_t n = fread(out, 1, len - 1, f);
    out[n] = '\0';
    fclose(f);
    return true;
}

static void the_apps_wire_documents_work_as_sent(void)
{
    static char doc[4][8192];
    static const char *const names[] = { "Register", "Login", "ViewMe", "Logout" };
    for (size_t i = 0; i < 4; i++) {
        if (!read_wire(names[i], doc[i], sizeof(doc[i]))) {
            printf("\n  skipped: no client contract wire document %s\n", names[i]);
            return;
        }
    }
    const char *email = it_new_email("wire");
    char vars[1024];
    snprintf(vars, sizeof(vars),
             "{\"firstName\":\"Jose\",\"lastName\":\"Mane\",\"password1\":\"Password123!\","
             "\"password2\":\"Password123!\",\"email\":\"%s\",\"accountType\":\"SUPPLIER\","
             "\"termsAccepted\":false}",
             email);
    struct json_object *r = it_gql(doc[0], vars, NULL);
    CU_ASSERT_PTR_NULL(json_object_object_get(r, "errors"));
    CU_ASSERT_TRUE(json_object_get_boolean(it_at(r, "register.success")));
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "__typename"), "Mutation");
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "register.__typename"), "RegisterPayload");
    json_object_put(r);

    snprintf(vars, sizeof(vars), "{\"email\":\"%s\",\"password\":\"Password123!\"}", email);
    r = it_gql(doc[1], vars, NULL);
    CU_ASSERT_PTR_NULL(json_object_object_get(r, "errors"));
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "login.user.accountType"), "SUPPLIER");
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "login.user.__typename"), "User");
    char auth[4200];
    char refresh[64];
    snprintf(auth, sizeof(auth), "Bearer %s", it_str_at(r, "login.token"));
    snprintf(refresh, sizeof(refresh), "%s", it_str_at(r, "login.refreshToken"));
    json_object_put(r);

    r = it_gql(doc[2], NULL, auth);
    CU_ASSERT_PTR_NULL(json_object_object_get(r, "errors"));
    const char *keys[] = { "id",          "email",      "firstName",  "lastName",
                           "phoneNumber", "dob",        "gender",     "streetAddress",
                           "city",        "postalCode", "accountType" };
    struct json_object *me = it_at(r, "viewMe");
    CU_ASSERT_PTR_NOT_NULL_FATAL(me);
    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
        struct json_object *v = NULL;
        CU_ASSERT_TRUE(json_object_object_get_ex(me, keys[i], &v));
    }
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "viewMe.email"), email);
    json_object_put(r);

    snprintf(vars, sizeof(vars), "{\"refreshToken\":\"%s\"}", refresh);
    r = it_gql(doc[3], vars, auth);
    CU_ASSERT_PTR_NULL(json_object_object_get(r, "errors"));
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "logout.__typename"), "LogoutPayload");
    json_object_put(r);
    r = it_gql(doc[2], NULL, auth);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    json_object_put(r);
}

static CU_TestInfo tests[] = {
    { "register returns a token and a 40-hex refresh token",
      register_returns_a_token_and_a_40_hex_refresh_token },
    { "a duplicate email in any case is an error in the list",
      a_duplicate_email_in_any_case_is_an_error_in_the_list },
    { "weak passwords get Django's words", weak_passwords_get_djangos_words },
    { "login right and wrong", login_right_and_wrong },
    { "viewMe takes Bearer and JWT and refuses the rest",
      view_me_takes_bearer_and_jwt_and_refuses_the_rest },
    { "logout revokes the session of the access token",
      logout_revokes_the_session_of_the_access_token },
    { "the app's wire documents work as sent", the_apps_wire_documents_work_as_sent },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t1200_accounts, "t1200/accounts", NULL, NULL, tests);
