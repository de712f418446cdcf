/*
 * t1220-account-settings.c: what a signed-in user changes about their account, through HTTP:
 * two-factor sign-in (enable with a QR code and backup codes, confirm with a first code,
 * sign-in needing a code, single-use backup codes, disable only with the real password, a
 * limit on wrong codes), the password (current one required, strength rules, other sessions
 * signed out), and the profile (explicit nulls leave fields alone, empty strings clear them,
 * bad phone numbers and dates refused without writing anything).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json.h>

#include "auth/totp.h"
#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "lib/it.h"

static const char LOGIN[] =
        "mutation L($e: String!, $p: String!, $o: String) { login(email: $e, password: $p, "
        "otpCode: $o) { token refreshToken } }";
static const char ENABLE[] = "mutation { enable2FA { success message qrCodeUrl backupCode "
                             "backupCodes secret otpauthUri } }";
static const char VERIFY[] = "mutation V($c: String!) { verify2FA(code: $c) { success message } }";
static const char DISABLE[] =
        "mutation D($p: String!) { disable2FA(password: $p) { success message } }";
static const char STATUS[] = "query { is2FAEnabled { enabled } }";
static const char CHANGE[] =
        "mutation C($c: String!, $n: String!) { resetPassword(currentPassword: $c, "
        "newPassword: $n) { success message } }";
static const char PROFILE[] =
        "mutation U($f: String, $l: String, $ph: String, $d: DateTime, $g: GenderEnum, "
        "$s: String, $ci: String, $pc: String, $co: String) { updateUser(firstName: $f, "
        "lastName: $l, phoneNumber: $ph, dob: $d, gender: $g, streetAddress: $s, city: $ci, "
        "postalCode: $pc, country: $co) { success message user { id firstName lastName "
        "phoneNumber dob gender streetAddress city postalCode country } } }";
static const char PICTURE[] =
        "mutation P($u: String!) { updateUser(profilePicture: {url: $u}) { success message "
        "user { profilePicture { url } } } }";
static const char VIEW_ME[] = "query { viewMe { id firstName profilePicture { url } } }";

/* "Bearer <token>" of a new account (email copied into email). */
static bool sign_up(char *email, size_t len, const char *tag, char *bearer, size_t blen)
{
    snprintf(bearer, blen, "Bearer %s", it_sign_up(tag, email, len));
    return true;
}

static struct json_object *login(const char *email, const char *password, const char *otp)
{
    char vars[512];
    if (otp)
        snprintf(vars, sizeof(vars), "{\"e\":\"%s\",\"p\":\"%s\",\"o\":\"%s\"}", email, password,
                 otp);
    else
        snprintf(vars, sizeof(vars), "{\"e\":\"%s\",\"p\":\"%s\"}", email, password);
    return it_gql(LOGIN, vars, NULL);
}

/* The TOTP code of secret at time t (a test computes what the user's phone shows). */
static void code_at(const char *secret, int64_t t, char out[16])
{
    struct arena *a = arena_new(0);
    struct wm_ctx ctx = { .arena = a };
    char *code = NULL;
    CU_ASSERT_EQUAL(totp_code_at(&ctx, secret, t, 6, &code), WM_OK);
    snprintf(out, 16, "%s", code ? code : "");
    arena_free(a);
}

static bool is_enabled(const char *bearer)
{
    struct json_object *r = it_gql(STATUS, NULL, bearer);
    bool on = it_bool_at(r, "is2FAEnabled.enabled");
    json_object_put(r);
    return on;
}

