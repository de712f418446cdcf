/*
 * test_overlapping_fields_can_be_merged.c: unit tests for
 * src/graphql/validation/rules/overlapping_fields_can_be_merged.c: the cases of graphql-js's
 * __tests__/OverlappingFieldsCanBeMergedRule-test.ts and more, each expecting exactly the errors
 * (messages and locations) graphql-js v16.8 reports for the same document against the same schema.
 */
#include "graphql/validation/rules.h"

#include "../harness.h"

static const char sdl_args[] =
        "input SomeInput { a: String b: String c: [SomeInput] }\n"
        "type Query {\n"
        "  someField(a: String, b: String, arg: SomeInput, list: [Int]): String\n"
        "  other: Query\n"
        "}\n";
static struct gql_schema *schema_args;

static const char sdl_boxes[] =
        "interface SomeBox {\n"
        "  deepBox: SomeBox\n"
        "  unrelatedField: String\n"
        "}\n"
        "type StringBox implements SomeBox {\n"
        "  scalar: String\n"
        "  deepBox: StringBox\n"
        "  unrelatedField: String\n"
        "  listStringBox: [StringBox]\n"
        "  stringBox: StringBox\n"
        "  intBox: IntBox\n"
        "}\n"
        "type IntBox implements SomeBox {\n"
        "  scalar: Int\n"
        "  deepBox: IntBox\n"
        "  unrelatedField: String\n"
        "  listStringBox: [StringBox]\n"
        "  stringBox: StringBox\n"
        "  intBox: IntBox\n"
        "}\n"
        "interface NonNullStringBox1 {\n"
        "  scalar: String!\n"
        "}\n"
        "type NonNullStringBox1Impl implements SomeBox & NonNullStringBox1 {\n"
        "  scalar: String!\n"
        "  unrelatedField: String\n"
        "  deepBox: SomeBox\n"
        "}\n"
        "interface NonNullStringBox2 {\n"
        "  scalar: String!\n"
        "}\n"
        "type NonNullStringBox2Impl implements SomeBox & NonNullStringBox2 {\n"
        "  scalar: String!\n"
        "  unrelatedField: String\n"
        "  deepBox: SomeBox\n"
        "}\n"
        "type Connection {\n"
        "  edges: [Edge]\n"
        "}\n"
        "type Edge {\n"
        "  node: Node\n"
        "}\n"
        "type Node {\n"
        "  id: ID\n"
        "  name: String\n"
        "}\n"
        "type Query {\n"
        "  someBox: SomeBox\n"
        "  connection: Connection\n"
        "}\n";
static struct gql_schema *schema_boxes;

static int init(void)
{
    if (harness_init() != 0) return -1;
    schema_args = harness_schema(sdl_args);
    if (!schema_args) return -1;
    schema_boxes = harness_schema(sdl_boxes);
    if (!schema_boxes) return -1;
    return 0;
}

static int clean(void)
{
    gql_schema_free(schema_args);
    gql_schema_free(schema_boxes);
    return harness_clean();
}

static void test_unique_fields(void)
{
    expect_errors(&gql_rule_overlapping_fields_can_be_merged,
                  "fragment uniqueFields on Dog {\n"
                  "  name\n"
                  "  nickname\n"
                  "}\n",
                  "");
}

static void test_identical_fields(void)
{
    expect_errors(&gql_rule_overlapping_fields_can_be_merged,
                  "fragment mergeIdenticalFields on Dog {\n"
                  "  name\n"
                  "  name\n"
                  "}\n",
                  "");
}

static void test_identical_fields_with_identical_arguments(void)
{
    expect_errors(&gql_rule_overlapping_fields_can_be_merged,
                  "fragment mergeIdenticalFieldsWithIdenticalArgs on Dog {\n"
                  "  doesKnowCommand(dogCommand: SIT)\n"
                  "  doesKnowCommand(dogCommand: SIT)\n"
                  "}\n",
                  "");
}

static void test_identical_fields_with_identical_directives(void)
{
    expect_errors(&gql_rule_overlapping_fields_can_be_merged,
                  "fragment mergeSameFieldsWithSameDirectives on Dog {\n"
                  "  name @include(if: true)\n"
                  "  name @include(if: true)\n"
                  "}\n",
                  "");
}

static void test_different_arguments_with_different_aliases(void)
{
    expect_errors(&gql_rule_overlapping_fields_can_be_merged,
                  "fragment differentArgsWithDifferentAliases on Dog {\n"
                  "  knowsSit: doesKnowCommand(dogCommand: SIT)\n"
                  "  knowsDown: doesKnowCommand(dogCommand: DOWN)\n"
                  "}\n",
                  "");
}

static void test_different_directives_with_different_aliases(void)
{
    expect_errors(&gql_rule_overlapping_fields_can_be_merged,
                  "fragment differentDirectivesWithDifferentAliases on Dog {\n"
                  "  nameIfTrue: name @include(if: true)\n"
                  "  nameIfFalse: name @include(if: false)\n"
                  "}\n",
                  "");
}

