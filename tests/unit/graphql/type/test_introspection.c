/*
 * test_introspection.c: unit tests for src/graphql/type/introspection.c: every introspection
 * resolver called directly, as the executor calls it, on a small schema: what each returns
 * for each kind of type, the includeDeprecated filters, defaults printed as GraphQL, the
 * concrete type carried by every returned object, and the meta fields __schema, __type and
 * __typename. Also checks that the introspection types have graphql-js's shape.
 */
#include "graphql/graphql.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/ctx.h"
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

static int resolve_null(struct gql_call *call, struct gql_value *out)
{
    (void)call;
    *out = gql_null();
    return WM_OK;
}

static const char sdl[] =
        "\"\"\"The shop.\"\"\"\n"
        "schema { query: Query mutation: Mutation }\n"
        "\"Things that have an id.\"\n"
        "interface Node { id: ID! }\n"
        "type Product implements Node {\n"
        "  id: ID!\n"
        "  \"The name.\"\n"
        "  name: String\n"
        "  title: String @deprecated(reason: \"Use name.\")\n"
        "  price(currency: String = \"EUR\", old: Int @deprecated, round: Boolean!): Float\n"
        "}\n"
        "type Vendor implements Node { id: ID! }\n"
        "union Result = Vendor | Product\n"
        "enum Color { RED \"Like grass.\" GREEN BLUE @deprecated(reason: \"No.\") }\n"
        "input Filter { color: Color = RED min: Float legacy: Int @deprecated tags: [String!] = "
        "[\"a\"] }\n"
        "scalar Money @specifiedBy(url: \"https://example.com/money\")\n"
        "directive @tag(name: String!, old: Int @deprecated) repeatable on FIELD_DEFINITION | "
        "OBJECT\n"
        "type Query { node(id: ID!): Node results: [Result!]! products(filter: Filter): [Product] "
        "price: Money }\n"
        "type Mutation { noop: Boolean }\n";

struct fx {
    struct arena *a;
    struct wm_ctx ctx;
    struct gql_schema *s;
};

static bool setup(struct fx *fx)
{
    static const struct gql_root_field roots[] = {
        { "Query", "node", resolve_null, 0 },     { "Query", "results", resolve_null, 0 },
        { "Query", "products", resolve_null, 0 }, { "Query", "price", resolve_null, 0 },
        { "Mutation", "noop", resolve_null, 0 },
    };
    static const struct gql_type_map maps[] = { { "Product", NULL }, { "Vendor", NULL } };
    memset(fx, 0, sizeof *fx);
    fx->a = arena_new(0);
    fx->ctx.arena = fx->a;
    char err[512];
    int rc = gql_schema_build(&fx->s, sdl, strlen(sdl), roots, 5, maps, 2, err, sizeof err);
    check(rc == WM_OK, __LINE__, "build: %s", err);
    if (rc != WM_OK) arena_free(fx->a);
    return rc == WM_OK;
}

static void teardown(struct fx *fx)
{
    gql_schema_free(fx->s);
    arena_free(fx->a);
}

static struct gql_type *T(struct fx *fx, const char *name)
{
    return gql_schema_type(fx->s, name, strlen(name));
}

/* Call type.field's resolver with source (a C struct of type.name) and includeDeprecated
 * (-1: not given). */
static struct gql_value call_at(int line, struct fx *fx, const char *type, const char *field,
                                const void *source, int include_deprecated)
{
    struct gql_type *t = T(fx, type);
    struct gql_field *f = t ? gql_type_field(t, field, strlen(field)) : NULL;
    check(f && f->resolve, line, "%s.%s has a resolver", type, field);
    if (!f || !f->resolve) return gql_null();
    struct gql_value src = gql_ptr(source, t);
    struct gql_call c = {
        .ctx = &fx->ctx, .schema = fx->s, .parent_type = t, .source = &src, .field = f
    };
    c.args = gql_object(fx->a, 1);
    if (include_deprecated >= 0)
        gql_object_set(fx->a, &c.args, "includeDeprecated", gql_bool(include_deprecated));
    struct gql_value out = { .kind = GQL_V_UNDEFINED };
    int rc = f->resolve(&c, &out);
    check(rc == WM_OK, line, "%s.%s returned %d", type, field, rc);
    return out;
}

#define CALL(fx, t, f, src)        call_at(__LINE__, (fx), (t), (f), (src), -1)
#define CALL_DEP(fx, t, f, src, d) call_at(__LINE__, (fx), (t), (f), (src), (d))

