/*
 * test_known_directives.c: unit tests for src/graphql/validation/rules/known_directives.c: the
 * cases of graphql-js's
 * __tests__/KnownDirectivesRule-test.ts and more, each expecting exactly the errors (messages and
 * locations) graphql-js v16.8 reports for the same document against the same schema.
 */
#include "graphql/validation/rules.h"

#include "../harness.h"

static void test_with_no_directives(void)
{
    expect_errors(&gql_rule_known_directives,
                  "query Foo {\n"
                  "  name\n"
                  "  ...Frag\n"
                  "}\n"
                  "fragment Frag on Dog {\n"
                  "  name\n"
                  "}\n",
                  "");
}

static void test_with_standard_directives(void)
{
    expect_errors(&gql_rule_known_directives,
                  "{\n"
                  "  human @skip(if: false) {\n"
                  "    name\n"
                  "    pets {\n"
                  "      ... on Dog @include(if: true) {\n"
                  "        name\n"
                  "      }\n"
                  "    }\n"
                  "  }\n"
                  "}\n",
                  "");
}

static void test_with_an_unknown_directive(void)
{
    expect_errors(&gql_rule_known_directives,
                  "{\n"
                  "  human @unknown(directive: \"value\") {\n"
                  "    name\n"
                  "  }\n"
                  "}\n",
                  "Unknown directive \"@unknown\". (2:9)\n");
}

static void test_with_many_unknown_directives(void)
{
    expect_errors(&gql_rule_known_directives,
                  "{\n"
                  "  __typename @unknown\n"
                  "  human @unknown {\n"
                  "    name\n"
                  "    pets @unknown {\n"
                  "      name\n"
                  "    }\n"
                  "  }\n"
                  "}\n",
                  "Unknown directive \"@unknown\". (2:14)\n"
                  "Unknown directive \"@unknown\". (3:9)\n"
                  "Unknown directive \"@unknown\". (5:10)\n");
}

static void test_with_well_placed_directives(void)
{
    expect_errors(&gql_rule_known_directives,
                  "query ($var: Boolean @onVariableDefinition) @onQuery {\n"
                  "  human @include(if: $var) {\n"
                  "    name @onField\n"
                  "    ...Frag @onFragmentSpread\n"
                  "    ... @onInlineFragment { name }\n"
                  "  }\n"
                  "}\n"
                  "mutation @onMutation {\n"
                  "  someField\n"
                  "}\n"
                  "subscription @onSubscription {\n"
                  "  someField\n"
                  "}\n"
                  "fragment Frag on Human @onFragmentDefinition {\n"
                  "  name\n"
                  "}\n",
                  "");
}

static void test_with_misplaced_directives(void)
{
    expect_errors(&gql_rule_known_directives,
                  "query ($var: Boolean @onQuery) @onMutation {\n"
                  "  human @onQuery {\n"
                  "    name @include(if: $var)\n"
                  "    ...Frag @onInlineFragment\n"
                  "    ... @onFragmentSpread { name }\n"
                  "  }\n"
                  "}\n"
                  "mutation @onQuery {\n"
                  "  someField\n"
                  "}\n"
                  "subscription @onQuery {\n"
                  "  someField\n"
                  "}\n"
                  "fragment Frag on Human @onField {\n"
                  "  name\n"
                  "}\n",
                  "Directive \"@onQuery\" may not be used on VARIABLE_DEFINITION. (1:22)\n"
                  "Directive \"@onMutation\" may not be used on QUERY. (1:32)\n"
                  "Directive \"@onQuery\" may not be used on FIELD. (2:9)\n"
                  "Directive \"@onInlineFragment\" may not be used on FRAGMENT_SPREAD. (4:13)\n"
                  "Directive \"@onFragmentSpread\" may not be used on INLINE_FRAGMENT. (5:9)\n"
                  "Directive \"@onQuery\" may not be used on MUTATION. (8:10)\n"
                  "Directive \"@onQuery\" may not be used on SUBSCRIPTION. (11:14)\n"
                  "Directive \"@onField\" may not be used on FRAGMENT_DEFINITION. (14:24)\n");
}

static void test_with_directives_defined_in_the_document(void)
{
    expect_errors(&gql_rule_known_directives,
                  "directive @local on FIELD\n"
                  "{ dog @local { name @local(x: 1) } }\n",
                  "");
}

