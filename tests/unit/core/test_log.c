/*
 * test_log.c: unit tests for src/core/log.c. stderr is redirected into a pipe around each call
 * so the exact bytes of a line can be checked: field order, escaping, the raw "@" form,
 * truncation, level filtering, and that lines from several processes never interleave.
 */
#include "core/log.h"

#include <errno.h>
#include <regex.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "test.h"

struct capture {
    int saved_fd; /* the real stderr while captured */
    int read_fd;  /* the pipe's read end */
};

static void capture_begin(struct capture *c)
{
    int p[2];
    CU_ASSERT_FATAL(pipe(p) == 0);
    fflush(stderr);
    c->saved_fd = dup(STDERR_FILENO);
    CU_ASSERT_FATAL(c->saved_fd >= 0);
    CU_ASSERT_FATAL(dup2(p[1], STDERR_FILENO) == STDERR_FILENO);
    close(p[1]);
    c->read_fd = p[0];
}

/* Restore stderr and return everything written meanwhile (static buffer, NUL-terminated). */
static const char *capture_end(struct capture *c, size_t *len_out)
{
    static char out[3 * LOG_LINE_MAX];
    dup2(c->saved_fd, STDERR_FILENO);
    close(c->saved_fd);
    size_t len = 0;
    for (;;) {
        ssize_t n = read(c->read_fd, out + len, sizeof(out) - 1 - len);
        if (n <= 0) break;
        len += (size_t)n;
    }
    close(c->read_fd);
    out[len] = '\0';
    if (len_out) *len_out = len;
    return out;
}

/* The part of a line after "ts=... " once the timestamp has the documented shape. */
static const char *after_ts(const char *line)
{
    regex_t re;
    int rc = regcomp(&re, "^ts=[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z ",
                     REG_EXTENDED | REG_NOSUB);
    CU_ASSERT_FATAL(rc == 0);
    rc = regexec(&re, line, 0, NULL, 0);
    regfree(&re);
    CU_ASSERT(rc == 0);
    if (rc != 0) return "";
    return strchr(line, ' ') + 1;
}

static int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

static bool ends_with(const char *s, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

static void reset_state(void)
{
    log_set_level(LOG_LEVEL_INFO);
    log_set_request(NULL);
    log_set_program(NULL);
}

static int suite_clean(void)
{
    reset_state();
    return 0;
}

static void test_default_level_is_info(void)
{
    CU_ASSERT_EQUAL(log_current_level, LOG_LEVEL_INFO);
}

static void test_line_has_fields_in_order(void)
{
    struct capture c;
    char want[256];
    log_set_program("market");
    log_set_request("ab12cd");
    capture_begin(&c);
    int line = __LINE__ + 1;
    log_info("hello %d", 42);
    const char *out = capture_end(&c, NULL);
    snprintf(want, sizeof(want),
             "level=info prog=market req=ab12cd src=test_log.c:%d msg=\"hello 42\"\n", line);
    CU_ASSERT_STRING_EQUAL(after_ts(out), want);
    reset_state();
}

static void test_timestamp_is_utc_now(void)
{
    struct capture c;
    time_t before = time(NULL);
    capture_begin(&c);
    log_warn("tick");
    const char *out = capture_end(&c, NULL);
    time_t after = time(NULL);
    struct tm tm;
    int ms = -1;
    memset(&tm, 0, sizeof(tm));
    CU_ASSERT_EQUAL_FATAL(sscanf(out, "ts=%4d-%2d-%2dT%2d:%2d:%2d.%3dZ", &tm.tm_year, &tm.tm_mon,
                                 &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &ms),
                          7);
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    time_t t = timegm(&tm);
    CU_ASSERT(t >= before && t <= after);
    CU_ASSERT(ms >= 0 && ms <= 999);
}

static void test_prog_and_req_are_left_out_when_unset(void)
{
    struct capture c;
    char want[128];
    capture_begin(&c);
    int line = __LINE__ + 1;
    log_error("boom");
    const char *out = capture_end(&c, NULL);
    snprintf(want, sizeof(want), "level=error src=test_log.c:%d msg=\"boom\"\n", line);
    CU_ASSERT_STRING_EQUAL(after_ts(out), want);
}

static void test_src_is_the_basename_and_line(void)
{
    struct capture c;
    capture_begin(&c);
    log_write(LOG_LEVEL_WARN, "/a/b/src/market/orders/orders_db.c", 88, "x");
    log_write(LOG_LEVEL_WARN, "plain.c", 1, "x");
    log_write(LOG_LEVEL_WARN, NULL, 0, "x");
    const char *out = capture_end(&c, NULL);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, " src=orders_db.c:88 msg=\"x\"\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, " src=plain.c:1 msg=\"x\"\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, " src=unknown:0 msg=\"x\"\n"));
}