static void is_string_at(int line, struct gql_value v, const char *want)
{
    if (!want) {
        check(v.kind == GQL_V_NULL, line, "kind %d, want null", v.kind);
        return;
    }
    check(v.kind == GQL_V_STRING && str_eq_cstr(v.u.s, want), line, "'%.*s' (kind %d), want '%s'",
          v.kind == GQL_V_STRING ? (int)v.u.s.len : 0, v.kind == GQL_V_STRING ? v.u.s.ptr : "",
          v.kind, want);
}

static void is_ptr_at(int line, struct fx *fx, struct gql_value v, const void *want,
                      const char *type)
{
    if (!want) {
        check(v.kind == GQL_V_NULL, line, "kind %d, want null", v.kind);
        return;
    }
    check(v.kind == GQL_V_PTR && v.u.ptr == want, line, "kind %d, want the pointer", v.kind);
    check(v.type == T(fx, type), line, "the value carries its type %s", type);
}

/* v is a list of pointers (each of type `type`) to the structs named names[] (NULL-ended),
 * where name_of reads a struct's name. */
static void is_list_at(int line, struct fx *fx, struct gql_value v, const char *type,
                       const char *(*name_of)(const void *), const char *const *names)
{
    size_t n = 0;
    while (names[n])
        n++;
    check(v.kind == GQL_V_LIST, line, "kind %d, want a list", v.kind);
    if (v.kind != GQL_V_LIST) return;
    check(v.u.list.count == n, line, "%zu items, want %zu", v.u.list.count, n);
    for (size_t i = 0; i < v.u.list.count && i < n; i++) {
        const struct gql_value *it = &v.u.list.items[i];
        check(it->kind == GQL_V_PTR && it->type == T(fx, type), line, "item %zu is a %s", i, type);
        if (it->kind == GQL_V_PTR)
            check(strcmp(name_of(it->u.ptr), names[i]) == 0, line, "item %zu is %s, want %s", i,
                  name_of(it->u.ptr), names[i]);
    }
}

static void is_enum_list_at(int line, struct gql_value v, const char *const *names)
{
    size_t n = 0;
    while (names[n])
        n++;
    check(v.kind == GQL_V_LIST && v.u.list.count == n, line, "a list of %zu enum values", n);
    for (size_t i = 0; v.kind == GQL_V_LIST && i < v.u.list.count && i < n; i++)
        check(v.u.list.items[i].kind == GQL_V_ENUM && str_eq_cstr(v.u.list.items[i].u.s, names[i]),
              line, "item %zu is %s", i, names[i]);
}

#define IS_STRING(v, want)        is_string_at(__LINE__, (v), (want))
#define IS_PTR(fx, v, want, type) is_ptr_at(__LINE__, (fx), (v), (want), (type))
#define IS_LIST(fx, v, type, fn, ...) \
    is_list_at(__LINE__, (fx), (v), (type), (fn), (const char *const[]){ __VA_ARGS__, NULL })
#define IS_ENUMS(v, ...) is_enum_list_at(__LINE__, (v), (const char *const[]){ __VA_ARGS__, NULL })
#define IS_BOOL(v, want) CU_ASSERT((v).kind == GQL_V_BOOL && (v).u.b == (want))
#define IS_NULL(v)       CU_ASSERT_EQUAL((v).kind, GQL_V_NULL)

static const char *type_name(const void *p)
{
    const struct gql_type *t = p;
    return t->name ? t->name : "(wrapper)";
}

static const char *field_name(const void *p)
{
    return ((const struct gql_field *)p)->name;
}

static const char *input_value_name(const void *p)
{
    return ((const struct gql_input_value *)p)->name;
}

static const char *enum_value_name(const void *p)
{
    return ((const struct gql_enum_value *)p)->name;
}

static const char *directive_name(const void *p)
{
    return ((const struct gql_directive_type *)p)->name;
}

/* ---- tests -------------------------------------------------------------------------------- */

