/*
 * test_validate.c: unit tests for src/graphql/validation/validate.c and type_info.c: a
 * document that breaks many rules at once gives graphql-js's errors in graphql-js's order; the
 * error limit and its last error; return codes and errors appended after earlier ones; the
 * error graphql-js throws out of validation for an unreadable @skip/@include in a subscription;
 * TypeInfo at every node of a document (compared with graphql-js TypeInfo); the suggestion
 * list, "Did you mean", naturalCompare and the ordered map; and hostile documents (thousands of
 * fragments, deep nesting, long names, odd Unicode) validated without crashing or blowing up.
 * Expected values come from graphql-js v16.8 run over the same documents.
 */
#include "graphql/validation/validate.h"

#include <stdint.h>

#include "graphql/validation/type_info.h"
#include "harness.h"

/* ---- whole validation --------------------------------------------------------------------- */

static const char many_errors_doc[] =
        "query Q($a: Int, $a: Dog) @onField {\n"
        "  dog { nam barkVolume(x: 1) ...F ... on Cat { meows } }\n"
        "  human(id: true) { pets }\n"
        "  complicatedArgs { multipleReqs(req1: \"x\") intArgField(intArg: $b) }\n"
        "}\n"
        "{ cat { name } }\n"
        "fragment F on Dog { barkVolume: name ...G }\n"
        "fragment G on Dog { ...F }\n"
        "fragment H on Int { x }\n"
        "type T { a: Unknown }\n";

static void test_errors_of_every_rule_come_in_graphql_js_order(void)
{
    expect_all_errors(0, many_errors_doc,
                      "The \"T\" definition is not executable. (10:1)\n"
                      "There can be only one variable named \"$a\". (1:10, 1:19)\n"
                      "Variable \"$a\" cannot be non-input type \"Dog\". (1:22)\n"
                      "Directive \"@onField\" may not be used on QUERY. (1:27)\n"
                      "Fields \"barkVolume\" conflict because \"barkVolume\" and \"name\" are "
                      "different fields. Use different aliases on the fields to fetch both if this "
                      "was intentional. (2:13, 7:21)\n"
                      "Cannot query field \"nam\" on type \"Dog\". Did you mean \"name\"? (2:9)\n"
                      "Unknown argument \"x\" on field \"Dog.barkVolume\". (2:24)\n"
                      "Fragment cannot be spread here as objects of type \"Dog\" can never be of "
                      "type \"Cat\". (2:35)\n"
                      "ID cannot represent a non-string and non-integer value: true (3:13)\n"
                      "Field \"pets\" of type \"[Pet]\" must have a selection of subfields. Did "
                      "you mean \"pets { ... }\"? (3:21)\n"
                      "Int cannot represent non-integer value: \"x\" (4:40)\n"
                      "Field \"multipleReqs\" argument \"req2\" of type \"Int!\" is required, but "
                      "it was not provided. (4:21)\n"
                      "Variable \"$b\" is not defined by operation \"Q\". (4:65, 1:1)\n"
                      "Variable \"$a\" is never used in operation \"Q\". (1:9)\n"
                      "Variable \"$a\" is never used in operation \"Q\". (1:18)\n"
                      "This anonymous operation must be the only defined operation. (6:1)\n"
                      "Cannot spread fragment \"F\" within itself via \"G\". (7:38, 8:21)\n"
                      "Fragment \"H\" cannot condition on non composite type \"Int\". (9:15)\n"
                      "Unknown type \"Unknown\". (10:13)\n"
                      "Fragment \"H\" is never used. (9:1)\n");
}

static void test_a_valid_document_has_no_errors(void)
{
    expect_all_errors(0,
                      "query Q($id: ID, $skip: Boolean!) {\n"
                      "  human(id: $id) { name pets { name ... on Dog { barks } } }\n"
                      "  dog @skip(if: $skip) { ...DogFields }\n"
                      "  __schema { queryType { name } }\n"
                      "}\n"
                      "fragment DogFields on Dog { name(surname: true) mother { name } }\n"
                      "mutation M { sitDog(command: HEEL) }\n"
                      "subscription S { newMessage { body } }\n",
                      "");
}

static void test_the_error_limit_ends_validation_with_graphql_js_last_error(void)
{
    expect_all_errors(3, many_errors_doc,
                      "The \"T\" definition is not executable. (10:1)\n"
                      "There can be only one variable named \"$a\". (1:10, 1:19)\n"
                      "Variable \"$a\" cannot be non-input type \"Dog\". (1:22)\n"
                      "Too many validation errors, error limit reached. Validation aborted.\n");
    expect_all_errors(1, many_errors_doc,
                      "The \"T\" definition is not executable. (10:1)\n"
                      "Too many validation errors, error limit reached. Validation aborted.\n");
}

/* n unknown fields of Dog in one selection. */
static char *unknown_fields(struct arena *a, int n)
{
    struct buf b = BUF_INIT(a);
    buf_appends(&b, "{ dog {");
    for (int i = 0; i < n; i++)
        buf_appendf(&b, " f%d", i);
    buf_appends(&b, " } }");
    return b.ptr;
}

static void test_the_default_limit_is_a_hundred_errors(void)
{
    struct arena *a = arena_new(0);
    const char *q = unknown_fields(a, 150);
    struct gql_errors errs = { 0 };
    struct gql_document *doc = NULL;
    CU_ASSERT_EQUAL_FATAL(gql_parse(a, q, strlen(q), NULL, &doc, &errs), WM_OK);
    /* No limits at all, and a limit of zero, both mean graphql-js's default of 100. */
    CU_ASSERT_EQUAL(gql_validate(a, harness_test_schema, doc, NULL, &errs), WM_EINVAL);
    CU_ASSERT_EQUAL_FATAL(errs.count, 101);
    CU_ASSERT_STRING_EQUAL(errs.items[99].message, "Cannot query field \"f99\" on type \"Dog\".");
    CU_ASSERT_STRING_EQUAL(errs.items[100].message,
                           "Too many validation errors, error limit reached. Validation aborted.");
    CU_ASSERT_EQUAL(errs.items[100].nlocations, 0);
    struct gql_errors again = { 0 };
    struct gql_limits zero = { 0 };
    CU_ASSERT_EQUAL(gql_validate(a, harness_test_schema, doc, &zero, &again), WM_EINVAL);
    CU_ASSERT_EQUAL(again.count, 101);
    arena_free(a);
}

