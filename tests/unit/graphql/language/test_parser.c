/*
 * test_parser.c: unit tests for src/graphql/language/parser.c (gql_parse) and ast.c, after
 * graphql-js's parser-test.ts and schema-parser-test.ts: both grammars with their node shapes
 * and locations, every error message and where it points, the token and nesting limits, the
 * client contract's operations and schema, and hostile input (every prefix of a document,
 * deep nesting, garbage bytes).
 */
#include "graphql/graphql.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "test.h"

static void check(bool ok, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void check(bool ok, int line, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    CU_assertImplementation(ok ? CU_TRUE : CU_FALSE, (unsigned)line, msg, __FILE__, "", CU_FALSE);
}

/* Parse len bytes of src into a; the document, or NULL after reporting the error. */
static struct gql_document *parse_ok_at(int line, struct arena *a, const char *src, size_t len,
                                        const struct gql_limits *lim)
{
    struct gql_errors errs = { 0 };
    struct gql_document *doc = NULL;
    int rc = gql_parse(a, src, len, lim, &doc, &errs);
    check(rc == WM_OK && doc != NULL && errs.count == 0, line, "parsing \"%.200s\" failed: %s", src,
          errs.count ? errs.items[0].message : "(no error recorded)");
    return rc == WM_OK ? doc : NULL;
}

/* Parsing src fails with code rc and exactly one error: msg at line:column. */
static void expect_error_at(int line, const char *src, size_t len, const struct gql_limits *lim,
                            int want_rc, const char *msg, uint32_t eline, uint32_t ecol)
{
    struct arena *a = arena_new(0);
    struct gql_errors errs = { 0 };
    struct gql_document *doc = (struct gql_document *)&errs; /* must be reset to NULL */
    int rc = gql_parse(a, src, len, lim, &doc, &errs);
    check(rc == want_rc, line, "parsing \"%.200s\": rc %d, want %d", src, rc, want_rc);
    check(doc == NULL, line, "a failed parse leaves *doc NULL");
    check(errs.count == 1, line, "\"%.200s\": %zu errors, want 1", src, errs.count);
    if (errs.count == 1) {
        const struct gql_error *e = &errs.items[0];
        check(strcmp(e->message, msg) == 0, line, "\"%.200s\": '%s', want '%s'", src, e->message,
              msg);
        check(e->nlocations == 1 && e->locations[0].line == eline && e->locations[0].column == ecol,
              line, "\"%.200s\": at %u:%u, want %u:%u", src,
              e->nlocations ? e->locations[0].line : 0, e->nlocations ? e->locations[0].column : 0,
              eline, ecol);
        check(e->code != NULL && strcmp(e->code, GQL_CODE_PARSE) == 0, line, "code %s",
              e->code ? e->code : "(null)");
        check(e->npath == 0, line, "a syntax error has no path");
    }
    arena_free(a);
}

#define PARSE_OK(a, src) parse_ok_at(__LINE__, (a), (src), strlen(src), NULL)
#define EXPECT_SYNTAX_ERROR(src, msg, l, c) \
    expect_error_at(__LINE__, (src), strlen(src), NULL, WM_EINVAL, "Syntax Error: " msg, (l), (c))
#define EXPECT_LIMIT_ERROR(src, lim, msg, l, c) \
    expect_error_at(__LINE__, (src), strlen(src), (lim), WM_ELIMIT, "Syntax Error: " msg, (l), (c))

#define LOC_IS(n, l, c) ((n)->loc.line == (l) && (n)->loc.column == (c))

/* The only definition of a one-definition document, as T. */
#define ONLY(doc, T) \
    ((doc) && (doc)->definitions.count == 1 ? (T *)(doc)->definitions.items[0] : NULL)

/* ---- executable documents ---------------------------------------------------------------- */

static void test_an_empty_document_is_an_error(void)
{
    EXPECT_SYNTAX_ERROR("", "Unexpected <EOF>.", 1, 1);
    EXPECT_SYNTAX_ERROR("   # just a comment\n", "Unexpected <EOF>.", 2, 1);
    struct arena *a = arena_new(0);
    struct gql_errors errs = { 0 };
    struct gql_document *doc;
    CU_ASSERT_EQUAL(gql_parse(a, NULL, 0, NULL, &doc, &errs), WM_EINVAL);
    CU_ASSERT_PTR_NULL(doc);
    arena_free(a);
}

static void test_provides_useful_errors(void)
{
    EXPECT_SYNTAX_ERROR("{", "Expected Name, found <EOF>.", 1, 2);
    EXPECT_SYNTAX_ERROR("{}", "Expected Name, found \"}\".", 1, 2);
    EXPECT_SYNTAX_ERROR("\n      { ...MissingOn }\n      fragment MissingOn Type",
                        "Expected \"on\", found Name \"Type\".", 3, 26);
    EXPECT_SYNTAX_ERROR("{ field: {} }", "Expected Name, found \"{\".", 1, 10);
    EXPECT_SYNTAX_ERROR("notAnOperation Foo { field }", "Unexpected Name \"notAnOperation\".", 1,
                        1);
    EXPECT_SYNTAX_ERROR("...", "Unexpected \"...\".", 1, 1);
    EXPECT_SYNTAX_ERROR("{ \"\"", "Expected Name, found String \"\".", 1, 3);
    EXPECT_SYNTAX_ERROR("{ a(x: 1 }", "Expected Name, found \"}\".", 1, 10);
    EXPECT_SYNTAX_ERROR("{ a(x 1) }", "Expected \":\", found Int \"1\".", 1, 7);
    EXPECT_SYNTAX_ERROR("{ a(x: ) }", "Unexpected \")\".", 1, 8);
    EXPECT_SYNTAX_ERROR("{ a() }", "Expected Name, found \")\".", 1, 5);
    EXPECT_SYNTAX_ERROR("query Q() { a }", "Expected \"$\", found \")\".", 1, 9);
    EXPECT_SYNTAX_ERROR("query Q($a) { a }", "Expected \":\", found \")\".", 1, 11);
    EXPECT_SYNTAX_ERROR("query Q($a: ) { a }", "Expected Name, found \")\".", 1, 13);
    EXPECT_SYNTAX_ERROR("query Q($a: [Int) { a }", "Expected \"]\", found \")\".", 1, 17);
    EXPECT_SYNTAX_ERROR("query Q { a } x", "Unexpected Name \"x\".", 1, 15);
    EXPECT_SYNTAX_ERROR("{ a } }", "Unexpected \"}\".", 1, 7);
    EXPECT_SYNTAX_ERROR("query { a(x: 1.5e) }", "Invalid number, expected digit but got: \")\".", 1,
                        18);
    EXPECT_SYNTAX_ERROR("{ a(x: \"\"\"multi\nline\"\"\" y: \"\"\"b\"\"\" z: \"\\q\") }",
                        "Invalid character escape sequence: \"\\q\".", 2, 24);
    EXPECT_SYNTAX_ERROR("{ a @ }", "Expected Name, found \"}\".", 1, 7);
    EXPECT_SYNTAX_ERROR("{ a(x: \"no end) }", "Unterminated string.", 1, 18);
    EXPECT_SYNTAX_ERROR("{ a(x: \"multi\nline\") }", "Unterminated string.", 1, 14);
    EXPECT_SYNTAX_ERROR("{ a(x: 'single') }",
                        "Unexpected single quote character ('), did you mean to use a double "
                        "quote (\")?",
                        1, 8);
    EXPECT_SYNTAX_ERROR("{ a ? }", "Unexpected character: \"?\".", 1, 5);
    EXPECT_SYNTAX_ERROR("{ a(x: \"\"\"block\"\"\" }", "Expected Name, found \"}\".", 1, 20);
    EXPECT_SYNTAX_ERROR("{ a(x: [1, 2 }", "Unexpected \"}\".", 1, 14);
    EXPECT_SYNTAX_ERROR("{ a(x: {b 1}) }", "Expected \":\", found Int \"1\".", 1, 11);
    EXPECT_SYNTAX_ERROR("{ a(x: {b: 1) }", "Expected Name, found \")\".", 1, 13);
    EXPECT_SYNTAX_ERROR("fragment F on T", "Expected \"{\", found <EOF>.", 1, 16);
    EXPECT_SYNTAX_ERROR("fragment F T { a }", "Expected \"on\", found Name \"T\".", 1, 12);
    EXPECT_SYNTAX_ERROR("fragment { a }", "Expected Name, found \"{\".", 1, 10);
    EXPECT_SYNTAX_ERROR("query Q", "Expected \"{\", found <EOF>.", 1, 8);
    EXPECT_SYNTAX_ERROR("{ ... on { a } }", "Expected Name, found \"{\".", 1, 10);
    EXPECT_SYNTAX_ERROR("{ ... }", "Expected \"{\", found \"}\".", 1, 7);
    EXPECT_SYNTAX_ERROR("{ a(x: \"\"\"long\nblock\"\"\" }", "Expected Name, found \"}\".", 2, 10);
    EXPECT_SYNTAX_ERROR("{ a\"\"\"x\ny\"\"\" }", "Expected Name, found BlockString \"x\ny\".", 1,
                        4);
    EXPECT_SYNTAX_ERROR("{ a: 1.5 }", "Expected Name, found Float \"1.5\".", 1, 6);
}

static void test_variables_are_not_constants(void)
{
    struct arena *a = arena_new(0);
    PARSE_OK(a, "{ field(complex: { a: { b: [ $var ] } }) }");
    PARSE_OK(a, "query Foo($x: Boolean = false @bar) { field @d(x: $x) }");
    arena_free(a);
    EXPECT_SYNTAX_ERROR("query Foo($x: Complex = { a: { b: [ $var ] } }) { field }",
                        "Unexpected variable \"$var\" in constant value.", 1, 37);
    EXPECT_SYNTAX_ERROR("query Foo($x: Int = $y) { field }",
                        "Unexpected variable \"$y\" in constant value.", 1, 21);
    EXPECT_SYNTAX_ERROR("query Foo($x: Int @d(a: $y)) { field }",
                        "Unexpected variable \"$y\" in constant value.", 1, 25);
    EXPECT_SYNTAX_ERROR("query Foo($x: Int = $) { field }", "Unexpected \"$\".", 1, 21);
    EXPECT_SYNTAX_ERROR("query Foo($x: Int = $1) { field }", "Unexpected \"$\".", 1, 21);
    EXPECT_SYNTAX_ERROR("{ a(x: $) }", "Expected Name, found \")\".", 1, 9);
    EXPECT_SYNTAX_ERROR("type T { f(a: Int = $v): Int }",
                        "Unexpected variable \"$v\" in constant value.", 1, 21);
    EXPECT_SYNTAX_ERROR("type T @d(a: [$v]) { f: Int }",
                        "Unexpected variable \"$v\" in constant value.", 1, 15);
}

static void test_fragments_cannot_be_named_on(void)
{
    EXPECT_SYNTAX_ERROR("fragment on on on { on }", "Unexpected Name \"on\".", 1, 10);
    EXPECT_SYNTAX_ERROR("{ ...on }", "Expected Name, found \"}\".", 1, 9);
    EXPECT_SYNTAX_ERROR("fragment \"on\" on T { a }", "Unexpected String \"on\".", 1, 10);
    /* Legacy fragment variables are not supported (graphql-js: off by default). */
    EXPECT_SYNTAX_ERROR("fragment a($v: Int) on t { f }", "Expected \"on\", found \"(\".", 1, 11);
}

static void test_non_keywords_are_allowed_where_a_name_is(void)
{
    static const char *const words[] = { "on",     "fragment", "query", "mutation", "subscription",
                                         "true",   "false",    "null",  "schema",   "type",
                                         "extend", "input",    "enum",  "directive" };
    struct arena *a = arena_new(0);
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        const char *k = words[i];
        const char *frag = strcmp(k, "on") == 0 ? "a" : k;
        char *src = arena_printf(a,
                                 "query %s {\n  ... %s\n  ... on %s { field }\n}\n"
                                 "fragment %s on Type {\n  %s(%s: $%s)\n    @%s(%s: %s)\n}\n",
                                 k, frag, k, frag, k, k, k, k, k, k);
        struct gql_document *doc = parse_ok_at(__LINE__, a, src, strlen(src), NULL);
        if (doc == NULL) continue;
        CU_ASSERT_EQUAL(doc->definitions.count, 2);
        struct gql_fragment *fr = (struct gql_fragment *)doc->definitions.items[1];
        CU_ASSERT(str_eq_cstr(fr->name, frag));
        struct gql_selection *f = fr->selection_set->selections.items[0];
        CU_ASSERT(str_eq_cstr(f->name, k));
        CU_ASSERT_EQUAL(f->args.items[0]->value->node.kind, GQL_VARIABLE);
        /* true/false/null are literals even where a keyword is a name elsewhere. */
        enum gql_kind want = strcmp(k, "true") == 0 || strcmp(k, "false") == 0 ? GQL_BOOLEAN_VALUE
                             : strcmp(k, "null") == 0                          ? GQL_NULL_VALUE
                                                                               : GQL_ENUM_VALUE;
        CU_ASSERT_EQUAL(f->directives.items[0]->args.items[0]->value->node.kind, want);
    }
    arena_free(a);
}

