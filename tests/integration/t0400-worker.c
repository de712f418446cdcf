/*
 * t0400-worker.c: the worker binary outside lighttpd and the `market` command: plain CGI
 * mode (one request on stdin/stdout), its own FastCGI socket (--listen) spoken to by
 * cgi-fcgi, SIGTERM ending an idle worker cleanly, migrations being idempotent, and the
 * config printout masking secrets.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/it.h"

static const char *var(void)
{
    return getenv("MARKET_VAR");
}

/* Read a file under MARKET_VAR into b (heap). */
static void slurp(const char *name, struct buf *b)
{
    char path[1024];
    snprintf(path, sizeof(path), "%s/%s", var(), name);
    FILE *f = fopen(path, "rb");
    if (!f) return;
    char tmp[4096];
    size_t n;
    while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
        buf_append(b, tmp, n);
    fclose(f);
}

static void the_worker_answers_one_request_as_plain_cgi(void)
{
    int rc = it_sh("cd '%s' && env REQUEST_METHOD=GET REQUEST_URI=/healthz QUERY_STRING= "
                   "SERVER_PROTOCOL=HTTP/1.1 GATEWAY_INTERFACE=CGI/1.1 REMOTE_ADDR=127.0.0.1 "
                   "'%s' </dev/null >t0400-cgi.out 2>t0400-cgi.err",
                   var(), getenv("MARKET_FCGI"));
    CU_ASSERT_EQUAL(rc, 0);
    struct buf out = BUF_INIT(NULL);
    slurp("t0400-cgi.out", &out);
    CU_ASSERT_TRUE(strncmp(out.ptr, "Status: 200 OK\r\n", 16) == 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out.ptr, "\"database\":{\"status\":\"up\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(out.ptr, "X-Content-Type-Options: nosniff\r\n"));
    buf_release(&out);
}

static void sigterm_ends_a_listening_worker_cleanly(void)
{
    /* Serve one request over our own socket, then SIGTERM: exit status 0, no leak report. */
    int rc = it_sh(
            "cd '%s' && rm -f run/t0400.sock && { '%s' --listen run/t0400.sock 2>t0400-fcgi.err & "
            "pid=$!; for i in $(seq 50); do [ -S run/t0400.sock ] && break; sleep 0.1; done; "
            "env REQUEST_METHOD=GET REQUEST_URI=/healthz SERVER_PROTOCOL=HTTP/1.1 "
            "cgi-fcgi -bind -connect run/t0400.sock >t0400-fcgi.out; "
            "kill -TERM $pid; wait $pid; }",
            var(), getenv("MARKET_FCGI"));
    CU_ASSERT_EQUAL(rc, 0);
    struct buf out = BUF_INIT(NULL);
    slurp("t0400-fcgi.out", &out);
    CU_ASSERT_PTR_NOT_NULL(strstr(out.ptr, "Status: 200 OK"));
    buf_release(&out);
    struct buf err = BUF_INIT(NULL);
    slurp("t0400-fcgi.err", &err);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.ptr, "worker exiting"));
    CU_ASSERT_PTR_NULL(strstr(err.ptr, "Sanitizer"));
    buf_release(&err);
}

static void migrate_twice_applies_nothing_the_second_time(void)
{
    int rc = it_sh("cd '%s' && '%s' migrate >t0400-migrate.out 2>&1", var(), getenv("MARKET_BIN"));
    CU_ASSERT_EQUAL(rc, 0);
    struct buf out = BUF_INIT(NULL);
    slurp("t0400-migrate.out", &out);
    CU_ASSERT_PTR_NOT_NULL(strstr(out.ptr, "migrate: 0 migrations applied"));
    buf_release(&out);
}

static void config_printout_masks_the_database_password(void)
{
    int rc = it_sh("cd '%s' && '%s' config >t0400-config.out 2>&1", var(), getenv("MARKET_BIN"));
    CU_ASSERT_EQUAL(rc, 0);
    struct buf out = BUF_INIT(NULL), conf = BUF_INIT(NULL);
    slurp("t0400-config.out", &out);
    slurp("market.conf", &conf);
    const char *pw = strstr(conf.ptr, "db.password = ");
    CU_ASSERT_PTR_NOT_NULL(pw);
    if (pw) {
        char secret[128];
        CU_ASSERT_EQUAL(sscanf(pw, "db.password = %127s", secret), 1);
        CU_ASSERT_PTR_NULL(strstr(out.ptr, secret));
    }
    CU_ASSERT_PTR_NOT_NULL(strstr(out.ptr, "db.name = market"));
    buf_release(&out);
    buf_release(&conf);
}

static void an_unknown_config_key_stops_the_command_with_its_line(void)
{
    int rc = it_sh("cd '%s' && printf 'db.name = market\\ndb.sockett = x\\n' >bad.conf && "
                   "MARKET_CONFIG=bad.conf '%s' config >t0400-bad.out 2>&1",
                   var(), getenv("MARKET_BIN"));
    CU_ASSERT_NOT_EQUAL(rc, 0);
    struct buf out = BUF_INIT(NULL);
    slurp("t0400-bad.out", &out);
    CU_ASSERT_PTR_NOT_NULL(strstr(out.ptr, "bad.conf:2"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out.ptr, "db.sockett"));
    buf_release(&out);
}

static void the_demo_accounts_exist_and_sign_in(void)
{
    /* make start seeded them on the stack's first run; a second seed leaves them alone. */
    int rc = it_sh("cd '%s' && '%s' seed --if-empty >t0400-seed.out 2>&1 && "
                   "[ \"$(stat -c %%a demo-logins.txt)\" = 600 ]",
                   var(), getenv("MARKET_BIN"));
    CU_ASSERT_EQUAL(rc, 0);
    struct buf out = BUF_INIT(NULL);
    slurp("t0400-seed.out", &out);
    CU_ASSERT_PTR_NOT_NULL(strstr(out.ptr, "nothing to do"));
    buf_release(&out);
    struct buf list = BUF_INIT(NULL);
    slurp("demo-logins.txt", &list);
    char email[128], password[64];
    const char *line = strstr(list.ptr, "\nbuyer ");
    CU_ASSERT_PTR_NOT_NULL_FATAL(line);
    CU_ASSERT_EQUAL_FATAL(sscanf(line + 1, "buyer %127s %63s", email, password), 2);
    char body[512];
    snprintf(body, sizeof(body),
             "{\"query\":\"mutation { login(email: \\\"%s\\\", password: \\\"%s\\\") "
             "{ token user { accountType } } }\"}",
             email, password);
    const char *h[] = { "Content-Type: application/json", NULL };
    struct it_response r;
    it_request("POST", "/graphql/", h, body, strlen(body), &r);
    CU_ASSERT_TRUE(it_body_has(&r, "\"accountType\":\"CUSTOMER\""));
    CU_ASSERT_FALSE(it_body_has(&r, "\"errors\""));
    it_response_release(&r);
    buf_release(&list);
}

static CU_TestInfo tests[] = {
    { "the demo accounts exist and sign in", the_demo_accounts_exist_and_sign_in },
    { "the worker answers one request as plain CGI", the_worker_answers_one_request_as_plain_cgi },
    { "SIGTERM ends a listening worker cleanly", sigterm_ends_a_listening_worker_cleanly },
    { "migrate twice applies nothing the second time",
      migrate_twice_applies_nothing_the_second_time },
    { "config printout masks the database password", config_printout_masks_the_database_password },
    { "an unknown config key stops the command with its line",
      an_unknown_config_key_stops_the_command_with_its_line },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t0400_worker, "t0400/worker", NULL, NULL, tests);