static void test_the_meta_fields_resolve_schema_type_and_typename(void)
{
    struct fx fx;
    if (!setup(&fx)) return;
    const struct gql_field *schema_f = gql_introspection_schema_field(fx.s);
    const struct gql_field *type_f = gql_introspection_type_field(fx.s);
    const struct gql_field *typename_f = gql_introspection_typename_field(fx.s);
    CU_ASSERT_PTR_NOT_NULL_FATAL(schema_f);
    CU_ASSERT_PTR_NOT_NULL_FATAL(type_f);
    CU_ASSERT_PTR_NOT_NULL_FATAL(typename_f);
    CU_ASSERT_STRING_EQUAL(schema_f->name, "__schema");
    CU_ASSERT_STRING_EQUAL(gql_type_str(fx.a, schema_f->type), "__Schema!");
    CU_ASSERT_EQUAL(schema_f->nargs, 0);
    CU_ASSERT_STRING_EQUAL(type_f->name, "__type");
    CU_ASSERT_STRING_EQUAL(gql_type_str(fx.a, type_f->type), "__Type");
    CU_ASSERT_EQUAL_FATAL(type_f->nargs, 1);
    CU_ASSERT_STRING_EQUAL(type_f->args[0].name, "name");
    CU_ASSERT_STRING_EQUAL(gql_type_str(fx.a, type_f->args[0].type), "String!");
    CU_ASSERT_STRING_EQUAL(typename_f->name, "__typename");
    CU_ASSERT_STRING_EQUAL(gql_type_str(fx.a, typename_f->type), "String!");
    CU_ASSERT_STRING_EQUAL(typename_f->description,
                           "The name of the current Object type at runtime.");

    struct gql_call c = { .ctx = &fx.ctx, .schema = fx.s, .parent_type = fx.s->query };
    struct gql_value out;
    c.field = schema_f;
    CU_ASSERT_EQUAL(schema_f->resolve(&c, &out), WM_OK);
    IS_PTR(&fx, out, fx.s, "__Schema");

    c.field = type_f;
    c.args = gql_object(fx.a, 1);
    gql_object_set(fx.a, &c.args, "name", gql_string_n(STR("Product")));
    CU_ASSERT_EQUAL(type_f->resolve(&c, &out), WM_OK);
    IS_PTR(&fx, out, T(&fx, "Product"), "__Type");
    c.args = gql_object(fx.a, 1);
    gql_object_set(fx.a, &c.args, "name", gql_string_n(STR("Nope")));
    CU_ASSERT_EQUAL(type_f->resolve(&c, &out), WM_OK);
    IS_NULL(out);
    c.args = gql_object(fx.a, 1);
    gql_object_set(fx.a, &c.args, "name", gql_string_n(STR("__Type")));
    CU_ASSERT_EQUAL(type_f->resolve(&c, &out), WM_OK);
    IS_PTR(&fx, out, T(&fx, "__Type"), "__Type");

    c.field = typename_f;
    c.parent_type = T(&fx, "Vendor");
    CU_ASSERT_EQUAL(typename_f->resolve(&c, &out), WM_OK);
    IS_STRING(out, "Vendor");
    teardown(&fx);
}

static void test_schema_lists_types_roots_and_directives(void)
{
    struct fx fx;
    if (!setup(&fx)) return;
    const struct gql_schema *s = fx.s;
    IS_STRING(CALL(&fx, "__Schema", "description", s), "The shop.");
    struct gql_value types = CALL(&fx, "__Schema", "types", s);
    CU_ASSERT_EQUAL_FATAL(types.kind, GQL_V_LIST);
    CU_ASSERT_EQUAL(types.u.list.count, s->ntypes);
    for (size_t i = 0; i < types.u.list.count; i++) {
        CU_ASSERT_PTR_EQUAL(types.u.list.items[i].u.ptr, s->types_in_order[i]);
        CU_ASSERT_PTR_EQUAL(types.u.list.items[i].type, T(&fx, "__Type"));
    }
    /* graphql-js's order: each SDL type followed by what it first refers to, then the
     * introspection types as __Schema reaches them. */
    IS_LIST(&fx, types, "__Type", type_name, "Node", "ID", "Product", "String", "Float", "Int",
            "Boolean", "Vendor", "Result", "Color", "Filter", "Money", "Query", "Mutation",
            "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue",
            "__Directive", "__DirectiveLocation");
    IS_PTR(&fx, CALL(&fx, "__Schema", "queryType", s), s->query, "__Type");
    IS_PTR(&fx, CALL(&fx, "__Schema", "mutationType", s), s->mutation, "__Type");
    IS_NULL(CALL(&fx, "__Schema", "subscriptionType", s));
    IS_LIST(&fx, CALL(&fx, "__Schema", "directives", s), "__Directive", directive_name, "tag",
            "include", "skip", "deprecated", "specifiedBy");
    teardown(&fx);
}