static void test_parses_operations_of_every_type(void)
{
    struct arena *a = arena_new(0);
    struct gql_document *doc = PARSE_OK(a, "mutation { mutationField }\n"
                                           "subscription { subscriptionField }\n"
                                           "mutation Foo { mutationField }\n"
                                           "subscription Foo { subscriptionField }\n"
                                           "query { a }\n{ b }\nquery Q @dir { c }");
    CU_ASSERT_FATAL(doc != NULL && doc->definitions.count == 7);
    static const enum gql_operation_type want[] = { GQL_MUTATION, GQL_SUBSCRIPTION,
                                                    GQL_MUTATION, GQL_SUBSCRIPTION,
                                                    GQL_QUERY,    GQL_QUERY,
                                                    GQL_QUERY };
    for (size_t i = 0; i < 7; i++) {
        struct gql_operation *op = (struct gql_operation *)doc->definitions.items[i];
        CU_ASSERT_EQUAL(op->node.kind, GQL_OPERATION_DEFINITION);
        CU_ASSERT_EQUAL(op->operation, want[i]);
        CU_ASSERT_EQUAL(op->name.len, (i == 2 || i == 3) ? 3 : i == 6 ? 1 : 0);
    }
    struct gql_operation *q = (struct gql_operation *)doc->definitions.items[6];
    CU_ASSERT_EQUAL(q->directives.count, 1);
    arena_free(a);
}

static void test_creates_the_ast_with_locations(void)
{
    struct arena *a = arena_new(0);
    struct gql_document *doc = PARSE_OK(a, "{\n  node(id: 4) {\n    id,\n    name\n  }\n}\n");
    struct gql_operation *op = ONLY(doc, struct gql_operation);
    CU_ASSERT_FATAL(op != NULL);
    CU_ASSERT(LOC_IS(&doc->node, 1, 1));
    CU_ASSERT_EQUAL(doc->token_count, 12);
    CU_ASSERT_EQUAL(op->node.kind, GQL_OPERATION_DEFINITION);
    CU_ASSERT_EQUAL(op->operation, GQL_QUERY);
    CU_ASSERT_EQUAL(op->name.len, 0);
    CU_ASSERT_EQUAL(op->variables.count, 0);
    CU_ASSERT_EQUAL(op->directives.count, 0);
    CU_ASSERT(LOC_IS(&op->node, 1, 1));
    CU_ASSERT(LOC_IS(&op->selection_set->node, 1, 1));
    CU_ASSERT_EQUAL_FATAL(op->selection_set->selections.count, 1);
    struct gql_selection *node = op->selection_set->selections.items[0];
    CU_ASSERT_EQUAL(node->node.kind, GQL_FIELD);
    CU_ASSERT(LOC_IS(&node->node, 2, 3));
    CU_ASSERT(str_eq_cstr(node->name, "node"));
    CU_ASSERT_EQUAL(node->alias.len, 0);
    CU_ASSERT_EQUAL_FATAL(node->args.count, 1);
    struct gql_argument *arg = node->args.items[0];
    CU_ASSERT(LOC_IS(&arg->node, 2, 8));
    CU_ASSERT(str_eq_cstr(arg->name, "id"));
    CU_ASSERT_EQUAL(arg->value->node.kind, GQL_INT_VALUE);
    CU_ASSERT(LOC_IS(&arg->value->node, 2, 12));
    CU_ASSERT(str_eq_cstr(arg->value->str, "4"));
    CU_ASSERT_EQUAL(node->directives.count, 0);
    CU_ASSERT_FATAL(node->selection_set != NULL);
    CU_ASSERT(LOC_IS(&node->selection_set->node, 2, 15));
    CU_ASSERT_EQUAL_FATAL(node->selection_set->selections.count, 2);
    struct gql_selection *id = node->selection_set->selections.items[0];
    struct gql_selection *name = node->selection_set->selections.items[1];
    CU_ASSERT(str_eq_cstr(id->name, "id") && LOC_IS(&id->node, 3, 5));
    CU_ASSERT(str_eq_cstr(name->name, "name") && LOC_IS(&name->node, 4, 5));
    CU_ASSERT_PTR_NULL(id->selection_set);
    arena_free(a);
}

static void test_names_are_slices_of_the_source(void)
{
    static const char src[] = "query Q { alias: field }";
    struct arena *a = arena_new(0);
    struct gql_document *doc = parse_ok_at(__LINE__, a, src, sizeof src - 1, NULL);
    struct gql_operation *op = ONLY(doc, struct gql_operation);
    CU_ASSERT_FATAL(op != NULL);
    CU_ASSERT_PTR_EQUAL(op->name.ptr, src + 6);
    struct gql_selection *f = op->selection_set->selections.items[0];
    CU_ASSERT_PTR_EQUAL(f->alias.ptr, src + 10);
    CU_ASSERT(str_eq_cstr(f->alias, "alias"));
    CU_ASSERT(str_eq_cstr(f->name, "field"));
    CU_ASSERT(LOC_IS(&f->node, 1, 11)); /* a field starts at its alias */
    arena_free(a);
}

