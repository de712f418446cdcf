/*
 * t1230-mail-flows.c: the account flows that go through a mailbox, end to end: the stack's
 * `market worker` delivers to the test SMTP sink, and the test reads the links from the
 * messages. Email verification on sign-up (single-use link, resend retires the old one),
 * password reset by email (the same answer for unknown addresses and no mail for them, weak
 * passwords refused without using the link up, every session ended after the reset, a link
 * used twice, a limit on requests).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "lib/it.h"

static const char VERIFY[] =
        "mutation V($t: String!) { verifyEmail(token: $t) { success message } }";
static const char RESEND[] = "mutation { resendVerificationEmail { success message } }";
static const char REQUEST[] =
        "mutation Q($e: String!) { requestPasswordReset(email: $e) { success message } }";
static const char RESET[] = "mutation S($t: String!, $n: String!) { resetPasswordWithToken("
                            "token: $t, newPassword: $n) { success message } }";
static const char LOGIN[] = "mutation L($e: String!, $p: String!) { login(email: $e, "
                            "password: $p) { token } }";
static const char VIEW_ME[] = "query { viewMe { id emailVerified } }";

/* Seconds to wait for the worker to deliver a mail. */
#define MAIL_WAIT_MS 15000

/* The 64-hex token of the link in the next mail to `to` whose subject contains subject. */
static bool next_link_token(const char *to, const char *subject, char token[65])
{
    struct it_mail m;
    if (!it_mail_wait(to, MAIL_WAIT_MS, &m)) {
        printf("\n  no mail to %s within %d ms\n", to, MAIL_WAIT_MS);
        return false;
    }
    bool ok = m.subject && strstr(m.subject, subject) && m.text && m.html;
    const char *t = m.text ? strstr(m.text, "?token=") : NULL;
    ok = ok && t && strspn(t + 7, "0123456789abcdef") == 64;
    if (ok) {
        snprintf(token, 65, "%.64s", t + 7);
        /* The HTML part links to the same place. */
        ok = strstr(m.html, token) != NULL;
    } else {
        printf("\n  unexpected mail: subject %s\n", m.subject ? m.subject : "(none)");
    }
    it_mail_release(&m);
    return ok;
}

static bool verified(const char *bearer)
{
    struct json_object *r = it_gql(VIEW_ME, NULL, bearer);
    bool v = it_bool_at(r, "viewMe.emailVerified");
    json_object_put(r);
    return v;
}

static struct json_object *with_token(const char *doc, const char *token)
{
    char vars[256];
    snprintf(vars, sizeof(vars), "{\"t\":\"%s\"}", token);
    return it_gql(doc, vars, NULL);
}

static void sign_up_mails_a_single_use_verification_link(void)
{
    char email[128];
    char bearer[4200];
    snprintf(bearer, sizeof(bearer), "Bearer %s", it_sign_up("verify", email, sizeof(email)));
    CU_ASSERT_FALSE(verified(bearer));
    char token[65];
    CU_ASSERT_TRUE_FATAL(next_link_token(email, "Confirm", token));

    struct json_object *r = with_token(VERIFY, token);
    CU_ASSERT_TRUE(it_bool_at(r, "verifyEmail.success"));
    json_object_put(r);
    CU_ASSERT_TRUE(verified(bearer));
    r = with_token(VERIFY, token);
    CU_ASSERT_FALSE(it_bool_at(r, "verifyEmail.success"));
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "verifyEmail.message"),
                           "This link is invalid or has expired.");
    json_object_put(r);
    r = it_gql(RESEND, NULL, bearer);
    CU_ASSERT_FALSE(it_bool_at(r, "resendVerificationEmail.success"));
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "resendVerificationEmail.message"),
                           "Your email address is already verified.");
    json_object_put(r);
    /* Nonsense tokens: the same answer, nothing else. */
    r = with_token(VERIFY, "' OR 1=1 --");
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "verifyEmail.message"),
                           "This link is invalid or has expired.");
    json_object_put(r);
}

static void a_resent_link_retires_the_first(void)
{
    char email[128];
    char bearer[4200];
    snprintf(bearer, sizeof(bearer), "Bearer %s", it_sign_up("resend", email, sizeof(email)));
    char first[65];
    char second[65];
    CU_ASSERT_TRUE_FATAL(next_link_token(email, "Confirm", first));
    struct json_object *r = it_gql(RESEND, NULL, bearer);
    CU_ASSERT_TRUE(it_bool_at(r, "resendVerificationEmail.success"));
    json_object_put(r);
    CU_ASSERT_TRUE_FATAL(next_link_token(email, "Confirm", second));
    CU_ASSERT_STRING_NOT_EQUAL(first, second);
    r = with_token(VERIFY, first);
    CU_ASSERT_FALSE(it_bool_at(r, "verifyEmail.success"));
    json_object_put(r);
    CU_ASSERT_FALSE(verified(bearer));
    r = with_token(VERIFY, second);
    CU_ASSERT_TRUE(it_bool_at(r, "verifyEmail.success"));
    json_object_put(r);
    CU_ASSERT_TRUE(verified(bearer));
    /* Without a token, resend is for nobody. */
    r = it_gql(RESEND, NULL, NULL);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    json_object_put(r);
}

