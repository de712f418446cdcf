/*
 * test_no_fragment_cycles.c: unit tests for src/graphql/validation/rules/no_fragment_cycles.c: the
 * cases of graphql-js's
 * __tests__/NoFragmentCyclesRule-test.ts and more, each expecting exactly the errors (messages and
 * locations) graphql-js v16.8 reports for the same document against the same schema.
 */
#include "graphql/validation/rules.h"

#include "../harness.h"

static void test_a_single_reference_is_valid(void)
{
    expect_errors(&gql_rule_no_fragment_cycles,
                  "fragment fragA on Dog { ...fragB }\n"
                  "fragment fragB on Dog { name }\n",
                  "");
}

static void test_spreading_twice_is_not_circular(void)
{
    expect_errors(&gql_rule_no_fragment_cycles,
                  "fragment fragA on Dog { ...fragB, ...fragB }\n"
                  "fragment fragB on Dog { name }\n",
                  "");
}

static void test_spreading_twice_indirectly_is_not_circular(void)
{
    expect_errors(&gql_rule_no_fragment_cycles,
                  "fragment fragA on Dog { ...fragB, ...fragC }\n"
                  "fragment fragB on Dog { ...fragC }\n"
                  "fragment fragC on Dog { name }\n",
                  "");
}

static void test_double_spread_within_abstract_types(void)
{
    expect_errors(&gql_rule_no_fragment_cycles,
                  "fragment nameFragment on Pet {\n"
                  "  ... on Dog { name }\n"
                  "  ... on Cat { name }\n"
                  "}\n"
                  "fragment spreadsInAnon on Pet {\n"
                  "  ... on Dog { ...nameFragment }\n"
                  "  ... on Cat { ...nameFragment }\n"
                  "}\n",
                  "");
}

static void test_does_not_false_positive_on_unknown_fragment(void)
{
    expect_errors(&gql_rule_no_fragment_cycles,
                  "fragment nameFragment on Pet {\n"
                  "  ...UnknownFragment\n"
                  "}\n",
                  "");
}

static void test_spreading_recursively_within_a_field_fails(void)
{
    expect_errors(&gql_rule_no_fragment_cycles,
                  "fragment fragA on Human { relatives { ...fragA } },\n",
                  "Cannot spread fragment \"fragA\" within itself. (1:39)\n");
}

static void test_no_spreading_itself_directly(void)
{
    expect_errors(&gql_rule_no_fragment_cycles, "fragment fragA on Dog { ...fragA }\n",
                  "Cannot spread fragment \"fragA\" within itself. (1:25)\n");
}

static void test_no_spreading_itself_directly_within_an_inline_fragment(void)
{
    expect_errors(&gql_rule_no_fragment_cycles,
                  "fragment fragA on Pet {\n"
                  "  ... on Dog {\n"
                  "    ...fragA\n"
                  "  }\n"
                  "}\n",
                  "Cannot spread fragment \"fragA\" within itself. (3:5)\n");
}

static void test_no_spreading_itself_indirectly(void)
{
    expect_errors(&gql_rule_no_fragment_cycles,
                  "fragment fragA on Dog { ...fragB }\n"
                  "fragment fragB on Dog { ...fragA }\n",
                  "Cannot spread fragment \"fragA\" within itself via \"fragB\". (1:25, 2:25)\n");
}

static void test_no_spreading_itself_indirectly_reported_in_the_opposite_orde(void)
{
    expect_errors(&gql_rule_no_fragment_cycles,
                  "fragment fragB on Dog { ...fragA }\n"
                  "fragment fragA on Dog { ...fragB }\n",
                  "Cannot spread fragment \"fragB\" within itself via \"fragA\". (1:25, 2:25)\n");
}

static void test_no_spreading_itself_indirectly_within_an_inline_fragment(void)
{
    expect_errors(&gql_rule_no_fragment_cycles,
                  "fragment fragA on Pet {\n"
                  "  ... on Dog {\n"
                  "    ...fragB\n"
                  "  }\n"
                  "}\n"
                  "fragment fragB on Pet {\n"
                  "  ... on Dog {\n"
                  "    ...fragA\n"
                  "  }\n"
                  "}\n",
                  "Cannot spread fragment \"fragA\" within itself via \"fragB\". (3:5, 8:5)\n");
}

static void test_no_spreading_itself_deeply(void)
{
    expect_errors(&gql_rule_no_fragment_cycles,
                  "fragment fragA on Dog { ...fragB }\n"
                  "fragment fragB on Dog { ...fragC }\n"
                  "fragment fragC on Dog { ...fragO }\n"
                  "fragment fragX on Dog { ...fragY }\n"
                  "fragment fragY on Dog { ...fragZ }\n"
                  "fragment fragZ on Dog { ...fragO }\n"
                  "fragment fragO on Dog { ...fragP }\n"
                  "fragment fragP on Dog { ...fragA, ...fragX }\n",
                  "Cannot spread fragment \"fragA\" within itself via \"fragB\", \"fragC\", "
                  "\"fragO\", \"fragP\". (1:25, 2:25, 3:25, 7:25, 8:25)\n"
                  "Cannot spread fragment \"fragO\" within itself via \"fragP\", \"fragX\", "
                  "\"fragY\", \"fragZ\". (7:25, 8:35, 4:25, 5:25, 6:25)\n");
}