static void test_a_limit_above_the_errors_found_reports_them_all(void)
{
    struct arena *a = arena_new(0);
    const char *q = unknown_fields(a, 150);
    struct gql_errors errs = { 0 };
    struct gql_document *doc = NULL;
    CU_ASSERT_EQUAL_FATAL(gql_parse(a, q, strlen(q), NULL, &doc, &errs), WM_OK);
    struct gql_limits lim = { 0, 0, 150 };
    CU_ASSERT_EQUAL(gql_validate(a, harness_test_schema, doc, &lim, &errs), WM_EINVAL);
    CU_ASSERT_EQUAL(errs.count, 150);
    arena_free(a);
}

static void test_errors_are_appended_after_earlier_ones(void)
{
    struct arena *a = arena_new(0);
    struct gql_errors errs = { 0 };
    struct gql_loc loc = { 7, 7 };
    gql_error_add(a, &errs, "EARLIER", &loc, NULL, "an earlier error");
    struct gql_document *doc = NULL;
    const char *ok = "{ dog { name } }";
    CU_ASSERT_EQUAL_FATAL(gql_parse(a, ok, strlen(ok), NULL, &doc, &errs), WM_OK);
    /* A valid document is WM_OK whatever errs held before. */
    CU_ASSERT_EQUAL(gql_validate(a, harness_test_schema, doc, NULL, &errs), WM_OK);
    CU_ASSERT_EQUAL(errs.count, 1);
    const char *bad = "{ dog { nam } }";
    CU_ASSERT_EQUAL_FATAL(gql_parse(a, bad, strlen(bad), NULL, &doc, &errs), WM_OK);
    CU_ASSERT_EQUAL(gql_validate(a, harness_test_schema, doc, NULL, &errs), WM_EINVAL);
    CU_ASSERT_EQUAL_FATAL(errs.count, 2);
    CU_ASSERT_STRING_EQUAL(errs.items[0].message, "an earlier error");
    CU_ASSERT_STRING_EQUAL(errs.items[1].message,
                           "Cannot query field \"nam\" on type \"Dog\". Did you mean \"name\"?");
    CU_ASSERT_STRING_EQUAL(errs.items[1].code, GQL_CODE_VALIDATION);
    arena_free(a);
}

static void test_an_error_with_many_nodes_keeps_every_location(void)
{
    expect_all_errors(0,
                      "fragment A on Dog { ...B }\n"
                      "fragment B on Dog { ...C }\n"
                      "fragment C on Dog { ...D }\n"
                      "fragment D on Dog { ...A }\n"
                      "{ dog { ...A } }\n",
                      "Cannot spread fragment \"A\" within itself via \"B\", \"C\", \"D\". (1:21, "
                      "2:21, 3:21, 4:21)\n");
}

static void test_an_unreadable_skip_in_a_subscription_stops_validation(void)
{
    /* graphql-js throws these out of validate(); we report the thrown error and stop. */
    expect_all_errors(0,
                      "subscription S($v: Boolean!) {\n"
                      "  importantEmails\n"
                      "  spamEmails @skip(if: $v)\n"
                      "  ... @include(if: \"yes\") { deletedEmails }\n"
                      "}\n",
                      "Argument \"if\" of required type \"Boolean!\" was provided the variable "
                      "\"$v\" which was not provided a runtime value. (3:24)\n");
    expect_all_errors(0,
                      "subscription S {\n"
                      "  importantEmails @skip\n"
                      "}\n",
                      "Argument \"if\" of required type \"Boolean!\" was not provided. (2:19)\n");
    expect_all_errors(0,
                      "subscription S {\n"
                      "  importantEmails @include(if: null)\n"
                      "}\n",
                      "Argument \"if\" of non-null type \"Boolean!\" must not be null. (2:32)\n");
    expect_all_errors(0,
                      "subscription S {\n"
                      "  importantEmails @include(if: [true])\n"
                      "}\n",
                      "Argument \"if\" has invalid value [true]. (2:32)\n");
    /* A spread already collected is not looked at again. */
    expect_all_errors(0,
                      "subscription S {\n"
                      "  ...F\n"
                      "  ...F @skip(if: $x)\n"
                      "}\n"
                      "fragment F on SubscriptionRoot { importantEmails }\n",
                      "Variable \"$x\" is not defined by operation \"S\". (3:18, 1:1)\n");
}

static void test_validation_uses_the_specified_rules_in_graphql_js_order(void)
{
    static const char *const names[] = {
        "ExecutableDefinitions",
        "UniqueOperationNames",
        "LoneAnonymousOperation",
        "SingleFieldSubscriptions",
        "KnownTypeNames",
        "FragmentsOnCompositeTypes",
        "VariablesAreInputTypes",
        "ScalarLeafs",
        "FieldsOnCorrectType",
        "UniqueFragmentNames",
        "KnownFragmentNames",
        "NoUnusedFragments",
        "PossibleFragmentSpreads",
        "NoFragmentCycles",
        "UniqueVariableNames",
        "NoUndefinedVariables",
        "NoUnusedVariables",
        "KnownDirectives",
        "UniqueDirectivesPerLocation",
        "KnownArgumentNames",
        "UniqueArgumentNames",
        "ValuesOfCorrectType",
        "ProvidedRequiredArguments",
        "VariablesInAllowedPosition",
        "OverlappingFieldsCanBeMerged",
        "UniqueInputFieldNames",
    };
    CU_ASSERT_EQUAL_FATAL(gql_specified_rules_count, sizeof(names) / sizeof(names[0]));
    for (size_t i = 0; i < gql_specified_rules_count; i++) {
        CU_ASSERT_STRING_EQUAL(gql_specified_rules[i]->name, names[i]);
        CU_ASSERT(gql_specified_rules[i]->state_size >= sizeof(struct gql_rule_base));
    }
}

static void test_no_rules_find_no_errors(void)
{
    static const struct gql_rule *const none[1] = { NULL };
    harness_expect_with(__FILE__, __LINE__, harness_test_schema, none, 0, 0, "{ nope }", "");
}

/* ---- TypeInfo ----------------------------------------------------------------------------- */

struct ti_log {
    struct gql_type_info *ti;
    struct buf b;
};

static const char *type_or_dash(struct arena *a, const struct gql_type *t)
{
    return t ? gql_type_str(a, t) : "-";
}

static enum gql_visit_action ti_record(void *data, const struct gql_node *node,
                                       const struct gql_visit *walk)
{
    (void)walk;
    struct ti_log *l = data;
    struct gql_type_info *ti = l->ti;
    struct arena *a = l->b.arena;
    const struct gql_field *f = gql_type_info_field_def(ti);
    buf_appendf(&l->b,
                "%s type=%s parent=%s input=%s pinput=%s field=%s dir=%s arg=%s enum=%s "
                "default=%s\n",
                gql_kind_name(node->kind), type_or_dash(a, gql_type_info_type(ti)),
                type_or_dash(a, gql_type_info_parent_type(ti)),
                type_or_dash(a, gql_type_info_input_type(ti)),
                type_or_dash(a, gql_type_info_parent_input_type(ti)), f ? f->name : "-",
                ti->directive ? ti->directive->name : "-", ti->argument ? ti->argument->name : "-",
                ti->enum_value ? ti->enum_value->name : "-",
                gql_type_info_default_value(ti) ? "yes" : "-");
    return GQL_CONTINUE;
}