static void test_different_skip_include_directives_are_accepted(void)
{
    expect_errors(&gql_rule_overlapping_fields_can_be_merged,
                  "fragment differentDirectivesWithDifferentAliases on Dog {\n"
                  "  name @include(if: true)\n"
                  "  name @include(if: false)\n"
                  "}\n",
                  "");
}

static void test_same_aliases_with_different_field_targets(void)
{
    expect_errors(
            &gql_rule_overlapping_fields_can_be_merged,
            "fragment sameAliasesWithDifferentFieldTargets on Dog {\n"
            "  fido: name\n"
            "  fido: nickname\n"
            "}\n",
            "Fields \"fido\" conflict because \"name\" and \"nickname\" are different fields. Use "
            "different aliases on the fields to fetch both if this was intentional. (2:3, 3:3)\n");
}

static void test_same_aliases_allowed_on_non_overlapping_fields(void)
{
    expect_errors(&gql_rule_overlapping_fields_can_be_merged,
                  "fragment sameAliasesWithDifferentFieldTargets on Pet {\n"
                  "  ... on Dog {\n"
                  "    name\n"
                  "  }\n"
                  "  ... on Cat {\n"
                  "    name: nickname\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_alias_masking_direct_field_access(void)
{
    expect_errors(
            &gql_rule_overlapping_fields_can_be_merged,
            "fragment aliasMaskingDirectFieldAccess on Dog {\n"
            "  name: nickname\n"
            "  name\n"
            "}\n",
            "Fields \"name\" conflict because \"nickname\" and \"name\" are different fields. Use "
            "different aliases on the fields to fetch both if this was intentional. (2:3, 3:3)\n");
}

static void test_different_arguments_the_second_adds_an_argument(void)
{
    expect_errors(
            &gql_rule_overlapping_fields_can_be_merged,
            "fragment conflictingArgs on Dog {\n"
            "  doesKnowCommand\n"
            "  doesKnowCommand(dogCommand: HEEL)\n"
            "}\n",
            "Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
            "different aliases on the fields to fetch both if this was intentional. (2:3, 3:3)\n");
}

static void test_different_arguments_the_second_misses_an_argument(void)
{
    expect_errors(
            &gql_rule_overlapping_fields_can_be_merged,
            "fragment conflictingArgs on Dog {\n"
            "  doesKnowCommand(dogCommand: SIT)\n"
            "  doesKnowCommand\n"
            "}\n",
            "Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
            "different aliases on the fields to fetch both if this was intentional. (2:3, 3:3)\n");
}

static void test_conflicting_argument_values(void)
{
    expect_errors(
            &gql_rule_overlapping_fields_can_be_merged,
            "fragment conflictingArgs on Dog {\n"
            "  doesKnowCommand(dogCommand: SIT)\n"
            "  doesKnowCommand(dogCommand: HEEL)\n"
            "}\n",
            "Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
            "different aliases on the fields to fetch both if this was intentional. (2:3, 3:3)\n");
}

static void test_conflicting_argument_names(void)
{
    expect_errors(
            &gql_rule_overlapping_fields_can_be_merged,
            "fragment conflictingArgs on Dog {\n"
            "  isAtLocation(x: 0)\n"
            "  isAtLocation(y: 0)\n"
            "}\n",
            "Fields \"isAtLocation\" conflict because they have differing arguments. Use different "
            "aliases on the fields to fetch both if this was intentional. (2:3, 3:3)\n");
}

static void test_allows_different_arguments_where_no_conflict_is_possible(void)
{
    expect_errors(&gql_rule_overlapping_fields_can_be_merged,
                  "fragment conflictingArgs on Pet {\n"
                  "  ... on Dog {\n"
                  "    name(surname: true)\n"
                  "  }\n"
                  "  ... on Cat {\n"
                  "    name\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_allows_a_different_order_of_arguments(void)
{
    expect_errors_with_schema(schema_args, &gql_rule_overlapping_fields_can_be_merged,
                              "{\n"
                              "  someField(a: null, b: null)\n"
                              "  someField(b: null, a: null)\n"
                              "}\n",
                              "");
}

static void test_allows_a_different_order_of_input_object_fields_in_argument(void)
{
    expect_errors_with_schema(schema_args, &gql_rule_overlapping_fields_can_be_merged,
                              "{\n"
                              "  someField(arg: { a: null, b: null })\n"
                              "  someField(arg: { b: null, a: null })\n"
                              "}\n",
                              "");
}

static void test_nested_input_objects_are_compared_in_any_field_order(void)
{
    expect_errors_with_schema(
            schema_args, &gql_rule_overlapping_fields_can_be_merged,
            "{\n"
            "  someField(arg: { c: [{ b: \"1\", a: \"2\" }], a: \"x\" })\n"
            "  someField(arg: { a: \"x\", c: [{ a: \"2\", b: \"1\" }] })\n"
            "  other { someField(arg: { c: [{ a: \"1\" }] }) }\n"
            "  other { someField(arg: { c: [{ a: \"2\" }] }) }\n"
            "}\n",
            "Fields \"other\" conflict because subfields \"someField\" conflict because they have "
            "differing arguments. Use different aliases on the fields to fetch both if this was "
            "intentional. (4:3, 4:11, 5:3, 5:11)\n");
}

static void test_values_of_different_kinds_differ(void)
{
    expect_errors_with_schema(
            schema_args, &gql_rule_overlapping_fields_can_be_merged,
            "{\n"
            "  a: someField(list: [1])\n"
            "  a: someField(list: 1)\n"
            "  b: someField(a: \"1\")\n"
            "  b: someField(a: \"\"\"1\"\"\")\n"
            "  c: someField(a: $v)\n"
            "  c: someField(a: $v)\n"
            "  d: someField(a: $v)\n"
            "  d: someField(a: $w)\n"
            "}\n",
            "Fields \"a\" conflict because they have differing arguments. Use different aliases on "
            "the fields to fetch both if this was intentional. (2:3, 3:3)\n"
            "Fields \"b\" conflict because they have differing arguments. Use different aliases on "
            "the fields to fetch both if this was intentional. (4:3, 5:3)\n"
            "Fields \"d\" conflict because they have differing arguments. Use different aliases on "
            "the fields to fetch both if this was intentional. (8:3, 9:3)\n");
}

static void test_encounters_a_conflict_in_fragments(void)
{
    expect_errors(
            &gql_rule_overlapping_fields_can_be_merged,
            "{\n"
            "  ...A\n"
            "  ...B\n"
            "}\n"
            "fragment A on Type {\n"
            "  x: a\n"
            "}\n"
            "fragment B on Type {\n"
            "  x: b\n"
            "}\n",
            "Fields \"x\" conflict because \"a\" and \"b\" are different fields. Use different "
            "aliases on the fields to fetch both if this was intentional. (6:3, 9:3)\n");
}

static void test_reports_each_conflict_once(void)
{
    expect_errors(
            &gql_rule_overlapping_fields_can_be_merged,
            "{\n"
            "  f1 {\n"
            "    ...A\n"
            "    ...B\n"
            "  }\n"
            "  f2 {\n"
            "    ...B\n"
            "    ...A\n"
            "  }\n"
            "  f3 {\n"
            "    ...A\n"
            "    ...B\n"
            "    x: c\n"
            "  }\n"
            "}\n"
            "fragment A on Type {\n"
            "  x: a\n"
            "}\n"
            "fragment B on Type {\n"
            "  x: b\n"
            "}\n",
            "Fields \"x\" conflict because \"a\" and \"b\" are different fields. Use different "
            "aliases on the fields to fetch both if this was intentional. (17:3, 20:3)\n"
            "Fields \"x\" conflict because \"c\" and \"a\" are different fields. Use different "
            "aliases on the fields to fetch both if this was intentional. (13:5, 17:3)\n"
            "Fields \"x\" conflict because \"c\" and \"b\" are different fields. Use different "
            "aliases on the fields to fetch both if this was intentional. (13:5, 20:3)\n");
}

static void test_a_deep_conflict(void)
{
    expect_errors(&gql_rule_overlapping_fields_can_be_merged,
                  "{\n"
                  "  field {\n"
                  "    x: a\n"
                  "  },\n"
                  "  field {\n"
                  "    x: b\n"
                  "  }\n"
                  "}\n",
                  "Fields \"field\" conflict because subfields \"x\" conflict because \"a\" and "
                  "\"b\" are different fields. Use different aliases on the fields to fetch both "
                  "if this was intentional. (2:3, 3:5, 5:3, 6:5)\n");
}

static void test_a_deep_conflict_with_multiple_issues(void)
{
    expect_errors(&gql_rule_overlapping_fields_can_be_merged,
                  "{\n"
                  "  field {\n"
                  "    x: a\n"
                  "    y: c\n"
                  "  },\n"
                  "  field {\n"
                  "    x: b\n"
                  "    y: d\n"
                  "  }\n"
                  "}\n",
                  "Fields \"field\" conflict because subfields \"x\" conflict because \"a\" and "
                  "\"b\" are different fields and subfields \"y\" conflict because \"c\" and \"d\" "
                  "are different fields. Use different aliases on the fields to fetch both if this "
                  "was intentional. (2:3, 3:5, 4:5, 6:3, 7:5, 8:5)\n");
}

static void test_a_very_deep_conflict(void)
{
    expect_errors(
            &gql_rule_overlapping_fields_can_be_merged,
            "{\n"
            "  field {\n"
            "    deepField {\n"
            "      x: a\n"
            "    }\n"
            "  },\n"
            "  field {\n"
            "    deepField {\n"
            "      x: b\n"
            "    }\n"
            "  }\n"
            "}\n",
            "Fields \"field\" conflict because subfields \"deepField\" conflict because subfields "
            "\"x\" conflict because \"a\" and \"b\" are different fields. Use different aliases on "
            "the fields to fetch both if this was intentional. (2:3, 3:5, 4:7, 7:3, 8:5, 9:7)\n");
}

static void test_reports_a_deep_conflict_to_the_nearest_common_ancestor(void)
{
    expect_errors(&gql_rule_overlapping_fields_can_be_merged,
                  "{\n"
                  "  field {\n"
                  "    deepField {\n"
                  "      x: a\n"
                  "    }\n"
                  "    deepField {\n"
                  "      x: b\n"
                  "    }\n"
                  "  },\n"
                  "  field {\n"
                  "    deepField {\n"
                  "      y\n"
                  "    }\n"
                  "  }\n"
                  "}\n",
                  "Fields \"deepField\" conflict because subfields \"x\" conflict because \"a\" "
                  "and \"b\" are different fields. Use different aliases on the fields to fetch "
                  "both if this was intentional. (3:5, 4:7, 6:5, 7:7)\n");
}

static void test_reports_a_deep_conflict_to_the_nearest_common_ancestor_in_fr(void)
{
    expect_errors(&gql_rule_overlapping_fields_can_be_merged,
                  "{\n"
                  "  field {\n"
                  "    ...F\n"
                  "  }\n"
                  "  field {\n"
                  "    ...F\n"
                  "  }\n"
                  "}\n"
                  "fragment F on T {\n"
                  "  deepField {\n"
                  "    deeperField {\n"
                  "      x: a\n"
                  "    }\n"
                  "    deeperField {\n"
                  "      x: b\n"
                  "    }\n"
                  "  },\n"
                  "  deepField {\n"
                  "    deeperField {\n"
                  "      y\n"
                  "    }\n"
                  "  }\n"
                  "}\n",
                  "Fields \"deeperField\" conflict because subfields \"x\" conflict because \"a\" "
                  "and \"b\" are different fields. Use different aliases on the fields to fetch "
                  "both if this was intentional. (11:5, 12:7, 14:5, 15:7)\n");
}

static void test_reports_a_deep_conflict_in_nested_fragments(void)
{
    expect_errors(&gql_rule_overlapping_fields_can_be_merged,
                  "{\n"
                  "  field {\n"
                  "    ...F\n"
                  "  }\n"
                  "  field {\n"
                  "    ...I\n"
                  "  }\n"
                  "}\n"
                  "fragment F on T {\n"
                  "  x: a\n"
                  "  ...G\n"
                  "}\n"
                  "fragment G on T {\n"
                  "  y: c\n"
                  "}\n"
                  "fragment I on T {\n"
                  "  y: d\n"
                  "  ...J\n"
                  "}\n"
                  "fragment J on T {\n"
                  "  x: b\n"
                  "}\n",
                  "Fields \"field\" conflict because subfields \"x\" conflict because \"a\" and "
                  "\"b\" are different fields and subfields \"y\" conflict because \"c\" and \"d\" "
                  "are different fields. Use different aliases on the fields to fetch both if this "
                  "was intentional. (2:3, 10:3, 14:3, 5:3, 21:3, 17:3)\n");
}

static void test_ignores_unknown_fragments(void)
{
    expect_errors(&gql_rule_overlapping_fields_can_be_merged,
                  "{\n"
                  "  field\n"
                  "  ...Unknown\n"
                  "  ...Known\n"
                  "}\n"
                  "\n"
                  "fragment Known on T {\n"
                  "  field\n"
                  "  ...OtherUnknown\n"
                  "}\n",
                  "");
}

static void test_conflicting_return_types_which_potentially_overlap(void)
{
    expect_errors_with_schema(schema_boxes, &gql_rule_overlapping_fields_can_be_merged,
                              "{\n"
                              "  someBox {\n"
                              "    ...on IntBox {\n"
                              "      scalar\n"
                              "    }\n"
                              "    ...on NonNullStringBox1 {\n"
                              "      scalar\n"
                              "    }\n"
                              "  }\n"
                              "}\n",
                              "Fields \"scalar\" conflict because they return conflicting types "
                              "\"Int\" and \"String!\". Use different aliases on the fields to "
                              "fetch both if this was intentional. (4:7, 7:7)\n");
}

static void test_compatible_return_shapes_on_different_return_types(void)
{
    expect_errors_with_schema(schema_boxes, &gql_rule_overlapping_fields_can_be_merged,
                              "{\n"
                              "  someBox {\n"
                              "    ... on SomeBox {\n"
                              "      deepBox {\n"
                              "        unrelatedField\n"
                              "      }\n"
                              "    }\n"
                              "    ... on StringBox {\n"
                              "      deepBox {\n"
                              "        unrelatedField\n"
                              "      }\n"
                              "    }\n"
                              "  }\n"
                              "}\n",
                              "");
}

static void test_disallows_differing_return_types_despite_no_overlap(void)
{
    expect_errors_with_schema(schema_boxes, &gql_rule_overlapping_fields_can_be_merged,
                              "{\n"
                              "  someBox {\n"
                              "    ... on IntBox {\n"
                              "      scalar\n"
                              "    }\n"
                              "    ... on StringBox {\n"
                              "      scalar\n"
                              "    }\n"
                              "  }\n"
                              "}\n",
                              "Fields \"scalar\" conflict because they return conflicting types "
                              "\"Int\" and \"String\". Use different aliases on the fields to "
                              "fetch both if this was intentional. (4:7, 7:7)\n");
}

static void test_reports_the_correct_error_when_a_lack_of_overlap_is_not_excl(void)
{
    expect_errors_with_schema(
            schema_boxes, &gql_rule_overlapping_fields_can_be_merged,
            "{\n"
            "  someBox {\n"
            "    ... on IntBox {\n"
            "      deepBox {\n"
            "        ...X\n"
            "      }\n"
            "    }\n"
            "  }\n"
            "  someBox {\n"
            "    ... on StringBox {\n"
            "      deepBox {\n"
            "        ...Y\n"
            "      }\n"
            "    }\n"
            "  }\n"
            "  memoed: someBox {\n"
            "    ... on IntBox {\n"
            "      deepBox {\n"
            "        ...X\n"
            "      }\n"
            "    }\n"
            "  }\n"
            "  memoed: someBox {\n"
            "    ... on StringBox {\n"
            "      deepBox {\n"
            "        ...Y\n"
            "      }\n"
            "    }\n"
            "  }\n"
            "  other: someBox {\n"
            "    ...X\n"
            "  }\n"
            "  other: someBox {\n"
            "    ...Y\n"
            "  }\n"
            "}\n"
            "fragment X on SomeBox {\n"
            "  scalar\n"
            "}\n"
            "fragment Y on SomeBox {\n"
            "  scalar: unrelatedField\n"
            "}\n",
            "Fields \"other\" conflict because subfields \"scalar\" conflict because \"scalar\" "
            "and \"unrelatedField\" are different fields. Use different aliases on the fields to "
            "fetch both if this was intentional. (30:3, 38:3, 33:3, 41:3)\n");
}

static void test_disallows_differing_return_type_nullability_despite_no_overl(void)
{
    expect_errors_with_schema(schema_boxes, &gql_rule_overlapping_fields_can_be_merged,
                              "{\n"
                              "  someBox {\n"
                              "    ... on NonNullStringBox1 {\n"
                              "      scalar\n"
                              "    }\n"
                              "    ... on StringBox {\n"
                              "      scalar\n"
                              "    }\n"
                              "  }\n"
                              "}\n",
                              "Fields \"scalar\" conflict because they return conflicting types "
                              "\"String!\" and \"String\". Use different aliases on the fields to "
                              "fetch both if this was intentional. (4:7, 7:7)\n");
}

static void test_disallows_differing_return_type_list_despite_no_overlap(void)
{
    expect_errors_with_schema(schema_boxes, &gql_rule_overlapping_fields_can_be_merged,
                              "{\n"
                              "  someBox {\n"
                              "    ... on IntBox {\n"
                              "      box: listStringBox {\n"
                              "        scalar\n"
                              "      }\n"
                              "    }\n"
                              "    ... on StringBox {\n"
                              "      box: stringBox {\n"
                              "        scalar\n"
                              "      }\n"
                              "    }\n"
                              "  }\n"
                              "}\n",
                              "Fields \"box\" conflict because they return conflicting types "
                              "\"[StringBox]\" and \"StringBox\". Use different aliases on the "
                              "fields to fetch both if this was intentional. (4:7, 9:7)\n");
}

static void test_disallows_differing_return_type_list_despite_no_overlap_reve(void)
{
    expect_errors_with_schema(schema_boxes, &gql_rule_overlapping_fields_can_be_merged,
                              "{\n"
                              "  someBox {\n"
                              "    ... on IntBox {\n"
                              "      box: stringBox {\n"
                              "        scalar\n"
                              "      }\n"
                              "    }\n"
                              "    ... on StringBox {\n"
                              "      box: listStringBox {\n"
                              "        scalar\n"
                              "      }\n"
                              "    }\n"
                              "  }\n"
                              "}\n",
                              "Fields \"box\" conflict because they return conflicting types "
                              "\"StringBox\" and \"[StringBox]\". Use different aliases on the "
                              "fields to fetch both if this was intentional. (4:7, 9:7)\n");
}

static void test_disallows_differing_subfields(void)
{
    expect_errors_with_schema(schema_boxes, &gql_rule_overlapping_fields_can_be_merged,
                              "{\n"
                              "  someBox {\n"
                              "    ... on IntBox {\n"
                              "      box: stringBox {\n"
                              "        val: scalar\n"
                              "        val: unrelatedField\n"
                              "      }\n"
                              "    }\n"
                              "    ... on StringBox {\n"
                              "      box: stringBox {\n"
                              "        val: scalar\n"
                              "      }\n"
                              "    }\n"
                              "  }\n"
                              "}\n",
                              "Fields \"val\" conflict because \"scalar\" and \"unrelatedField\" "
                              "are different fields. Use different aliases on the fields to fetch "
                              "both if this was intentional. (5:9, 6:9)\n");
}

static void test_disallows_differing_deep_return_types_despite_no_overlap(void)
{
    expect_errors_with_schema(
            schema_boxes, &gql_rule_overlapping_fields_can_be_merged,
            "{\n"
            "  someBox {\n"
            "    ... on IntBox {\n"
            "      box: stringBox {\n"
            "        scalar\n"
            "      }\n"
            "    }\n"
            "    ... on StringBox {\n"
            "      box: intBox {\n"
            "        scalar\n"
            "      }\n"
            "    }\n"
            "  }\n"
            "}\n",
            "Fields \"box\" conflict because subfields \"scalar\" conflict because they return "
            "conflicting types \"String\" and \"Int\". Use different aliases on the fields to "
            "fetch both if this was intentional. (4:7, 5:9, 9:7, 10:9)\n");
}

static void test_allows_non_conflicting_overlapping_types(void)
{
    expect_errors_with_schema(schema_boxes, &gql_rule_overlapping_fields_can_be_merged,
                              "{\n"
                              "  someBox {\n"
                              "    ... on IntBox {\n"
                              "      scalar: unrelatedField\n"
                              "    }\n"
                              "    ... on StringBox {\n"
                              "      scalar\n"
                              "    }\n"
                              "  }\n"
                              "}\n",
                              "");
}

static void test_same_wrapped_scalar_return_types(void)
{
    expect_errors_with_schema(schema_boxes, &gql_rule_overlapping_fields_can_be_merged,
                              "{\n"
                              "  someBox {\n"
                              "    ...on NonNullStringBox1 {\n"
                              "      scalar\n"
                              "    }\n"
                              "    ...on NonNullStringBox2 {\n"
                              "      scalar\n"
                              "    }\n"
                              "  }\n"
                              "}\n",
                              "");
}

static void test_allows_inline_fragments_without_a_type_condition(void)
{
    expect_errors_with_schema(schema_boxes, &gql_rule_overlapping_fields_can_be_merged,
                              "{\n"
                              "  a\n"
                              "  ... {\n"
                              "    a\n"
                              "  }\n"
                              "}\n",
                              "");
}

static void test_compares_deep_types_including_lists(void)
{
    expect_errors_with_schema(schema_boxes, &gql_rule_overlapping_fields_can_be_merged,
                              "{\n"
                              "  connection {\n"
                              "    ...edgeID\n"
                              "    edges {\n"
                              "      node {\n"
                              "        id: name\n"
                              "      }\n"
                              "    }\n"
                              "  }\n"
                              "}\n"
                              "\n"
                              "fragment edgeID on Connection {\n"
                              "  edges {\n"
                              "    node {\n"
                              "      id\n"
                              "    }\n"
                              "  }\n"
                              "}\n",
                              "Fields \"edges\" conflict because subfields \"node\" conflict "
                              "because subfields \"id\" conflict because \"name\" and \"id\" are "
                              "different fields. Use different aliases on the fields to fetch both "
                              "if this was intentional. (4:5, 5:7, 6:9, 13:3, 14:5, 15:7)\n");
}

static void test_ignores_unknown_types(void)
{
    expect_errors_with_schema(schema_boxes, &gql_rule_overlapping_fields_can_be_merged,
                              "{\n"
                              "  someBox {\n"
                              "    ...on UnknownType {\n"
                              "      scalar\n"
                              "    }\n"
                              "    ...on NonNullStringBox2 {\n"
                              "      scalar\n"
                              "    }\n"
                              "  }\n"
                              "}\n",
                              "");
}

static void test_does_not_infinite_loop_on_a_recursive_fragment(void)
{
    expect_errors(&gql_rule_overlapping_fields_can_be_merged,
                  "{\n"
                  "  ...fragA\n"
                  "}\n"
                  "\n"
                  "fragment fragA on Human { name, relatives { name, ...fragA } }\n",
                  "");
}

static void test_does_not_infinite_loop_on_an_immediately_recursive_fragment(void)
{
    expect_errors(&gql_rule_overlapping_fields_can_be_merged,
                  "{\n"
                  "  ...fragA\n"
                  "}\n"
                  "\n"
                  "fragment fragA on Human { name, ...fragA }\n",
                  "");
}

static void test_does_not_infinite_loop_on_a_recursive_fragment_with_a_field(void)
{
    expect_errors(&gql_rule_overlapping_fields_can_be_merged,
                  "{\n"
                  "  ...fragA\n"
                  "  fragA\n"
                  "}\n"
                  "\n"
                  "fragment fragA on Query { ...fragA }\n",
                  "");
}

static void test_finds_invalid_cases_even_with_a_field_named_after_the_fragme(void)
{
    expect_errors(
            &gql_rule_overlapping_fields_can_be_merged,
            "{\n"
            "  fragA\n"
            "  ...fragA\n"
            "}\n"
            "\n"
            "fragment fragA on Type {\n"
            "  fragA: b\n"
            "}\n",
            "Fields \"fragA\" conflict because \"fragA\" and \"b\" are different fields. Use "
            "different aliases on the fields to fetch both if this was intentional. (2:3, 7:3)\n");
}

static void test_does_not_infinite_loop_on_transitively_recursive_fragments(void)
{
    expect_errors(&gql_rule_overlapping_fields_can_be_merged,
                  "{\n"
                  "  ...fragA\n"
                  "  fragB\n"
                  "}\n"
                  "\n"
                  "fragment fragA on Human { name, ...fragB }\n"
                  "fragment fragB on Human { name, ...fragC }\n"
                  "fragment fragC on Human { name, ...fragA }\n",
                  "");
}

static void test_finds_invalid_cases_even_with_an_immediately_recursive_fragm(void)
{
    expect_errors(
            &gql_rule_overlapping_fields_can_be_merged,
            "fragment sameAliasesWithDifferentFieldTargets on Dog {\n"
            "  ...sameAliasesWithDifferentFieldTargets\n"
            "  fido: name\n"
            "  fido: nickname\n"
            "}\n",
            "Fields \"fido\" conflict because \"name\" and \"nickname\" are different fields. Use "
            "different aliases on the fields to fetch both if this was intentional. (3:3, 4:3)\n");
}

static void test_conflicts_between_a_field_and_fragments_spread_in_fragments(void)
{
    expect_errors(
            &gql_rule_overlapping_fields_can_be_merged,
            "{\n"
            "  dog {\n"
            "    x: name\n"
            "    ...A\n"
            "  }\n"
            "}\n"
            "fragment A on Dog { ...B }\n"
            "fragment B on Dog { x: nickname ...C }\n"
            "fragment C on Dog { x: barks }\n",
            "Fields \"x\" conflict because \"name\" and \"nickname\" are different fields. Use "
            "different aliases on the fields to fetch both if this was intentional. (3:5, 8:21)\n"
            "Fields \"x\" conflict because \"name\" and \"barks\" are different fields. Use "
            "different aliases on the fields to fetch both if this was intentional. (3:5, 9:21)\n"
            "Fields \"x\" conflict because \"nickname\" and \"barks\" are different fields. Use "
            "different aliases on the fields to fetch both if this was intentional. (8:21, "
            "9:21)\n");
}

static void test_conflicts_among_fragments_spread_side_by_side(void)
{
    expect_errors(
            &gql_rule_overlapping_fields_can_be_merged,
            "{\n"
            "  dog { ...A ...B ...C }\n"
            "}\n"
            "fragment A on Dog { x: name }\n"
            "fragment B on Dog { x: nickname }\n"
            "fragment C on Dog { x: barkVolume ...A }\n",
            "Fields \"x\" conflict because \"name\" and \"nickname\" are different fields. Use "
            "different aliases on the fields to fetch both if this was intentional. (4:21, 5:21)\n"
            "Fields \"x\" conflict because \"name\" and \"barkVolume\" are different fields. Use "
            "different aliases on the fields to fetch both if this was intentional. (4:21, 6:21)\n"
            "Fields \"x\" conflict because \"nickname\" and \"barkVolume\" are different fields. "
            "Use different aliases on the fields to fetch both if this was intentional. (5:21, "
            "6:21)\n"
            "Fields \"x\" conflict because \"barkVolume\" and \"name\" are different fields. Use "
            "different aliases on the fields to fetch both if this was intentional. (6:21, "
            "4:21)\n");
}

static void test_typename_has_no_definition_to_compare(void)
{
    expect_errors(&gql_rule_overlapping_fields_can_be_merged,
                  "{\n"
                  "  dog { __typename t: __typename t: name __typename: name }\n"
                  "}\n",
                  "Fields \"__typename\" conflict because \"__typename\" and \"name\" are "
                  "different fields. Use different aliases on the fields to fetch both if this was "
                  "intentional. (2:9, 2:42)\n"
                  "Fields \"t\" conflict because \"__typename\" and \"name\" are different fields. "
                  "Use different aliases on the fields to fetch both if this was intentional. "
                  "(2:20, 2:34)\n");
}

static void test_conflicting_return_types_at_the_root(void)
{
    expect_errors(
            &gql_rule_overlapping_fields_can_be_merged,
            "{\n"
            "  x: dog { name }\n"
            "  x: cat { name }\n"
            "  y: dog { name }\n"
            "  y: dog { nickname }\n"
            "}\n",
            "Fields \"x\" conflict because \"dog\" and \"cat\" are different fields. Use different "
            "aliases on the fields to fetch both if this was intentional. (2:3, 3:3)\n");
}

static CU_TestInfo tests[] = {
    { "unique fields", test_unique_fields },
    { "identical fields", test_identical_fields },
    { "identical fields with identical arguments", test_identical_fields_with_identical_arguments },
    { "identical fields with identical directives",
      test_identical_fields_with_identical_directives },
    { "different arguments with different aliases",
      test_different_arguments_with_different_aliases },
    { "different directives with different aliases",
      test_different_directives_with_different_aliases },
    { "different skip/include directives are accepted",
      test_different_skip_include_directives_are_accepted },
    { "same aliases with different field targets", test_same_aliases_with_different_field_targets },
    { "same aliases allowed on non-overlapping fields",
      test_same_aliases_allowed_on_non_overlapping_fields },
    { "alias masking direct field access", test_alias_masking_direct_field_access },
    { "different arguments, the second adds an argument",
      test_different_arguments_the_second_adds_an_argument },
    { "different arguments, the second misses an argument",
      test_different_arguments_the_second_misses_an_argument },
    { "conflicting argument values", test_conflicting_argument_values },
    { "conflicting argument names", test_conflicting_argument_names },
    { "allows different arguments where no conflict is possible",
      test_allows_different_arguments_where_no_conflict_is_possible },
    { "allows a different order of arguments", test_allows_a_different_order_of_arguments },
    { "allows a different order of input object fields in argument values",
      test_allows_a_different_order_of_input_object_fields_in_argument },
    { "nested input objects are compared in any field order",
      test_nested_input_objects_are_compared_in_any_field_order },
    { "values of different kinds differ", test_values_of_different_kinds_differ },
    { "encounters a conflict in fragments", test_encounters_a_conflict_in_fragments },
    { "reports each conflict once", test_reports_each_conflict_once },
    { "a deep conflict", test_a_deep_conflict },
    { "a deep conflict with multiple issues", test_a_deep_conflict_with_multiple_issues },
    { "a very deep conflict", test_a_very_deep_conflict },
    { "reports a deep conflict to the nearest common ancestor",
      test_reports_a_deep_conflict_to_the_nearest_common_ancestor },
    { "reports a deep conflict to the nearest common ancestor in fragments",
      test_reports_a_deep_conflict_to_the_nearest_common_ancestor_in_fr },
    { "reports a deep conflict in nested fragments",
      test_reports_a_deep_conflict_in_nested_fragments },
    { "ignores unknown fragments", test_ignores_unknown_fragments },
    { "conflicting return types which potentially overlap",
      test_conflicting_return_types_which_potentially_overlap },
    { "compatible return shapes on different return types",
      test_compatible_return_shapes_on_different_return_types },
    { "disallows differing return types despite no overlap",
      test_disallows_differing_return_types_despite_no_overlap },
    { "reports the correct error when a lack of overlap is not exclusive",
      test_reports_the_correct_error_when_a_lack_of_overlap_is_not_excl },
    { "disallows differing return type nullability despite no overlap",
      test_disallows_differing_return_type_nullability_despite_no_overl },
    { "disallows differing return type list despite no overlap",
      test_disallows_differing_return_type_list_despite_no_overlap },
    { "disallows differing return type list despite no overlap, reversed",
      test_disallows_differing_return_type_list_despite_no_overlap_reve },
    { "disallows differing subfields", test_disallows_differing_subfields },
    { "disallows differing deep return types despite no overlap",
      test_disallows_differing_deep_return_types_despite_no_overlap },
    { "allows non-conflicting overlapping types", test_allows_non_conflicting_overlapping_types },
    { "same wrapped scalar return types", test_same_wrapped_scalar_return_types },
    { "allows inline fragments without a type condition",
      test_allows_inline_fragments_without_a_type_condition },
    { "compares deep types including lists", test_compares_deep_types_including_lists },
    { "ignores unknown types", test_ignores_unknown_types },
    { "does not infinite loop on a recursive fragment",
      test_does_not_infinite_loop_on_a_recursive_fragment },
    { "does not infinite loop on an immediately recursive fragment",
      test_does_not_infinite_loop_on_an_immediately_recursive_fragment },
    { "does not infinite loop on a recursive fragment with a field named after the fragment",
      test_does_not_infinite_loop_on_a_recursive_fragment_with_a_field },
    { "finds invalid cases even with a field named after the fragment",
      test_finds_invalid_cases_even_with_a_field_named_after_the_fragme },
    { "does not infinite loop on transitively recursive fragments",
      test_does_not_infinite_loop_on_transitively_recursive_fragments },
    { "finds invalid cases even with an immediately recursive fragment",
      test_finds_invalid_cases_even_with_an_immediately_recursive_fragm },
    { "conflicts between a field and fragments spread in fragments",
      test_conflicts_between_a_field_and_fragments_spread_in_fragments },
    { "conflicts among fragments spread side by side",
      test_conflicts_among_fragments_spread_side_by_side },
    { "__typename has no definition to compare", test_typename_has_no_definition_to_compare },
    { "conflicting return types at the root", test_conflicting_return_types_at_the_root },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_rules_overlapping_fields_can_be_merged,
           "graphql/validation/rules/overlapping_fields_can_be_merged", init, clean, tests);