static void test_type_kind_name_and_description_for_every_kind(void)
{
    struct fx fx;
    if (!setup(&fx)) return;
    const char *kinds[][2] = { { "Money", "SCALAR" },   { "Product", "OBJECT" },
                               { "Node", "INTERFACE" }, { "Result", "UNION" },
                               { "Color", "ENUM" },     { "Filter", "INPUT_OBJECT" } };
    for (size_t i = 0; i < 6; i++) {
        struct gql_value k = CALL(&fx, "__Type", "kind", T(&fx, kinds[i][0]));
        check(k.kind == GQL_V_ENUM && str_eq_cstr(k.u.s, kinds[i][1]), __LINE__, "%s is %s",
              kinds[i][0], kinds[i][1]);
        IS_STRING(CALL(&fx, "__Type", "name", T(&fx, kinds[i][0])), kinds[i][0]);
    }
    struct gql_type *list = gql_list_of(fx.s, T(&fx, "Product"));
    struct gql_type *nn = gql_non_null_of(fx.s, list);
    struct gql_value k = CALL(&fx, "__Type", "kind", list);
    CU_ASSERT(k.kind == GQL_V_ENUM && str_eq_cstr(k.u.s, "LIST"));
    k = CALL(&fx, "__Type", "kind", nn);
    CU_ASSERT(k.kind == GQL_V_ENUM && str_eq_cstr(k.u.s, "NON_NULL"));
    IS_NULL(CALL(&fx, "__Type", "name", nn));
    IS_NULL(CALL(&fx, "__Type", "description", nn));
    IS_PTR(&fx, CALL(&fx, "__Type", "ofType", nn), list, "__Type");
    IS_PTR(&fx, CALL(&fx, "__Type", "ofType", list), T(&fx, "Product"), "__Type");
    IS_NULL(CALL(&fx, "__Type", "ofType", T(&fx, "Product")));
    IS_STRING(CALL(&fx, "__Type", "description", T(&fx, "Node")), "Things that have an id.");
    IS_NULL(CALL(&fx, "__Type", "description", T(&fx, "Product")));
    IS_STRING(CALL(&fx, "__Type", "description", T(&fx, "Boolean")),
              "The `Boolean` scalar type represents `true` or `false`.");
    IS_STRING(CALL(&fx, "__Type", "specifiedByURL", T(&fx, "Money")), "https://example.com/money");
    IS_NULL(CALL(&fx, "__Type", "specifiedByURL", T(&fx, "Int")));
    IS_NULL(CALL(&fx, "__Type", "specifiedByURL", T(&fx, "Product")));
    teardown(&fx);
}

static void test_type_fields_interfaces_and_possible_types(void)
{
    struct fx fx;
    if (!setup(&fx)) return;
    struct gql_type *product = T(&fx, "Product");
    IS_LIST(&fx, CALL(&fx, "__Type", "fields", product), "__Field", field_name, "id", "name",
            "price");
    IS_LIST(&fx, CALL_DEP(&fx, "__Type", "fields", product, 0), "__Field", field_name, "id", "name",
            "price");
    IS_LIST(&fx, CALL_DEP(&fx, "__Type", "fields", product, 1), "__Field", field_name, "id", "name",
            "title", "price");
    IS_LIST(&fx, CALL(&fx, "__Type", "fields", T(&fx, "Node")), "__Field", field_name, "id");
    IS_NULL(CALL(&fx, "__Type", "fields", T(&fx, "Result")));
    IS_NULL(CALL(&fx, "__Type", "fields", T(&fx, "Filter")));
    IS_NULL(CALL(&fx, "__Type", "fields", gql_list_of(fx.s, product)));
    IS_LIST(&fx, CALL(&fx, "__Type", "interfaces", product), "__Type", type_name, "Node");
    struct gql_value none = CALL(&fx, "__Type", "interfaces", T(&fx, "Node"));
    CU_ASSERT(none.kind == GQL_V_LIST && none.u.list.count == 0);
    IS_NULL(CALL(&fx, "__Type", "interfaces", T(&fx, "Result")));
    IS_NULL(CALL(&fx, "__Type", "interfaces", T(&fx, "Money")));
    IS_LIST(&fx, CALL(&fx, "__Type", "possibleTypes", T(&fx, "Node")), "__Type", type_name,
            "Product", "Vendor");
    IS_LIST(&fx, CALL(&fx, "__Type", "possibleTypes", T(&fx, "Result")), "__Type", type_name,
            "Vendor", "Product");
    IS_NULL(CALL(&fx, "__Type", "possibleTypes", product));
    IS_NULL(CALL(&fx, "__Type", "possibleTypes", T(&fx, "Color")));
    teardown(&fx);
}

