/*
 * test_known_type_names.c: unit tests for src/graphql/validation/rules/known_type_names.c: the
 * cases of graphql-js's
 * __tests__/KnownTypeNamesRule-test.ts and more, each expecting exactly the errors (messages and
 * locations) graphql-js v16.8 reports for the same document against the same schema.
 */
#include "graphql/validation/rules.h"

#include "../harness.h"

static void test_known_type_names_are_valid(void)
{
    expect_errors(&gql_rule_known_type_names,
                  "query Foo(\n"
                  "  $var: String\n"
                  "  $required: [Int!]!\n"
                  "  $introspectionType: __EnumValue\n"
                  ") {\n"
                  "  user(id: 4) {\n"
                  "    pets { ... on Pet { name }, ...PetFields, ... { name } }\n"
                  "  }\n"
                  "}\n"
                  "fragment PetFields on Pet {\n"
                  "  name\n"
                  "}\n",
                  "");
}

static void test_unknown_type_names_are_invalid(void)
{
    expect_errors(&gql_rule_known_type_names,
                  "query Foo($var: [JumbledUpLetters!]!) {\n"
                  "  user(id: 4) {\n"
                  "    name\n"
                  "    pets { ... on Badger { name }, ...PetFields }\n"
                  "  }\n"
                  "}\n"
                  "fragment PetFields on Peat {\n"
                  "  name\n"
                  "}\n",
                  "Unknown type \"JumbledUpLetters\". (1:18)\n"
                  "Unknown type \"Badger\". (4:19)\n"
                  "Unknown type \"Peat\". Did you mean \"Pet\" or \"Cat\"? (7:23)\n");
}

static void test_references_to_standard_scalars_that_are_missing_in_the_schem(void)
{
    expect_errors(&gql_rule_known_type_names,
                  "query ($id: ID, $float: Float, $int: Int) {\n"
                  "  __typename\n"
                  "}\n",
                  "");
}

static void test_types_defined_in_the_document_are_known(void)
{
    expect_errors(&gql_rule_known_type_names,
                  "type Foo { bar: Baz }\n"
                  "type Baz { a: Int }\n"
                  "query ($x: Foo) { __typename }\n",
                  "");
}

static void test_unknown_types_in_type_system_definitions_are_reported(void)
{
    expect_errors(&gql_rule_known_type_names,
                  "type Query {\n"
                  "  a: A\n"
                  "  b: String\n"
                  "  c: [__Type]\n"
                  "}\n"
                  "extend type Query { d: Unknown }\n"
                  "input In { x: Strin }\n"
                  "union U = Dog | Dgo\n"
                  "directive @d(arg: Flaot) on FIELD\n"
                  "schema { query: Query }\n",
                  "Unknown type \"A\". Did you mean \"U\"? (2:6)\n"
                  "Unknown type \"Unknown\". (6:24)\n"
                  "Unknown type \"Strin\". Did you mean \"String\" or \"In\"? (7:15)\n"
                  "Unknown type \"Dgo\". Did you mean \"Dog\"? (8:17)\n"
                  "Unknown type \"Flaot\". Did you mean \"Float\" or \"Cat\"? (9:19)\n");
}

static void test_type_conditions_of_fragments_are_checked(void)
{
    expect_errors(&gql_rule_known_type_names,
                  "fragment F on Doggo { name }\n"
                  "{ ... on Humann { name } }\n",
                  "Unknown type \"Doggo\". Did you mean \"Dog\"? (1:15)\n"
                  "Unknown type \"Humann\". Did you mean \"Human\"? (2:10)\n");
}

static CU_TestInfo tests[] = {
    { "known type names are valid", test_known_type_names_are_valid },
    { "unknown type names are invalid", test_unknown_type_names_are_invalid },
    { "references to standard scalars that are missing in the schema are checked",
      test_references_to_standard_scalars_that_are_missing_in_the_schem },
    { "types defined in the document are known", test_types_defined_in_the_document_are_known },
    { "unknown types in type-system definitions are reported",
      test_unknown_types_in_type_system_definitions_are_reported },
    { "type conditions of fragments are checked", test_type_conditions_of_fragments_are_checked },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_rules_known_type_names, "graphql/validation/rules/known_type_names",
           harness_init, harness_clean, tests);
