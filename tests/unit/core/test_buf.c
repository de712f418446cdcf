/*
 * test_buf.c: unit tests for src/core/buf.c: the str slice helpers (parsing, trimming,
 * comparisons, including the empty and NULL slices), the buf invariants after every operation
 * on heap and arena buffers, formatted growth, integer formatting, and JSON and HTML escaping
 * of hostile input (control bytes, line separators, invalid and truncated UTF-8, NULs).
 */
#include "core/buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/arena.h"
#include "test.h"

/* The invariants of buf.h: ptr is never NULL and ptr[len] is the terminating NUL. */
static void check_invariants(const struct buf *b)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(b->ptr);
    CU_ASSERT_EQUAL(b->ptr[b->len], '\0');
    CU_ASSERT(b->cap == 0 || b->len < b->cap);
}

static void test_str_from_and_equality(void)
{
    struct str s = str_from("abc");
    CU_ASSERT_EQUAL(s.len, 3);
    struct str none = str_from(NULL);
    CU_ASSERT(none.ptr == NULL && none.len == 0);
    CU_ASSERT(str_eq(STR("abc"), s));
    CU_ASSERT(!str_eq(STR("abd"), s));
    CU_ASSERT(!str_eq(STR("ab"), s));
    CU_ASSERT(str_eq(STR_NULL, STR("")));
    CU_ASSERT(str_eq(STR_NULL, STR_NULL));
    CU_ASSERT(str_eq_cstr(STR_NULL, ""));
    CU_ASSERT(str_eq_cstr(STR_NULL, NULL));
    CU_ASSERT(str_eq_cstr(STR("a\0b"), "a") == false); /* the slice has 3 bytes */
    CU_ASSERT(str_eq_cstr((struct str){ "abc", 2 }, "ab"));
}

static void test_case_insensitive_equality_is_ascii_only(void)
{
    CU_ASSERT(str_case_eq_cstr(STR("Content-TYPE"), "content-type"));
    CU_ASSERT(str_case_eq_cstr(STR(""), ""));
    CU_ASSERT(str_case_eq_cstr(STR_NULL, ""));
    CU_ASSERT(!str_case_eq_cstr(STR("abc"), "abcd"));
    CU_ASSERT(!str_case_eq_cstr(STR("abcd"), "abc"));
    CU_ASSERT(!str_case_eq_cstr(STR("\xc3\x89"), "\xc3\xa9")); /* É vs é: bytes compared */
    CU_ASSERT(!str_case_eq_cstr(STR("@"), "`"));               /* 0x40 vs 0x60 */
    CU_ASSERT(!str_case_eq_cstr(STR("["), "{"));
}

static void test_starts_with(void)
{
    CU_ASSERT(str_starts_with(STR("/graphql/"), "/graphql"));
    CU_ASSERT(str_starts_with(STR("abc"), ""));
    CU_ASSERT(str_starts_with(STR("abc"), "abc"));
    CU_ASSERT(!str_starts_with(STR("ab"), "abc"));
    CU_ASSERT(!str_starts_with(STR(""), "a"));
    CU_ASSERT(str_starts_with(STR(""), ""));
}

/* Run fn in a child with stderr silenced; true when it exited 0 (no sanitizer or assert
 * stopped it). Used where a failure would otherwise halt the whole runner. */
