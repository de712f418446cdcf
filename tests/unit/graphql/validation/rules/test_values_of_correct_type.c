/*
 * test_values_of_correct_type.c: unit tests for
 * src/graphql/validation/rules/values_of_correct_type.c: the cases of graphql-js's
 * __tests__/ValuesOfCorrectTypeRule-test.ts and more, each expecting exactly the errors (messages
 * and locations) graphql-js v16.8 reports for the same document against the same schema.
 */
#include "graphql/validation/rules.h"

#include "../harness.h"

static void test_a_good_int_value(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    intArgField(intArg: 2)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_a_good_negative_int_value(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    intArgField(intArg: -2)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_a_good_boolean_value(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    booleanArgField(booleanArg: true)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_a_good_string_value(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    stringArgField(stringArg: \"foo\")\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_a_good_block_string_value(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    stringArgField(stringArg: \"\"\"foo\"\"\")\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_a_good_float_value(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    floatArgField(floatArg: 1.1)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_a_good_negative_float_value(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    floatArgField(floatArg: -1.1)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_an_int_into_a_float(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    floatArgField(floatArg: 1)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_an_int_into_an_id(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    idArgField(idArg: 1)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_a_string_into_an_id(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    idArgField(idArg: \"someIdString\")\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_a_good_enum_value(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  dog {\n"
                  "    doesKnowCommand(dogCommand: SIT)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_an_enum_with_an_undefined_value(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    enumArgField(enumArg: UNKNOWN)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_an_enum_with_a_null_value(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    enumArgField(enumArg: NO_FUR)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_null_into_a_nullable_int(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    intArgField(intArg: null)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_null_into_a_nullable_boolean(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  dog(a: null, b: null, c:{ requiredField: true, intField: null }) {\n"
                  "    name\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_an_int_into_a_string(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    stringArgField(stringArg: 1)\n"
                  "  }\n"
                  "}\n",
                  "String cannot represent a non string value: 1 (3:31)\n");
}

static void test_a_float_into_a_string(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    stringArgField(stringArg: 1.0)\n"
                  "  }\n"
                  "}\n",
                  "String cannot represent a non string value: 1.0 (3:31)\n");
}

static void test_a_boolean_into_a_string(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    stringArgField(stringArg: true)\n"
                  "  }\n"
                  "}\n",
                  "String cannot represent a non string value: true (3:31)\n");
}

static void test_an_unquoted_string_into_a_string(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    stringArgField(stringArg: BAR)\n"
                  "  }\n"
                  "}\n",
                  "String cannot represent a non string value: BAR (3:31)\n");
}

static void test_a_string_into_an_int(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    intArgField(intArg: \"3\")\n"
                  "  }\n"
                  "}\n",
                  "Int cannot represent non-integer value: \"3\" (3:25)\n");
}

static void test_a_big_int_into_an_int(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    intArgField(intArg: 829384293849283498239482938)\n"
                  "  }\n"
                  "}\n",
                  "Int cannot represent non 32-bit signed integer value: "
                  "829384293849283498239482938 (3:25)\n");
}

static void test_the_largest_int_is_an_int(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    intArgField(intArg: 2147483647)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_one_above_the_largest_int_is_not_an_int(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    intArgField(intArg: 2147483648)\n"
                  "  }\n"
                  "}\n",
                  "Int cannot represent non 32-bit signed integer value: 2147483648 (3:25)\n");
}

static void test_the_smallest_int_is_an_int(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    intArgField(intArg: -2147483648)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_one_below_the_smallest_int_is_not_an_int(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    intArgField(intArg: -2147483649)\n"
                  "  }\n"
                  "}\n",
                  "Int cannot represent non 32-bit signed integer value: -2147483649 (3:25)\n");
}

static void test_an_unquoted_string_into_an_int(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    intArgField(intArg: FOO)\n"
                  "  }\n"
                  "}\n",
                  "Int cannot represent non-integer value: FOO (3:25)\n");
}