static void test_quotes_backslashes_and_newlines_are_escaped(void)
{
    struct capture c;
    size_t len;
    capture_begin(&c);
    log_info("say \"%s\" \\ %s", "hi", "two\nlines\r\tend");
    const char *out = capture_end(&c, &len);
    CU_ASSERT_STRING_EQUAL(strstr(out, " msg="),
                           " msg=\"say \\\"hi\\\" \\\\ two\\nlines\\r\\tend\"\n");
    CU_ASSERT_PTR_EQUAL(strchr(out, '\n'), out + len - 1);
}

static void test_a_forged_field_stays_inside_the_quotes(void)
{
    struct capture c;
    const char *evil = "x\" level=error req=evil\nts=2000-01-01T00:00:00.000Z level=error msg=\"y";
    capture_begin(&c);
    log_info("login failed for %s", evil);
    const char *out = capture_end(&c, NULL);
    CU_ASSERT_STRING_EQUAL(strstr(out, " msg="),
                           " msg=\"login failed for x\\\" level=error req=evil\\nts=2000-01-01T00:"
                           "00:00.000Z level=error msg=\\\"y\"\n");
    /* Only the two quotes around msg are unescaped, and no field precedes it but ours. */
    int quotes = 0;
    for (const char *p = out; *p; p++)
        quotes += *p == '"' && p[-1] != '\\';
    CU_ASSERT_EQUAL(quotes, 2);
    CU_ASSERT_EQUAL(count_lines(out), 1);
    const char *req = strstr(out, "req=");
    CU_ASSERT(req == NULL || req > strstr(out, " msg="));
}

static void test_control_bytes_and_invalid_utf8_are_hex_escaped(void)
{
    struct capture c;
    capture_begin(&c);
    /* ESC, BEL, DEL, valid é € and U+1F600, then a lone 0xff, a truncated sequence, an
     * overlong '/' and a UTF-16 surrogate. */
    log_info("\x1b[31m\a\x7f \xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xff \xe2\x82 \xc0\xaf "
             "\xed\xa0\x80");
    const char *out = capture_end(&c, NULL);
    CU_ASSERT_STRING_EQUAL(strstr(out, " msg="),
                           " msg=\"\\x1b[31m\\x07\\x7f \xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 "
                           "\\xff \\xe2\\x82 \\xc0\\xaf \\xed\\xa0\\x80\"\n");
}

static int evaluations;

static int count(void)
{
    return ++evaluations;
}

static void test_filtered_levels_do_not_evaluate_arguments(void)
{
    struct capture c;
    evaluations = 0;
    capture_begin(&c);
    log_debug("%d", count());
    log_set_level(LOG_LEVEL_ERROR);
    log_info("%d", count());
    log_warn("%d", count());
    log_error("%d", count());
    const char *out = capture_end(&c, NULL);
    CU_ASSERT_EQUAL(evaluations, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "level=error "));
    CU_ASSERT_EQUAL(count_lines(out), 1);
    reset_state();
}