static const char type_info_doc[] =
        "query Q($a: Int = 1, $c: ComplexInput) {\n"
        "  dog { name(surname: true) isHouseTrained(atOtherHomes: $b) doesKnowCommand(dogCommand: "
        "SIT) unknown(x: 1) }\n"
        "  complicatedArgs @include(if: true) {\n"
        "    complexArgField(complexArg: { requiredField: false, stringListField: [\"a\", null], "
        "nope: 1, nonNullField: true })\n"
        "    enumArgField(enumArg: NOPE)\n"
        "    stringListArgField(stringListArg: [[1]])\n"
        "  }\n"
        "  catOrDog { ... on Cat { furColor } ... { __typename } }\n"
        "  __type(name: \"Dog\") { name }\n"
        "  __schema { queryType { name } }\n"
        "}\n"
        "fragment F on Pet { name ... on Being { name } }\n"
        "fragment G on Int { x }\n"
        "subscription S { newMessage { body } }\n"
        "mutation M { petDog(name: \"x\") { name } }\n";

/* graphql-js TypeInfo, read at the enter of every node of type_info_doc. */
static const char type_info_want[] =
        "Document type=- parent=- input=- pinput=- field=- dir=- arg=- enum=- default=-\n"
        "OperationDefinition type=QueryRoot parent=- input=- pinput=- field=- dir=- arg=- enum=- "
        "default=-\n"
        "VariableDefinition type=QueryRoot parent=- input=Int pinput=- field=- dir=- arg=- enum=- "
        "default=-\n"
        "NamedType type=QueryRoot parent=- input=Int pinput=- field=- dir=- arg=- enum=- "
        "default=-\n"
        "IntValue type=QueryRoot parent=- input=Int pinput=- field=- dir=- arg=- enum=- default=-\n"
        "VariableDefinition type=QueryRoot parent=- input=ComplexInput pinput=- field=- dir=- "
        "arg=- enum=- default=-\n"
        "NamedType type=QueryRoot parent=- input=ComplexInput pinput=- field=- dir=- arg=- enum=- "
        "default=-\n"
        "SelectionSet type=QueryRoot parent=QueryRoot input=- pinput=- field=- dir=- arg=- enum=- "
        "default=-\n"
        "Field type=Dog parent=QueryRoot input=- pinput=- field=dog dir=- arg=- enum=- default=-\n"
        "SelectionSet type=Dog parent=Dog input=- pinput=- field=dog dir=- arg=- enum=- default=-\n"
        "Field type=String parent=Dog input=- pinput=- field=name dir=- arg=- enum=- default=-\n"
        "Argument type=String parent=Dog input=Boolean pinput=- field=name dir=- arg=surname "
        "enum=- default=-\n"
        "BooleanValue type=String parent=Dog input=Boolean pinput=- field=name dir=- arg=surname "
        "enum=- default=-\n"
        "Field type=Boolean parent=Dog input=- pinput=- field=isHouseTrained dir=- arg=- enum=- "
        "default=-\n"
        "Argument type=Boolean parent=Dog input=Boolean pinput=- field=isHouseTrained dir=- "
        "arg=atOtherHomes enum=- default=yes\n"
        "Variable type=Boolean parent=Dog input=Boolean pinput=- field=isHouseTrained dir=- "
        "arg=atOtherHomes enum=- default=yes\n"
        "Field type=Boolean parent=Dog input=- pinput=- field=doesKnowCommand dir=- arg=- enum=- "
        "default=-\n"
        "Argument type=Boolean parent=Dog input=DogCommand pinput=- field=doesKnowCommand dir=- "
        "arg=dogCommand enum=- default=-\n"
        "EnumValue type=Boolean parent=Dog input=DogCommand pinput=- field=doesKnowCommand dir=- "
        "arg=dogCommand enum=SIT default=-\n"
        "Field type=- parent=Dog input=- pinput=- field=- dir=- arg=- enum=- default=-\n"
        "Argument type=- parent=Dog input=- pinput=- field=- dir=- arg=- enum=- default=-\n"
        "IntValue type=- parent=Dog input=- pinput=- field=- dir=- arg=- enum=- default=-\n"
        "Field type=ComplicatedArgs parent=QueryRoot input=- pinput=- field=complicatedArgs dir=- "
        "arg=- enum=- default=-\n"
        "Directive type=ComplicatedArgs parent=QueryRoot input=- pinput=- field=complicatedArgs "
        "dir=include arg=- enum=- default=-\n"
        "Argument type=ComplicatedArgs parent=QueryRoot input=Boolean! pinput=- "
        "field=complicatedArgs dir=include arg=if enum=- default=-\n"
        "BooleanValue type=ComplicatedArgs parent=QueryRoot input=Boolean! pinput=- "
        "field=complicatedArgs dir=include arg=if enum=- default=-\n"
        "SelectionSet type=ComplicatedArgs parent=ComplicatedArgs input=- pinput=- "
        "field=complicatedArgs dir=- arg=- enum=- default=-\n"
        "Field type=String parent=ComplicatedArgs input=- pinput=- field=complexArgField dir=- "
        "arg=- enum=- default=-\n"
        "Argument type=String parent=ComplicatedArgs input=ComplexInput pinput=- "
        "field=complexArgField dir=- arg=complexArg enum=- default=-\n"
        "ObjectValue type=String parent=ComplicatedArgs input=ComplexInput pinput=- "
        "field=complexArgField dir=- arg=complexArg enum=- default=-\n"
        "ObjectField type=String parent=ComplicatedArgs input=Boolean! pinput=ComplexInput "
        "field=complexArgField dir=- arg=complexArg enum=- default=-\n"
        "BooleanValue type=String parent=ComplicatedArgs input=Boolean! pinput=ComplexInput "
        "field=complexArgField dir=- arg=complexArg enum=- default=-\n"
        "ObjectField type=String parent=ComplicatedArgs input=[String] pinput=ComplexInput "
        "field=complexArgField dir=- arg=complexArg enum=- default=-\n"
        "ListValue type=String parent=ComplicatedArgs input=String pinput=[String] "
        "field=complexArgField dir=- arg=complexArg enum=- default=-\n"
        "StringValue type=String parent=ComplicatedArgs input=String pinput=[String] "
        "field=complexArgField dir=- arg=complexArg enum=- default=-\n"
        "NullValue type=String parent=ComplicatedArgs input=String pinput=[String] "
        "field=complexArgField dir=- arg=complexArg enum=- default=-\n"
        "ObjectField type=String parent=ComplicatedArgs input=- pinput=ComplexInput "
        "field=complexArgField dir=- arg=complexArg enum=- default=-\n"
        "IntValue type=String parent=ComplicatedArgs input=- pinput=ComplexInput "
        "field=complexArgField dir=- arg=complexArg enum=- default=-\n"
        "ObjectField type=String parent=ComplicatedArgs input=Boolean! pinput=ComplexInput "
        "field=complexArgField dir=- arg=complexArg enum=- default=yes\n"
        "BooleanValue type=String parent=ComplicatedArgs input=Boolean! pinput=ComplexInput "
        "field=complexArgField dir=- arg=complexArg enum=- default=yes\n"
        "Field type=String parent=ComplicatedArgs input=- pinput=- field=enumArgField dir=- arg=- "
        "enum=- default=-\n"
        "Argument type=String parent=ComplicatedArgs input=FurColor pinput=- field=enumArgField "
        "dir=- arg=enumArg enum=- default=-\n"
        "EnumValue type=String parent=ComplicatedArgs input=FurColor pinput=- field=enumArgField "
        "dir=- arg=enumArg enum=- default=-\n"
        "Field type=String parent=ComplicatedArgs input=- pinput=- field=stringListArgField dir=- "
        "arg=- enum=- default=-\n"
        "Argument type=String parent=ComplicatedArgs input=[String] pinput=- "
        "field=stringListArgField dir=- arg=stringListArg enum=- default=-\n"
        "ListValue type=String parent=ComplicatedArgs input=String pinput=[String] "
        "field=stringListArgField dir=- arg=stringListArg enum=- default=-\n"
        "ListValue type=String parent=ComplicatedArgs input=String pinput=String "
        "field=stringListArgField dir=- arg=stringListArg enum=- default=-\n"
        "IntValue type=String parent=ComplicatedArgs input=String pinput=String "
        "field=stringListArgField dir=- arg=stringListArg enum=- default=-\n"
        "Field type=CatOrDog parent=QueryRoot input=- pinput=- field=catOrDog dir=- arg=- enum=- "
        "default=-\n"
        "SelectionSet type=CatOrDog parent=CatOrDog input=- pinput=- field=catOrDog dir=- arg=- "
        "enum=- default=-\n"
        "InlineFragment type=Cat parent=CatOrDog input=- pinput=- field=catOrDog dir=- arg=- "
        "enum=- default=-\n"
        "NamedType type=Cat parent=CatOrDog input=- pinput=- field=catOrDog dir=- arg=- enum=- "
        "default=-\n"
        "SelectionSet type=Cat parent=Cat input=- pinput=- field=catOrDog dir=- arg=- enum=- "
        "default=-\n"
        "Field type=FurColor parent=Cat input=- pinput=- field=furColor dir=- arg=- enum=- "
        "default=-\n"
        "InlineFragment type=CatOrDog parent=CatOrDog input=- pinput=- field=catOrDog dir=- arg=- "
        "enum=- default=-\n"
        "SelectionSet type=CatOrDog parent=CatOrDog input=- pinput=- field=catOrDog dir=- arg=- "
        "enum=- default=-\n"
        "Field type=String! parent=CatOrDog input=- pinput=- field=__typename dir=- arg=- enum=- "
        "default=-\n"
        "Field type=__Type parent=QueryRoot input=- pinput=- field=__type dir=- arg=- enum=- "
        "default=-\n"
        "Argument type=__Type parent=QueryRoot input=String! pinput=- field=__type dir=- arg=name "
        "enum=- default=-\n"
        "StringValue type=__Type parent=QueryRoot input=String! pinput=- field=__type dir=- "
        "arg=name enum=- default=-\n"
        "SelectionSet type=__Type parent=__Type input=- pinput=- field=__type dir=- arg=- enum=- "
        "default=-\n"
        "Field type=String parent=__Type input=- pinput=- field=name dir=- arg=- enum=- default=-\n"
        "Field type=__Schema! parent=QueryRoot input=- pinput=- field=__schema dir=- arg=- enum=- "
        "default=-\n"
        "SelectionSet type=__Schema! parent=__Schema input=- pinput=- field=__schema dir=- arg=- "
        "enum=- default=-\n"
        "Field type=__Type! parent=__Schema input=- pinput=- field=queryType dir=- arg=- enum=- "
        "default=-\n"
        "SelectionSet type=__Type! parent=__Type input=- pinput=- field=queryType dir=- arg=- "
        "enum=- default=-\n"
        "Field type=String parent=__Type input=- pinput=- field=name dir=- arg=- enum=- default=-\n"
        "FragmentDefinition type=Pet parent=- input=- pinput=- field=- dir=- arg=- enum=- "
        "default=-\n"
        "NamedType type=Pet parent=- input=- pinput=- field=- dir=- arg=- enum=- default=-\n"
        "SelectionSet type=Pet parent=Pet input=- pinput=- field=- dir=- arg=- enum=- default=-\n"
        "Field type=String parent=Pet input=- pinput=- field=name dir=- arg=- enum=- default=-\n"
        "InlineFragment type=Being parent=Pet input=- pinput=- field=- dir=- arg=- enum=- "
        "default=-\n"
        "NamedType type=Being parent=Pet input=- pinput=- field=- dir=- arg=- enum=- default=-\n"
        "SelectionSet type=Being parent=Being input=- pinput=- field=- dir=- arg=- enum=- "
        "default=-\n"
        "Field type=String parent=Being input=- pinput=- field=name dir=- arg=- enum=- default=-\n"
        "FragmentDefinition type=Int parent=- input=- pinput=- field=- dir=- arg=- enum=- "
        "default=-\n"
        "NamedType type=Int parent=- input=- pinput=- field=- dir=- arg=- enum=- default=-\n"
        "SelectionSet type=Int parent=- input=- pinput=- field=- dir=- arg=- enum=- default=-\n"
        "Field type=- parent=- input=- pinput=- field=- dir=- arg=- enum=- default=-\n"
        "OperationDefinition type=SubscriptionRoot parent=- input=- pinput=- field=- dir=- arg=- "
        "enum=- default=-\n"
        "SelectionSet type=SubscriptionRoot parent=SubscriptionRoot input=- pinput=- field=- dir=- "
        "arg=- enum=- default=-\n"
        "Field type=Message parent=SubscriptionRoot input=- pinput=- field=newMessage dir=- arg=- "
        "enum=- default=-\n"
        "SelectionSet type=Message parent=Message input=- pinput=- field=newMessage dir=- arg=- "
        "enum=- default=-\n"
        "Field type=String parent=Message input=- pinput=- field=body dir=- arg=- enum=- "
        "default=-\n"
        "OperationDefinition type=MutationRoot parent=- input=- pinput=- field=- dir=- arg=- "
        "enum=- default=-\n"
        "SelectionSet type=MutationRoot parent=MutationRoot input=- pinput=- field=- dir=- arg=- "
        "enum=- default=-\n"
        "Field type=Dog parent=MutationRoot input=- pinput=- field=petDog dir=- arg=- enum=- "
        "default=-\n"
        "Argument type=Dog parent=MutationRoot input=String pinput=- field=petDog dir=- arg=name "
        "enum=- default=-\n"
        "StringValue type=Dog parent=MutationRoot input=String pinput=- field=petDog dir=- "
        "arg=name enum=- default=-\n"
        "SelectionSet type=Dog parent=Dog input=- pinput=- field=petDog dir=- arg=- enum=- "
        "default=-\n"
        "Field type=String parent=Dog input=- pinput=- field=name dir=- arg=- enum=- default=-\n";

