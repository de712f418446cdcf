/*
 * test_fingerprint.c: gql_document_fingerprint() ignores exactly what the lexical grammar
 * ignores (white space, commas, comments, escape spelling) and nothing else.
 */
#include "graphql/graphql.h"

#include <string.h>

#include "core/arena.h"
#include "test.h"

static uint64_t fp(struct arena *a, const char *text)
{
    uint64_t v = 0;
    CU_ASSERT_TRUE(gql_document_fingerprint(a, text, strlen(text), &v));
    return v;
}

static void ignored_tokens_do_not_change_it(void)
{
    struct arena *a = arena_new(0);
    uint64_t base = fp(a, "query Q($a: Int) { f(a: $a) { x y } }");
    CU_ASSERT_EQUAL(fp(a, "query Q($a:Int){f(a:$a){x,y}}"), base);
    CU_ASSERT_EQUAL(fp(a, "# c\nquery Q(\n  $a: Int\n) {\r\n f(a: $a) { x # y?\n y } }\n"), base);
    CU_ASSERT_EQUAL(fp(a, "{ f(s: \"\\u0041\") }"), fp(a, "{ f(s: \"A\") }"));
    arena_free(a);
}

static void significant_tokens_do(void)
{
    struct arena *a = arena_new(0);
    uint64_t base = fp(a, "{ f { x y } }");
    CU_ASSERT_NOT_EQUAL(fp(a, "{ f { x z } }"), base);
    CU_ASSERT_NOT_EQUAL(fp(a, "{ f { xy } }"), base);
    CU_ASSERT_NOT_EQUAL(fp(a, "{ f { y x } }"), base);
    CU_ASSERT_NOT_EQUAL(fp(a, "{ f(a: 1) { x y } }"), base);
    CU_ASSERT_NOT_EQUAL(fp(a, "{ f(a: \"1\") }"), fp(a, "{ f(a: 1) }"));
    arena_free(a);
}

static void text_that_does_not_lex_has_none(void)
{
    struct arena *a = arena_new(0);
    uint64_t v;
    CU_ASSERT_FALSE(gql_document_fingerprint(a, "{ \"unterminated }", 16, &v));
    CU_ASSERT_FALSE(gql_document_fingerprint(a, "{ ? }", 5, &v));
    arena_free(a);
}

static CU_TestInfo tests[] = {
    { "ignored tokens do not change it", ignored_tokens_do_not_change_it },
    { "significant tokens do", significant_tokens_do },
    { "text that does not lex has none", text_that_does_not_lex_has_none },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_language_fingerprint, "graphql/language/fingerprint", NULL, NULL, tests);
