/*
 * test_fields_on_correct_type.c: unit tests for
 * src/graphql/validation/rules/fields_on_correct_type.c: the cases of graphql-js's
 * __tests__/FieldsOnCorrectTypeRule-test.ts and more, each expecting exactly the errors (messages
 * and locations) graphql-js v16.8 reports for the same document against the same schema.
 */
#include "graphql/validation/rules.h"

#include "../harness.h"

static const char sdl_suggestions[] = "interface T { f: Int }\n"
                                      "type A implements T { f: Int a: Int }\n"
                                      "type B implements T { f: Int b: Int }\n"
                                      "type C implements T & I2 { f: Int c: Int shared: Int }\n"
                                      "interface I2 { shared: Int }\n"
                                      "type D implements I2 { shared: Int d: Int }\n"
                                      "union U = A | B | C | D\n"
                                      "type Query { t: T u: U }\n";
static struct gql_schema *schema_suggestions;

static int init(void)
{
    if (harness_init() != 0) return -1;
    schema_suggestions = harness_schema(sdl_suggestions);
    if (!schema_suggestions) return -1;
    return 0;
}

static int clean(void)
{
    gql_schema_free(schema_suggestions);
    return harness_clean();
}

static void test_object_field_selection(void)
{
    expect_errors(&gql_rule_fields_on_correct_type,
                  "fragment objectFieldSelection on Dog {\n"
                  "  __typename\n"
                  "  name\n"
                  "}\n",
                  "");
}

static void test_aliased_object_field_selection(void)
{
    expect_errors(&gql_rule_fields_on_correct_type,
                  "fragment aliasedObjectFieldSelection on Dog {\n"
                  "  tn : __typename\n"
                  "  otherName : name\n"
                  "}\n",
                  "");
}

static void test_interface_field_selection(void)
{
    expect_errors(&gql_rule_fields_on_correct_type,
                  "fragment interfaceFieldSelection on Pet {\n"
                  "  __typename\n"
                  "  name\n"
                  "}\n",
                  "");
}

static void test_aliased_interface_field_selection(void)
{
    expect_errors(&gql_rule_fields_on_correct_type,
                  "fragment interfaceFieldSelection on Pet {\n"
                  "  otherName : name\n"
                  "}\n",
                  "");
}

static void test_lying_alias_selection(void)
{
    expect_errors(&gql_rule_fields_on_correct_type,
                  "fragment lyingAliasSelection on Dog {\n"
                  "  name : nickname\n"
                  "}\n",
                  "");
}

static void test_ignores_fields_on_unknown_type(void)
{
    expect_errors(&gql_rule_fields_on_correct_type,
                  "fragment unknownSelection on UnknownType {\n"
                  "  unknownField\n"
                  "}\n",
                  "");
}

static void test_reports_errors_when_type_is_known_again(void)
{
    expect_errors(&gql_rule_fields_on_correct_type,
                  "fragment typeKnownAgain on Pet {\n"
                  "  unknown_pet_field {\n"
                  "    ... on Cat {\n"
                  "      unknown_cat_field\n"
                  "    }\n"
                  "  }\n"
                  "}\n",
                  "Cannot query field \"unknown_pet_field\" on type \"Pet\". (2:3)\n"
                  "Cannot query field \"unknown_cat_field\" on type \"Cat\". (4:7)\n");
}

static void test_field_not_defined_on_fragment(void)
{
    expect_errors(&gql_rule_fields_on_correct_type,
                  "fragment fieldNotDefined on Dog {\n"
                  "  meowVolume\n"
                  "}\n",
                  "Cannot query field \"meowVolume\" on type \"Dog\". Did you mean \"barkVolume\"? "
                  "(2:3)\n");
}

static void test_ignores_deeply_unknown_field(void)
{
    expect_errors(&gql_rule_fields_on_correct_type,
                  "fragment deepFieldNotDefined on Dog {\n"
                  "  unknown_field {\n"
                  "    deeper_unknown_field\n"
                  "  }\n"
                  "}\n",
                  "Cannot query field \"unknown_field\" on type \"Dog\". (2:3)\n");
}

static void test_sub_field_not_defined(void)
{
    expect_errors(&gql_rule_fields_on_correct_type,
                  "fragment subFieldNotDefined on Human {\n"
                  "  pets {\n"
                  "    unknown_field\n"
                  "  }\n"
                  "}\n",
                  "Cannot query field \"unknown_field\" on type \"Pet\". (3:5)\n");
}