static void test_type_info_knows_what_graphql_js_knows_at_every_node(void)
{
    struct arena *a = arena_new(0);
    struct gql_errors errs = { 0 };
    struct gql_document *doc = NULL;
    CU_ASSERT_EQUAL_FATAL(gql_parse(a, type_info_doc, strlen(type_info_doc), NULL, &doc, &errs),
                          WM_OK);
    struct gql_type_info ti;
    gql_type_info_init(&ti, a, harness_test_schema);
    struct ti_log log = { &ti, BUF_INIT(a) };
    struct gql_visitor v = { 0 };
    for (int k = 0; k < GQL_KIND_COUNT; k++)
        v.enter[k] = ti_record;
    struct gql_visit_hooks hooks = { gql_type_info_enter, gql_type_info_leave, &ti };
    gql_visit(a, &doc->node, &v, &log, &hooks);
    CU_ASSERT_STRING_EQUAL(log.b.ptr, type_info_want);
    /* Every stack is balanced at the end of the walk. */
    CU_ASSERT_EQUAL(ti.type_stack.count, 0);
    CU_ASSERT_EQUAL(ti.parent_type_stack.count, 0);
    CU_ASSERT_EQUAL(ti.input_type_stack.count, 0);
    CU_ASSERT_EQUAL(ti.field_def_stack.count, 0);
    CU_ASSERT_EQUAL(ti.default_value_stack.count, 0);
    arena_free(a);
}

