/*
 * test_known_argument_names.c: unit tests for src/graphql/validation/rules/known_argument_names.c:
 * the cases of graphql-js's
 * __tests__/KnownArgumentNamesRule-test.ts and more, each expecting exactly the errors (messages
 * and locations) graphql-js v16.8 reports for the same document against the same schema.
 */
#include "graphql/validation/rules.h"

#include "../harness.h"

static void test_a_single_argument_is_known(void)
{
    expect_errors(&gql_rule_known_argument_names,
                  "fragment argOnRequiredArg on Dog {\n"
                  "  doesKnowCommand(dogCommand: SIT)\n"
                  "}\n",
                  "");
}

static void test_multiple_arguments_are_known(void)
{
    expect_errors(&gql_rule_known_argument_names,
                  "fragment multipleArgs on ComplicatedArgs {\n"
                  "  multipleReqs(req1: 1, req2: 2)\n"
                  "}\n",
                  "");
}

static void test_ignores_arguments_of_unknown_fields(void)
{
    expect_errors(&gql_rule_known_argument_names,
                  "fragment argOnUnknownField on Dog {\n"
                  "  unknownField(unknownArg: SIT)\n"
                  "}\n",
                  "");
}

static void test_multiple_arguments_in_reverse_order_are_known(void)
{
    expect_errors(&gql_rule_known_argument_names,
                  "fragment multipleArgsReverseOrder on ComplicatedArgs {\n"
                  "  multipleReqs(req2: 2, req1: 1)\n"
                  "}\n",
                  "");
}

static void test_no_arguments_on_an_optional_argument(void)
{
    expect_errors(&gql_rule_known_argument_names,
                  "fragment noArgOnOptionalArg on Dog {\n"
                  "  isHouseTrained\n"
                  "}\n",
                  "");
}

