/*
 * t0800-apache.c: the same smoke checks through a private Apache 2.4 started with the
 * project's own configs in apache/: mod_proxy_fcgi (a spawn-fcgi pool), mod_fcgid, and the
 * shared-hosting .htaccess falling back to plain CGI.
 */
#include <stdio.h>
#include <string.h>

#include "lib/it.h"

static void smoke(const char *mode)
{
    int port = it_free_port();
    char args[128], base[128], url[256];
    snprintf(args, sizeof(args), "apache-start %s %d", mode, port);
    snprintf(base, sizeof(base), "http://127.0.0.1:%d", port);
    int rc = it_stack(args);
    CU_ASSERT_EQUAL(rc, 0);
    if (rc != 0) {
        it_stack("apache-stop");
        return;
    }
    struct it_response r;

    snprintf(url, sizeof(url), "%s/healthz", base);
    it_get(url, &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(it_body_has(&r, "\"database\":{\"status\":\"up\""));
    CU_ASSERT_STRING_EQUAL(it_header(&r, "X-Frame-Options"), "DENY");
    it_response_release(&r);

    snprintf(url, sizeof(url), "%s/robots.txt", base);
    it_get(url, &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_PTR_NULL(it_header(&r, "X-Request-Id"));
    it_response_release(&r);

    snprintf(url, sizeof(url), "%s/no/such/page", base);
    it_get(url, &r);
    CU_ASSERT_EQUAL(r.status, 404);
    CU_ASSERT_PTR_NOT_NULL(it_header(&r, "X-Request-Id"));
    it_response_release(&r);

    /* The path, query and a POST body reach the worker intact. */
    snprintf(url, sizeof(url), "%s/debug/request?x=1&y=a+b", base);
    const char *h[] = { "Content-Type: application/x-www-form-urlencoded", NULL };
    it_request("POST", url, h, "k=v%26w", 7, &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(it_body_has(&r, "\"path\":\"/debug/request\""));
    CU_ASSERT_TRUE(it_body_has(&r, "[\"y\",\"a b\"]"));
    CU_ASSERT_TRUE(it_body_has(&r, "[\"k\",\"v&w\"]"));
    it_response_release(&r);

    snprintf(url, sizeof(url), "%s/healthz", base);
    it_request("POST", url, NULL, "x", 1, &r);
    CU_ASSERT_EQUAL(r.status, 405);
    it_response_release(&r);

    CU_ASSERT_EQUAL(it_stack("apache-stop"), 0);
}

static void apache_with_mod_proxy_fcgi_serves_the_app(void)
{
    smoke("proxy");
}

static void apache_with_mod_fcgid_serves_the_app(void)
{
    smoke("fcgid");
}

static void apache_with_the_htaccess_serves_the_app_as_cgi(void)
{
    smoke("cgi");
}

static CU_TestInfo tests[] = {
    { "apache with mod_proxy_fcgi serves the app", apache_with_mod_proxy_fcgi_serves_the_app },
    { "apache with mod_fcgid serves the app", apache_with_mod_fcgid_serves_the_app },
    { "apache with the .htaccess serves the app as CGI",
      apache_with_the_htaccess_serves_the_app_as_cgi },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t0800_apache, "t0800/apache", NULL, NULL, tests);
