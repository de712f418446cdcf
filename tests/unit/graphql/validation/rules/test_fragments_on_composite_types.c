/*
 * test_fragments_on_composite_types.c: unit tests for
 * src/graphql/validation/rules/fragments_on_composite_types.c: the cases of graphql-js's
 * __tests__/FragmentsOnCompositeTypesRule-test.ts and more, each expecting exactly the errors
 * (messages and locations) graphql-js v16.8 reports for the same document against the same schema.
 */
#include "graphql/validation/rules.h"

#include "../harness.h"

static void test_an_object_type_is_a_valid_condition(void)
{
    expect_errors(&gql_rule_fragments_on_composite_types,
                  "fragment validFragment on Dog {\n"
                  "  barks\n"
                  "}\n",
                  "");
}

static void test_an_interface_type_is_a_valid_condition(void)
{
    expect_errors(&gql_rule_fragments_on_composite_types,
                  "fragment validFragment on Pet {\n"
                  "  name\n"
                  "}\n",
                  "");
}

static void test_an_object_type_is_valid_for_an_inline_fragment(void)
{
    expect_errors(&gql_rule_fragments_on_composite_types,
                  "fragment validFragment on Pet {\n"
                  "  ... on Dog {\n"
                  "    barks\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_an_inline_fragment_without_a_condition_is_valid(void)
{
    expect_errors(&gql_rule_fragments_on_composite_types,
                  "fragment validFragment on Pet {\n"
                  "  ... {\n"
                  "    name\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_a_union_type_is_a_valid_condition(void)
{
    expect_errors(&gql_rule_fragments_on_composite_types,
                  "fragment validFragment on CatOrDog {\n"
                  "  __typename\n"
                  "}\n",
                  "");
}

static void test_a_scalar_is_not_a_valid_fragment_condition(void)
{
    expect_errors(&gql_rule_fragments_on_composite_types,
                  "fragment scalarFragment on Boolean {\n"
                  "  bad\n"
                  "}\n",
                  "Fragment \"scalarFragment\" cannot condition on non composite type \"Boolean\". "
                  "(1:28)\n");
}

static void test_an_enum_is_not_a_valid_fragment_condition(void)
{
    expect_errors(&gql_rule_fragments_on_composite_types,
                  "fragment scalarFragment on FurColor {\n"
                  "  bad\n"
                  "}\n",
                  "Fragment \"scalarFragment\" cannot condition on non composite type "
                  "\"FurColor\". (1:28)\n");
}

static void test_an_input_object_is_not_a_valid_fragment_condition(void)
{
    expect_errors(&gql_rule_fragments_on_composite_types,
                  "fragment inputFragment on ComplexInput {\n"
                  "  stringField\n"
                  "}\n",
                  "Fragment \"inputFragment\" cannot condition on non composite type "
                  "\"ComplexInput\". (1:27)\n");
}

static void test_a_scalar_is_not_a_valid_inline_fragment_condition(void)
{
    expect_errors(&gql_rule_fragments_on_composite_types,
                  "fragment invalidFragment on Pet {\n"
                  "  ... on String {\n"
                  "    barks\n"
                  "  }\n"
                  "}\n",
                  "Fragment cannot condition on non composite type \"String\". (2:10)\n");
}

static void test_an_unknown_type_is_left_to_another_rule(void)
{
    expect_errors(&gql_rule_fragments_on_composite_types,
                  "fragment unknownFragment on Unknown { a }\n"
                  "{ ... on Unknown2 { b } }\n",
                  "");
}

static CU_TestInfo tests[] = {
    { "an object type is a valid condition", test_an_object_type_is_a_valid_condition },
    { "an interface type is a valid condition", test_an_interface_type_is_a_valid_condition },
    { "an object type is valid for an inline fragment",
      test_an_object_type_is_valid_for_an_inline_fragment },
    { "an inline fragment without a condition is valid",
      test_an_inline_fragment_without_a_condition_is_valid },
    { "a union type is a valid condition", test_a_union_type_is_a_valid_condition },
    { "a scalar is not a valid fragment condition",
      test_a_scalar_is_not_a_valid_fragment_condition },
    { "an enum is not a valid fragment condition", test_an_enum_is_not_a_valid_fragment_condition },
    { "an input object is not a valid fragment condition",
      test_an_input_object_is_not_a_valid_fragment_condition },
    { "a scalar is not a valid inline fragment condition",
      test_a_scalar_is_not_a_valid_inline_fragment_condition },
    { "an unknown type is left to another rule", test_an_unknown_type_is_left_to_another_rule },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_rules_fragments_on_composite_types,
           "graphql/validation/rules/fragments_on_composite_types", harness_init, harness_clean,
           tests);
