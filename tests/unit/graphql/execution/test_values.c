/*
 * test_values.c: unit tests for src/graphql/execution/values.c, function by function:
 * typeFromAST without touching the schema, valueFromAST's valid/invalid answers (variables,
 * nulls, lists of one, input objects with defaults), getArgumentValues's absent-versus-null
 * rules, getVariableValues's coerced object and errors, and the "Did you mean" hints. The
 * whole-operation behaviour is in test_execute.c.
 */
#include "graphql/execution/values.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/json_out.h"
#include "test.h"

static const char sdl[] =
        "scalar GenericScalar\n"
        "enum Color { RED GREEN BLUE }\n"
        "input Range { min: Int! max: Int = 10 }\n"
        "input Filter { color: Color = RED range: Range tags: [String!] }\n"
        "type Query {\n"
        "  f(a: Int, b: Int! = 3, c: [Int], d: Filter, e: Color, g: GenericScalar,\n"
        "    h: Int!): Int\n"
        "}\n";

static int q_f(struct gql_call *call, struct gql_value *out)
{
    (void)call;
    *out = gql_null();
    return WM_OK;
}

static const struct gql_root_field roots[] = { { "Query", "f", q_f, 0 } };

static struct arena *arena;
static struct gql_schema *schema;

static int suite_init(void)
{
    char err[256];
    arena = arena_new(0);
    if (gql_schema_build(&schema, sdl, sizeof(sdl) - 1, roots, 1, NULL, 0, err, sizeof(err)) !=
        WM_OK) {
        (void)fprintf(stderr, "graphql/execution/values: schema: %s\n", err);
        return -1;
    }
    return 0;
}

static int suite_clean(void)
{
    gql_schema_free(schema);
    arena_free(arena);
    return 0;
}

static const struct gql_limits limits = { GQL_DEFAULT_MAX_TOKENS, GQL_DEFAULT_MAX_DEPTH, 0 };

/* The operation of a document (parsed into the arena). */
static const struct gql_operation *operation(const char *text)
{
    struct gql_document *doc = NULL;
    struct gql_errors errs = { 0 };
    if (gql_parse(arena, text, strlen(text), &limits, &doc, &errs) != WM_OK) {
        (void)fprintf(stderr, "\nparse: %s: %s\n", text, errs.count ? errs.items[0].message : "?");
        return NULL;
    }
    return (const struct gql_operation *)(const void *)doc->definitions.items[0];
}

/* The field node f(...) of "query (vars) { f(args) }". */
static const struct gql_selection *field_node(const char *vars, const char *args)
{
    const char *text = arena_printf(arena, "query %s { f%s }", vars, args);
    const struct gql_operation *op = operation(text);
    return op ? op->selection_set->selections.items[0] : NULL;
}

/* The literal written as the value of argument a. */
static const struct gql_ast_value *literal(const char *text)
{
    const struct gql_selection *f = field_node("", arena_printf(arena, "(a: %s)", text));
    return f ? f->args.items[0]->value : NULL;
}

/* The type written in a variable definition, made by typeFromAST. */
static struct gql_type *type(const char *text)
{
    const struct gql_operation *op = operation(arena_printf(arena, "query ($v: %s) { f }", text));
    return op ? gql_type_from_ast(arena, schema, op->variables.items[0]->type) : NULL;
}

static const char *json(const struct gql_value *v)
{
    struct buf b = BUF_INIT(arena);
    struct json_out j;
    json_out_init(&j, &b);
    gql_value_write(v, &j);
    return b.ptr;
}

/* valueFromAST of text for type_text with vars: its JSON, or "invalid". */
static const char *from_ast(const char *text, const char *type_text, const struct gql_value *vars)
{
    struct gql_value v;
    const struct gql_ast_value *lit = literal(text);
    const struct gql_type *t = type(type_text);
    if (!lit || !t) return "(setup)";
    if (!gql_value_from_ast(arena, lit, t, vars, &v)) return "invalid";
    return json(&v);
}

