/*
 * test_no_unused_variables.c: unit tests for src/graphql/validation/rules/no_unused_variables.c:
 * the cases of graphql-js's
 * __tests__/NoUnusedVariablesRule-test.ts and more, each expecting exactly the errors (messages and
 * locations) graphql-js v16.8 reports for the same document against the same schema.
 */
#include "graphql/validation/rules.h"

#include "../harness.h"

static void test_uses_all_variables(void)
{
    expect_errors(&gql_rule_no_unused_variables,
                  "query ($a: String, $b: String, $c: String) {\n"
                  "  field(a: $a, b: $b, c: $c)\n"
                  "}\n",
                  "");
}

static void test_uses_all_variables_deeply(void)
{
    expect_errors(&gql_rule_no_unused_variables,
                  "query Foo($a: String, $b: String, $c: String) {\n"
                  "  field(a: $a) {\n"
                  "    field(b: $b) {\n"
                  "      field(c: $c)\n"
                  "    }\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_uses_all_variables_deeply_in_inline_fragments(void)
{
    expect_errors(&gql_rule_no_unused_variables,
                  "query Foo($a: String, $b: String, $c: String) {\n"
                  "  ... on Type {\n"
                  "    field(a: $a) {\n"
                  "      field(b: $b) {\n"
                  "        ... on Type {\n"
                  "          field(c: $c)\n"
                  "        }\n"
                  "      }\n"
                  "    }\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_uses_all_variables_in_fragments(void)
{
    expect_errors(&gql_rule_no_unused_variables,
                  "query Foo($a: String, $b: String, $c: String) { ...FragA }\n"
                  "fragment FragA on Type { field(a: $a) { ...FragB } }\n"
                  "fragment FragB on Type { field(b: $b) { ...FragC } }\n"
                  "fragment FragC on Type { field(c: $c) }\n",
                  "");
}

static void test_variables_used_by_a_fragment_in_multiple_operations(void)
{
    expect_errors(&gql_rule_no_unused_variables,
                  "query Foo($a: String) { ...FragA }\n"
                  "query Bar($b: String) { ...FragB }\n"
                  "fragment FragA on Type { field(a: $a) }\n"
                  "fragment FragB on Type { field(b: $b) }\n",
                  "");
}

static void test_variables_used_by_recursive_fragments(void)
{
    expect_errors(&gql_rule_no_unused_variables,
                  "query Foo($a: String) { ...FragA }\n"
                  "fragment FragA on Type { field(a: $a) { ...FragA } }\n",
                  "");
}

static void test_variables_used_in_directives(void)
{
    expect_errors(
            &gql_rule_no_unused_variables,
            "query Foo($a: Boolean!, $b: Int) { dog @include(if: $a) { isAtLocation(x: $b) } }\n",
            "");
}

static void test_a_variable_not_used(void)
{
    expect_errors(&gql_rule_no_unused_variables,
                  "query ($a: String, $b: String, $c: String) {\n"
                  "  field(a: $a, b: $b)\n"
                  "}\n",
                  "Variable \"$c\" is never used. (1:32)\n");
}

static void test_multiple_variables_not_used(void)
{
    expect_errors(&gql_rule_no_unused_variables,
                  "query Foo($a: String, $b: String, $c: String) {\n"
                  "  field(b: $b)\n"
                  "}\n",
                  "Variable \"$a\" is never used in operation \"Foo\". (1:11)\n"
                  "Variable \"$c\" is never used in operation \"Foo\". (1:35)\n");
}

static void test_a_variable_not_used_in_fragments(void)
{
    expect_errors(&gql_rule_no_unused_variables,
                  "query Foo($a: String, $b: String, $c: String) { ...FragA }\n"
                  "fragment FragA on Type { field(a: $a) { ...FragB } }\n"
                  "fragment FragB on Type { field(b: $b) { ...FragC } }\n"
                  "fragment FragC on Type { field }\n",
                  "Variable \"$c\" is never used in operation \"Foo\". (1:35)\n");
}

static void test_multiple_variables_not_used_in_fragments(void)
{
    expect_errors(&gql_rule_no_unused_variables,
                  "query Foo($a: String, $b: String, $c: String) { ...FragA }\n"
                  "fragment FragA on Type { field { ...FragB } }\n"
                  "fragment FragB on Type { field(b: $b) { ...FragC } }\n"
                  "fragment FragC on Type { field }\n",
                  "Variable \"$a\" is never used in operation \"Foo\". (1:11)\n"
                  "Variable \"$c\" is never used in operation \"Foo\". (1:35)\n");
}

static void test_a_variable_used_only_by_an_unreferenced_fragment(void)
{
    expect_errors(&gql_rule_no_unused_variables,
                  "query Foo($a: String, $b: String) { ...FragA }\n"
                  "fragment FragA on Type { field(a: $a) }\n"
                  "fragment FragB on Type { field(b: $b) }\n",
                  "Variable \"$b\" is never used in operation \"Foo\". (1:23)\n");
}

static void test_a_variable_used_only_by_a_fragment_another_operation_spreads(void)
{
    expect_errors(&gql_rule_no_unused_variables,
                  "query Foo($b: String) { ...FragA }\n"
                  "query Bar($a: String) { ...FragB }\n"
                  "fragment FragA on Type { field(a: $a) }\n"
                  "fragment FragB on Type { field(b: $b) }\n",
                  "Variable \"$b\" is never used in operation \"Foo\". (1:11)\n"
                  "Variable \"$a\" is never used in operation \"Bar\". (2:11)\n");
}

static void test_a_variable_used_only_in_another_variable_s_default_value_is(void)
{
    expect_errors(&gql_rule_no_unused_variables,
                  "query Foo($a: Int, $b: [Int] = [1]) { field(a: $a) }\n",
                  "Variable \"$b\" is never used in operation \"Foo\". (1:20)\n");
}

static CU_TestInfo tests[] = {
    { "uses all variables", test_uses_all_variables },
    { "uses all variables deeply", test_uses_all_variables_deeply },
    { "uses all variables deeply in inline fragments",
      test_uses_all_variables_deeply_in_inline_fragments },
    { "uses all variables in fragments", test_uses_all_variables_in_fragments },
    { "variables used by a fragment in multiple operations",
      test_variables_used_by_a_fragment_in_multiple_operations },
    { "variables used by recursive fragments", test_variables_used_by_recursive_fragments },
    { "variables used in directives", test_variables_used_in_directives },
    { "a variable not used", test_a_variable_not_used },
    { "multiple variables not used", test_multiple_variables_not_used },
    { "a variable not used in fragments", test_a_variable_not_used_in_fragments },
    { "multiple variables not used in fragments", test_multiple_variables_not_used_in_fragments },
    { "a variable used only by an unreferenced fragment",
      test_a_variable_used_only_by_an_unreferenced_fragment },
    { "a variable used only by a fragment another operation spreads",
      test_a_variable_used_only_by_a_fragment_another_operation_spreads },
    { "a variable used only in another variable's default value is unused",
      test_a_variable_used_only_in_another_variable_s_default_value_is },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_rules_no_unused_variables,
           "graphql/validation/rules/no_unused_variables", harness_init, harness_clean, tests);