static void test_parses_fragments_and_spreads(void)
{
    struct arena *a = arena_new(0);
    struct gql_document *doc =
            PARSE_OK(a, "{ ...F @d ... on T @e { a } ... @skip(if: true) { b } ... { c } }\n"
                        "fragment F on T @f { d }");
    CU_ASSERT_FATAL(doc != NULL && doc->definitions.count == 2);
    struct gql_operation *op = (struct gql_operation *)doc->definitions.items[0];
    CU_ASSERT_EQUAL_FATAL(op->selection_set->selections.count, 4);
    struct gql_selection **s = op->selection_set->selections.items;
    CU_ASSERT_EQUAL(s[0]->node.kind, GQL_FRAGMENT_SPREAD);
    CU_ASSERT(str_eq_cstr(s[0]->name, "F"));
    CU_ASSERT_EQUAL(s[0]->directives.count, 1);
    CU_ASSERT_PTR_NULL(s[0]->selection_set);
    CU_ASSERT(LOC_IS(&s[0]->node, 1, 3));
    CU_ASSERT_EQUAL(s[1]->node.kind, GQL_INLINE_FRAGMENT);
    CU_ASSERT_FATAL(s[1]->type_condition != NULL);
    CU_ASSERT_EQUAL(s[1]->type_condition->node.kind, GQL_NAMED_TYPE);
    CU_ASSERT(str_eq_cstr(s[1]->type_condition->name, "T"));
    CU_ASSERT(str_eq_cstr(s[1]->directives.items[0]->name, "e"));
    CU_ASSERT_EQUAL(s[2]->node.kind, GQL_INLINE_FRAGMENT);
    CU_ASSERT_PTR_NULL(s[2]->type_condition);
    CU_ASSERT(str_eq_cstr(s[2]->directives.items[0]->name, "skip"));
    CU_ASSERT_EQUAL(s[3]->node.kind, GQL_INLINE_FRAGMENT);
    CU_ASSERT_PTR_NULL(s[3]->type_condition);
    CU_ASSERT_EQUAL(s[3]->directives.count, 0);
    CU_ASSERT_PTR_NOT_NULL(s[3]->selection_set);
    struct gql_fragment *fr = (struct gql_fragment *)doc->definitions.items[1];
    CU_ASSERT_EQUAL(fr->node.kind, GQL_FRAGMENT_DEFINITION);
    CU_ASSERT(str_eq_cstr(fr->name, "F"));
    CU_ASSERT(str_eq_cstr(fr->type_condition->name, "T"));
    CU_ASSERT_EQUAL(fr->directives.count, 1);
    CU_ASSERT(LOC_IS(&fr->node, 2, 1));
    arena_free(a);
}

static void test_parses_variable_definitions(void)
{
    struct arena *a = arena_new(0);
    struct gql_document *doc =
            PARSE_OK(a, "query Q($a: Int, $b: [String!]! = [\"x\"] @d(k: 1), $c: In = {f: ENUM}) "
                        "{ f(a: $a) }");
    struct gql_operation *op = ONLY(doc, struct gql_operation);
    CU_ASSERT_FATAL(op != NULL && op->variables.count == 3);
    struct gql_variable_definition *a0 = op->variables.items[0];
    struct gql_variable_definition *b = op->variables.items[1];
    struct gql_variable_definition *c = op->variables.items[2];
    CU_ASSERT(str_eq_cstr(a0->name, "a"));
    CU_ASSERT(LOC_IS(&a0->node, 1, 9));
    CU_ASSERT_EQUAL(a0->type->node.kind, GQL_NAMED_TYPE);
    CU_ASSERT_PTR_NULL(a0->default_value);
    CU_ASSERT_EQUAL(b->type->node.kind, GQL_NON_NULL_TYPE);
    CU_ASSERT(LOC_IS(&b->type->node, 1, 22));
    CU_ASSERT_EQUAL(b->type->of->node.kind, GQL_LIST_TYPE);
    CU_ASSERT_EQUAL(b->type->of->of->node.kind, GQL_NON_NULL_TYPE);
    CU_ASSERT(str_eq_cstr(b->type->of->of->of->name, "String"));
    CU_ASSERT_EQUAL(b->default_value->node.kind, GQL_LIST_VALUE);
    CU_ASSERT_EQUAL(b->directives.count, 1);
    CU_ASSERT_EQUAL(c->default_value->node.kind, GQL_OBJECT_VALUE);
    CU_ASSERT_EQUAL(c->default_value->fields.items[0]->value->node.kind, GQL_ENUM_VALUE);
    arena_free(a);
}

static void test_parses_every_kind_of_value(void)
{
    struct arena *a = arena_new(0);
    struct gql_document *doc = PARSE_OK(
            a, "{ f(a: null, b: [123 \"abc\"], c: [], d: {}, e: \"\"\"\n    long\n    text\"\"\","
               " g: -1.5e3, h: ENUM, i: $v, j: {k: [{l: true}], m: false}, n: \"e\\u00e9\","
               " o: 0) }");
    struct gql_operation *op = ONLY(doc, struct gql_operation);
    CU_ASSERT_FATAL(op != NULL);
    struct gql_selection *f = op->selection_set->selections.items[0];
    CU_ASSERT_EQUAL_FATAL(f->args.count, 11);
    struct gql_ast_value *v[11];
    for (size_t i = 0; i < 11; i++)
        v[i] = f->args.items[i]->value;
    CU_ASSERT_EQUAL(v[0]->node.kind, GQL_NULL_VALUE);
    CU_ASSERT_EQUAL(v[1]->node.kind, GQL_LIST_VALUE);
    CU_ASSERT_EQUAL_FATAL(v[1]->list.count, 2);
    CU_ASSERT_EQUAL(v[1]->list.items[0]->node.kind, GQL_INT_VALUE);
    CU_ASSERT_EQUAL(v[1]->list.items[1]->node.kind, GQL_STRING_VALUE);
    CU_ASSERT(str_eq_cstr(v[1]->list.items[1]->str, "abc"));
    CU_ASSERT(!v[1]->list.items[1]->block);
    CU_ASSERT(v[2]->node.kind == GQL_LIST_VALUE && v[2]->list.count == 0);
    CU_ASSERT(v[3]->node.kind == GQL_OBJECT_VALUE && v[3]->fields.count == 0);
    CU_ASSERT(v[4]->node.kind == GQL_STRING_VALUE && v[4]->block);
    CU_ASSERT(str_eq_cstr(v[4]->str, "long\ntext"));
    CU_ASSERT(v[5]->node.kind == GQL_FLOAT_VALUE && str_eq_cstr(v[5]->str, "-1.5e3"));
    CU_ASSERT(v[6]->node.kind == GQL_ENUM_VALUE && str_eq_cstr(v[6]->str, "ENUM"));
    CU_ASSERT(v[7]->node.kind == GQL_VARIABLE && str_eq_cstr(v[7]->str, "v"));
    CU_ASSERT_EQUAL(v[8]->node.kind, GQL_OBJECT_VALUE);
    CU_ASSERT_EQUAL_FATAL(v[8]->fields.count, 2);
    CU_ASSERT(str_eq_cstr(v[8]->fields.items[0]->name, "k"));
    CU_ASSERT_EQUAL(v[8]->fields.items[0]->node.kind, GQL_OBJECT_FIELD);
    struct gql_ast_value *inner = v[8]->fields.items[0]->value->list.items[0];
    CU_ASSERT_EQUAL(inner->fields.items[0]->value->node.kind, GQL_BOOLEAN_VALUE);
    CU_ASSERT(inner->fields.items[0]->value->boolean);
    CU_ASSERT(!v[8]->fields.items[1]->value->boolean);
    CU_ASSERT(str_eq_cstr(v[9]->str, "e\xC3\xA9"));
    CU_ASSERT(v[10]->node.kind == GQL_INT_VALUE && str_eq_cstr(v[10]->str, "0"));
    arena_free(a);
}

static void test_parses_multi_byte_characters(void)
{
    struct arena *a = arena_new(0);
    struct gql_document *doc =
            PARSE_OK(a, "# This comment has a \xE0\xA8\x8A multi-byte character.\n"
                        "{ field(arg: \"Has a \xE0\xA8\x8A multi-byte character.\") }");
    struct gql_operation *op = ONLY(doc, struct gql_operation);
    CU_ASSERT_FATAL(op != NULL);
    struct gql_selection *f = op->selection_set->selections.items[0];
    CU_ASSERT(
            str_eq_cstr(f->args.items[0]->value->str, "Has a \xE0\xA8\x8A multi-byte character."));
    arena_free(a);
}

static void test_a_long_list_keeps_every_item_in_order(void)
{
    struct arena *a = arena_new(0);
    struct buf b = BUF_INIT(a);
    buf_appends(&b, "{ f(x: [");
    for (int i = 0; i < 1000; i++)
        buf_appendf(&b, "%d ", i);
    buf_appends(&b, "]) }");
    struct gql_document *doc = parse_ok_at(__LINE__, a, b.ptr, b.len, NULL);
    struct gql_operation *op = ONLY(doc, struct gql_operation);
    CU_ASSERT_FATAL(op != NULL);
    struct gql_ast_value *list = op->selection_set->selections.items[0]->args.items[0]->value;
    CU_ASSERT_EQUAL_FATAL(list->list.count, 1000);
    for (int i = 0; i < 1000; i++) {
        char want[16];
        snprintf(want, sizeof want, "%d", i);
        CU_ASSERT(str_eq_cstr(list->list.items[i]->str, want));
    }
    arena_free(a);
}