static void test_type_from_ast_wraps_without_touching_the_schema(void)
{
    struct gql_type *int_type = gql_schema_type(schema, "Int", 3);
    const struct gql_type *cached_list = int_type->list_of;
    const struct gql_type *cached_non_null = int_type->non_null_of;
    struct gql_type *t = type("[Int!]!");
    CU_ASSERT_FATAL(t != NULL);
    CU_ASSERT_EQUAL(t->kind, GQL_TYPE_NON_NULL);
    CU_ASSERT_EQUAL(t->of_type->kind, GQL_TYPE_LIST);
    CU_ASSERT_EQUAL(t->of_type->of_type->kind, GQL_TYPE_NON_NULL);
    CU_ASSERT_PTR_EQUAL(t->of_type->of_type->of_type, int_type);
    CU_ASSERT_STRING_EQUAL(gql_type_str(arena, t), "[Int!]!");
    CU_ASSERT_PTR_EQUAL(int_type->list_of, cached_list);
    CU_ASSERT_PTR_EQUAL(int_type->non_null_of, cached_non_null);
    CU_ASSERT_PTR_NOT_EQUAL(t->of_type->of_type, cached_non_null);
    CU_ASSERT_PTR_NULL(type("[Nope]"));
    arena_reset(arena);
}

static void test_value_from_ast_coerces_literals(void)
{
    CU_ASSERT_STRING_EQUAL(from_ast("12", "Int", NULL), "12");
    CU_ASSERT_STRING_EQUAL(from_ast("12", "Float", NULL), "12");
    CU_ASSERT_STRING_EQUAL(from_ast("\"x\"", "Int", NULL), "invalid");
    CU_ASSERT_STRING_EQUAL(from_ast("null", "Int", NULL), "null");
    CU_ASSERT_STRING_EQUAL(from_ast("null", "Int!", NULL), "invalid");
    CU_ASSERT_STRING_EQUAL(from_ast("RED", "Color", NULL), "\"RED\"");
    CU_ASSERT_STRING_EQUAL(from_ast("\"RED\"", "Color", NULL), "invalid");
    CU_ASSERT_STRING_EQUAL(from_ast("PINK", "Color", NULL), "invalid");
    CU_ASSERT_STRING_EQUAL(from_ast("{a: [1, RED], b: null}", "GenericScalar", NULL),
                           "{\"a\":[1,\"RED\"],\"b\":null}");
    arena_reset(arena);
}

static void test_value_from_ast_makes_a_list_of_one(void)
{
    CU_ASSERT_STRING_EQUAL(from_ast("3", "[Int]", NULL), "[3]");
    CU_ASSERT_STRING_EQUAL(from_ast("[3, null]", "[Int]", NULL), "[3,null]");
    CU_ASSERT_STRING_EQUAL(from_ast("[3, null]", "[Int!]", NULL), "invalid");
    CU_ASSERT_STRING_EQUAL(from_ast("[[1], 2]", "[[Int]]", NULL), "[[1],[2]]");
    CU_ASSERT_STRING_EQUAL(from_ast("[]", "[Int]!", NULL), "[]");
    CU_ASSERT_STRING_EQUAL(from_ast("\"x\"", "[Int]", NULL), "invalid");
    arena_reset(arena);
}

static void test_value_from_ast_fills_input_objects_with_defaults(void)
{
    CU_ASSERT_STRING_EQUAL(from_ast("{}", "Filter", NULL), "{\"color\":\"RED\"}");
    CU_ASSERT_STRING_EQUAL(from_ast("{range: {min: 1}, tags: \"t\"}", "Filter", NULL),
                           "{\"color\":\"RED\",\"range\":{\"min\":1,\"max\":10},\"tags\":[\"t\"]}");
    CU_ASSERT_STRING_EQUAL(from_ast("{color: null}", "Filter", NULL), "{\"color\":null}");
    CU_ASSERT_STRING_EQUAL(from_ast("{range: {}}", "Filter", NULL), "invalid");
    CU_ASSERT_STRING_EQUAL(from_ast("[{}]", "Filter", NULL), "invalid");
    /* Fields the type does not define are validation's business: ignored here. */
    CU_ASSERT_STRING_EQUAL(from_ast("{nope: 1}", "Filter", NULL), "{\"color\":\"RED\"}");
    arena_reset(arena);
}