static struct json_object *request_reset(const char *email)
{
    char vars[256];
    snprintf(vars, sizeof(vars), "{\"e\":\"%s\"}", email);
    return it_gql(REQUEST, vars, NULL);
}

static struct json_object *reset(const char *token, const char *password)
{
    char vars[256];
    snprintf(vars, sizeof(vars), "{\"t\":\"%s\",\"n\":\"%s\"}", token, password);
    return it_gql(RESET, vars, NULL);
}

static bool can_log_in(const char *email, const char *password)
{
    char vars[256];
    snprintf(vars, sizeof(vars), "{\"e\":\"%s\",\"p\":\"%s\"}", email, password);
    struct json_object *r = it_gql(LOGIN, vars, NULL);
    bool ok = it_str_at(r, "login.token") != NULL;
    json_object_put(r);
    return ok;
}

static void a_password_reset_by_email_ends_every_session(void)
{
    char email[128];
    char bearer[4200];
    snprintf(bearer, sizeof(bearer), "Bearer %s", it_sign_up("reset", email, sizeof(email)));
    char unused[65];
    CU_ASSERT_TRUE_FATAL(next_link_token(email, "Confirm", unused));

    struct json_object *known = request_reset(email);
    CU_ASSERT_TRUE(it_bool_at(known, "requestPasswordReset.success"));
    char token[65];
    CU_ASSERT_TRUE_FATAL(next_link_token(email, "password", token));

    /* A weak password is refused and the link still works afterwards. */
    struct json_object *r = reset(token, "12345678");
    CU_ASSERT_FALSE(it_bool_at(r, "resetPasswordWithToken.success"));
    CU_ASSERT_PTR_NOT_NULL(strstr(it_str_at(r, "resetPasswordWithToken.message"), "too common"));
    json_object_put(r);
    r = reset(token, "Brand-New-Crate-9");
    CU_ASSERT_TRUE(it_bool_at(r, "resetPasswordWithToken.success"));
    json_object_put(r);

    /* Every session ended; only the new password signs in; the link is used up. */
    r = it_gql(VIEW_ME, NULL, bearer);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    json_object_put(r);
    CU_ASSERT_FALSE(can_log_in(email, IT_PASSWORD));
    CU_ASSERT_TRUE(can_log_in(email, "Brand-New-Crate-9"));
    r = reset(token, "Another-New-Crate-8");
    CU_ASSERT_FALSE(it_bool_at(r, "resetPasswordWithToken.success"));
    CU_ASSERT_STRING_EQUAL(it_str_at(r, "resetPasswordWithToken.message"),
                           "This link is invalid or has expired.");
    json_object_put(r);
    CU_ASSERT_TRUE(can_log_in(email, "Brand-New-Crate-9"));

    /* An unknown address reads exactly the same, and gets no mail. */
    const char *nobody = it_new_email("nobody");
    struct json_object *unknown = request_reset(nobody);
    CU_ASSERT_STRING_EQUAL(json_object_to_json_string_ext(json_object_object_get(known, "data"),
                                                          JSON_C_TO_STRING_PLAIN),
                           json_object_to_json_string_ext(json_object_object_get(unknown, "data"),
                                                          JSON_C_TO_STRING_PLAIN));
    json_object_put(known);
    json_object_put(unknown);
    struct it_mail m;
    CU_ASSERT_FALSE(it_mail_wait(nobody, 2000, &m));
}

static void reset_requests_are_limited_per_address(void)
{
    char email[128];
    snprintf(email, sizeof(email), "%s", it_new_email("flood"));
    for (int i = 0; i < 3; i++) {
        struct json_object *r = request_reset(email);
        CU_ASSERT_TRUE(it_bool_at(r, "requestPasswordReset.success"));
        json_object_put(r);
    }
    struct json_object *r = request_reset(email);
    CU_ASSERT_FALSE(it_bool_at(r, "requestPasswordReset.success"));
    CU_ASSERT_PTR_NOT_NULL(strstr(it_text_at(r, "requestPasswordReset.message"), "try again in"));
    json_object_put(r);
}

static CU_TestInfo tests[] = {
    { "sign-up mails a single-use verification link",
      sign_up_mails_a_single_use_verification_link },
    { "a resent link retires the first", a_resent_link_retires_the_first },
    { "a password reset by email ends every session",
      a_password_reset_by_email_ends_every_session },
    { "reset requests are limited per address", reset_requests_are_limited_per_address },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t1230_mail_flows, "t1230/mail-flows", NULL, NULL, tests);
