/*
 * test_unique_argument_names.c: unit tests for
 * src/graphql/validation/rules/unique_argument_names.c: the cases of graphql-js's
 * __tests__/UniqueArgumentNamesRule-test.ts and more, each expecting exactly the errors (messages
 * and locations) graphql-js v16.8 reports for the same document against the same schema.
 */
#include "graphql/validation/rules.h"

#include "../harness.h"

static void test_no_arguments_on_a_field(void)
{
    expect_errors(&gql_rule_unique_argument_names,
                  "{\n"
                  "  field\n"
                  "}\n",
                  "");
}

static void test_no_arguments_on_a_directive(void)
{
    expect_errors(&gql_rule_unique_argument_names,
                  "{\n"
                  "  field @directive\n"
                  "}\n",
                  "");
}

static void test_an_argument_on_a_field(void)
{
    expect_errors(&gql_rule_unique_argument_names,
                  "{\n"
                  "  field(arg: \"value\")\n"
                  "}\n",
                  "");
}

static void test_an_argument_on_a_directive(void)
{
    expect_errors(&gql_rule_unique_argument_names,
                  "{\n"
                  "  field @directive(arg: \"value\")\n"
                  "}\n",
                  "");
}

static void test_the_same_argument_on_two_fields(void)
{
    expect_errors(&gql_rule_unique_argument_names,
                  "{\n"
                  "  one: field(arg: \"value\")\n"
                  "  two: field(arg: \"value\")\n"
                  "}\n",
                  "");
}

static void test_the_same_argument_on_a_field_and_a_directive(void)
{
    expect_errors(&gql_rule_unique_argument_names,
                  "{\n"
                  "  field(arg: \"value\") @directive(arg: \"value\")\n"
                  "}\n",
                  "");
}

static void test_the_same_argument_on_two_directives(void)
{
    expect_errors(&gql_rule_unique_argument_names,
                  "{\n"
                  "  field @directive1(arg: \"value\") @directive2(arg: \"value\")\n"
                  "}\n",
                  "");
}

static void test_multiple_field_arguments(void)
{
    expect_errors(&gql_rule_unique_argument_names,
                  "{\n"
                  "  field(arg1: \"value\", arg2: \"value\", arg3: \"value\")\n"
                  "}\n",
                  "");
}

static void test_multiple_directive_arguments(void)
{
    expect_errors(&gql_rule_unique_argument_names,
                  "{\n"
                  "  field @directive(arg1: \"value\", arg2: \"value\", arg3: \"value\")\n"
                  "}\n",
                  "");
}

static void test_duplicate_field_arguments(void)
{
    expect_errors(&gql_rule_unique_argument_names,
                  "{\n"
                  "  field(arg1: \"value\", arg1: \"value\")\n"
                  "}\n",
                  "There can be only one argument named \"arg1\". (2:9, 2:24)\n");
}

static void test_many_duplicate_field_arguments(void)
{
    expect_errors(&gql_rule_unique_argument_names,
                  "{\n"
                  "  field(arg1: \"value\", arg1: \"value\", arg1: \"value\")\n"
                  "}\n",
                  "There can be only one argument named \"arg1\". (2:9, 2:24, 2:39)\n");
}

static void test_duplicate_directive_arguments(void)
{
    expect_errors(&gql_rule_unique_argument_names,
                  "{\n"
                  "  field @directive(arg1: \"value\", arg1: \"value\")\n"
                  "}\n",
                  "There can be only one argument named \"arg1\". (2:20, 2:35)\n");
}

static void test_many_duplicate_directive_arguments(void)
{
    expect_errors(&gql_rule_unique_argument_names,
                  "{\n"
                  "  field @directive(arg1: \"value\", arg1: \"value\", arg1: \"value\")\n"
                  "}\n",
                  "There can be only one argument named \"arg1\". (2:20, 2:35, 2:50)\n");
}

static void test_several_names_duplicated(void)
{
    expect_errors(&gql_rule_unique_argument_names,
                  "{\n"
                  "  field(b: 1, a: 1, b: 2, a: 2, c: 1)\n"
                  "}\n",
                  "There can be only one argument named \"b\". (2:9, 2:21)\n"
                  "There can be only one argument named \"a\". (2:15, 2:27)\n");
}

static CU_TestInfo tests[] = {
    { "no arguments on a field", test_no_arguments_on_a_field },
    { "no arguments on a directive", test_no_arguments_on_a_directive },
    { "an argument on a field", test_an_argument_on_a_field },
    { "an argument on a directive", test_an_argument_on_a_directive },
    { "the same argument on two fields", test_the_same_argument_on_two_fields },
    { "the same argument on a field and a directive",
      test_the_same_argument_on_a_field_and_a_directive },
    { "the same argument on two directives", test_the_same_argument_on_two_directives },
    { "multiple field arguments", test_multiple_field_arguments },
    { "multiple directive arguments", test_multiple_directive_arguments },
    { "duplicate field arguments", test_duplicate_field_arguments },
    { "many duplicate field arguments", test_many_duplicate_field_arguments },
    { "duplicate directive arguments", test_duplicate_directive_arguments },
    { "many duplicate directive arguments", test_many_duplicate_directive_arguments },
    { "several names duplicated", test_several_names_duplicated },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_rules_unique_argument_names,
           "graphql/validation/rules/unique_argument_names", harness_init, harness_clean, tests);
