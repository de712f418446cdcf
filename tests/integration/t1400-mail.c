/*
 * t1400-mail.c: the mail outbox end to end. Jobs are queued through the domain API
 * (jobs_enqueue_mail, linked from libmarket) on a connection of the test's own, inside a real
 * transaction, as a mutation does; the stack's `market worker` (started by market-stack)
 * delivers them over SMTP to the sink of tests/run-tests, whose files the test reads back:
 * both MIME parts and the headers, HTML escaping, a temporary failure retried then delivered,
 * a permanent one dead with its reason, a rolled-back transaction sending nothing. Worker
 * processes of the test's own (on the market_test database, so the stack's worker cannot take
 * their jobs) show `--once`, the .eml outbox when mail.smtp_url is empty, and a clean stop on
 * SIGTERM. A sink of its own shows that the sink rejects out-of-order SMTP.
 */
#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "db/db.h"
#include "lib/it.h"
#include "market/jobs/jobs.h"

extern char **environ;

/* The stack's database (its worker delivers) and market_test (only our workers look). */
static struct config cfg_stack;
static struct config cfg_test;
static struct db *db_stack;
static struct db *db_test;
static struct arena *arena;
static char tmp_var[256];

static const char SQL_CLEAN[] = "DELETE FROM jobs";

static struct wm_ctx ctx_for(struct config *cfg, struct db *db)
{
    struct wm_ctx c = { .arena = arena, .config = cfg, .db = db, .req_id = "t1400" };
    return c;
}

static int suite_init(void)
{
    const char *path = getenv("MARKET_CONFIG");
    char err[512];
    if (!path || cfg_load(&cfg_stack, path, true, environ, err, sizeof(err)) != 0 ||
        cfg_load(&cfg_test, path, true, environ, err, sizeof(err)) != 0 ||
        cfg_set(&cfg_test, "db.name", "market_test", err, sizeof(err)) != 0) {
        fprintf(stderr, "t1400: cannot load MARKET_CONFIG: %s\n", path ? err : "not set");
        return 1;
    }
    arena = arena_new(0);
    db_open(&db_stack, &cfg_stack);
    db_open(&db_test, &cfg_test);
    struct wm_ctx c = ctx_for(&cfg_test, db_test);
    char dir[4096];
    snprintf(dir, sizeof(dir), "%s/sql/migrations", cfg_test.root_dir);
    if (db_migrate(&c, dir, NULL) != WM_OK || db_exec(&c, SQL_CLEAN, "") != WM_OK) {
        fprintf(stderr, "t1400: cannot prepare market_test: %s\n", c.err.message);
        return 1;
    }
    snprintf(tmp_var, sizeof(tmp_var), "%s/t1400-var-XXXXXX",
             getenv("MARKET_VAR") ? getenv("MARKET_VAR") : "/tmp");
    return mkdtemp(tmp_var) ? 0 : 1;
}

static int suite_clean(void)
{
    struct wm_ctx c = ctx_for(&cfg_test, db_test);
    (void)db_exec(&c, SQL_CLEAN, "");
    db_close(db_stack);
    db_close(db_test);
    arena_free(arena);
    cfg_release(&cfg_stack);
    cfg_release(&cfg_test);
    return 0;
}

/* A recipient address unique to this run: <prefix>-<pid>-<n>@example.com (static). */
static const char *address(const char *prefix)
{
    static char bufs[4][128];
    static unsigned seq;
    char *b = bufs[seq % 4];
    snprintf(b, sizeof(bufs[0]), "%s-%ld-%u@example.com", prefix, (long)getpid(), ++seq);
    return b;
}

/* Queue a mail in a committed (or, with rollback, rolled-back) transaction; returns its id. */
static int64_t enqueue(struct config *cfg, struct db *db, const char *to, const char *tmpl,
                       const char *const *vars, bool rollback)
{
    arena_reset(arena);
    struct wm_ctx c = ctx_for(cfg, db);
    int64_t id = 0;
    CU_ASSERT_EQUAL_FATAL(db_begin(&c), WM_OK);
    int rc = jobs_enqueue_mail(&c, to, tmpl, vars, &id);
    CU_ASSERT_EQUAL(rc, WM_OK);
    if (rc != WM_OK) printf("\n  enqueue: %s\n", c.err.message);
    CU_ASSERT(id > 0);
    if (rollback) {
        CU_ASSERT_EQUAL(db_rollback(&c), WM_OK);
    } else {
        CU_ASSERT_EQUAL(db_commit(&c), WM_OK);
        jobs_wake(cfg);
    }
    return id;
}