static void test_meta_fields_are_found_where_graphql_js_finds_them(void)
{
    struct arena *a = arena_new(0);
    struct gql_type_info ti;
    gql_type_info_init(&ti, a, harness_test_schema);
    struct gql_type *query = harness_test_schema->query;
    struct gql_type *dog = gql_schema_type(harness_test_schema, "Dog", 3);
    struct gql_type *pet = gql_schema_type(harness_test_schema, "Pet", 3);
    struct gql_type *u = gql_schema_type(harness_test_schema, "CatOrDog", 8);
    struct gql_type *furs = gql_schema_type(harness_test_schema, "FurColor", 8);
    CU_ASSERT_PTR_NOT_NULL(gql_type_info_lookup_field(&ti, query, STR("__schema")));
    CU_ASSERT_PTR_NOT_NULL(gql_type_info_lookup_field(&ti, query, STR("__type")));
    CU_ASSERT_PTR_NULL(gql_type_info_lookup_field(&ti, dog, STR("__schema")));
    CU_ASSERT_PTR_NULL(gql_type_info_lookup_field(&ti, dog, STR("__type")));
    CU_ASSERT_PTR_NOT_NULL(gql_type_info_lookup_field(&ti, dog, STR("__typename")));
    CU_ASSERT_PTR_NOT_NULL(gql_type_info_lookup_field(&ti, pet, STR("__typename")));
    CU_ASSERT_PTR_NOT_NULL(gql_type_info_lookup_field(&ti, u, STR("__typename")));
    CU_ASSERT_PTR_NULL(gql_type_info_lookup_field(&ti, u, STR("name")));
    CU_ASSERT_PTR_NULL(gql_type_info_lookup_field(&ti, furs, STR("__typename")));
    CU_ASSERT_PTR_NULL(gql_type_info_lookup_field(&ti, NULL, STR("__typename")));
    CU_ASSERT_PTR_NULL(gql_type_info_lookup_field(&ti, dog, STR("__other")));
    CU_ASSERT_PTR_NULL(gql_type_info_lookup_field(&ti, dog, STR("__")));
    const struct gql_field *name = gql_type_info_lookup_field(&ti, dog, STR("name"));
    CU_ASSERT(name && strcmp(name->name, "name") == 0);
    arena_free(a);
}

/* ---- messages ----------------------------------------------------------------------------- */

/* suggestionList(input, opts) joined with commas. */
static const char *suggest(struct arena *a, const char *input, const char *const *opts, size_t n)
{
    const char **out;
    size_t k = gql_suggestion_list(a, str_from(input), opts, n, &out);
    struct buf b = BUF_INIT(a);
    for (size_t i = 0; i < k; i++)
        buf_appendf(&b, "%s%s", i ? "," : "", out[i]);
    return b.ptr;
}

#define SUGGEST(input, want, ...)                                                            \
    do {                                                                                     \
        static const char *const opts_[] = { __VA_ARGS__ };                                  \
        CU_ASSERT_STRING_EQUAL(suggest(a, (input), opts_, sizeof(opts_) / sizeof(opts_[0])), \
                               (want));                                                      \
    } while (0)

static void test_the_suggestion_list_is_graphql_js_suggestion_list(void)
{
    struct arena *a = arena_new(0);
    SUGGEST("", "a", "a");
    SUGGEST("a", "a", "a");
    SUGGEST("a", "b", "b");
    SUGGEST("GraphQl", "GraphQL,graphics", "graphics", "SQL", "GraphQL", "quarks", "mark");
    SUGGEST("GraphQl", "GraphQL,graphql", "GraphQL", "graphql");
    SUGGEST("GraphQL", "GraphQL,graphql", "graphql", "GraphQL");
    SUGGEST("ab", "ab,abc,ba", "ba", "ab", "abc");
    SUGGEST("abc", "ab,abcd,acb,bac,xabc,a,cab", "ab", "abcd", "xabc", "a", "bac", "acb", "cab");
    SUGGEST("test", "Test,test1,test9,tst,test10", "test10", "test9", "test1", "tst", "Test");
    SUGGEST("name", "name,nam,names", "name", "name", "nam", "names");
    SUGGEST("\xc3\xa9", "\xc3\xa9,e,\xc3\x89", "e", "\xc3\xa9", "\xc3\x89");
    SUGGEST("\"h\xc3\xa9llo\"", "HELLO,hEllo,hello", "HELLO", "hello", "hEllo");
    SUGGEST("x1", "x1,x01,x2,x10", "x01", "x10", "x2", "x1");
    SUGGEST("zzzzzzzzzz", "", "aaaaaaaaaa");
    SUGGEST("aaaa", "aaaaa,aaaaaa", "aaaaaaa", "aaaaaa", "aaaaa");
    CU_ASSERT_STRING_EQUAL(suggest(a, "x", NULL, 0), "");
    arena_free(a);
}

