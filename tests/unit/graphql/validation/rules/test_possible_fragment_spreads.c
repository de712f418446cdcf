/*
 * test_possible_fragment_spreads.c: unit tests for
 * src/graphql/validation/rules/possible_fragment_spreads.c: the cases of graphql-js's
 * __tests__/PossibleFragmentSpreadsRule-test.ts and more, each expecting exactly the errors
 * (messages and locations) graphql-js v16.8 reports for the same document against the same schema.
 */
#include "graphql/validation/rules.h"

#include "../harness.h"

static void test_of_the_same_object(void)
{
    expect_errors(&gql_rule_possible_fragment_spreads,
                  "fragment objectWithinObject on Dog { ...dogFragment }\n"
                  "fragment dogFragment on Dog { barkVolume }\n",
                  "");
}

static void test_of_the_same_object_with_an_inline_fragment(void)
{
    expect_errors(&gql_rule_possible_fragment_spreads,
                  "fragment objectWithinObjectAnon on Dog { ... on Dog { barkVolume } }\n", "");
}

static void test_object_into_an_implemented_interface(void)
{
    expect_errors(&gql_rule_possible_fragment_spreads,
                  "fragment objectWithinInterface on Pet { ...dogFragment }\n"
                  "fragment dogFragment on Dog { barkVolume }\n",
                  "");
}

static void test_object_into_a_containing_union(void)
{
    expect_errors(&gql_rule_possible_fragment_spreads,
                  "fragment objectWithinUnion on CatOrDog { ...dogFragment }\n"
                  "fragment dogFragment on Dog { barkVolume }\n",
                  "");
}

static void test_union_into_a_contained_object(void)
{
    expect_errors(&gql_rule_possible_fragment_spreads,
                  "fragment unionWithinObject on Dog { ...catOrDogFragment }\n"
                  "fragment catOrDogFragment on CatOrDog { __typename }\n",
                  "");
}

static void test_union_into_an_overlapping_interface(void)
{
    expect_errors(&gql_rule_possible_fragment_spreads,
                  "fragment unionWithinInterface on Pet { ...catOrDogFragment }\n"
                  "fragment catOrDogFragment on CatOrDog { __typename }\n",
                  "");
}

static void test_union_into_an_overlapping_union(void)
{
    expect_errors(&gql_rule_possible_fragment_spreads,
                  "fragment unionWithinUnion on DogOrHuman { ...catOrDogFragment }\n"
                  "fragment catOrDogFragment on CatOrDog { __typename }\n",
                  "");
}

static void test_interface_into_an_implemented_object(void)
{
    expect_errors(&gql_rule_possible_fragment_spreads,
                  "fragment interfaceWithinObject on Dog { ...petFragment }\n"
                  "fragment petFragment on Pet { name }\n",
                  "");
}

static void test_interface_into_an_overlapping_interface(void)
{
    expect_errors(&gql_rule_possible_fragment_spreads,
                  "fragment interfaceWithinInterface on Pet { ...beingFragment }\n"
                  "fragment beingFragment on Being { name }\n",
                  "");
}

static void test_interface_into_an_overlapping_interface_in_an_inline_fragmen(void)
{
    expect_errors(&gql_rule_possible_fragment_spreads,
                  "fragment interfaceWithinInterface on Pet { ... on Being { name } }\n", "");
}

static void test_interface_into_an_overlapping_union(void)
{
    expect_errors(&gql_rule_possible_fragment_spreads,
                  "fragment interfaceWithinUnion on CatOrDog { ...petFragment }\n"
                  "fragment petFragment on Pet { name }\n",
                  "");
}

static void test_ignores_incorrect_type_caught_by_fragmentsoncompositetypes(void)
{
    expect_errors(&gql_rule_possible_fragment_spreads,
                  "fragment petFragment on Pet { ...badInADifferentWay }\n"
                  "fragment badInADifferentWay on String { name }\n",
                  "");
}

static void test_ignores_unknown_fragments_caught_by_knownfragmentnames(void)
{
    expect_errors(&gql_rule_possible_fragment_spreads,
                  "fragment petFragment on Pet { ...UnknownFragment }\n", "");
}

static void test_different_object_into_object(void)
{
    expect_errors(&gql_rule_possible_fragment_spreads,
                  "fragment invalidObjectWithinObject on Cat { ...dogFragment }\n"
                  "fragment dogFragment on Dog { barkVolume }\n",
                  "Fragment \"dogFragment\" cannot be spread here as objects of type \"Cat\" can "
                  "never be of type \"Dog\". (1:45)\n");
}

static void test_different_object_into_object_in_an_inline_fragment(void)
{
    expect_errors(&gql_rule_possible_fragment_spreads,
                  "fragment invalidObjectWithinObjectAnon on Cat {\n"
                  "  ... on Dog { barkVolume }\n"
                  "}\n",
                  "Fragment cannot be spread here as objects of type \"Cat\" can never be of type "
                  "\"Dog\". (2:3)\n");
}

static void test_object_into_a_not_implementing_interface(void)
{
    expect_errors(&gql_rule_possible_fragment_spreads,
                  "fragment invalidObjectWithinInterface on Pet { ...humanFragment }\n"
                  "fragment humanFragment on Human { pets { name } }\n",
                  "Fragment \"humanFragment\" cannot be spread here as objects of type \"Pet\" can "
                  "never be of type \"Human\". (1:48)\n");
}

static void test_object_into_a_not_containing_union(void)
{
    expect_errors(&gql_rule_possible_fragment_spreads,
                  "fragment invalidObjectWithinUnion on CatOrDog { ...humanFragment }\n"
                  "fragment humanFragment on Human { pets { name } }\n",
                  "Fragment \"humanFragment\" cannot be spread here as objects of type "
                  "\"CatOrDog\" can never be of type \"Human\". (1:49)\n");
}