/* Poll job id until its state is want (or timeout_s); returns the last status (arena). */
static struct job_status wait_state(struct config *cfg, struct db *db, int64_t id, const char *want,
                                    double timeout_s)
{
    struct job_status st = { 0 };
    double deadline = it_now() + timeout_s;
    for (;;) {
        arena_reset(arena);
        struct wm_ctx c = ctx_for(cfg, db);
        int rc = jobs_get(&c, id, &st);
        if (rc == WM_OK && strcmp(st.state, want) == 0) return st;
        if (it_now() > deadline) {
            printf("\n  job %lld: state %s, want %s (last_error %s)\n", (long long)id,
                   rc == WM_OK ? st.state : "(none)", want,
                   rc == WM_OK && st.last_error ? st.last_error : "-");
            return st;
        }
        usleep(50 * 1000);
    }
}

static void test_a_mail_arrives_with_both_parts_and_escaped_html(void)
{
    const char *to = address("t1400-verify");
    static const char *const vars[] = { "name", "<script>alert(1)</script> & Jose", "link",
                                        "https://market.test/verify?t=ab12&u=7", NULL };
    int64_t id = enqueue(&cfg_stack, db_stack, to, "verify_email", vars, false);
    struct it_mail m;
    CU_ASSERT_FATAL(it_mail_wait(to, 15000, &m));
    CU_ASSERT_STRING_EQUAL(m.subject, "Confirm your email address for Wholesale Market");
    CU_ASSERT_STRING_EQUAL(m.envelope_from, "no-reply@wholesale-market.test");
    CU_ASSERT_PTR_NOT_NULL(strstr(m.envelope_to, to));
    const char *h = it_mail_header(&m, "From");
    CU_ASSERT(h && strcmp(h, "Wholesale Market <no-reply@wholesale-market.test>") == 0);
    h = it_mail_header(&m, "To");
    CU_ASSERT(h && strcmp(h, to) == 0);
    h = it_mail_header(&m, "Date");
    CU_ASSERT(h && strlen(h) == 31 && strcmp(h + 25, " +0000") == 0);
    h = it_mail_header(&m, "Message-ID");
    CU_ASSERT(h && h[0] == '<' && strstr(h, "@wholesale-market.test>"));
    h = it_mail_header(&m, "MIME-Version");
    CU_ASSERT(h && strcmp(h, "1.0") == 0);
    h = it_mail_header(&m, "Content-Type");
    CU_ASSERT(h && strncmp(h, "multipart/alternative; boundary=", 32) == 0);
    char want_job[32];
    snprintf(want_job, sizeof(want_job), "%lld", (long long)id);
    h = it_mail_header(&m, "X-Market-Job");
    CU_ASSERT(h && strcmp(h, want_job) == 0);
    CU_ASSERT_FATAL(m.text && m.html);
    CU_ASSERT_STRING_EQUAL(m.text_cte, "quoted-printable");
    CU_ASSERT_STRING_EQUAL(m.html_cte, "quoted-printable");
    /* Text: the values as given. HTML: escaped, so the name cannot inject markup. */
    CU_ASSERT_PTR_NOT_NULL(strstr(m.text, "Hello <script>alert(1)</script> & Jose,"));
    CU_ASSERT_PTR_NOT_NULL(strstr(m.text, "\nhttps://market.test/verify?t=ab12&u=7\n"));
    CU_ASSERT_PTR_NULL(strstr(m.html, "<script>"));
    CU_ASSERT_PTR_NOT_NULL(
            strstr(m.html, "Hello &lt;script&gt;alert(1)&lt;/script&gt; &amp; Jose,"));
    CU_ASSERT_PTR_NOT_NULL(strstr(m.html, "href=\"https://market.test/verify?t=ab12&amp;u=7\""));
    /* site.url of the test stack ends both bodies. */
    CU_ASSERT_PTR_NOT_NULL(strstr(m.text, it_base_url()));
    it_mail_release(&m);
    struct job_status st = wait_state(&cfg_stack, db_stack, id, "done", 10);
    CU_ASSERT_STRING_EQUAL(st.state, "done");
    CU_ASSERT_EQUAL(st.attempts, 1);
}

static void test_password_reset_template(void)
{
    const char *to = address("t1400-reset");
    static const char *const vars[] = {
        "name", "Rita", "link", "https://market.test/reset/xyz", "expires_minutes", "60", NULL
    };
    enqueue(&cfg_stack, db_stack, to, "password_reset", vars, false);
    struct it_mail m;
    CU_ASSERT_FATAL(it_mail_wait(to, 15000, &m));
    CU_ASSERT_STRING_EQUAL(m.subject, "Reset your Wholesale Market password");
    CU_ASSERT_PTR_NOT_NULL(m.text && strstr(m.text, "expires in 60 minutes"));
    CU_ASSERT_PTR_NOT_NULL(m.html && strstr(m.html, "href=\"https://market.test/reset/xyz\""));
    it_mail_release(&m);
}