/* A document with every executable construct (our own, modelled on graphql-js's
 * kitchen-sink.graphql). */
static const char kitchen_sink[] =
        "# Every executable construct once.\n"
        "query ShopPage($shop: ID!, $sort: SortOrder = NEWEST, $tags: [String!] = [\"a\", \"b\"],\n"
        "               $flag: Boolean! = false @onVariable) @onQuery {\n"
        "  first: shop(id: $shop) {\n"
        "    id,\n"
        "    ... on Vendor @onInlineFragment {\n"
        "      products(first: 10, after: $cursor, sort: $sort) @include(if: $flag) {\n"
        "        edges { node { id ...ProductCard @onFragmentSpread } }\n"
        "      }\n"
        "    }\n"
        "    ... @skip(if: $flag) { rating }\n"
        "    ... { id }\n"
        "  }\n"
        "}\n"
        "\n"
        "mutation AddToCart @onMutation {\n"
        "  addToCart(input: {productId: 7, quantity: 2, note: null, gift: true}) @onField {\n"
        "    cart { total }\n"
        "  }\n"
        "}\n"
        "\n"
        "subscription Orders($input: OrderFilter @onVariableDefinition) @onSubscription {\n"
        "  orderUpdated(filter: $input) { id status }\n"
        "}\n"
        "\n"
        "fragment ProductCard on Product @onFragmentDefinition {\n"
        "  name(locale: EN_GB, fallback: \"en\", size: -1.5e2, block: \"\"\"\n"
        "      uses \\\"\"\" inside\n"
        "  \"\"\")\n"
        "}\n"
        "\n"
        "{\n"
        "  unnamed(truthy: true, falsy: false, nullish: null),\n"
        "  query\n"
        "}\n"
        "\n"
        "query { __typename }\n";

static void test_parses_the_kitchen_sink(void)
{
    struct arena *a = arena_new(0);
    struct gql_document *doc = PARSE_OK(a, kitchen_sink);
    CU_ASSERT_FATAL(doc != NULL);
    CU_ASSERT_EQUAL_FATAL(doc->definitions.count, 6);
    static const enum gql_kind kinds[] = { GQL_OPERATION_DEFINITION, GQL_OPERATION_DEFINITION,
                                           GQL_OPERATION_DEFINITION, GQL_FRAGMENT_DEFINITION,
                                           GQL_OPERATION_DEFINITION, GQL_OPERATION_DEFINITION };
    for (size_t i = 0; i < 6; i++)
        CU_ASSERT_EQUAL(doc->definitions.items[i]->kind, kinds[i]);
    struct gql_operation *q = (struct gql_operation *)doc->definitions.items[0];
    CU_ASSERT(str_eq_cstr(q->name, "ShopPage"));
    CU_ASSERT_EQUAL(q->variables.count, 4);
    CU_ASSERT(LOC_IS(&q->node, 2, 1));
    CU_ASSERT(LOC_IS(&q->variables.items[3]->node, 3, 16));
    struct gql_selection *first = q->selection_set->selections.items[0];
    CU_ASSERT(str_eq_cstr(first->alias, "first") && str_eq_cstr(first->name, "shop"));
    CU_ASSERT_EQUAL(first->selection_set->selections.count, 4);
    struct gql_fragment *fr = (struct gql_fragment *)doc->definitions.items[3];
    struct gql_selection *name = fr->selection_set->selections.items[0];
    CU_ASSERT_EQUAL_FATAL(name->args.count, 4);
    CU_ASSERT(str_eq_cstr(name->args.items[3]->value->str, "uses \"\"\" inside"));
    CU_ASSERT(name->args.items[3]->value->block);
    struct gql_operation *shorthand = (struct gql_operation *)doc->definitions.items[4];
    CU_ASSERT_EQUAL(shorthand->operation, GQL_QUERY);
    CU_ASSERT_EQUAL(shorthand->name.len, 0);
    arena_free(a);
}

static void test_every_prefix_of_a_document_parses_or_fails_cleanly(void)
{
    struct arena *a = arena_new(0);
    size_t n = strlen(kitchen_sink);
    size_t failures = 0;
    for (size_t len = 0; len <= n; len++) {
        /* A copy of exactly len bytes so that ASan catches any read past the end. */
        char *copy = malloc(len ? len : 1);
        memcpy(copy, kitchen_sink, len);
        struct gql_errors errs = { 0 };
        struct gql_document *doc = NULL;
        int rc = gql_parse(a, copy, len, NULL, &doc, &errs);
        if (rc == WM_OK) {
            CU_ASSERT(doc != NULL && errs.count == 0);
        } else {
            failures++;
            CU_ASSERT(rc == WM_EINVAL && doc == NULL && errs.count == 1);
            CU_ASSERT(strncmp(errs.items[0].message, "Syntax Error: ", 14) == 0);
        }
        free(copy);
        arena_reset(a);
    }
    CU_ASSERT(failures > n / 2);
    arena_free(a);
}

static void test_garbage_input_fails_cleanly(void)
{
    static const char *const inputs[] = {
        "\xFF\xFE\xFD",  "{ a(x: \"\xC3\") }", "}}}}",        "((((",     "[[[[",        "@@@@",
        "$$$$",          "{ a(x: [[[[",        "{ a(x: {{{{", "\"\"\"",   "query (",     "!",
        "{ a(x: \"\\u{", "type T { f(",        "schema {",    "enum E {", "directive @",
    };
    struct arena *a = arena_new(0);
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        struct gql_errors errs = { 0 };
        struct gql_document *doc = NULL;
        int rc = gql_parse(a, inputs[i], strlen(inputs[i]), NULL, &doc, &errs);
        CU_ASSERT(rc == WM_EINVAL && doc == NULL && errs.count == 1);
        arena_reset(a);
    }
    /* NUL bytes are characters like any other, not terminators. */
    static const char nul[] = "{ a }\0{ b }";
    expect_error_at(__LINE__, nul, sizeof nul - 1, NULL, WM_EINVAL,
                    "Syntax Error: Unexpected character: U+0000.", 1, 6);
    /* A NUL in a string is a character too; a message cannot hold it: it shows as U+FFFD. */
    static const char nul_string[] = "{ \"a\0b\" }";
    expect_error_at(__LINE__, nul_string, sizeof nul_string - 1, NULL, WM_EINVAL,
                    "Syntax Error: Expected Name, found String \"a\xEF\xBF\xBD"
                    "b\".",
                    1, 3);
    arena_free(a);
}

/* ---- limits ------------------------------------------------------------------------------ */

static void test_the_token_limit_is_enforced(void)
{
    struct gql_limits three = { .max_tokens = 3 };
    struct gql_limits two = { .max_tokens = 2 };
    struct gql_limits eight = { .max_tokens = 8 };
    struct gql_limits seven = { .max_tokens = 7 };
    struct arena *a = arena_new(0);
    struct gql_document *doc = parse_ok_at(__LINE__, a, "{ foo }", 7, &three);
    CU_ASSERT(doc != NULL && doc->token_count == 3);
    doc = parse_ok_at(__LINE__, a, "{ foo(bar: \"baz\") }", 19, &eight);
    CU_ASSERT(doc != NULL && doc->token_count == 8);
    /* Comments, commas and white space are not tokens. */
    doc = parse_ok_at(__LINE__, a, "# c\n{ foo,,, # d\n }", 19, &three);
    CU_ASSERT(doc != NULL && doc->token_count == 3);
    arena_free(a);
    EXPECT_LIMIT_ERROR("{ foo }", &two, "Document contains more than 2 tokens. Parsing aborted.", 1,
                       7);
    EXPECT_LIMIT_ERROR("{ foo(bar: \"baz\") }", &seven,
                       "Document contains more than 7 tokens. Parsing aborted.", 1, 19);
}

static void test_the_default_limits_apply_without_limits(void)
{
    struct arena *a = arena_new(0);
    struct buf b = BUF_INIT(a);
    buf_appendc(&b, '{');
    for (int i = 0; i < GQL_DEFAULT_MAX_TOKENS; i++)
        buf_appends(&b, " a");
    buf_appendc(&b, '}');
    struct gql_errors errs = { 0 };
    struct gql_document *doc;
    CU_ASSERT_EQUAL(gql_parse(a, b.ptr, b.len, NULL, &doc, &errs), WM_ELIMIT);
    CU_ASSERT_EQUAL_FATAL(errs.count, 1);
    CU_ASSERT_STRING_EQUAL(errs.items[0].message,
                           "Syntax Error: Document contains more than 20000 tokens. Parsing "
                           "aborted.");
    /* No limit at all when both are 0. */
    struct gql_limits none = { 0 };
    CU_ASSERT_PTR_NOT_NULL(parse_ok_at(__LINE__, a, b.ptr, b.len, &none));
    arena_free(a);
}

