/*
 * test_urlencoded.c: unit tests for src/http/urlencoded.c, the percent-decoder and the
 * application/x-www-form-urlencoded parser, called directly through http_int.h: every escape
 * form, every malformed one, and the field limit.
 */
#include "http/http_int.h"

#include <stdio.h>
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

static int parse(struct fx *f, const char *text, size_t max)
{
    f->out = (struct http_fields){ 0 };
    return http_parse_urlencoded(&f->ctx, str_from(text), "test input", max, &f->out);
}

/* The decoded form of s, or NULL when decoding fails (*r gets the result). */
static const char *decode(struct fx *f, const char *s, unsigned flags, enum http_pct_result *r)
{
    char *out = NULL;
    size_t len = 0;
    *r = http_pct_decode(f->a, str_from(s), flags, &out, &len);
    if (*r != HTTP_PCT_OK) return NULL;
    CU_ASSERT_EQUAL(strlen(out), len);
    return out;
}

static void test_decodes_percent_and_plus(void)
{
    struct fx f;
    fx_init(&f);
    enum http_pct_result r;
    CU_ASSERT_STRING_EQUAL(decode(&f, "a%20b+c%2B%2b", HTTP_PCT_PLUS, &r), "a b c++");
    CU_ASSERT_STRING_EQUAL(decode(&f, "a+b", 0, &r), "a+b");
    CU_ASSERT_STRING_EQUAL(decode(&f, "%e2%82%AC", 0, &r), "\xe2\x82\xac");
    CU_ASSERT_STRING_EQUAL(decode(&f, "", 0, &r), "");
    CU_ASSERT_STRING_EQUAL(decode(&f, "%ff%FE", 0, &r), "\xff\xfe"); /* bytes, not UTF-8 */
    CU_ASSERT_STRING_EQUAL(decode(&f, "a%2Fb", 0, &r), "a/b");
    fx_free(&f);
}

static void test_rejects_malformed_escapes(void)
{
    struct fx f;
    fx_init(&f);
    const char *bad[] = { "%", "%4", "a%", "%G0", "%0G", "%%", "% 41", "%-1", "abc%4" };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        enum http_pct_result r;
        CU_ASSERT_PTR_NULL(decode(&f, bad[i], HTTP_PCT_PLUS, &r));
        CU_ASSERT_EQUAL(r, HTTP_PCT_BAD_ESCAPE);
    }
    fx_free(&f);
}

static void test_rejects_nul_and_optionally_slash(void)
{
    struct fx f;
    fx_init(&f);
    enum http_pct_result r;
    CU_ASSERT_PTR_NULL(decode(&f, "a%00b", 0, &r));
    CU_ASSERT_EQUAL(r, HTTP_PCT_NUL);
    CU_ASSERT_PTR_NULL(decode(&f, "a%2fb", HTTP_PCT_NO_SLASH, &r));
    CU_ASSERT_EQUAL(r, HTTP_PCT_SLASH);
    CU_ASSERT_STRING_EQUAL(decode(&f, "a/b", HTTP_PCT_NO_SLASH, &r), "a/b");
    char *out = NULL;
    size_t len = 0;
    struct str with_nul = { "a\0b", 3 };
    CU_ASSERT_EQUAL(http_pct_decode(f.a, with_nul, 0, &out, &len), HTTP_PCT_NUL);
    CU_ASSERT_PTR_NULL(out);
    fx_free(&f);
}

static void test_parses_pairs_in_order(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL_FATAL(parse(&f, "b=2&a=1&b=3&c=x=y&d", 100), WM_OK);
    CU_ASSERT_EQUAL_FATAL(f.out.count, 5);
    const char *names[] = { "b", "a", "b", "c", "d" };
    const char *values[] = { "2", "1", "3", "x=y", "" };
    for (size_t i = 0; i < 5; i++) {
        CU_ASSERT_STRING_EQUAL(f.out.items[i].name, names[i]);
        CU_ASSERT_STRING_EQUAL(f.out.items[i].value, values[i]);
        CU_ASSERT_EQUAL(f.out.items[i].len, strlen(values[i]));
    }
    CU_ASSERT_STRING_EQUAL(http_fields_find(&f.out, "b", false)->value, "2");
    CU_ASSERT_PTR_NULL(http_fields_find(&f.out, "B", false));
    CU_ASSERT_PTR_NOT_NULL(http_fields_find(&f.out, "B", true));
    fx_free(&f);
}

