/*
 * test_lexer.c: unit tests for src/graphql/language/lexer.c, after graphql-js's lexer-test.ts:
 * every token kind with its byte range, value, line and column; line terminators and the
 * ignored tokens; strings with every escape, surrogate pairs and the variable-width \u{...};
 * block strings and their dedent; numbers and every number error; unexpected and invalid
 * characters, including bytes that are not UTF-8; columns in UTF-16 code units; lookahead.
 * Offsets are bytes (graphql-js counts UTF-16 units; the two agree on ASCII), columns match
 * graphql-js exactly.
 */
#include "graphql/language/lexer.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "test.h"

/* Report a failure at the caller's line with a formatted explanation. */
static void check(bool ok, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void check(bool ok, int line, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    CU_assertImplementation(ok ? CU_TRUE : CU_FALSE, (unsigned)line, msg, __FILE__, "", CU_FALSE);
}

struct lexed {
    int rc;
    struct gql_token tok;
    const char *error;
    struct gql_loc loc;
};

/* Advance n times over len bytes of src; the last token, or the first failure. */
static struct lexed lex_nth(struct arena *a, const char *src, size_t len, int n)
{
    struct gql_lexer lx;
    struct lexed r = { 0 };
    gql_lexer_init(&lx, a, src, len);
    for (int i = 0; i < n; i++) {
        r.rc = gql_lex_next(&lx);
        if (r.rc != WM_OK) {
            r.error = lx.error;
            r.loc = lx.error_loc;
            return r;
        }
    }
    r.tok = lx.token;
    return r;
}

/* The first token of src is kind over [start, end) with this value (NULL: any). */
static void expect_token_at(int line, const char *src, size_t len, enum gql_token_kind kind,
                            size_t start, size_t end, const char *value, size_t value_len)
{
    struct arena *a = arena_new(0);
    struct lexed r = lex_nth(a, src, len, 1);
    check(r.rc == WM_OK, line, "lexing \"%s\" failed: %s", src, r.error ? r.error : "");
    if (r.rc == WM_OK) {
        check(r.tok.kind == kind, line, "\"%s\": kind %s, want %s", src,
              gql_token_kind_desc(r.tok.kind), gql_token_kind_desc(kind));
        check(r.tok.start == start && r.tok.end == end, line,
              "\"%s\": range [%zu, %zu), want [%zu, %zu)", src, r.tok.start, r.tok.end, start, end);
        if (value != NULL)
            check(r.tok.value.len == value_len && memcmp(r.tok.value.ptr, value, value_len) == 0,
                  line, "\"%s\": value \"%.*s\", want \"%s\"", src, STR_FMT(r.tok.value), value);
    }
    arena_free(a);
}

/* Lexing two tokens of src fails with msg at line:column. */
static void expect_error_at(int line, const char *src, size_t len, const char *msg, uint32_t eline,
                            uint32_t ecol)
{
    struct arena *a = arena_new(0);
    struct lexed r = lex_nth(a, src, len, 2);
    check(r.rc == WM_EINVAL, line, "lexing \"%s\" should fail with %s", src, msg);
    if (r.rc == WM_EINVAL) {
        check(strcmp(r.error, msg) == 0, line, "\"%s\": error '%s', want '%s'", src, r.error, msg);
        check(r.loc.line == eline && r.loc.column == ecol, line, "\"%s\": at %u:%u, want %u:%u",
              src, r.loc.line, r.loc.column, eline, ecol);
    }
    arena_free(a);
}

/* Token n of src (1-based) is at line:column. */
static void expect_position_at(int line, const char *src, size_t len, int n, uint32_t tline,
                               uint32_t tcol)
{
    struct arena *a = arena_new(0);
    struct lexed r = lex_nth(a, src, len, n);
    check(r.rc == WM_OK, line, "lexing failed: %s", r.error ? r.error : "");
    check(r.tok.line == tline && r.tok.column == tcol, line, "token %d at %u:%u, want %u:%u", n,
          r.tok.line, r.tok.column, tline, tcol);
    arena_free(a);
}

#define EXPECT_TOKEN(src, kind, start, end, value)                                               \
    expect_token_at(__LINE__, (src), sizeof(src) - 1, GQL_TOKEN_##kind, (start), (end), (value), \
                    sizeof(value) - 1)
#define EXPECT_KIND(src, kind, start, end) \
    expect_token_at(__LINE__, (src), sizeof(src) - 1, GQL_TOKEN_##kind, (start), (end), NULL, 0)
#define EXPECT_ERROR(src, msg, l, c) \
    expect_error_at(__LINE__, (src), sizeof(src) - 1, (msg), (l), (c))
#define EXPECT_POSITION(src, n, l, c) \
    expect_position_at(__LINE__, (src), sizeof(src) - 1, (n), (l), (c))

static void test_ignores_the_byte_order_mark(void)
{
    EXPECT_TOKEN("\xEF\xBB\xBF foo", NAME, 4, 7, "foo");
    EXPECT_POSITION("\xEF\xBB\xBF foo", 1, 1, 3); /* the BOM is one column, as in graphql-js */
    EXPECT_TOKEN("a\xEF\xBB\xBF"
                 "b",
                 NAME, 0, 1, "a");
    EXPECT_POSITION("a\xEF\xBB\xBF"
                    "b",
                    2, 1, 3);
}

static void test_tracks_line_breaks(void)
{
    EXPECT_TOKEN("foo", NAME, 0, 3, "foo");
    EXPECT_POSITION("foo", 1, 1, 1);
    EXPECT_POSITION("\nfoo", 1, 2, 1);
    EXPECT_POSITION("\rfoo", 1, 2, 1);
    EXPECT_POSITION("\r\nfoo", 1, 2, 1);
    EXPECT_TOKEN("\r\nfoo", NAME, 2, 5, "foo");
    EXPECT_POSITION("\n\rfoo", 1, 3, 1);
    EXPECT_POSITION("\r\r\n\nfoo", 1, 4, 1);
    EXPECT_POSITION("\n\n\r\rfoo", 1, 5, 1);
}

static void test_records_line_and_column(void)
{
    EXPECT_TOKEN("\n \r\n \r  foo\n", NAME, 8, 11, "foo");
    EXPECT_POSITION("\n \r\n \r  foo\n", 1, 4, 3);
    EXPECT_POSITION("a b\n  c, d", 4, 2, 6);
    EXPECT_POSITION("a", 2, 1, 2);   /* EOF after the last token */
    EXPECT_POSITION("a\n", 2, 2, 1); /* EOF on the following line */
}

static void test_skips_whitespace_commas_and_comments(void)
{
    EXPECT_TOKEN("\n\n    foo\n\n\n", NAME, 6, 9, "foo");
    EXPECT_TOKEN("\t\tfoo\t\t", NAME, 2, 5, "foo");
    EXPECT_TOKEN("\n    #comment\n    foo#comment\n", NAME, 18, 21, "foo");
    EXPECT_TOKEN(",,,foo,,,", NAME, 3, 6, "foo");
    EXPECT_TOKEN("# only a comment", EOF, 16, 16, "");
    EXPECT_TOKEN("#\r\n#\n#\rx", NAME, 7, 8, "x");
    EXPECT_POSITION("#\r\n#\n#\rx", 1, 4, 1);
    EXPECT_TOKEN("", EOF, 0, 0, "");
}

static void test_errors_report_their_line_and_column(void)
{
    EXPECT_ERROR("\n\n ~\n", "Unexpected character: \"~\".", 3, 2);
    EXPECT_ERROR("a\r\n\r\n    ?", "Unexpected character: \"?\".", 3, 5);
}

static void test_lexes_strings(void)
{
    EXPECT_TOKEN("\"\"", STRING, 0, 2, "");
    EXPECT_TOKEN("\"simple\"", STRING, 0, 8, "simple");
    EXPECT_TOKEN("\" white space \"", STRING, 0, 15, " white space ");
    EXPECT_TOKEN("\"quote \\\"\"", STRING, 0, 10, "quote \"");
    EXPECT_TOKEN("\"escaped \\n\\r\\b\\t\\f\"", STRING, 0, 20, "escaped \n\r\b\t\f");
    EXPECT_TOKEN("\"slashes \\\\ \\/\"", STRING, 0, 15, "slashes \\ /");
    EXPECT_TOKEN("\"unescaped unicode outside BMP \xF0\x9F\x98\x80\"", STRING, 0, 36,
                 "unescaped unicode outside BMP \xF0\x9F\x98\x80");
    EXPECT_TOKEN("\"unescaped maximal unicode outside BMP \xF4\x8F\xBF\xBF\"", STRING, 0, 44,
                 "unescaped maximal unicode outside BMP \xF4\x8F\xBF\xBF");
    EXPECT_TOKEN("\"unicode \\u1234\\u5678\\u90AB\\uCDEF\"", STRING, 0, 34,
                 "unicode \xE1\x88\xB4\xE5\x99\xB8\xE9\x82\xAB\xEC\xB7\xAF");
    EXPECT_TOKEN("\"unicode \\u{1234}\\u{5678}\\u{90AB}\\u{CDEF}\"", STRING, 0, 42,
                 "unicode \xE1\x88\xB4\xE5\x99\xB8\xE9\x82\xAB\xEC\xB7\xAF");
    EXPECT_TOKEN("\"string with unicode escape outside BMP \\u{1F600}\"", STRING, 0, 50,
                 "string with unicode escape outside BMP \xF0\x9F\x98\x80");
    EXPECT_TOKEN("\"minimal \\u{0}\"", STRING, 0, 15, "minimal \0");
    EXPECT_TOKEN("\"maximal \\u{10FFFF}\"", STRING, 0, 20, "maximal \xF4\x8F\xBF\xBF");
    EXPECT_TOKEN("\"maximal minimal \\u{00000000}\"", STRING, 0, 30, "maximal minimal \0");
    EXPECT_TOKEN("\"surrogate pair \\uD83D\\uDE00\"", STRING, 0, 29,
                 "surrogate pair \xF0\x9F\x98\x80");
    EXPECT_TOKEN("\"minimal pair \\uD800\\uDC00\"", STRING, 0, 27, "minimal pair \xF0\x90\x80\x80");
    EXPECT_TOKEN("\"maximal pair \\uDBFF\\uDFFF\"", STRING, 0, 27, "maximal pair \xF4\x8F\xBF\xBF");
    EXPECT_TOKEN("\"two byte \\u00e9 and \\u{E9}\"", STRING, 0, 28,
                 "two byte \xC3\xA9 and \xC3\xA9");
    /* Spec 2021: any scalar value is a source character, control characters included. */
    EXPECT_TOKEN("\"bell \a tab \t\"", STRING, 0, 14, "bell \a tab \t");
}

static void test_a_string_without_escapes_is_a_slice_of_the_source(void)
{
    static const char src[] = "\"plain\" \"esc\\n\"";
    struct arena *a = arena_new(0);
    struct gql_lexer lx;
    gql_lexer_init(&lx, a, src, sizeof src - 1);
    CU_ASSERT_EQUAL(gql_lex_next(&lx), WM_OK);
    CU_ASSERT_PTR_EQUAL(lx.token.value.ptr, src + 1);
    CU_ASSERT_EQUAL(gql_lex_next(&lx), WM_OK);
    CU_ASSERT(lx.token.value.ptr < src || lx.token.value.ptr >= src + sizeof src);
    CU_ASSERT(str_eq(lx.token.value, STR("esc\n")));
    arena_free(a);
}

static void test_reports_string_errors(void)
{
    EXPECT_ERROR("\"", "Unterminated string.", 1, 2);
    EXPECT_ERROR("\"\"\"", "Unterminated string.", 1, 4);
    EXPECT_ERROR("\"\"\"\"", "Unterminated string.", 1, 5);
    EXPECT_ERROR("\"no end quote", "Unterminated string.", 1, 14);
    EXPECT_ERROR("'single quotes'",
                 "Unexpected single quote character ('), did you mean to use a double quote (\")?",
                 1, 1);
    EXPECT_ERROR("\"multi\nline\"", "Unterminated string.", 1, 7);
    EXPECT_ERROR("\"multi\rline\"", "Unterminated string.", 1, 7);
    EXPECT_ERROR("\"bad \\z esc\"", "Invalid character escape sequence: \"\\z\".", 1, 6);
    EXPECT_ERROR("\"bad \\x esc\"", "Invalid character escape sequence: \"\\x\".", 1, 6);
    EXPECT_ERROR("\"bad \\\xC3\xA9 esc\"", "Invalid character escape sequence: \"\\\xC3\xA9\".", 1,
                 6);
    EXPECT_ERROR("\"bad \\", "Invalid character escape sequence: \"\\\".", 1, 6);
    /* Quoted source text is cut in UTF-16 units, as graphql-js slices it; a NUL byte cannot
     * be in a message and shows as U+FFFD. */
    EXPECT_ERROR("\"bad \\u\xC3\xA9... esc\"",
                 "Invalid Unicode escape sequence: \"\\u\xC3\xA9...\".", 1, 6);
    EXPECT_ERROR("\"bad \\\0 esc\"", "Invalid character escape sequence: \"\\\xEF\xBF\xBD\".", 1,
                 6);
    EXPECT_ERROR("\"bad \\u{1\0}\"", "Invalid Unicode escape sequence: \"\\u{1\xEF\xBF\xBD\".", 1,
                 6);
    EXPECT_ERROR("\"bad \\u1 esc\"", "Invalid Unicode escape sequence: \"\\u1 es\".", 1, 6);
    EXPECT_ERROR("\"bad \\u0XX1 esc\"", "Invalid Unicode escape sequence: \"\\u0XX1\".", 1, 6);
    EXPECT_ERROR("\"bad \\uXXXX esc\"", "Invalid Unicode escape sequence: \"\\uXXXX\".", 1, 6);
    EXPECT_ERROR("\"bad \\uFXXX esc\"", "Invalid Unicode escape sequence: \"\\uFXXX\".", 1, 6);
    EXPECT_ERROR("\"bad \\uXXXF esc\"", "Invalid Unicode escape sequence: \"\\uXXXF\".", 1, 6);
    EXPECT_ERROR("\"bad \\u12", "Invalid Unicode escape sequence: \"\\u12\".", 1, 6);
    EXPECT_ERROR("\"bad \\u{} esc\"", "Invalid Unicode escape sequence: \"\\u{}\".", 1, 6);
    EXPECT_ERROR("\"bad \\u{FXXX} esc\"", "Invalid Unicode escape sequence: \"\\u{FX\".", 1, 6);
    EXPECT_ERROR("\"bad \\u{FFFF esc\"", "Invalid Unicode escape sequence: \"\\u{FFFF \".", 1, 6);
    EXPECT_ERROR("\"bad \\u{FFFF\"", "Invalid Unicode escape sequence: \"\\u{FFFF\"\".", 1, 6);
    EXPECT_ERROR("\"bad \\u{FF", "Invalid Unicode escape sequence: \"\\u{FF\".", 1, 6);
    EXPECT_ERROR("\"too high \\u{110000} esc\"",
                 "Invalid Unicode escape sequence: \"\\u{110000}\".", 1, 11);
    EXPECT_ERROR("\"way too high \\u{12345678} esc\"",
                 "Invalid Unicode escape sequence: \"\\u{12345678}\".", 1, 15);
    EXPECT_ERROR("\"overflow \\u{FFFFFFFF} esc\"",
                 "Invalid Unicode escape sequence: \"\\u{FFFFFFFF\".", 1, 11);
    EXPECT_ERROR("\"too long \\u{000000000} esc\"",
                 "Invalid Unicode escape sequence: \"\\u{000000000\".", 1, 11);
    EXPECT_ERROR("\"bad surrogate \\uDEAD esc\"", "Invalid Unicode escape sequence: \"\\uDEAD\".",
                 1, 16);
    EXPECT_ERROR("\"bad surrogate \\u{DEAD} esc\"",
                 "Invalid Unicode escape sequence: \"\\u{DEAD}\".", 1, 16);
    EXPECT_ERROR("\"cannot use braces for surrogate pair \\u{D83D}\\u{DE00} esc\"",
                 "Invalid Unicode escape sequence: \"\\u{D83D}\".", 1, 39);
    EXPECT_ERROR("\"bad high surrogate pair \\uDEAD\\uDEAD esc\"",
                 "Invalid Unicode escape sequence: \"\\uDEAD\".", 1, 26);
    EXPECT_ERROR("\"bad low surrogate pair \\uD800\\uD800 esc\"",
                 "Invalid Unicode escape sequence: \"\\uD800\".", 1, 25);
    EXPECT_ERROR("\"bad \\uD83D\\not an escape\"", "Invalid Unicode escape sequence: \"\\uD83D\".",
                 1, 6);
    EXPECT_ERROR("\"bad \\uD83D\\u{DE00}\"", "Invalid Unicode escape sequence: \"\\uD83D\".", 1, 6);
}

static void test_reports_invalid_characters_within_strings(void)
{
    /* Surrogates written as UTF-8 (as a lone surrogate in a JavaScript string). */
    EXPECT_ERROR("\"bad surrogate \xED\xBA\xAD\"", "Invalid character within String: U+DEAD.", 1,
                 16);
    EXPECT_ERROR("\"bad high surrogate pair \xED\xBA\xAD\xED\xBA\xAD\"",
                 "Invalid character within String: U+DEAD.", 1, 26);
    EXPECT_ERROR("\"bad low surrogate pair \xED\xA0\x80\xED\xA0\x80\"",
                 "Invalid character within String: U+D800.", 1, 25);
    EXPECT_ERROR("\"cannot escape half a pair \xED\xA0\xBD\\uDE00 esc\"",
                 "Invalid character within String: U+D83D.", 1, 28);
    /* Bytes that are not UTF-8 at all. */
    EXPECT_ERROR("\"bad \xFF byte\"", "Invalid character within String: 0xFF (not UTF-8).", 1, 6);
    EXPECT_ERROR("\"overlong \xC0\x80\"", "Invalid character within String: 0xC0 (not UTF-8).", 1,
                 11);
    EXPECT_ERROR("\"truncated \xE2\x82", "Invalid character within String: 0xE2 (not UTF-8).", 1,
                 12);
    EXPECT_ERROR("\"too high \xF4\x90\x80\x80\"",
                 "Invalid character within String: 0xF4 (not UTF-8).", 1, 11);
    EXPECT_ERROR("\"lone continuation \x80\"", "Invalid character within String: 0x80 (not UTF-8).",
                 1, 20);
    EXPECT_ERROR("\"\"\"block \xFE\"\"\"", "Invalid character within String: 0xFE (not UTF-8).", 1,
                 10);
}

static void test_lexes_block_strings(void)
{
    EXPECT_TOKEN("\"\"\"\"\"\"", BLOCK_STRING, 0, 6, "");
    EXPECT_TOKEN("\"\"\"simple\"\"\"", BLOCK_STRING, 0, 12, "simple");
    EXPECT_TOKEN("\"\"\" white space \"\"\"", BLOCK_STRING, 0, 19, " white space ");
    EXPECT_TOKEN("\"\"\"contains \" quote\"\"\"", BLOCK_STRING, 0, 22, "contains \" quote");
    EXPECT_TOKEN("\"\"\"contains \\\"\"\" triple quote\"\"\"", BLOCK_STRING, 0, 32,
                 "contains \"\"\" triple quote");
    EXPECT_TOKEN("\"\"\"multi\nline\"\"\"", BLOCK_STRING, 0, 16, "multi\nline");
    EXPECT_TOKEN("\"\"\"multi\rline\r\nnormalized\"\"\"", BLOCK_STRING, 0, 28,
                 "multi\nline\nnormalized");
    EXPECT_TOKEN("\"\"\"unescaped \\n\\r\\b\\t\\f\\u1234\"\"\"", BLOCK_STRING, 0, 32,
                 "unescaped \\n\\r\\b\\t\\f\\u1234");
    EXPECT_TOKEN("\"\"\"unescaped unicode outside BMP \xF0\x9F\x98\x80\"\"\"", BLOCK_STRING, 0, 40,
                 "unescaped unicode outside BMP \xF0\x9F\x98\x80");
    EXPECT_TOKEN("\"\"\"slashes \\\\ \\/\"\"\"", BLOCK_STRING, 0, 19, "slashes \\\\ \\/");
    EXPECT_TOKEN("\"\"\"\n\n        spans\n          multiple\n            lines\n\n        \"\"\"",
                 BLOCK_STRING, 0, 68, "spans\n  multiple\n    lines");
    EXPECT_TOKEN("\"\"\"  \n\t\n\"\"\"", BLOCK_STRING, 0, 11, "");
    EXPECT_TOKEN("\"\"\"a \\\"\"\"\n  b\"\"\"", BLOCK_STRING, 0, 16, "a \"\"\"\nb");
}

static void test_advances_the_line_after_a_multi_line_block_string(void)
{
    static const char one[] = "\"\"\"\n\n        spans\n          multiple\n            lines\n\n"
                              "        \n \"\"\" second_token";
    EXPECT_POSITION(one, 2, 8, 6);
    EXPECT_POSITION(one, 1, 1, 1);
    static const char two[] = "\"\"\" \nspans \r\nmultiple \n\rlines \n\n\"\"\"\n second_token";
    EXPECT_POSITION(two, 2, 8, 2);
    struct arena *a = arena_new(0);
    struct lexed r = lex_nth(a, two, sizeof two - 1, 2);
    CU_ASSERT_EQUAL(r.tok.start, 37);
    CU_ASSERT_EQUAL(r.tok.end, 49);
    arena_free(a);
}

static void test_reports_block_string_errors(void)
{
    EXPECT_ERROR("\"\"\"", "Unterminated string.", 1, 4);
    EXPECT_ERROR("\"\"\"no end quote", "Unterminated string.", 1, 16);
    EXPECT_ERROR("\"\"\"two\nlines", "Unterminated string.", 2, 6);
    EXPECT_ERROR("\"\"\"escaped end \\\"\"\"", "Unterminated string.", 1, 20);
    EXPECT_ERROR("\"\"\"contains invalid surrogate \xED\xBA\xAD\"\"\"",
                 "Invalid character within String: U+DEAD.", 1, 31);
    EXPECT_ERROR("\"\"\"\n\n  \xED\xBA\xAD\"\"\"", "Invalid character within String: U+DEAD.", 3,
                 3);
}

/* gql_block_string_value() on raw text; want is the expected value. */
static void expect_block_value(int line, const char *raw, const char *want)
{
    struct arena *a = arena_new(0);
    struct str v = gql_block_string_value(a, str_from(raw));
    check(str_eq_cstr(v, want), line, "block value of \"%s\": \"%.*s\", want \"%s\"", raw,
          STR_FMT(v), want);
    arena_free(a);
}

#define EXPECT_BLOCK_VALUE(raw, want) expect_block_value(__LINE__, (raw), (want))

static void test_block_string_values_follow_the_dedent_rules(void)
{
    /* Uniform indentation is removed from every line but the first. */
    EXPECT_BLOCK_VALUE("\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.",
                       "Hello,\n  World!\n\nYours,\n  GraphQL.");
    /* Blank leading and trailing lines go, blank inner lines stay (dedented). */
    EXPECT_BLOCK_VALUE("\n\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n\n",
                       "Hello,\n  World!\n\nYours,\n  GraphQL.");
    EXPECT_BLOCK_VALUE("  \n        \n    Hello,\n  \n    World!\n  \t \n", "Hello,\n\nWorld!");
    /* The first line keeps its indentation and does not count for the common one. */
    EXPECT_BLOCK_VALUE("    Hello,\n      World!", "    Hello,\nWorld!");
    EXPECT_BLOCK_VALUE("Hello,\n    World!", "Hello,\nWorld!");
    /* Trailing spaces are kept; tabs indent like spaces. */
    EXPECT_BLOCK_VALUE("\n    a   \n    b  ", "a   \nb  ");
    EXPECT_BLOCK_VALUE("\n\t\ta\n\t\t\tb", "a\n\tb");
    /* Inner lines shorter than the common indentation become empty. */
    EXPECT_BLOCK_VALUE("\n    a\n  \n    b", "a\n\nb");
    EXPECT_BLOCK_VALUE("", "");
    EXPECT_BLOCK_VALUE("   ", "");
    EXPECT_BLOCK_VALUE("\n\n\n", "");
    EXPECT_BLOCK_VALUE("\r\n  x\r\n  y\r\n", "x\ny");
    EXPECT_BLOCK_VALUE("a\\\"\"\"b", "a\"\"\"b");
    EXPECT_BLOCK_VALUE("a\\\"\"", "a\\\"\"");
}

static void test_plain_block_strings_are_slices_of_the_source(void)
{
    static const char one[] = "\n    only line\n";
    static const char flush[] = "\nfirst\nsecond\n";
    struct arena *a = arena_new(0);
    struct str v = gql_block_string_value(a, STR(one));
    CU_ASSERT(str_eq(v, STR("only line")));
    CU_ASSERT_PTR_EQUAL(v.ptr, one + 5);
    v = gql_block_string_value(a, STR(flush));
    CU_ASSERT(str_eq(v, STR("first\nsecond")));
    CU_ASSERT_PTR_EQUAL(v.ptr, flush + 1);
    arena_free(a);
}

static void test_lexes_numbers(void)
{
    EXPECT_TOKEN("4", INT, 0, 1, "4");
    EXPECT_TOKEN("4.123", FLOAT, 0, 5, "4.123");
    EXPECT_TOKEN("-4", INT, 0, 2, "-4");
    EXPECT_TOKEN("9", INT, 0, 1, "9");
    EXPECT_TOKEN("0", INT, 0, 1, "0");
    EXPECT_TOKEN("-0", INT, 0, 2, "-0");
    EXPECT_TOKEN("-4.123", FLOAT, 0, 6, "-4.123");
    EXPECT_TOKEN("0.123", FLOAT, 0, 5, "0.123");
    EXPECT_TOKEN("123e4", FLOAT, 0, 5, "123e4");
    EXPECT_TOKEN("123E4", FLOAT, 0, 5, "123E4");
    EXPECT_TOKEN("123e-4", FLOAT, 0, 6, "123e-4");
    EXPECT_TOKEN("123e+4", FLOAT, 0, 6, "123e+4");
    EXPECT_TOKEN("-1.123e4", FLOAT, 0, 8, "-1.123e4");
    EXPECT_TOKEN("-1.123E4", FLOAT, 0, 8, "-1.123E4");
    EXPECT_TOKEN("-1.123e-4", FLOAT, 0, 9, "-1.123e-4");
    EXPECT_TOKEN("-1.123e+4", FLOAT, 0, 9, "-1.123e+4");
    EXPECT_TOKEN("-1.123e4567", FLOAT, 0, 11, "-1.123e4567");
    EXPECT_TOKEN("0e0", FLOAT, 0, 3, "0e0");
    EXPECT_TOKEN("12345678901234567890", INT, 0, 20, "12345678901234567890");
    EXPECT_TOKEN("1,", INT, 0, 1, "1");
    EXPECT_TOKEN("1)", INT, 0, 1, "1");
}

static void test_reports_number_errors(void)
{
    EXPECT_ERROR("00", "Invalid number, unexpected digit after 0: \"0\".", 1, 2);
    EXPECT_ERROR("01", "Invalid number, unexpected digit after 0: \"1\".", 1, 2);
    EXPECT_ERROR("01.23", "Invalid number, unexpected digit after 0: \"1\".", 1, 2);
    EXPECT_ERROR("-01", "Invalid number, unexpected digit after 0: \"1\".", 1, 3);
    EXPECT_ERROR("+1", "Unexpected character: \"+\".", 1, 1);
    EXPECT_ERROR("1.", "Invalid number, expected digit but got: <EOF>.", 1, 3);
    EXPECT_ERROR("1e", "Invalid number, expected digit but got: <EOF>.", 1, 3);
    EXPECT_ERROR("1E", "Invalid number, expected digit but got: <EOF>.", 1, 3);
    EXPECT_ERROR("1.e1", "Invalid number, expected digit but got: \"e\".", 1, 3);
    EXPECT_ERROR(".123", "Unexpected character: \".\".", 1, 1);
    EXPECT_ERROR("1.A", "Invalid number, expected digit but got: \"A\".", 1, 3);
    EXPECT_ERROR("-A", "Invalid number, expected digit but got: \"A\".", 1, 2);
    EXPECT_ERROR("-", "Invalid number, expected digit but got: <EOF>.", 1, 2);
    EXPECT_ERROR("1.0e", "Invalid number, expected digit but got: <EOF>.", 1, 5);
    EXPECT_ERROR("1.0eA", "Invalid number, expected digit but got: \"A\".", 1, 5);
    EXPECT_ERROR("1.0e\"", "Invalid number, expected digit but got: '\"'.", 1, 5);
    EXPECT_ERROR("1.0e+", "Invalid number, expected digit but got: <EOF>.", 1, 6);
    EXPECT_ERROR("1.2e3e", "Invalid number, expected digit but got: \"e\".", 1, 6);
    EXPECT_ERROR("1.2e3.4", "Invalid number, expected digit but got: \".\".", 1, 6);
    EXPECT_ERROR("1.23.4", "Invalid number, expected digit but got: \".\".", 1, 5);
    EXPECT_ERROR("1.\xC3\xA9", "Invalid number, expected digit but got: U+00E9.", 1, 3);
}

static void test_a_name_start_cannot_follow_a_number(void)
{
    EXPECT_ERROR("0xF1", "Invalid number, expected digit but got: \"x\".", 1, 2);
    EXPECT_ERROR("0b10", "Invalid number, expected digit but got: \"b\".", 1, 2);
    EXPECT_ERROR("123abc", "Invalid number, expected digit but got: \"a\".", 1, 4);
    EXPECT_ERROR("1_234", "Invalid number, expected digit but got: \"_\".", 1, 2);
    EXPECT_ERROR("1\xC3\x9F", "Unexpected character: U+00DF.", 1, 2);
    EXPECT_ERROR("1.23f", "Invalid number, expected digit but got: \"f\".", 1, 5);
    EXPECT_ERROR("1.234_5", "Invalid number, expected digit but got: \"_\".", 1, 6);
}

static void test_lexes_punctuation(void)
{
    EXPECT_TOKEN("!", BANG, 0, 1, "");
    EXPECT_TOKEN("$", DOLLAR, 0, 1, "");
    EXPECT_TOKEN("&", AMP, 0, 1, "");
    EXPECT_TOKEN("(", PAREN_L, 0, 1, "");
    EXPECT_TOKEN(")", PAREN_R, 0, 1, "");
    EXPECT_TOKEN("...", SPREAD, 0, 3, "");
    EXPECT_TOKEN(":", COLON, 0, 1, "");
    EXPECT_TOKEN("=", EQUALS, 0, 1, "");
    EXPECT_TOKEN("@", AT, 0, 1, "");
    EXPECT_TOKEN("[", BRACKET_L, 0, 1, "");
    EXPECT_TOKEN("]", BRACKET_R, 0, 1, "");
    EXPECT_TOKEN("{", BRACE_L, 0, 1, "");
    EXPECT_TOKEN("|", PIPE, 0, 1, "");
    EXPECT_TOKEN("}", BRACE_R, 0, 1, "");
    EXPECT_TOKEN("....", SPREAD, 0, 3, "");
}

static void test_lexes_names(void)
{
    EXPECT_TOKEN("_", NAME, 0, 1, "_");
    EXPECT_TOKEN("__typename", NAME, 0, 10, "__typename");
    EXPECT_TOKEN("a1_B2", NAME, 0, 5, "a1_B2");
    EXPECT_TOKEN("abc\xC3\xA9", NAME, 0, 3, "abc");
    EXPECT_TOKEN("a-b", NAME, 0, 1, "a");
    /* graphql-js: the dash starts a number, which then lacks its digits. */
    EXPECT_ERROR("a-b", "Invalid number, expected digit but got: \"b\".", 1, 3);
}

static void test_reports_unexpected_and_invalid_characters(void)
{
    EXPECT_ERROR("..", "Unexpected character: \".\".", 1, 1);
    EXPECT_ERROR("~", "Unexpected character: \"~\".", 1, 1);
    EXPECT_ERROR("?", "Unexpected character: \"?\".", 1, 1);
    EXPECT_ERROR("\x00", "Unexpected character: U+0000.", 1, 1);
    EXPECT_ERROR("\b", "Unexpected character: U+0008.", 1, 1);
    EXPECT_ERROR("\a", "Unexpected character: U+0007.", 1, 1);
    EXPECT_ERROR("\x7F", "Unexpected character: U+007F.", 1, 1);
    EXPECT_ERROR("\xC2\xAA", "Unexpected character: U+00AA.", 1, 1);
    EXPECT_ERROR("\xE0\xAA\xAA", "Unexpected character: U+0AAA.", 1, 1);
    EXPECT_ERROR("\xE2\x80\xBB", "Unexpected character: U+203B.", 1, 1);
    EXPECT_ERROR("\xF0\x9F\x98\x80", "Unexpected character: U+1F600.", 1, 1);
    EXPECT_ERROR("\xF0\x90\x80\x80", "Unexpected character: U+10000.", 1, 1);
    EXPECT_ERROR("\xF4\x8F\xBF\xBF", "Unexpected character: U+10FFFF.", 1, 1);
    EXPECT_ERROR("\xEF\xBB", "Invalid character: 0xEF (not UTF-8).", 1, 1);
    EXPECT_ERROR("\xED\xBA\xAD", "Invalid character: U+DEAD.", 1, 1);
    EXPECT_ERROR("\xFF", "Invalid character: 0xFF (not UTF-8).", 1, 1);
    EXPECT_ERROR("\xC0\xAF", "Invalid character: 0xC0 (not UTF-8).", 1, 1);
    EXPECT_ERROR("\xE0\x80\xAF", "Invalid character: 0xE0 (not UTF-8).", 1, 1);
    EXPECT_ERROR("\x80", "Invalid character: 0x80 (not UTF-8).", 1, 1);
    EXPECT_ERROR("a \xF0\x9F\x98\x80 }", "Unexpected character: U+1F600.", 1, 3);
}

static void test_comments_end_at_a_line_terminator_or_an_invalid_character(void)
{
    EXPECT_TOKEN("# Comment\nAnother line", NAME, 10, 17, "Another");
    EXPECT_TOKEN("# Comment\r\nAnother line", NAME, 11, 18, "Another");
    EXPECT_TOKEN("# Comment \xF0\x9F\x98\x80\nx", NAME, 15, 16, "x");
    EXPECT_TOKEN("# \a control characters are fine\nx", NAME, 32, 33, "x");
    EXPECT_ERROR("# Invalid surrogate \xED\xBA\xAD", "Invalid character: U+DEAD.", 1, 21);
    EXPECT_ERROR("# Invalid byte \xFF", "Invalid character: 0xFF (not UTF-8).", 1, 16);
}

static void test_columns_count_utf16_code_units(void)
{
    /* é is one unit (two bytes), 😀 two units (four bytes), ࠀ one unit (three bytes). */
    EXPECT_POSITION("\"\xC3\xA9\" a", 2, 1, 5);
    EXPECT_POSITION("\"\xF0\x9F\x98\x80\" a", 2, 1, 6);
    EXPECT_POSITION("\"\xE0\xA0\x80\" a", 2, 1, 5);
    EXPECT_POSITION("# \xF0\x9F\x98\x80\xF0\x9F\x98\x80\n  a", 1, 2, 3);
    EXPECT_POSITION("\"\xF0\x9F\x98\x80\" \"\xF0\x9F\x98\x80\" \"\xF0\x9F\x98\x80\" a", 4, 1, 16);
    EXPECT_ERROR("\"\xF0\x9F\x98\x80\" ~", "Unexpected character: \"~\".", 1, 6);
    /* A string's own column does not count the characters inside it. */
    EXPECT_POSITION("\"\xC3\xA9\" \"\xF0\x9F\x98\x80\" \"\\u00e9\xC3\xA9\"", 2, 1, 5);
    EXPECT_POSITION("\"\xC3\xA9\" \"\xF0\x9F\x98\x80\" \"\\u00e9\xC3\xA9\"", 3, 1, 10);
    EXPECT_POSITION("\"\"\"\xC3\xA9\"\"\" \"\"\"\xC3\xA9\"\"\"", 2, 1, 9);
    /* Only the characters on the token's own line count. */
    EXPECT_POSITION("\"\"\"\xF0\x9F\x98\x80\n\xF0\x9F\x98\x80\"\"\" a", 2, 2, 7);
    EXPECT_POSITION("\"\xC3\xA9\xC3\xA9\" # \xC3\xA9\r\n  a", 2, 2, 3);
    EXPECT_POSITION("\xEF\xBB\xBF\xEF\xBB\xBF a", 1, 1, 4);
}

static void test_long_comments_are_scanned_exactly(void)
{
    /* Comments are scanned eight bytes at a time: put the interesting byte at every offset. */
    struct arena *a = arena_new(0);
    for (int k = 0; k < 24; k++) {
        struct buf b = BUF_INIT(a);
        buf_appendc(&b, '#');
        for (int i = 0; i < k; i++)
            buf_appendc(&b, 'x');
        buf_appends(&b, "\xC3\xA9\ty\n a");
        struct lexed r = lex_nth(a, b.ptr, b.len, 1);
        check(r.rc == WM_OK && r.tok.line == 2 && r.tok.column == 2, __LINE__,
              "comment with a wide character after %d bytes", k);

        buf_reset(&b);
        buf_appendc(&b, '#');
        for (int i = 0; i < k; i++)
            buf_appendc(&b, 'x');
        buf_appends(&b, "\r~");
        r = lex_nth(a, b.ptr, b.len, 1);
        check(r.rc == WM_EINVAL && r.loc.line == 2 && r.loc.column == 1, __LINE__,
              "comment ended by CR after %d bytes", k);

        buf_reset(&b);
        buf_appendc(&b, '#');
        for (int i = 0; i < k; i++)
            buf_appendc(&b, 'x');
        buf_appendc(&b, (char)0xFF);
        r = lex_nth(a, b.ptr, b.len, 1);
        check(r.rc == WM_EINVAL && r.loc.line == 1 && r.loc.column == (uint32_t)k + 2, __LINE__,
              "comment ended by an invalid byte after %d bytes", k);

        buf_reset(&b);
        buf_appendc(&b, '#');
        for (int i = 0; i < k; i++)
            buf_appendc(&b, 'x');
        r = lex_nth(a, b.ptr, b.len, 1); /* to the very end, no terminator */
        check(r.rc == WM_OK && r.tok.kind == GQL_TOKEN_EOF && r.tok.start == (size_t)k + 1,
              __LINE__, "comment to the end after %d bytes", k);
    }
    arena_free(a);
}

static void test_columns_stay_right_on_a_very_long_line(void)
{
    size_t n = 200000;
    char *src = malloc(n + 2);
    memset(src, ' ', n);
    memcpy(src + n - 3, "a b", 3);
    struct arena *a = arena_new(0);
    struct gql_lexer lx;
    gql_lexer_init(&lx, a, src, n);
    CU_ASSERT_EQUAL(gql_lex_next(&lx), WM_OK);
    CU_ASSERT_EQUAL(lx.token.column, n - 2);
    CU_ASSERT_EQUAL(gql_lex_next(&lx), WM_OK);
    CU_ASSERT_EQUAL(lx.token.column, n);
    CU_ASSERT_EQUAL(lx.token.line, 1);
    arena_free(a);
    free(src);
}

static void test_peek_looks_ahead_without_advancing(void)
{
    static const char src[] = "a # note\n b";
    struct arena *a = arena_new(0);
    struct gql_lexer lx;
    const struct gql_token *t;
    gql_lexer_init(&lx, a, src, sizeof src - 1);
    CU_ASSERT_EQUAL(lx.token.kind, GQL_TOKEN_SOF);
    CU_ASSERT_EQUAL(gql_lex_peek(&lx, &t), WM_OK);
    CU_ASSERT(str_eq(t->value, STR("a")));
    CU_ASSERT_EQUAL(lx.token.kind, GQL_TOKEN_SOF);
    CU_ASSERT_EQUAL(gql_lex_next(&lx), WM_OK);
    CU_ASSERT(str_eq(lx.token.value, STR("a")));
    CU_ASSERT_EQUAL(gql_lex_peek(&lx, &t), WM_OK);
    CU_ASSERT(str_eq(t->value, STR("b")));
    CU_ASSERT_EQUAL(t->line, 2);
    CU_ASSERT_EQUAL(t->column, 2);
    CU_ASSERT_EQUAL(gql_lex_peek(&lx, &t), WM_OK); /* twice: the same token */
    CU_ASSERT(str_eq(t->value, STR("b")));
    CU_ASSERT(str_eq(lx.token.value, STR("a")));
    CU_ASSERT_EQUAL(gql_lex_next(&lx), WM_OK);
    CU_ASSERT(str_eq(lx.token.value, STR("b")));
    CU_ASSERT(str_eq(lx.last.value, STR("a")));
    CU_ASSERT_EQUAL(gql_lex_peek(&lx, &t), WM_OK);
    CU_ASSERT_EQUAL(t->kind, GQL_TOKEN_EOF);
    arena_free(a);
}

static void test_the_end_repeats_and_a_failure_sticks(void)
{
    struct arena *a = arena_new(0);
    struct gql_lexer lx;
    gql_lexer_init(&lx, a, "x", 1);
    CU_ASSERT_EQUAL(gql_lex_next(&lx), WM_OK);
    for (int i = 0; i < 3; i++) {
        CU_ASSERT_EQUAL(gql_lex_next(&lx), WM_OK);
        CU_ASSERT_EQUAL(lx.token.kind, GQL_TOKEN_EOF);
    }
    gql_lexer_init(&lx, a, "a ~ b", 5);
    CU_ASSERT_EQUAL(gql_lex_next(&lx), WM_OK);
    CU_ASSERT_EQUAL(gql_lex_next(&lx), WM_EINVAL);
    CU_ASSERT(str_eq(lx.token.value, STR("a"))); /* unchanged */
    CU_ASSERT_EQUAL(gql_lex_next(&lx), WM_EINVAL);
    const struct gql_token *t;
    CU_ASSERT_EQUAL(gql_lex_peek(&lx, &t), WM_EINVAL);
    CU_ASSERT_STRING_EQUAL(lx.error, "Unexpected character: \"~\".");
    arena_free(a);
}

static void test_token_kinds_are_described_as_graphql_js_does(void)
{
    CU_ASSERT_STRING_EQUAL(gql_token_kind_desc(GQL_TOKEN_SOF), "<SOF>");
    CU_ASSERT_STRING_EQUAL(gql_token_kind_desc(GQL_TOKEN_EOF), "<EOF>");
    CU_ASSERT_STRING_EQUAL(gql_token_kind_desc(GQL_TOKEN_SPREAD), "...");
    CU_ASSERT_STRING_EQUAL(gql_token_kind_desc(GQL_TOKEN_NAME), "Name");
    CU_ASSERT_STRING_EQUAL(gql_token_kind_desc(GQL_TOKEN_BLOCK_STRING), "BlockString");
    CU_ASSERT(gql_token_is_punctuator(GQL_TOKEN_BANG));
    CU_ASSERT(gql_token_is_punctuator(GQL_TOKEN_BRACE_R));
    CU_ASSERT(gql_token_is_punctuator(GQL_TOKEN_AMP));
    CU_ASSERT(!gql_token_is_punctuator(GQL_TOKEN_NAME));
    CU_ASSERT(!gql_token_is_punctuator(GQL_TOKEN_EOF));
    CU_ASSERT(!gql_token_is_punctuator(GQL_TOKEN_STRING));
}

static void test_source_locations_count_lines_like_graphql_js(void)
{
    static const char src[] = "ab\r\ncd\ref\n\xF0\x9F\x98\x80g";
    struct gql_loc l = gql_source_loc(src, sizeof src - 1, 0);
    CU_ASSERT(l.line == 1 && l.column == 1);
    l = gql_source_loc(src, sizeof src - 1, 4);
    CU_ASSERT(l.line == 2 && l.column == 1);
    l = gql_source_loc(src, sizeof src - 1, 8);
    CU_ASSERT(l.line == 3 && l.column == 2);
    l = gql_source_loc(src, sizeof src - 1, 14);
    CU_ASSERT(l.line == 4 && l.column == 3);
    l = gql_source_loc(src, sizeof src - 1, 999); /* clamped to the end */
    CU_ASSERT(l.line == 4 && l.column == 4);
}

static CU_TestInfo tests[] = {
    { "ignores the byte order mark", test_ignores_the_byte_order_mark },
    { "tracks line breaks", test_tracks_line_breaks },
    { "records line and column", test_records_line_and_column },
    { "skips white space, commas and comments", test_skips_whitespace_commas_and_comments },
    { "errors report their line and column", test_errors_report_their_line_and_column },
    { "lexes strings", test_lexes_strings },
    { "a string without escapes is a slice of the source",
      test_a_string_without_escapes_is_a_slice_of_the_source },
    { "reports string errors", test_reports_string_errors },
    { "reports invalid characters within strings", test_reports_invalid_characters_within_strings },
    { "lexes block strings", test_lexes_block_strings },
    { "advances the line after a multi-line block string",
      test_advances_the_line_after_a_multi_line_block_string },
    { "reports block string errors", test_reports_block_string_errors },
    { "block string values follow the dedent rules",
      test_block_string_values_follow_the_dedent_rules },
    { "plain block strings are slices of the source",
      test_plain_block_strings_are_slices_of_the_source },
    { "lexes numbers", test_lexes_numbers },
    { "reports number errors", test_reports_number_errors },
    { "a name start cannot follow a number", test_a_name_start_cannot_follow_a_number },
    { "lexes punctuation", test_lexes_punctuation },
    { "lexes names", test_lexes_names },
    { "reports unexpected and invalid characters", test_reports_unexpected_and_invalid_characters },
    { "comments end at a line terminator or an invalid character",
      test_comments_end_at_a_line_terminator_or_an_invalid_character },
    { "columns count UTF-16 code units", test_columns_count_utf16_code_units },
    { "long comments are scanned exactly", test_long_comments_are_scanned_exactly },
    { "columns stay right on a very long line", test_columns_stay_right_on_a_very_long_line },
    { "peek looks ahead without advancing", test_peek_looks_ahead_without_advancing },
    { "the end repeats and a failure sticks", test_the_end_repeats_and_a_failure_sticks },
    { "token kinds are described as graphql-js does",
      test_token_kinds_are_described_as_graphql_js_does },
    { "source locations count lines like graphql-js",
      test_source_locations_count_lines_like_graphql_js },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_language_lexer, "graphql/language/lexer", NULL, NULL, tests);
