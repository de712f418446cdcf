/*
 * test_schema.c: unit tests for src/graphql/type/schema.c on a small built schema: lookups by
 * name (slices that are not NUL-terminated included), the cached list and non-null wrappers,
 * the type predicates, the comparators of graphql-js typeComparators-test.ts
 * (isEqualType, isTypeSubTypeOf, doTypesOverlap) and type printing.
 */
#include "graphql/graphql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "test.h"

static int resolve_null(struct gql_call *call, struct gql_value *out)
{
    (void)call;
    *out = gql_null();
    return WM_OK;
}

static const char sdl[] =
        "interface Node { id: ID! }\n"
        "interface Named implements Node { id: ID! name: String }\n"
        "type Product implements Node & Named { id: ID! name: String "
        "price(currency: String, round: Boolean): Float }\n"
        "type Vendor implements Node { id: ID! }\n"
        "type Other { x: Int }\n"
        "union Result = Product | Vendor\n"
        "union Misc = Other\n"
        "union Both = Vendor | Other\n"
        "enum Color { RED GREEN }\n"
        "input Filter { color: Color min: Float }\n"
        "directive @tag on FIELD_DEFINITION\n"
        "type Query { node: Node results: [Result!]! products(filter: Filter): [Product] }\n";

static struct gql_schema *build(void)
{
    static const struct gql_root_field roots[] = {
        { "Query", "node", resolve_null, 0 },
        { "Query", "results", resolve_null, 0 },
        { "Query", "products", resolve_null, 0 },
    };
    static const struct gql_type_map maps[] = { { "Product", NULL },
                                                { "Vendor", NULL },
                                                { "Other", NULL } };
    struct gql_schema *s = NULL;
    char err[512];
    int rc = gql_schema_build(&s, sdl, strlen(sdl), roots, 3, maps, 3, err, sizeof err);
    CU_ASSERT_EQUAL(rc, WM_OK);
    if (rc != WM_OK) fprintf(stderr, "build: %s\n", err);
    return s;
}

static struct gql_type *T(const struct gql_schema *s, const char *name)
{
    struct gql_type *t = gql_schema_type(s, name, strlen(name));
    CU_ASSERT_PTR_NOT_NULL(t);
    return t;
}

static void test_kind_and_location_names(void)
{
    CU_ASSERT_STRING_EQUAL(gql_type_kind_name(GQL_TYPE_SCALAR), "SCALAR");
    CU_ASSERT_STRING_EQUAL(gql_type_kind_name(GQL_TYPE_INPUT_OBJECT), "INPUT_OBJECT");
    CU_ASSERT_STRING_EQUAL(gql_type_kind_name(GQL_TYPE_NON_NULL), "NON_NULL");
    CU_ASSERT_STRING_EQUAL(gql_type_kind_name((enum gql_type_kind)99), "UNKNOWN");
    CU_ASSERT_STRING_EQUAL(gql_directive_location_name(GQL_LOC_BIT_QUERY), "QUERY");
    CU_ASSERT_STRING_EQUAL(gql_directive_location_name(GQL_LOC_BIT_VARIABLE_DEFINITION),
                           "VARIABLE_DEFINITION");
    CU_ASSERT_STRING_EQUAL(gql_directive_location_name(GQL_LOC_COUNT - 1),
                           "INPUT_FIELD_DEFINITION");
    CU_ASSERT_PTR_NULL(gql_directive_location_name(GQL_LOC_COUNT));
    CU_ASSERT_EQUAL(GQL_LOC_COUNT, 19);
}

