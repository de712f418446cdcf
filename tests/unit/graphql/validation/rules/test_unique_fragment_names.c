/*
 * test_unique_fragment_names.c: unit tests for
 * src/graphql/validation/rules/unique_fragment_names.c: the cases of graphql-js's
 * __tests__/UniqueFragmentNamesRule-test.ts and more, each expecting exactly the errors (messages
 * and locations) graphql-js v16.8 reports for the same document against the same schema.
 */
#include "graphql/validation/rules.h"

#include "../harness.h"

static void test_no_fragments(void)
{
    expect_errors(&gql_rule_unique_fragment_names, "{ field }\n", "");
}

static void test_one_fragment(void)
{
    expect_errors(&gql_rule_unique_fragment_names,
                  "{ ...fragA }\n"
                  "fragment fragA on Type { field }\n",
                  "");
}

static void test_many_fragments(void)
{
    expect_errors(&gql_rule_unique_fragment_names,
                  "{ ...fragA ...fragB ...fragC }\n"
                  "fragment fragA on Type { fieldA }\n"
                  "fragment fragB on Type { fieldB }\n"
                  "fragment fragC on Type { fieldC }\n",
                  "");
}

static void test_inline_fragments_are_always_unique(void)
{
    expect_errors(&gql_rule_unique_fragment_names,
                  "{ ...on Type { fieldA } ...on Type { fieldB } }\n", "");
}

static void test_a_fragment_and_an_operation_named_the_same(void)
{
    expect_errors(&gql_rule_unique_fragment_names,
                  "query Foo { ...Foo }\n"
                  "fragment Foo on Type { field }\n",
                  "");
}

static void test_fragments_named_the_same(void)
{
    expect_errors(&gql_rule_unique_fragment_names,
                  "{ ...fragA }\n"
                  "fragment fragA on Type { fieldA }\n"
                  "fragment fragA on Type { fieldB }\n",
                  "There can be only one fragment named \"fragA\". (2:10, 3:10)\n");
}

static void test_fragments_named_the_same_without_being_referenced(void)
{
    expect_errors(&gql_rule_unique_fragment_names,
                  "fragment fragA on Type { fieldA }\n"
                  "fragment fragA on Type { fieldB }\n"
                  "fragment fragA on Type { fieldC }\n",
                  "There can be only one fragment named \"fragA\". (1:10, 2:10)\n"
                  "There can be only one fragment named \"fragA\". (1:10, 3:10)\n");
}

/* graphql-js reports the name nodes, wherever the names start. */
static void test_names_are_located_at_their_name_token(void)
{
    expect_errors(&gql_rule_unique_fragment_names,
                  "{ ...F }\n"
                  "fragment  F on Query { field }\n"
                  "fragment\n"
                  " F on Query { field }\n",
                  "There can be only one fragment named \"F\". (2:11, 4:2)\n");
}

static CU_TestInfo tests[] = {
    { "no fragments", test_no_fragments },
    { "one fragment", test_one_fragment },
    { "many fragments", test_many_fragments },
    { "inline fragments are always unique", test_inline_fragments_are_always_unique },
    { "a fragment and an operation named the same",
      test_a_fragment_and_an_operation_named_the_same },
    { "fragments named the same", test_fragments_named_the_same },
    { "fragments named the same without being referenced",
      test_fragments_named_the_same_without_being_referenced },
    { "names are located at their name token", test_names_are_located_at_their_name_token },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_rules_unique_fragment_names,
           "graphql/validation/rules/unique_fragment_names", harness_init, harness_clean, tests);