static void test_skips_empty_pairs_and_empty_names(void)
{
    struct fx f;
    fx_init(&f);
    const char *empty[] = { "", "&", "&&&", "=", "=x", "&=&=1&" };
    for (size_t i = 0; i < sizeof(empty) / sizeof(empty[0]); i++) {
        CU_ASSERT_EQUAL(parse(&f, empty[i], 100), WM_OK);
        CU_ASSERT_EQUAL(f.out.count, 0);
    }
    CU_ASSERT_EQUAL(parse(&f, "&a=1&&b=2&", 100), WM_OK);
    CU_ASSERT_EQUAL(f.out.count, 2);
    fx_free(&f);
}

static void test_names_are_decoded_too(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL_FATAL(parse(&f, "user%5Bname%5D=Ann+Lee&a+b=c", 100), WM_OK);
    CU_ASSERT_STRING_EQUAL(f.out.items[0].name, "user[name]");
    CU_ASSERT_STRING_EQUAL(f.out.items[0].value, "Ann Lee");
    CU_ASSERT_STRING_EQUAL(f.out.items[1].name, "a b");
    fx_free(&f);
}

static void test_errors_name_the_input(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL(parse(&f, "ok=1&bad=%x1", 100), WM_EINVAL);
    CU_ASSERT_STRING_EQUAL(f.ctx.err.message, "invalid percent-encoding in test input");
    CU_ASSERT_EQUAL(parse(&f, "bad%=1", 100), WM_EINVAL);
    CU_ASSERT_EQUAL(parse(&f, "a=%00", 100), WM_EINVAL);
    CU_ASSERT_STRING_EQUAL(f.ctx.err.message, "NUL byte in test input");
    fx_free(&f);
}

static void test_field_limit_is_exact(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL(parse(&f, "a=1&b=2&c=3", 3), WM_OK);
    CU_ASSERT_EQUAL(f.out.count, 3);
    CU_ASSERT_EQUAL(parse(&f, "a=1&b=2&c=3&d=4", 3), WM_ELIMIT);
    CU_ASSERT_STRING_EQUAL(f.ctx.err.message, "too many parameters in test input (limit 3)");
    /* Skipped empty pairs do not count. */
    CU_ASSERT_EQUAL(parse(&f, "&&&&a=1&&&&b=2&&&&&=&=", 2), WM_OK);
    CU_ASSERT_EQUAL(parse(&f, "", 0), WM_OK);
    CU_ASSERT_EQUAL(parse(&f, "a", 0), WM_ELIMIT);
    fx_free(&f);
}

static void test_many_fields_keep_their_order(void)
{
    struct fx f;
    fx_init(&f);
    struct buf b = BUF_INIT(f.a);
    for (int i = 0; i < 2000; i++)
        buf_appendf(&b, "%sk=%d", i ? "&" : "", i);
    CU_ASSERT_EQUAL_FATAL(parse(&f, b.ptr, 5000), WM_OK);
    CU_ASSERT_EQUAL_FATAL(f.out.count, 2000);
    int in_order = 1;
    for (int i = 0; i < 2000; i++) {
        char want[16];
        snprintf(want, sizeof(want), "%d", i);
        in_order &= strcmp(f.out.items[i].value, want) == 0;
    }
    CU_ASSERT_TRUE(in_order);
    fx_free(&f);
}

/* clang-format off */
static CU_TestInfo tests[] = {
    { "percent escapes and '+' decode", test_decodes_percent_and_plus },
    { "malformed escapes are refused", test_rejects_malformed_escapes },
    { "a NUL is refused and an encoded slash on request", test_rejects_nul_and_optionally_slash },
    { "pairs are parsed in order, repeated names kept", test_parses_pairs_in_order },
    { "empty pairs and empty names are skipped", test_skips_empty_pairs_and_empty_names },
    { "names are decoded like values", test_names_are_decoded_too },
    { "errors name the input being parsed", test_errors_name_the_input },
    { "the field limit is exact", test_field_limit_is_exact },
    { "two thousand fields keep their order", test_many_fields_keep_their_order },
    CU_TEST_INFO_NULL,
};
/* clang-format on */

SUITE_INFO(http_urlencoded, "http/urlencoded", NULL, NULL, tests);
