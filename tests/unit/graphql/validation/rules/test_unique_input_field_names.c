/*
 * test_unique_input_field_names.c: unit tests for
 * src/graphql/validation/rules/unique_input_field_names.c: the cases of graphql-js's
 * __tests__/UniqueInputFieldNamesRule-test.ts and more, each expecting exactly the errors (messages
 * and locations) graphql-js v16.8 reports for the same document against the same schema.
 */
#include "graphql/validation/rules.h"

#include "../harness.h"

static void test_input_object_with_fields(void)
{
    expect_errors(&gql_rule_unique_input_field_names,
                  "{\n"
                  "  field(arg: { f: true })\n"
                  "}\n",
                  "");
}

static void test_the_same_input_object_within_two_arguments(void)
{
    expect_errors(&gql_rule_unique_input_field_names,
                  "{\n"
                  "  field(arg1: { f: true }, arg2: { f: true })\n"
                  "}\n",
                  "");
}

static void test_multiple_input_object_fields(void)
{
    expect_errors(&gql_rule_unique_input_field_names,
                  "{\n"
                  "  field(arg: { f1: \"value\", f2: \"value\", f3: \"value\" })\n"
                  "}\n",
                  "");
}

static void test_allows_the_same_name_in_nested_input_objects(void)
{
    expect_errors(&gql_rule_unique_input_field_names,
                  "{\n"
                  "  field(arg: {\n"
                  "    deep: {\n"
                  "      deep: {\n"
                  "        id: 1\n"
                  "      }\n"
                  "      id: 1\n"
                  "    }\n"
                  "    id: 1\n"
                  "  })\n"
                  "}\n",
                  "");
}

static void test_duplicate_input_object_fields(void)
{
    expect_errors(&gql_rule_unique_input_field_names,
                  "{\n"
                  "  field(arg: { f1: \"value\", f1: \"value\" })\n"
                  "}\n",
                  "There can be only one input field named \"f1\". (2:16, 2:29)\n");
}

static void test_many_duplicate_input_object_fields(void)
{
    expect_errors(&gql_rule_unique_input_field_names,
                  "{\n"
                  "  field(arg: { f1: \"value\", f1: \"value\", f1: \"value\" })\n"
                  "}\n",
                  "There can be only one input field named \"f1\". (2:16, 2:29)\n"
                  "There can be only one input field named \"f1\". (2:16, 2:42)\n");
}

static void test_nested_duplicate_input_object_fields(void)
{
    expect_errors(&gql_rule_unique_input_field_names,
                  "{\n"
                  "  field(arg: { f1: {f2: \"value\", f2: \"value\" }})\n"
                  "}\n",
                  "There can be only one input field named \"f2\". (2:21, 2:34)\n");
}

static void test_duplicates_in_lists_and_defaults(void)
{
    expect_errors(&gql_rule_unique_input_field_names,
                  "query ($v: ComplexInput = { a: 1, a: 2 }) {\n"
                  "  field(arg: [{ x: 1, x: 2 }, { x: 1 }])\n"
                  "}\n",
                  "There can be only one input field named \"a\". (1:29, 1:35)\n"
                  "There can be only one input field named \"x\". (2:17, 2:23)\n");
}

static CU_TestInfo tests[] = {
    { "input object with fields", test_input_object_with_fields },
    { "the same input object within two arguments",
      test_the_same_input_object_within_two_arguments },
    { "multiple input object fields", test_multiple_input_object_fields },
    { "allows the same name in nested input objects",
      test_allows_the_same_name_in_nested_input_objects },
    { "duplicate input object fields", test_duplicate_input_object_fields },
    { "many duplicate input object fields", test_many_duplicate_input_object_fields },
    { "nested duplicate input object fields", test_nested_duplicate_input_object_fields },
    { "duplicates in lists and defaults", test_duplicates_in_lists_and_defaults },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_rules_unique_input_field_names,
           "graphql/validation/rules/unique_input_field_names", harness_init, harness_clean, tests);
