/*
 * t5000-pages.c: the server-side rules of the HTML pages, through HTTP: security headers with a
 * fresh CSP nonce per response, cookie flags, CSRF tokens and the Origin check on form POSTs,
 * sign-in by page creating a session the API lists, GraphQL authenticated by the session cookie
 * (refused without the CSRF header, while bearer tokens need none), redirects of signed-out
 * visitors, and error pages in the site's layout. The flows in a real browser are in
 * tests/browser/run.mjs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json.h>

#include "lib/it.h"

/* Sign up by API, then sign in through the page; c holds the cookie session. */
static bool page_sign_in(struct it_client *c, char *email, size_t len, const char **bearer)
{
    *bearer = it_sign_up("pages", email, len);
    return it_client_sign_in(c, email, false);
}

static void pages_carry_the_security_headers(void)
{
    struct it_response a;
    struct it_response b;
    it_get("/", &a);
    it_get("/", &b);
    CU_ASSERT_EQUAL(a.status, 200);
    const char *csp = it_header(&a, "Content-Security-Policy");
    CU_ASSERT_PTR_NOT_NULL_FATAL(csp);
    char first[512];
    snprintf(first, sizeof(first), "%s", csp);
    CU_ASSERT_PTR_NOT_NULL(strstr(first, "default-src 'self'"));
    CU_ASSERT_PTR_NOT_NULL(strstr(first, "frame-ancestors 'none'"));
    CU_ASSERT_PTR_NOT_NULL(strstr(first, "img-src 'self' data:"));
    const char *n = strstr(first, "'nonce-");
    CU_ASSERT_PTR_NOT_NULL_FATAL(n);
    CU_ASSERT_EQUAL(strspn(n + 7, "0123456789abcdef"), 32);
    /* A fresh nonce for every response, and the page's script carries it. */
    char nonce[40];
    snprintf(nonce, sizeof(nonce), "%.32s", n + 7);
    CU_ASSERT_PTR_NULL(strstr(it_header(&b, "Content-Security-Policy"), nonce));
    char attr[64];
    snprintf(attr, sizeof(attr), "nonce=\"%s\"", nonce);
    CU_ASSERT_TRUE(it_body_has(&a, attr));
    CU_ASSERT_STRING_EQUAL(it_header(&a, "X-Content-Type-Options"), "nosniff");
    CU_ASSERT_STRING_EQUAL(it_header(&a, "Referrer-Policy"), "strict-origin-when-cross-origin");
    CU_ASSERT_STRING_EQUAL(it_header(&a, "Cache-Control"), "no-store");
    CU_ASSERT_PTR_NULL(it_header(&a, "Strict-Transport-Security")); /* plain http here */
    /* The browser cookie: HttpOnly, SameSite=Lax, not Secure over http. */
    char value[64];
    char line[256];
    CU_ASSERT_TRUE(it_set_cookie(&a, "wm_browser", value, sizeof(value), line, sizeof(line)));
    CU_ASSERT_PTR_NOT_NULL(strstr(line, "HttpOnly"));
    CU_ASSERT_PTR_NOT_NULL(strstr(line, "SameSite=Lax"));
    CU_ASSERT_PTR_NULL(strstr(line, "Secure"));
    it_response_release(&a);
    it_response_release(&b);
}

static void a_form_post_needs_the_csrf_token(void)
{
    struct it_client c = { 0 };
    struct it_response r;
    it_client_get(&c, "/forgot-password", &r);
    CU_ASSERT_EQUAL(r.status, 200);
    it_response_release(&r);
    /* None, a wrong one, one of another browser: 403 in the site's layout. */
    it_client_post(&c, "/forgot-password", "_op=ForgotPassword&email=a%40example.com", NULL, &r);
    CU_ASSERT_EQUAL(r.status, 403);
    CU_ASSERT_TRUE(it_body_has(&r, "<html lang=\"en\">"));
    CU_ASSERT_TRUE(it_body_has(&r, "Not allowed"));
    it_response_release(&r);
    char body[512];
    snprintf(body, sizeof(body), "_csrf=%064d&_op=ForgotPassword&email=a%%40example.com", 0);
    it_client_post(&c, "/forgot-password", body, NULL, &r);
    CU_ASSERT_EQUAL(r.status, 403);
    it_response_release(&r);
    struct it_client other = { 0 };
    it_client_get(&other, "/forgot-password", &r);
    it_response_release(&r);
    snprintf(body, sizeof(body), "_csrf=%s&_op=ForgotPassword&email=a%%40example.com", other.csrf);
    it_client_post(&c, "/forgot-password", body, NULL, &r);
    CU_ASSERT_EQUAL(r.status, 403);
    it_response_release(&r);
    /* The right one works: post/redirect/get with a flash. */
    snprintf(body, sizeof(body), "_csrf=%s&_op=ForgotPassword&email=a%%40example.com", c.csrf);
    it_client_post(&c, "/forgot-password", body, NULL, &r);
    CU_ASSERT_EQUAL(r.status, 303);
    CU_ASSERT_STRING_EQUAL(it_header(&r, "Location"), "/forgot-password");
    it_response_release(&r);
    it_client_get(&c, "/forgot-password", &r);
    CU_ASSERT_TRUE(it_body_has(&r, "class=\"flash\""));
    it_response_release(&r);
}