static void test_a_simple_float_into_an_int(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    intArgField(intArg: 3.0)\n"
                  "  }\n"
                  "}\n",
                  "Int cannot represent non-integer value: 3.0 (3:25)\n");
}

static void test_a_float_into_an_int(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    intArgField(intArg: 3.333)\n"
                  "  }\n"
                  "}\n",
                  "Int cannot represent non-integer value: 3.333 (3:25)\n");
}

static void test_a_string_into_a_float(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    floatArgField(floatArg: \"3.333\")\n"
                  "  }\n"
                  "}\n",
                  "Float cannot represent non numeric value: \"3.333\" (3:29)\n");
}

static void test_a_boolean_into_a_float(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    floatArgField(floatArg: true)\n"
                  "  }\n"
                  "}\n",
                  "Float cannot represent non numeric value: true (3:29)\n");
}

static void test_an_unquoted_string_into_a_float(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    floatArgField(floatArg: FOO)\n"
                  "  }\n"
                  "}\n",
                  "Float cannot represent non numeric value: FOO (3:29)\n");
}

static void test_an_int_into_a_boolean(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    booleanArgField(booleanArg: 2)\n"
                  "  }\n"
                  "}\n",
                  "Boolean cannot represent a non boolean value: 2 (3:33)\n");
}

static void test_a_float_into_a_boolean(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    booleanArgField(booleanArg: 1.0)\n"
                  "  }\n"
                  "}\n",
                  "Boolean cannot represent a non boolean value: 1.0 (3:33)\n");
}

static void test_a_string_into_a_boolean(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    booleanArgField(booleanArg: \"true\")\n"
                  "  }\n"
                  "}\n",
                  "Boolean cannot represent a non boolean value: \"true\" (3:33)\n");
}

static void test_an_unquoted_string_into_a_boolean(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    booleanArgField(booleanArg: TRUE)\n"
                  "  }\n"
                  "}\n",
                  "Boolean cannot represent a non boolean value: TRUE (3:33)\n");
}

static void test_a_float_into_an_id(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    idArgField(idArg: 1.0)\n"
                  "  }\n"
                  "}\n",
                  "ID cannot represent a non-string and non-integer value: 1.0 (3:23)\n");
}

static void test_a_boolean_into_an_id(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    idArgField(idArg: true)\n"
                  "  }\n"
                  "}\n",
                  "ID cannot represent a non-string and non-integer value: true (3:23)\n");
}

static void test_an_unquoted_string_into_an_id(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    idArgField(idArg: SOMETHING)\n"
                  "  }\n"
                  "}\n",
                  "ID cannot represent a non-string and non-integer value: SOMETHING (3:23)\n");
}

static void test_an_int_into_an_enum(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  dog {\n"
                  "    doesKnowCommand(dogCommand: 2)\n"
                  "  }\n"
                  "}\n",
                  "Enum \"DogCommand\" cannot represent non-enum value: 2. (3:33)\n");
}

static void test_a_float_into_an_enum(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  dog {\n"
                  "    doesKnowCommand(dogCommand: 1.0)\n"
                  "  }\n"
                  "}\n",
                  "Enum \"DogCommand\" cannot represent non-enum value: 1.0. (3:33)\n");
}

static void test_a_string_into_an_enum_with_a_suggestion(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  dog {\n"
                  "    doesKnowCommand(dogCommand: \"SIT\")\n"
                  "  }\n"
                  "}\n",
                  "Enum \"DogCommand\" cannot represent non-enum value: \"SIT\". Did you mean the "
                  "enum value \"SIT\"? (3:33)\n");
}

static void test_a_boolean_into_an_enum(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  dog {\n"
                  "    doesKnowCommand(dogCommand: true)\n"
                  "  }\n"
                  "}\n",
                  "Enum \"DogCommand\" cannot represent non-enum value: true. (3:33)\n");
}

static void test_an_unknown_enum_value(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  dog {\n"
                  "    doesKnowCommand(dogCommand: JUGGLE)\n"
                  "  }\n"
                  "}\n",
                  "Value \"JUGGLE\" does not exist in \"DogCommand\" enum. (3:33)\n");
}

