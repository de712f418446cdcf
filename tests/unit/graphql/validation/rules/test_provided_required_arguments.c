/*
 * test_provided_required_arguments.c: unit tests for
 * src/graphql/validation/rules/provided_required_arguments.c: the cases of graphql-js's
 * __tests__/ProvidedRequiredArgumentsRule-test.ts and more, each expecting exactly the errors
 * (messages and locations) graphql-js v16.8 reports for the same document against the same schema.
 */
#include "graphql/validation/rules.h"

#include "../harness.h"

static void test_ignores_unknown_arguments(void)
{
    expect_errors(&gql_rule_provided_required_arguments,
                  "{\n"
                  "  dog {\n"
                  "    isHouseTrained(unknownArgument: true)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_arguments_on_an_optional_argument(void)
{
    expect_errors(&gql_rule_provided_required_arguments,
                  "{\n"
                  "  dog {\n"
                  "    isHouseTrained(atOtherHomes: true)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_no_argument_on_an_optional_argument(void)
{
    expect_errors(&gql_rule_provided_required_arguments,
                  "{\n"
                  "  dog {\n"
                  "    isHouseTrained\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_no_argument_on_a_non_null_field_with_a_default(void)
{
    expect_errors(&gql_rule_provided_required_arguments,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    nonNullFieldWithDefault\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_multiple_arguments(void)
{
    expect_errors(&gql_rule_provided_required_arguments,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    multipleReqs(req1: 1, req2: 2)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_multiple_arguments_in_reverse_order(void)
{
    expect_errors(&gql_rule_provided_required_arguments,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    multipleReqs(req2: 2, req1: 1)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_no_arguments_on_multiple_optional_arguments(void)
{
    expect_errors(&gql_rule_provided_required_arguments,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    multipleOpts\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_one_argument_on_multiple_optional_arguments(void)
{
    expect_errors(&gql_rule_provided_required_arguments,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    multipleOpts(opt1: 1)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_second_argument_on_multiple_optional_arguments(void)
{
    expect_errors(&gql_rule_provided_required_arguments,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    multipleOpts(opt2: 1)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_multiple_required_arguments_on_mixed_arguments(void)
{
    expect_errors(&gql_rule_provided_required_arguments,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    multipleOptAndReq(req1: 3, req2: 4)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_multiple_required_and_one_optional_argument_on_mixed_argumen(void)
{
    expect_errors(&gql_rule_provided_required_arguments,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    multipleOptAndReq(req1: 3, req2: 4, opt1: 5)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_all_required_and_optional_arguments_on_mixed_arguments(void)
{
    expect_errors(&gql_rule_provided_required_arguments,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    multipleOptAndReq(req1: 3, req2: 4, opt1: 5, opt2: 6)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_a_missing_one_non_nullable_argument(void)
{
    expect_errors(&gql_rule_provided_required_arguments,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    multipleReqs(req2: 2)\n"
                  "  }\n"
                  "}\n",
                  "Field \"multipleReqs\" argument \"req1\" of type \"Int!\" is required, but it "
                  "was not provided. (3:5)\n");
}

static void test_missing_multiple_non_nullable_arguments(void)
{
    expect_errors(&gql_rule_provided_required_arguments,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    multipleReqs\n"
                  "  }\n"
                  "}\n",
                  "Field \"multipleReqs\" argument \"req1\" of type \"Int!\" is required, but it "
                  "was not provided. (3:5)\n"
                  "Field \"multipleReqs\" argument \"req2\" of type \"Int!\" is required, but it "
                  "was not provided. (3:5)\n");
}

static void test_an_incorrect_value_and_a_missing_argument(void)
{
    expect_errors(&gql_rule_provided_required_arguments,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    multipleReqs(req1: \"one\")\n"
                  "  }\n"
                  "}\n",
                  "Field \"multipleReqs\" argument \"req2\" of type \"Int!\" is required, but it "
                  "was not provided. (3:5)\n");
}

static void test_a_required_argument_given_null_counts_as_given(void)
{
    expect_errors(&gql_rule_provided_required_arguments,
                  "{\n"
                  "  complicatedArgs {\n"
                  "    multipleReqs(req1: null, req2: null)\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_ignores_unknown_directives(void)
{
    expect_errors(&gql_rule_provided_required_arguments,
                  "{\n"
                  "  dog @unknown\n"
                  "}\n",
                  "");
}

static void test_directives_with_their_required_arguments(void)
{
    expect_errors(&gql_rule_provided_required_arguments,
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

static void test_directives_missing_required_arguments(void)
{
    expect_errors(&gql_rule_provided_required_arguments,
                  "{\n"
                  "  dog @include {\n"
                  "    name @skip\n"
                  "  }\n"
                  "  cat @withArgs(opt: \"x\")\n"
                  "}\n",
                  "Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it "
                  "was not provided. (2:7)\n"
                  "Directive \"@skip\" argument \"if\" of type \"Boolean!\" is required, but it "
                  "was not provided. (3:10)\n"
                  "Directive \"@withArgs\" argument \"req\" of type \"Int!\" is required, but it "
                  "was not provided. (5:7)\n");
}

static void test_directives_defined_in_the_document(void)
{
    expect_errors(
            &gql_rule_provided_required_arguments,
            "directive @test(arg1: String!, arg2: [Int]!, arg3: Int = 0, arg4: Int! = 1) on FIELD\n"
            "directive @test2(arg: String) on FIELD\n"
            "{\n"
            "  dog @test @test2\n"
            "}\n",
            "Directive \"@test\" argument \"arg1\" of type \"String!\" is required, but it was not "
            "provided. (4:7)\n"
            "Directive \"@test\" argument \"arg2\" of type \"[Int]!\" is required, but it was not "
            "provided. (4:7)\n");
}

static void test_a_required_argument_of_a_meta_field(void)
{
    expect_errors(&gql_rule_provided_required_arguments, "{ __type { name } }\n",
                  "Field \"__type\" argument \"name\" of type \"String!\" is required, but it was "
                  "not provided. (1:3)\n");
}

static CU_TestInfo tests[] = {
    { "ignores unknown arguments", test_ignores_unknown_arguments },
    { "arguments on an optional argument", test_arguments_on_an_optional_argument },
    { "no argument on an optional argument", test_no_argument_on_an_optional_argument },
    { "no argument on a non-null field with a default",
      test_no_argument_on_a_non_null_field_with_a_default },
    { "multiple arguments", test_multiple_arguments },
    { "multiple arguments in reverse order", test_multiple_arguments_in_reverse_order },
    { "no arguments on multiple optional arguments",
      test_no_arguments_on_multiple_optional_arguments },
    { "one argument on multiple optional arguments",
      test_one_argument_on_multiple_optional_arguments },
    { "second argument on multiple optional arguments",
      test_second_argument_on_multiple_optional_arguments },
    { "multiple required arguments on mixed arguments",
      test_multiple_required_arguments_on_mixed_arguments },
    { "multiple required and one optional argument on mixed arguments",
      test_multiple_required_and_one_optional_argument_on_mixed_argumen },
    { "all required and optional arguments on mixed arguments",
      test_all_required_and_optional_arguments_on_mixed_arguments },
    { "a missing one non-nullable argument", test_a_missing_one_non_nullable_argument },
    { "missing multiple non-nullable arguments", test_missing_multiple_non_nullable_arguments },
    { "an incorrect value and a missing argument", test_an_incorrect_value_and_a_missing_argument },
    { "a required argument given null counts as given",
      test_a_required_argument_given_null_counts_as_given },
    { "ignores unknown directives", test_ignores_unknown_directives },
    { "directives with their required arguments", test_directives_with_their_required_arguments },
    { "directives missing required arguments", test_directives_missing_required_arguments },
    { "directives defined in the document", test_directives_defined_in_the_document },
    { "a required argument of a meta field", test_a_required_argument_of_a_meta_field },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_rules_provided_required_arguments,
           "graphql/validation/rules/provided_required_arguments", harness_init, harness_clean,
           tests);