static bool survives(void (*fn)(void))
{
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0) {
        FILE *null = freopen("/dev/null", "w", stderr);
        (void)null;
        fn();
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static void starts_with_null_slice(void)
{
    if (str_starts_with(STR_NULL, "a") || !str_starts_with(STR_NULL, "")) _exit(3);
}

static void test_starts_with_on_the_null_slice(void)
{
    /* STR_NULL is a valid empty slice: no NULL pointer may reach memcmp, even for 0 bytes
     * (UBSan's nonnull-attribute check stops the process). */
    CU_ASSERT(survives(starts_with_null_slice));
}

static void test_str_dup_copies_into_the_arena(void)
{
    struct arena *a = arena_new(0);
    CU_ASSERT_STRING_EQUAL(str_dup(a, (struct str){ "hello", 4 }), "hell");
    CU_ASSERT_STRING_EQUAL(str_dup(a, STR_NULL), "");
    arena_free(a);
}

static bool parses(const char *s, size_t n, int64_t *out)
{
    return str_to_int64((struct str){ s, n }, out);
}

#define PARSES(lit, want)                               \
    do {                                                \
        int64_t v_ = 12345;                             \
        CU_ASSERT(parses((lit), sizeof(lit) - 1, &v_)); \
        CU_ASSERT_EQUAL(v_, (want));                    \
    } while (0)
#define REJECTS(lit)                                     \
    do {                                                 \
        int64_t v_ = 12345;                              \
        CU_ASSERT(!parses((lit), sizeof(lit) - 1, &v_)); \
    } while (0)

static void test_str_to_int64_accepts_exact_decimals(void)
{
    PARSES("0", 0);
    PARSES("-0", 0);
    PARSES("7", 7);
    PARSES("-42", -42);
    PARSES("000123", 123);
    PARSES("9223372036854775807", INT64_MAX);
    PARSES("-9223372036854775808", INT64_MIN);
    PARSES("-9223372036854775807", -INT64_MAX);
}

static void test_str_to_int64_rejects_junk_and_overflow(void)
{
    REJECTS("");
    REJECTS("-");
    REJECTS("+1");
    REJECTS("--1");
    REJECTS(" 1");
    REJECTS("1 ");
    REJECTS("1a");
    REJECTS("0x10");
    REJECTS("1e3");
    REJECTS("1.0");
    REJECTS("9223372036854775808");
    REJECTS("-9223372036854775809");
    REJECTS("18446744073709551616");
    REJECTS("99999999999999999999999");
    REJECTS("1\0002");
    REJECTS("\xd9\xa3"); /* ARABIC-INDIC DIGIT THREE is not a digit here */
    int64_t v;
    CU_ASSERT(!str_to_int64(STR_NULL, &v));
    CU_ASSERT(parses("123", 2, &v) && v == 12); /* only len bytes are read */
}

static void test_str_hex_to_uint64_takes_lowercase_hex_only(void)
{
    uint64_t v = 7;
    CU_ASSERT_TRUE(str_hex_to_uint64(str_from("0"), &v));
    CU_ASSERT_EQUAL(v, 0);
    CU_ASSERT_TRUE(str_hex_to_uint64(str_from("1f"), &v));
    CU_ASSERT_EQUAL(v, 31);
    CU_ASSERT_TRUE(str_hex_to_uint64(str_from("ffffffffffffffff"), &v));
    CU_ASSERT_EQUAL(v, UINT64_MAX);
    static const char *const bad[] = { "", "1F", "x1", "10000000000000000", "-1", " 1", "1g" };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        CU_ASSERT_FALSE(str_hex_to_uint64(str_from(bad[i]), &v));
        CU_ASSERT_EQUAL(v, 0);
    }
}

static void test_trim_removes_ascii_white_space(void)
{
    CU_ASSERT(str_eq_cstr(str_trim(STR(" \t\r\n\f\vabc d \n")), "abc d"));
    CU_ASSERT(str_trim(STR("   ")).len == 0);
    CU_ASSERT(str_trim(STR("")).len == 0);
    CU_ASSERT(str_trim(STR_NULL).len == 0);
    CU_ASSERT(str_eq_cstr(str_trim(STR("x")), "x"));
    CU_ASSERT(str_eq_cstr(str_trim(STR("\xc2\xa0x\xc2\xa0")), "\xc2\xa0x\xc2\xa0")); /* NBSP kept */
}

static void test_a_fresh_buffer_is_an_empty_string(void)
{
    struct buf b = BUF_INIT(NULL);
    check_invariants(&b);
    CU_ASSERT_EQUAL(b.len, 0);
    CU_ASSERT_STRING_EQUAL(b.ptr, "");
    buf_release(&b);
    check_invariants(&b);

    struct buf h;
    buf_init(&h, NULL, 100);
    check_invariants(&h);
    CU_ASSERT_EQUAL(h.len, 0);
    CU_ASSERT(h.cap >= 101);
    buf_release(&h);

    struct buf z;
    buf_init(&z, NULL, 0);
    check_invariants(&z);
    buf_reset(&z); /* on the shared empty string */
    buf_setlen(&z, 0);
    check_invariants(&z);
    buf_release(&z);
}