/* n nested selection sets: {a{a{a ... }}} */
static char *nested_selections(struct arena *a, int n)
{
    struct buf b = BUF_INIT(a);
    for (int i = 0; i < n; i++)
        buf_appends(&b, i + 1 < n ? "{a" : "{a}");
    for (int i = 1; i < n; i++)
        buf_appendc(&b, '}');
    return b.ptr;
}

static void test_the_nesting_limit_is_enforced(void)
{
    struct gql_limits five = { .max_depth = 5 };
    struct arena *a = arena_new(0);
    char *ok = nested_selections(a, 5);
    CU_ASSERT_PTR_NOT_NULL(parse_ok_at(__LINE__, a, ok, strlen(ok), &five));
    CU_ASSERT_PTR_NOT_NULL(parse_ok_at(__LINE__, a, "{ a(x: [[[1]]]) }", 17, &five));
    CU_ASSERT_PTR_NOT_NULL(parse_ok_at(__LINE__, a, "{ a(x: {b: {c: [1]}}) }", 23, &five));
    CU_ASSERT_PTR_NOT_NULL(parse_ok_at(__LINE__, a, "query ($a: [[[[[Int]]]]]) { a }", 31, &five));
    char *deep = nested_selections(a, 6);
    EXPECT_LIMIT_ERROR(deep, &five, "Document nesting is deeper than 5 levels.", 1, 11);
    /* Values and list types count too, on top of the selection sets around them. */
    EXPECT_LIMIT_ERROR("{ a(x: [[[[[1]]]]]) }", &five, "Document nesting is deeper than 5 levels.",
                       1, 12);
    EXPECT_LIMIT_ERROR("{ a { b(x: {c: {d: [[1]]}}) } }", &five,
                       "Document nesting is deeper than 5 levels.", 1, 21);
    EXPECT_LIMIT_ERROR("query ($a: [[[[[[Int]]]]]]) { a }", &five,
                       "Document nesting is deeper than 5 levels.", 1, 17);
    EXPECT_LIMIT_ERROR("type T { f(a: [[[[[[Int]]]]]]): Int }", &five,
                       "Document nesting is deeper than 5 levels.", 1, 20);
    EXPECT_LIMIT_ERROR("input I { f: Int = {a: {a: {a: {a: {a: {a: 1}}}}}} }", &five,
                       "Document nesting is deeper than 5 levels.", 1, 40);
    arena_free(a);
}

static void test_hostile_nesting_cannot_exhaust_the_stack(void)
{
    static const char *const shapes[][2] = {
        { "", "{a" },           /* selection sets */
        { "{ a(x: ", "[" },     /* list values */
        { "{ a(x: ", "{a:" },   /* object values */
        { "query ($v: ", "[" }, /* list types */
    };
    struct arena *a = arena_new(0);
    for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
        struct buf b = BUF_INIT(a);
        buf_appends(&b, shapes[k][0]);
        for (int i = 0; i < 200000; i++)
            buf_appends(&b, shapes[k][1]);
        struct gql_errors errs = { 0 };
        struct gql_document *doc;
        CU_ASSERT_EQUAL(gql_parse(a, b.ptr, b.len, NULL, &doc, &errs), WM_ELIMIT);
        CU_ASSERT_EQUAL_FATAL(errs.count, 1);
        CU_ASSERT_STRING_EQUAL(errs.items[0].message,
                               "Syntax Error: Document nesting is deeper than 64 levels.");
        arena_reset(a);
    }
    arena_free(a);
}

/* ---- type system (SDL) ------------------------------------------------------------------- */

static void test_parses_object_types_with_descriptions(void)
{
    struct arena *a = arena_new(0);
    struct gql_document *doc = PARSE_OK(a, "\"Description\"\ntype Hello {\n  world: String\n}");
    struct gql_type_def *t = ONLY(doc, struct gql_type_def);
    CU_ASSERT_FATAL(t != NULL);
    CU_ASSERT_EQUAL(t->node.kind, GQL_OBJECT_TYPE_DEFINITION);
    CU_ASSERT(LOC_IS(&t->node, 1, 1)); /* a definition starts at its description */
    CU_ASSERT(str_eq_cstr(t->description, "Description"));
    CU_ASSERT(str_eq_cstr(t->name, "Hello"));
    CU_ASSERT_EQUAL_FATAL(t->fields.count, 1);
    CU_ASSERT(LOC_IS(&t->fields.items[0]->node, 3, 3));
    CU_ASSERT_PTR_NULL(t->fields.items[0]->description.ptr);
    CU_ASSERT(str_eq_cstr(t->fields.items[0]->type->name, "String"));

    doc = PARSE_OK(a, "\"\"\"\n  Block description\n    indented\n\"\"\"\ntype Hello { world: "
                      "String! }");
    t = ONLY(doc, struct gql_type_def);
    CU_ASSERT_FATAL(t != NULL);
    CU_ASSERT(str_eq_cstr(t->description, "Block description\n  indented"));
    CU_ASSERT_EQUAL(t->fields.items[0]->type->node.kind, GQL_NON_NULL_TYPE);

    doc = PARSE_OK(a, "\"\" type Empty");
    t = ONLY(doc, struct gql_type_def);
    CU_ASSERT_FATAL(t != NULL);
    CU_ASSERT_PTR_NOT_NULL(t->description.ptr); /* present, if empty */
    CU_ASSERT_EQUAL(t->description.len, 0);
    CU_ASSERT_EQUAL(t->fields.count, 0);
    arena_free(a);
}

static void test_parses_implemented_interfaces(void)
{
    static const char *const srcs[] = {
        "type Hello implements World { field: String }",
        "interface Hello implements World { field: String }",
        "type Hello implements Wo & rld { field: String }",
        "interface Hello implements Wo & rld { field: String }",
        "type Hello implements & Wo & rld { field: String }",
        "interface Hello implements & Wo & rld { field: String }",
    };
    struct arena *a = arena_new(0);
    for (size_t i = 0; i < 6; i++) {
        struct gql_document *doc = parse_ok_at(__LINE__, a, srcs[i], strlen(srcs[i]), NULL);
        struct gql_type_def *t = ONLY(doc, struct gql_type_def);
        CU_ASSERT_FATAL(t != NULL);
        CU_ASSERT_EQUAL(t->node.kind,
                        i % 2 ? GQL_INTERFACE_TYPE_DEFINITION : GQL_OBJECT_TYPE_DEFINITION);
        CU_ASSERT_EQUAL(t->interfaces.count, i < 2 ? 1 : 2);
        CU_ASSERT_EQUAL(t->fields.count, 1);
    }
    arena_free(a);
    EXPECT_SYNTAX_ERROR("type Hello implements Wo rld { field: String }",
                        "Unexpected Name \"rld\".", 1, 26);
    EXPECT_SYNTAX_ERROR("type Hello implements Wo && rld { f: I }", "Expected Name, found \"&\".",
                        1, 27);
    EXPECT_SYNTAX_ERROR("type Hello implements & & Wo { f: I }", "Expected Name, found \"&\".", 1,
                        25);
    EXPECT_SYNTAX_ERROR("type Hello implements Wo & { f: I }", "Expected Name, found \"{\".", 1,
                        28);
}

static void test_parses_fields_with_arguments(void)
{
    struct arena *a = arena_new(0);
    struct gql_document *doc = PARSE_OK(
            a, "type Hello {\n  world(flag: Boolean = true @d, \"doc\" things: [String] = [\"a\"], "
               "obj: In = {a: 1}): [Int!]! @deprecated(reason: \"no\")\n}");
    struct gql_type_def *t = ONLY(doc, struct gql_type_def);
    CU_ASSERT_FATAL(t != NULL && t->fields.count == 1);
    struct gql_field_def *f = t->fields.items[0];
    CU_ASSERT_EQUAL_FATAL(f->args.count, 3);
    CU_ASSERT_EQUAL(f->args.items[0]->node.kind, GQL_INPUT_VALUE_DEFINITION);
    CU_ASSERT_EQUAL(f->args.items[0]->default_value->node.kind, GQL_BOOLEAN_VALUE);
    CU_ASSERT_EQUAL(f->args.items[0]->directives.count, 1);
    CU_ASSERT(str_eq_cstr(f->args.items[1]->description, "doc"));
    CU_ASSERT_EQUAL(f->args.items[1]->type->node.kind, GQL_LIST_TYPE);
    CU_ASSERT_EQUAL(f->args.items[2]->default_value->node.kind, GQL_OBJECT_VALUE);
    CU_ASSERT_EQUAL(f->type->node.kind, GQL_NON_NULL_TYPE);
    CU_ASSERT_EQUAL(f->directives.count, 1);
    arena_free(a);
    EXPECT_SYNTAX_ERROR("type Hello { world(): String }", "Expected Name, found \")\".", 1, 20);
    EXPECT_SYNTAX_ERROR("type Hello { world }", "Expected \":\", found \"}\".", 1, 20);
    EXPECT_SYNTAX_ERROR("type Hello {}", "Expected Name, found \"}\".", 1, 13);
}