static void test_union_into_a_not_contained_object(void)
{
    expect_errors(&gql_rule_possible_fragment_spreads,
                  "fragment invalidUnionWithinObject on Human { ...catOrDogFragment }\n"
                  "fragment catOrDogFragment on CatOrDog { __typename }\n",
                  "Fragment \"catOrDogFragment\" cannot be spread here as objects of type "
                  "\"Human\" can never be of type \"CatOrDog\". (1:46)\n");
}

static void test_union_into_a_non_overlapping_interface(void)
{
    expect_errors(&gql_rule_possible_fragment_spreads,
                  "fragment invalidUnionWithinInterface on Pet { ...humanOrAlienFragment }\n"
                  "fragment humanOrAlienFragment on HumanOrAlien { __typename }\n",
                  "Fragment \"humanOrAlienFragment\" cannot be spread here as objects of type "
                  "\"Pet\" can never be of type \"HumanOrAlien\". (1:47)\n");
}

static void test_union_into_a_non_overlapping_union(void)
{
    expect_errors(&gql_rule_possible_fragment_spreads,
                  "fragment invalidUnionWithinUnion on CatOrDog { ...humanOrAlienFragment }\n"
                  "fragment humanOrAlienFragment on HumanOrAlien { __typename }\n",
                  "Fragment \"humanOrAlienFragment\" cannot be spread here as objects of type "
                  "\"CatOrDog\" can never be of type \"HumanOrAlien\". (1:48)\n");
}

static void test_interface_into_a_non_implementing_object(void)
{
    expect_errors(&gql_rule_possible_fragment_spreads,
                  "fragment invalidInterfaceWithinObject on Cat { ...intelligentFragment }\n"
                  "fragment intelligentFragment on Intelligent { iq }\n",
                  "Fragment \"intelligentFragment\" cannot be spread here as objects of type "
                  "\"Cat\" can never be of type \"Intelligent\". (1:48)\n");
}

static void test_interface_into_a_non_overlapping_interface(void)
{
    expect_errors(&gql_rule_possible_fragment_spreads,
                  "fragment invalidInterfaceWithinInterface on Pet {\n"
                  "  ...intelligentFragment\n"
                  "}\n"
                  "fragment intelligentFragment on Intelligent { iq }\n",
                  "Fragment \"intelligentFragment\" cannot be spread here as objects of type "
                  "\"Pet\" can never be of type \"Intelligent\". (2:3)\n");
}

static void test_interface_into_a_non_overlapping_interface_in_an_inline_frag(void)
{
    expect_errors(&gql_rule_possible_fragment_spreads,
                  "fragment invalidInterfaceWithinInterfaceAnon on Pet {\n"
                  "  ...on Intelligent { iq }\n"
                  "}\n",
                  "Fragment cannot be spread here as objects of type \"Pet\" can never be of type "
                  "\"Intelligent\". (2:3)\n");
}

static void test_interface_into_a_non_overlapping_union(void)
{
    expect_errors(&gql_rule_possible_fragment_spreads,
                  "fragment invalidInterfaceWithinUnion on HumanOrAlien { ...petFragment }\n"
                  "fragment petFragment on Pet { name }\n",
                  "Fragment \"petFragment\" cannot be spread here as objects of type "
                  "\"HumanOrAlien\" can never be of type \"Pet\". (1:56)\n");
}

static CU_TestInfo tests[] = {
    { "of the same object", test_of_the_same_object },
    { "of the same object with an inline fragment",
      test_of_the_same_object_with_an_inline_fragment },
    { "object into an implemented interface", test_object_into_an_implemented_interface },
    { "object into a containing union", test_object_into_a_containing_union },
    { "union into a contained object", test_union_into_a_contained_object },
    { "union into an overlapping interface", test_union_into_an_overlapping_interface },
    { "union into an overlapping union", test_union_into_an_overlapping_union },
    { "interface into an implemented object", test_interface_into_an_implemented_object },
    { "interface into an overlapping interface", test_interface_into_an_overlapping_interface },
    { "interface into an overlapping interface in an inline fragment",
      test_interface_into_an_overlapping_interface_in_an_inline_fragmen },
    { "interface into an overlapping union", test_interface_into_an_overlapping_union },
    { "ignores incorrect type (caught by FragmentsOnCompositeTypes)",
      test_ignores_incorrect_type_caught_by_fragmentsoncompositetypes },
    { "ignores unknown fragments (caught by KnownFragmentNames)",
      test_ignores_unknown_fragments_caught_by_knownfragmentnames },
    { "different object into object", test_different_object_into_object },
    { "different object into object in an inline fragment",
      test_different_object_into_object_in_an_inline_fragment },
    { "object into a not implementing interface", test_object_into_a_not_implementing_interface },
    { "object into a not containing union", test_object_into_a_not_containing_union },
    { "union into a not contained object", test_union_into_a_not_contained_object },
    { "union into a non-overlapping interface", test_union_into_a_non_overlapping_interface },
    { "union into a non-overlapping union", test_union_into_a_non_overlapping_union },
    { "interface into a non-implementing object", test_interface_into_a_non_implementing_object },
    { "interface into a non-overlapping interface",
      test_interface_into_a_non_overlapping_interface },
    { "interface into a non-overlapping interface in an inline fragment",
      test_interface_into_a_non_overlapping_interface_in_an_inline_frag },
    { "interface into a non-overlapping union", test_interface_into_a_non_overlapping_union },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_rules_possible_fragment_spreads,
           "graphql/validation/rules/possible_fragment_spreads", harness_init, harness_clean,
           tests);