static void test_types_are_found_by_name_and_length(void)
{
    struct gql_schema *s = build();
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    for (size_t i = 0; i < s->ntypes; i++) {
        const char *n = s->types[i]->name;
        CU_ASSERT_PTR_EQUAL(gql_schema_type(s, n, strlen(n)), s->types[i]);
        if (i) CU_ASSERT(strcmp(s->types[i - 1]->name, n) < 0);
    }
    CU_ASSERT_PTR_EQUAL(gql_schema_type(s, "ProductXYZ", 7), T(s, "Product"));
    CU_ASSERT_PTR_EQUAL(gql_schema_type(s, "IDs", 2), T(s, "ID"));
    CU_ASSERT_PTR_NULL(gql_schema_type(s, "Produc", 6));
    CU_ASSERT_PTR_NULL(gql_schema_type(s, "Products", 8));
    CU_ASSERT_PTR_NULL(gql_schema_type(s, "product", 7));
    CU_ASSERT_PTR_NULL(gql_schema_type(s, "", 0));
    CU_ASSERT_PTR_NULL(gql_schema_type(s, "A\0B", 3));
    CU_ASSERT_PTR_NULL(gql_schema_type(NULL, "Query", 5));
    CU_ASSERT_PTR_NULL(gql_schema_type(s, NULL, 0));
    CU_ASSERT_PTR_NOT_NULL(gql_schema_directive(s, "tagged", 3));
    CU_ASSERT_PTR_NULL(gql_schema_directive(s, "ta", 2));
    gql_schema_free(s);
}

static void test_fields_arguments_and_values_are_found_by_name(void)
{
    struct gql_schema *s = build();
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    struct gql_type *p = T(s, "Product");
    struct gql_field *price = gql_type_field(p, "price!", 5);
    CU_ASSERT_PTR_NOT_NULL_FATAL(price);
    CU_ASSERT_STRING_EQUAL(price->name, "price");
    CU_ASSERT_PTR_EQUAL(gql_field_arg(price, "round", 5), &price->args[1]);
    CU_ASSERT_PTR_NULL(gql_field_arg(price, "rounds", 6));
    CU_ASSERT_PTR_NULL(gql_field_arg(NULL, "x", 1));
    CU_ASSERT_PTR_NULL(gql_type_field(p, "__typename", 10)); /* meta fields are not listed */
    CU_ASSERT_PTR_NOT_NULL(gql_type_field(T(s, "Node"), "id", 2));
    CU_ASSERT_PTR_NULL(gql_type_field(T(s, "Filter"), "min", 3)); /* input fields: elsewhere */
    CU_ASSERT_PTR_NOT_NULL(gql_type_input_field(T(s, "Filter"), "min", 3));
    CU_ASSERT_PTR_NULL(gql_type_input_field(p, "id", 2));
    CU_ASSERT_PTR_NOT_NULL(gql_type_enum_value(T(s, "Color"), "GREEN", 5));
    CU_ASSERT_PTR_NULL(gql_type_enum_value(T(s, "Color"), "BLUE", 4));
    CU_ASSERT_PTR_NULL(gql_type_enum_value(p, "id", 2));
    CU_ASSERT_PTR_NULL(gql_type_field(NULL, "id", 2));
    gql_schema_free(s);
}

/* __Type has more fields than are scanned in order: they are found through the type's index,
 * and nothing else is (prefixes, longer names, other case, NUL bytes). */
static void test_the_fields_of_a_wide_type_are_found_through_its_index(void)
{
    struct gql_schema *s = build();
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    struct gql_type *t = T(s, "__Type");
    CU_ASSERT(t->nfields > 8 && t->field_slots != NULL);
    for (size_t i = 0; i < t->nfields; i++) {
        const char *n = t->fields[i].name;
        char longer[64];
        snprintf(longer, sizeof longer, "%sx", n);
        CU_ASSERT_PTR_EQUAL(gql_type_field(t, n, strlen(n)), &t->fields[i]);
        CU_ASSERT_PTR_EQUAL(gql_type_field(t, longer, strlen(n)), &t->fields[i]);
        CU_ASSERT_PTR_NULL(gql_type_field(t, longer, strlen(longer)));
        CU_ASSERT_PTR_NULL(gql_type_field(t, n, strlen(n) - 1));
    }
    CU_ASSERT_PTR_NULL(gql_type_field(t, "OFTYPE", 6));
    CU_ASSERT_PTR_NULL(gql_type_field(t, "of\0ype", 6));
    CU_ASSERT_PTR_NULL(gql_type_field(t, "", 0));
    /* A type with few fields is scanned. */
    CU_ASSERT_PTR_NULL(T(s, "Product")->field_slots);
    gql_schema_free(s);
}