static void test_parses_unions(void)
{
    struct arena *a = arena_new(0);
    struct gql_document *doc = PARSE_OK(a, "union Hello @d = | Wo | Rld");
    struct gql_type_def *t = ONLY(doc, struct gql_type_def);
    CU_ASSERT_FATAL(t != NULL);
    CU_ASSERT_EQUAL(t->node.kind, GQL_UNION_TYPE_DEFINITION);
    CU_ASSERT_EQUAL(t->members.count, 2);
    CU_ASSERT_EQUAL(t->directives.count, 1);
    doc = PARSE_OK(a, "union Hello = World");
    t = ONLY(doc, struct gql_type_def);
    CU_ASSERT(t != NULL && t->members.count == 1);
    doc = PARSE_OK(a, "union Hello");
    t = ONLY(doc, struct gql_type_def);
    CU_ASSERT(t != NULL && t->members.count == 0);
    arena_free(a);
    EXPECT_SYNTAX_ERROR("union Hello = |", "Expected Name, found <EOF>.", 1, 16);
    EXPECT_SYNTAX_ERROR("union Hello = || Wo | Rld", "Expected Name, found \"|\".", 1, 16);
    EXPECT_SYNTAX_ERROR("union Hello = Wo || Rld", "Expected Name, found \"|\".", 1, 19);
    EXPECT_SYNTAX_ERROR("union Hello = | Wo | Rld |", "Expected Name, found <EOF>.", 1, 27);
}

static void test_parses_scalars_enums_and_inputs(void)
{
    struct arena *a = arena_new(0);
    struct gql_document *doc =
            PARSE_OK(a, "scalar Hello @specifiedBy(url: \"u\")\n"
                        "enum Hello { WORLD \"doc\" RED @deprecated, GREEN }\n"
                        "input Hello { world: String = \"x\" @d, \"doc\" other: [Int!] }");
    CU_ASSERT_FATAL(doc != NULL && doc->definitions.count == 3);
    struct gql_type_def *s = (struct gql_type_def *)doc->definitions.items[0];
    struct gql_type_def *e = (struct gql_type_def *)doc->definitions.items[1];
    struct gql_type_def *in = (struct gql_type_def *)doc->definitions.items[2];
    CU_ASSERT_EQUAL(s->node.kind, GQL_SCALAR_TYPE_DEFINITION);
    CU_ASSERT_EQUAL(s->directives.count, 1);
    CU_ASSERT_EQUAL(e->node.kind, GQL_ENUM_TYPE_DEFINITION);
    CU_ASSERT_EQUAL_FATAL(e->values.count, 3);
    CU_ASSERT_EQUAL(e->values.items[0]->node.kind, GQL_ENUM_VALUE_DEFINITION);
    CU_ASSERT(str_eq_cstr(e->values.items[1]->name, "RED"));
    CU_ASSERT(str_eq_cstr(e->values.items[1]->description, "doc"));
    CU_ASSERT_EQUAL(e->values.items[1]->directives.count, 1);
    CU_ASSERT(LOC_IS(&e->values.items[1]->node, 2, 20));
    CU_ASSERT_EQUAL(in->node.kind, GQL_INPUT_OBJECT_TYPE_DEFINITION);
    CU_ASSERT_EQUAL_FATAL(in->input_fields.count, 2);
    CU_ASSERT_EQUAL(in->input_fields.items[0]->default_value->node.kind, GQL_STRING_VALUE);
    CU_ASSERT(str_eq_cstr(in->input_fields.items[1]->description, "doc"));
    arena_free(a);
    EXPECT_SYNTAX_ERROR("enum Test { VALID, true }",
                        "Name \"true\" is reserved and cannot be used for an enum value.", 1, 20);
    EXPECT_SYNTAX_ERROR("enum Test { VALID, false }",
                        "Name \"false\" is reserved and cannot be used for an enum value.", 1, 20);
    EXPECT_SYNTAX_ERROR("enum Test { VALID, null }",
                        "Name \"null\" is reserved and cannot be used for an enum value.", 1, 20);
    EXPECT_SYNTAX_ERROR("enum Test {}", "Expected Name, found \"}\".", 1, 12);
    EXPECT_SYNTAX_ERROR("input Hello { world(foo: Int): String }", "Expected \":\", found \"(\".",
                        1, 20);
    EXPECT_SYNTAX_ERROR("input Hello {}", "Expected Name, found \"}\".", 1, 14);
}

static void test_parses_schema_definitions(void)
{
    struct arena *a = arena_new(0);
    struct gql_document *doc =
            PARSE_OK(a, "\"the schema\" schema @d { query: Q mutation: M subscription: S }");
    struct gql_schema_def *s = ONLY(doc, struct gql_schema_def);
    CU_ASSERT_FATAL(s != NULL);
    CU_ASSERT_EQUAL(s->node.kind, GQL_SCHEMA_DEFINITION);
    CU_ASSERT(str_eq_cstr(s->description, "the schema"));
    CU_ASSERT_EQUAL(s->directives.count, 1);
    CU_ASSERT_EQUAL_FATAL(s->operation_types.count, 3);
    CU_ASSERT_EQUAL(s->operation_types.items[0]->node.kind, GQL_OPERATION_TYPE_DEFINITION);
    CU_ASSERT_EQUAL(s->operation_types.items[1]->operation, GQL_MUTATION);
    CU_ASSERT(str_eq_cstr(s->operation_types.items[2]->type->name, "S"));
    arena_free(a);
    EXPECT_SYNTAX_ERROR("schema {}", "Expected Name, found \"}\".", 1, 9);
    EXPECT_SYNTAX_ERROR("schema @d", "Expected \"{\", found <EOF>.", 1, 10);
    EXPECT_SYNTAX_ERROR("schema { unknown: T }", "Unexpected Name \"unknown\".", 1, 10);
    EXPECT_SYNTAX_ERROR("schema { query T }", "Expected \":\", found Name \"T\".", 1, 16);
}

static void test_parses_directive_definitions(void)
{
    struct arena *a = arena_new(0);
    struct gql_document *doc = PARSE_OK(
            a, "\"doc\" directive @foo(arg: Int = 1) repeatable on | FIELD | FRAGMENT_SPREAD\n");
    struct gql_directive_def *d = ONLY(doc, struct gql_directive_def);
    CU_ASSERT_FATAL(d != NULL);
    CU_ASSERT_EQUAL(d->node.kind, GQL_DIRECTIVE_DEFINITION);
    CU_ASSERT(str_eq_cstr(d->name, "foo"));
    CU_ASSERT(d->repeatable);
    CU_ASSERT_EQUAL(d->args.count, 1);
    CU_ASSERT_EQUAL_FATAL(d->locations.count, 2);
    CU_ASSERT(str_eq_cstr(d->locations.items[1]->name, "FRAGMENT_SPREAD"));
    doc = PARSE_OK(a, "directive @all on QUERY | MUTATION | SUBSCRIPTION | FIELD | "
                      "FRAGMENT_DEFINITION | FRAGMENT_SPREAD | INLINE_FRAGMENT | "
                      "VARIABLE_DEFINITION | SCHEMA | SCALAR | OBJECT | FIELD_DEFINITION | "
                      "ARGUMENT_DEFINITION | INTERFACE | UNION | ENUM | ENUM_VALUE | "
                      "INPUT_OBJECT | INPUT_FIELD_DEFINITION");
    d = ONLY(doc, struct gql_directive_def);
    CU_ASSERT(d != NULL && d->locations.count == 19 && !d->repeatable);
    arena_free(a);
    EXPECT_SYNTAX_ERROR("directive @foo on FIELD | INCORRECT_LOCATION",
                        "Unexpected Name \"INCORRECT_LOCATION\".", 1, 27);
    EXPECT_SYNTAX_ERROR("directive @foo on field", "Unexpected Name \"field\".", 1, 19);
    EXPECT_SYNTAX_ERROR("directive @foo", "Expected \"on\", found <EOF>.", 1, 15);
    EXPECT_SYNTAX_ERROR("directive foo on FIELD", "Expected \"@\", found Name \"foo\".", 1, 11);
    EXPECT_SYNTAX_ERROR("directive @foo repeatable", "Expected \"on\", found <EOF>.", 1, 26);
    EXPECT_SYNTAX_ERROR("directive @foo on", "Expected Name, found <EOF>.", 1, 18);
}

