/*
 * test_cookie.c: unit tests for src/http/cookie.c. Incoming Cookie headers: well-formed pairs
 * are kept in order and garbage is skipped without failing the request. Outgoing Set-Cookie:
 * the exact header text for each attribute, and refusal of values that could inject one.
 */
#include "http/http_int.h"

#include <string.h>

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "test.h"

struct fx {
    struct arena *a;
    struct wm_ctx ctx;
    struct http_fields out;
};

static void fx_init(struct fx *f)
{
    memset(f, 0, sizeof(*f));
    f->a = arena_new(0);
    f->ctx.arena = f->a;
}

static void fx_free(struct fx *f)
{
    arena_free(f->a);
}

static int parse(struct fx *f, struct str header, size_t max)
{
    f->out = (struct http_fields){ 0 };
    return http_parse_cookies(&f->ctx, header, max, &f->out);
}

/* The value of cookie name after parsing, or NULL. */
static const char *get(const struct fx *f, const char *name)
{
    const struct http_field *c = http_fields_find(&f->out, name, false);
    return c ? c->value : NULL;
}

static void test_parses_pairs_in_order(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL_FATAL(parse(&f, STR("sid=abc123; csrf=x-y_z; lang=de"), 100), WM_OK);
    CU_ASSERT_EQUAL_FATAL(f.out.count, 3);
    CU_ASSERT_STRING_EQUAL(f.out.items[0].name, "sid");
    CU_ASSERT_STRING_EQUAL(f.out.items[0].value, "abc123");
    CU_ASSERT_STRING_EQUAL(f.out.items[1].name, "csrf");
    CU_ASSERT_STRING_EQUAL(f.out.items[2].value, "de");
    CU_ASSERT_EQUAL(f.out.items[2].len, 2);
    fx_free(&f);
}

static void test_quotes_are_removed(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL_FATAL(parse(&f, STR("a=\"quoted\"; b=\"\"; c=plain"), 100), WM_OK);
    CU_ASSERT_STRING_EQUAL(get(&f, "a"), "quoted");
    CU_ASSERT_STRING_EQUAL(get(&f, "b"), "");
    CU_ASSERT_STRING_EQUAL(get(&f, "c"), "plain");
    fx_free(&f);
}

static void test_first_of_a_repeated_name_wins_and_names_are_case_sensitive(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL_FATAL(parse(&f, STR("sid=first; SID=upper; sid=second"), 100), WM_OK);
    CU_ASSERT_STRING_EQUAL(get(&f, "sid"), "first");
    CU_ASSERT_STRING_EQUAL(get(&f, "SID"), "upper");
    CU_ASSERT_EQUAL(f.out.count, 3);
    fx_free(&f);
}

static void test_whitespace_around_pairs_is_tolerated(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL_FATAL(parse(&f, STR("  a = 1 ;b=2;\tc=3\t;;"), 100), WM_OK);
    CU_ASSERT_STRING_EQUAL(get(&f, "a"), "1");
    CU_ASSERT_STRING_EQUAL(get(&f, "b"), "2");
    CU_ASSERT_STRING_EQUAL(get(&f, "c"), "3");
    CU_ASSERT_EQUAL(f.out.count, 3);
    fx_free(&f);
}

static void test_malformed_pairs_are_skipped(void)
{
    struct fx f;
    fx_init(&f);
    const char *bad[] = {
        "noequals",      "=novalue",     "a b=1",     "a=b c",  "a=b,c",
        "a=b\\c",        "a=\"unclosed", "a=\"",      "a=x\"y", "a=\"x\"y\"",
        "(a)=1",         "a@b=1",        "a=\x7f",    "a=\x01", "a=caf\xc3\xa9",
        "\xff\xfe=\xfd", "a=\"in ner\"", "a=\"a;b\"", "",       ";;;",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        CU_ASSERT_EQUAL(parse(&f, str_from(bad[i]), 100), WM_OK);
        CU_ASSERT_EQUAL(f.out.count, 0);
    }
    /* Good pairs around garbage survive. */
    CU_ASSERT_EQUAL(parse(&f, STR("x=1; garbage; a b=2; y=2; =3; z=\"3\""), 100), WM_OK);
    CU_ASSERT_EQUAL(f.out.count, 3);
    CU_ASSERT_STRING_EQUAL(get(&f, "z"), "3");
    fx_free(&f);
}

static void test_empty_values_are_kept(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL_FATAL(parse(&f, STR("a=; b=1"), 100), WM_OK);
    CU_ASSERT_STRING_EQUAL(get(&f, "a"), "");
    fx_free(&f);
}

static void test_binary_garbage_does_not_break_parsing(void)
{
    struct fx f;
    fx_init(&f);
    char junk[4096];
    for (size_t i = 0; i < sizeof(junk); i++)
        junk[i] = (char)((i * 131 + 7) % 256);
    CU_ASSERT_EQUAL(parse(&f, (struct str){ junk, sizeof(junk) }, 10000), WM_OK);
    for (size_t i = 0; i < f.out.count; i++)
        CU_ASSERT_EQUAL(strlen(f.out.items[i].value), f.out.items[i].len);
    fx_free(&f);
}