static void test_an_enum_value_in_the_wrong_case(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  dog {\n"
                  "    doesKnowCommand(dogCommand: sit)\n"
                  "  }\n"
                  "}\n",
                  "Value \"sit\" does not exist in \"DogCommand\" enum. Did you mean the enum "
                  "value \"SIT\"? (3:33)\n");
}

static void test_a_good_list_value(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    stringListArgField(stringListArg: [\"one\", null, \"two\"])\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_an_empty_list_value(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    stringListArgField(stringListArg: [])\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_null_as_a_list_value(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    stringListArgField(stringListArg: null)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_a_single_value_into_a_list(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    stringListArgField(stringListArg: \"one\")\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_an_incorrect_item_type(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    stringListArgField(stringListArg: [\"one\", 2])\n"
                  "  }\n"
                  "}\n",
                  "String cannot represent a non string value: 2 (3:47)\n");
}

static void test_a_single_value_of_an_incorrect_type(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    stringListArgField(stringListArg: 1)\n"
                  "  }\n"
                  "}\n",
                  "String cannot represent a non string value: 1 (3:39)\n");
}

static void test_null_in_a_list_of_non_null_items(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    stringListNonNullArgField(stringListNonNullArg: [\"a\", null])\n"
                  "  }\n"
                  "}\n",
                  "Expected value of type \"String!\", found null. (3:59)\n");
}

static void test_arguments_without_values_are_valid(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  dog {\n"
                  "    isHouseTrained\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_multiple_good_arguments(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    multipleReqs(req1: 1, req2: 2)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_an_incorrect_value_type_in_multiple_arguments(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    multipleReqs(\n"
                  "      req2: \"two\"\n"
                  "      req1: \"one\"\n"
                  "    )\n"
                  "  }\n"
                  "}\n",
                  "Int cannot represent non-integer value: \"two\" (4:13)\n"
                  "Int cannot represent non-integer value: \"one\" (5:13)\n");
}

static void test_an_incorrect_value_and_a_missing_argument(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    multipleReqs(req1: \"one\")\n"
                  "  }\n"
                  "}\n",
                  "Int cannot represent non-integer value: \"one\" (3:24)\n");
}

static void test_a_null_value_for_a_required_argument(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    multipleReqs(req1: null)\n"
                  "  }\n"
                  "}\n",
                  "Expected value of type \"Int!\", found null. (3:24)\n");
}

