/*
 * test_no_undefined_variables.c: unit tests for
 * src/graphql/validation/rules/no_undefined_variables.c: the cases of graphql-js's
 * __tests__/NoUndefinedVariablesRule-test.ts and more, each expecting exactly the errors (messages
 * and locations) graphql-js v16.8 reports for the same document against the same schema.
 */
#include "graphql/validation/rules.h"

#include "../harness.h"

static void test_all_variables_defined(void)
{
    expect_errors(&gql_rule_no_undefined_variables,
                  "query Foo($a: String, $b: String, $c: String) {\n"
                  "  field(a: $a, b: $b, c: $c)\n"
                  "}\n",
                  "");
}

static void test_all_variables_deeply_defined(void)
{
    expect_errors(&gql_rule_no_undefined_variables,
                  "query Foo($a: String, $b: String, $c: String) {\n"
                  "  field(a: $a) {\n"
                  "    field(b: $b) {\n"
                  "      field(c: $c)\n"
                  "    }\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_all_variables_deeply_in_inline_fragments_defined(void)
{
    expect_errors(&gql_rule_no_undefined_variables,
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

static void test_all_variables_in_fragments_deeply_defined(void)
{
    expect_errors(&gql_rule_no_undefined_variables,
                  "query Foo($a: String, $b: String, $c: String) {\n"
                  "  ...FragA\n"
                  "}\n"
                  "fragment FragA on Type {\n"
                  "  field(a: $a) {\n"
                  "    ...FragB\n"
                  "  }\n"
                  "}\n"
                  "fragment FragB on Type {\n"
                  "  field(b: $b) {\n"
                  "    ...FragC\n"
                  "  }\n"
                  "}\n"
                  "fragment FragC on Type {\n"
                  "  field(c: $c)\n"
                  "}\n",
                  "");
}

static void test_variables_within_a_single_fragment_defined_in_multiple_opera(void)
{
    expect_errors(&gql_rule_no_undefined_variables,
                  "query Foo($a: String) {\n"
                  "  ...FragA\n"
                  "}\n"
                  "query Bar($a: String) {\n"
                  "  ...FragA\n"
                  "}\n"
                  "fragment FragA on Type {\n"
                  "  field(a: $a)\n"
                  "}\n",
                  "");
}

static void test_variables_within_fragments_defined_in_operations(void)
{
    expect_errors(&gql_rule_no_undefined_variables,
                  "query Foo($a: String) { ...FragA }\n"
                  "query Bar($b: String) { ...FragB }\n"
                  "fragment FragA on Type { field(a: $a) }\n"
                  "fragment FragB on Type { field(b: $b) }\n",
                  "");
}

static void test_variables_within_recursive_fragments_defined(void)
{
    expect_errors(&gql_rule_no_undefined_variables,
                  "query Foo($a: String) { ...FragA }\n"
                  "fragment FragA on Type {\n"
                  "  field(a: $a) { ...FragA }\n"
                  "}\n",
                  "");
}

static void test_a_variable_not_defined(void)
{
    expect_errors(&gql_rule_no_undefined_variables,
                  "query Foo($a: String, $b: String, $c: String) {\n"
                  "  field(a: $a, b: $b, c: $c, d: $d)\n"
                  "}\n",
                  "Variable \"$d\" is not defined by operation \"Foo\". (2:33, 1:1)\n");
}

static void test_variables_not_defined_by_an_anonymous_query(void)
{
    expect_errors(&gql_rule_no_undefined_variables,
                  "{\n"
                  "  field(a: $a)\n"
                  "}\n",
                  "Variable \"$a\" is not defined. (2:12, 1:1)\n");
}

static void test_multiple_variables_not_defined(void)
{
    expect_errors(&gql_rule_no_undefined_variables,
                  "query Foo($b: String) {\n"
                  "  field(a: $a, b: $b, c: $c)\n"
                  "}\n",
                  "Variable \"$a\" is not defined by operation \"Foo\". (2:12, 1:1)\n"
                  "Variable \"$c\" is not defined by operation \"Foo\". (2:26, 1:1)\n");
}

static void test_a_variable_in_a_fragment_not_defined_by_an_anonymous_query(void)
{
    expect_errors(&gql_rule_no_undefined_variables,
                  "{ ...FragA }\n"
                  "fragment FragA on Type { field(a: $a) }\n",
                  "Variable \"$a\" is not defined. (2:35, 1:1)\n");
}

static void test_a_variable_in_a_fragment_not_defined_by_an_operation(void)
{
    expect_errors(&gql_rule_no_undefined_variables,
                  "query Foo($a: String, $b: String) { ...FragA }\n"
                  "fragment FragA on Type { field(a: $a) { ...FragB } }\n"
                  "fragment FragB on Type { field(b: $b) { ...FragC } }\n"
                  "fragment FragC on Type { field(c: $c) }\n",
                  "Variable \"$c\" is not defined by operation \"Foo\". (4:35, 1:1)\n");
}

static void test_multiple_variables_in_fragments_not_defined(void)
{
    expect_errors(&gql_rule_no_undefined_variables,
                  "query Foo($b: String) { ...FragA }\n"
                  "fragment FragA on Type { field(a: $a) { ...FragB } }\n"
                  "fragment FragB on Type { field(b: $b) { ...FragC } }\n"
                  "fragment FragC on Type { field(c: $c) }\n",
                  "Variable \"$a\" is not defined by operation \"Foo\". (2:35, 1:1)\n"
                  "Variable \"$c\" is not defined by operation \"Foo\". (4:35, 1:1)\n");
}

static void test_a_single_variable_in_a_fragment_not_defined_by_multiple_oper(void)
{
    expect_errors(&gql_rule_no_undefined_variables,
                  "query Foo($a: String) { ...FragAB }\n"
                  "query Bar($a: String) { ...FragAB }\n"
                  "fragment FragAB on Type { field(a: $a, b: $b) }\n",
                  "Variable \"$b\" is not defined by operation \"Foo\". (3:43, 1:1)\n"
                  "Variable \"$b\" is not defined by operation \"Bar\". (3:43, 2:1)\n");
}

static void test_variables_in_fragments_not_defined_by_multiple_operations(void)
{
    expect_errors(&gql_rule_no_undefined_variables,
                  "query Foo($b: String) { ...FragA }\n"
                  "query Bar($a: String) { ...FragB }\n"
                  "fragment FragA on Type { field(a: $a) }\n"
                  "fragment FragB on Type { field(b: $b) }\n",
                  "Variable \"$a\" is not defined by operation \"Foo\". (3:35, 1:1)\n"
                  "Variable \"$b\" is not defined by operation \"Bar\". (4:35, 2:1)\n");
}

static void test_multiple_undefined_variables_produce_multiple_errors(void)
{
    expect_errors(&gql_rule_no_undefined_variables,
                  "query Foo($b: String) { ...FragAB }\n"
                  "query Bar($a: String) { ...FragAB }\n"
                  "fragment FragAB on Type {\n"
                  "  field1(a: $a, b: $b)\n"
                  "  ...FragC\n"
                  "  field3(a: $a, b: $b)\n"
                  "}\n"
                  "fragment FragC on Type { field2(c: $c) }\n",
                  "Variable \"$a\" is not defined by operation \"Foo\". (4:13, 1:1)\n"
                  "Variable \"$a\" is not defined by operation \"Foo\". (6:13, 1:1)\n"
                  "Variable \"$c\" is not defined by operation \"Foo\". (8:36, 1:1)\n"
                  "Variable \"$b\" is not defined by operation \"Bar\". (4:20, 2:1)\n"
                  "Variable \"$b\" is not defined by operation \"Bar\". (6:20, 2:1)\n"
                  "Variable \"$c\" is not defined by operation \"Bar\". (8:36, 2:1)\n");
}

static void test_variables_in_directives_and_nested_values(void)
{
    expect_errors(&gql_rule_no_undefined_variables,
                  "query Foo { field(o: { a: [$x, { b: $y }] }) @include(if: $z) }\n",
                  "Variable \"$x\" is not defined by operation \"Foo\". (1:28, 1:1)\n"
                  "Variable \"$y\" is not defined by operation \"Foo\". (1:37, 1:1)\n"
                  "Variable \"$z\" is not defined by operation \"Foo\". (1:59, 1:1)\n");
}

static void test_fragments_nested_in_several_selection_sets_are_followed_in_g(void)
{
    expect_errors(&gql_rule_no_undefined_variables,
                  "query Foo {\n"
                  "  a { ...FragA }\n"
                  "  b { ...FragB }\n"
                  "  ...FragC\n"
                  "}\n"
                  "fragment FragA on Type { field(a: $a) }\n"
                  "fragment FragB on Type { field(b: $b) ...FragD }\n"
                  "fragment FragC on Type { field(c: $c) }\n"
                  "fragment FragD on Type { field(d: $d) }\n",
                  "Variable \"$c\" is not defined by operation \"Foo\". (8:35, 1:1)\n"
                  "Variable \"$b\" is not defined by operation \"Foo\". (7:35, 1:1)\n"
                  "Variable \"$a\" is not defined by operation \"Foo\". (6:35, 1:1)\n"
                  "Variable \"$d\" is not defined by operation \"Foo\". (9:35, 1:1)\n");
}

static CU_TestInfo tests[] = {
    { "all variables defined", test_all_variables_defined },
    { "all variables deeply defined", test_all_variables_deeply_defined },
    { "all variables deeply in inline fragments defined",
      test_all_variables_deeply_in_inline_fragments_defined },
    { "all variables in fragments deeply defined", test_all_variables_in_fragments_deeply_defined },
    { "variables within a single fragment defined in multiple operations",
      test_variables_within_a_single_fragment_defined_in_multiple_opera },
    { "variables within fragments defined in operations",
      test_variables_within_fragments_defined_in_operations },
    { "variables within recursive fragments defined",
      test_variables_within_recursive_fragments_defined },
    { "a variable not defined", test_a_variable_not_defined },
    { "variables not defined by an anonymous query",
      test_variables_not_defined_by_an_anonymous_query },
    { "multiple variables not defined", test_multiple_variables_not_defined },
    { "a variable in a fragment not defined by an anonymous query",
      test_a_variable_in_a_fragment_not_defined_by_an_anonymous_query },
    { "a variable in a fragment not defined by an operation",
      test_a_variable_in_a_fragment_not_defined_by_an_operation },
    { "multiple variables in fragments not defined",
      test_multiple_variables_in_fragments_not_defined },
    { "a single variable in a fragment not defined by multiple operations",
      test_a_single_variable_in_a_fragment_not_defined_by_multiple_oper },
    { "variables in fragments not defined by multiple operations",
      test_variables_in_fragments_not_defined_by_multiple_operations },
    { "multiple undefined variables produce multiple errors",
      test_multiple_undefined_variables_produce_multiple_errors },
    { "variables in directives and nested values", test_variables_in_directives_and_nested_values },
    { "fragments nested in several selection sets are followed in graphql-js order",
      test_fragments_nested_in_several_selection_sets_are_followed_in_g },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_rules_no_undefined_variables,
           "graphql/validation/rules/no_undefined_variables", harness_init, harness_clean, tests);
