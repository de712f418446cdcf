/*
 * test_printer.c: unit tests for src/graphql/language/printer.c: every kind of value literal
 * printed as graphql-js print() prints it, string escaping (printString) and block strings
 * (printBlockString), type references, and round trips: printing, parsing the print and
 * printing again gives the same text.
 */
#include "graphql/language/ast.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "graphql/graphql.h"
#include "test.h"

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

/* The value of argument x in "{ f(x: <literal>) }", or NULL after reporting why. */
static const struct gql_ast_value *parse_value(int line, struct arena *a, const char *literal)
{
    char *src = arena_printf(a, "{ f(x: %s) }", literal);
    struct gql_errors errs = { 0 };
    struct gql_document *doc;
    if (gql_parse(a, src, strlen(src), NULL, &doc, &errs) != WM_OK) {
        check(false, line, "cannot parse %s: %s", literal, errs.items[0].message);
        return NULL;
    }
    const struct gql_operation *op = (const struct gql_operation *)doc->definitions.items[0];
    return op->selection_set->selections.items[0]->args.items[0]->value;
}

/* literal prints as want, and want parses and prints as itself (a round trip). */
static void expect_print_at(int line, const char *literal, const char *want)
{
    struct arena *a = arena_new(0);
    const struct gql_ast_value *v = parse_value(line, a, literal);
    if (v != NULL) {
        const char *got = gql_print_value(a, v);
        check(strcmp(got, want) == 0, line, "%s printed as %s, want %s", literal, got, want);
        const struct gql_ast_value *again = parse_value(line, a, got);
        if (again != NULL) {
            const char *twice = gql_print_value(a, again);
            check(strcmp(twice, got) == 0, line, "%s reprinted as %s", got, twice);
        }
    }
    arena_free(a);
}

#define EXPECT_PRINT(literal, want) expect_print_at(__LINE__, (literal), (want))

static void test_prints_scalars_as_written(void)
{
    EXPECT_PRINT("123", "123");
    EXPECT_PRINT("-0", "-0");
    EXPECT_PRINT("1.5e-3", "1.5e-3");
    EXPECT_PRINT("1E10", "1E10");
    EXPECT_PRINT("true", "true");
    EXPECT_PRINT("false", "false");
    EXPECT_PRINT("null", "null");
    EXPECT_PRINT("RED", "RED");
    EXPECT_PRINT("$var", "$var");
    EXPECT_PRINT("\"\"", "\"\"");
    EXPECT_PRINT("\"x\"", "\"x\"");
}

static void test_prints_lists_and_objects_compactly(void)
{
    EXPECT_PRINT("{a: [1, 2], b: \"x\"}", "{a: [1, 2], b: \"x\"}");
    EXPECT_PRINT("{ a : [ 1 2 ] , b:\"x\" }", "{a: [1, 2], b: \"x\"}");
    EXPECT_PRINT("[]", "[]");
    EXPECT_PRINT("{}", "{}");
    EXPECT_PRINT("[[1], [], [[null]]]", "[[1], [], [[null]]]");
    EXPECT_PRINT("{a: {b: {c: [$v, ENUM, 1.0]}}}", "{a: {b: {c: [$v, ENUM, 1.0]}}}");
    EXPECT_PRINT("[{a: 1} {b: 2}]", "[{a: 1}, {b: 2}]");
}

static void test_strings_are_escaped_as_print_string_does(void)
{
    EXPECT_PRINT("\"quote \\\" and backslash \\\\\"", "\"quote \\\" and backslash \\\\\"");
    EXPECT_PRINT("\"\\n\\r\\t\\b\\f\"", "\"\\n\\r\\t\\b\\f\"");
    EXPECT_PRINT("\"\\u0000\\u0001\\u001F\\u000B\"", "\"\\u0000\\u0001\\u001F\\u000B\"");
    EXPECT_PRINT("\"\\u007F\\u0080\\u009F\\u00A0\"", "\"\\u007F\\u0080\\u009F\xC2\xA0\"");
    EXPECT_PRINT("\"slash \\/ stays\"", "\"slash / stays\"");
    EXPECT_PRINT("\"caf\\u00e9 \\uD83D\\uDE00\"", "\"caf\xC3\xA9 \xF0\x9F\x98\x80\"");
    EXPECT_PRINT("\"raw \a bell\"", "\"raw \\u0007 bell\"");
}

static void test_block_strings_print_as_print_block_string_does(void)
{
    EXPECT_PRINT("\"\"\"block\"\"\"", "\"\"\"block\"\"\"");
    EXPECT_PRINT("\"\"\"\n  two\n  lines\n\"\"\"", "\"\"\"\ntwo\nlines\n\"\"\"");
    EXPECT_PRINT("\"\"\"  leading space\"\"\"", "\"\"\"  leading space\"\"\"");
    EXPECT_PRINT("\"\"\"ends with quote\"\n\"\"\"", "\"\"\"\nends with quote\"\n\"\"\"");
    EXPECT_PRINT("\"\"\"ends with backslash\\\n\"\"\"", "\"\"\"\nends with backslash\\\n\"\"\"");
    EXPECT_PRINT("\"\"\"has \\\"\"\" inside\"\"\"", "\"\"\"has \\\"\"\" inside\"\"\"");
    EXPECT_PRINT("\"\"\"ends with \\\"\"\"\"\"\"", "\"\"\"\nends with \\\"\"\"\n\"\"\"");
    EXPECT_PRINT("\"\"\"first\n    indented\"\"\"", "\"\"\"\nfirst\nindented\n\"\"\"");
    EXPECT_PRINT("\"\"\"\n    first\n      second\"\"\"", "\"\"\"\nfirst\n  second\n\"\"\"");
}