static void test_value_from_ast_substitutes_variables(void)
{
    struct gql_value vars = gql_object(arena, 4);
    gql_object_set(arena, &vars, "one", gql_int(1));
    gql_object_set(arena, &vars, "nothing", gql_null());
    gql_object_set(arena, &vars, "gone", (struct gql_value){ .kind = GQL_V_UNDEFINED });
    CU_ASSERT_STRING_EQUAL(from_ast("$one", "Int!", &vars), "1");
    CU_ASSERT_STRING_EQUAL(from_ast("$nothing", "Int", &vars), "null");
    CU_ASSERT_STRING_EQUAL(from_ast("$nothing", "Int!", &vars), "invalid");
    CU_ASSERT_STRING_EQUAL(from_ast("$missing", "Int", &vars), "invalid");
    CU_ASSERT_STRING_EQUAL(from_ast("$gone", "Int", &vars), "invalid");
    CU_ASSERT_STRING_EQUAL(from_ast("$one", "Int", NULL), "invalid");
    /* A missing variable in a list is null, or invalid where items are non-null. */
    CU_ASSERT_STRING_EQUAL(from_ast("[$one, $missing]", "[Int]", &vars), "[1,null]");
    CU_ASSERT_STRING_EQUAL(from_ast("[$one, $missing]", "[Int!]", &vars), "invalid");
    /* A missing variable in an input object counts as the field not given. */
    CU_ASSERT_STRING_EQUAL(
            from_ast("{color: $missing, range: {min: $one, max: $missing}}", "Filter", &vars),
            "{\"color\":\"RED\",\"range\":{\"min\":1,\"max\":10}}");
    CU_ASSERT_STRING_EQUAL(from_ast("{range: {min: $missing}}", "Filter", &vars), "invalid");
    arena_reset(arena);
}

/* getArgumentValues for f(args) with the variables vars: the coerced object as JSON, or the
 * error "message @line:column". */
static const char *arguments(const char *args, const struct gql_value *vars)
{
    const struct gql_selection *node = field_node("", args);
    const struct gql_field *f = gql_type_field(schema->query, "f", 1);
    if (!node || !f) return "(setup)";
    struct gql_value out;
    struct gql_value_error err;
    if (gql_get_argument_values(arena, f->args, f->nargs, &node->args, node->node.loc, vars, &out,
                                &err) != WM_OK)
        return arena_printf(arena, "%s @%u:%u", err.message, err.loc.line, err.loc.column);
    return json(&out);
}

static void test_arguments_tell_absent_from_null(void)
{
    struct gql_value vars = gql_object(arena, 2);
    gql_object_set(arena, &vars, "n", gql_null());
    gql_object_set(arena, &vars, "two", gql_int(2));
    CU_ASSERT_STRING_EQUAL(arguments("(h: 1)", &vars), "{\"b\":3,\"h\":1}");
    CU_ASSERT_STRING_EQUAL(arguments("(a: null, h: 1)", &vars), "{\"a\":null,\"b\":3,\"h\":1}");
    CU_ASSERT_STRING_EQUAL(arguments("(a: $n, h: 1)", &vars), "{\"a\":null,\"b\":3,\"h\":1}");
    CU_ASSERT_STRING_EQUAL(arguments("(a: $absent, b: $absent, h: $two)", &vars),
                           "{\"b\":3,\"h\":2}");
    CU_ASSERT_STRING_EQUAL(arguments("(b: 4, c: 5, e: BLUE, h: 0)", &vars),
                           "{\"b\":4,\"c\":[5],\"e\":\"BLUE\",\"h\":0}");
    arena_reset(arena);
}