static void test_natural_compare_orders_digit_runs_by_value(void)
{
#define CMP(x, y) gql_natural_compare((x), strlen(x), (y), strlen(y))
    CU_ASSERT(CMP("a", "b") < 0);
    CU_ASSERT(CMP("a", "a") == 0);
    CU_ASSERT(CMP("a10", "a9") > 0);
    CU_ASSERT(CMP("a01", "a1") < 0);
    CU_ASSERT(CMP("a0", "a00") < 0);
    CU_ASSERT(CMP("x001", "x01") < 0);
    CU_ASSERT(CMP("abc", "ab") > 0);
    CU_ASSERT(CMP("Z", "a") < 0);
    CU_ASSERT(CMP("1", "a") < 0);
    CU_ASSERT(CMP("a2b", "a10b") < 0);
    CU_ASSERT(CMP("a99999999999999999999999999", "a99999999999999999999999998") >= 0);
#undef CMP
}

static void test_did_you_mean_quotes_at_most_five_names(void)
{
    struct arena *a = arena_new(0);
    static const char *const names[] = { "a", "b", "c", "d", "e", "f" };
    CU_ASSERT_STRING_EQUAL(gql_did_you_mean_names(a, NULL, names, 0), "");
    CU_ASSERT_STRING_EQUAL(gql_did_you_mean_names(a, NULL, names, 1), " Did you mean \"a\"?");
    CU_ASSERT_STRING_EQUAL(gql_did_you_mean_names(a, NULL, names, 2),
                           " Did you mean \"a\" or \"b\"?");
    CU_ASSERT_STRING_EQUAL(gql_did_you_mean_names(a, NULL, names, 3),
                           " Did you mean \"a\", \"b\", or \"c\"?");
    CU_ASSERT_STRING_EQUAL(gql_did_you_mean_names(a, NULL, names, 5),
                           " Did you mean \"a\", \"b\", \"c\", \"d\", or \"e\"?");
    CU_ASSERT_STRING_EQUAL(gql_did_you_mean_names(a, NULL, names, 6),
                           " Did you mean \"a\", \"b\", \"c\", \"d\", or \"e\"?");
    CU_ASSERT_STRING_EQUAL(gql_did_you_mean_names(a, "the enum value", names, 2),
                           " Did you mean the enum value \"a\" or \"b\"?");
    arena_free(a);
}

static void test_the_map_keeps_insertion_order_through_growth(void)
{
    struct arena *a = arena_new(0);
    struct gql_map m;
    gql_map_init(&m, a);
    CU_ASSERT_PTR_NULL(gql_map_find(&m, STR("x")));
    char **keys = ARENA_ARRAY(a, char *, 5000);
    for (int i = 0; i < 5000; i++) {
        keys[i] = arena_printf(a, "k%d", (i * 7919) % 5000);
        bool added;
        gql_map_put(&m, str_from(keys[i]), &added)->value = (void *)(uintptr_t)(i + 1);
        CU_ASSERT(added);
    }
    CU_ASSERT_EQUAL(m.count, 5000);
    bool added = true;
    CU_ASSERT_EQUAL((uintptr_t)gql_map_put(&m, STR("k0"), &added)->value, 1);
    CU_ASSERT(!added);
    for (int i = 0; i < 5000; i++) {
        CU_ASSERT(str_eq_cstr(m.entries[i].key, keys[i]));
        CU_ASSERT_EQUAL((uintptr_t)gql_map_get(&m, str_from(keys[i])), (uintptr_t)(i + 1));
    }
    CU_ASSERT_PTR_NULL(gql_map_get(&m, STR("k5000")));
    CU_ASSERT_PTR_NULL(gql_map_get(&m, STR("")));
    /* Pointer keys, NULL among them. */
    struct gql_map p;
    gql_map_init(&p, a);
    gql_map_put_ptr(&p, NULL, NULL)->value = (void *)"null";
    for (int i = 0; i < 100; i++)
        gql_map_put_ptr(&p, &keys[i], NULL)->value = keys[i];
    CU_ASSERT_STRING_EQUAL(gql_map_get_ptr(&p, NULL), "null");
    CU_ASSERT_PTR_EQUAL(gql_map_get_ptr(&p, &keys[42]), keys[42]);
    CU_ASSERT_PTR_NULL(gql_map_find_ptr(&p, &keys[100]));
    arena_free(a);
}

/* ---- variable usages ----------------------------------------------------------------------- */

/* Reports the usages of each operation and fragment definition as one error: "$name type
 * default line:col" each. */
static enum gql_visit_action report_usages(void *data, const struct gql_node *node,
                                           const struct gql_visit *walk)
{
    (void)walk;
    struct gql_validation_context *ctx = ((struct gql_rule_base *)data)->ctx;
    const struct gql_variable_usages *usages = gql_get_variable_usages(ctx, node);
    struct buf b = BUF_INIT(ctx->arena);
    for (size_t i = 0; i < usages->count; i++) {
        const struct gql_variable_usage *u = &usages->items[i];
        buf_appendf(&b, " $%.*s %s %s %u:%u", STR_FMT(u->node->str),
                    u->type ? gql_type_str(ctx->arena, u->type) : "-",
                    u->default_value ? gql_print_value(ctx->arena, u->default_value) : "-",
                    u->node->node.loc.line, u->node->node.loc.column);
    }
    gql_report_at(ctx, node, "%s:%s", gql_kind_name(node->kind), b.len ? b.ptr : "");
    return GQL_CONTINUE;
}

/* Asks on entering a definition: nothing of it has been walked, so getVariableUsages walks it. */
static const struct gql_rule usages_on_enter = {
    .name = "UsagesOnEnter",
    .state_size = sizeof(struct gql_rule_base),
    .visitor = { .enter = { [GQL_OPERATION_DEFINITION] = report_usages,
                            [GQL_FRAGMENT_DEFINITION] = report_usages } },
};