static void test_an_optional_argument_with_a_null_value(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    multipleOpts(opt1: null, opt2: null)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_a_complete_input_object(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    complexArgField(complexArg: {\n"
                  "      requiredField: true,\n"
                  "      intField: 4,\n"
                  "      stringField: \"foo\",\n"
                  "      booleanField: false,\n"
                  "      stringListField: [\"one\", \"two\"]\n"
                  "    })\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_an_input_object_missing_a_required_field(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    complexArgField(complexArg: { intField: 4 })\n"
                  "  }\n"
                  "}\n",
                  "Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not "
                  "provided. (3:33)\n");
}

static void test_an_input_object_with_a_partial_list(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    complexArgField(complexArg: {\n"
                  "      stringListField: [\"one\", 2],\n"
                  "      requiredField: true,\n"
                  "    })\n"
                  "  }\n"
                  "}\n",
                  "String cannot represent a non string value: 2 (4:32)\n");
}

static void test_an_input_object_with_null_for_a_required_field(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    complexArgField(complexArg: {\n"
                  "      requiredField: true,\n"
                  "      nonNullField: null,\n"
                  "    })\n"
                  "  }\n"
                  "}\n",
                  "Expected value of type \"Boolean!\", found null. (5:21)\n");
}

static void test_an_input_object_with_an_unknown_field_with_suggestions(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    complexArgField(complexArg: {\n"
                  "      requiredField: true,\n"
                  "      invalidField: \"value\"\n"
                  "      stringListFeld: []\n"
                  "    })\n"
                  "  }\n"
                  "}\n",
                  "Field \"invalidField\" is not defined by type \"ComplexInput\". Did you mean "
                  "\"intField\"? (5:7)\n"
                  "Field \"stringListFeld\" is not defined by type \"ComplexInput\". Did you mean "
                  "\"stringListField\" or \"stringField\"? (6:7)\n");
}

static void test_a_value_of_the_wrong_kind_for_an_input_object(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    complexArgField(complexArg: \"not an object\")\n"
                  "    c2: complexArgField(complexArg: [{ requiredField: true }])\n"
                  "    c3: complexArgField(complexArg: ENUM)\n"
                  "  }\n"
                  "}\n",
                  "Expected value of type \"ComplexInput\", found \"not an object\". (3:33)\n"
                  "Expected value of type \"ComplexInput\", found [{requiredField: true}]. (4:37)\n"
                  "Expected value of type \"ComplexInput\", found ENUM. (5:37)\n");
}

static void test_an_object_into_a_scalar(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    intArgField(intArg: { a: 1 })\n"
                  "    stringArgField(stringArg: [{ a: 1 }])\n"
                  "  }\n"
                  "}\n",
                  "Int cannot represent non-integer value: {a: 1} (3:25)\n"
                  "String cannot represent a non string value: [{a: 1}] (4:31)\n");
}

static void test_directive_arguments(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  dog @include(if: true) {\n"
                  "    name\n"
                  "  }\n"
                  "  human @skip(if: false) {\n"
                  "    name\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_invalid_directive_arguments(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  dog @include(if: \"yes\") {\n"
                  "    name @skip(if: ENUM)\n"
                  "  }\n"
                  "}\n",
                  "Boolean cannot represent a non boolean value: \"yes\" (2:20)\n"
                  "Boolean cannot represent a non boolean value: ENUM (3:20)\n");
}

static void test_variable_default_values(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "query WithDefaultValues(\n"
                  "  $a: Int = 1,\n"
                  "  $b: String = \"ok\",\n"
                  "  $c: ComplexInput = { requiredField: true, intField: 3 }\n"
                  "  $d: Int! = 123\n"
                  ") {\n"
                  "  dog { name }\n"
                  "}\n",
                  "");
}

static void test_variable_default_values_with_null(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "query WithDefaultValues(\n"
                  "  $a: Int = null,\n"
                  "  $b: String = null,\n"
                  "  $c: ComplexInput = { requiredField: true, intField: null }\n"
                  ") {\n"
                  "  dog { name }\n"
                  "}\n",
                  "");
}

static void test_invalid_variable_default_values(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "query InvalidDefaultValues(\n"
                  "  $a: Int = \"one\",\n"
                  "  $b: String = 4,\n"
                  "  $c: ComplexInput = \"NotVeryComplex\"\n"
                  ") {\n"
                  "  dog { name }\n"
                  "}\n",
                  "Int cannot represent non-integer value: \"one\" (2:13)\n"
                  "String cannot represent a non string value: 4 (3:16)\n"
                  "Expected value of type \"ComplexInput\", found \"NotVeryComplex\". (4:22)\n");
}

static void test_variable_default_values_of_the_wrong_type_in_lists_and_objec(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "query WithDefaultValues(\n"
                  "  $a: Int! = null,\n"
                  "  $b: String! = null,\n"
                  "  $c: ComplexInput = { requiredField: null, intField: null }\n"
                  ") {\n"
                  "  dog { name }\n"
                  "}\n",
                  "Expected value of type \"Int!\", found null. (2:14)\n"
                  "Expected value of type \"String!\", found null. (3:17)\n"
                  "Expected value of type \"Boolean!\", found null. (4:39)\n");
}

static void test_variables_with_invalid_default_values_in_lists(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "query InvalidItem($a: [String] = [\"one\", 2]) {\n"
                  "  dog { name }\n"
                  "}\n",
                  "String cannot represent a non string value: 2 (1:42)\n");
}