static void test_argument_errors_name_the_argument_and_its_node(void)
{
    struct gql_value vars = gql_object(arena, 1);
    gql_object_set(arena, &vars, "n", gql_null());
    CU_ASSERT_STRING_EQUAL(arguments("", &vars),
                           "Argument \"h\" of required type \"Int!\" was not provided. @1:10");
    CU_ASSERT_STRING_EQUAL(arguments("(h: null)", &vars),
                           "Argument \"h\" of non-null type \"Int!\" must not be null. @1:15");
    CU_ASSERT_STRING_EQUAL(arguments("(h: $n)", &vars),
                           "Argument \"h\" of non-null type \"Int!\" must not be null. @1:15");
    CU_ASSERT_STRING_EQUAL(arguments("(h: $x)", &vars),
                           "Argument \"h\" of required type \"Int!\" was provided the variable "
                           "\"$x\" which was not provided a runtime value. @1:15");
    CU_ASSERT_STRING_EQUAL(arguments("(h: 1, d: {range: {max: \"9\\n\"}})", &vars),
                           "Argument \"d\" has invalid value {range: {max: \"9\\n\"}}. @1:21");
    /* A nullable argument with a default takes the default for a null variable? No: null. */
    CU_ASSERT_STRING_EQUAL(arguments("(b: $n, h: 1)", &vars),
                           "Argument \"b\" of non-null type \"Int!\" must not be null. @1:15");
    arena_reset(arena);
}

/* getVariableValues for the definitions in "query defs { f }" and the inputs; the coerced
 * object as JSON, or the errors' messages joined by " | ". */
static const char *variables(const char *defs, const struct gql_value *inputs)
{
    const struct gql_operation *op = operation(arena_printf(arena, "query %s { f }", defs));
    if (!op) return "(setup)";
    struct gql_value out;
    struct gql_errors errs = { 0 };
    int rc = gql_get_variable_values(arena, schema, op, inputs, &out, &errs);
    CU_ASSERT_EQUAL(rc == WM_OK, errs.count == 0);
    if (rc == WM_OK) return json(&out);
    struct buf b = BUF_INIT(arena);
    for (size_t i = 0; i < errs.count; i++) {
        CU_ASSERT_STRING_EQUAL(errs.items[i].code, "BAD_USER_INPUT");
        buf_appendf(&b, "%s%s", i ? " | " : "", errs.items[i].message);
    }
    return b.ptr;
}

static void test_variables_keep_absent_null_and_defaults_apart(void)
{
    struct gql_value in = gql_object(arena, 4);
    gql_object_set(arena, &in, "n", gql_null());
    gql_object_set(arena, &in, "i", gql_int(4));
    gql_object_set(arena, &in, "i", gql_int(5)); /* the last of a repeated key wins */
    gql_object_set(arena, &in, "u", (struct gql_value){ .kind = GQL_V_UNDEFINED });
    CU_ASSERT_STRING_EQUAL(variables("($n: Int = 1, $i: Int, $absent: Int, $d: Int = 2, "
                                     "$u: Color = GREEN)",
                                     &in),
                           "{\"n\":null,\"i\":5,\"d\":2,\"u\":\"GREEN\"}");
    CU_ASSERT_STRING_EQUAL(variables("($i: [Int]!, $f: Filter = {range: {min: 1}})", &in),
                           "{\"i\":[5],\"f\":{\"color\":\"RED\",\"range\":{\"min\":1,\"max\":"
                           "10}}}");
    CU_ASSERT_STRING_EQUAL(variables("($x: Int)", NULL), "{}");
    arena_reset(arena);
}

static void test_variable_errors_are_worded_as_graphql_js(void)
{
    struct gql_value in = gql_object(arena, 4);
    gql_object_set(arena, &in, "n", gql_null());
    gql_object_set(arena, &in, "s", gql_string(arena, "BLU"));
    struct gql_value obj = gql_object(arena, 2);
    gql_object_set(arena, &obj, "range", gql_int(1));
    gql_object_set(arena, &obj, "colr", gql_string(arena, "RED"));
    gql_object_set(arena, &in, "o", obj);
    CU_ASSERT_STRING_EQUAL(variables("($n: Int!, $m: Color!, $s: Color, $o: Filter)", &in),
                           "Variable \"$n\" of non-null type \"Int!\" must not be null. | "
                           "Variable \"$m\" of required type \"Color!\" was not provided. | "
                           "Variable \"$s\" got invalid value \"BLU\"; Value \"BLU\" does not "
                           "exist in \"Color\" enum. Did you mean the enum value \"BLUE\"? | "
                           "Variable \"$o\" got invalid value 1 at \"o.range\"; Expected type "
                           "\"Range\" to be an object. | Variable \"$o\" got invalid value { "
                           "range: 1, colr: \"RED\" }; Field \"colr\" is not defined by type "
                           "\"Filter\". Did you mean \"color\"?");
    CU_ASSERT_STRING_EQUAL(variables("($v: Query, $w: [Nope])", &in),
                           "Variable \"$v\" expected value of type \"Query\" which cannot be "
                           "used as an input type. | Variable \"$w\" expected value of type "
                           "\"[Nope]\" which cannot be used as an input type.");
    arena_reset(arena);
}