static void test_type_enum_values_and_input_fields(void)
{
    struct fx fx;
    if (!setup(&fx)) return;
    struct gql_type *color = T(&fx, "Color");
    struct gql_type *filter = T(&fx, "Filter");
    IS_LIST(&fx, CALL(&fx, "__Type", "enumValues", color), "__EnumValue", enum_value_name, "RED",
            "GREEN");
    IS_LIST(&fx, CALL_DEP(&fx, "__Type", "enumValues", color, 1), "__EnumValue", enum_value_name,
            "RED", "GREEN", "BLUE");
    IS_NULL(CALL(&fx, "__Type", "enumValues", filter));
    IS_LIST(&fx, CALL(&fx, "__Type", "inputFields", filter), "__InputValue", input_value_name,
            "color", "min", "tags");
    IS_LIST(&fx, CALL_DEP(&fx, "__Type", "inputFields", filter, 1), "__InputValue",
            input_value_name, "color", "min", "legacy", "tags");
    IS_NULL(CALL(&fx, "__Type", "inputFields", color));

    const struct gql_enum_value *green = gql_type_enum_value(color, "GREEN", 5);
    const struct gql_enum_value *blue = gql_type_enum_value(color, "BLUE", 4);
    IS_STRING(CALL(&fx, "__EnumValue", "name", green), "GREEN");
    IS_STRING(CALL(&fx, "__EnumValue", "description", green), "Like grass.");
    IS_NULL(CALL(&fx, "__EnumValue", "description", blue));
    IS_BOOL(CALL(&fx, "__EnumValue", "isDeprecated", green), false);
    IS_NULL(CALL(&fx, "__EnumValue", "deprecationReason", green));
    IS_BOOL(CALL(&fx, "__EnumValue", "isDeprecated", blue), true);
    IS_STRING(CALL(&fx, "__EnumValue", "deprecationReason", blue), "No.");
    teardown(&fx);
}

static void test_fields_and_input_values_describe_themselves(void)
{
    struct fx fx;
    if (!setup(&fx)) return;
    struct gql_type *product = T(&fx, "Product");
    const struct gql_field *name = gql_type_field(product, "name", 4);
    const struct gql_field *title = gql_type_field(product, "title", 5);
    const struct gql_field *price = gql_type_field(product, "price", 5);
    IS_STRING(CALL(&fx, "__Field", "name", name), "name");
    IS_STRING(CALL(&fx, "__Field", "description", name), "The name.");
    IS_NULL(CALL(&fx, "__Field", "description", title));
    IS_PTR(&fx, CALL(&fx, "__Field", "type", name), T(&fx, "String"), "__Type");
    IS_BOOL(CALL(&fx, "__Field", "isDeprecated", name), false);
    IS_NULL(CALL(&fx, "__Field", "deprecationReason", name));
    IS_BOOL(CALL(&fx, "__Field", "isDeprecated", title), true);
    IS_STRING(CALL(&fx, "__Field", "deprecationReason", title), "Use name.");
    IS_LIST(&fx, CALL(&fx, "__Field", "args", price), "__InputValue", input_value_name, "currency",
            "round");
    IS_LIST(&fx, CALL_DEP(&fx, "__Field", "args", price, 1), "__InputValue", input_value_name,
            "currency", "old", "round");
    struct gql_value empty = CALL(&fx, "__Field", "args", name);
    CU_ASSERT(empty.kind == GQL_V_LIST && empty.u.list.count == 0);

    const struct gql_input_value *currency = &price->args[0];
    const struct gql_input_value *old = &price->args[1];
    const struct gql_input_value *round = &price->args[2];
    IS_STRING(CALL(&fx, "__InputValue", "name", currency), "currency");
    IS_NULL(CALL(&fx, "__InputValue", "description", currency));
    IS_PTR(&fx, CALL(&fx, "__InputValue", "type", round), round->type, "__Type");
    CU_ASSERT_EQUAL(round->type->kind, GQL_TYPE_NON_NULL);
    IS_STRING(CALL(&fx, "__InputValue", "defaultValue", currency), "\"EUR\"");
    IS_NULL(CALL(&fx, "__InputValue", "defaultValue", round));
    IS_BOOL(CALL(&fx, "__InputValue", "isDeprecated", old), true);
    IS_STRING(CALL(&fx, "__InputValue", "deprecationReason", old), "No longer supported");
    IS_BOOL(CALL(&fx, "__InputValue", "isDeprecated", round), false);
    IS_NULL(CALL(&fx, "__InputValue", "deprecationReason", round));
    struct gql_type *filter = T(&fx, "Filter");
    IS_STRING(CALL(&fx, "__InputValue", "defaultValue", gql_type_input_field(filter, "color", 5)),
              "RED");
    IS_STRING(CALL(&fx, "__InputValue", "defaultValue", gql_type_input_field(filter, "tags", 4)),
              "[\"a\"]");
    teardown(&fx);
}