static void test_variables_with_missing_required_fields_in_defaults(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "query MissingRequiredField($a: ComplexInput = {intField: 3}) {\n"
                  "  dog { name }\n"
                  "}\n",
                  "Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not "
                  "provided. (1:47)\n");
}

static void test_variables_in_values_are_not_checked_here(void)
{
    expect_errors(
            &gql_rule_values_of_correct_type,
            "query ($x: Int, $y: String) {\n"
            "  complicatedArgs {\n"
            "    complexArgField(complexArg: { requiredField: $x, stringListField: [$y, \"a\"] })\n"
            "    intArgField(intArg: $y)\n"
            "  }\n"
            "}\n",
            "");
}

static void test_values_under_unknown_arguments_and_fields_are_not_checked(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    intArgField(other: \"x\")\n"
                  "    unknownField(arg: { a: 1 })\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_nested_lists(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    stringListArgField(stringListArg: [[\"a\"]])\n"
                  "  }\n"
                  "}\n",
                  "String cannot represent a non string value: [\"a\"] (3:40)\n");
}

static void test_a_string_with_escapes_is_printed_escaped(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    intArgField(intArg: \"tab\\tquote\\\" unicode \\u00e9\")\n"
                  "    enumArgField(enumArg: \"a\\nb\")\n"
                  "  }\n"
                  "}\n",
                  "Int cannot represent non-integer value: \"tab\\tquote\\\" unicode é\" (3:25)\n"
                  "Enum \"FurColor\" cannot represent non-enum value: \"a\\nb\". (4:27)\n");
}