static void test_cookie_count_is_limited(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL(parse(&f, STR("a=1; b=2"), 2), WM_OK);
    CU_ASSERT_EQUAL(parse(&f, STR("a=1; b=2; c=3"), 2), WM_ELIMIT);
    CU_ASSERT_STRING_EQUAL(f.ctx.err.message, "too many cookies (limit 2)");
    /* Skipped pairs do not count. */
    CU_ASSERT_EQUAL(parse(&f, STR("a=1; junk; b=2; bad pair=1"), 2), WM_OK);
    fx_free(&f);
}

/* ---- Set-Cookie ---------------------------------------------------------------------------- */

static void test_set_cookie_defaults_are_safe(void)
{
    struct fx f;
    fx_init(&f);
    struct http_response *res = http_response_new(f.a);
    CU_ASSERT_EQUAL(http_set_cookie(&f.ctx, res, "sid", "abc123", NULL), WM_OK);
    CU_ASSERT_STRING_EQUAL(http_response_header(res, "Set-Cookie"),
                           "sid=abc123; Path=/; HttpOnly; SameSite=Lax");
    fx_free(&f);
}

static void test_set_cookie_writes_every_attribute(void)
{
    struct fx f;
    fx_init(&f);
    struct http_response *res = http_response_new(f.a);
    struct http_cookie_opts o = {
        .path = "/wms/",
        .domain = "market.example",
        .max_age = 3600,
        .secure = true,
        .samesite = HTTP_SAMESITE_STRICT,
    };
    CU_ASSERT_EQUAL(http_set_cookie(&f.ctx, res, "sid", "v", &o), WM_OK);
    o = (struct http_cookie_opts){
        .max_age = -1, .script_visible = true, .secure = true, .samesite = HTTP_SAMESITE_NONE
    };
    CU_ASSERT_EQUAL(http_set_cookie(&f.ctx, res, "csrf", "", &o), WM_OK);
    CU_ASSERT_EQUAL_FATAL(res->nheaders, 2);
    CU_ASSERT_STRING_EQUAL(res->headers[0].value,
                           "sid=v; Path=/wms/; Domain=market.example; "
                           "Max-Age=3600; Secure; HttpOnly; SameSite=Strict");
    CU_ASSERT_STRING_EQUAL(res->headers[1].value,
                           "csrf=; Path=/; Max-Age=0; Secure; SameSite=None");
    fx_free(&f);
}

static void test_set_cookie_refuses_values_that_could_inject(void)
{
    struct fx f;
    fx_init(&f);
    struct http_response *res = http_response_new(f.a);
    const char *bad[] = { "a b",   "a;Domain=evil.example", "a\r\nSet-Cookie: x=y", "a,b",
                          "\"q\"", "back\\slash",           "caf\xc3\xa9",          "\x7f" };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        CU_ASSERT_EQUAL(http_set_cookie(&f.ctx, res, "sid", bad[i], NULL), WM_EINVAL);
        CU_ASSERT_STRING_EQUAL(f.ctx.err.message, "invalid character in the value of cookie 'sid'");
    }
    struct http_cookie_opts o = { .path = "/; Domain=evil.example" };
    CU_ASSERT_EQUAL(http_set_cookie(&f.ctx, res, "sid", "ok", &o), WM_EINVAL);
    o = (struct http_cookie_opts){ .domain = "a\nb" };
    CU_ASSERT_EQUAL(http_set_cookie(&f.ctx, res, "sid", "ok", &o), WM_EINVAL);
    CU_ASSERT_EQUAL(res->nheaders, 0);
    fx_free(&f);
}

static void test_set_cookie_adds_one_header_per_cookie(void)
{
    struct fx f;
    fx_init(&f);
    struct http_response *res = http_response_new(f.a);
    CU_ASSERT_EQUAL(http_set_cookie(&f.ctx, res, "a", "1", NULL), WM_OK);
    CU_ASSERT_EQUAL(http_set_cookie(&f.ctx, res, "b", "2", NULL), WM_OK);
    CU_ASSERT_EQUAL(res->nheaders, 2);
    CU_ASSERT_STRING_EQUAL(res->headers[1].name, "Set-Cookie");
    fx_free(&f);
}

/* clang-format off */
static CU_TestInfo tests[] = {
    { "pairs are parsed in order", test_parses_pairs_in_order },
    { "double quotes around a value are removed", test_quotes_are_removed },
    { "the first of a repeated name wins and names are case-sensitive",
      test_first_of_a_repeated_name_wins_and_names_are_case_sensitive },
    { "whitespace around pairs is tolerated", test_whitespace_around_pairs_is_tolerated },
    { "malformed pairs are skipped without failing", test_malformed_pairs_are_skipped },
    { "empty values are kept", test_empty_values_are_kept },
    { "binary garbage does not break parsing", test_binary_garbage_does_not_break_parsing },
    { "the cookie count is limited", test_cookie_count_is_limited },
    { "Set-Cookie defaults are Path=/, HttpOnly and SameSite=Lax",
      test_set_cookie_defaults_are_safe },
    { "Set-Cookie writes every attribute", test_set_cookie_writes_every_attribute },
    { "Set-Cookie refuses values that could inject attributes or headers",
      test_set_cookie_refuses_values_that_could_inject },
    { "each cookie gets its own Set-Cookie header", test_set_cookie_adds_one_header_per_cookie },
    CU_TEST_INFO_NULL,
};
/* clang-format on */

SUITE_INFO(http_cookie, "http/cookie", NULL, NULL, tests);