static void test_directives_describe_themselves(void)
{
    struct fx fx;
    if (!setup(&fx)) return;
    const struct gql_directive_type *tag = gql_schema_directive(fx.s, "tag", 3);
    const struct gql_directive_type *dep = gql_schema_directive(fx.s, "deprecated", 10);
    const struct gql_directive_type *skip = gql_schema_directive(fx.s, "skip", 4);
    IS_STRING(CALL(&fx, "__Directive", "name", tag), "tag");
    IS_NULL(CALL(&fx, "__Directive", "description", tag));
    IS_STRING(CALL(&fx, "__Directive", "description", dep),
              "Marks an element of a GraphQL schema as no longer supported.");
    IS_BOOL(CALL(&fx, "__Directive", "isRepeatable", tag), true);
    IS_BOOL(CALL(&fx, "__Directive", "isRepeatable", skip), false);
    IS_ENUMS(CALL(&fx, "__Directive", "locations", tag), "FIELD_DEFINITION",
             "OBJECT"); /* SDL order */
    IS_ENUMS(CALL(&fx, "__Directive", "locations", skip), "FIELD", "FRAGMENT_SPREAD",
             "INLINE_FRAGMENT");
    IS_LIST(&fx, CALL(&fx, "__Directive", "args", tag), "__InputValue", input_value_name, "name");
    IS_LIST(&fx, CALL_DEP(&fx, "__Directive", "args", tag, 1), "__InputValue", input_value_name,
            "name", "old");
    IS_STRING(CALL(&fx, "__InputValue", "defaultValue", &dep->args[0]), "\"No longer supported\"");
    teardown(&fx);
}

