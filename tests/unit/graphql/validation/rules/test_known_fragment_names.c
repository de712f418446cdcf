/*
 * test_known_fragment_names.c: unit tests for src/graphql/validation/rules/known_fragment_names.c:
 * the cases of graphql-js's
 * __tests__/KnownFragmentNamesRule-test.ts and more, each expecting exactly the errors (messages
 * and locations) graphql-js v16.8 reports for the same document against the same schema.
 */
#include "graphql/validation/rules.h"

#include "../harness.h"

static void test_known_fragment_names_are_valid(void)
{
    expect_errors(&gql_rule_known_fragment_names,
                  "{\n"
                  "  human(id: 4) {\n"
                  "    ...HumanFields1\n"
                  "    ... on Human {\n"
                  "      ...HumanFields2\n"
                  "    }\n"
                  "    ... {\n"
                  "      name\n"
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

static void test_unknown_fragment_names_are_invalid(void)
{
    expect_errors(&gql_rule_known_fragment_names,
                  "{\n"
                  "  human(id: 4) {\n"
                  "    ...UnknownFragment1\n"
                  "    ... on Human {\n"
                  "      ...UnknownFragment2\n"
                  "    }\n"
                  "  }\n"
                  "}\n"
                  "fragment HumanFields on Human {\n"
                  "  name\n"
                  "  ...UnknownFragment3\n"
                  "}\n",
                  "Unknown fragment \"UnknownFragment1\". (3:8)\n"
                  "Unknown fragment \"UnknownFragment2\". (5:10)\n"
                  "Unknown fragment \"UnknownFragment3\". (11:6)\n");
}

/* graphql-js reports the spread's name node, wherever it starts after "...". */
static void test_unknown_names_are_located_at_their_name_token(void)
{
    expect_errors(&gql_rule_known_fragment_names, "{ ...\n Foo ... \t Bar }\n",
                  "Unknown fragment \"Foo\". (2:2)\n"
                  "Unknown fragment \"Bar\". (2:12)\n");
    expect_errors(&gql_rule_known_fragment_names, "{ dog { ...  Unknown @skip(if: true) } }\n",
                  "Unknown fragment \"Unknown\". (1:14)\n");
}

static CU_TestInfo tests[] = {
    { "known fragment names are valid", test_known_fragment_names_are_valid },
    { "unknown fragment names are invalid", test_unknown_fragment_names_are_invalid },
    { "unknown names are located at their name token",
      test_unknown_names_are_located_at_their_name_token },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_rules_known_fragment_names,
           "graphql/validation/rules/known_fragment_names", harness_init, harness_clean, tests);