static void test_block_string_edge_cases(void)
{
    struct arena *a = arena_new(0);
    struct buf b = BUF_INIT(a);
    /* Every line after the first starting with white space forces a leading newline, even
     * for a value that starts with white space. */
    gql_append_block_string(&b, STR("  a\n  b"));
    CU_ASSERT_STRING_EQUAL(b.ptr, "\"\"\"\n  a\n  b\n\"\"\"");
    buf_reset(&b);
    gql_append_block_string(&b, STR(""));
    CU_ASSERT_STRING_EQUAL(b.ptr, "\"\"\"\"\"\"");
    buf_reset(&b);
    /* Longer than 70 UTF-16 units: on its own lines. */
    gql_append_block_string(&b, STR("0123456789012345678901234567890123456789012345678901234567890"
                                    "1234567890"));
    CU_ASSERT(strncmp(b.ptr, "\"\"\"\n", 4) == 0);
    buf_reset(&b);
    /* 35 two-unit characters are 70 units: still one line. */
    struct buf emoji = BUF_INIT(a);
    for (int i = 0; i < 35; i++)
        buf_appends(&emoji, "\xF0\x9F\x98\x80");
    gql_append_block_string(&b, buf_str(&emoji));
    CU_ASSERT(strncmp(b.ptr, "\"\"\"\xF0", 4) == 0);
    buf_reset(&b);
    buf_appends(&emoji, "x");
    gql_append_block_string(&b, buf_str(&emoji));
    CU_ASSERT(strncmp(b.ptr, "\"\"\"\n", 4) == 0);
    buf_reset(&b);
    gql_append_block_string(&b, STR("a\r\n b"));
    CU_ASSERT_STRING_EQUAL(b.ptr, "\"\"\"\na\r\n b\n\"\"\"");
    arena_free(a);
}

static void test_string_printing_handles_bytes_around_c2(void)
{
    struct arena *a = arena_new(0);
    struct buf b = BUF_INIT(a);
    gql_append_string(&b, STR("\xC2")); /* truncated: copied as is */
    CU_ASSERT_STRING_EQUAL(b.ptr, "\"\xC2\"");
    buf_reset(&b);
    gql_append_string(&b, STR("\xC2\xA9\xC2\x85")); /* U+00A9 stays, U+0085 escaped */
    CU_ASSERT_STRING_EQUAL(b.ptr, "\"\xC2\xA9\\u0085\"");
    buf_reset(&b);
    gql_append_string(&b, (struct str){ "a\0b", 3 });
    CU_ASSERT_STRING_EQUAL(b.ptr, "\"a\\u0000b\"");
    arena_free(a);
}

static void test_prints_type_references(void)
{
    static const char *const types[] = { "Int", "Int!", "[Int]", "[Int!]!", "[[String]!]" };
    struct arena *a = arena_new(0);
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        char *src = arena_printf(a, "query ($v: %s) { f }", types[i]);
        struct gql_errors errs = { 0 };
        struct gql_document *doc;
        CU_ASSERT_EQUAL_FATAL(gql_parse(a, src, strlen(src), NULL, &doc, &errs), WM_OK);
        const struct gql_operation *op = (const struct gql_operation *)doc->definitions.items[0];
        CU_ASSERT_STRING_EQUAL(gql_print_type_ref(a, op->variables.items[0]->type), types[i]);
    }
    struct buf b = BUF_INIT(a);
    buf_appends(&b, "type: ");
    struct gql_type_ref named = { { GQL_NAMED_TYPE, { 1, 1 } }, STR("ID"), NULL };
    struct gql_type_ref nn = { { GQL_NON_NULL_TYPE, { 1, 1 } }, STR_NULL, &named };
    gql_append_type_ref(&b, &nn);
    CU_ASSERT_STRING_EQUAL(b.ptr, "type: ID!");
    arena_free(a);
}

static void test_printing_appends_to_what_is_there(void)
{
    struct arena *a = arena_new(0);
    const struct gql_ast_value *v = parse_value(__LINE__, a, "[1, \"two\"]");
    CU_ASSERT_PTR_NOT_NULL_FATAL(v);
    struct buf b = BUF_INIT(NULL);
    buf_appends(&b, "found ");
    gql_append_value(&b, v);
    buf_appendc(&b, '.');
    CU_ASSERT_STRING_EQUAL(b.ptr, "found [1, \"two\"].");
    buf_release(&b);
    arena_free(a);
}

static CU_TestInfo tests[] = {
    { "prints scalars as written", test_prints_scalars_as_written },
    { "prints lists and objects compactly", test_prints_lists_and_objects_compactly },
    { "strings are escaped as printString does", test_strings_are_escaped_as_print_string_does },
    { "block strings print as printBlockString does",
      test_block_strings_print_as_print_block_string_does },
    { "block string edge cases", test_block_string_edge_cases },
    { "string printing handles bytes around 0xC2", test_string_printing_handles_bytes_around_c2 },
    { "prints type references", test_prints_type_references },
    { "printing appends to what is there", test_printing_appends_to_what_is_there },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_language_printer, "graphql/language/printer", NULL, NULL, tests);
