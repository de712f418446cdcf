/*
 * test_mime.c: the outgoing message of the mail worker (src/worker/mime.c): quoted-printable
 * line lengths, escapes and soft breaks, RFC 2047 encoded-words that never split a UTF-8
 * character, header injection through CR/LF, RFC 5322 dates, From parsing, the whole
 * multipart/alternative message; and ClearSilver rendering of the shipped templates (HTML
 * escaped, text raw).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "test.h"
#include "worker/worker_int.h"

extern char **environ;

static struct arena *arena;
static struct config cfg;
static struct wm_ctx ctx;

static int suite_init(void)
{
    char err[256];
    if (cfg_load(&cfg, NULL, false, environ, err, sizeof(err)) != 0) {
        fprintf(stderr, "worker/mime: %s\n", err);
        return 1;
    }
    arena = arena_new(0);
    ctx = (struct wm_ctx){ .arena = arena, .config = &cfg, .req_id = "test" };
    return 0;
}

static int suite_clean(void)
{
    arena_free(arena);
    cfg_release(&cfg);
    return 0;
}

static char *qp(const char *s)
{
    struct buf b = BUF_INIT(arena);
    mime_qp_encode(&b, s, strlen(s));
    return b.ptr;
}

static int hexval(char c)
{
    return c >= 'A' ? c - 'A' + 10 : c - '0';
}

/* Undo quoted-printable (CRLF becomes LF) to compare with the input. */
static char *unqp(const char *s)
{
    char *out = arena_alloc(arena, strlen(s) + 1);
    size_t o = 0;
    for (size_t i = 0; s[i]; i++) {
        if (s[i] == '=' && s[i + 1] == '\r' && s[i + 2] == '\n') {
            i += 2;
        } else if (s[i] == '=') {
            out[o++] = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
            i += 2;
        } else if (s[i] == '\r' && s[i + 1] == '\n') {
            out[o++] = '\n';
            i++;
        } else {
            out[o++] = s[i];
        }
    }
    out[o] = '\0';
    return out;
}

/* Longest line (CRLF excluded) of s. */
static size_t longest_line(const char *s)
{
    size_t best = 0;
    for (const char *p = s; *p;) {
        const char *e = strstr(p, "\r\n");
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n > best) best = n;
        if (!e) break;
        p = e + 2;
    }
    return best;
}

static void test_qp_escapes(void)
{
    CU_ASSERT_STRING_EQUAL(qp("a=b"), "a=3Db");
    CU_ASSERT_STRING_EQUAL(qp("caf\xc3\xa9"), "caf=C3=A9");
    CU_ASSERT_STRING_EQUAL(qp("end \nnext\t"), "end=20\r\nnext=09");
    CU_ASSERT_STRING_EQUAL(qp("a\r\nb\nc"), "a\r\nb\r\nc");
    CU_ASSERT_STRING_EQUAL(qp(".\n.x"), "=2E\r\n=2Ex");
    CU_ASSERT_STRING_EQUAL(qp("<p class=\"x\">"), "<p class=3D\"x\">");
    CU_ASSERT_STRING_EQUAL(qp("tab\tin"), "tab\tin");
}

static void test_qp_lines_stay_within_76(void)
{
    char long_text[1200];
    size_t n = 0;
    for (int i = 0; i < 300; i++) {
        const char *piece = (i % 7 == 0) ? "\xc3\xa9" : (i % 11 == 0) ? " = " : "ab";
        size_t k = strlen(piece);
        memcpy(long_text + n, piece, k);
        n += k;
    }
    long_text[n] = '\0';
    char *enc = qp(long_text);
    CU_ASSERT(longest_line(enc) <= 76);
    CU_ASSERT_STRING_EQUAL(unqp(enc), long_text);
    for (const char *p = enc; *p; p++) /* only printable ASCII and CRLF */
        CU_ASSERT((*p >= 32 && *p < 127) || *p == '\r' || *p == '\n');
    char a100[101];
    memset(a100, 'a', 100);
    a100[100] = '\0';
    enc = qp(a100);
    CU_ASSERT_EQUAL(strlen(enc), 100 + 3); /* one soft break */
    CU_ASSERT_EQUAL(strstr(enc, "=\r\n") - enc, 75);
}

static char *header(const char *name, const char *value)
{
    struct buf b = BUF_INIT(arena);
    mime_header_text(&b, name, value);
    return b.ptr;
}

