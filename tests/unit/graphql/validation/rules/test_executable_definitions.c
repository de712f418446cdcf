/*
 * test_executable_definitions.c: unit tests for
 * src/graphql/validation/rules/executable_definitions.c: the cases of graphql-js's
 * __tests__/ExecutableDefinitionsRule-test.ts and more, each expecting exactly the errors (messages
 * and locations) graphql-js v16.8 reports for the same document against the same schema.
 */
#include "graphql/validation/rules.h"

#include "../harness.h"

static void test_only_operations_are_valid(void)
{
    expect_errors(&gql_rule_executable_definitions,
                  "query Foo {\n"
                  "  dog { name }\n"
                  "}\n",
                  "");
}

static void test_operations_and_fragments_are_valid(void)
{
    expect_errors(&gql_rule_executable_definitions,
                  "query Foo {\n"
                  "  dog { name ...Frag }\n"
                  "}\n"
                  "fragment Frag on Dog { name }\n",
                  "");
}

static void test_a_type_definition_is_reported_by_name(void)
{
    expect_errors(&gql_rule_executable_definitions,
                  "query Foo {\n"
                  "  dog { name }\n"
                  "}\n"
                  "type Cow { name: String }\n"
                  "extend type Dog { color: String }\n",
                  "The \"Cow\" definition is not executable. (4:1)\n"
                  "The \"Dog\" definition is not executable. (5:1)\n");
}

static void test_a_schema_definition_and_extension_are_reported_as_schema(void)
{
    expect_errors(&gql_rule_executable_definitions,
                  "schema { query: Query }\n"
                  "type Query { test: String }\n"
                  "extend schema @directive\n",
                  "The schema definition is not executable. (1:1)\n"
                  "The \"Query\" definition is not executable. (2:1)\n"
                  "The schema definition is not executable. (3:1)\n");
}

static void test_every_other_type_system_definition_is_reported(void)
{
    expect_errors(&gql_rule_executable_definitions,
                  "scalar S\n"
                  "interface I { f: Int }\n"
                  "union U = A\n"
                  "enum E { A }\n"
                  "input In { a: Int }\n"
                  "directive @d on FIELD\n"
                  "extend scalar S @d\n"
                  "extend interface I { g: Int }\n"
                  "extend union U = B\n"
                  "extend enum E { B }\n"
                  "extend input In { b: Int }\n",
                  "The \"S\" definition is not executable. (1:1)\n"
                  "The \"I\" definition is not executable. (2:1)\n"
                  "The \"U\" definition is not executable. (3:1)\n"
                  "The \"E\" definition is not executable. (4:1)\n"
                  "The \"In\" definition is not executable. (5:1)\n"
                  "The \"d\" definition is not executable. (6:1)\n"
                  "The \"S\" definition is not executable. (7:1)\n"
                  "The \"I\" definition is not executable. (8:1)\n"
                  "The \"U\" definition is not executable. (9:1)\n"
                  "The \"E\" definition is not executable. (10:1)\n"
                  "The \"In\" definition is not executable. (11:1)\n");
}

static CU_TestInfo tests[] = {
    { "only operations are valid", test_only_operations_are_valid },
    { "operations and fragments are valid", test_operations_and_fragments_are_valid },
    { "a type definition is reported by name", test_a_type_definition_is_reported_by_name },
    { "a schema definition and extension are reported as schema",
      test_a_schema_definition_and_extension_are_reported_as_schema },
    { "every other type-system definition is reported",
      test_every_other_type_system_definition_is_reported },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_rules_executable_definitions,
           "graphql/validation/rules/executable_definitions", harness_init, harness_clean, tests);