static void test_a_temporary_failure_is_retried_then_delivered(void)
{
    const char *to = address("tempfail2-t1400"); /* the sink answers 451 twice */
    static const char *const vars[] = { "name", "Tom", "link", "https://market.test/v", NULL };
    int64_t id = enqueue(&cfg_stack, db_stack, to, "verify_email", vars, false);
    struct it_mail m;
    CU_ASSERT_FATAL(it_mail_wait(to, 20000, &m));
    it_mail_release(&m);
    struct job_status st = wait_state(&cfg_stack, db_stack, id, "done", 10);
    CU_ASSERT_STRING_EQUAL(st.state, "done");
    CU_ASSERT_EQUAL(st.attempts, 3);
    CU_ASSERT_EQUAL(it_mail_count(to), 0);
}

static void test_a_permanent_failure_is_dead_at_once(void)
{
    const char *to = address("reject-t1400"); /* the sink answers 550 */
    static const char *const vars[] = { "name", "Ray", "link", "https://market.test/v", NULL };
    int64_t id = enqueue(&cfg_stack, db_stack, to, "verify_email", vars, false);
    struct job_status st = wait_state(&cfg_stack, db_stack, id, "dead", 15);
    CU_ASSERT_STRING_EQUAL(st.state, "dead");
    CU_ASSERT_EQUAL(st.attempts, 1);
    CU_ASSERT_PTR_NOT_NULL(st.last_error && strstr(st.last_error, "550"));
    CU_ASSERT_EQUAL(it_mail_count(to), 0);
}

static void test_a_rolled_back_transaction_sends_nothing(void)
{
    const char *lost = address("t1400-rollback");
    static const char *const vars[] = { "name", "Rob", "link", "https://market.test/v", NULL };
    int64_t id = enqueue(&cfg_stack, db_stack, lost, "verify_email", vars, true);
    arena_reset(arena);
    struct wm_ctx c = ctx_for(&cfg_stack, db_stack);
    struct job_status st;
    CU_ASSERT_EQUAL(jobs_get(&c, id, &st), WM_ENOTFOUND);
    /* A mail committed afterwards arrives: the worker has looked at the queue since. */
    const char *kept = address("t1400-after-rollback");
    enqueue(&cfg_stack, db_stack, kept, "verify_email", vars, false);
    struct it_mail m;
    CU_ASSERT_FATAL(it_mail_wait(kept, 15000, &m));
    it_mail_release(&m);
    CU_ASSERT_EQUAL(it_mail_count(lost), 0);
}

/* The market binary of the stack under test. */
static const char *market_bin(void)
{
    const char *b = getenv("MARKET_BIN");
    return b && *b ? b : "build/debug/market";
}

static void test_worker_once_writes_eml_files_without_smtp_url(void)
{
    const char *to = address("t1400-outbox");
    static const char *const vars[] = { "name", "Olga", "link", "https://market.test/o?a=1&b=2",
                                        NULL };
    int64_t id = enqueue(&cfg_test, db_test, to, "verify_email", vars, false);
    int rc = it_sh("MARKET_DB_NAME=market_test MARKET_MAIL_SMTP_URL= MARKET_VAR='%s' '%s' "
                   "worker --once >>'%s/worker.log' 2>&1",
                   tmp_var, market_bin(), tmp_var);
    CU_ASSERT_EQUAL(rc, 0);
    struct job_status st = wait_state(&cfg_test, db_test, id, "done", 1);
    CU_ASSERT_STRING_EQUAL(st.state, "done");
    char dir[512];
    snprintf(dir, sizeof(dir), "%s/mail-outbox", tmp_var);
    DIR *d = opendir(dir);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    char suffix[64];
    snprintf(suffix, sizeof(suffix), "-job%lld.eml", (long long)id);
    char path[1024] = "";
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n > strlen(suffix) && strcmp(e->d_name + n - strlen(suffix), suffix) == 0)
            snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
    }
    closedir(d);
    CU_ASSERT_FATAL(path[0] != '\0');
    struct it_mail m;
    CU_ASSERT_FATAL(it_mail_parse_file(path, &m));
    const char *h = it_mail_header(&m, "To");
    CU_ASSERT(h && strcmp(h, to) == 0);
    CU_ASSERT_PTR_NOT_NULL(m.text && strstr(m.text, "https://market.test/o?a=1&b=2"));
    CU_ASSERT_PTR_NOT_NULL(m.html && strstr(m.html, "https://market.test/o?a=1&amp;b=2"));
    it_mail_release(&m);
    /* Nothing went to the SMTP sink. */
    CU_ASSERT_EQUAL(it_mail_count(to), 0);
}

