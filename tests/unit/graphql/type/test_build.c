/*
 * test_build.c: unit tests for src/graphql/type/build.c (gql_schema_build, gql_schema_free):
 * the client's draft schema builds; every message of the binding checks (root table, field
 * maps and their kinds) from small explicit SDLs; the SDL rules and graphql-js validateSchema
 * messages; extensions, descriptions, @deprecated, @specifiedBy, default values and their
 * printed text, root types, possible types, custom scalars; and hostile SDL.
 */
#include "graphql/graphql.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "graphql/type/scalars.h"
#include "test.h"

static void check(bool ok, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void check(bool ok, int line, const char *fmt, ...)
{
    char msg[2048];
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

static int resolve_other(struct gql_call *call, struct gql_value *out)
{
    (void)call;
    *out = gql_int(1);
    return WM_OK;
}

/* ---- building with tables derived from the SDL's own AST -------------------------------- */

struct tables {
    struct gql_root_field *roots;
    size_t nroots;
    struct gql_type_map *maps;
    size_t nmaps;
};

static bool listed(const char *const *names, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (names[i] && strcmp(names[i], name) == 0) return true;
    return false;
}

/*
 * Tables that bind everything the SDL defines: a resolve_null row for every field of the root
 * object types (schema { ... } or the default names) and a dynamic map for every other object
 * type. Walks the parsed SDL, not a built schema, so the build still checks everything.
 */
static bool derive_tables(struct arena *a, const char *sdl, struct tables *t)
{
    struct gql_errors errs = { 0 };
    struct gql_document *doc = NULL;
    struct gql_limits lim = { 0 };
    if (gql_parse(a, sdl, strlen(sdl), &lim, &doc, &errs) != WM_OK) return false;
    /* The default names (unless there is a schema definition), plus every name that a schema
     * definition or extension gives. */
    const char *roots[6] = { "Query", "Mutation", "Subscription", NULL, NULL, NULL };
    for (size_t i = 0; i < doc->definitions.count; i++)
        if (doc->definitions.items[i]->kind == GQL_SCHEMA_DEFINITION)
            roots[0] = roots[1] = roots[2] = NULL;
    for (size_t i = 0; i < doc->definitions.count; i++) {
        const struct gql_node *n = doc->definitions.items[i];
        if (n->kind != GQL_SCHEMA_DEFINITION && n->kind != GQL_SCHEMA_EXTENSION) continue;
        const struct gql_schema_def *d = (const struct gql_schema_def *)n;
        for (size_t k = 0; k < d->operation_types.count; k++)
            roots[3 + d->operation_types.items[k]->operation] =
                    str_dup(a, d->operation_types.items[k]->type->name);
    }
    t->roots = ARENA_ARRAY(a, struct gql_root_field, 4096);
    t->maps = ARENA_ARRAY(a, struct gql_type_map, 4096);
    t->nroots = t->nmaps = 0;
    for (size_t i = 0; i < doc->definitions.count; i++) {
        const struct gql_node *n = doc->definitions.items[i];
        if (n->kind != GQL_OBJECT_TYPE_DEFINITION && n->kind != GQL_OBJECT_TYPE_EXTENSION) continue;
        const struct gql_type_def *d = (const struct gql_type_def *)n;
        char *name = str_dup(a, d->name);
        if (listed(roots, 6, name)) {
            for (size_t k = 0; k < d->fields.count; k++)
                t->roots[t->nroots++] =
                        (struct gql_root_field){ name, str_dup(a, d->fields.items[k]->name),
                                                 resolve_null, 0 };
            continue;
        }
        bool seen = false;
        for (size_t k = 0; k < t->nmaps && !seen; k++)
            seen = strcmp(t->maps[k].type, name) == 0;
        if (!seen) t->maps[t->nmaps++] = (struct gql_type_map){ name, NULL };
    }
    return true;
}

/* The schema of sdl bound by derived tables, or NULL after reporting why. */
static struct gql_schema *build_at(int line, struct arena *a, const char *sdl)
{
    struct tables t;
    if (!derive_tables(a, sdl, &t)) {
        check(false, line, "the test SDL does not parse");
        return NULL;
    }
    struct gql_schema *s = NULL;
    char err[2048];
    int rc = gql_schema_build(&s, sdl, strlen(sdl), t.roots, t.nroots, t.maps, t.nmaps, err,
                              sizeof err);
    check(rc == WM_OK && s, line, "build failed: %s", err);
    return s;
}

/* Building sdl (tables derived) fails with exactly the message want. */
static void build_fails_at(int line, const char *sdl, const char *want)
{
    struct arena *a = arena_new(0);
    struct tables t = { 0 };
    if (!derive_tables(a, sdl, &t)) t = (struct tables){ 0 };
    struct gql_schema *s = (struct gql_schema *)&t; /* must be reset to NULL */
    char err[2048];
    int rc = gql_schema_build(&s, sdl, strlen(sdl), t.roots, t.nroots, t.maps, t.nmaps, err,
                              sizeof err);
    check(rc == WM_EINVAL, line, "build of <<%s>> returned %d, want WM_EINVAL", sdl, rc);
    check(s == NULL, line, "a failed build leaves *out NULL");
    check(strcmp(err, want) == 0, line, "error\n  '%s'\nwant\n  '%s'", err, want);
    if (rc == WM_OK) gql_schema_free(s);
    arena_free(a);
}

/* Building with explicit tables fails with exactly the message want. */
static void bind_fails_at(int line, const char *sdl, const struct gql_root_field *roots,
                          size_t nroots, const struct gql_type_map *maps, size_t nmaps,
                          const char *want)
{
    struct gql_schema *s = NULL;
    char err[2048];
    int rc = gql_schema_build(&s, sdl, strlen(sdl), roots, nroots, maps, nmaps, err, sizeof err);
    check(rc == WM_EINVAL && s == NULL, line, "build returned %d, want WM_EINVAL", rc);
    check(strcmp(err, want) == 0, line, "error\n  '%s'\nwant\n  '%s'", err, want);
    if (rc == WM_OK) gql_schema_free(s);
}

#define BUILD(a, sdl)   build_at(__LINE__, (a), (sdl))
#define FAILS(sdl, msg) build_fails_at(__LINE__, (sdl), (msg))
#define BIND_FAILS(sdl, r, nr, m, nm, msg) \
    bind_fails_at(__LINE__, (sdl), (r), (nr), (m), (nm), (msg))
#define N(arr) (sizeof(arr) / sizeof((arr)[0]))

static struct gql_type *type(const struct gql_schema *s, const char *name)
{
    return gql_schema_type(s, name, strlen(name));
}

static struct gql_field *field(const struct gql_schema *s, const char *t, const char *f)
{
    return gql_type_field(type(s, t), f, strlen(f));
}

/* ---- the client's draft schema ---------------------------------------------------------- */

static char *read_contract_schema(struct arena *a)
{
    const char *root = getenv("MARKET_ROOT");
    char *path = arena_printf(a, "%s/../shared/client-contract/derived-schema.graphql",
                              root && *root ? root : ".");
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    struct buf b = BUF_INIT(a);
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_append(&b, chunk, n);
    fclose(f);
    return b.ptr;
}

static void test_the_client_draft_schema_builds(void)
{
    struct arena *a = arena_new(0);
    char *sdl = read_contract_schema(a);
    if (!sdl) {
        printf("(skipped: ../shared/client-contract/derived-schema.graphql is absent) ");
        arena_free(a);
        return;
    }
    struct gql_schema *s = BUILD(a, sdl);
    if (!s) {
        arena_free(a);
        return;
    }
    CU_ASSERT_STRING_EQUAL(s->query->name, "Query");
    CU_ASSERT_STRING_EQUAL(s->mutation->name, "Mutation");
    CU_ASSERT_PTR_NULL(s->subscription);
    CU_ASSERT_EQUAL(s->sdl_len, strlen(sdl));
    CU_ASSERT(memcmp(s->sdl, sdl, s->sdl_len) == 0);
    for (size_t i = 1; i < s->ntypes; i++)
        CU_ASSERT(strcmp(s->types[i - 1]->name, s->types[i]->name) < 0);
    /* Custom scalars are bound by name. */
    CU_ASSERT_PTR_EQUAL(type(s, "DateTime")->scalar, &gql_scalar_datetime);
    CU_ASSERT_PTR_EQUAL(type(s, "Date")->scalar, &gql_scalar_date);
    CU_ASSERT_PTR_EQUAL(type(s, "JSONString")->scalar, &gql_scalar_json_string);
    CU_ASSERT_PTR_EQUAL(type(s, "GenericScalar")->scalar, &gql_scalar_generic);
    CU_ASSERT_PTR_NULL(type(s, "Upload")); /* not declared by this SDL */
    CU_ASSERT_STRING_EQUAL(gql_type_str(a, field(s, "Product", "imagesUrl")->type), "JSONString");
    CU_ASSERT_STRING_EQUAL(gql_type_str(a, field(s, "User", "dob")->type), "Date");
    /* Arguments exactly as the client declares them. */
    struct gql_field *f = field(s, "Mutation", "createProduct");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_STRING_EQUAL(gql_type_str(a, gql_field_arg(f, "imagesUrl", 9)->type),
                           "[ImagesInputType!]!");
    CU_ASSERT_STRING_EQUAL(gql_type_str(a, gql_field_arg(f, "category", 8)->type), "Int!");
    CU_ASSERT_STRING_EQUAL(
            gql_type_str(a, gql_field_arg(field(s, "Query", "product"), "id", 2)->type), "Int!");
    CU_ASSERT_STRING_EQUAL(
            gql_type_str(a, gql_field_arg(field(s, "Mutation", "updateUser"), "dob", 3)->type),
            "DateTime");
    CU_ASSERT_PTR_NOT_NULL(field(s, "Mutation", "getShopData"));
    CU_ASSERT_EQUAL(type(s, "SortEnum")->kind, GQL_TYPE_ENUM);
    CU_ASSERT_PTR_NOT_NULL(gql_type_enum_value(type(s, "SortEnum"), "NEWEST", 6));
    /* Every root field is bound, every other object type has its map. */
    for (size_t i = 0; i < s->query->nfields; i++)
        CU_ASSERT_PTR_EQUAL(s->query->fields[i].resolve, resolve_null);
    for (size_t i = 0; i < s->mutation->nfields; i++)
        CU_ASSERT_PTR_EQUAL(s->mutation->fields[i].resolve, resolve_null);
    for (size_t i = 0; i < s->ntypes; i++) {
        const struct gql_type *t = s->types[i];
        if (t->kind == GQL_TYPE_OBJECT && t != s->query && t != s->mutation &&
            !gql_is_introspection_type(t))
            check(t->bind != NULL, __LINE__, "%s has its map", t->name);
    }
    gql_schema_free(s);
    arena_free(a);
}

/* ---- binding: the root table ------------------------------------------------------------ */

static const char shop_sdl[] = "type Query { allProducts: [Product] myCart: Cart }\n"
                               "type Mutation { addToCart(productId: ID!): Cart }\n"
                               "type Product { id: ID! name: String price: Float }\n"
                               "type Cart { id: ID! }\n";

static const struct gql_type_map shop_maps[] = { { "Product", NULL }, { "Cart", NULL } };

static void test_a_root_field_without_a_row_fails(void)
{
    static const struct gql_root_field roots[] = {
        { "Query", "allProducts", resolve_null, 0 },
        { "Mutation", "addToCart", resolve_null, 0 },
    };
    BIND_FAILS(shop_sdl, roots, N(roots), shop_maps, N(shop_maps), "Query.myCart has no resolver");
    static const struct gql_root_field no_mutation[] = {
        { "Query", "allProducts", resolve_null, 0 },
        { "Query", "myCart", resolve_null, 0 },
    };
    BIND_FAILS(shop_sdl, no_mutation, N(no_mutation), shop_maps, N(shop_maps),
               "Mutation.addToCart has no resolver");
    BIND_FAILS(shop_sdl, NULL, 0, shop_maps, N(shop_maps),
               "Query.allProducts has no resolver\nQuery.myCart has no resolver\n"
               "Mutation.addToCart has no resolver");
}

static void test_a_row_without_a_resolver_function_fails(void)
{
    static const struct gql_root_field roots[] = {
        { "Query", "allProducts", resolve_null, 0 },
        { "Query", "myCart", NULL, 0 },
        { "Mutation", "addToCart", resolve_null, 0 },
    };
    BIND_FAILS(shop_sdl, roots, N(roots), shop_maps, N(shop_maps), "Query.myCart has no resolver");
}

static void test_a_row_naming_no_root_field_fails(void)
{
    static const struct gql_root_field nope[] = {
        { "Query", "allProducts", resolve_null, 0 },
        { "Query", "myCart", resolve_null, 0 },
        { "Mutation", "addToCart", resolve_null, 0 },
        { "Query", "nope", resolve_null, 0 },
    };
    BIND_FAILS(shop_sdl, nope, N(nope), shop_maps, N(shop_maps),
               "root table names Query.nope, which the schema does not define");
    static const struct gql_root_field no_type[] = {
        { "Query", "allProducts", resolve_null, 0 },
        { "Query", "myCart", resolve_null, 0 },
        { "Mutation", "addToCart", resolve_null, 0 },
        { "Subscription", "x", resolve_null, 0 },
    };
    BIND_FAILS(shop_sdl, no_type, N(no_type), shop_maps, N(shop_maps),
               "root table names Subscription.x, which the schema does not define");
    static const struct gql_root_field not_root[] = {
        { "Query", "allProducts", resolve_null, 0 },
        { "Query", "myCart", resolve_null, 0 },
        { "Mutation", "addToCart", resolve_null, 0 },
        { "Product", "name", resolve_null, 0 },
    };
    BIND_FAILS(shop_sdl, not_root, N(not_root), shop_maps, N(shop_maps),
               "root table names Product.name, but Product is not a root type");
    static const struct gql_root_field twice[] = {
        { "Query", "allProducts", resolve_null, 0 },
        { "Query", "myCart", resolve_null, 0 },
        { "Mutation", "addToCart", resolve_null, 0 },
        { "Query", "myCart", resolve_other, 0 },
    };
    BIND_FAILS(shop_sdl, twice, N(twice), shop_maps, N(shop_maps),
               "root table names Query.myCart twice");
    static const struct gql_root_field unnamed[] = {
        { NULL, "allProducts", resolve_null, 0 },
        { "Query", "allProducts", resolve_null, 0 },
        { "Query", "myCart", resolve_null, 0 },
        { "Mutation", "addToCart", resolve_null, 0 },
    };
    BIND_FAILS(shop_sdl, unnamed, N(unnamed), shop_maps, N(shop_maps),
               "root table row 0 has no type or field name");
}

static void test_root_rows_follow_the_schema_definition_names(void)
{
    static const char sdl[] = "schema { query: RootQuery mutation: RootMutation }\n"
                              "type RootQuery { a: Int }\ntype RootMutation { b: Int }\n"
                              "type Query { stray: Int }\n";
    static const struct gql_root_field roots[] = {
        { "RootQuery", "a", resolve_null, 0 },
        { "RootMutation", "b", resolve_null, 0 },
    };
    static const struct gql_type_map maps[] = { { "Query", NULL } };
    struct gql_schema *s = NULL;
    char err[512];
    CU_ASSERT_EQUAL_FATAL(
            gql_schema_build(&s, sdl, strlen(sdl), roots, 2, maps, 1, err, sizeof err), WM_OK);
    CU_ASSERT_STRING_EQUAL(s->query->name, "RootQuery");
    CU_ASSERT_STRING_EQUAL(s->mutation->name, "RootMutation");
    CU_ASSERT_PTR_NOT_NULL(type(s, "Query")->bind); /* an ordinary object type here */
    gql_schema_free(s);
    static const struct gql_root_field wrong[] = {
        { "RootQuery", "a", resolve_null, 0 },
        { "RootMutation", "b", resolve_null, 0 },
        { "Query", "stray", resolve_null, 0 },
    };
    BIND_FAILS(sdl, wrong, N(wrong), NULL, 0,
               "root table names Query.stray, but Query is not a root type\nQuery has no field "
               "map");
}

static void test_binding_stores_resolvers_flags_and_maps(void)
{
    struct product {
        int64_t id;
        const char *name;
        double price;
        int32_t stock;
        int64_t views;
        bool active;
    };
    static const struct gql_field_map product_fields[] = {
        GQL_MAP_ID("id", struct product, id),
        GQL_MAP_STR("name", struct product, name),
        GQL_MAP_DOUBLE("price", struct product, price),
        GQL_MAP_INT("stock", struct product, stock),
        GQL_MAP_INT64("views", struct product, views),
        GQL_MAP_BOOL("active", struct product, active),
        GQL_MAP_FN("related", resolve_other),
        GQL_MAP_END,
    };
    static const char sdl[] = "type Query { products: [Product] me: Payload }\n"
                              "type Product { id: ID! name: String price: Float stock: Int! "
                              "views: Float active: Boolean related: [Product] }\n"
                              "type Payload { ok: Boolean }\n";
    static const struct gql_root_field roots[] = {
        { "Query", "products", resolve_null, 1 },
        { "Query", "me", resolve_other, 6 },
    };
    static const struct gql_type_map maps[] = { { "Product", product_fields },
                                                { "Payload", NULL } };
    struct gql_schema *s = NULL;
    char err[512];
    int rc = gql_schema_build(&s, sdl, strlen(sdl), roots, 2, maps, 2, err, sizeof err);
    CU_ASSERT_EQUAL_FATAL(rc, WM_OK);
    CU_ASSERT_STRING_EQUAL(err, "");
    CU_ASSERT_PTR_EQUAL(field(s, "Query", "products")->resolve, resolve_null);
    CU_ASSERT_EQUAL(field(s, "Query", "products")->flags, 1);
    CU_ASSERT_PTR_EQUAL(field(s, "Query", "me")->resolve, resolve_other);
    CU_ASSERT_EQUAL(field(s, "Query", "me")->flags, 6);
    CU_ASSERT_PTR_EQUAL(type(s, "Product")->bind, &maps[0]);
    CU_ASSERT_PTR_EQUAL(field(s, "Product", "id")->bind, &product_fields[0]);
    CU_ASSERT_PTR_NULL(field(s, "Product", "id")->resolve);
    CU_ASSERT_PTR_EQUAL(field(s, "Product", "stock")->bind, &product_fields[3]);
    CU_ASSERT_PTR_EQUAL(field(s, "Product", "related")->bind, &product_fields[6]);
    CU_ASSERT_PTR_EQUAL(field(s, "Product", "related")->resolve, resolve_other);
    CU_ASSERT_PTR_EQUAL(type(s, "Payload")->bind, &maps[1]);
    CU_ASSERT_PTR_NULL(field(s, "Payload", "ok")->bind);
    CU_ASSERT_PTR_NULL(field(s, "Payload", "ok")->resolve);
    /* The introspection types are bound by the engine itself. */
    CU_ASSERT_PTR_NOT_NULL(field(s, "__Type", "fields")->resolve);
    CU_ASSERT_PTR_NULL(type(s, "__Type")->bind);
    gql_schema_free(s);
}

/* ---- binding: field maps ---------------------------------------------------------------- */

struct row_case {
    int line;
    const char *field_type;
    struct gql_field_map row;
    const char *error; /* NULL: binds */
};

static void test_map_kinds_must_fit_the_field_types(void)
{
    /* clang-format off */
    const struct row_case cases[] = {
        { __LINE__, "Int",        { "f", GQL_MAP_KIND_INT, 0, NULL },    NULL },
        { __LINE__, "Int!",       { "f", GQL_MAP_KIND_INT, 0, NULL },    NULL },
        { __LINE__, "Float",      { "f", GQL_MAP_KIND_INT, 0, NULL },    NULL },
        { __LINE__, "Float!",     { "f", GQL_MAP_KIND_INT64, 0, NULL },  NULL },
        { __LINE__, "Int",        { "f", GQL_MAP_KIND_INT64, 0, NULL },  NULL },
        { __LINE__, "Boolean!",   { "f", GQL_MAP_KIND_BOOL, 0, NULL },   NULL },
        { __LINE__, "Float",      { "f", GQL_MAP_KIND_DOUBLE, 0, NULL }, NULL },
        { __LINE__, "String",     { "f", GQL_MAP_KIND_STR, 0, NULL },    NULL },
        { __LINE__, "ID!",        { "f", GQL_MAP_KIND_STR, 0, NULL },    NULL },
        { __LINE__, "Color",      { "f", GQL_MAP_KIND_STR, 0, NULL },    NULL },
        { __LINE__, "DateTime",   { "f", GQL_MAP_KIND_STR, 0, NULL },    NULL },
        { __LINE__, "JSONString", { "f", GQL_MAP_KIND_STR, 0, NULL },    NULL },
        { __LINE__, "Money",      { "f", GQL_MAP_KIND_STR, 0, NULL },    NULL },
        { __LINE__, "ID!",        { "f", GQL_MAP_KIND_ID, 0, NULL },     NULL },
        { __LINE__, "String",     { "f", GQL_MAP_KIND_ID, 0, NULL },     NULL },
        { __LINE__, "[T!]!",      { "f", GQL_MAP_KIND_FN, 0, resolve_null }, NULL },
        { __LINE__, "Color",      { "f", GQL_MAP_KIND_FN, 0, resolve_null }, NULL },
        { __LINE__, "String",     { "f", GQL_MAP_KIND_INT, 0, NULL },
          "T.f is String but its map reads a 32-bit integer" },
        { __LINE__, "ID",         { "f", GQL_MAP_KIND_INT64, 0, NULL },
          "T.f is ID but its map reads a 64-bit integer" },
        { __LINE__, "Int",        { "f", GQL_MAP_KIND_BOOL, 0, NULL },
          "T.f is Int but its map reads a bool" },
        { __LINE__, "Int!",       { "f", GQL_MAP_KIND_DOUBLE, 0, NULL },
          "T.f is Int! but its map reads a double" },
        { __LINE__, "Int",        { "f", GQL_MAP_KIND_STR, 0, NULL },
          "T.f is Int but its map reads a string" },
        { __LINE__, "Float",      { "f", GQL_MAP_KIND_STR, 0, NULL },
          "T.f is Float but its map reads a string" },
        { __LINE__, "Boolean",    { "f", GQL_MAP_KIND_STR, 0, NULL },
          "T.f is Boolean but its map reads a string" },
        { __LINE__, "Int",        { "f", GQL_MAP_KIND_ID, 0, NULL },
          "T.f is Int but its map reads a 64-bit id" },
        { __LINE__, "Color",      { "f", GQL_MAP_KIND_INT, 0, NULL },
          "T.f is Color but its map reads a 32-bit integer" },
        { __LINE__, "DateTime",   { "f", GQL_MAP_KIND_INT64, 0, NULL },
          "T.f is DateTime but its map reads a 64-bit integer" },
        { __LINE__, "[Int]",      { "f", GQL_MAP_KIND_INT, 0, NULL },
          "T.f is [Int] but its map reads a 32-bit integer" },
        { __LINE__, "[String!]!", { "f", GQL_MAP_KIND_STR, 0, NULL },
          "T.f is [String!]! but its map reads a string" },
        { __LINE__, "T",          { "f", GQL_MAP_KIND_STR, 0, NULL },
          "T.f is T but its map reads a string" },
        { __LINE__, "String",     { "f", GQL_MAP_KIND_FN, 0, NULL },
          "T.f has no resolver" },
    };
    /* clang-format on */
    for (size_t i = 0; i < N(cases); i++) {
        const struct row_case *c = &cases[i];
        char sdl[512];
        snprintf(sdl, sizeof sdl,
                 "type Query { t: T }\ntype T { f: %s }\nenum Color { RED }\n"
                 "scalar DateTime\nscalar JSONString\nscalar Money\n",
                 c->field_type);
        const struct gql_field_map rows[] = { c->row, GQL_MAP_END };
        const struct gql_root_field roots[] = { { "Query", "t", resolve_null, 0 } };
        const struct gql_type_map maps[] = { { "T", rows } };
        struct gql_schema *s = NULL;
        char err[512];
        int rc = gql_schema_build(&s, sdl, strlen(sdl), roots, 1, maps, 1, err, sizeof err);
        if (!c->error) {
            check(rc == WM_OK, c->line, "%s binds: %s", c->field_type, err);
        } else {
            check(rc == WM_EINVAL, c->line, "%s must not bind", c->field_type);
            check(strcmp(err, c->error) == 0, c->line, "'%s', want '%s'", err, c->error);
        }
        gql_schema_free(s);
    }
}

static void test_field_map_rows_must_match_the_fields(void)
{
    static const char sdl[] = "type Query { p: Product }\ntype Product { id: ID! name: String }\n";
    static const struct gql_root_field roots[] = { { "Query", "p", resolve_null, 0 } };
    struct product {
        int64_t id;
        const char *name;
    };
    static const struct gql_field_map missing[] = { GQL_MAP_ID("id", struct product, id),
                                                    GQL_MAP_END };
    static const struct gql_type_map m1[] = { { "Product", missing } };
    BIND_FAILS(sdl, roots, 1, m1, 1, "Product.name has no row in the field map of Product");
    static const struct gql_field_map extra[] = { GQL_MAP_ID("id", struct product, id),
                                                  GQL_MAP_STR("name", struct product, name),
                                                  GQL_MAP_STR("nope", struct product, name),
                                                  GQL_MAP_END };
    static const struct gql_type_map m2[] = { { "Product", extra } };
    BIND_FAILS(sdl, roots, 1, m2, 1,
               "field map of Product names Product.nope, which the schema does not define");
    static const struct gql_field_map twice[] = { GQL_MAP_ID("id", struct product, id),
                                                  GQL_MAP_STR("name", struct product, name),
                                                  GQL_MAP_STR("id", struct product, name),
                                                  GQL_MAP_END };
    static const struct gql_type_map m3[] = { { "Product", twice } };
    BIND_FAILS(sdl, roots, 1, m3, 1, "field map of Product names Product.id twice");
    static const struct gql_field_map empty[] = { GQL_MAP_END };
    static const struct gql_type_map m4[] = { { "Product", empty } };
    BIND_FAILS(sdl, roots, 1, m4, 1,
               "Product.id has no row in the field map of Product\n"
               "Product.name has no row in the field map of Product");
}

static void test_every_object_type_needs_exactly_one_map(void)
{
    static const char sdl[] = "type Query { p: Product }\ntype Product { id: ID! }\n"
                              "type Orphan { x: Int }\nenum Color { RED }\n";
    static const struct gql_root_field roots[] = { { "Query", "p", resolve_null, 0 } };
    static const struct gql_type_map only_product[] = { { "Product", NULL } };
    BIND_FAILS(sdl, roots, 1, only_product, 1, "Orphan has no field map");
    static const struct gql_type_map all[] = { { "Product", NULL }, { "Orphan", NULL } };
    BIND_FAILS(sdl, roots, 1, all, 1, "Orphan has no field map");
    static const struct gql_type_map unknown[] = { { "Product", NULL },
                                                   { "Orphan", NULL },
                                                   { "Nope", NULL } };
    BIND_FAILS(sdl, roots, 1, unknown, 3,
               "field map names type Nope, which the schema does not define");
    static const struct gql_type_map enum_map[] = { { "Product", NULL },
                                                    { "Orphan", NULL },
                                                    { "Color", NULL } };
    BIND_FAILS(sdl, roots, 1, enum_map, 3, "field map names Color, which is not an object type");
    static const struct gql_type_map root_map[] = { { "Product", NULL },
                                                    { "Orphan", NULL },
                                                    { "Query", NULL } };
    BIND_FAILS(sdl, roots, 1, root_map, 3,
               "field map names Query, a root type (its fields go in the root table)");
    static const struct gql_type_map intro_map[] = { { "Product", NULL },
                                                     { "Orphan", NULL },
                                                     { "__Type", NULL } };
    BIND_FAILS(sdl, roots, 1, intro_map, 3, "field map names __Type, an introspection type");
    static const struct gql_type_map twice[] = { { "Product", NULL },
                                                 { "Orphan", NULL },
                                                 { "Product", NULL } };
    BIND_FAILS(sdl, roots, 1, twice, 3, "field maps name Product twice");
    static const struct gql_type_map unnamed[] = { { NULL, NULL },
                                                   { "Product", NULL },
                                                   { "Orphan", NULL } };
    BIND_FAILS(sdl, roots, 1, unnamed, 3, "field map 0 has no type name");
}

static void test_the_error_buffer_may_be_small_or_absent(void)
{
    static const char sdl[] = "type Query { a: Int }";
    struct gql_schema *s = NULL;
    char err[8];
    memset(err, 'x', sizeof err);
    CU_ASSERT_EQUAL(gql_schema_build(&s, sdl, strlen(sdl), NULL, 0, NULL, 0, err, sizeof err),
                    WM_EINVAL);
    CU_ASSERT_STRING_EQUAL(err, "Query.a");
    CU_ASSERT_EQUAL(gql_schema_build(&s, sdl, strlen(sdl), NULL, 0, NULL, 0, NULL, 0), WM_EINVAL);
    CU_ASSERT_PTR_NULL(s);
    gql_schema_free(NULL);
}

/* ---- SDL rules -------------------------------------------------------------------------- */

static void test_syntax_errors_are_reported_with_their_place(void)
{
    FAILS("type Query {", "Syntax Error: Expected Name, found <EOF>. (line 1, column 13)");
    FAILS("type Query { a: Int }\ntype 5", "Syntax Error: Expected Name, found Int \"5\". "
                                           "(line 2, column 6)");
    FAILS("", "Syntax Error: Unexpected <EOF>. (line 1, column 1)");
}

static void test_unknown_and_duplicate_names_are_reported(void)
{
    FAILS("type Query { a: Foo }", "Unknown type \"Foo\". (line 1, column 17)");
    FAILS("type Query { a(x: [In!]): Int }", "Unknown type \"In\". (line 1, column 20)");
    FAILS("type Query { a: Int } type T implements I { a: Int }",
          "Unknown type \"I\". (line 1, column 41)");
    FAILS("type Query { a: Int } union U = A | B",
          "Unknown type \"A\". (line 1, column 33)\nUnknown type \"B\". (line 1, column 37)");
    FAILS("schema { query: Root } type Query { a: Int }",
          "Unknown type \"Root\". (line 1, column 17)");
    FAILS("type Query { a: Int }\ntype Query { b: Int }",
          "There can be only one type named \"Query\". (line 2, column 1)");
    FAILS("type Query { a: Int a: String }",
          "Field \"Query.a\" can only be defined once. (line 1, column 21)");
    FAILS("type Query { a(x: Int, x: Int): Int }",
          "Argument \"Query.a(x:)\" can only be defined once. (line 1, column 24)");
    FAILS("type Query { a: E } enum E { A B A }",
          "Enum value \"E.A\" can only be defined once. (line 1, column 34)");
    FAILS("type Query { a(i: I): Int } input I { x: Int x: Int }",
          "Field \"I.x\" can only be defined once. (line 1, column 46)");
    FAILS("type Query { a: Int } directive @d on FIELD directive @d on QUERY",
          "There can be only one directive named \"@d\". (line 1, column 45)");
    FAILS("type Query { a: Int } type String { x: Int }",
          "Type \"String\" already exists in the schema. It cannot also be defined in this type "
          "definition. (line 1, column 23)");
    FAILS("type Query { a: Int } query { a }",
          "A schema cannot contain operations or fragments (found OperationDefinition). "
          "(line 1, column 23)");
    FAILS("type Query { a: Int } schema { query: Query } schema { query: Query }",
          "Must provide only one schema definition. (line 1, column 47)");
    FAILS("type Query { a: Int } schema { query: Query query: Query }",
          "There can be only one query type in schema. (line 1, column 45)");
}

static void test_extensions_add_to_their_types(void)
{
    struct arena *a = arena_new(0);
    struct gql_schema *s = BUILD(a, "type Query { a: Int }\n"
                                    "extend type Query { b: E }\n"
                                    "interface Node { id: ID! }\n"
                                    "type P { id: ID! }\n"
                                    "extend type P implements Node @deprecated2\n"
                                    "directive @deprecated2 on OBJECT\n"
                                    "enum E { X }\nextend enum E { Y }\n"
                                    "union U = P\ntype Q2 { q: Int }\nextend union U = Q2\n"
                                    "input In { a: Int }\nextend input In { b: Int }\n"
                                    "scalar S\nextend scalar S @specifiedBy(url: \"https://x\")\n"
                                    "extend schema { mutation: M }\ntype M { m: Int }\n");
    if (s) {
        CU_ASSERT_EQUAL(s->query->nfields, 2);
        CU_ASSERT_STRING_EQUAL(s->mutation->name, "M");
        CU_ASSERT_EQUAL(type(s, "E")->nvalues, 2);
        CU_ASSERT_EQUAL(type(s, "U")->npossible_types, 2);
        CU_ASSERT_EQUAL(type(s, "In")->ninput_fields, 2);
        CU_ASSERT_EQUAL(type(s, "P")->ninterfaces, 1);
        CU_ASSERT(gql_is_possible_type(type(s, "Node"), type(s, "P")));
        CU_ASSERT_STRING_EQUAL(type(s, "S")->specified_by_url, "https://x");
        gql_schema_free(s);
    }
    FAILS("type Query { a: Int } extend type Nope { b: Int }",
          "Cannot extend type \"Nope\" because it is not defined. (line 1, column 23)");
    FAILS("type Query { a: Int } enum E { A } extend type E { b: Int }",
          "Cannot extend non-object type \"E\". (line 1, column 36)");
    FAILS("type Query { a: Int } extend input Query { b: Int }",
          "Cannot extend non-input object type \"Query\". (line 1, column 23)");
    FAILS("type Query { a: Int } extend type Query { a: String }",
          "Field \"Query.a\" can only be defined once. (line 1, column 43)");
    arena_free(a);
}

static void test_standard_scalars_may_be_declared_again(void)
{
    struct arena *a = arena_new(0);
    struct gql_schema *s = BUILD(a, "scalar String\nscalar ID\ntype Query { a: String b: ID }");
    if (s) {
        CU_ASSERT_PTR_EQUAL(type(s, "String")->scalar, &gql_scalar_string);
        CU_ASSERT_PTR_NOT_NULL(type(s, "String")->description); /* graphql-js's own */
        gql_schema_free(s);
    }
    arena_free(a);
}

static void test_directive_uses_are_checked(void)
{
    FAILS("type Query { a: Int @nope }", "Unknown directive \"@nope\". (line 1, column 21)");
    FAILS("type Query @deprecated { a: Int }",
          "Directive \"@deprecated\" may not be used on OBJECT. (line 1, column 12)");
    FAILS("type Query { a: Int @deprecated @deprecated }",
          "The directive \"@deprecated\" can only be used once at this location. "
          "(line 1, column 33)");
    FAILS("type Query { a: Int @deprecated(why: \"x\") }",
          "Unknown argument \"why\" on directive \"@deprecated\". (line 1, column 33)");
    FAILS("type Query { a: Int @deprecated(reason: \"a\", reason: \"b\") }",
          "There can be only one argument named \"reason\". (line 1, column 46)");
    FAILS("type Query { a: Int @deprecated(reason: 5) }",
          "Argument \"@deprecated(reason:)\" has invalid value: Expected value of type "
          "\"String\", found 5; String cannot represent a non string value: 5 "
          "(line 1, column 33)");
    FAILS("type Query { a: S } scalar S @specifiedBy",
          "Directive \"@specifiedBy\" argument \"url\" of type \"String!\" is required, but it "
          "was not provided. (line 1, column 30)");
    FAILS("type Query { a: S } scalar S @specifiedBy(url: null)",
          "Argument \"@specifiedBy(url:)\" has invalid value: Expected value of type "
          "\"String!\", found null. (line 1, column 43)");
    FAILS("type Query { a(x: Int @skip(if: true)): Int }",
          "Directive \"@skip\" may not be used on ARGUMENT_DEFINITION. (line 1, column 23)");
    FAILS("schema @deprecated { query: Query } type Query { a: Int }",
          "Directive \"@deprecated\" may not be used on SCHEMA. (line 1, column 8)");
    FAILS("type Query { a: Int } directive @d(e: E) on FIELD_DEFINITION enum E { A }\n"
          "extend type Query { b: Int @d(e: B) }",
          "Argument \"@d(e:)\" has invalid value: Value \"B\" does not exist in \"E\" enum. "
          "(line 2, column 31)");
    struct arena *a = arena_new(0);
    struct gql_schema *s = BUILD(a, "directive @tag(name: String!) repeatable on FIELD_DEFINITION\n"
                                    "type Query { a: Int @tag(name: \"x\") @tag(name: \"y\") }");
    if (s) {
        const struct gql_directive_type *d = gql_schema_directive(s, "tag", 3);
        CU_ASSERT_PTR_NOT_NULL_FATAL(d);
        CU_ASSERT(d->repeatable);
        CU_ASSERT_EQUAL(d->locations, GQL_LOC(FIELD_DEFINITION));
        CU_ASSERT_EQUAL(s->ndirectives, 5);
        /* The SDL's own first, then the specified ones (graphql-js buildASTSchema). */
        CU_ASSERT_STRING_EQUAL(s->directives[0]->name, "tag");
        CU_ASSERT_STRING_EQUAL(s->directives[1]->name, "include");
        CU_ASSERT_STRING_EQUAL(s->directives[2]->name, "skip");
        CU_ASSERT_STRING_EQUAL(s->directives[3]->name, "deprecated");
        CU_ASSERT_STRING_EQUAL(s->directives[4]->name, "specifiedBy");
        gql_schema_free(s);
    }
    arena_free(a);
}

static void test_the_specified_directives_are_built_in(void)
{
    struct arena *a = arena_new(0);
    struct gql_schema *s = BUILD(a, "type Query { a: Int }");
    if (!s) {
        arena_free(a);
        return;
    }
    CU_ASSERT_EQUAL(s->ndirectives, 4);
    const struct gql_directive_type *inc = gql_schema_directive(s, "include", 7);
    CU_ASSERT_PTR_NOT_NULL_FATAL(inc);
    CU_ASSERT_EQUAL(inc->locations,
                    GQL_LOC(FIELD) | GQL_LOC(FRAGMENT_SPREAD) | GQL_LOC(INLINE_FRAGMENT));
    CU_ASSERT_EQUAL(inc->nargs, 1);
    CU_ASSERT_STRING_EQUAL(gql_type_str(a, inc->args[0].type), "Boolean!");
    CU_ASSERT_STRING_EQUAL(inc->args[0].description, "Included when true.");
    const struct gql_directive_type *dep = gql_schema_directive(s, "deprecated", 10);
    CU_ASSERT_PTR_NOT_NULL_FATAL(dep);
    CU_ASSERT_STRING_EQUAL(dep->args[0].default_text, "\"No longer supported\"");
    CU_ASSERT_EQUAL(dep->locations, GQL_LOC(FIELD_DEFINITION) | GQL_LOC(ARGUMENT_DEFINITION) |
                                            GQL_LOC(INPUT_FIELD_DEFINITION) | GQL_LOC(ENUM_VALUE));
    CU_ASSERT_PTR_NOT_NULL(gql_schema_directive(s, "skip", 4));
    CU_ASSERT_PTR_NOT_NULL(gql_schema_directive(s, "specifiedBy", 11));
    CU_ASSERT_PTR_NULL(gql_schema_directive(s, "defer", 5));
    const char *builtins[] = { "Boolean",
                               "Float",
                               "ID",
                               "Int",
                               "String",
                               "__Directive",
                               "__DirectiveLocation",
                               "__EnumValue",
                               "__Field",
                               "__InputValue",
                               "__Schema",
                               "__Type",
                               "__TypeKind" };
    for (size_t i = 0; i < N(builtins); i++)
        check(type(s, builtins[i]) != NULL, __LINE__, "%s is built in", builtins[i]);
    CU_ASSERT_EQUAL(s->ntypes, N(builtins) + 1);
    /* Float and ID are used by nothing: graphql-js would not have them; they come last. */
    CU_ASSERT_STRING_EQUAL(s->types_in_order[0]->name, "Query");
    CU_ASSERT_STRING_EQUAL(s->types_in_order[1]->name, "Int");
    CU_ASSERT_STRING_EQUAL(s->types_in_order[s->ntypes - 2]->name, "Float");
    CU_ASSERT_STRING_EQUAL(s->types_in_order[s->ntypes - 1]->name, "ID");
    CU_ASSERT_PTR_NOT_NULL(gql_introspection_schema_field(s));
    gql_schema_free(s);
    arena_free(a);
}

static void test_an_sdl_may_redefine_a_specified_directive(void)
{
    struct arena *a = arena_new(0);
    struct gql_schema *s = BUILD(a, "directive @deprecated(reason: String = \"gone\") on "
                                    "FIELD_DEFINITION | ENUM_VALUE\n"
                                    "type Query { a: Int @deprecated }");
    if (s) {
        CU_ASSERT_EQUAL(s->ndirectives, 4);
        CU_ASSERT_STRING_EQUAL(s->directives[0]->name, "deprecated");
        CU_ASSERT_EQUAL(s->directives[0]->locations,
                        GQL_LOC(FIELD_DEFINITION) | GQL_LOC(ENUM_VALUE));
        CU_ASSERT_STRING_EQUAL(field(s, "Query", "a")->deprecation_reason, "gone");
        gql_schema_free(s);
    }
    FAILS("directive @skip on FIELD directive @skip on FIELD type Query { a: Int }",
          "There can be only one directive named \"@skip\". (line 1, column 26)");
    arena_free(a);
}

static void test_deprecation_is_read_from_every_place(void)
{
    struct arena *a = arena_new(0);
    struct gql_schema *s = BUILD(a, "type Query {\n"
                                    "  old: Int @deprecated\n"
                                    "  why: Int @deprecated(reason: \"Use `new`.\")\n"
                                    "  notReally: Int @deprecated(reason: null)\n"
                                    "  new(a: Int @deprecated(reason: \"a\"), b: Int): Int\n"
                                    "  e: E\n"
                                    "  i(in: In): Int\n"
                                    "}\n"
                                    "enum E { A B @deprecated }\n"
                                    "input In { x: Int @deprecated(reason: \"\") y: Int }\n");
    if (!s) {
        arena_free(a);
        return;
    }
    struct gql_field *f = field(s, "Query", "old");
    CU_ASSERT(f->deprecated);
    CU_ASSERT_STRING_EQUAL(f->deprecation_reason, "No longer supported");
    f = field(s, "Query", "why");
    CU_ASSERT(f->deprecated);
    CU_ASSERT_STRING_EQUAL(f->deprecation_reason, "Use `new`.");
    f = field(s, "Query", "notReally");
    CU_ASSERT(!f->deprecated);
    CU_ASSERT_PTR_NULL(f->deprecation_reason);
    f = field(s, "Query", "new");
    CU_ASSERT(!f->deprecated);
    CU_ASSERT(f->args[0].deprecated);
    CU_ASSERT_STRING_EQUAL(f->args[0].deprecation_reason, "a");
    CU_ASSERT(!f->args[1].deprecated);
    CU_ASSERT(!gql_type_enum_value(type(s, "E"), "A", 1)->deprecated);
    CU_ASSERT(gql_type_enum_value(type(s, "E"), "B", 1)->deprecated);
    CU_ASSERT_STRING_EQUAL(gql_type_enum_value(type(s, "E"), "B", 1)->deprecation_reason,
                           "No longer supported");
    CU_ASSERT(gql_type_input_field(type(s, "In"), "x", 1)->deprecated);
    CU_ASSERT_STRING_EQUAL(gql_type_input_field(type(s, "In"), "x", 1)->deprecation_reason, "");
    gql_schema_free(s);
    arena_free(a);
}

static void test_descriptions_and_default_values_are_kept(void)
{
    struct arena *a = arena_new(0);
    struct gql_schema *s =
            BUILD(a, "\"\"\"The schema.\"\"\"\nschema { query: Query }\n"
                     "\"The root.\"\n"
                     "type Query {\n"
                     "  \"\"\"\n  A field.\n  Two lines.\n  \"\"\"\n"
                     "  f(\"An arg.\" n: Int = 5, s: String = \"x\\\"y\",\n"
                     "    l: [E] = [A, B], o: In = {a: 1, b: \"z\"}, one: [Int] = 1,\n"
                     "    nul: Int = null, fl: Float = 1.50, blk: String = \"\"\"b\"\"\",\n"
                     "    o2: In = {a: 2}, id: ID = \"4\", ids: [ID] = [\"x\", 5],\n"
                     "    ff: Float = 3, nn: [[Int]] = 7): Int\n"
                     "  g: Int\n"
                     "}\n"
                     "enum E { \"first\" A B }\n"
                     "input In { a: Int! b: String = \"d\" }\n");
    if (!s) {
        arena_free(a);
        return;
    }
    CU_ASSERT_STRING_EQUAL(s->description, "The schema.");
    CU_ASSERT_STRING_EQUAL(s->query->description, "The root.");
    struct gql_field *f = field(s, "Query", "f");
    CU_ASSERT_STRING_EQUAL(f->description, "A field.\nTwo lines.");
    CU_ASSERT_PTR_NULL(field(s, "Query", "g")->description);
    CU_ASSERT_EQUAL_FATAL(f->nargs, 13);
    CU_ASSERT_STRING_EQUAL(f->args[0].description, "An arg.");
    /* As graphql-js's introspection prints defaults: coerced, then printed. */
    const char *want[] = { "5",          "\"x\\\"y\"", "[A, B]", "{a: 1, b: \"z\"}", "[1]",
                           "null",       "1.5",        "\"b\"",  "{a: 2, b: \"d\"}", "4",
                           "[\"x\", 5]", "3",          "[[7]]" };
    for (size_t i = 0; i < N(want); i++) {
        CU_ASSERT_PTR_NOT_NULL(f->args[i].default_value);
        check(f->args[i].default_text && strcmp(f->args[i].default_text, want[i]) == 0, __LINE__,
              "default %zu is '%s', want '%s'", i, f->args[i].default_text, want[i]);
    }
    CU_ASSERT_PTR_NULL(field(s, "Query", "g")->args);
    CU_ASSERT_STRING_EQUAL(gql_type_enum_value(type(s, "E"), "A", 1)->description, "first");
    CU_ASSERT_PTR_NULL(type(s, "In")->input_fields[0].default_value);
    CU_ASSERT_PTR_NULL(type(s, "In")->input_fields[0].default_text);
    gql_schema_free(s);
    arena_free(a);
}

static void test_invalid_default_values_are_reported(void)
{
    FAILS("type Query { f(a: Int = \"x\"): Int }",
          "Query.f(a:) has invalid default value: Expected value of type \"Int\", found \"x\"; "
          "Int cannot represent non-integer value: \"x\" (line 1, column 25)");
    FAILS("type Query { f(a: Int! = null): Int }",
          "Query.f(a:) has invalid default value: Expected value of type \"Int!\", found null. "
          "(line 1, column 26)");
    FAILS("type Query { f(e: E = C): Int } enum E { A }",
          "Query.f(e:) has invalid default value: Value \"C\" does not exist in \"E\" enum. "
          "(line 1, column 23)");
    FAILS("type Query { f(e: E = \"A\"): Int } enum E { A }",
          "Query.f(e:) has invalid default value: Enum \"E\" cannot represent non-enum value: "
          "\"A\". (line 1, column 23)");
    FAILS("type Query { f(i: In = {}): Int } input In { a: Int! }",
          "Query.f(i:) has invalid default value: Field \"In.a\" of required type \"Int!\" was "
          "not provided. (line 1, column 24)");
    FAILS("type Query { f(i: In = {a: 1, z: 2}): Int } input In { a: Int! }",
          "Query.f(i:) has invalid default value: Field \"z\" is not defined by type \"In\". "
          "(line 1, column 24)");
    FAILS("type Query { f(i: In = {a: 1, a: 2}): Int } input In { a: Int! }",
          "Query.f(i:) has invalid default value: There can be only one input field named "
          "\"a\". (line 1, column 24)");
    FAILS("type Query { f(i: In = 3): Int } input In { a: Int }",
          "Query.f(i:) has invalid default value: Expected value of type \"In\", found 3. "
          "(line 1, column 24)");
    FAILS("type Query { f(l: [Int!] = [1, null]): Int }",
          "Query.f(l:) has invalid default value: Expected value of type \"Int!\", found null. "
          "(line 1, column 28)");
    FAILS("type Query { f: Int } input In { a: In2 = {b: \"x\"} } input In2 { b: Int }",
          "In.a has invalid default value: Expected value of type \"Int\", found \"x\"; Int "
          "cannot represent non-integer value: \"x\" (line 1, column 43)");
    FAILS("type Query { f: Int } directive @d(a: Int = true) on FIELD",
          "@d(a:) has invalid default value: Expected value of type \"Int\", found true; Int "
          "cannot represent non-integer value: true (line 1, column 45)");
}

/* ---- validateSchema --------------------------------------------------------------------- */

static void test_root_types_are_checked(void)
{
    FAILS("type Mutation { a: Int }", "Query root type must be provided.");
    FAILS("schema { mutation: M } type M { a: Int } type Query { a: Int }",
          "Query root type must be provided.");
    FAILS("schema { query: S } scalar S", "Query root type must be Object type, it cannot be S.");
    FAILS("type Query { a: Int } schema { query: Query mutation: I } input I { a: Int }",
          "Mutation root type must be Object type if provided, it cannot be I.");
    FAILS("type Query { a: Int } union Subscription = Query",
          "Subscription root type must be Object type if provided, it cannot be Subscription.");
}

static void test_reserved_names_are_refused(void)
{
    FAILS("type Query { __a: Int }",
          "Name \"__a\" must not begin with \"__\", which is reserved by GraphQL introspection.");
    FAILS("type Query { a(__x: Int): Int }",
          "Name \"__x\" must not begin with \"__\", which is reserved by GraphQL introspection.");
    FAILS("type Query { a: __T } type __T { a: Int }",
          "Name \"__T\" must not begin with \"__\", which is reserved by GraphQL introspection.");
    FAILS("type Query { a: E } enum E { __V }",
          "Name \"__V\" must not begin with \"__\", which is reserved by GraphQL introspection.");
    FAILS("type Query { a: Int } directive @__d on FIELD",
          "Name \"__d\" must not begin with \"__\", which is reserved by GraphQL introspection.");
    FAILS("type Query { a: Int } type __Type { a: Int }",
          "There can be only one type named \"__Type\". (line 1, column 23)");
}

static void test_empty_and_misplaced_types_are_refused(void)
{
    FAILS("type Query { a: T } type T", "Type T must define one or more fields.");
    FAILS("type Query { a: U } union U", "Union type U must define one or more member types.");
    FAILS("type Query { a: E } enum E", "Enum type E must define one or more values.");
    FAILS("type Query { a(i: I): Int } input I",
          "Input Object type I must define one or more fields.");
    FAILS("type Query { a: In } input In { x: Int }",
          "The type of Query.a must be Output Type but got: In.");
    FAILS("type Query { a(q: [Query!]): Int }",
          "The type of Query.a(q:) must be Input Type but got: [Query!].");
    FAILS("type Query { a(i: In): Int } input In { q: Query }",
          "The type of In.q must be Input Type but got: Query.");
    FAILS("type Query { a: Int } directive @d(q: Query) on FIELD",
          "The type of @d(q:) must be Input Type but got: Query.");
    FAILS("type Query { a(x: Int! @deprecated): Int }",
          "Required argument Query.a(x:) cannot be deprecated.");
    FAILS("type Query { a(i: In): Int } input In { x: Int! @deprecated }",
          "Required input field In.x cannot be deprecated.");
    FAILS("type Query { a: U } union U = Query | E enum E { A }",
          "Union type U can only include Object types, it cannot include E.");
    FAILS("type Query { a: U } union U = Query | Query",
          "Union type U can only include type Query once.");
    struct arena *a = arena_new(0);
    struct gql_schema *s = BUILD(a, "type Query { a(x: Int! = 1 @deprecated): Int }");
    gql_schema_free(s); /* a required argument with a default may be deprecated */
    arena_free(a);
}

static void test_interfaces_are_checked_as_graphql_js_does(void)
{
    FAILS("type Query implements Query { a: Int }",
          "Type Query must only implement Interface types, it cannot implement Query.");
    FAILS("type Query { a: I } interface I implements I { a: Int }",
          "Type I cannot implement itself because it would create a circular reference.");
    FAILS("type Query implements I & I { a: Int } interface I { a: Int }",
          "Type Query can only implement I once.");
    FAILS("type Query implements B { a: Int } interface A { a: Int } "
          "interface B implements A { a: Int }",
          "Type Query must implement A because it is implemented by B.");
    FAILS("type Query implements I { b: Int } interface I { a: Int }",
          "Interface field I.a expected but Query does not provide it.");
    FAILS("type Query implements I { a: String } interface I { a: Int }",
          "Interface field I.a expects type Int but Query.a is type String.");
    FAILS("type Query implements I { a: Int } interface I { a: Int! }",
          "Interface field I.a expects type Int! but Query.a is type Int.");
    FAILS("type Query implements I { a: Int } interface I { a(x: Int): Int }",
          "Interface field argument I.a(x:) expected but Query.a does not provide it.");
    FAILS("type Query implements I { a(x: Int!): Int } interface I { a(x: Int): Int }",
          "Interface field argument I.a(x:) expects type Int but Query.a(x:) is type Int!.");
    FAILS("type Query implements I { a(y: Int!): Int } interface I { a: Int }",
          "Object field Query.a includes required argument y that is missing from the Interface "
          "field I.a.");
    struct arena *a = arena_new(0);
    /* Covariant field types, optional extra arguments, transitive interfaces. */
    struct gql_schema *s =
            BUILD(a, "interface Node { id: ID node: Node list: [Node] }\n"
                     "interface Named implements Node { id: ID node: Node "
                     "list: [Node] name: String }\n"
                     "type Query implements Node & Named { id: ID! node: Query "
                     "list: [Query!]! name(upper: Boolean): String }\n"
                     "type Other implements Node { id: ID node: Node list: [Node] }");
    if (s) {
        CU_ASSERT_EQUAL(type(s, "Node")->npossible_types, 2);
        CU_ASSERT_STRING_EQUAL(type(s, "Node")->possible_types[0]->name, "Query");
        CU_ASSERT_STRING_EQUAL(type(s, "Node")->possible_types[1]->name, "Other");
        CU_ASSERT_EQUAL(type(s, "Named")->npossible_types, 1);
        gql_schema_free(s);
    }
    arena_free(a);
}

static void test_non_null_input_cycles_are_refused(void)
{
    FAILS("type Query { a(i: A): Int } input A { self: A! }",
          "Cannot reference Input Object \"A\" within itself through a series of non-null "
          "fields: \"self\".");
    FAILS("type Query { a(i: A): Int } input A { b: B! } input B { c: C! } input C { a: A! }",
          "Cannot reference Input Object \"A\" within itself through a series of non-null "
          "fields: \"b.c.a\".");
    struct arena *a = arena_new(0);
    struct gql_schema *s = BUILD(a, "type Query { a(i: A): Int }\n"
                                    "input A { b: B list: [A!]! opt: A }\ninput B { a: A }");
    gql_schema_free(s);
    arena_free(a);
}

static void test_unknown_custom_scalars_pass_through(void)
{
    struct arena *a = arena_new(0);
    struct gql_schema *s = BUILD(a, "scalar Money\nscalar Upload\n"
                                    "type Query { price: Money f(file: Upload): Int }");
    if (s) {
        CU_ASSERT_PTR_EQUAL(type(s, "Money")->scalar, &gql_scalar_pass_through);
        CU_ASSERT_PTR_EQUAL(type(s, "Upload")->scalar, &gql_scalar_upload);
        CU_ASSERT_PTR_EQUAL(type(s, "Int")->scalar, &gql_scalar_int);
        gql_schema_free(s);
    }
    arena_free(a);
}

static void test_hostile_sdl_fails_cleanly(void)
{
    /* Deep nesting of type references and values. */
    struct arena *a = arena_new(0);
    struct buf b = BUF_INIT(a);
    buf_appends(&b, "type Query { a: ");
    for (int i = 0; i < 5000; i++)
        buf_appendc(&b, '[');
    buf_appends(&b, "Int");
    for (int i = 0; i < 5000; i++)
        buf_appendc(&b, ']');
    buf_appends(&b, " }");
    struct gql_schema *s = NULL;
    char err[256];
    CU_ASSERT_EQUAL(gql_schema_build(&s, b.ptr, b.len, NULL, 0, NULL, 0, err, sizeof err),
                    WM_EINVAL);
    CU_ASSERT_PTR_NULL(s);
    /* Garbage bytes, a NUL inside, every prefix of a valid SDL. */
    const char junk[] = "type Query { a: Int }\0type X { b: Int }\xff\xfe";
    CU_ASSERT_EQUAL(gql_schema_build(&s, junk, sizeof junk - 1, NULL, 0, NULL, 0, err, sizeof err),
                    WM_EINVAL);
    const char *sdl = "type Query { a(x: [In!] = [{v: 1}]): E @deprecated } "
                      "input In { v: Int } enum E { A }";
    for (size_t n = 0; n < strlen(sdl); n++) {
        static const struct gql_root_field roots[] = { { "Query", "a", resolve_null, 0 } };
        int rc = gql_schema_build(&s, sdl, n, roots, 1, NULL, 0, err, sizeof err);
        CU_ASSERT(rc == WM_EINVAL || rc == WM_OK);
        gql_schema_free(s);
        s = NULL;
    }
    arena_free(a);
}

static CU_TestInfo tests[] = {
    { "the client's draft schema builds", test_the_client_draft_schema_builds },
    { "a root field without a row fails", test_a_root_field_without_a_row_fails },
    { "a row without a resolver function fails", test_a_row_without_a_resolver_function_fails },
    { "a row naming no root field fails", test_a_row_naming_no_root_field_fails },
    { "root rows follow the schema definition's names",
      test_root_rows_follow_the_schema_definition_names },
    { "binding stores resolvers, flags and maps", test_binding_stores_resolvers_flags_and_maps },
    { "map kinds must fit the field types", test_map_kinds_must_fit_the_field_types },
    { "field map rows must match the fields", test_field_map_rows_must_match_the_fields },
    { "every object type needs exactly one map", test_every_object_type_needs_exactly_one_map },
    { "the error buffer may be small or absent", test_the_error_buffer_may_be_small_or_absent },
    { "syntax errors are reported with their place",
      test_syntax_errors_are_reported_with_their_place },
    { "unknown and duplicate names are reported", test_unknown_and_duplicate_names_are_reported },
    { "extensions add to their types", test_extensions_add_to_their_types },
    { "standard scalars may be declared again", test_standard_scalars_may_be_declared_again },
    { "directive uses are checked", test_directive_uses_are_checked },
    { "the specified directives are built in", test_the_specified_directives_are_built_in },
    { "an SDL may redefine a specified directive", test_an_sdl_may_redefine_a_specified_directive },
    { "deprecation is read from every place", test_deprecation_is_read_from_every_place },
    { "descriptions and default values are kept", test_descriptions_and_default_values_are_kept },
    { "invalid default values are reported", test_invalid_default_values_are_reported },
    { "root types are checked", test_root_types_are_checked },
    { "reserved names are refused", test_reserved_names_are_refused },
    { "empty and misplaced types are refused", test_empty_and_misplaced_types_are_refused },
    { "interfaces are checked as graphql-js does", test_interfaces_are_checked_as_graphql_js_does },
    { "non-null input cycles are refused", test_non_null_input_cycles_are_refused },
    { "unknown custom scalars pass through", test_unknown_custom_scalars_pass_through },
    { "hostile SDL fails cleanly", test_hostile_sdl_fails_cleanly },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_type_build, "graphql/type/build", NULL, NULL, tests);
