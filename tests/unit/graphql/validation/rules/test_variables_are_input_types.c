/*
 * test_variables_are_input_types.c: unit tests for
 * src/graphql/validation/rules/variables_are_input_types.c: the cases of graphql-js's
 * __tests__/VariablesAreInputTypesRule-test.ts and more, each expecting exactly the errors
 * (messages and locations) graphql-js v16.8 reports for the same document against the same schema.
 */
#include "graphql/validation/rules.h"

#include "../harness.h"

static void test_unknown_types_are_ignored(void)
{
    expect_errors(&gql_rule_variables_are_input_types,
                  "query Foo($a: Unknown, $b: [[Unknown!]]!) {\n"
                  "  field(a: $a, b: $b)\n"
                  "}\n",
                  "");
}

static void test_input_types_are_valid(void)
{
    expect_errors(&gql_rule_variables_are_input_types,
                  "query Foo($a: String, $b: [Boolean!]!, $c: ComplexInput, $d: FurColor) {\n"
                  "  field(a: $a, b: $b, c: $c, d: $d)\n"
                  "}\n",
                  "");
}

static void test_output_types_are_invalid(void)
{
    expect_errors(&gql_rule_variables_are_input_types,
                  "query Foo($a: Dog, $b: [[CatOrDog!]]!, $c: Pet) {\n"
                  "  field(a: $a, b: $b, c: $c)\n"
                  "}\n",
                  "Variable \"$a\" cannot be non-input type \"Dog\". (1:15)\n"
                  "Variable \"$b\" cannot be non-input type \"[[CatOrDog!]]!\". (1:24)\n"
                  "Variable \"$c\" cannot be non-input type \"Pet\". (1:44)\n");
}

static void test_introspection_object_types_are_invalid(void)
{
    expect_errors(&gql_rule_variables_are_input_types,
                  "query Foo($a: __Type, $b: __TypeKind) {\n"
                  "  field(a: $a, b: $b)\n"
                  "}\n",
                  "Variable \"$a\" cannot be non-input type \"__Type\". (1:15)\n");
}

static CU_TestInfo tests[] = {
    { "unknown types are ignored", test_unknown_types_are_ignored },
    { "input types are valid", test_input_types_are_valid },
    { "output types are invalid", test_output_types_are_invalid },
    { "introspection object types are invalid", test_introspection_object_types_are_invalid },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_rules_variables_are_input_types,
           "graphql/validation/rules/variables_are_input_types", harness_init, harness_clean,
           tests);