static void test_worker_stops_cleanly_on_sigterm(void)
{
    pid_t pid = fork();
    CU_ASSERT_FATAL(pid >= 0);
    if (pid == 0) {
        setenv("MARKET_DB_NAME", "market_test", 1);
        setenv("MARKET_VAR", tmp_var, 1);
        char log[512];
        snprintf(log, sizeof(log), "%s/worker.log", tmp_var);
        if (!freopen(log, "a", stderr)) _exit(127);
        execl(market_bin(), market_bin(), "worker", (char *)NULL);
        _exit(127);
    }
    usleep(1500 * 1000); /* started, polling */
    int status = 0;
    CU_ASSERT_EQUAL(waitpid(pid, &status, WNOHANG), 0); /* still running */
    CU_ASSERT_EQUAL(kill(pid, SIGTERM), 0);
    double deadline = it_now() + 10;
    pid_t done = 0;
    while ((done = waitpid(pid, &status, WNOHANG)) == 0 && it_now() < deadline)
        usleep(20 * 1000);
    if (done == 0) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
    }
    CU_ASSERT_EQUAL(done, pid);
    CU_ASSERT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* Send lines to 127.0.0.1:port and read the replies (into out). */
static void smtp_talk(int port, const char *lines, char *out, size_t outlen)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    out[0] = '\0';
    if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0) {
        CU_ASSERT(send(fd, lines, strlen(lines), 0) == (ssize_t)strlen(lines));
        size_t len = 0;
        ssize_t n;
        struct timeval tv = { .tv_sec = 5 };
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
        while (len + 1 < outlen && (n = recv(fd, out + len, outlen - len - 1, 0)) > 0)
            len += (size_t)n;
        out[len] = '\0';
    }
    close(fd);
}

static void test_the_sink_is_strict(void)
{
    char bin[1024];
    snprintf(bin, sizeof(bin), "%s", market_bin());
    char *slash = strrchr(bin, '/');
    CU_ASSERT_FATAL(slash != NULL);
    snprintf(slash + 1, sizeof(bin) - (size_t)(slash + 1 - bin), "smtp-sink");
    CU_ASSERT_EQUAL_FATAL(it_sh("'%s' --dir '%s/sink' --port-file '%s/sink.port' --log "
                                "'%s/sink.log' </dev/null >/dev/null 2>&1 & echo $! >'%s/sink.pid'",
                                bin, tmp_var, tmp_var, tmp_var, tmp_var),
                          0);
    char path[512];
    snprintf(path, sizeof(path), "%s/sink.port", tmp_var);
    int port = 0;
    for (int i = 0; i < 100 && port == 0; i++) {
        FILE *f = fopen(path, "r");
        if (f) {
            if (fscanf(f, "%d", &port) != 1) port = 0;
            fclose(f);
        }
        if (port == 0) usleep(50 * 1000);
    }
    CU_ASSERT_FATAL(port > 0);
    char out[4096];
    smtp_talk(port,
              "MAIL FROM:<a@b.c>\r\nEHLO t\r\nRCPT TO:<x@y.z>\r\nMAIL FROM:<a@b.c>\r\nDATA\r\n"
              "NOOP\nQUIT\r\n",
              out, sizeof(out));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "503 5.5.1 EHLO first"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "503 5.5.1 MAIL first"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "503 5.5.1 no valid recipients"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "500 5.5.2 malformed line"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "221"));
    CU_ASSERT_EQUAL(it_sh("grep -c 'protocol error' '%s/sink.log' | grep -qx 4", tmp_var), 0);
    (void)it_sh("kill $(cat '%s/sink.pid')", tmp_var);
}

static CU_TestInfo tests[] = {
    { "a mail arrives with both parts, headers and escaped HTML",
      test_a_mail_arrives_with_both_parts_and_escaped_html },
    { "the password_reset template", test_password_reset_template },
    { "a temporary failure (451) is retried, then delivered",
      test_a_temporary_failure_is_retried_then_delivered },
    { "a permanent failure (550) is dead at once with last_error",
      test_a_permanent_failure_is_dead_at_once },
    { "a rolled-back transaction sends nothing", test_a_rolled_back_transaction_sends_nothing },
    { "worker --once writes .eml files when mail.smtp_url is empty",
      test_worker_once_writes_eml_files_without_smtp_url },
    { "the worker exits 0 on SIGTERM", test_worker_stops_cleanly_on_sigterm },
    { "the SMTP sink rejects and logs out-of-order SMTP", test_the_sink_is_strict },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t1400_mail, "t1400/mail", suite_init, suite_clean, tests);