/* Asks on leaving it: the usages recorded during the validation walk answer. */
static const struct gql_rule usages_on_leave = {
    .name = "UsagesOnLeave",
    .state_size = sizeof(struct gql_rule_base),
    .visitor = { .leave = { [GQL_OPERATION_DEFINITION] = report_usages,
                            [GQL_FRAGMENT_DEFINITION] = report_usages } },
};

/* The messages of validating doc with the one rule, one per line. */
static const char *usage_report(struct arena *a, const char *doc_text, const struct gql_rule *rule)
{
    struct gql_errors errs = { 0 };
    struct gql_document *doc = NULL;
    CU_ASSERT_EQUAL_FATAL(gql_parse(a, doc_text, strlen(doc_text), NULL, &doc, &errs), WM_OK);
    const struct gql_rule *const rules[1] = { rule };
    gql_validate_rules(a, harness_test_schema, doc, NULL, &errs, rules, 1);
    struct buf b = BUF_INIT(a);
    for (size_t i = 0; i < errs.count; i++)
        buf_appendf(&b, "%s\n", errs.items[i].message);
    return b.len ? b.ptr : "";
}

static void test_usages_recorded_by_the_walk_are_those_of_a_walk_of_their_own(void)
{
    static const char doc[] =
            "fragment Before on Dog @onFragmentDefinition {\n"
            "  isAtLocation(x: $x, y: 1) isHouseTrained(atOtherHomes: $home)\n"
            "  ... on Dog @include(if: $inc) { name(surname: $surname) }\n"
            "}\n"
            "query Q($x: Int = 1 @onVariableDefinition, $inc: Boolean!, $c: ComplexInput)\n"
            "    @onQuery {\n"
            "  dog { ...Before @skip(if: $skip) nickname barks mother { name } }\n"
            "  complicatedArgs {\n"
            "    complexArgField(complexArg: { requiredField: $req, stringListField: [$s1, \"a\", "
            "$s2], intField: 3 })\n"
            "    stringListArgField(stringListArg: [[$nested]])\n"
            "    multipleOpts(opt1: $o, opt2: 2) nonNullFieldWithDefault(arg: $d)\n"
            "    unknownField(arg: $lost) intArgField(nope: $nope) @withArgs(req: $req2)\n"
            "  }\n"
            "  human(id: $id) { pets { ... on Dog { doesKnowCommand(dogCommand: $cmd) } } }\n"
            "}\n"
            "mutation { sitDog(command: SIT) }\n"
            "fragment After on ComplicatedArgs { floatArgField(floatArg: $f) idArgField }\n";
    struct arena *a = arena_new(0);
    const char *walked = usage_report(a, doc, &usages_on_enter);
    const char *recorded = usage_report(a, doc, &usages_on_leave);
    CU_ASSERT_STRING_EQUAL(recorded, walked);
    /* And both are graphql-js's (its getVariableUsages over the same document). */
    CU_ASSERT_STRING_EQUAL(
            walked,
            "FragmentDefinition: $x Int - 2:19 $home Boolean true 2:58 $inc Boolean! - 3:27 "
            "$surname Boolean - 3:49\n"
            "OperationDefinition: $skip Boolean! - 7:29 $req Boolean! - 9:50 $s1 String - 9:74 "
            "$s2 String - 9:84 $nested String - 10:41 $o Int 0 11:24 $d Int! 0 11:66 $lost - - "
            "12:23 $nope - - 12:48 $req2 Int! - 12:70 $id ID - 14:13 $cmd DogCommand - 14:68\n"
            "OperationDefinition:\n"
            "FragmentDefinition: $f Float - 17:61\n");
    arena_free(a);
}

/* ---- hostile documents -------------------------------------------------------------------- */

static void test_thousands_of_fragments_spread_together_validate(void)
{
    struct arena *a = arena_new(0);
    struct buf q = BUF_INIT(a);
    enum { N = 1500 };
    buf_appends(&q, "{ dog {");
    for (int i = 0; i < N; i++)
        buf_appendf(&q, " ...F%d", i);
    buf_appends(&q, " } }\n");
    for (int i = 0; i < N; i++)
        buf_appendf(&q, "fragment F%d on Dog { a%d: name x: %s }\n", i, i,
                    i == N - 1 ? "nickname" : "name");
    struct gql_errors errs = { 0 };
    struct gql_document *doc = NULL;
    struct gql_limits lim = { 0, 0, 10 };
    CU_ASSERT_EQUAL_FATAL(gql_parse(a, q.ptr, q.len, &lim, &doc, &errs), WM_OK);
    CU_ASSERT_EQUAL(gql_validate(a, harness_test_schema, doc, &lim, &errs), WM_EINVAL);
    /* The last fragment's x conflicts with every other fragment's x: the limit stops it. */
    CU_ASSERT_EQUAL_FATAL(errs.count, 11);
    CU_ASSERT_STRING_EQUAL(errs.items[0].message,
                           "Fields \"x\" conflict because \"name\" and \"nickname\" are different "
                           "fields. Use different aliases on the fields to fetch both if this was "
                           "intentional.");
    arena_free(a);
}

static void test_exponentially_many_fragment_paths_are_compared_once(void)
{
    /* Each fragment spreads the next two: 2^40 paths, but 80 fragments. */
    struct arena *a = arena_new(0);
    struct buf q = BUF_INIT(a);
    enum { N = 40 };
    buf_appends(&q, "{ dog { ...A0 ...B0 } }\n");
    for (int i = 0; i < N; i++) {
        buf_appendf(&q, "fragment A%d on Dog { name x%d: barks ...A%d ...B%d }\n", i, i, i + 1,
                    i + 1);
        buf_appendf(&q, "fragment B%d on Dog { name y%d: barks ...A%d ...B%d }\n", i, i, i + 1,
                    i + 1);
    }
    buf_appendf(&q, "fragment A%d on Dog { name }\nfragment B%d on Dog { name: nickname }\n", N, N);
    struct gql_errors errs = { 0 };
    struct gql_document *doc = NULL;
    CU_ASSERT_EQUAL_FATAL(gql_parse(a, q.ptr, q.len, NULL, &doc, &errs), WM_OK);
    struct gql_limits lim = { 0, 0, 1000 };
    CU_ASSERT_EQUAL(gql_validate(a, harness_test_schema, doc, &lim, &errs), WM_EINVAL);
    /* graphql-js reports 80 conflicts: B40's name against each name of the 80 others. */
    CU_ASSERT_EQUAL(errs.count, 80);
    static const char prefix[] = "Fields \"name\" conflict because \"";
    for (size_t i = 0; i < errs.count; i++)
        CU_ASSERT(strncmp(errs.items[i].message, prefix, sizeof(prefix) - 1) == 0);
    arena_free(a);
}