static void test_parses_every_extension(void)
{
    struct arena *a = arena_new(0);
    struct gql_document *doc = PARSE_OK(a, "extend schema @d\n"
                                           "extend schema { mutation: Mutation }\n"
                                           "extend scalar S @d\n"
                                           "extend type Hello { world: String }\n"
                                           "extend type Hello implements Greeting\n"
                                           "extend type Hello @d\n"
                                           "extend interface Hello implements Greeting\n"
                                           "extend interface Hello { f: Int }\n"
                                           "extend union U = A | B\n"
                                           "extend union U @d\n"
                                           "extend enum E { X }\n"
                                           "extend enum E @d\n"
                                           "extend input I { f: Int }\n"
                                           "extend input I @d\n");
    CU_ASSERT_FATAL(doc != NULL);
    static const enum gql_kind kinds[] = {
        GQL_SCHEMA_EXTENSION,
        GQL_SCHEMA_EXTENSION,
        GQL_SCALAR_TYPE_EXTENSION,
        GQL_OBJECT_TYPE_EXTENSION,
        GQL_OBJECT_TYPE_EXTENSION,
        GQL_OBJECT_TYPE_EXTENSION,
        GQL_INTERFACE_TYPE_EXTENSION,
        GQL_INTERFACE_TYPE_EXTENSION,
        GQL_UNION_TYPE_EXTENSION,
        GQL_UNION_TYPE_EXTENSION,
        GQL_ENUM_TYPE_EXTENSION,
        GQL_ENUM_TYPE_EXTENSION,
        GQL_INPUT_OBJECT_TYPE_EXTENSION,
        GQL_INPUT_OBJECT_TYPE_EXTENSION,
    };
    CU_ASSERT_EQUAL_FATAL(doc->definitions.count, 14);
    for (size_t i = 0; i < 14; i++) {
        CU_ASSERT_EQUAL(doc->definitions.items[i]->kind, kinds[i]);
        CU_ASSERT_EQUAL(doc->definitions.items[i]->loc.line, i + 1);
        CU_ASSERT_EQUAL(doc->definitions.items[i]->loc.column, 1);
    }
    struct gql_schema_def *se = (struct gql_schema_def *)doc->definitions.items[1];
    CU_ASSERT_EQUAL(se->operation_types.count, 1);
    CU_ASSERT_PTR_NULL(se->description.ptr);
    struct gql_type_def *ext = (struct gql_type_def *)doc->definitions.items[4];
    CU_ASSERT(ext->interfaces.count == 1 && ext->fields.count == 0);
    struct gql_type_def *u = (struct gql_type_def *)doc->definitions.items[8];
    CU_ASSERT_EQUAL(u->members.count, 2);
    arena_free(a);
}

static void test_an_extension_that_adds_nothing_is_an_error(void)
{
    EXPECT_SYNTAX_ERROR("extend schema", "Unexpected <EOF>.", 1, 14);
    EXPECT_SYNTAX_ERROR("extend scalar Hello", "Unexpected <EOF>.", 1, 20);
    EXPECT_SYNTAX_ERROR("extend type Hello", "Unexpected <EOF>.", 1, 18);
    EXPECT_SYNTAX_ERROR("extend interface Hello", "Unexpected <EOF>.", 1, 23);
    EXPECT_SYNTAX_ERROR("extend union Hello", "Unexpected <EOF>.", 1, 19);
    EXPECT_SYNTAX_ERROR("extend enum Hello", "Unexpected <EOF>.", 1, 18);
    EXPECT_SYNTAX_ERROR("extend input Hello", "Unexpected <EOF>.", 1, 19);
    EXPECT_SYNTAX_ERROR("extend type Hello { f: Int } extend scalar S type X",
                        "Unexpected Name \"type\".", 1, 46);
    EXPECT_SYNTAX_ERROR("extend schema { unknown: SomeType }", "Unexpected Name \"unknown\".", 1,
                        17);
    EXPECT_SYNTAX_ERROR("extend foo", "Unexpected Name \"foo\".", 1, 8);
    EXPECT_SYNTAX_ERROR("extend", "Unexpected <EOF>.", 1, 7);
    EXPECT_SYNTAX_ERROR("extend \"Description\" type Hello { f: Int }",
                        "Unexpected String \"Description\".", 1, 8);
}

static void test_descriptions_only_go_on_type_system_definitions(void)
{
    EXPECT_SYNTAX_ERROR("\"Description\"\n      extend type Hello { world: String }",
                        "Unexpected description, descriptions are supported only on type "
                        "definitions.",
                        1, 1);
    EXPECT_SYNTAX_ERROR("\"\"\"Description\"\"\" query { a }",
                        "Unexpected description, descriptions are supported only on type "
                        "definitions.",
                        1, 1);
    EXPECT_SYNTAX_ERROR("\"Description\" 123", "Unexpected Int \"123\".", 1, 15);
    EXPECT_SYNTAX_ERROR("\"Description\" { a }", "Unexpected \"{\".", 1, 15);
    EXPECT_SYNTAX_ERROR("\"Description\"", "Unexpected <EOF>.", 1, 14);
    EXPECT_SYNTAX_ERROR("\"Description\" \"again\" type T", "Unexpected String \"again\".", 1, 15);
}

/* A schema with every type-system construct (ours, after graphql-js's
 * schema-kitchen-sink.graphql). */
static const char schema_kitchen_sink[] =
        "\"\"\"A marketplace schema with every construct.\"\"\"\n"
        "schema @onSchema {\n"
        "  query: QueryType\n"
        "  mutation: MutationType\n"
        "}\n"
        "\n"
        "\"\"\"\n"
        "A thing for sale.\n"
        "\n"
        "  With an indented line.\n"
        "\"\"\"\n"
        "type Product implements Node & Priced @onObject {\n"
        "  \"The id.\"\n"
        "  id: ID!\n"
        "  price(currency: Currency = EUR, round: Boolean = true @onArgumentDefinition): Int\n"
        "    @deprecated(reason: \"use amount\")\n"
        "  tags(first: Int = 10, filter: TagFilter = {prefix: \"a\", kinds: [NEW, USED]}): "
        "[String!]!\n"
        "}\n"
        "type Empty\n"
        "interface Node { id: ID! }\n"
        "interface Priced implements Node & Thing @onInterface { id: ID! price: Int }\n"
        "union SearchResult @onUnion = | Product | Vendor\n"
        "union Undecided\n"
        "scalar DateTime @specifiedBy(url: \"https://example.com/date-time\")\n"
        "enum Currency {\n"
        "  EUR\n"
        "  \"United States dollar\"\n"
        "  USD @deprecated\n"
        "  GBP\n"
        "}\n"
        "enum Unknown\n"
        "input TagFilter @onInputObject {\n"
        "  prefix: String = \"x\" @onInputFieldDefinition\n"
        "  kinds: [Kind!]\n"
        "}\n"
        "extend schema @onSchema\n"
        "extend schema { subscription: SubscriptionType }\n"
        "extend scalar DateTime @onScalar\n"
        "extend type Product implements Auditable\n"
        "extend type Product @onObject\n"
        "extend type Product { createdAt: DateTime }\n"
        "extend interface Node @onInterface\n"
        "extend interface Node implements Thing\n"
        "extend union SearchResult = Category\n"
        "extend enum Currency { JPY }\n"
        "extend input TagFilter { limit: Int }\n"
        "\"\"\"Caches a field.\"\"\"\n"
        "directive @cached(ttl: Int = 60) repeatable on\n"
        "  | FIELD_DEFINITION\n"
        "  | OBJECT\n";

static void test_parses_the_schema_kitchen_sink(void)
{
    struct arena *a = arena_new(0);
    struct gql_document *doc = PARSE_OK(a, schema_kitchen_sink);
    CU_ASSERT_FATAL(doc != NULL);
    CU_ASSERT_EQUAL_FATAL(doc->definitions.count, 23);
    struct gql_schema_def *s = (struct gql_schema_def *)doc->definitions.items[0];
    CU_ASSERT(str_eq_cstr(s->description, "A marketplace schema with every construct."));
    struct gql_type_def *p = (struct gql_type_def *)doc->definitions.items[1];
    CU_ASSERT(str_eq_cstr(p->description, "A thing for sale.\n\n  With an indented line."));
    CU_ASSERT(LOC_IS(&p->node, 7, 1));
    CU_ASSERT_EQUAL(p->interfaces.count, 2);
    CU_ASSERT_EQUAL(p->fields.count, 3);
    CU_ASSERT(str_eq_cstr(p->fields.items[0]->description, "The id."));
    struct gql_directive_def *d = (struct gql_directive_def *)doc->definitions.items[22];
    CU_ASSERT_EQUAL(d->node.kind, GQL_DIRECTIVE_DEFINITION);
    CU_ASSERT(d->repeatable && d->locations.count == 2);
    arena_free(a);
}

/* ---- the client contract ----------------------------------------------------------------- */

/* The contract directory, or NULL when it is not there. */
static char *contract_dir(struct arena *a)
{
    const char *root = getenv("MARKET_ROOT");
    const char *candidates[] = {
        root ? arena_printf(a, "%s/../shared/client-contract", root) : NULL,
        "../shared/client-contract",
    };
    for (size_t i = 0; i < 2; i++) {
        if (candidates[i] == NULL) continue;
        DIR *d = opendir(candidates[i]);
        if (d != NULL) {
            closedir(d);
            return arena_strdup(a, candidates[i]);
        }
    }
    return NULL;
}

/* The whole file at path in the arena (length in *len), or NULL. */
static char *read_file(struct arena *a, const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) return NULL;
    struct buf b = BUF_INIT(a);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_append(&b, chunk, n);
    if (fclose(f) != 0) return NULL;
    *len = b.len;
    return b.ptr;
}

/* Parse every *.graphql file in dir as an executable document; returns how many. */
static size_t parse_operations_in(struct arena *a, const char *dir)
{
    size_t count = 0;
    DIR *d = opendir(dir);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 8 || strcmp(e->d_name + n - 8, ".graphql") != 0) continue;
        char *path = arena_printf(a, "%s/%s", dir, e->d_name);
        size_t len = 0;
        char *text = read_file(a, path, &len);
        check(text != NULL, __LINE__, "cannot read %s", path);
        if (text == NULL) continue;
        struct gql_errors errs = { 0 };
        struct gql_document *doc = NULL;
        int rc = gql_parse(a, text, len, NULL, &doc, &errs);
        check(rc == WM_OK, __LINE__, "%s: %s", path, errs.count ? errs.items[0].message : "");
        if (rc == WM_OK) {
            for (size_t i = 0; i < doc->definitions.count; i++) {
                enum gql_kind k = doc->definitions.items[i]->kind;
                check(k == GQL_OPERATION_DEFINITION || k == GQL_FRAGMENT_DEFINITION, __LINE__,
                      "%s: a %s in an operation file", path, gql_kind_name(k));
            }
        }
        count++;
    }
    closedir(d);
    return count;
}