/* gql_name_eq() reads a schema name no further than its end. GCC 12 at -O2 inlines these
 * constant strings, unrolls the loop and warns about the read after it on paths that the
 * loop's early return makes unreachable (-Warray-bounds, -Wmaybe-uninitialized: false
 * positives); AddressSanitizer below is the real check. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Warray-bounds"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
static void test_names_compare_without_reading_past_their_end(void)
{
    CU_ASSERT(gql_name_eq("name", STR("name")));
    CU_ASSERT(!gql_name_eq("name", STR("nam")));
    CU_ASSERT(!gql_name_eq("nam", STR("name")));
    CU_ASSERT(!gql_name_eq("name", ((struct str){ "name\0", 5 })));
    CU_ASSERT(!gql_name_eq("a", ((struct str){ "a\0b", 3 })));
    CU_ASSERT(!gql_name_eq("", STR("a")));
    CU_ASSERT(gql_name_eq("", STR("")));
    CU_ASSERT(!gql_name_eq(NULL, STR("")));
    /* Exactly three bytes: AddressSanitizer catches a read past them. */
    char *ab = malloc(3);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ab);
    memcpy(ab, "ab", 3);
    CU_ASSERT(!gql_name_eq(ab, STR("abcdef")));
    CU_ASSERT(gql_name_eq(ab, STR("ab")));
    free(ab);
}
#pragma GCC diagnostic pop

static void test_wrappers_are_made_once_and_cached(void)
{
    struct gql_schema *s = build();
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    struct arena *a = arena_new(0);
    struct gql_type *i = T(s, "Int");
    struct gql_type *li = gql_list_of(s, i);
    CU_ASSERT_EQUAL(li->kind, GQL_TYPE_LIST);
    CU_ASSERT_PTR_EQUAL(li->of_type, i);
    CU_ASSERT_PTR_NULL(li->name);
    CU_ASSERT_PTR_EQUAL(gql_list_of(s, i), li);
    struct gql_type *nn = gql_non_null_of(s, i);
    CU_ASSERT_EQUAL(nn->kind, GQL_TYPE_NON_NULL);
    CU_ASSERT_PTR_EQUAL(gql_non_null_of(s, i), nn);
    struct gql_type *deep = gql_non_null_of(s, gql_list_of(s, gql_non_null_of(s, li)));
    CU_ASSERT_STRING_EQUAL(gql_type_str(a, deep), "[[Int]!]!");
    CU_ASSERT_PTR_EQUAL(gql_named_type(deep), i);
    CU_ASSERT_PTR_EQUAL(gql_nullable_type(deep), deep->of_type);
    CU_ASSERT_PTR_EQUAL(gql_nullable_type(li), li);
    CU_ASSERT_PTR_EQUAL(gql_named_type(i), i);
    CU_ASSERT_PTR_NULL(gql_named_type(NULL));
    /* The SDL's own wrappers are the same cached objects. */
    struct gql_type *results = gql_type_field(s->query, "results", 7)->type;
    CU_ASSERT_PTR_EQUAL(results,
                        gql_non_null_of(s, gql_list_of(s, gql_non_null_of(s, T(s, "Result")))));
    CU_ASSERT_STRING_EQUAL(gql_type_str(a, results), "[Result!]!");
    CU_ASSERT_STRING_EQUAL(gql_type_str(a, T(s, "Product")), "Product");
    CU_ASSERT_STRING_EQUAL(gql_type_str(a, NULL), "");
    arena_free(a);
    gql_schema_free(s);
}