static void test_with_directives_on_type_system_definitions(void)
{
    expect_errors(&gql_rule_known_directives,
                  "directive @onScalar on SCALAR\n"
                  "directive @onObject on OBJECT\n"
                  "directive @onFieldDefinition on FIELD_DEFINITION\n"
                  "directive @onArgumentDefinition on ARGUMENT_DEFINITION\n"
                  "directive @onInterface on INTERFACE\n"
                  "directive @onUnion on UNION\n"
                  "directive @onEnum on ENUM\n"
                  "directive @onEnumValue on ENUM_VALUE\n"
                  "directive @onInputObject on INPUT_OBJECT\n"
                  "directive @onInputFieldDefinition on INPUT_FIELD_DEFINITION\n"
                  "directive @onSchema on SCHEMA\n"
                  "\n"
                  "type MyObj implements MyInterface @onObject {\n"
                  "  myField(myArg: Int @onArgumentDefinition): String @onFieldDefinition\n"
                  "}\n"
                  "extend type MyObj @onObject\n"
                  "scalar MyScalar @onScalar\n"
                  "extend scalar MyScalar @onScalar\n"
                  "interface MyInterface @onInterface {\n"
                  "  myField(myArg: Int @onArgumentDefinition): String @onFieldDefinition\n"
                  "}\n"
                  "extend interface MyInterface @onInterface\n"
                  "union MyUnion @onUnion = MyObj | Other\n"
                  "extend union MyUnion @onUnion\n"
                  "enum MyEnum @onEnum {\n"
                  "  MY_VALUE @onEnumValue\n"
                  "}\n"
                  "extend enum MyEnum @onEnum\n"
                  "input MyInput @onInputObject {\n"
                  "  myField: Int @onInputFieldDefinition\n"
                  "}\n"
                  "extend input MyInput @onInputObject\n"
                  "schema @onSchema {\n"
                  "  query: MyQuery\n"
                  "}\n"
                  "extend schema @onSchema\n",
                  "");
}

static void test_with_misplaced_directives_on_type_system_definitions(void)
{
    expect_errors(
            &gql_rule_known_directives,
            "directive @onObject on OBJECT\n"
            "\n"
            "type MyObj implements MyInterface @onInterface {\n"
            "  myField(myArg: Int @onInputFieldDefinition): String @onInputFieldDefinition\n"
            "}\n"
            "scalar MyScalar @onEnum\n"
            "interface MyInterface @onObject {\n"
            "  myField(myArg: Int @onInputFieldDefinition): String @onInputFieldDefinition\n"
            "}\n"
            "union MyUnion @onEnumValue = MyObj | Other\n"
            "enum MyEnum @onScalar {\n"
            "  MY_VALUE @onUnion\n"
            "}\n"
            "input MyInput @onEnum {\n"
            "  myField: Int @onArgumentDefinition\n"
            "}\n"
            "extend input MyInput {\n"
            "  other: Int @onArgumentDefinition\n"
            "}\n"
            "schema @onObject {\n"
            "  query: MyQuery\n"
            "}\n"
            "extend schema @onObject\n"
            "directive @onInterface on INTERFACE\n"
            "directive @onInputFieldDefinition on INPUT_FIELD_DEFINITION\n"
            "directive @onEnum on ENUM\n"
            "directive @onEnumValue on ENUM_VALUE\n"
            "directive @onScalar on SCALAR\n"
            "directive @onUnion on UNION\n"
            "directive @onArgumentDefinition on ARGUMENT_DEFINITION\n",
            "Directive \"@onInterface\" may not be used on OBJECT. (3:35)\n"
            "Directive \"@onInputFieldDefinition\" may not be used on ARGUMENT_DEFINITION. (4:22)\n"
            "Directive \"@onInputFieldDefinition\" may not be used on FIELD_DEFINITION. (4:55)\n"
            "Directive \"@onEnum\" may not be used on SCALAR. (6:17)\n"
            "Directive \"@onObject\" may not be used on INTERFACE. (7:23)\n"
            "Directive \"@onInputFieldDefinition\" may not be used on ARGUMENT_DEFINITION. (8:22)\n"
            "Directive \"@onInputFieldDefinition\" may not be used on FIELD_DEFINITION. (8:55)\n"
            "Directive \"@onEnumValue\" may not be used on UNION. (10:15)\n"
            "Directive \"@onScalar\" may not be used on ENUM. (11:13)\n"
            "Directive \"@onUnion\" may not be used on ENUM_VALUE. (12:12)\n"
            "Directive \"@onEnum\" may not be used on INPUT_OBJECT. (14:15)\n"
            "Directive \"@onArgumentDefinition\" may not be used on INPUT_FIELD_DEFINITION. "
            "(15:16)\n"
            "Directive \"@onObject\" may not be used on SCHEMA. (20:8)\n"
            "Directive \"@onObject\" may not be used on SCHEMA. (23:15)\n");
}

static void test_a_document_directive_overrides_the_schema_s_locations(void)
{
    expect_errors(&gql_rule_known_directives,
                  "directive @onQuery on FIELD\n"
                  "query @onQuery { dog @onQuery { name } }\n",
                  "Directive \"@onQuery\" may not be used on QUERY. (2:7)\n");
}

static CU_TestInfo tests[] = {
    { "with no directives", test_with_no_directives },
    { "with standard directives", test_with_standard_directives },
    { "with an unknown directive", test_with_an_unknown_directive },
    { "with many unknown directives", test_with_many_unknown_directives },
    { "with well placed directives", test_with_well_placed_directives },
    { "with misplaced directives", test_with_misplaced_directives },
    { "with directives defined in the document", test_with_directives_defined_in_the_document },
    { "with directives on type-system definitions",
      test_with_directives_on_type_system_definitions },
    { "with misplaced directives on type-system definitions",
      test_with_misplaced_directives_on_type_system_definitions },
    { "a document directive overrides the schema's locations",
      test_a_document_directive_overrides_the_schema_s_locations },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_rules_known_directives, "graphql/validation/rules/known_directives",
           harness_init, harness_clean, tests);
