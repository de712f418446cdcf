/*
 * test_lone_anonymous_operation.c: unit tests for
 * src/graphql/validation/rules/lone_anonymous_operation.c: the cases of graphql-js's
 * __tests__/LoneAnonymousOperationRule-test.ts and more, each expecting exactly the errors
 * (messages and locations) graphql-js v16.8 reports for the same document against the same schema.
 */
#include "graphql/validation/rules.h"

#include "../harness.h"

static void test_no_operations(void)
{
    expect_errors(&gql_rule_lone_anonymous_operation, "fragment fragA on Type { field }\n", "");
}

static void test_one_anonymous_operation(void)
{
    expect_errors(&gql_rule_lone_anonymous_operation, "{ field }\n", "");
}

static void test_multiple_named_operations(void)
{
    expect_errors(&gql_rule_lone_anonymous_operation,
                  "query Foo { field }\n"
                  "query Bar { field }\n",
                  "");
}

static void test_an_anonymous_operation_with_fragments(void)
{
    expect_errors(&gql_rule_lone_anonymous_operation,
                  "{ ...Foo }\n"
                  "fragment Foo on Type { field }\n",
                  "");
}

static void test_multiple_anonymous_operations(void)
{
    expect_errors(&gql_rule_lone_anonymous_operation,
                  "{ fieldA }\n"
                  "{ fieldB }\n",
                  "This anonymous operation must be the only defined operation. (1:1)\n"
                  "This anonymous operation must be the only defined operation. (2:1)\n");
}

static void test_an_anonymous_operation_with_a_mutation(void)
{
    expect_errors(&gql_rule_lone_anonymous_operation,
                  "{ fieldA }\n"
                  "mutation Foo { fieldB }\n",
                  "This anonymous operation must be the only defined operation. (1:1)\n");
}

static void test_an_anonymous_operation_with_a_subscription(void)
{
    expect_errors(&gql_rule_lone_anonymous_operation,
                  "{ fieldA }\n"
                  "subscription Foo { fieldB }\n",
                  "This anonymous operation must be the only defined operation. (1:1)\n");
}

static void test_an_anonymous_query_keyword_counts_as_anonymous(void)
{
    expect_errors(&gql_rule_lone_anonymous_operation,
                  "query { fieldA }\n"
                  "query Named { fieldB }\n",
                  "This anonymous operation must be the only defined operation. (1:1)\n");
}

static CU_TestInfo tests[] = {
    { "no operations", test_no_operations },
    { "one anonymous operation", test_one_anonymous_operation },
    { "multiple named operations", test_multiple_named_operations },
    { "an anonymous operation with fragments", test_an_anonymous_operation_with_fragments },
    { "multiple anonymous operations", test_multiple_anonymous_operations },
    { "an anonymous operation with a mutation", test_an_anonymous_operation_with_a_mutation },
    { "an anonymous operation with a subscription",
      test_an_anonymous_operation_with_a_subscription },
    { "an anonymous query keyword counts as anonymous",
      test_an_anonymous_query_keyword_counts_as_anonymous },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_rules_lone_anonymous_operation,
           "graphql/validation/rules/lone_anonymous_operation", harness_init, harness_clean, tests);