static void test_no_spreading_itself_deeply_two_paths(void)
{
    expect_errors(&gql_rule_no_fragment_cycles,
                  "fragment fragA on Dog { ...fragB, ...fragC }\n"
                  "fragment fragB on Dog { ...fragA }\n"
                  "fragment fragC on Dog { ...fragA }\n",
                  "Cannot spread fragment \"fragA\" within itself via \"fragB\". (1:25, 2:25)\n"
                  "Cannot spread fragment \"fragA\" within itself via \"fragC\". (1:35, 3:25)\n");
}

static void test_no_spreading_itself_deeply_two_paths_alternate_reverse_order(void)
{
    expect_errors(&gql_rule_no_fragment_cycles,
                  "fragment fragA on Dog { ...fragC }\n"
                  "fragment fragB on Dog { ...fragC }\n"
                  "fragment fragC on Dog { ...fragA, ...fragB }\n",
                  "Cannot spread fragment \"fragA\" within itself via \"fragC\". (1:25, 3:25)\n"
                  "Cannot spread fragment \"fragC\" within itself via \"fragB\". (3:35, 2:25)\n");
}

static void test_no_spreading_itself_deeply_and_immediately(void)
{
    expect_errors(&gql_rule_no_fragment_cycles,
                  "fragment fragA on Dog { ...fragB }\n"
                  "fragment fragB on Dog { ...fragB, ...fragC }\n"
                  "fragment fragC on Dog { ...fragA, ...fragB }\n",
                  "Cannot spread fragment \"fragB\" within itself. (2:25)\n"
                  "Cannot spread fragment \"fragA\" within itself via \"fragB\", \"fragC\". (1:25, "
                  "2:35, 3:25)\n"
                  "Cannot spread fragment \"fragB\" within itself via \"fragC\". (2:35, 3:35)\n");
}

static void test_spreads_in_nested_selection_sets_are_followed_last_first(void)
{
    expect_errors(&gql_rule_no_fragment_cycles,
                  "fragment fragA on Human {\n"
                  "  relatives { ...fragB }\n"
                  "  pets { ...fragC }\n"
                  "  ...fragD\n"
                  "}\n"
                  "fragment fragB on Human { ...fragA }\n"
                  "fragment fragC on Pet { ...fragA }\n"
                  "fragment fragD on Human { ...fragA }\n",
                  "Cannot spread fragment \"fragA\" within itself via \"fragD\". (4:3, 8:27)\n"
                  "Cannot spread fragment \"fragA\" within itself via \"fragC\". (3:10, 7:25)\n"
                  "Cannot spread fragment \"fragA\" within itself via \"fragB\". (2:15, 6:27)\n");
}

static CU_TestInfo tests[] = {
    { "a single reference is valid", test_a_single_reference_is_valid },
    { "spreading twice is not circular", test_spreading_twice_is_not_circular },
    { "spreading twice indirectly is not circular",
      test_spreading_twice_indirectly_is_not_circular },
    { "double spread within abstract types", test_double_spread_within_abstract_types },
    { "does not false positive on unknown fragment",
      test_does_not_false_positive_on_unknown_fragment },
    { "spreading recursively within a field fails",
      test_spreading_recursively_within_a_field_fails },
    { "no spreading itself directly", test_no_spreading_itself_directly },
    { "no spreading itself directly within an inline fragment",
      test_no_spreading_itself_directly_within_an_inline_fragment },
    { "no spreading itself indirectly", test_no_spreading_itself_indirectly },
    { "no spreading itself indirectly, reported in the opposite order",
      test_no_spreading_itself_indirectly_reported_in_the_opposite_orde },
    { "no spreading itself indirectly within an inline fragment",
      test_no_spreading_itself_indirectly_within_an_inline_fragment },
    { "no spreading itself deeply", test_no_spreading_itself_deeply },
    { "no spreading itself deeply, two paths", test_no_spreading_itself_deeply_two_paths },
    { "no spreading itself deeply, two paths, alternate reverse order",
      test_no_spreading_itself_deeply_two_paths_alternate_reverse_order },
    { "no spreading itself deeply and immediately",
      test_no_spreading_itself_deeply_and_immediately },
    { "spreads in nested selection sets are followed last first",
      test_spreads_in_nested_selection_sets_are_followed_last_first },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_rules_no_fragment_cycles,
           "graphql/validation/rules/no_fragment_cycles", harness_init, harness_clean, tests);
