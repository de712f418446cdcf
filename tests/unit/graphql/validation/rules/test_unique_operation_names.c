/*
 * test_unique_operation_names.c: unit tests for
 * src/graphql/validation/rules/unique_operation_names.c: the cases of graphql-js's
 * __tests__/UniqueOperationNamesRule-test.ts and more, each expecting exactly the errors (messages
 * and locations) graphql-js v16.8 reports for the same document against the same schema.
 */
#include "graphql/validation/rules.h"

#include "../harness.h"

static void test_no_operations(void)
{
    expect_errors(&gql_rule_unique_operation_names, "fragment fragA on Type { field }\n", "");
}

static void test_one_anonymous_operation(void)
{
    expect_errors(&gql_rule_unique_operation_names, "{ field }\n", "");
}

static void test_one_named_operation(void)
{
    expect_errors(&gql_rule_unique_operation_names, "query Foo { field }\n", "");
}

static void test_multiple_operations_with_different_names(void)
{
    expect_errors(&gql_rule_unique_operation_names,
                  "query Foo { field }\n"
                  "query Bar { field }\n",
                  "");
}

static void test_multiple_operations_of_different_types(void)
{
    expect_errors(&gql_rule_unique_operation_names,
                  "query Foo { field }\n"
                  "mutation Bar { field }\n"
                  "subscription Baz { field }\n",
                  "");
}

static void test_a_fragment_and_an_operation_may_share_a_name(void)
{
    expect_errors(&gql_rule_unique_operation_names,
                  "query Foo { ...Foo }\n"
                  "fragment Foo on Type { field }\n",
                  "");
}

static void test_multiple_operations_of_the_same_name(void)
{
    expect_errors(&gql_rule_unique_operation_names,
                  "query Foo { fieldA }\n"
                  "query Foo { fieldB }\n",
                  "There can be only one operation named \"Foo\". (1:7, 2:7)\n");
}

static void test_operations_of_different_types_with_the_same_name(void)
{
    expect_errors(&gql_rule_unique_operation_names,
                  "query Foo { fieldA }\n"
                  "mutation Foo { fieldB }\n"
                  "subscription Foo { fieldC }\n",
                  "There can be only one operation named \"Foo\". (1:7, 2:10)\n"
                  "There can be only one operation named \"Foo\". (1:7, 3:14)\n");
}

/* graphql-js reports the name nodes, wherever the names start. */
static void test_names_are_located_at_their_name_token(void)
{
    expect_errors(&gql_rule_unique_operation_names,
                  "query  Foo { field }\n"
                  "mutation\n"
                  "  Foo { field }\n",
                  "There can be only one operation named \"Foo\". (1:8, 3:3)\n");
    expect_errors(&gql_rule_unique_operation_names,
                  "query\tFoo { field }\n"
                  "query # a comment\n"
                  "  Foo { field }\n",
                  "There can be only one operation named \"Foo\". (1:7, 3:3)\n");
}

static CU_TestInfo tests[] = {
    { "no operations", test_no_operations },
    { "one anonymous operation", test_one_anonymous_operation },
    { "one named operation", test_one_named_operation },
    { "multiple operations with different names", test_multiple_operations_with_different_names },
    { "multiple operations of different types", test_multiple_operations_of_different_types },
    { "a fragment and an operation may share a name",
      test_a_fragment_and_an_operation_may_share_a_name },
    { "multiple operations of the same name", test_multiple_operations_of_the_same_name },
    { "operations of different types with the same name",
      test_operations_of_different_types_with_the_same_name },
    { "names are located at their name token", test_names_are_located_at_their_name_token },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_rules_unique_operation_names,
           "graphql/validation/rules/unique_operation_names", harness_init, harness_clean, tests);