static void test_predicates_follow_definition_ts(void)
{
    struct gql_schema *s = build();
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    struct gql_type *scalar = T(s, "String"), *object = T(s, "Product"), *iface = T(s, "Node"),
                    *uni = T(s, "Result"), *enm = T(s, "Color"), *input = T(s, "Filter");
    struct gql_type *list_input = gql_non_null_of(s, gql_list_of(s, input));
    struct gql_type *list_object = gql_list_of(s, object);

    CU_ASSERT(gql_type_is_input(scalar) && gql_type_is_input(enm) && gql_type_is_input(input));
    CU_ASSERT(gql_type_is_input(list_input));
    CU_ASSERT(!gql_type_is_input(object) && !gql_type_is_input(iface) && !gql_type_is_input(uni));
    CU_ASSERT(!gql_type_is_input(list_object));
    CU_ASSERT(gql_type_is_output(scalar) && gql_type_is_output(object) &&
              gql_type_is_output(iface));
    CU_ASSERT(gql_type_is_output(uni) && gql_type_is_output(enm) &&
              gql_type_is_output(list_object));
    CU_ASSERT(!gql_type_is_output(input) && !gql_type_is_output(list_input));
    CU_ASSERT(gql_type_is_leaf(scalar) && gql_type_is_leaf(enm));
    CU_ASSERT(!gql_type_is_leaf(object) && !gql_type_is_leaf(gql_list_of(s, scalar)));
    CU_ASSERT(gql_type_is_composite(object) && gql_type_is_composite(iface));
    CU_ASSERT(gql_type_is_composite(uni) && !gql_type_is_composite(input));
    CU_ASSERT(!gql_type_is_composite(list_object));
    CU_ASSERT(gql_type_is_abstract(iface) && gql_type_is_abstract(uni));
    CU_ASSERT(!gql_type_is_abstract(object) && !gql_type_is_abstract(enm));
    CU_ASSERT(gql_type_is_non_null(list_input) && !gql_type_is_non_null(list_object));
    CU_ASSERT(!gql_type_is_input(NULL) && !gql_type_is_output(NULL) && !gql_type_is_leaf(NULL));
    CU_ASSERT(!gql_type_is_non_null(NULL) && !gql_type_is_abstract(NULL));
    gql_schema_free(s);
}

static void test_possible_types_of_unions_and_interfaces(void)
{
    struct gql_schema *s = build();
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    struct gql_type *node = T(s, "Node"), *named = T(s, "Named"), *result = T(s, "Result");
    struct gql_type *product = T(s, "Product"), *vendor = T(s, "Vendor"), *other = T(s, "Other");
    CU_ASSERT(gql_is_possible_type(node, product) && gql_is_possible_type(node, vendor));
    CU_ASSERT(!gql_is_possible_type(node, other));
    CU_ASSERT(!gql_is_possible_type(node, named)); /* an interface is no possible type */
    CU_ASSERT(gql_is_possible_type(named, product) && !gql_is_possible_type(named, vendor));
    CU_ASSERT(gql_is_possible_type(result, vendor) && !gql_is_possible_type(result, other));
    CU_ASSERT(!gql_is_possible_type(product, product));
    CU_ASSERT(!gql_is_possible_type(NULL, product));
    CU_ASSERT_EQUAL(node->npossible_types, 2);
    CU_ASSERT_PTR_EQUAL(node->possible_types[0], product); /* source order */
    CU_ASSERT_PTR_EQUAL(node->possible_types[1], vendor);
    gql_schema_free(s);
}

static void test_is_equal_type(void)
{
    struct gql_schema *s = build();
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    struct gql_type *i = T(s, "Int"), *f = T(s, "Float");
    CU_ASSERT(gql_is_equal_type(i, i));
    CU_ASSERT(!gql_is_equal_type(i, f));
    CU_ASSERT(gql_is_equal_type(gql_list_of(s, i), gql_list_of(s, i)));
    CU_ASSERT(!gql_is_equal_type(gql_list_of(s, i), i));
    CU_ASSERT(gql_is_equal_type(gql_non_null_of(s, i), gql_non_null_of(s, i)));
    CU_ASSERT(!gql_is_equal_type(gql_non_null_of(s, i), i));
    CU_ASSERT(!gql_is_equal_type(gql_list_of(s, i), gql_non_null_of(s, i)));
    CU_ASSERT(!gql_is_equal_type(i, NULL));
    /* The same SDL built twice gives equal types. */
    struct gql_schema *s2 = build();
    CU_ASSERT_PTR_NOT_NULL_FATAL(s2);
    CU_ASSERT(
            gql_is_equal_type(gql_list_of(s, T(s, "Product")), gql_list_of(s2, T(s2, "Product"))));
    gql_schema_free(s2);
    gql_schema_free(s);
}