static void two_factor_from_start_to_finish(void)
{
    char email[128];
    char bearer[2048];
    CU_ASSERT_TRUE_FATAL(sign_up(email, sizeof(email), "2fa", bearer, sizeof(bearer)));
    CU_ASSERT_FALSE(is_enabled(bearer));

    struct json_object *r = it_gql(ENABLE, NULL, bearer);
    CU_ASSERT_TRUE(it_bool_at(r, "enable2FA.success"));
    const char *qr = it_str_at(r, "enable2FA.qrCodeUrl");
    CU_ASSERT_PTR_NOT_NULL_FATAL(qr);
    CU_ASSERT_EQUAL(strncmp(qr, "data:image/svg+xml;base64,", 26), 0);
    const char *uri = it_str_at(r, "enable2FA.otpauthUri");
    CU_ASSERT_PTR_NOT_NULL_FATAL(uri);
    CU_ASSERT_EQUAL(strncmp(uri, "otpauth://totp/Wholesale%20Market:", 34), 0);
    struct json_object *codes = it_at(r, "enable2FA.backupCodes");
    CU_ASSERT_EQUAL_FATAL(json_object_array_length(codes), 10);
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "enable2FA.backupCode"),
                           json_object_get_string(json_object_array_get_idx(codes, 0)));
    char secret[64];
    char backup1[16];
    char backup2[16];
    snprintf(secret, sizeof(secret), "%s", it_str_at(r, "enable2FA.secret"));
    snprintf(backup1, sizeof(backup1), "%s",
             json_object_get_string(json_object_array_get_idx(codes, 1)));
    snprintf(backup2, sizeof(backup2), "%s",
             json_object_get_string(json_object_array_get_idx(codes, 2)));
    json_object_put(r);
    /* Not on until a first code confirms it: sign-in still needs no code. */
    CU_ASSERT_FALSE(is_enabled(bearer));
    r = login(email, IT_PASSWORD, NULL);
    CU_ASSERT_PTR_NOT_NULL(it_str_at(r, "login.token"));
    json_object_put(r);

    int64_t now = (int64_t)time(NULL);
    char vars[256];
    r = it_gql(VERIFY, "{\"c\":\"000000\"}", bearer);
    char code[16];
    code_at(secret, now, code);
    if (strcmp(code, "000000") != 0) {
        CU_ASSERT_FALSE(it_bool_at(r, "verify2FA.success"));
        CU_ASSERT_STRING_EQUAL(it_str_at(r, "verify2FA.message"), "Invalid code");
    }
    json_object_put(r);
    snprintf(vars, sizeof(vars), "{\"c\":\"%s\"}", code);
    r = it_gql(VERIFY, vars, bearer);
    CU_ASSERT_TRUE(it_bool_at(r, "verify2FA.success"));
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "verify2FA.message"), "Two-factor authentication is on.");
    json_object_put(r);
    CU_ASSERT_TRUE(is_enabled(bearer));
    r = it_gql(ENABLE, NULL, bearer);
    CU_ASSERT_FALSE(it_bool_at(r, "enable2FA.success"));
    json_object_put(r);

    /* Sign-in now needs a code: none, wrong, the one already used, then the next step's. */
    r = login(email, IT_PASSWORD, NULL);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "OTP_REQUIRED");
    CU_ASSERT_TRUE(json_object_is_type(it_at(r, "login"), json_type_null));
    json_object_put(r);
    r = login(email, "Wrong-Password-1", NULL);
    CU_ASSERT_STRING_EQUAL(it_error_message(r), "Please enter valid credentials");
    json_object_put(r);
    r = login(email, IT_PASSWORD, code);
    CU_ASSERT_STRING_EQUAL(it_error_message(r), "Invalid two-factor code");
    json_object_put(r);
    char next[16];
    code_at(secret, now + 30, next);
    r = login(email, IT_PASSWORD, next);
    CU_ASSERT_PTR_NOT_NULL(it_str_at(r, "login.token"));
    json_object_put(r);

    /* A backup code works once, in any case, with or without its dash. */
    char upper[16];
    snprintf(upper, sizeof(upper), "%s", backup1);
    for (char *c = upper; *c; c++)
        if (*c >= 'a' && *c <= 'z') *c = (char)(*c - 'a' + 'A');
    r = login(email, IT_PASSWORD, upper);
    CU_ASSERT_PTR_NOT_NULL(it_str_at(r, "login.token"));
    json_object_put(r);
    r = login(email, IT_PASSWORD, backup1);
    CU_ASSERT_STRING_EQUAL(it_error_message(r), "Invalid two-factor code");
    json_object_put(r);

    /* Off only with the real password (the app's hard-coded one is refused). */
    r = it_gql(DISABLE, "{\"p\":\"password123\"}", bearer);
    CU_ASSERT_FALSE(it_bool_at(r, "disable2FA.success"));
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "disable2FA.message"), "Incorrect password");
    json_object_put(r);
    CU_ASSERT_TRUE(is_enabled(bearer));
    snprintf(vars, sizeof(vars), "{\"p\":\"%s\"}", IT_PASSWORD);
    r = it_gql(DISABLE, vars, bearer);
    CU_ASSERT_TRUE(it_bool_at(r, "disable2FA.success"));
    json_object_put(r);
    CU_ASSERT_FALSE(is_enabled(bearer));
    /* The remaining backup codes went with it; sign-in needs no code again. */
    r = login(email, IT_PASSWORD, NULL);
    CU_ASSERT_PTR_NOT_NULL(it_str_at(r, "login.token"));
    json_object_put(r);
    (void)backup2;
}