static void test_field_not_defined_on_inline_fragment(void)
{
    expect_errors(&gql_rule_fields_on_correct_type,
                  "fragment fieldNotDefined on Pet {\n"
                  "  ... on Dog {\n"
                  "    meowVolume\n"
                  "  }\n"
                  "}\n",
                  "Cannot query field \"meowVolume\" on type \"Dog\". Did you mean \"barkVolume\"? "
                  "(3:5)\n");
}

static void test_aliased_field_target_not_defined(void)
{
    expect_errors(&gql_rule_fields_on_correct_type,
                  "fragment aliasedFieldTargetNotDefined on Dog {\n"
                  "  volume : mooVolume\n"
                  "}\n",
                  "Cannot query field \"mooVolume\" on type \"Dog\". Did you mean \"barkVolume\"? "
                  "(2:3)\n");
}

static void test_aliased_lying_field_target_not_defined(void)
{
    expect_errors(&gql_rule_fields_on_correct_type,
                  "fragment aliasedLyingFieldTargetNotDefined on Dog {\n"
                  "  barkVolume : kawVolume\n"
                  "}\n",
                  "Cannot query field \"kawVolume\" on type \"Dog\". Did you mean \"barkVolume\"? "
                  "(2:3)\n");
}

static void test_not_defined_on_interface(void)
{
    expect_errors(&gql_rule_fields_on_correct_type,
                  "fragment notDefinedOnInterface on Pet {\n"
                  "  tailLength\n"
                  "}\n",
                  "Cannot query field \"tailLength\" on type \"Pet\". (2:3)\n");
}

static void test_defined_on_implementors_but_not_on_interface(void)
{
    expect_errors(&gql_rule_fields_on_correct_type,
                  "fragment definedOnImplementorsButNotInterface on Pet {\n"
                  "  nickname\n"
                  "}\n",
                  "Cannot query field \"nickname\" on type \"Pet\". Did you mean to use an inline "
                  "fragment on \"Cat\" or \"Dog\"? (2:3)\n");
}

static void test_meta_field_selection_on_union(void)
{
    expect_errors(&gql_rule_fields_on_correct_type,
                  "fragment directFieldSelectionOnUnion on CatOrDog {\n"
                  "  __typename\n"
                  "}\n",
                  "");
}

static void test_direct_field_selection_on_union(void)
{
    expect_errors(&gql_rule_fields_on_correct_type,
                  "fragment directFieldSelectionOnUnion on CatOrDog {\n"
                  "  directField\n"
                  "}\n",
                  "Cannot query field \"directField\" on type \"CatOrDog\". (2:3)\n");
}

static void test_defined_on_implementors_queried_on_union(void)
{
    expect_errors(&gql_rule_fields_on_correct_type,
                  "fragment definedOnImplementorsQueriedOnUnion on CatOrDog {\n"
                  "  name\n"
                  "}\n",
                  "Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an inline "
                  "fragment on \"Being\", \"Pet\", \"Canine\", \"Cat\", or \"Dog\"? (2:3)\n");
}

static void test_a_field_defined_on_an_interface_of_the_union_s_members(void)
{
    expect_errors(&gql_rule_fields_on_correct_type,
                  "fragment f on HumanOrAlien {\n"
                  "  iq\n"
                  "  numEyes\n"
                  "}\n",
                  "Cannot query field \"iq\" on type \"HumanOrAlien\". Did you mean to use an "
                  "inline fragment on \"Intelligent\", \"Alien\", or \"Human\"? (2:3)\n"
                  "Cannot query field \"numEyes\" on type \"HumanOrAlien\". Did you mean to use an "
                  "inline fragment on \"Alien\"? (3:3)\n");
}