static void test_each_macro_writes_its_level_name(void)
{
    struct capture c;
    log_set_level(LOG_LEVEL_DEBUG);
    capture_begin(&c);
    log_error("a");
    log_warn("b");
    log_info("c");
    log_debug("d");
    const char *out = capture_end(&c, NULL);
    const char *e = strstr(out, "level=error ");
    const char *w = strstr(out, "level=warn ");
    const char *i = strstr(out, "level=info ");
    const char *d = strstr(out, "level=debug ");
    CU_ASSERT(e && w && i && d && e < w && w < i && i < d);
    reset_state();
}

static void test_at_format_is_written_raw_after_src(void)
{
    struct capture c;
    char want[128];
    log_set_request("r1");
    capture_begin(&c);
    int line = __LINE__ + 1;
    log_info("@status=%d dur_ms=%.2f path=\"%s\"", 200, 1.5, "/cart");
    const char *out = capture_end(&c, NULL);
    snprintf(want, sizeof(want),
             "level=info req=r1 src=test_log.c:%d status=200 dur_ms=1.50 path=\"/cart\"\n", line);
    CU_ASSERT_STRING_EQUAL(after_ts(out), want);
    reset_state();
}

static void test_at_format_still_cannot_split_the_line(void)
{
    struct capture c;
    char want[64];
    capture_begin(&c);
    log_info("@ a=%s b=1", "x\ny\rz\x01");
    int line = __LINE__ + 1;
    log_info("@");
    const char *out = capture_end(&c, NULL);
    CU_ASSERT_EQUAL(count_lines(out), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, " src=test_log.c:"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, " a=x\\ny\\rz\\x01 b=1\n"));
    /* "@" alone: the line ends right after src. */
    snprintf(want, sizeof(want), " src=test_log.c:%d\n", line);
    const char *second = strchr(out, '\n') + 1;
    CU_ASSERT_STRING_EQUAL(strstr(second, " src="), want);
}

static void test_text_starting_with_at_through_percent_s_stays_quoted(void)
{
    struct capture c;
    capture_begin(&c);
    log_info("%s", "@level=error req=forged");
    const char *out = capture_end(&c, NULL);
    CU_ASSERT_STRING_EQUAL(strstr(out, " msg="), " msg=\"@level=error req=forged\"\n");
}

static void test_a_long_message_is_cut_and_marked(void)
{
    struct capture c;
    size_t len;
    char *big = malloc(20000);
    memset(big, 'a', 19999);
    big[19999] = '\0';
    capture_begin(&c);
    log_info("%s", big);
    const char *out = capture_end(&c, &len);
    CU_ASSERT(len <= LOG_LINE_MAX);
    CU_ASSERT(len > LOG_LINE_MAX - 32);
    CU_ASSERT(ends_with(out, len, "aaaa\" truncated=true\n"));
    CU_ASSERT_PTR_EQUAL(strchr(out, '\n'), out + len - 1);

    capture_begin(&c);
    log_info("@k=%s", big);
    out = capture_end(&c, &len);
    CU_ASSERT(len <= LOG_LINE_MAX);
    CU_ASSERT(ends_with(out, len, "aaaa truncated=true\n"));
    free(big);
}

static void test_a_message_that_just_fits_is_not_marked(void)
{
    struct capture c;
    capture_begin(&c);
    log_info("short");
    const char *out = capture_end(&c, NULL);
    CU_ASSERT_PTR_NULL(strstr(out, "truncated"));
}

/* True when s (n bytes) is valid UTF-8. */
static bool valid_utf8(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t k = s[i] < 0x80 ? 1 : s[i] < 0xe0 ? 2 : s[i] < 0xf0 ? 3 : 4;
        if (i + k > n) return false;
        for (size_t j = 1; j < k; j++)
            if ((s[i + j] & 0xc0) != 0x80) return false;
        i += k;
    }
    return true;
}