static const char *opt(const void *options, size_t i)
{
    return ((const char *const *)options)[i];
}

static const char *hint(const char *input, const char *const *options, size_t n)
{
    return gql_did_you_mean(arena, NULL, input, options, n, opt);
}

static void test_suggestions_follow_graphql_js(void)
{
    static const char *const names[] = { "color",  "colour", "Color", "range", "tags",
                                         "item10", "item2",  "ab",    "ba",    "abc" };
    CU_ASSERT_STRING_EQUAL(hint("zzzzz", names, 10), "");
    CU_ASSERT_STRING_EQUAL(hint("anything", names, 0), "");
    CU_ASSERT_STRING_EQUAL(hint("tag", names, 10), " Did you mean \"tags\", \"ab\", or \"ba\"?");
    /* Exact first, then a change of case (one edit), then by distance. */
    CU_ASSERT_STRING_EQUAL(hint("color", names, 10),
                           " Did you mean \"color\", \"Color\", or \"colour\"?");
    /* Equal distances sort naturally: item2 before item10. */
    CU_ASSERT_STRING_EQUAL(hint("item1", names, 10), " Did you mean \"item2\" or \"item10\"?");
    /* A swap of two letters is one edit. */
    CU_ASSERT_STRING_EQUAL(hint("ab", names, 10), " Did you mean \"ab\", \"abc\", or \"ba\"?");
    CU_ASSERT_STRING_EQUAL(gql_did_you_mean(arena, "the enum value", "tagz", names, 10, opt),
                           " Did you mean the enum value \"tags\"?");
    static const char *const many[] = { "a1", "a2", "a3", "a4", "a5", "a6", "a7" };
    CU_ASSERT_STRING_EQUAL(hint("a", many, 7),
                           " Did you mean \"a1\", \"a2\", \"a3\", \"a4\", or \"a5\"?");
    arena_reset(arena);
}

static void test_a_variable_lookup_ignores_absent_members(void)
{
    struct gql_value vars = gql_object(arena, 2);
    gql_object_set(arena, &vars, "a", gql_int(1));
    gql_object_set(arena, &vars, "b", (struct gql_value){ .kind = GQL_V_UNDEFINED });
    CU_ASSERT_EQUAL(gql_variable_value(&vars, STR("a"))->u.i, 1);
    CU_ASSERT_PTR_NULL(gql_variable_value(&vars, STR("b")));
    CU_ASSERT_PTR_NULL(gql_variable_value(&vars, STR("ab")));
    CU_ASSERT_PTR_NULL(gql_variable_value(&vars, (struct str){ "ab", 0 }));
    CU_ASSERT_PTR_NULL(gql_variable_value(NULL, STR("a")));
    arena_reset(arena);
}

static CU_TestInfo tests[] = {
    { "typeFromAST wraps without touching the schema",
      test_type_from_ast_wraps_without_touching_the_schema },
    { "valueFromAST coerces literals", test_value_from_ast_coerces_literals },
    { "valueFromAST makes a list of one", test_value_from_ast_makes_a_list_of_one },
    { "valueFromAST fills input objects with defaults",
      test_value_from_ast_fills_input_objects_with_defaults },
    { "valueFromAST substitutes variables", test_value_from_ast_substitutes_variables },
    { "arguments tell absent from null", test_arguments_tell_absent_from_null },
    { "argument errors name the argument and its node",
      test_argument_errors_name_the_argument_and_its_node },
    { "variables keep absent, null and defaults apart",
      test_variables_keep_absent_null_and_defaults_apart },
    { "variable errors are worded as graphql-js", test_variable_errors_are_worded_as_graphql_js },
    { "suggestions follow graphql-js", test_suggestions_follow_graphql_js },
    { "a variable lookup ignores absent members", test_a_variable_lookup_ignores_absent_members },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_execution_values, "graphql/execution/values", suite_init, suite_clean, tests);