static void test_valid_field_in_inline_fragment(void)
{
    expect_errors(&gql_rule_fields_on_correct_type,
                  "fragment objectFieldSelection on Pet {\n"
                  "  ... on Dog {\n"
                  "    name\n"
                  "  }\n"
                  "  ... {\n"
                  "    name\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_meta_fields_are_only_on_the_query_type(void)
{
    expect_errors(&gql_rule_fields_on_correct_type,
                  "{ dog { __schema { types { name } } __type(name: \"Dog\") { name } } __schema { "
                  "queryType { name } } }\n",
                  "Cannot query field \"__schema\" on type \"Dog\". (1:9)\n"
                  "Cannot query field \"__type\" on type \"Dog\". (1:37)\n");
}

static void test_field_names_close_to_the_one_written_are_suggested(void)
{
    expect_errors(&gql_rule_fields_on_correct_type,
                  "{ dog { nam barkvolume isHousetrained mther fater } }\n",
                  "Cannot query field \"nam\" on type \"Dog\". Did you mean \"name\"? (1:9)\n"
                  "Cannot query field \"barkvolume\" on type \"Dog\". Did you mean \"barkVolume\"? "
                  "(1:13)\n"
                  "Cannot query field \"isHousetrained\" on type \"Dog\". Did you mean "
                  "\"isHouseTrained\"? (1:24)\n"
                  "Cannot query field \"mther\" on type \"Dog\". Did you mean \"mother\" or "
                  "\"father\"? (1:39)\n"
                  "Cannot query field \"fater\" on type \"Dog\". Did you mean \"father\", "
                  "\"mother\", or \"name\"? (1:45)\n");
}

static void test_many_suggestions_are_cut_to_five(void)
{
    expect_errors(&gql_rule_fields_on_correct_type, "{ complicatedArgs { argField } }\n",
                  "Cannot query field \"argField\" on type \"ComplicatedArgs\". Did you mean "
                  "\"idArgField\", \"intArgField\", or \"enumArgField\"? (1:21)\n");
}

static void test_types_are_suggested_most_used_first(void)
{
    expect_errors(&gql_rule_fields_on_correct_type,
                  "{ pet { iq } catOrDog { mother } humanOrAlien { mother name2 } }\n",
                  "Cannot query field \"iq\" on type \"Pet\". (1:9)\n"
                  "Cannot query field \"mother\" on type \"CatOrDog\". Did you mean to use an "
                  "inline fragment on \"Mammal\", \"Canine\", or \"Dog\"? (1:25)\n"
                  "Cannot query field \"mother\" on type \"HumanOrAlien\". (1:49)\n"
                  "Cannot query field \"name2\" on type \"HumanOrAlien\". (1:56)\n");
}

static void test_suggestions_of_types_order_interfaces_before_their_implement(void)
{
    expect_errors_with_schema(schema_suggestions, &gql_rule_fields_on_correct_type,
                              "{ u { shared } t { shared a } }\n",
                              "Cannot query field \"shared\" on type \"U\". Did you mean to use an "
                              "inline fragment on \"I2\", \"C\", or \"D\"? (1:7)\n"
                              "Cannot query field \"shared\" on type \"T\". Did you mean to use an "
                              "inline fragment on \"I2\" or \"C\"? (1:20)\n"
                              "Cannot query field \"a\" on type \"T\". Did you mean to use an "
                              "inline fragment on \"A\"? (1:27)\n");
}

static CU_TestInfo tests[] = {
    { "object field selection", test_object_field_selection },
    { "aliased object field selection", test_aliased_object_field_selection },
    { "interface field selection", test_interface_field_selection },
    { "aliased interface field selection", test_aliased_interface_field_selection },
    { "lying alias selection", test_lying_alias_selection },
    { "ignores fields on unknown type", test_ignores_fields_on_unknown_type },
    { "reports errors when type is known again", test_reports_errors_when_type_is_known_again },
    { "field not defined on fragment", test_field_not_defined_on_fragment },
    { "ignores deeply unknown field", test_ignores_deeply_unknown_field },
    { "sub-field not defined", test_sub_field_not_defined },
    { "field not defined on inline fragment", test_field_not_defined_on_inline_fragment },
    { "aliased field target not defined", test_aliased_field_target_not_defined },
    { "aliased lying field target not defined", test_aliased_lying_field_target_not_defined },
    { "not defined on interface", test_not_defined_on_interface },
    { "defined on implementors but not on interface",
      test_defined_on_implementors_but_not_on_interface },
    { "meta field selection on union", test_meta_field_selection_on_union },
    { "direct field selection on union", test_direct_field_selection_on_union },
    { "defined on implementors queried on union", test_defined_on_implementors_queried_on_union },
    { "a field defined on an interface of the union's members",
      test_a_field_defined_on_an_interface_of_the_union_s_members },
    { "valid field in inline fragment", test_valid_field_in_inline_fragment },
    { "meta fields are only on the query type", test_meta_fields_are_only_on_the_query_type },
    { "field names close to the one written are suggested",
      test_field_names_close_to_the_one_written_are_suggested },
    { "many suggestions are cut to five", test_many_suggestions_are_cut_to_five },
    { "types are suggested most used first", test_types_are_suggested_most_used_first },
    { "suggestions of types order interfaces before their implementations",
      test_suggestions_of_types_order_interfaces_before_their_implement },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_rules_fields_on_correct_type,
           "graphql/validation/rules/fields_on_correct_type", init, clean, tests);