static void test_arguments_are_known_deeply(void)
{
    expect_errors(&gql_rule_known_argument_names,
                  "{\n"
                  "  dog {\n"
                  "    doesKnowCommand(dogCommand: SIT)\n"
                  "  }\n"
                  "  human {\n"
                  "    pets {\n"
                  "      ... on Dog {\n"
                  "        doesKnowCommand(dogCommand: SIT)\n"
                  "      }\n"
                  "    }\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_directive_arguments_are_known(void)
{
    expect_errors(&gql_rule_known_argument_names,
                  "{\n"
                  "  dog @skip(if: true)\n"
                  "}\n",
                  "");
}

static void test_field_arguments_that_are_invalid(void)
{
    expect_errors(&gql_rule_known_argument_names,
                  "{\n"
                  "  dog @skip(unless: true)\n"
                  "}\n",
                  "Unknown argument \"unless\" on directive \"@skip\". (2:13)\n");
}

static void test_directive_without_arguments_is_valid(void)
{
    expect_errors(&gql_rule_known_argument_names,
                  "{\n"
                  "  dog @onField\n"
                  "}\n",
                  "");
}

static void test_arguments_passed_to_a_directive_without_arguments_are_report(void)
{
    expect_errors(&gql_rule_known_argument_names,
                  "{\n"
                  "  dog @onField(if: true)\n"
                  "}\n",
                  "Unknown argument \"if\" on directive \"@onField\". (2:16)\n");
}

static void test_a_misspelled_directive_argument_is_reported(void)
{
    expect_errors(&gql_rule_known_argument_names,
                  "{\n"
                  "  dog @skip(iff: true)\n"
                  "}\n",
                  "Unknown argument \"iff\" on directive \"@skip\". Did you mean \"if\"? (2:13)\n");
}

static void test_an_invalid_argument_name(void)
{
    expect_errors(&gql_rule_known_argument_names,
                  "fragment invalidArgName on Dog {\n"
                  "  doesKnowCommand(unknown: true)\n"
                  "}\n",
                  "Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\". (2:19)\n");
}

static void test_a_misspelled_argument_name_is_reported(void)
{
    expect_errors(&gql_rule_known_argument_names,
                  "fragment invalidArgName on Dog {\n"
                  "  doesKnowCommand(DogCommand: true)\n"
                  "}\n",
                  "Unknown argument \"DogCommand\" on field \"Dog.doesKnowCommand\". Did you mean "
                  "\"dogCommand\"? (2:19)\n");
}

static void test_unknown_arguments_are_reported_among_known_ones(void)
{
    expect_errors(&gql_rule_known_argument_names,
                  "fragment oneGoodArgOneInvalidArg on Dog {\n"
                  "  doesKnowCommand(whoKnows: 1, dogCommand: SIT, unknown: true)\n"
                  "}\n",
                  "Unknown argument \"whoKnows\" on field \"Dog.doesKnowCommand\". (2:19)\n"
                  "Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\". (2:49)\n");
}

static void test_unknown_arguments_are_reported_deeply(void)
{
    expect_errors(&gql_rule_known_argument_names,
                  "{\n"
                  "  dog {\n"
                  "    doesKnowCommand(unknown: true)\n"
                  "  }\n"
                  "  human {\n"
                  "    pets {\n"
                  "      ... on Dog {\n"
                  "        doesKnowCommand(unknown: true)\n"
                  "      }\n"
                  "    }\n"
                  "  }\n"
                  "}\n",
                  "Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\". (3:21)\n"
                  "Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\". (8:25)\n");
}

static void test_arguments_of_a_directive_defined_in_the_document(void)
{
    expect_errors(&gql_rule_known_argument_names,
                  "directive @test(arg: String) on FIELD\n"
                  "{\n"
                  "  dog @test(arg: \"\", other: 1)\n"
                  "  cat @unknown(arg: 1)\n"
                  "}\n",
                  "Unknown argument \"other\" on directive \"@test\". (3:22)\n");
}

static void test_arguments_of_meta_fields(void)
{
    expect_errors(&gql_rule_known_argument_names,
                  "{ __type(name: \"Dog\") { name } t: __type(nam: \"Dog\") { name } __typename(x: "
                  "1) }\n",
                  "Unknown argument \"nam\" on field \"QueryRoot.__type\". Did you mean \"name\"? "
                  "(1:42)\n"
                  "Unknown argument \"x\" on field \"QueryRoot.__typename\". (1:74)\n");
}

static void test_arguments_on_a_field_of_an_unknown_type_are_ignored(void)
{
    expect_errors(&gql_rule_known_argument_names, "fragment f on Unknown { field(arg: 1) }\n", "");
}

static CU_TestInfo tests[] = {
    { "a single argument is known", test_a_single_argument_is_known },
    { "multiple arguments are known", test_multiple_arguments_are_known },
    { "ignores arguments of unknown fields", test_ignores_arguments_of_unknown_fields },
    { "multiple arguments in reverse order are known",
      test_multiple_arguments_in_reverse_order_are_known },
    { "no arguments on an optional argument", test_no_arguments_on_an_optional_argument },
    { "arguments are known deeply", test_arguments_are_known_deeply },
    { "directive arguments are known", test_directive_arguments_are_known },
    { "field arguments that are invalid", test_field_arguments_that_are_invalid },
    { "directive without arguments is valid", test_directive_without_arguments_is_valid },
    { "arguments passed to a directive without arguments are reported",
      test_arguments_passed_to_a_directive_without_arguments_are_report },
    { "a misspelled directive argument is reported",
      test_a_misspelled_directive_argument_is_reported },
    { "an invalid argument name", test_an_invalid_argument_name },
    { "a misspelled argument name is reported", test_a_misspelled_argument_name_is_reported },
    { "unknown arguments are reported among known ones",
      test_unknown_arguments_are_reported_among_known_ones },
    { "unknown arguments are reported deeply", test_unknown_arguments_are_reported_deeply },
    { "arguments of a directive defined in the document",
      test_arguments_of_a_directive_defined_in_the_document },
    { "arguments of meta fields", test_arguments_of_meta_fields },
    { "arguments on a field of an unknown type are ignored",
      test_arguments_on_a_field_of_an_unknown_type_are_ignored },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_rules_known_argument_names,
           "graphql/validation/rules/known_argument_names", harness_init, harness_clean, tests);
