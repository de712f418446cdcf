/*
 * test_unique_variable_names.c: unit tests for
 * src/graphql/validation/rules/unique_variable_names.c: the cases of graphql-js's
 * __tests__/UniqueVariableNamesRule-test.ts and more, each expecting exactly the errors (messages
 * and locations) graphql-js v16.8 reports for the same document against the same schema.
 */
#include "graphql/validation/rules.h"

#include "../harness.h"

static void test_unique_variable_names(void)
{
    expect_errors(&gql_rule_unique_variable_names,
                  "query A($x: Int, $y: String) { __typename }\n"
                  "query B($x: String, $y: Int) { __typename }\n",
                  "");
}

static void test_duplicate_variable_names(void)
{
    expect_errors(&gql_rule_unique_variable_names,
                  "query A($x: Int, $x: Int, $x: String) { __typename }\n"
                  "query B($x: String, $x: Int) { __typename }\n"
                  "query C($x: Int, $x: Int) { __typename }\n",
                  "There can be only one variable named \"$x\". (1:10, 1:19, 1:28)\n"
                  "There can be only one variable named \"$x\". (2:10, 2:22)\n"
                  "There can be only one variable named \"$x\". (3:10, 3:19)\n");
}

static void test_duplicates_are_grouped_by_name_in_order_of_first_use(void)
{
    expect_errors(&gql_rule_unique_variable_names,
                  "query A($b: Int, $a: Int, $b: Int, $a: Int, $c: Int) { __typename }\n",
                  "There can be only one variable named \"$b\". (1:10, 1:28)\n"
                  "There can be only one variable named \"$a\". (1:19, 1:37)\n");
}

/* graphql-js reports the variables' name nodes, which may stand apart from their "$". */
static void test_names_are_located_at_their_name_token(void)
{
    expect_errors(&gql_rule_unique_variable_names,
                  "query ($  a: Int, $\n a: Int, $a: String) { field }\n",
                  "There can be only one variable named \"$a\". (1:11, 2:2, 2:11)\n");
    expect_errors(&gql_rule_unique_variable_names,
                  "query Q(\n"
                  "  $x: Int\n"
                  "  $ # why\n"
                  "    x: Int\n"
                  ") { field }\n",
                  "There can be only one variable named \"$x\". (2:4, 4:5)\n");
}

static CU_TestInfo tests[] = {
    { "unique variable names", test_unique_variable_names },
    { "duplicate variable names", test_duplicate_variable_names },
    { "duplicates are grouped by name in order of first use",
      test_duplicates_are_grouped_by_name_in_order_of_first_use },
    { "names are located at their name token", test_names_are_located_at_their_name_token },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_rules_unique_variable_names,
           "graphql/validation/rules/unique_variable_names", harness_init, harness_clean, tests);