static void test_header_ascii_and_injection(void)
{
    CU_ASSERT_STRING_EQUAL(header("Subject", "Hello there"), "Subject: Hello there\r\n");
    CU_ASSERT_STRING_EQUAL(header("Subject", "Hi\r\nBcc: victim@x.test"),
                           "Subject: Hi  Bcc: victim@x.test\r\n");
}

static void test_header_non_ascii_encoded_words(void)
{
    CU_ASSERT_STRING_EQUAL(header("Subject", "Gr\xc3\xbc\xc3\x9f"
                                             "e aus M\xc3\xbcnchen"),
                           "Subject: =?UTF-8?B?R3LDvMOfZSBhdXMgTcO8bmNoZW4=?=\r\n");
    /* 60 two-byte characters: several words, each at most 75 characters, none splitting one. */
    char value[200] = "";
    for (int i = 0; i < 60; i++)
        strcat(value, "\xc3\xa9");
    char *h = header("Subject", value);
    CU_ASSERT(longest_line(h) <= 9 + 75);
    int words = 0;
    for (const char *p = strstr(h, "=?UTF-8?B?"); p; p = strstr(p + 1, "=?UTF-8?B?")) {
        const char *end = strstr(p, "?=");
        CU_ASSERT_FATAL(end != NULL);
        CU_ASSERT((size_t)(end + 2 - p) <= 75);
        /* 45 bytes = 60 base64 characters; an even byte count keeps é whole */
        size_t b64 = (size_t)(end - p) - 10;
        size_t bytes = b64 / 4 * 3 - (end[-1] == '=') - (end[-2] == '=');
        CU_ASSERT_EQUAL(bytes % 2, 0);
        words++;
    }
    CU_ASSERT_EQUAL(words, 3); /* 120 bytes: 44 + 44 + 32 */
    CU_ASSERT_PTR_NOT_NULL(strstr(h, "?=\r\n =?UTF-8?B?"));
}

static void test_date(void)
{
    char d[32];
    mime_date(d, 0);
    CU_ASSERT_STRING_EQUAL(d, "Thu, 01 Jan 1970 00:00:00 +0000");
    mime_date(d, 1772532245);
    CU_ASSERT_STRING_EQUAL(d, "Tue, 03 Mar 2026 10:04:05 +0000");
}

static void test_from_address(void)
{
    char *name = NULL;
    CU_ASSERT_STRING_EQUAL(mime_from_address(&ctx, "Wholesale Market <no-reply@x.test>", &name),
                           "no-reply@x.test");
    CU_ASSERT_STRING_EQUAL(name, "Wholesale Market");
    CU_ASSERT_STRING_EQUAL(mime_from_address(&ctx, " a@b.test ", &name), "a@b.test");
    CU_ASSERT_STRING_EQUAL(name, "");
    CU_ASSERT_STRING_EQUAL(mime_from_address(&ctx, "\"Q, Ltd\" <a@b.test>", &name), "a@b.test");
    CU_ASSERT_STRING_EQUAL(name, "Q, Ltd");
    CU_ASSERT_PTR_NULL(mime_from_address(&ctx, "nobody", NULL));
    CU_ASSERT_PTR_NULL(mime_from_address(&ctx, "X <a@b.test> junk", NULL));
    CU_ASSERT_PTR_NULL(mime_from_address(&ctx, "X <a@b.test", NULL));
    CU_ASSERT_PTR_NULL(mime_from_address(&ctx, "X <a b@c.test>", NULL));
}

static struct mail_message message(void)
{
    struct mail_message m = {
        .from = "Wholesale Market <no-reply@market.test>",
        .to = "jose@example.com",
        .subject = "Welcome",
        .text = "Hi =\n",
        .html = "<p>Hi</p>",
        .date = 1772532245,
        .message_id = "abc.7@market.test",
        .boundary = "=_wm_b0",
        .job_id = 7,
    };
    return m;
}