static void wrong_codes_hit_the_limit(void)
{
    char email[128];
    char bearer[2048];
    CU_ASSERT_TRUE_FATAL(sign_up(email, sizeof(email), "2falim", bearer, sizeof(bearer)));
    struct json_object *r = it_gql(ENABLE, NULL, bearer);
    char secret[64];
    snprintf(secret, sizeof(secret), "%s", it_str_at(r, "enable2FA.secret"));
    json_object_put(r);
    char good[16];
    code_at(secret, (int64_t)time(NULL), good);
    int refused = 0;
    for (int i = 0; i < 5; i++) {
        char bad[16];
        snprintf(bad, sizeof(bad), "%06d", (atoi(good) + 500000 + i) % 1000000);
        char vars[64];
        snprintf(vars, sizeof(vars), "{\"c\":\"%s\"}", bad);
        r = it_gql(VERIFY, vars, bearer);
        refused += !it_bool_at(r, "verify2FA.success");
        json_object_put(r);
    }
    CU_ASSERT_EQUAL(refused, 5);
    /* Even the right code waits now. */
    char vars[64];
    snprintf(vars, sizeof(vars), "{\"c\":\"%s\"}", good);
    r = it_gql(VERIFY, vars, bearer);
    CU_ASSERT_FALSE(it_bool_at(r, "verify2FA.success"));
    CU_ASSERT_PTR_NOT_NULL(strstr(it_text_at(r, "verify2FA.message"), "try again in"));
    json_object_put(r);
    CU_ASSERT_FALSE(is_enabled(bearer));
}

static void password_changes_need_the_current_one(void)
{
    char email[128];
    char bearer[2048];
    CU_ASSERT_TRUE_FATAL(sign_up(email, sizeof(email), "pw", bearer, sizeof(bearer)));
    struct json_object *r = login(email, IT_PASSWORD, NULL);
    char other[2048];
    snprintf(other, sizeof(other), "Bearer %s", it_str_at(r, "login.token"));
    json_object_put(r);

    char vars[512];
    snprintf(vars, sizeof(vars), "{\"c\":\"OldPass123!\",\"n\":\"NewPass456!x\"}");
    r = it_gql(CHANGE, vars, bearer);
    CU_ASSERT_FALSE(it_bool_at(r, "resetPassword.success"));
    CU_ASSERT_PTR_NOT_NULL(strstr(it_str_at(r, "resetPassword.message"), "current password"));
    json_object_put(r);
    snprintf(vars, sizeof(vars), "{\"c\":\"%s\",\"n\":\"12345678\"}", IT_PASSWORD);
    r = it_gql(CHANGE, vars, bearer);
    CU_ASSERT_FALSE(it_bool_at(r, "resetPassword.success"));
    CU_ASSERT_PTR_NOT_NULL(strstr(it_str_at(r, "resetPassword.message"), "too common"));
    json_object_put(r);

    snprintf(vars, sizeof(vars), "{\"c\":\"%s\",\"n\":\"Fresh-Pallet-77\"}", IT_PASSWORD);
    r = it_gql(CHANGE, vars, bearer);
    CU_ASSERT_TRUE(it_bool_at(r, "resetPassword.success"));
    json_object_put(r);
    /* This session goes on; the other one is signed out; only the new password works. */
    r = it_gql(VIEW_ME, NULL, bearer);
    CU_ASSERT_PTR_NOT_NULL(it_str_at(r, "viewMe.id"));
    json_object_put(r);
    r = it_gql(VIEW_ME, NULL, other);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    json_object_put(r);
    r = login(email, IT_PASSWORD, NULL);
    CU_ASSERT_STRING_EQUAL(it_error_message(r), "Please enter valid credentials");
    json_object_put(r);
    r = login(email, "Fresh-Pallet-77", NULL);
    CU_ASSERT_PTR_NOT_NULL(it_str_at(r, "login.token"));
    json_object_put(r);
}

