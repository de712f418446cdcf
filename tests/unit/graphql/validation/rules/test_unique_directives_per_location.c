/*
 * test_unique_directives_per_location.c: unit tests for
 * src/graphql/validation/rules/unique_directives_per_location.c: the cases of graphql-js's
 * __tests__/UniqueDirectivesPerLocationRule-test.ts and more, each expecting exactly the errors
 * (messages and locations) graphql-js v16.8 reports for the same document against the same schema.
 */
#include "graphql/validation/rules.h"

#include "../harness.h"

static void test_no_directives(void)
{
    expect_errors(&gql_rule_unique_directives_per_location,
                  "fragment Test on Type {\n"
                  "  field\n"
                  "}\n",
                  "");
}

static void test_unique_directives_in_different_locations(void)
{
    expect_errors(&gql_rule_unique_directives_per_location,
                  "fragment Test on Type @onFragmentDefinition {\n"
                  "  field @onField\n"
                  "}\n",
                  "");
}

static void test_unique_directives_in_the_same_location(void)
{
    expect_errors(&gql_rule_unique_directives_per_location,
                  "fragment Test on Type @onFragmentDefinition @skip(if: true) {\n"
                  "  field @onField @include(if: true)\n"
                  "}\n",
                  "");
}

static void test_the_same_directive_in_different_locations(void)
{
    expect_errors(&gql_rule_unique_directives_per_location,
                  "fragment Test on Type @onFragmentDefinition {\n"
                  "  field @onFragmentDefinition\n"
                  "}\n",
                  "");
}

static void test_the_same_directives_in_similar_locations(void)
{
    expect_errors(&gql_rule_unique_directives_per_location,
                  "fragment Test on Type {\n"
                  "  field @onField\n"
                  "  field @onField\n"
                  "}\n",
                  "");
}

static void test_a_repeatable_directive_in_the_same_location(void)
{
    expect_errors(&gql_rule_unique_directives_per_location,
                  "fragment Test on Type @repeatable @repeatable {\n"
                  "  field @repeatable @repeatable\n"
                  "}\n",
                  "");
}

static void test_an_unknown_directive_in_the_same_location(void)
{
    expect_errors(&gql_rule_unique_directives_per_location,
                  "fragment Test on Type @unknown @unknown {\n"
                  "  field @unknown @unknown\n"
                  "}\n",
                  "");
}

static void test_duplicate_directives_in_one_location(void)
{
    expect_errors(
            &gql_rule_unique_directives_per_location,
            "fragment Test on Type {\n"
            "  field @onField @onField\n"
            "}\n",
            "The directive \"@onField\" can only be used once at this location. (2:9, 2:18)\n");
}

static void test_many_duplicate_directives_in_one_location(void)
{
    expect_errors(
            &gql_rule_unique_directives_per_location,
            "fragment Test on Type {\n"
            "  field @onField @onField @onField\n"
            "}\n",
            "The directive \"@onField\" can only be used once at this location. (2:9, 2:18)\n"
            "The directive \"@onField\" can only be used once at this location. (2:9, 2:27)\n");
}

static void test_different_duplicate_directives_in_one_location(void)
{
    expect_errors(&gql_rule_unique_directives_per_location,
                  "fragment Test on Type {\n"
                  "  field @onField @skip(if: true) @onField @skip(if: false)\n"
                  "}\n",
                  "The directive \"@onField\" can only be used once at this location. (2:9, 2:34)\n"
                  "The directive \"@skip\" can only be used once at this location. (2:18, 2:43)\n");
}

static void test_duplicate_directives_in_many_locations(void)
{
    expect_errors(
            &gql_rule_unique_directives_per_location,
            "fragment Test on Type @onFragmentDefinition @onFragmentDefinition {\n"
            "  field @onField @onField\n"
            "}\n",
            "The directive \"@onFragmentDefinition\" can only be used once at this location. "
            "(1:23, 1:45)\n"
            "The directive \"@onField\" can only be used once at this location. (2:9, 2:18)\n");
}