static void test_a_block_string_is_printed_as_a_block_string(void)
{
    expect_errors(&gql_rule_values_of_correct_type,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    intArgField(intArg: \"\"\"\n"
                  "      two\n"
                  "      lines\n"
                  "    \"\"\")\n"
                  "    enumArgField(enumArg: \"\"\"BROWN\"\"\")\n"
                  "  }\n"
                  "}\n",
                  "Int cannot represent non-integer value: \"\"\"\n"
                  "two\n"
                  "lines\n"
                  "\"\"\" (3:25)\n"
                  "Enum \"FurColor\" cannot represent non-enum value: \"\"\"BROWN\"\"\". (7:27)\n");
}

static CU_TestInfo tests[] = {
    { "a good int value", test_a_good_int_value },
    { "a good negative int value", test_a_good_negative_int_value },
    { "a good boolean value", test_a_good_boolean_value },
    { "a good string value", test_a_good_string_value },
    { "a good block string value", test_a_good_block_string_value },
    { "a good float value", test_a_good_float_value },
    { "a good negative float value", test_a_good_negative_float_value },
    { "an int into a float", test_an_int_into_a_float },
    { "an int into an ID", test_an_int_into_an_id },
    { "a string into an ID", test_a_string_into_an_id },
    { "a good enum value", test_a_good_enum_value },
    { "an enum with an undefined value", test_an_enum_with_an_undefined_value },
    { "an enum with a null value", test_an_enum_with_a_null_value },
    { "null into a nullable int", test_null_into_a_nullable_int },
    { "null into a nullable boolean", test_null_into_a_nullable_boolean },
    { "an int into a string", test_an_int_into_a_string },
    { "a float into a string", test_a_float_into_a_string },
    { "a boolean into a string", test_a_boolean_into_a_string },
    { "an unquoted string into a string", test_an_unquoted_string_into_a_string },
    { "a string into an int", test_a_string_into_an_int },
    { "a big int into an int", test_a_big_int_into_an_int },
    { "the largest int is an int", test_the_largest_int_is_an_int },
    { "one above the largest int is not an int", test_one_above_the_largest_int_is_not_an_int },
    { "the smallest int is an int", test_the_smallest_int_is_an_int },
    { "one below the smallest int is not an int", test_one_below_the_smallest_int_is_not_an_int },
    { "an unquoted string into an int", test_an_unquoted_string_into_an_int },
    { "a simple float into an int", test_a_simple_float_into_an_int },
    { "a float into an int", test_a_float_into_an_int },
    { "a string into a float", test_a_string_into_a_float },
    { "a boolean into a float", test_a_boolean_into_a_float },
    { "an unquoted string into a float", test_an_unquoted_string_into_a_float },
    { "an int into a boolean", test_an_int_into_a_boolean },
    { "a float into a boolean", test_a_float_into_a_boolean },
    { "a string into a boolean", test_a_string_into_a_boolean },
    { "an unquoted string into a boolean", test_an_unquoted_string_into_a_boolean },
    { "a float into an ID", test_a_float_into_an_id },
    { "a boolean into an ID", test_a_boolean_into_an_id },
    { "an unquoted string into an ID", test_an_unquoted_string_into_an_id },
    { "an int into an enum", test_an_int_into_an_enum },
    { "a float into an enum", test_a_float_into_an_enum },
    { "a string into an enum, with a suggestion", test_a_string_into_an_enum_with_a_suggestion },
    { "a boolean into an enum", test_a_boolean_into_an_enum },
    { "an unknown enum value", test_an_unknown_enum_value },
    { "an enum value in the wrong case", test_an_enum_value_in_the_wrong_case },
    { "a good list value", test_a_good_list_value },
    { "an empty list value", test_an_empty_list_value },
    { "null as a list value", test_null_as_a_list_value },
    { "a single value into a list", test_a_single_value_into_a_list },
    { "an incorrect item type", test_an_incorrect_item_type },
    { "a single value of an incorrect type", test_a_single_value_of_an_incorrect_type },
    { "null in a list of non-null items", test_null_in_a_list_of_non_null_items },
    { "arguments without values are valid", test_arguments_without_values_are_valid },
    { "multiple good arguments", test_multiple_good_arguments },
    { "an incorrect value type in multiple arguments",
      test_an_incorrect_value_type_in_multiple_arguments },
    { "an incorrect value and a missing argument", test_an_incorrect_value_and_a_missing_argument },
    { "a null value for a required argument", test_a_null_value_for_a_required_argument },
    { "an optional argument with a null value", test_an_optional_argument_with_a_null_value },
    { "a complete input object", test_a_complete_input_object },
    { "an input object missing a required field", test_an_input_object_missing_a_required_field },
    { "an input object with a partial list", test_an_input_object_with_a_partial_list },
    { "an input object with null for a required field",
      test_an_input_object_with_null_for_a_required_field },
    { "an input object with an unknown field, with suggestions",
      test_an_input_object_with_an_unknown_field_with_suggestions },
    { "a value of the wrong kind for an input object",
      test_a_value_of_the_wrong_kind_for_an_input_object },
    { "an object into a scalar", test_an_object_into_a_scalar },
    { "directive arguments", test_directive_arguments },
    { "invalid directive arguments", test_invalid_directive_arguments },
    { "variable default values", test_variable_default_values },
    { "variable default values with null", test_variable_default_values_with_null },
    { "invalid variable default values", test_invalid_variable_default_values },
    { "variable default values of the wrong type in lists and objects",
      test_variable_default_values_of_the_wrong_type_in_lists_and_objec },
    { "variables with invalid default values in lists",
      test_variables_with_invalid_default_values_in_lists },
    { "variables with missing required fields in defaults",
      test_variables_with_missing_required_fields_in_defaults },
    { "variables in values are not checked here", test_variables_in_values_are_not_checked_here },
    { "values under unknown arguments and fields are not checked",
      test_values_under_unknown_arguments_and_fields_are_not_checked },
    { "nested lists", test_nested_lists },
    { "a string with escapes is printed escaped", test_a_string_with_escapes_is_printed_escaped },
    { "a block string is printed as a block string",
      test_a_block_string_is_printed_as_a_block_string },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_rules_values_of_correct_type,
           "graphql/validation/rules/values_of_correct_type", harness_init, harness_clean, tests);