static void test_appends_keep_the_invariants(void)
{
    struct buf b = BUF_INIT(NULL);
    buf_append(&b, "ab", 2);
    check_invariants(&b);
    buf_appends(&b, "cd");
    buf_append_str(&b, STR("ef"));
    buf_appendc(&b, 'g');
    buf_append(&b, NULL, 0);
    buf_appends(&b, "");
    buf_append_str(&b, STR_NULL);
    check_invariants(&b);
    CU_ASSERT_STRING_EQUAL(b.ptr, "abcdefg");
    CU_ASSERT_EQUAL(b.len, 7);
    buf_appendc(&b, '\0');
    buf_appendc(&b, 'h');
    CU_ASSERT_EQUAL(b.len, 9);
    CU_ASSERT(memcmp(b.ptr, "abcdefg\0h", 10) == 0);
    buf_release(&b);
}

static void test_growth_keeps_the_bytes(void)
{
    struct buf b = BUF_INIT(NULL);
    for (int i = 0; i < 10000; i++)
        buf_appendc(&b, (char)('a' + i % 26));
    check_invariants(&b);
    CU_ASSERT_EQUAL(b.len, 10000);
    bool ok = true;
    for (int i = 0; i < 10000; i++)
        ok = ok && b.ptr[i] == (char)('a' + i % 26);
    CU_ASSERT(ok);
    size_t len = b.len;
    buf_grow(&b, 50000);
    CU_ASSERT_EQUAL(b.len, len);
    CU_ASSERT(b.cap >= len + 50001);
    check_invariants(&b);
    buf_release(&b);
}

static void test_reset_and_setlen_keep_the_memory(void)
{
    struct buf b = BUF_INIT(NULL);
    buf_appends(&b, "hello world");
    char *p = b.ptr;
    size_t cap = b.cap;
    buf_setlen(&b, 5);
    check_invariants(&b);
    CU_ASSERT_STRING_EQUAL(b.ptr, "hello");
    buf_reset(&b);
    check_invariants(&b);
    CU_ASSERT_EQUAL(b.len, 0);
    CU_ASSERT_PTR_EQUAL(b.ptr, p);
    CU_ASSERT_EQUAL(b.cap, cap);
    buf_appends(&b, "again");
    CU_ASSERT_STRING_EQUAL(b.ptr, "again");
    buf_release(&b);
}

static void test_detach_hands_over_the_bytes(void)
{
    struct buf b = BUF_INIT(NULL);
    buf_appends(&b, "owned");
    size_t len = 0;
    char *s = buf_detach(&b, &len);
    CU_ASSERT_STRING_EQUAL(s, "owned");
    CU_ASSERT_EQUAL(len, 5);
    check_invariants(&b);
    CU_ASSERT_EQUAL(b.len, 0);
    free(s);
    buf_appends(&b, "reuse");
    CU_ASSERT_STRING_EQUAL(b.ptr, "reuse");
    buf_release(&b);

    struct buf e = BUF_INIT(NULL);
    char *empty = buf_detach(&e, NULL);
    CU_ASSERT_STRING_EQUAL(empty, "");
    CU_ASSERT_PTR_NOT_EQUAL(empty, buf_slop);
    free(empty); /* must be heap memory even when nothing was appended */
}

static void test_arena_buffers_grow_in_the_arena(void)
{
    struct arena *a = arena_new(256);
    struct buf b = BUF_INIT(a);
    for (int i = 0; i < 1000; i++)
        buf_appendf(&b, "%d,", i);
    check_invariants(&b);
    CU_ASSERT(strncmp(b.ptr, "0,1,2,", 6) == 0);
    CU_ASSERT(strcmp(b.ptr + b.len - 4, "999,") == 0);
    char *s = buf_detach(&b, NULL);
    CU_ASSERT(strncmp(s, "0,1,2,", 6) == 0);
    struct buf e = BUF_INIT(a);
    CU_ASSERT_STRING_EQUAL(buf_detach(&e, NULL), "");
    struct buf r = BUF_INIT(a);
    buf_appends(&r, "forget me");
    buf_release(&r); /* only forgets: the arena owns the bytes */
    check_invariants(&r);
    arena_free(a); /* LSan: nothing else to free */
}