static void a_form_post_from_another_origin_is_refused(void)
{
    struct it_client c = { 0 };
    struct it_response r;
    it_client_get(&c, "/forgot-password", &r);
    it_response_release(&r);
    char body[512];
    snprintf(body, sizeof(body), "_csrf=%s&_op=ForgotPassword&email=a%%40example.com", c.csrf);
    it_client_post(&c, "/forgot-password", body, "http://evil.example", &r);
    CU_ASSERT_EQUAL(r.status, 403);
    it_response_release(&r);
    it_client_post(&c, "/forgot-password", body, "null", &r);
    CU_ASSERT_EQUAL(r.status, 403);
    it_response_release(&r);
}

static void sign_in_by_page_opens_a_session_the_api_lists(void)
{
    struct it_client c = { 0 };
    char email[256];
    const char *bearer = NULL;
    CU_ASSERT_TRUE_FATAL(page_sign_in(&c, email, sizeof(email), &bearer));
    struct it_response r;
    it_client_get(&c, "/account", &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(it_body_has(&r, email));
    it_response_release(&r);
    /* The session cookie's flags. */
    struct it_client again = c;
    again.session[0] = '\0';
    it_client_rebuild(&again);
    it_client_get(&again, "/sign-in", &r);
    it_response_release(&r);
    char body[1024];
    snprintf(body, sizeof(body), "_csrf=%s&_op=SignIn&email=%s&password=%s&rememberMe=on",
             again.csrf, it_form_encode(email), IT_PASSWORD);
    it_client_post(&again, "/sign-in", body, NULL, &r);
    char value[64];
    char line[256];
    CU_ASSERT_TRUE(it_set_cookie(&r, "wm_session", value, sizeof(value), line, sizeof(line)));
    CU_ASSERT_PTR_NOT_NULL(strstr(line, "HttpOnly"));
    CU_ASSERT_PTR_NOT_NULL(strstr(line, "SameSite=Lax"));
    CU_ASSERT_PTR_NOT_NULL(strstr(line, "Max-Age="));
    CU_ASSERT_PTR_NULL(strstr(line, "Secure"));
    it_response_release(&r);
    /* Both page sessions are in the API's list (with the sign-up's own: three). */
    struct json_object *j =
            it_gql_as("query { getActiveSessions { sessions { id } } }", NULL, bearer);
    struct json_object *list = it_at(j, "getActiveSessions.sessions");
    CU_ASSERT_EQUAL(list ? json_object_array_length(list) : 0, 3);
    json_object_put(j);
    /* Signing out by page ends the session: the cookie no longer signs in. */
    it_client_get(&c, "/account", &r);
    it_response_release(&r);
    snprintf(body, sizeof(body), "_csrf=%s&_op=SignOut", c.csrf);
    char old[64];
    snprintf(old, sizeof(old), "%s", c.session);
    it_client_post(&c, "/sign-out", body, NULL, &r);
    CU_ASSERT_EQUAL(r.status, 303);
    it_response_release(&r);
    snprintf(c.session, sizeof(c.session), "%s", old);
    it_client_rebuild(&c);
    it_client_get(&c, "/account", &r);
    CU_ASSERT_EQUAL(r.status, 303);
    CU_ASSERT_STRING_EQUAL(it_header(&r, "Location"), "/sign-in?next=/account");
    it_response_release(&r);
}

static void graphql_by_cookie_needs_the_csrf_header(void)
{
    struct it_client c = { 0 };
    char email[256];
    const char *bearer = NULL;
    CU_ASSERT_TRUE_FATAL(page_sign_in(&c, email, sizeof(email), &bearer));
    struct it_response r;
    it_client_get(&c, "/account", &r);
    it_response_release(&r);
    static const char body[] = "{\"query\":\"query { viewMe { email } }\"}";
    char origin[256];
    snprintf(origin, sizeof(origin), "Origin: %s", it_base_url());
    const char *no_token[] = { c.cookie_header, origin, "Content-Type: application/json", NULL };
    it_request("POST", "/graphql/", no_token, body, strlen(body), &r);
    CU_ASSERT_EQUAL(r.status, 403);
    CU_ASSERT_TRUE(it_body_has(&r, "\"FORBIDDEN\""));
    it_response_release(&r);
    char token[128];
    snprintf(token, sizeof(token), "X-CSRF-Token: %s", c.csrf);
    const char *with_token[] = { c.cookie_header, origin, "Content-Type: application/json", token,
                                 NULL };
    it_request("POST", "/graphql/", with_token, body, strlen(body), &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(it_body_has(&r, email));
    it_response_release(&r);
    const char *other_origin[] = { c.cookie_header, "Origin: http://evil.example",
                                   "Content-Type: application/json", token, NULL };
    it_request("POST", "/graphql/", other_origin, body, strlen(body), &r);
    CU_ASSERT_EQUAL(r.status, 403);
    it_response_release(&r);
    /* A bearer token needs no CSRF token (the app). */
    struct json_object *j = it_gql_as("query { viewMe { email } }", NULL, bearer);
    CU_ASSERT_STRING_EQUAL(it_text_at(j, "viewMe.email"), email);
    json_object_put(j);
}

static void error_pages_come_in_the_layout(void)
{
    struct it_response r;
    it_get("/no-such-page", &r);
    CU_ASSERT_EQUAL(r.status, 404);
    CU_ASSERT_TRUE(it_body_has(&r, "<html lang=\"en\">"));
    CU_ASSERT_TRUE(it_body_has(&r, "Page not found"));
    CU_ASSERT_TRUE(it_body_has(&r, "class=\"skip-link\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(it_header(&r, "Content-Security-Policy"), "'nonce-"));
    it_response_release(&r);
    const char *de[] = { "Accept-Language: de-DE,de;q=0.9,en;q=0.5", NULL };
    it_request("GET", "/no-such-page", de, NULL, 0, &r);
    CU_ASSERT_TRUE(it_body_has(&r, "<html lang=\"de\">"));
    CU_ASSERT_TRUE(it_body_has(&r, "Seite nicht gefunden"));
    it_response_release(&r);
    it_request("PUT", "/", NULL, "", 0, &r);
    CU_ASSERT_EQUAL(r.status, 405);
    CU_ASSERT_PTR_NOT_NULL(it_header(&r, "Allow"));
    CU_ASSERT_TRUE(it_body_has(&r, "<html lang=\"en\">"));
    it_response_release(&r);
    /* API clients still get JSON. */
    const char *json[] = { "Accept: application/json", NULL };
    it_request("GET", "/no-such-page", json, NULL, 0, &r);
    CU_ASSERT_EQUAL(r.status, 404);
    CU_ASSERT_TRUE(it_body_has(&r, "\"NOT_FOUND\""));
    it_response_release(&r);
}

static void signed_out_visitors_are_sent_to_sign_in(void)
{
    struct it_response r;
    it_get("/account/sessions", &r);
    CU_ASSERT_EQUAL(r.status, 303);
    CU_ASSERT_STRING_EQUAL(it_header(&r, "Location"), "/sign-in?next=/account/sessions");
    it_response_release(&r);
    /* A forged session cookie is no session. */
    const char *h[] = { "Cookie: wm_session=0123456789abcdef0123456789abcdef01234567", NULL };
    it_request("GET", "/account", h, NULL, 0, &r);
    CU_ASSERT_EQUAL(r.status, 303);
    it_response_release(&r);
}

static void the_password_changes_by_page(void)
{
    struct it_client c = { 0 };
    char email[256];
    const char *bearer = NULL;
    CU_ASSERT_TRUE_FATAL(page_sign_in(&c, email, sizeof(email), &bearer));
    struct it_response r;
    it_client_get(&c, "/account/security", &r);
    CU_ASSERT_TRUE(it_body_has(&r, "name=\"currentPassword\""));
    it_response_release(&r);
    /* A wrong current password: the page again with the problem, nothing changed. */
    char body[512];
    snprintf(body, sizeof(body),
             "_csrf=%s&_op=ChangePassword&currentPassword=wrong-one-123&newPassword=Pallet-Jack-"
             "9931",
             c.csrf);
    it_client_post(&c, "/account/security", body, NULL, &r);
    CU_ASSERT_EQUAL(r.status, 422);
    CU_ASSERT_TRUE(it_body_has(&r, "class=\"error-summary\""));
    it_response_release(&r);
    snprintf(body, sizeof(body),
             "_csrf=%s&_op=ChangePassword&currentPassword=%s&newPassword=Pallet-Jack-9931", c.csrf,
             IT_PASSWORD);
    it_client_post(&c, "/account/security", body, NULL, &r);
    CU_ASSERT_EQUAL(r.status, 303);
    it_response_release(&r);
    it_client_get(&c, "/account/security", &r);
    CU_ASSERT_TRUE(it_body_has(&r, "Your password was changed"));
    it_response_release(&r);
    /* The new password signs in; the old one does not. */
    char vars[512];
    snprintf(vars, sizeof(vars), "{\"e\":\"%s\",\"p\":\"Pallet-Jack-9931\"}", email);
    static const char login[] =
            "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }";
    struct json_object *j = it_gql(login, vars, NULL);
    CU_ASSERT_TRUE(strlen(it_text_at(j, "login.token")) > 20);
    json_object_put(j);
    snprintf(vars, sizeof(vars), "{\"e\":\"%s\",\"p\":\"%s\"}", email, IT_PASSWORD);
    j = it_gql(login, vars, NULL);
    CU_ASSERT_TRUE(it_has_errors(j));
    CU_ASSERT_STRING_EQUAL(it_text_at(j, "login.token"), "");
    json_object_put(j);
}

static void an_address_is_edited_by_page(void)
{
    struct it_client c = { 0 };
    char email[256];
    const char *bearer = NULL;
    CU_ASSERT_TRUE_FATAL(page_sign_in(&c, email, sizeof(email), &bearer));
    struct json_object *j = it_gql_as(
            "mutation { createAddress(name: \"Depot\", phoneNumber: \"+44 20 7946 0000\", "
            "streetAddress: \"1 Dock Road\", city: \"London\", postalCode: \"E1 1AA\") { address { "
            "id } } }",
            NULL, bearer);
    char id[32];
    snprintf(id, sizeof(id), "%s", it_text_at(j, "createAddress.address.id"));
    json_object_put(j);
    struct it_response r;
    char path[96];
    snprintf(path, sizeof(path), "/account/addresses?edit=%s", id);
    it_client_get(&c, path, &r);
    CU_ASSERT_TRUE(it_body_has(&r, "value=\"1 Dock Road\""));
    CU_ASSERT_TRUE(it_body_has(&r, "name=\"_op\" value=\"AddressUpdate\""));
    it_response_release(&r);
    /* A blank required field: the form again with what was typed, nothing changed. */
    char body[512];
    snprintf(body, sizeof(body), "_csrf=%s&_op=AddressUpdate&addressId=%s&city=&name=Depot", c.csrf,
             id);
    it_client_post(&c, "/account/addresses", body, NULL, &r);
    CU_ASSERT_EQUAL(r.status, 422);
    CU_ASSERT_TRUE(it_body_has(&r, "name=\"_op\" value=\"AddressUpdate\""));
    it_response_release(&r);
    snprintf(body, sizeof(body),
             "_csrf=%s&_op=AddressUpdate&addressId=%s&name=Depot&city=Leeds&streetAddress=2+Mill+"
             "Lane",
             c.csrf, id);
    it_client_post(&c, "/account/addresses", body, NULL, &r);
    CU_ASSERT_EQUAL(r.status, 303);
    it_response_release(&r);
    j = it_gql_as("{ myAddresses { city streetAddress } }", NULL, bearer);
    CU_ASSERT_STRING_EQUAL(it_text_at(j, "myAddresses.0.city"), "Leeds");
    CU_ASSERT_STRING_EQUAL(it_text_at(j, "myAddresses.0.streetAddress"), "2 Mill Lane");
    json_object_put(j);
}

static CU_TestInfo tests[] = {
    { "pages carry the security headers", pages_carry_the_security_headers },
    { "a form POST needs the CSRF token", a_form_post_needs_the_csrf_token },
    { "a form POST from another origin is refused", a_form_post_from_another_origin_is_refused },
    { "sign-in by page opens a session the API lists",
      sign_in_by_page_opens_a_session_the_api_lists },
    { "GraphQL by cookie needs the CSRF header", graphql_by_cookie_needs_the_csrf_header },
    { "error pages come in the layout", error_pages_come_in_the_layout },
    { "signed-out visitors are sent to sign-in", signed_out_visitors_are_sent_to_sign_in },
    { "the password changes by page", the_password_changes_by_page },
    { "an address is edited by page", an_address_is_edited_by_page },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t5000_pages, "t5000/pages", NULL, NULL, tests);