static void test_cutting_never_splits_a_character_or_an_escape(void)
{
    /* Shift the cut point through every offset of a 2-byte character, a 4-byte one and the
     * two-byte escape \" so that each is tried at the edge. */
    for (int pad = 0; pad < 8; pad++) {
        for (int kind = 0; kind < 3; kind++) {
            static const char *const units[] = { "\xc3\xa9", "\xf0\x9f\x98\x80", "\"" };
            char *msg = malloc(9000);
            size_t n = 0;
            for (int i = 0; i < pad; i++)
                msg[n++] = 'p';
            while (n + 4 < 8999)
                for (const char *u = units[kind]; *u; u++)
                    msg[n++] = *u;
            msg[n] = '\0';
            struct capture c;
            size_t len;
            capture_begin(&c);
            log_info("%s", msg);
            const char *out = capture_end(&c, &len);
            free(msg);
            const char *tail = "\" truncated=true\n";
            CU_ASSERT_FATAL(len > strlen(tail));
            CU_ASSERT_STRING_EQUAL(out + len - strlen(tail), tail);
            const char *body = strstr(out, "msg=\"") + 5;
            size_t body_len = (size_t)(out + len - strlen(tail) - body);
            CU_ASSERT(valid_utf8((const unsigned char *)body, body_len));
            size_t slashes = 0;
            while (slashes < body_len && body[body_len - 1 - slashes] == '\\')
                slashes++;
            CU_ASSERT_EQUAL(slashes % 2, 0);
        }
    }
}

static void test_lines_from_concurrent_processes_never_interleave(void)
{
    enum { CHILDREN = 3, LINES = 200 };
    int p[2];
    CU_ASSERT_FATAL(pipe(p) == 0);
    fflush(stderr);
    pid_t pids[CHILDREN];
    for (int k = 0; k < CHILDREN; k++) {
        pids[k] = fork();
        CU_ASSERT_FATAL(pids[k] >= 0);
        if (pids[k] == 0) {
            close(p[0]);
            dup2(p[1], STDERR_FILENO);
            char fill[3000];
            memset(fill, 'a' + k, sizeof(fill) - 1);
            fill[sizeof(fill) - 1] = '\0';
            for (int i = 0; i < LINES; i++)
                log_info("child=%d i=%d %s", k, i, fill);
            _exit(0);
        }
    }
    close(p[1]);
    size_t cap = (size_t)CHILDREN * LINES * 3200;
    char *all = malloc(cap + 1);
    size_t len = 0;
    ssize_t n;
    while ((n = read(p[0], all + len, cap - len)) > 0)
        len += (size_t)n;
    close(p[0]);
    all[len] = '\0';
    for (int k = 0; k < CHILDREN; k++) {
        int status;
        waitpid(pids[k], &status, 0);
        CU_ASSERT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    int lines = 0;
    bool intact = true;
    for (char *line = all; *line;) {
        char *end = strchr(line, '\n');
        CU_ASSERT_FATAL(end != NULL);
        *end = '\0';
        int child = -1;
        int i = -1;
        const char *m = strstr(line, "msg=\"child=");
        if (strncmp(line, "ts=", 3) != 0 || !m || sscanf(m, "msg=\"child=%d i=%d", &child, &i) != 2)
            intact = false;
        else {
            const char *fill = strchr(strchr(m, ' ') + 1, ' ') + 1;
            intact = intact && strspn(fill, (char[]){ (char)('a' + child), '\0' }) == 2999 &&
                     strcmp(fill + 2999, "\"") == 0;
        }
        lines++;
        line = end + 1;
    }
    CU_ASSERT(intact);
    CU_ASSERT_EQUAL(lines, CHILDREN * LINES);
    free(all);
}

static void test_errno_is_preserved(void)
{
    struct capture c;
    capture_begin(&c);
    errno = EACCES;
    log_info("x");
    int saved = errno;
    capture_end(&c, NULL);
    CU_ASSERT_EQUAL(saved, EACCES);
}

static void test_level_names_parse_exactly(void)
{
    CU_ASSERT_EQUAL(log_level_parse("error"), LOG_LEVEL_ERROR);
    CU_ASSERT_EQUAL(log_level_parse("warn"), LOG_LEVEL_WARN);
    CU_ASSERT_EQUAL(log_level_parse("info"), LOG_LEVEL_INFO);
    CU_ASSERT_EQUAL(log_level_parse("debug"), LOG_LEVEL_DEBUG);
    CU_ASSERT_EQUAL(log_level_parse("INFO"), -1);
    CU_ASSERT_EQUAL(log_level_parse("warning"), -1);
    CU_ASSERT_EQUAL(log_level_parse("info "), -1);
    CU_ASSERT_EQUAL(log_level_parse(""), -1);
    CU_ASSERT_EQUAL(log_level_parse(NULL), -1);
    CU_ASSERT_STRING_EQUAL(log_level_name(LOG_LEVEL_WARN), "warn");
    CU_ASSERT_STRING_EQUAL(log_level_name((enum log_level)7), "?");
    CU_ASSERT_STRING_EQUAL(log_level_name((enum log_level) - 1), "?");
}

static void test_set_level_changes_the_current_level(void)
{
    log_set_level(LOG_LEVEL_DEBUG);
    CU_ASSERT_EQUAL(log_current_level, LOG_LEVEL_DEBUG);
    log_set_level(LOG_LEVEL_ERROR);
    CU_ASSERT_EQUAL(log_current_level, LOG_LEVEL_ERROR);
    reset_state();
}

static void test_unsafe_prog_and_req_are_quoted(void)
{
    struct capture c;
    log_set_program("my prog");
    log_set_request("a\"b\nc");
    capture_begin(&c);
    log_info("m");
    const char *out = capture_end(&c, NULL);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, " level=info prog=\"my prog\" req=\"a\\\"b\\nc\" src="));
    log_set_request("");
    capture_begin(&c);
    log_info("m");
    out = capture_end(&c, NULL);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, " req=\"\" src="));
    reset_state();
}