static void test_build_message(void)
{
    struct mail_message m = message();
    struct buf b = BUF_INIT(arena);
    CU_ASSERT_EQUAL_FATAL(mime_build(&ctx, &m, &b), WM_OK);
    CU_ASSERT_STRING_EQUAL(b.ptr, "Date: Tue, 03 Mar 2026 10:04:05 +0000\r\n"
                                  "From: Wholesale Market <no-reply@market.test>\r\n"
                                  "To: jose@example.com\r\n"
                                  "Subject: Welcome\r\n"
                                  "Message-ID: <abc.7@market.test>\r\n"
                                  "MIME-Version: 1.0\r\n"
                                  "Auto-Submitted: auto-generated\r\n"
                                  "X-Market-Job: 7\r\n"
                                  "Content-Type: multipart/alternative; boundary=\"=_wm_b0\"\r\n"
                                  "\r\n"
                                  "This is a multi-part message in MIME format.\r\n"
                                  "\r\n"
                                  "--=_wm_b0\r\n"
                                  "Content-Type: text/plain; charset=UTF-8\r\n"
                                  "Content-Transfer-Encoding: quoted-printable\r\n"
                                  "\r\n"
                                  "Hi =3D\r\n"
                                  "\r\n"
                                  "--=_wm_b0\r\n"
                                  "Content-Type: text/html; charset=UTF-8\r\n"
                                  "Content-Transfer-Encoding: quoted-printable\r\n"
                                  "\r\n"
                                  "<p>Hi</p>\r\n"
                                  "--=_wm_b0--\r\n");
}

static void test_build_from_names_and_bad_input(void)
{
    struct mail_message m = message();
    struct buf b = BUF_INIT(arena);
    m.from = "March\xc3\xa9 <a@b.test>";
    CU_ASSERT_EQUAL_FATAL(mime_build(&ctx, &m, &b), WM_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(b.ptr, "\r\nFrom: =?UTF-8?B?TWFyY2jDqQ==?= <a@b.test>\r\n"));
    buf_reset(&b);
    m.from = "Q, Ltd <a@b.test>";
    CU_ASSERT_EQUAL_FATAL(mime_build(&ctx, &m, &b), WM_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(b.ptr, "\r\nFrom: \"Q, Ltd\" <a@b.test>\r\n"));
    m = message();
    m.to = "x@y.test\r\nBcc: z@w.test";
    CU_ASSERT_EQUAL(mime_build(&ctx, &m, &b), WM_EINVAL);
    m = message();
    m.from = "nobody";
    CU_ASSERT_EQUAL(mime_build(&ctx, &m, &b), WM_EINVAL);
    m = message();
    m.boundary = "plain";
    CU_ASSERT_EQUAL(mime_build(&ctx, &m, &b), WM_EINTERNAL);
}

static void test_render_escapes_html_only(void)
{
    static const char *const vars[] = { "name", "<b>Jo</b> & \"Al\"", "link",
                                        "https://m.test/v?a=1&b=2", NULL };
    char *out = NULL;
    CU_ASSERT_EQUAL_FATAL(mail_render(&ctx, "verify_email", "html", true, vars, &out), WM_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "Hello &lt;b&gt;Jo&lt;/b&gt; &amp; &quot;Al&quot;,"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "href=\"https://m.test/v?a=1&amp;b=2\""));
    CU_ASSERT_EQUAL_FATAL(mail_render(&ctx, "verify_email", "txt", false, vars, &out), WM_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "Hello <b>Jo</b> & \"Al\","));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "\nhttps://m.test/v?a=1&b=2\n"));
    CU_ASSERT_EQUAL_FATAL(mail_render(&ctx, "password_reset", "subject", false, NULL, &out), WM_OK);
    CU_ASSERT_STRING_EQUAL(out, "Reset your Wholesale Market password\n");
    CU_ASSERT_EQUAL_FATAL(mail_render(&ctx, "password_reset", "txt", false, NULL, &out), WM_OK);
    CU_ASSERT_EQUAL(strncmp(out, "Hello,\n", 7), 0); /* no name: no dangling space */
    CU_ASSERT_EQUAL(mail_render(&ctx, "../etc/passwd", "txt", false, NULL, &out), WM_EINVAL);
    CU_ASSERT_EQUAL(mail_render(&ctx, "no_such_template", "txt", false, NULL, &out), WM_EINVAL);
}

static CU_TestInfo tests[] = {
    { "quoted-printable escapes", test_qp_escapes },
    { "quoted-printable lines stay within 76 and decode back", test_qp_lines_stay_within_76 },
    { "ASCII headers; CR/LF cannot inject a header", test_header_ascii_and_injection },
    { "non-ASCII headers become whole-character encoded-words",
      test_header_non_ascii_encoded_words },
    { "RFC 5322 dates in UTC", test_date },
    { "the address and name of mail.from", test_from_address },
    { "the whole multipart/alternative message", test_build_message },
    { "From display names; bad addresses and boundaries refused",
      test_build_from_names_and_bad_input },
    { "templates: HTML escaped, text and subject raw", test_render_escapes_html_only },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(worker_mime, "worker/mime", suite_init, suite_clean, tests);
