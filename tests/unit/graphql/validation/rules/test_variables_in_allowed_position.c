/*
 * test_variables_in_allowed_position.c: unit tests for
 * src/graphql/validation/rules/variables_in_allowed_position.c: the cases of graphql-js's
 * __tests__/VariablesInAllowedPositionRule-test.ts and more, each expecting exactly the errors
 * (messages and locations) graphql-js v16.8 reports for the same document against the same schema.
 */
#include "graphql/validation/rules.h"

#include "../harness.h"

static void test_boolean_into_boolean(void)
{
    expect_errors(&gql_rule_variables_in_allowed_position,
                  "query Query($booleanArg: Boolean)\n"
                  "{\n"
                  "  complicatedArgs {\n"
                  "    booleanArgField(booleanArg: $booleanArg)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_boolean_into_boolean_within_a_fragment(void)
{
    expect_errors(&gql_rule_variables_in_allowed_position,
                  "fragment booleanArgFrag on ComplicatedArgs {\n"
                  "  booleanArgField(booleanArg: $booleanArg)\n"
                  "}\n"
                  "query Query($booleanArg: Boolean)\n"
                  "{\n"
                  "  complicatedArgs {\n"
                  "    ...booleanArgFrag\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_boolean_into_boolean_2(void)
{
    expect_errors(&gql_rule_variables_in_allowed_position,
                  "query Query($nonNullBooleanArg: Boolean!)\n"
                  "{\n"
                  "  complicatedArgs {\n"
                  "    booleanArgField(booleanArg: $nonNullBooleanArg)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_int_into_int_with_a_default_in_the_variable(void)
{
    expect_errors(&gql_rule_variables_in_allowed_position,
                  "query Query($intVar: Int = 1) {\n"
                  "  complicatedArgs {\n"
                  "    nonNullIntArgField(nonNullIntArg: $intVar)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_int_into_int_with_a_null_default_is_not_allowed(void)
{
    expect_errors(&gql_rule_variables_in_allowed_position,
                  "query Query($intVar: Int = null) {\n"
                  "  complicatedArgs {\n"
                  "    nonNullIntArgField(nonNullIntArg: $intVar)\n"
                  "  }\n"
                  "}\n",
                  "Variable \"$intVar\" of type \"Int\" used in position expecting type \"Int!\". "
                  "(1:13, 3:39)\n");
}

static void test_int_into_an_argument_of_type_int_with_a_default(void)
{
    expect_errors(&gql_rule_variables_in_allowed_position,
                  "query Query($intVar: Int) {\n"
                  "  complicatedArgs {\n"
                  "    nonNullFieldWithDefault(arg: $intVar)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_string_into_string(void)
{
    expect_errors(&gql_rule_variables_in_allowed_position,
                  "query Query($stringListVar: [String])\n"
                  "{\n"
                  "  complicatedArgs {\n"
                  "    stringListArgField(stringListArg: $stringListVar)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_string_into_string_2(void)
{
    expect_errors(&gql_rule_variables_in_allowed_position,
                  "query Query($stringListVar: [String!])\n"
                  "{\n"
                  "  complicatedArgs {\n"
                  "    stringListArgField(stringListArg: $stringListVar)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_string_into_string_in_an_item_position(void)
{
    expect_errors(&gql_rule_variables_in_allowed_position,
                  "query Query($stringVar: String)\n"
                  "{\n"
                  "  complicatedArgs {\n"
                  "    stringListArgField(stringListArg: [$stringVar])\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_string_into_string_in_an_item_position_2(void)
{
    expect_errors(&gql_rule_variables_in_allowed_position,
                  "query Query($stringVar: String!)\n"
                  "{\n"
                  "  complicatedArgs {\n"
                  "    stringListArgField(stringListArg: [$stringVar])\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_complexinput_into_complexinput(void)
{
    expect_errors(&gql_rule_variables_in_allowed_position,
                  "query Query($complexVar: ComplexInput)\n"
                  "{\n"
                  "  complicatedArgs {\n"
                  "    complexArgField(complexArg: $complexVar)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_complexinput_into_complexinput_in_a_field_position(void)
{
    expect_errors(&gql_rule_variables_in_allowed_position,
                  "query Query($boolVar: Boolean = false)\n"
                  "{\n"
                  "  complicatedArgs {\n"
                  "    complexArgField(complexArg: {requiredField: $boolVar})\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_boolean_into_boolean_in_a_directive(void)
{
    expect_errors(&gql_rule_variables_in_allowed_position,
                  "query Query($boolVar: Boolean!)\n"
                  "{\n"
                  "  dog @include(if: $boolVar)\n"
                  "}\n",
                  "");
}

static void test_int_into_int(void)
{
    expect_errors(&gql_rule_variables_in_allowed_position,
                  "query Query($intArg: Int) {\n"
                  "  complicatedArgs {\n"
                  "    nonNullIntArgField(nonNullIntArg: $intArg)\n"
                  "  }\n"
                  "}\n",
                  "Variable \"$intArg\" of type \"Int\" used in position expecting type \"Int!\". "
                  "(1:13, 3:39)\n");
}

static void test_int_into_int_within_a_fragment(void)
{
    expect_errors(&gql_rule_variables_in_allowed_position,
                  "fragment nonNullIntArgFieldFrag on ComplicatedArgs {\n"
                  "  nonNullIntArgField(nonNullIntArg: $intArg)\n"
                  "}\n"
                  "\n"
                  "query Query($intArg: Int) {\n"
                  "  complicatedArgs {\n"
                  "    ...nonNullIntArgFieldFrag\n"
                  "  }\n"
                  "}\n",
                  "Variable \"$intArg\" of type \"Int\" used in position expecting type \"Int!\". "
                  "(5:13, 2:37)\n");
}

static void test_int_into_int_within_nested_fragments(void)
{
    expect_errors(&gql_rule_variables_in_allowed_position,
                  "fragment outerFrag on ComplicatedArgs {\n"
                  "  ...nonNullIntArgFieldFrag\n"
                  "}\n"
                  "\n"
                  "fragment nonNullIntArgFieldFrag on ComplicatedArgs {\n"
                  "  nonNullIntArgField(nonNullIntArg: $intArg)\n"
                  "}\n"
                  "\n"
                  "query Query($intArg: Int) {\n"
                  "  complicatedArgs {\n"
                  "    ...outerFrag\n"
                  "  }\n"
                  "}\n",
                  "Variable \"$intArg\" of type \"Int\" used in position expecting type \"Int!\". "
                  "(9:13, 6:37)\n");
}

static void test_string_into_boolean(void)
{
    expect_errors(&gql_rule_variables_in_allowed_position,
                  "query Query($stringVar: String) {\n"
                  "  complicatedArgs {\n"
                  "    booleanArgField(booleanArg: $stringVar)\n"
                  "  }\n"
                  "}\n",
                  "Variable \"$stringVar\" of type \"String\" used in position expecting type "
                  "\"Boolean\". (1:13, 3:33)\n");
}

static void test_string_into_string_2_2(void)
{
    expect_errors(&gql_rule_variables_in_allowed_position,
                  "query Query($stringVar: String) {\n"
                  "  complicatedArgs {\n"
                  "    stringListArgField(stringListArg: $stringVar)\n"
                  "  }\n"
                  "}\n",
                  "Variable \"$stringVar\" of type \"String\" used in position expecting type "
                  "\"[String]\". (1:13, 3:39)\n");
}

static void test_boolean_into_boolean_in_a_directive_2(void)
{
    expect_errors(&gql_rule_variables_in_allowed_position,
                  "query Query($boolVar: Boolean) {\n"
                  "  dog @include(if: $boolVar)\n"
                  "}\n",
                  "Variable \"$boolVar\" of type \"Boolean\" used in position expecting type "
                  "\"Boolean!\". (1:13, 2:20)\n");
}

static void test_string_into_boolean_in_a_directive(void)
{
    expect_errors(&gql_rule_variables_in_allowed_position,
                  "query Query($stringVar: String) {\n"
                  "  dog @include(if: $stringVar)\n"
                  "}\n",
                  "Variable \"$stringVar\" of type \"String\" used in position expecting type "
                  "\"Boolean!\". (1:13, 2:20)\n");
}

static void test_string_into_string_2_2_2(void)
{
    expect_errors(&gql_rule_variables_in_allowed_position,
                  "query Query($stringListVar: [String])\n"
                  "{\n"
                  "  complicatedArgs {\n"
                  "    stringListNonNullArgField(stringListNonNullArg: $stringListVar)\n"
                  "  }\n"
                  "}\n",
                  "Variable \"$stringListVar\" of type \"[String]\" used in position expecting "
                  "type \"[String!]\". (1:13, 4:53)\n");
}

static void test_int_into_int_in_an_input_object_field_with_a_default(void)
{
    expect_errors(&gql_rule_variables_in_allowed_position,
                  "query Query($v: Boolean) {\n"
                  "  complicatedArgs {\n"
                  "    complexArgField(complexArg: { requiredField: true, nonNullField: $v })\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_a_variable_used_in_two_operations_is_checked_against_each_de(void)
{
    expect_errors(&gql_rule_variables_in_allowed_position,
                  "query A($x: Int!) { ...F }\n"
                  "query B($x: String) { ...F }\n"
                  "fragment F on QueryRoot { complicatedArgs { intArgField(intArg: $x) } }\n",
                  "Variable \"$x\" of type \"String\" used in position expecting type \"Int\". "
                  "(2:9, 3:65)\n");
}

static void test_undefined_variables_and_unknown_positions_are_ignored(void)
{
    expect_errors(&gql_rule_variables_in_allowed_position,
                  "query Q($s: String) {\n"
                  "  complicatedArgs {\n"
                  "    intArgField(intArg: $undefined)\n"
                  "    unknown(x: $s)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_variables_of_unknown_types_are_ignored(void)
{
    expect_errors(&gql_rule_variables_in_allowed_position,
                  "query Q($u: Unknown) {\n"
                  "  complicatedArgs { intArgField(intArg: $u) }\n"
                  "}\n",
                  "");
}

static void test_an_interface_variable_into_an_object_position_and_back(void)
{
    expect_errors(&gql_rule_variables_in_allowed_position,
                  "query Q($dog: [[String!]!]) {\n"
                  "  complicatedArgs { stringListArgField(stringListArg: $dog) }\n"
                  "}\n",
                  "Variable \"$dog\" of type \"[[String!]!]\" used in position expecting type "
                  "\"[String]\". (1:9, 2:55)\n");
}

static CU_TestInfo tests[] = {
    { "Boolean into Boolean", test_boolean_into_boolean },
    { "Boolean into Boolean within a fragment", test_boolean_into_boolean_within_a_fragment },
    { "Boolean! into Boolean", test_boolean_into_boolean_2 },
    { "Int into Int! with a default in the variable",
      test_int_into_int_with_a_default_in_the_variable },
    { "Int into Int! with a null default is not allowed",
      test_int_into_int_with_a_null_default_is_not_allowed },
    { "Int into an argument of type Int! with a default",
      test_int_into_an_argument_of_type_int_with_a_default },
    { "[String] into [String]", test_string_into_string },
    { "[String!] into [String]", test_string_into_string_2 },
    { "String into [String] in an item position", test_string_into_string_in_an_item_position },
    { "String! into [String] in an item position", test_string_into_string_in_an_item_position_2 },
    { "ComplexInput into ComplexInput", test_complexinput_into_complexinput },
    { "ComplexInput into ComplexInput in a field position",
      test_complexinput_into_complexinput_in_a_field_position },
    { "Boolean! into Boolean! in a directive", test_boolean_into_boolean_in_a_directive },
    { "Int into Int!", test_int_into_int },
    { "Int into Int! within a fragment", test_int_into_int_within_a_fragment },
    { "Int into Int! within nested fragments", test_int_into_int_within_nested_fragments },
    { "String into Boolean", test_string_into_boolean },
    { "String into [String]", test_string_into_string_2_2 },
    { "Boolean into Boolean! in a directive", test_boolean_into_boolean_in_a_directive_2 },
    { "String into Boolean! in a directive", test_string_into_boolean_in_a_directive },
    { "[String] into [String!]", test_string_into_string_2_2_2 },
    { "Int into Int! in an input object field with a default",
      test_int_into_int_in_an_input_object_field_with_a_default },
    { "a variable used in two operations is checked against each definition",
      test_a_variable_used_in_two_operations_is_checked_against_each_de },
    { "undefined variables and unknown positions are ignored",
      test_undefined_variables_and_unknown_positions_are_ignored },
    { "variables of unknown types are ignored", test_variables_of_unknown_types_are_ignored },
    { "an interface variable into an object position and back",
      test_an_interface_variable_into_an_object_position_and_back },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_rules_variables_in_allowed_position,
           "graphql/validation/rules/variables_in_allowed_position", harness_init, harness_clean,
           tests);