static void profile_changes_keep_what_is_not_sent(void)
{
    char email[128];
    char bearer[2048];
    CU_ASSERT_TRUE_FATAL(sign_up(email, sizeof(email), "prof", bearer, sizeof(bearer)));
    struct json_object *r =
            it_gql(PROFILE,
                   "{\"f\":\" Jose \",\"l\":\"Mane\",\"ph\":\"+44 7700 900123\",\"d\":"
                   "\"1990-02-28T00:00:00Z\",\"g\":\"MALE\",\"s\":\"221B Baker Street\",\"ci\":"
                   "\"London\",\"pc\":\"NW1 6XE\",\"co\":\"United Kingdom\"}",
                   bearer);
    CU_ASSERT_TRUE(it_bool_at(r, "updateUser.success"));
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "updateUser.user.firstName"), "Jose");
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "updateUser.user.phoneNumber"), "+447700900123");
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "updateUser.user.dob"), "1990-02-28");
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "updateUser.user.gender"), "MALE");
    json_object_put(r);

    /* Explicit nulls change nothing; an empty string clears an optional field. */
    r = it_gql(PROFILE,
               "{\"f\":null,\"l\":null,\"ph\":null,\"d\":null,\"g\":null,\"s\":null,"
               "\"ci\":\"\",\"pc\":null}",
               bearer);
    CU_ASSERT_TRUE(it_bool_at(r, "updateUser.success"));
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "updateUser.user.firstName"), "Jose");
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "updateUser.user.streetAddress"), "221B Baker Street");
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "updateUser.user.country"), "United Kingdom");
    CU_ASSERT_TRUE(json_object_is_type(it_at(r, "updateUser.user.city"), json_type_null));
    json_object_put(r);

    /* Bad values: refused with a message, and nothing of the call is written. */
    static const char *const bad[] = {
        "{\"f\":\"Changed\",\"ph\":\"call me maybe\"}",
        "{\"f\":\"Changed\",\"d\":\"2999-01-01\"}",
        "{\"f\":\"Changed\",\"d\":\"1990-02-30\"}",
        "{\"f\":\"   \"}",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        r = it_gql(PROFILE, bad[i], bearer);
        CU_ASSERT_FALSE(it_bool_at(r, "updateUser.success"));
        /* Our message in the payload, or the DateTime scalar's own error for an impossible
         * date. */
        CU_ASSERT_TRUE(it_str_at(r, "updateUser.message") || *it_error_message(r));
        json_object_put(r);
    }
    r = it_gql(VIEW_ME, NULL, bearer);
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "viewMe.firstName"), "Jose");
    json_object_put(r);

    /* A picture: a web address or one of ours; not a script. */
    r = it_gql(PICTURE, "{\"u\":\"/media/profile_images/6f1c.jpg\"}", bearer);
    CU_ASSERT_TRUE(it_bool_at(r, "updateUser.success"));
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "updateUser.user.profilePicture.url"),
                           "/media/profile_images/6f1c.jpg");
    json_object_put(r);
    r = it_gql(PICTURE, "{\"u\":\"javascript:alert(1)\"}", bearer);
    CU_ASSERT_FALSE(it_bool_at(r, "updateUser.success"));
    json_object_put(r);
    r = it_gql(VIEW_ME, NULL, bearer);
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "viewMe.profilePicture.url"),
                           "/media/profile_images/6f1c.jpg");
    json_object_put(r);

    /* Without a token. */
    r = it_gql(PROFILE, "{\"f\":\"X\"}", NULL);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    json_object_put(r);
}

static CU_TestInfo tests[] = {
    { "two-factor from start to finish", two_factor_from_start_to_finish },
    { "wrong codes hit the limit", wrong_codes_hit_the_limit },
    { "password changes need the current one", password_changes_need_the_current_one },
    { "profile changes keep what is not sent", profile_changes_keep_what_is_not_sent },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t1220_account_settings, "t1220/account-settings", NULL, NULL, tests);