static void test_the_introspection_types_have_graphql_js_shape(void)
{
    struct fx fx;
    if (!setup(&fx)) return;
    /* clang-format off */
    static const char *const shape[][3] = {
        { "__Schema", "description", "String" },
        { "__Schema", "types", "[__Type!]!" },
        { "__Schema", "queryType", "__Type!" },
        { "__Schema", "mutationType", "__Type" },
        { "__Schema", "subscriptionType", "__Type" },
        { "__Schema", "directives", "[__Directive!]!" },
        { "__Type", "kind", "__TypeKind!" },
        { "__Type", "name", "String" },
        { "__Type", "description", "String" },
        { "__Type", "specifiedByURL", "String" },
        { "__Type", "fields", "[__Field!]" },
        { "__Type", "interfaces", "[__Type!]" },
        { "__Type", "possibleTypes", "[__Type!]" },
        { "__Type", "enumValues", "[__EnumValue!]" },
        { "__Type", "inputFields", "[__InputValue!]" },
        { "__Type", "ofType", "__Type" },
        { "__Field", "name", "String!" },
        { "__Field", "description", "String" },
        { "__Field", "args", "[__InputValue!]!" },
        { "__Field", "type", "__Type!" },
        { "__Field", "isDeprecated", "Boolean!" },
        { "__Field", "deprecationReason", "String" },
        { "__InputValue", "name", "String!" },
        { "__InputValue", "description", "String" },
        { "__InputValue", "type", "__Type!" },
        { "__InputValue", "defaultValue", "String" },
        { "__InputValue", "isDeprecated", "Boolean!" },
        { "__InputValue", "deprecationReason", "String" },
        { "__EnumValue", "name", "String!" },
        { "__EnumValue", "description", "String" },
        { "__EnumValue", "isDeprecated", "Boolean!" },
        { "__EnumValue", "deprecationReason", "String" },
        { "__Directive", "name", "String!" },
        { "__Directive", "description", "String" },
        { "__Directive", "isRepeatable", "Boolean!" },
        { "__Directive", "locations", "[__DirectiveLocation!]!" },
        { "__Directive", "args", "[__InputValue!]!" },
    };
    /* clang-format on */
    size_t per_type[8] = { 0 };
    const char *names[] = { "__Schema",     "__Type",      "__Field",
                            "__InputValue", "__EnumValue", "__Directive" };
    for (size_t i = 0; i < sizeof(shape) / sizeof(shape[0]); i++) {
        struct gql_type *t = T(&fx, shape[i][0]);
        struct gql_field *f = t ? gql_type_field(t, shape[i][1], strlen(shape[i][1])) : NULL;
        check(f != NULL, __LINE__, "%s.%s exists", shape[i][0], shape[i][1]);
        if (!f) continue;
        check(f->resolve != NULL, __LINE__, "%s.%s has a resolver", shape[i][0], shape[i][1]);
        const char *ts = gql_type_str(fx.a, f->type);
        check(strcmp(ts, shape[i][2]) == 0, __LINE__, "%s.%s is %s, want %s", shape[i][0],
              shape[i][1], ts, shape[i][2]);
        for (size_t k = 0; k < 6; k++)
            if (strcmp(names[k], shape[i][0]) == 0) per_type[k]++;
    }
    for (size_t k = 0; k < 6; k++) /* and no other fields */
        check(T(&fx, names[k])->nfields == per_type[k], __LINE__, "%s has %zu fields", names[k],
              per_type[k]);
    const char *with_include_deprecated[][2] = { { "__Type", "fields" },
                                                 { "__Type", "enumValues" },
                                                 { "__Type", "inputFields" },
                                                 { "__Field", "args" },
                                                 { "__Directive", "args" } };
    for (size_t i = 0; i < 5; i++) {
        struct gql_field *f =
                gql_type_field(T(&fx, with_include_deprecated[i][0]), with_include_deprecated[i][1],
                               strlen(with_include_deprecated[i][1]));
        CU_ASSERT_EQUAL_FATAL(f->nargs, 1);
        CU_ASSERT_STRING_EQUAL(f->args[0].name, "includeDeprecated");
        CU_ASSERT_STRING_EQUAL(f->args[0].default_text, "false");
        CU_ASSERT_STRING_EQUAL(gql_type_str(fx.a, f->args[0].type), "Boolean");
    }
    CU_ASSERT_EQUAL(T(&fx, "__TypeKind")->nvalues, 8);
    CU_ASSERT_EQUAL(T(&fx, "__DirectiveLocation")->nvalues, GQL_LOC_COUNT);
    for (unsigned bit = 0; bit < GQL_LOC_COUNT; bit++)
        CU_ASSERT_STRING_EQUAL(T(&fx, "__DirectiveLocation")->values[bit].name,
                               gql_directive_location_name(bit));
    for (unsigned k = 0; k < 8; k++)
        CU_ASSERT_STRING_EQUAL(T(&fx, "__TypeKind")->values[k].name,
                               gql_type_kind_name((enum gql_type_kind)k));
    CU_ASSERT(gql_is_introspection_type(T(&fx, "__DirectiveLocation")));
    CU_ASSERT(!gql_is_introspection_type(T(&fx, "Product")));
    CU_ASSERT(!gql_is_introspection_type(gql_list_of(fx.s, T(&fx, "__Type"))));
    CU_ASSERT(!gql_is_introspection_type(NULL));
    teardown(&fx);
}

static CU_TestInfo tests[] = {
    { "the meta fields resolve schema, type and typename",
      test_the_meta_fields_resolve_schema_type_and_typename },
    { "__Schema lists types, roots and directives", test_schema_lists_types_roots_and_directives },
    { "__Type kind, name and description for every kind",
      test_type_kind_name_and_description_for_every_kind },
    { "__Type fields, interfaces and possible types",
      test_type_fields_interfaces_and_possible_types },
    { "__Type enum values and input fields", test_type_enum_values_and_input_fields },
    { "fields and input values describe themselves",
      test_fields_and_input_values_describe_themselves },
    { "directives describe themselves", test_directives_describe_themselves },
    { "the introspection types have graphql-js's shape",
      test_the_introspection_types_have_graphql_js_shape },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_type_introspection, "graphql/type/introspection", NULL, NULL, tests);