static void test_every_contract_operation_parses(void)
{
    struct arena *a = arena_new(0);
    char *dir = contract_dir(a);
    if (dir == NULL) {
        printf("\n    skipped: the client contract (../shared/client-contract) is not here ");
        arena_free(a);
        return;
    }
    size_t n = parse_operations_in(a, arena_printf(a, "%s/operations", dir));
    CU_ASSERT(n > 0);
    char *wire = arena_printf(a, "%s/operations/wire", dir);
    DIR *d = opendir(wire);
    if (d != NULL) {
        closedir(d);
        CU_ASSERT(parse_operations_in(a, wire) > 0);
    }
    arena_free(a);
}

static void test_the_contract_schema_parses_as_sdl(void)
{
    struct arena *a = arena_new(0);
    char *dir = contract_dir(a);
    if (dir == NULL) {
        printf("\n    skipped: the client contract (../shared/client-contract) is not here ");
        arena_free(a);
        return;
    }
    size_t len = 0;
    char *text = read_file(a, arena_printf(a, "%s/derived-schema.graphql", dir), &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    struct gql_limits lim = { .max_tokens = 0, .max_depth = GQL_DEFAULT_MAX_DEPTH };
    struct gql_document *doc = parse_ok_at(__LINE__, a, text, len, &lim);
    CU_ASSERT_FATAL(doc != NULL);
    CU_ASSERT(doc->definitions.count > 10);
    for (size_t i = 0; i < doc->definitions.count; i++) {
        enum gql_kind k = doc->definitions.items[i]->kind;
        CU_ASSERT(k != GQL_OPERATION_DEFINITION && k != GQL_FRAGMENT_DEFINITION);
    }
    arena_free(a);
}

/* ---- ast.c -------------------------------------------------------------------------------- */

static void test_kinds_and_operations_have_graphql_js_names(void)
{
    CU_ASSERT_STRING_EQUAL(gql_kind_name(GQL_DOCUMENT), "Document");
    CU_ASSERT_STRING_EQUAL(gql_kind_name(GQL_FIELD), "Field");
    CU_ASSERT_STRING_EQUAL(gql_kind_name(GQL_INT_VALUE), "IntValue");
    CU_ASSERT_STRING_EQUAL(gql_kind_name(GQL_NON_NULL_TYPE), "NonNullType");
    CU_ASSERT_STRING_EQUAL(gql_kind_name(GQL_INPUT_OBJECT_TYPE_EXTENSION),
                           "InputObjectTypeExtension");
    for (int k = 0; k < GQL_KIND_COUNT; k++)
        CU_ASSERT(gql_kind_name((enum gql_kind)k)[0] != '\0');
    CU_ASSERT_STRING_EQUAL(gql_operation_type_name(GQL_QUERY), "query");
    CU_ASSERT_STRING_EQUAL(gql_operation_type_name(GQL_MUTATION), "mutation");
    CU_ASSERT_STRING_EQUAL(gql_operation_type_name(GQL_SUBSCRIPTION), "subscription");
}

#define NAME_LOC_IS(n, l, c) ((n)->name_loc.line == (l) && (n)->name_loc.column == (c))

/* Where graphql-js's name nodes start (node.name.loc), for the same text. */
static void test_names_carry_where_they_start(void)
{
    struct arena *a = arena_new(0);
    struct gql_document *doc = PARSE_OK(a, "query  Foo($\n"
                                           "  a: Int, $b: [T!]) {\n"
                                           "  alias :  field\n"
                                           "  ...\n"
                                           "    Frag\n"
                                           "  ... on T { x }\n"
                                           "}\n"
                                           "fragment\tFrag on T { x }\n"
                                           "{ y }\n");
    CU_ASSERT_FATAL(doc != NULL && doc->definitions.count == 3);
    const struct gql_operation *op = (const struct gql_operation *)doc->definitions.items[0];
    CU_ASSERT(NAME_LOC_IS(op, 1, 8));
    CU_ASSERT_FATAL(op->variables.count == 2);
    CU_ASSERT(NAME_LOC_IS(op->variables.items[0], 2, 3));
    CU_ASSERT(LOC_IS(&op->variables.items[0]->node, 1, 12));
    CU_ASSERT(NAME_LOC_IS(op->variables.items[1], 2, 12));
    const struct gql_selection_set *set = op->selection_set;
    CU_ASSERT_FATAL(set->selections.count == 3);
    const struct gql_selection *field = set->selections.items[0];
    CU_ASSERT(str_eq_cstr(field->alias, "alias") && str_eq_cstr(field->name, "field"));
    CU_ASSERT(LOC_IS(&field->node, 3, 3) && NAME_LOC_IS(field, 3, 12));
    const struct gql_selection *spread = set->selections.items[1];
    CU_ASSERT(spread->node.kind == GQL_FRAGMENT_SPREAD && str_eq_cstr(spread->name, "Frag"));
    CU_ASSERT(LOC_IS(&spread->node, 4, 3) && NAME_LOC_IS(spread, 5, 5));
    const struct gql_selection *inline_fragment = set->selections.items[2];
    CU_ASSERT(inline_fragment->node.kind == GQL_INLINE_FRAGMENT);
    CU_ASSERT(NAME_LOC_IS(inline_fragment, 0, 0));
    CU_ASSERT(NAME_LOC_IS(inline_fragment->selection_set->selections.items[0], 6, 14));
    const struct gql_fragment *fragment = (const struct gql_fragment *)doc->definitions.items[1];
    CU_ASSERT(LOC_IS(&fragment->node, 8, 1) && NAME_LOC_IS(fragment, 8, 10));
    const struct gql_operation *anonymous = (const struct gql_operation *)doc->definitions.items[2];
    CU_ASSERT(anonymous->name.len == 0 && NAME_LOC_IS(anonymous, 0, 0));
    CU_ASSERT(NAME_LOC_IS(anonymous->selection_set->selections.items[0], 9, 3));
    arena_free(a);
}

static CU_TestInfo tests[] = {
    { "an empty document is an error", test_an_empty_document_is_an_error },
    { "provides useful errors", test_provides_useful_errors },
    { "variables are not constants", test_variables_are_not_constants },
    { "fragments cannot be named on", test_fragments_cannot_be_named_on },
    { "non-keywords are allowed where a name is", test_non_keywords_are_allowed_where_a_name_is },
    { "parses operations of every type", test_parses_operations_of_every_type },
    { "creates the AST with locations", test_creates_the_ast_with_locations },
    { "names are slices of the source", test_names_are_slices_of_the_source },
    { "parses fragments and spreads", test_parses_fragments_and_spreads },
    { "parses variable definitions", test_parses_variable_definitions },
    { "parses every kind of value", test_parses_every_kind_of_value },
    { "parses multi-byte characters", test_parses_multi_byte_characters },
    { "a long list keeps every item in order", test_a_long_list_keeps_every_item_in_order },
    { "parses the kitchen sink", test_parses_the_kitchen_sink },
    { "every prefix of a document parses or fails cleanly",
      test_every_prefix_of_a_document_parses_or_fails_cleanly },
    { "garbage input fails cleanly", test_garbage_input_fails_cleanly },
    { "the token limit is enforced", test_the_token_limit_is_enforced },
    { "the default limits apply without limits", test_the_default_limits_apply_without_limits },
    { "the nesting limit is enforced", test_the_nesting_limit_is_enforced },
    { "hostile nesting cannot exhaust the stack", test_hostile_nesting_cannot_exhaust_the_stack },
    { "parses object types with descriptions", test_parses_object_types_with_descriptions },
    { "parses implemented interfaces", test_parses_implemented_interfaces },
    { "parses fields with arguments", test_parses_fields_with_arguments },
    { "parses unions", test_parses_unions },
    { "parses scalars, enums and inputs", test_parses_scalars_enums_and_inputs },
    { "parses schema definitions", test_parses_schema_definitions },
    { "parses directive definitions", test_parses_directive_definitions },
    { "parses every extension", test_parses_every_extension },
    { "an extension that adds nothing is an error",
      test_an_extension_that_adds_nothing_is_an_error },
    { "descriptions only go on type-system definitions",
      test_descriptions_only_go_on_type_system_definitions },
    { "parses the schema kitchen sink", test_parses_the_schema_kitchen_sink },
    { "every contract operation parses", test_every_contract_operation_parses },
    { "the contract schema parses as SDL", test_the_contract_schema_parses_as_sdl },
    { "kinds and operations have graphql-js names",
      test_kinds_and_operations_have_graphql_js_names },
    { "names carry where they start", test_names_carry_where_they_start },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_language_parser, "graphql/language/parser", NULL, NULL, tests);