static void test_is_type_subtype_of(void)
{
    struct gql_schema *s = build();
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    struct gql_type *i = T(s, "Int"), *f = T(s, "Float");
    struct gql_type *node = T(s, "Node"), *named = T(s, "Named"), *result = T(s, "Result");
    struct gql_type *product = T(s, "Product"), *other = T(s, "Other");
    CU_ASSERT(gql_is_type_subtype_of(s, i, i));                      /* same reference */
    CU_ASSERT(!gql_is_type_subtype_of(s, i, f));                     /* int is not float */
    CU_ASSERT(gql_is_type_subtype_of(s, gql_non_null_of(s, i), i));  /* non-null is nullable */
    CU_ASSERT(!gql_is_type_subtype_of(s, i, gql_non_null_of(s, i))); /* not the reverse */
    CU_ASSERT(!gql_is_type_subtype_of(s, i, gql_list_of(s, i)));     /* item is not a list */
    CU_ASSERT(!gql_is_type_subtype_of(s, gql_list_of(s, i), i));     /* list is not an item */
    CU_ASSERT(gql_is_type_subtype_of(s, product, result));           /* member of a union */
    CU_ASSERT(gql_is_type_subtype_of(s, product, node));             /* implementation */
    CU_ASSERT(gql_is_type_subtype_of(s, named, node));               /* interface of interface */
    CU_ASSERT(!gql_is_type_subtype_of(s, node, named));
    CU_ASSERT(!gql_is_type_subtype_of(s, other, node));
    CU_ASSERT(!gql_is_type_subtype_of(s, node, product));
    CU_ASSERT(gql_is_type_subtype_of(
            s, gql_non_null_of(s, gql_list_of(s, gql_non_null_of(s, product))),
            gql_list_of(s, node)));
    CU_ASSERT(!gql_is_type_subtype_of(s, gql_list_of(s, product),
                                      gql_list_of(s, gql_non_null_of(s, node))));
    CU_ASSERT(!gql_is_type_subtype_of(s, NULL, i));
    gql_schema_free(s);
}

static void test_do_types_overlap(void)
{
    struct gql_schema *s = build();
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    struct gql_type *node = T(s, "Node"), *named = T(s, "Named"), *result = T(s, "Result");
    struct gql_type *misc = T(s, "Misc"), *both = T(s, "Both");
    struct gql_type *product = T(s, "Product"), *vendor = T(s, "Vendor"), *other = T(s, "Other");
    CU_ASSERT(gql_do_types_overlap(s, product, product));
    CU_ASSERT(!gql_do_types_overlap(s, product, vendor));
    CU_ASSERT(gql_do_types_overlap(s, node, product) && gql_do_types_overlap(s, product, node));
    CU_ASSERT(!gql_do_types_overlap(s, node, other) && !gql_do_types_overlap(s, other, node));
    CU_ASSERT(gql_do_types_overlap(s, result, vendor) && gql_do_types_overlap(s, vendor, result));
    CU_ASSERT(gql_do_types_overlap(s, result, node) && gql_do_types_overlap(s, node, result));
    CU_ASSERT(gql_do_types_overlap(s, named, result));
    CU_ASSERT(!gql_do_types_overlap(s, misc, result) && !gql_do_types_overlap(s, misc, node));
    CU_ASSERT(gql_do_types_overlap(s, both, misc) && gql_do_types_overlap(s, both, result));
    CU_ASSERT(!gql_do_types_overlap(s, both, named));
    CU_ASSERT(!gql_do_types_overlap(s, NULL, product));
    gql_schema_free(s);
}

static CU_TestInfo tests[] = {
    { "kind and location names", test_kind_and_location_names },
    { "types are found by name and length", test_types_are_found_by_name_and_length },
    { "fields, arguments and values are found by name",
      test_fields_arguments_and_values_are_found_by_name },
    { "wrappers are made once and cached", test_wrappers_are_made_once_and_cached },
    { "predicates follow definition.ts", test_predicates_follow_definition_ts },
    { "possible types of unions and interfaces", test_possible_types_of_unions_and_interfaces },
    { "isEqualType", test_is_equal_type },
    { "isTypeSubTypeOf", test_is_type_subtype_of },
    { "doTypesOverlap", test_do_types_overlap },
    { "the fields of a wide type are found through its index",
      test_the_fields_of_a_wide_type_are_found_through_its_index },
    { "names compare without reading past their end",
      test_names_compare_without_reading_past_their_end },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_type_schema, "graphql/type/schema", NULL, NULL, tests);