static void test_an_empty_message_writes_an_empty_msg(void)
{
    struct capture c;
    capture_begin(&c);
    log_info("%s", "");
    const char *out = capture_end(&c, NULL);
    CU_ASSERT_STRING_EQUAL(strstr(out, " msg="), " msg=\"\"\n");
}

static CU_TestInfo tests[] = {
    { "the default level is info", test_default_level_is_info },
    { "a line has ts, level, prog, req, src and msg in that order", test_line_has_fields_in_order },
    { "the timestamp is UTC with milliseconds and close to now", test_timestamp_is_utc_now },
    { "prog and req are left out when unset", test_prog_and_req_are_left_out_when_unset },
    { "src is the basename of the file and the line", test_src_is_the_basename_and_line },
    { "quotes, backslashes and newlines are escaped",
      test_quotes_backslashes_and_newlines_are_escaped },
    { "a forged field stays inside the quotes", test_a_forged_field_stays_inside_the_quotes },
    { "control bytes and invalid utf-8 are hex-escaped, valid utf-8 is kept",
      test_control_bytes_and_invalid_utf8_are_hex_escaped },
    { "filtered levels do not evaluate their arguments",
      test_filtered_levels_do_not_evaluate_arguments },
    { "each macro writes its level name", test_each_macro_writes_its_level_name },
    { "an @ format is written raw after src", test_at_format_is_written_raw_after_src },
    { "an @ format still cannot split the line", test_at_format_still_cannot_split_the_line },
    { "text starting with @ through %s stays quoted",
      test_text_starting_with_at_through_percent_s_stays_quoted },
    { "a long message is cut at LOG_LINE_MAX and marked", test_a_long_message_is_cut_and_marked },
    { "a short message is not marked truncated", test_a_message_that_just_fits_is_not_marked },
    { "cutting never splits a character or an escape",
      test_cutting_never_splits_a_character_or_an_escape },
    { "lines from concurrent processes never interleave",
      test_lines_from_concurrent_processes_never_interleave },
    { "errno is preserved across a call", test_errno_is_preserved },
    { "level names parse exactly", test_level_names_parse_exactly },
    { "log_set_level changes the current level", test_set_level_changes_the_current_level },
    { "unsafe prog and req values are quoted", test_unsafe_prog_and_req_are_quoted },
    { "an empty message writes an empty msg", test_an_empty_message_writes_an_empty_msg },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(core_log, "core/log", NULL, suite_clean, tests);