static void test_deeply_nested_values_and_selections_validate(void)
{
    struct arena *a = arena_new(0);
    struct buf q = BUF_INIT(a);
    enum { DEPTH = 1000 };
    buf_appends(&q, "{ complicatedArgs { stringListArgField(stringListArg: ");
    for (int i = 0; i < DEPTH; i++)
        buf_appendc(&q, '[');
    buf_appends(&q, "\"x\"");
    for (int i = 0; i < DEPTH; i++)
        buf_appendc(&q, ']');
    buf_appends(&q, ") } human { ");
    for (int i = 0; i < DEPTH; i++)
        buf_appends(&q, "relatives { ");
    buf_appends(&q, "name");
    for (int i = 0; i < DEPTH; i++)
        buf_appends(&q, " }");
    buf_appends(&q, " } }");
    struct gql_errors errs = { 0 };
    struct gql_document *doc = NULL;
    struct gql_limits lim = { 0, 4 * DEPTH, 0 };
    CU_ASSERT_EQUAL_FATAL(gql_parse(a, q.ptr, q.len, &lim, &doc, &errs), WM_OK);
    CU_ASSERT_EQUAL(gql_validate(a, harness_test_schema, doc, NULL, &errs), WM_EINVAL);
    CU_ASSERT_EQUAL_FATAL(errs.count, 1);
    /* The first item of the outer list, 999 lists deep, printed whole, as graphql-js does. */
    struct buf want = BUF_INIT(a);
    buf_appends(&want, "String cannot represent a non string value: ");
    for (int i = 1; i < DEPTH; i++)
        buf_appendc(&want, '[');
    buf_appends(&want, "\"x\"");
    for (int i = 1; i < DEPTH; i++)
        buf_appendc(&want, ']');
    CU_ASSERT_STRING_EQUAL(errs.items[0].message, want.ptr);
    CU_ASSERT(errs.items[0].nlocations == 1 && errs.items[0].locations[0].column == 56);
    arena_free(a);
}

static void test_long_names_and_unicode_values_are_reported_whole(void)
{
    struct arena *a = arena_new(0);
    struct buf q = BUF_INIT(a);
    buf_appends(&q, "{ dog { ");
    for (int i = 0; i < 3000; i++)
        buf_appendc(&q, 'n');
    buf_appends(&q,
                " } complicatedArgs { enumArgField(enumArg: \"\xf0\x9f\x90\xb6 d\xc3\xa9j\xc3\xa0 "
                "\\u0000\\u001f\\u007f\\u0080\") } }");
    struct gql_errors errs = { 0 };
    struct gql_document *doc = NULL;
    CU_ASSERT_EQUAL_FATAL(gql_parse(a, q.ptr, q.len, NULL, &doc, &errs), WM_OK);
    CU_ASSERT_EQUAL(gql_validate(a, harness_test_schema, doc, NULL, &errs), WM_EINVAL);
    CU_ASSERT_EQUAL_FATAL(errs.count, 2);
    CU_ASSERT_EQUAL(strlen(errs.items[0].message), strlen("Cannot query field \"\" on type "
                                                          "\"Dog\".") +
                                                           3000);
    CU_ASSERT_STRING_EQUAL(errs.items[1].message,
                           "Enum \"FurColor\" cannot represent non-enum value: \"\xf0\x9f\x90\xb6 "
                           "d\xc3\xa9j\xc3\xa0 \\u0000\\u001F\\u007F\\u0080\".");
    arena_free(a);
}

static void test_a_type_system_document_is_reported_but_checked(void)
{
    expect_all_errors(0,
                      "type Query { a: Strin }\n"
                      "directive @d(x: Int!) on FIELD\n"
                      "{ dog @d { name @d(x: 1, y: 2) } }\n",
                      "The \"Query\" definition is not executable. (1:1)\n"
                      "The \"d\" definition is not executable. (2:1)\n"
                      "Unknown type \"Strin\". Did you mean \"String\"? (1:17)\n"
                      "Directive \"@d\" argument \"x\" of type \"Int!\" is required, but it was "
                      "not provided. (3:7)\n"
                      "Unknown argument \"y\" on directive \"@d\". Did you mean \"x\"? (3:26)\n");
}

static CU_TestInfo tests[] = {
    { "errors of every rule come in graphql-js order",
      test_errors_of_every_rule_come_in_graphql_js_order },
    { "a valid document has no errors", test_a_valid_document_has_no_errors },
    { "the error limit ends validation with graphql-js's last error",
      test_the_error_limit_ends_validation_with_graphql_js_last_error },
    { "the default limit is a hundred errors", test_the_default_limit_is_a_hundred_errors },
    { "a limit above the errors found reports them all",
      test_a_limit_above_the_errors_found_reports_them_all },
    { "errors are appended after earlier ones", test_errors_are_appended_after_earlier_ones },
    { "an error with many nodes keeps every location",
      test_an_error_with_many_nodes_keeps_every_location },
    { "an unreadable @skip in a subscription stops validation",
      test_an_unreadable_skip_in_a_subscription_stops_validation },
    { "validation uses the specified rules in graphql-js order",
      test_validation_uses_the_specified_rules_in_graphql_js_order },
    { "no rules find no errors", test_no_rules_find_no_errors },
    { "TypeInfo knows what graphql-js knows at every node",
      test_type_info_knows_what_graphql_js_knows_at_every_node },
    { "meta fields are found where graphql-js finds them",
      test_meta_fields_are_found_where_graphql_js_finds_them },
    { "the suggestion list is graphql-js's suggestionList",
      test_the_suggestion_list_is_graphql_js_suggestion_list },
    { "naturalCompare orders digit runs by value",
      test_natural_compare_orders_digit_runs_by_value },
    { "didYouMean quotes at most five names", test_did_you_mean_quotes_at_most_five_names },
    { "usages recorded by the walk are those of a walk of their own",
      test_usages_recorded_by_the_walk_are_those_of_a_walk_of_their_own },
    { "the map keeps insertion order through growth",
      test_the_map_keeps_insertion_order_through_growth },
    { "thousands of fragments spread together validate",
      test_thousands_of_fragments_spread_together_validate },
    { "exponentially many fragment paths are compared once",
      test_exponentially_many_fragment_paths_are_compared_once },
    { "deeply nested values and selections validate",
      test_deeply_nested_values_and_selections_validate },
    { "long names and Unicode values are reported whole",
      test_long_names_and_unicode_values_are_reported_whole },
    { "a type-system document is reported but checked",
      test_a_type_system_document_is_reported_but_checked },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_validate, "graphql/validation/validate", harness_init, harness_clean,
           tests);
