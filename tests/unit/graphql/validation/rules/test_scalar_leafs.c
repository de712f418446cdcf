/*
 * test_scalar_leafs.c: unit tests for src/graphql/validation/rules/scalar_leafs.c: the cases of
 * graphql-js's
 * __tests__/ScalarLeafsRule-test.ts and more, each expecting exactly the errors (messages and
 * locations) graphql-js v16.8 reports for the same document against the same schema.
 */
#include "graphql/validation/rules.h"

#include "../harness.h"

static void test_a_valid_scalar_selection(void)
{
    expect_errors(&gql_rule_scalar_leafs,
                  "fragment scalarSelection on Dog {\n"
                  "  barks\n"
                  "}\n",
                  "");
}

static void test_an_object_type_missing_its_selection(void)
{
    expect_errors(&gql_rule_scalar_leafs,
                  "query directQueryOnObjectWithoutSubFields {\n"
                  "  human\n"
                  "}\n",
                  "Field \"human\" of type \"Human\" must have a selection of subfields. Did you "
                  "mean \"human { ... }\"? (2:3)\n");
}

static void test_an_interface_type_missing_its_selection(void)
{
    expect_errors(&gql_rule_scalar_leafs,
                  "{\n"
                  "  human { pets }\n"
                  "}\n",
                  "Field \"pets\" of type \"[Pet]\" must have a selection of subfields. Did you "
                  "mean \"pets { ... }\"? (2:11)\n");
}

static void test_a_non_null_list_of_objects_missing_its_selection(void)
{
    expect_errors(&gql_rule_scalar_leafs, "{ human { relatives } }\n",
                  "Field \"relatives\" of type \"[Human]!\" must have a selection of subfields. "
                  "Did you mean \"relatives { ... }\"? (1:11)\n");
}

static void test_a_valid_scalar_selection_with_arguments(void)
{
    expect_errors(&gql_rule_scalar_leafs,
                  "fragment scalarSelectionWithArgs on Dog {\n"
                  "  doesKnowCommand(dogCommand: SIT)\n"
                  "}\n",
                  "");
}

static void test_a_scalar_selection_not_allowed_on_a_boolean(void)
{
    expect_errors(&gql_rule_scalar_leafs,
                  "fragment scalarSelectionsNotAllowedOnBoolean on Dog {\n"
                  "  barks { sinceWhen }\n"
                  "}\n",
                  "Field \"barks\" must not have a selection since type \"Boolean\" has no "
                  "subfields. (2:9)\n");
}

static void test_a_scalar_selection_not_allowed_on_an_enum(void)
{
    expect_errors(&gql_rule_scalar_leafs,
                  "fragment scalarSelectionsNotAllowedOnEnum on Cat {\n"
                  "  furColor { inHexDec }\n"
                  "}\n",
                  "Field \"furColor\" must not have a selection since type \"FurColor\" has no "
                  "subfields. (2:12)\n");
}

static void test_a_scalar_selection_with_arguments_not_allowed(void)
{
    expect_errors(&gql_rule_scalar_leafs,
                  "fragment scalarSelectionsNotAllowedWithArgs on Dog {\n"
                  "  doesKnowCommand(dogCommand: SIT) { sinceWhen }\n"
                  "}\n",
                  "Field \"doesKnowCommand\" must not have a selection since type \"Boolean\" has "
                  "no subfields. (2:36)\n");
}

static void test_a_scalar_selection_with_directives_not_allowed(void)
{
    expect_errors(&gql_rule_scalar_leafs,
                  "fragment scalarSelectionsNotAllowedWithDirectives on Dog {\n"
                  "  name @include(if: true) { isAlsoHumanName }\n"
                  "}\n",
                  "Field \"name\" must not have a selection since type \"String\" has no "
                  "subfields. (2:27)\n");
}

static void test_a_scalar_selection_with_directives_and_arguments_not_allowed(void)
{
    expect_errors(&gql_rule_scalar_leafs,
                  "fragment scalarSelectionsNotAllowedWithDirectivesAndArgs on Dog {\n"
                  "  doesKnowCommand(dogCommand: SIT) @include(if: true) { sinceWhen }\n"
                  "}\n",
                  "Field \"doesKnowCommand\" must not have a selection since type \"Boolean\" has "
                  "no subfields. (2:55)\n");
}

static void test_typename_is_a_leaf(void)
{
    expect_errors(&gql_rule_scalar_leafs, "{ dog { __typename { x } } __schema { queryType } }\n",
                  "Field \"__typename\" must not have a selection since type \"String!\" has no "
                  "subfields. (1:20)\n"
                  "Field \"queryType\" of type \"__Type!\" must have a selection of subfields. Did "
                  "you mean \"queryType { ... }\"? (1:39)\n");
}

static CU_TestInfo tests[] = {
    { "a valid scalar selection", test_a_valid_scalar_selection },
    { "an object type missing its selection", test_an_object_type_missing_its_selection },
    { "an interface type missing its selection", test_an_interface_type_missing_its_selection },
    { "a non-null list of objects missing its selection",
      test_a_non_null_list_of_objects_missing_its_selection },
    { "a valid scalar selection with arguments", test_a_valid_scalar_selection_with_arguments },
    { "a scalar selection not allowed on a Boolean",
      test_a_scalar_selection_not_allowed_on_a_boolean },
    { "a scalar selection not allowed on an enum", test_a_scalar_selection_not_allowed_on_an_enum },
    { "a scalar selection with arguments not allowed",
      test_a_scalar_selection_with_arguments_not_allowed },
    { "a scalar selection with directives not allowed",
      test_a_scalar_selection_with_directives_not_allowed },
    { "a scalar selection with directives and arguments not allowed",
      test_a_scalar_selection_with_directives_and_arguments_not_allowed },
    { "__typename is a leaf", test_typename_is_a_leaf },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_rules_scalar_leafs, "graphql/validation/rules/scalar_leafs",
           harness_init, harness_clean, tests);
