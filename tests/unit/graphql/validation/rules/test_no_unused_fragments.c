/*
 * test_no_unused_fragments.c: unit tests for src/graphql/validation/rules/no_unused_fragments.c:
 * the cases of graphql-js's
 * __tests__/NoUnusedFragmentsRule-test.ts and more, each expecting exactly the errors (messages and
 * locations) graphql-js v16.8 reports for the same document against the same schema.
 */
#include "graphql/validation/rules.h"

#include "../harness.h"

static void test_all_fragment_names_are_used(void)
{
    expect_errors(&gql_rule_no_unused_fragments,
                  "{\n"
                  "  human(id: 4) {\n"
                  "    ...HumanFields1\n"
                  "    ... on Human {\n"
                  "      ...HumanFields2\n"
                  "    }\n"
                  "  }\n"
                  "}\n"
                  "fragment HumanFields1 on Human {\n"
                  "  name\n"
                  "  ...HumanFields3\n"
                  "}\n"
                  "fragment HumanFields2 on Human { name }\n"
                  "fragment HumanFields3 on Human { name }\n",
                  "");
}

static void test_all_fragment_names_are_used_by_multiple_operations(void)
{
    expect_errors(&gql_rule_no_unused_fragments,
                  "query Foo { human(id: 4) { ...HumanFields1 } }\n"
                  "query Bar { human(id: 4) { ...HumanFields2 } }\n"
                  "fragment HumanFields1 on Human { name ...HumanFields3 }\n"
                  "fragment HumanFields2 on Human { name }\n"
                  "fragment HumanFields3 on Human { name }\n",
                  "");
}

static void test_contains_unknown_fragments(void)
{
    expect_errors(&gql_rule_no_unused_fragments,
                  "query Foo { human(id: 4) { ...HumanFields1 } }\n"
                  "query Bar { human(id: 4) { ...HumanFields2 } }\n"
                  "fragment HumanFields1 on Human { name ...HumanFields3 }\n"
                  "fragment HumanFields2 on Human { name }\n"
                  "fragment HumanFields3 on Human { name }\n"
                  "fragment Unused1 on Human { name }\n"
                  "fragment Unused2 on Human { name }\n",
                  "Fragment \"Unused1\" is never used. (6:1)\n"
                  "Fragment \"Unused2\" is never used. (7:1)\n");
}

static void test_contains_unknown_fragments_with_a_reference_cycle(void)
{
    expect_errors(&gql_rule_no_unused_fragments,
                  "query Foo { human(id: 4) { ...HumanFields1 } }\n"
                  "query Bar { human(id: 4) { ...HumanFields2 } }\n"
                  "fragment HumanFields1 on Human { name ...HumanFields3 }\n"
                  "fragment HumanFields2 on Human { name }\n"
                  "fragment HumanFields3 on Human { name }\n"
                  "fragment Unused1 on Human { name ...Unused2 }\n"
                  "fragment Unused2 on Human { name ...Unused1 }\n",
                  "Fragment \"Unused1\" is never used. (6:1)\n"
                  "Fragment \"Unused2\" is never used. (7:1)\n");
}

static void test_contains_unknown_and_undefined_fragments(void)
{
    expect_errors(&gql_rule_no_unused_fragments,
                  "query Foo { human(id: 4) { ...bar } }\n"
                  "fragment foo on Human { name }\n",
                  "Fragment \"foo\" is never used. (2:1)\n");
}

static void test_a_fragment_used_only_by_an_unused_fragment_is_unused(void)
{
    expect_errors(&gql_rule_no_unused_fragments,
                  "{ dog { name } }\n"
                  "fragment A on Dog { ...B }\n"
                  "fragment B on Dog { name }\n",
                  "Fragment \"A\" is never used. (2:1)\n"
                  "Fragment \"B\" is never used. (3:1)\n");
}

static CU_TestInfo tests[] = {
    { "all fragment names are used", test_all_fragment_names_are_used },
    { "all fragment names are used by multiple operations",
      test_all_fragment_names_are_used_by_multiple_operations },
    { "contains unknown fragments", test_contains_unknown_fragments },
    { "contains unknown fragments with a reference cycle",
      test_contains_unknown_fragments_with_a_reference_cycle },
    { "contains unknown and undefined fragments", test_contains_unknown_and_undefined_fragments },
    { "a fragment used only by an unused fragment is unused",
      test_a_fragment_used_only_by_an_unused_fragment_is_unused },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_rules_no_unused_fragments,
           "graphql/validation/rules/no_unused_fragments", harness_init, harness_clean, tests);