static void test_appendf_grows_beyond_the_initial_size(void)
{
    struct buf b;
    buf_init(&b, NULL, 8);
    buf_appendf(&b, "%s", "");
    CU_ASSERT_EQUAL(b.len, 0);
    buf_appendf(&b, "%d-%s", 12, "ab");
    CU_ASSERT_STRING_EQUAL(b.ptr, "12-ab");
    char big[5000];
    memset(big, 'z', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    buf_appendf(&b, "[%s]", big);
    check_invariants(&b);
    CU_ASSERT_EQUAL(b.len, 5 + 2 + 4999);
    CU_ASSERT(b.ptr[5] == '[' && b.ptr[b.len - 1] == ']');
    buf_release(&b);

    /* Output that exactly fills the remaining room, then one byte more. */
    struct buf e;
    buf_init(&e, NULL, 8);
    buf_appendc(&e, '>');
    size_t room = e.cap - 1 - e.len;
    CU_ASSERT_FATAL(room < sizeof(big));
    buf_appendf(&e, "%.*s", (int)room, big);
    CU_ASSERT_EQUAL(e.len, room + 1);
    CU_ASSERT_EQUAL(e.ptr[room], 'z');
    check_invariants(&e);
    buf_appendf(&e, "%c", '!');
    CU_ASSERT_EQUAL(e.len, room + 2);
    CU_ASSERT_EQUAL(e.ptr[room + 1], '!');
    CU_ASSERT_EQUAL(e.ptr[0], '>');
    check_invariants(&e);
    buf_release(&e);

    struct buf fresh = BUF_INIT(NULL);
    buf_appendf(&fresh, "%05d", 42);
    CU_ASSERT_STRING_EQUAL(fresh.ptr, "00042");
    buf_release(&fresh);
}

static void test_append_int_covers_the_range(void)
{
    struct buf b = BUF_INIT(NULL);
    buf_append_int(&b, 0);
    buf_appendc(&b, ' ');
    buf_append_int(&b, -1);
    buf_appendc(&b, ' ');
    buf_append_int(&b, 1234567890);
    buf_appendc(&b, ' ');
    buf_append_int(&b, INT64_MAX);
    buf_appendc(&b, ' ');
    buf_append_int(&b, INT64_MIN);
    CU_ASSERT_STRING_EQUAL(b.ptr, "0 -1 1234567890 9223372036854775807 -9223372036854775808");
    buf_release(&b);
}

/* s as buf_append_json_str writes it (static buffer). */
static const char *json(const char *s, size_t n)
{
    static char out[512];
    struct buf b = BUF_INIT(NULL);
    buf_append_json_str(&b, s, n);
    snprintf(out, sizeof(out), "%s", b.ptr);
    buf_release(&b);
    return out;
}

#define JSON(lit) json((lit), sizeof(lit) - 1)

static void test_json_strings_escape_quotes_and_controls(void)
{
    CU_ASSERT_STRING_EQUAL(JSON(""), "\"\"");
    CU_ASSERT_STRING_EQUAL(JSON("plain text"), "\"plain text\"");
    CU_ASSERT_STRING_EQUAL(JSON("say \"hi\" \\o/"), "\"say \\\"hi\\\" \\\\o/\"");
    CU_ASSERT_STRING_EQUAL(JSON("\n\r\t\b\f"), "\"\\n\\r\\t\\b\\f\"");
    CU_ASSERT_STRING_EQUAL(JSON("\x01\x1f\x1b"), "\"\\u0001\\u001f\\u001b\"");
    CU_ASSERT_STRING_EQUAL(JSON("a\0b"), "\"a\\u0000b\"");
    CU_ASSERT_STRING_EQUAL(JSON("\x7f"), "\"\x7f\"");
    CU_ASSERT_STRING_EQUAL(JSON("</script>"), "\"</script>\"");
}

static void test_json_strings_keep_valid_utf8_and_escape_separators(void)
{
    CU_ASSERT_STRING_EQUAL(JSON("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"),
                           "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"");
    CU_ASSERT_STRING_EQUAL(JSON("a\xe2\x80\xa8z\xe2\x80\xa9"), "\"a\\u2028z\\u2029\"");
    CU_ASSERT_STRING_EQUAL(JSON("\xe2\x80\xa7\xe2\x80\xaa"), "\"\xe2\x80\xa7\xe2\x80\xaa\"");
    CU_ASSERT_STRING_EQUAL(JSON("\xf4\x8f\xbf\xbf"), "\"\xf4\x8f\xbf\xbf\""); /* U+10FFFF */
    CU_ASSERT_STRING_EQUAL(JSON("\xef\xbf\xbd"), "\"\xef\xbf\xbd\"");         /* U+FFFD */
}

#define FFFD "\xef\xbf\xbd"

static void test_json_strings_replace_invalid_utf8(void)
{
    CU_ASSERT_STRING_EQUAL(JSON("\x80"), "\"" FFFD "\"");                   /* lone continuation */
    CU_ASSERT_STRING_EQUAL(JSON("a\xffz"), "\"a" FFFD "z\"");               /* never valid */
    CU_ASSERT_STRING_EQUAL(JSON("\xc0\xaf"), "\"" FFFD FFFD "\"");          /* overlong '/' */
    CU_ASSERT_STRING_EQUAL(JSON("\xe0\x80\xaf"), "\"" FFFD FFFD FFFD "\""); /* overlong */
    CU_ASSERT_STRING_EQUAL(JSON("\xed\xa0\x80"), "\"" FFFD FFFD FFFD "\""); /* surrogate */
    CU_ASSERT_STRING_EQUAL(JSON("\xf4\x90\x80\x80"), "\"" FFFD FFFD FFFD FFFD "\""); /* >10FFFF */
    CU_ASSERT_STRING_EQUAL(JSON("\xe2\x82"), "\"" FFFD FFFD "\"");   /* truncated at end */
    CU_ASSERT_STRING_EQUAL(JSON("\xe2\x82z"), "\"" FFFD FFFD "z\""); /* truncated inside */
    CU_ASSERT_STRING_EQUAL(JSON("\xf0\x9f\x98"), "\"" FFFD FFFD FFFD "\"");
    /* The length bounds the read: a valid sequence cut by n is invalid. */
    CU_ASSERT_STRING_EQUAL(json("\xc3\xa9", 1), "\"" FFFD "\"");
    CU_ASSERT_STRING_EQUAL(json("\xe2\x80\xa8", 2), "\"" FFFD FFFD "\"");
}

static void test_html_escaping(void)
{
    struct buf b = BUF_INIT(NULL);
    const char in[] = "<a href=\"x\" title='y'>Tom & Jerry</a>";
    buf_append_html(&b, in, sizeof(in) - 1);
    CU_ASSERT_STRING_EQUAL(b.ptr, "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; "
                                  "Jerry&lt;/a&gt;");
    buf_reset(&b);
    buf_append_html(&b, "&amp;", 5);
    CU_ASSERT_STRING_EQUAL(b.ptr, "&amp;amp;");
    buf_reset(&b);
    buf_append_html(&b, "ab<cd", 3);
    CU_ASSERT_STRING_EQUAL(b.ptr, "ab&lt;");
    buf_reset(&b);
    buf_append_html(&b, "", 0);
    buf_append_html(&b, "caf\xc3\xa9", 5);
    CU_ASSERT_STRING_EQUAL(b.ptr, "caf\xc3\xa9");
    buf_release(&b);
}

static CU_TestInfo tests[] = {
    { "str_from and equality", test_str_from_and_equality },
    { "case-insensitive equality is ASCII only", test_case_insensitive_equality_is_ascii_only },
    { "starts_with", test_starts_with },
    { "starts_with on the NULL slice", test_starts_with_on_the_null_slice },
    { "str_dup copies into the arena", test_str_dup_copies_into_the_arena },
    { "str_to_int64 accepts exact decimals", test_str_to_int64_accepts_exact_decimals },
    { "str_to_int64 rejects junk and overflow", test_str_to_int64_rejects_junk_and_overflow },
    { "str_hex_to_uint64 takes lowercase hex only",
      test_str_hex_to_uint64_takes_lowercase_hex_only },
    { "trim removes ASCII white space only", test_trim_removes_ascii_white_space },
    { "a fresh buffer is an empty string", test_a_fresh_buffer_is_an_empty_string },
    { "appends keep the invariants", test_appends_keep_the_invariants },
    { "growth keeps the bytes", test_growth_keeps_the_bytes },
    { "reset and setlen keep the memory", test_reset_and_setlen_keep_the_memory },
    { "detach hands over the bytes", test_detach_hands_over_the_bytes },
    { "arena buffers grow in the arena and need no release", test_arena_buffers_grow_in_the_arena },
    { "appendf grows beyond the initial size", test_appendf_grows_beyond_the_initial_size },
    { "append_int covers the whole range", test_append_int_covers_the_range },
    { "JSON strings escape quotes and control characters",
      test_json_strings_escape_quotes_and_controls },
    { "JSON strings keep valid UTF-8 and escape U+2028/U+2029",
      test_json_strings_keep_valid_utf8_and_escape_separators },
    { "JSON strings replace invalid UTF-8 with U+FFFD per byte",
      test_json_strings_replace_invalid_utf8 },
    { "HTML escaping", test_html_escaping },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(core_buf, "core/buf", NULL, NULL, tests);