static void test_duplicate_directives_on_an_operation_and_a_variable(void)
{
    expect_errors(
            &gql_rule_unique_directives_per_location,
            "query Q($x: Int @onVariableDefinition @onVariableDefinition) @onQuery @onQuery {\n"
            "  dog { ...F @onFragmentSpread @onFragmentSpread ... @skip(if: true) @skip(if: true) "
            "{ name } }\n"
            "}\n",
            "The directive \"@onQuery\" can only be used once at this location. (1:62, 1:71)\n"
            "The directive \"@onVariableDefinition\" can only be used once at this location. "
            "(1:17, 1:39)\n"
            "The directive \"@onFragmentSpread\" can only be used once at this location. (2:14, "
            "2:32)\n"
            "The directive \"@skip\" can only be used once at this location. (2:54, 2:70)\n");
}

static void test_duplicate_directives_on_sdl_definitions(void)
{
    expect_errors(
            &gql_rule_unique_directives_per_location,
            "schema @onSchema { query: Dummy }\n"
            "extend schema @onSchema\n"
            "\n"
            "scalar TestScalar @onScalar\n"
            "extend scalar TestScalar @onScalar\n"
            "\n"
            "type TestObject @onObject\n"
            "extend type TestObject @onObject\n"
            "\n"
            "interface TestInterface @onInterface\n"
            "extend interface TestInterface @onInterface\n"
            "\n"
            "union TestUnion @onUnion\n"
            "extend union TestUnion @onUnion\n"
            "\n"
            "input TestInput @onInputObject\n"
            "extend input TestInput @onInputObject\n"
            "\n"
            "type T { f(a: Int @x @x): Int @x @x }\n"
            "enum E { A @x @x }\n"
            "directive @onSchema on SCHEMA\n"
            "directive @onScalar on SCALAR\n"
            "directive @onObject on OBJECT\n"
            "directive @onInterface on INTERFACE\n"
            "directive @onUnion on UNION\n"
            "directive @onInputObject on INPUT_OBJECT\n"
            "directive @x on ARGUMENT_DEFINITION | FIELD_DEFINITION | ENUM_VALUE\n",
            "The directive \"@onSchema\" can only be used once at this location. (1:8, 2:15)\n"
            "The directive \"@onScalar\" can only be used once at this location. (4:19, 5:26)\n"
            "The directive \"@onObject\" can only be used once at this location. (7:17, 8:24)\n"
            "The directive \"@onInterface\" can only be used once at this location. (10:25, "
            "11:32)\n"
            "The directive \"@onUnion\" can only be used once at this location. (13:17, 14:24)\n"
            "The directive \"@onInputObject\" can only be used once at this location. (16:17, "
            "17:24)\n"
            "The directive \"@x\" can only be used once at this location. (19:31, 19:34)\n"
            "The directive \"@x\" can only be used once at this location. (19:19, 19:22)\n"
            "The directive \"@x\" can only be used once at this location. (20:12, 20:15)\n");
}

static void test_a_directive_the_document_defines_as_repeatable(void)
{
    expect_errors(&gql_rule_unique_directives_per_location,
                  "directive @onField repeatable on FIELD\n"
                  "{ dog @onField @onField { name } }\n",
                  "");
}

static CU_TestInfo tests[] = {
    { "no directives", test_no_directives },
    { "unique directives in different locations", test_unique_directives_in_different_locations },
    { "unique directives in the same location", test_unique_directives_in_the_same_location },
    { "the same directive in different locations", test_the_same_directive_in_different_locations },
    { "the same directives in similar locations", test_the_same_directives_in_similar_locations },
    { "a repeatable directive in the same location",
      test_a_repeatable_directive_in_the_same_location },
    { "an unknown directive in the same location", test_an_unknown_directive_in_the_same_location },
    { "duplicate directives in one location", test_duplicate_directives_in_one_location },
    { "many duplicate directives in one location", test_many_duplicate_directives_in_one_location },
    { "different duplicate directives in one location",
      test_different_duplicate_directives_in_one_location },
    { "duplicate directives in many locations", test_duplicate_directives_in_many_locations },
    { "duplicate directives on an operation and a variable",
      test_duplicate_directives_on_an_operation_and_a_variable },
    { "duplicate directives on SDL definitions", test_duplicate_directives_on_sdl_definitions },
    { "a directive the document defines as repeatable",
      test_a_directive_the_document_defines_as_repeatable },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_rules_unique_directives_per_location,
           "graphql/validation/rules/unique_directives_per_location", harness_init, harness_clean,
           tests);
