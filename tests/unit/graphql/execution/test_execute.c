/*
 * test_execute.c: unit tests for src/graphql/execution/execute.c and collect_fields.c, run
 * end to end on a small marketplace schema (SDL, C structs, field maps, root resolvers):
 * field maps and resolvers, aliases and response-key order, fragments, interfaces and unions,
 * @skip/@include, null propagation through objects and lists, located errors with paths and
 * codes (internal detail hidden), variables and arguments, introspection on the query root,
 * mutations with the transaction hooks. Expected responses are exact JSON; those that
 * graphql-js can produce were produced by graphql-js 16.8.2 on the same schema and data
 * (extensions.code added: ours only), so they check compatibility, not just stability.
 */
#include "graphql/graphql.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/json_out.h"
#include "test.h"

/* ---- the schema --------------------------------------------------------------------------- */

static const char sdl[] =
        "scalar GenericScalar\n"
        "\n"
        "interface Node {\n"
        "  id: ID!\n"
        "}\n"
        "\n"
        "enum Condition {\n"
        "  NEW\n"
        "  USED\n"
        "  REFURBISHED\n"
        "}\n"
        "\n"
        "type Vendor implements Node {\n"
        "  id: ID!\n"
        "  name: String!\n"
        "  rating: Float\n"
        "  products: [Product!]\n"
        "}\n"
        "\n"
        "type Category implements Node {\n"
        "  id: ID!\n"
        "  name: String\n"
        "  parent: Category\n"
        "}\n"
        "\n"
        "type Product implements Node {\n"
        "  id: ID!\n"
        "  name: String!\n"
        "  priceMinor: Int\n"
        "  stock: Int\n"
        "  big: Int\n"
        "  active: Boolean\n"
        "  weight: Float\n"
        "  condition: Condition\n"
        "  badEnum: Condition\n"
        "  vendor: Vendor\n"
        "  category: Category\n"
        "  tags: [String]\n"
        "  badTags: [String!]\n"
        "  strictTags: [String!]!\n"
        "  notAList: [Int]\n"
        "  required: String!\n"
        "  secret: String\n"
        "  path: String\n"
        "}\n"
        "\n"
        "union SearchResult = Product | Vendor | Category\n"
        "\n"
        "input PriceRange {\n"
        "  min: Int!\n"
        "  max: Int = 100\n"
        "}\n"
        "\n"
        "input ProductFilter {\n"
        "  condition: Condition = NEW\n"
        "  tags: [String!]\n"
        "  price: PriceRange\n"
        "}\n"
        "\n"
        "type CartPayload {\n"
        "  ok: Boolean!\n"
        "  count: Int\n"
        "  message: String\n"
        "}\n"
        "\n"
        "type Query {\n"
        "  product(id: ID!): Product\n"
        "  products(first: Int = 10): [Product!]!\n"
        "  node(id: ID!): Node\n"
        "  search(text: String!): [SearchResult]\n"
        "  echo(i: Int, f: Float, s: String, b: Boolean, id: ID, e: Condition, l: [Int], ll: "
        "[[Int!]], o: ProductFilter, dflt: Int = 42, ndflt: Int! = 7): GenericScalar\n"
        "  need(id: ID!): GenericScalar\n"
        "  failing: String\n"
        "  forbidden: String\n"
        "  notFound: String\n"
        "  nonNullFailing: String!\n"
        "  cart: CartPayload\n"
        "  wrongType: Vendor\n"
        "  dyn(typename: String): Node\n"
        "}\n"
        "\n"
        "type Mutation {\n"
        "  addToCart(productId: ID!, quantity: Int = 1): CartPayload\n"
        "  clearCart: CartPayload\n"
        "}\n";

struct vendor {
    int64_t id;
    const char *name;
    double rating;
};

struct category {
    int64_t id;
    const char *name;
    int64_t parent; /* 0 = none */
};

struct product {
    int64_t id;
    const char *name;
    int32_t price_minor;
    int32_t stock;
    int64_t big; /* does not fit an Int for product 101 */
    bool active;
    double weight;
    const char *condition;
    int64_t vendor;
    int64_t category;
    const char *tags[2];
    size_t ntags;
};

static const struct vendor vendors[] = { { 201, "Acme", 4.5 }, { 202, "Globex", 4.0 } };
static const struct category categories[] = { { 301, "Clothing", 0 }, { 302, "Shirts", 301 } };
static const struct product products[] = {
    { 101, "Shirt", 1999, 5, 3000000000, true, 1.5, "NEW", 201, 302, { "a", "b" }, 2 },
    { 102, "Shoe", 4999, 0, 1, false, 2.0, "USED", 202, 301, { NULL, NULL }, 0 },
    { 103, "Hat", 500, 12, 2, true, 0.25, "REFURBISHED", 201, 301, { "c", NULL }, 1 },
};
#define NPRODUCTS (sizeof(products) / sizeof(products[0]))

static const struct product *find_product(int64_t id)
{
    for (size_t i = 0; i < NPRODUCTS; i++)
        if (products[i].id == id) return &products[i];
    return NULL;
}

static const struct vendor *find_vendor(int64_t id)
{
    for (size_t i = 0; i < sizeof(vendors) / sizeof(vendors[0]); i++)
        if (vendors[i].id == id) return &vendors[i];
    return NULL;
}

static const struct category *find_category(int64_t id)
{
    for (size_t i = 0; i < sizeof(categories) / sizeof(categories[0]); i++)
        if (categories[i].id == id) return &categories[i];
    return NULL;
}

static const struct gql_type *type_named(const struct gql_call *call, const char *name)
{
    return gql_schema_type(call->schema, name, strlen(name));
}

/* The ID argument called name as a number (0 when it is not one). */
static int64_t arg_id(const struct gql_call *call, const char *name)
{
    const struct gql_value *v = gql_arg(call, name);
    int64_t id = 0;
    if (v && v->kind == GQL_V_STRING && !str_to_int64(v->u.s, &id)) id = 0;
    return id;
}

static struct gql_value strings(struct arena *a, const char *const *s, size_t n)
{
    struct gql_value list = gql_list(a, n);
    for (size_t i = 0; i < n; i++)
        list.u.list.items[i] = s[i] ? gql_string_n(str_from(s[i])) : gql_null();
    return list;
}

static const struct product *source_product(const struct gql_call *call)
{
    return call->source->u.ptr;
}

static int product_condition(struct gql_call *call, struct gql_value *out)
{
    *out = gql_enum(source_product(call)->condition);
    return WM_OK;
}

static int product_bad_enum(struct gql_call *call, struct gql_value *out)
{
    (void)call;
    *out = gql_enum("BROKEN");
    return WM_OK;
}

static int product_vendor(struct gql_call *call, struct gql_value *out)
{
    *out = gql_ptr(find_vendor(source_product(call)->vendor), NULL);
    return WM_OK;
}

static int product_category(struct gql_call *call, struct gql_value *out)
{
    *out = gql_ptr(find_category(source_product(call)->category), NULL);
    return WM_OK;
}

static int product_tags(struct gql_call *call, struct gql_value *out)
{
    const struct product *p = source_product(call);
    *out = strings(call->ctx->arena, p->tags, p->ntags);
    return WM_OK;
}

static int product_bad_tags(struct gql_call *call, struct gql_value *out)
{
    static const char *const tags[] = { "x", NULL };
    *out = strings(call->ctx->arena, tags, 2);
    return WM_OK;
}

static int product_strict_tags(struct gql_call *call, struct gql_value *out)
{
    static const char *const tags[] = { "x", NULL };
    *out = strings(call->ctx->arena, tags, source_product(call)->id == 102 ? 2 : 1);
    return WM_OK;
}

static int product_not_a_list(struct gql_call *call, struct gql_value *out)
{
    (void)call;
    *out = gql_int(5);
    return WM_OK;
}

static int product_required(struct gql_call *call, struct gql_value *out)
{
    (void)call;
    *out = gql_null();
    return WM_OK;
}

static int product_secret(struct gql_call *call, struct gql_value *out)
{
    (void)out;
    return wm_errorf(call->ctx, WM_EDB, "password=hunter2 rejected by db01");
}

/* The response path of the field, "products.0.path". */
static int product_path(struct gql_call *call, struct gql_value *out)
{
    const struct gql_path *steps[64];
    size_t n = 0;
    for (const struct gql_path *p = call->path; p && n < 64; p = p->prev)
        steps[n++] = p;
    struct buf b = BUF_INIT(call->ctx->arena);
    while (n--) {
        if (b.len) buf_appendc(&b, '.');
        if (steps[n]->key)
            buf_appends(&b, steps[n]->key);
        else
            buf_appendf(&b, "%d", steps[n]->index);
    }
    *out = gql_string_n(buf_str(&b));
    return WM_OK;
}

static int vendor_products(struct gql_call *call, struct gql_value *out)
{
    const struct vendor *v = call->source->u.ptr;
    size_t n = 0;
    for (size_t i = 0; i < NPRODUCTS; i++)
        n += products[i].vendor == v->id;
    *out = gql_list(call->ctx->arena, n);
    n = 0;
    for (size_t i = 0; i < NPRODUCTS; i++)
        if (products[i].vendor == v->id) out->u.list.items[n++] = gql_ptr(&products[i], NULL);
    return WM_OK;
}

static int category_parent(struct gql_call *call, struct gql_value *out)
{
    const struct category *c = call->source->u.ptr;
    *out = gql_ptr(find_category(c->parent), NULL);
    return WM_OK;
}

static const struct gql_field_map product_fields[] = {
    GQL_MAP_ID("id", struct product, id),
    GQL_MAP_STR("name", struct product, name),
    GQL_MAP_INT("priceMinor", struct product, price_minor),
    GQL_MAP_INT("stock", struct product, stock),
    GQL_MAP_INT64("big", struct product, big),
    GQL_MAP_BOOL("active", struct product, active),
    GQL_MAP_DOUBLE("weight", struct product, weight),
    GQL_MAP_FN("condition", product_condition),
    GQL_MAP_FN("badEnum", product_bad_enum),
    GQL_MAP_FN("vendor", product_vendor),
    GQL_MAP_FN("category", product_category),
    GQL_MAP_FN("tags", product_tags),
    GQL_MAP_FN("badTags", product_bad_tags),
    GQL_MAP_FN("strictTags", product_strict_tags),
    GQL_MAP_FN("notAList", product_not_a_list),
    GQL_MAP_FN("required", product_required),
    GQL_MAP_FN("secret", product_secret),
    GQL_MAP_FN("path", product_path),
    GQL_MAP_END,
};

static const struct gql_field_map vendor_fields[] = {
    GQL_MAP_ID("id", struct vendor, id),
    GQL_MAP_STR("name", struct vendor, name),
    GQL_MAP_DOUBLE("rating", struct vendor, rating),
    GQL_MAP_FN("products", vendor_products),
    GQL_MAP_END,
};

static const struct gql_field_map category_fields[] = {
    GQL_MAP_ID("id", struct category, id),
    GQL_MAP_STR("name", struct category, name),
    GQL_MAP_FN("parent", category_parent),
    GQL_MAP_END,
};

static const struct gql_type_map type_maps[] = {
    { "Product", product_fields },
    { "Vendor", vendor_fields },
    { "Category", category_fields },
    { "CartPayload", NULL }, /* dynamic: OBJECT sources */
};

static int q_product(struct gql_call *call, struct gql_value *out)
{
    *out = gql_ptr(find_product(arg_id(call, "id")), NULL);
    return WM_OK;
}

static int q_products(struct gql_call *call, struct gql_value *out)
{
    int64_t first = gql_arg(call, "first")->u.i;
    size_t n = first < 0 ? 0 : (size_t)first < NPRODUCTS ? (size_t)first : NPRODUCTS;
    *out = gql_list(call->ctx->arena, n);
    for (size_t i = 0; i < n; i++)
        out->u.list.items[i] = gql_ptr(&products[i], NULL);
    return WM_OK;
}

/* Products, vendors and categories by id; 999 names no type, 998 a type that is not a Node,
 * 997 a type that is not an object type. */
static int q_node(struct gql_call *call, struct gql_value *out)
{
    int64_t id = arg_id(call, "id");
    const struct product *p = find_product(id);
    const struct vendor *v = find_vendor(id);
    const struct category *c = find_category(id);
    if (p)
        *out = gql_ptr(p, type_named(call, "Product"));
    else if (v)
        *out = gql_ptr(v, type_named(call, "Vendor"));
    else if (c)
        *out = gql_ptr(c, type_named(call, "Category"));
    else if (id == 999)
        *out = gql_ptr(&products[0], NULL);
    else if (id == 998)
        *out = gql_ptr(&products[0], type_named(call, "CartPayload"));
    else if (id == 997)
        *out = gql_ptr(&products[0], type_named(call, "Condition"));
    else
        *out = gql_null();
    return WM_OK;
}

static int q_search(struct gql_call *call, struct gql_value *out)
{
    *out = gql_list(call->ctx->arena, 4);
    out->u.list.items[0] = gql_ptr(&products[0], type_named(call, "Product"));
    out->u.list.items[1] = gql_ptr(&vendors[0], type_named(call, "Vendor"));
    out->u.list.items[2] = gql_ptr(&categories[0], type_named(call, "Category"));
    out->u.list.items[3] = gql_null();
    return WM_OK;
}

/* The coerced arguments, as they are (GenericScalar writes them as JSON). */
static int q_echo(struct gql_call *call, struct gql_value *out)
{
    *out = call->args;
    return WM_OK;
}

static int q_failing(struct gql_call *call, struct gql_value *out)
{
    (void)out;
    return wm_errorf(call->ctx, WM_EDB, "SELECT failed: table x is missing");
}

static int q_forbidden(struct gql_call *call, struct gql_value *out)
{
    (void)out;
    return wm_errorf(call->ctx, WM_EPERM, "You do not have permission to perform this action");
}

static int q_not_found(struct gql_call *call, struct gql_value *out)
{
    (void)call;
    (void)out;
    return WM_ENOTFOUND; /* no message: the code's default, not a previous field's */
}

static int q_non_null_failing(struct gql_call *call, struct gql_value *out)
{
    (void)out;
    return wm_errorf(call->ctx, WM_ENOTFOUND, "no such thing");
}

/* A dynamic payload; it also checks what the resolver is told about itself. */
static int q_cart(struct gql_call *call, struct gql_value *out)
{
    if (call->source || strcmp(call->field->name, "cart") != 0 ||
        call->parent_type != call->schema->query || !call->node || !call->path ||
        call->path->prev || call->exec == NULL)
        return wm_errorf(call->ctx, WM_EINVAL, "unexpected call");
    *out = gql_object(call->ctx->arena, 2);
    gql_object_set(call->ctx->arena, out, "ok", gql_bool(true));
    gql_object_set(call->ctx->arena, out, "count", gql_int(3));
    return WM_OK;
}

/* A product where a vendor is expected: must not be read through the vendor's field map. */
static int q_wrong_type(struct gql_call *call, struct gql_value *out)
{
    *out = gql_ptr(&products[0], type_named(call, "Product"));
    return WM_OK;
}

/* A dynamic object naming its type by "__typename" (omitted when typename is not given). */
static int q_dyn(struct gql_call *call, struct gql_value *out)
{
    struct arena *a = call->ctx->arena;
    const struct gql_value *typename = gql_arg(call, "typename");
    *out = gql_object(a, 3);
    if (typename) gql_object_set(a, out, "__typename", *typename);
    gql_object_set(a, out, "id", gql_int(9));
    gql_object_set(a, out, "name", gql_string(a, "Dyn"));
    return WM_OK;
}

/* What the mutation hooks and resolvers did, in order. */
static struct buf hook_log = BUF_INIT(NULL);
static int hook_calls;    /* mutation_begin calls so far */
static int fail_begin_at; /* the begin call that fails (0 = none) */
static int fail_end_at;   /* the end call that fails a success (0 = none) */

static int hook_begin(struct wm_ctx *ctx)
{
    hook_calls++;
    buf_appendf(&hook_log, "begin%d ", hook_calls);
    if (hook_calls == fail_begin_at) return wm_errorf(ctx, WM_EUNAVAIL, "database is down");
    return WM_OK;
}

static int hook_end(struct wm_ctx *ctx, int rc)
{
    buf_appendf(&hook_log, "end%d(%d) ", hook_calls, rc);
    if (rc == WM_OK && hook_calls == fail_end_at)
        return wm_errorf(ctx, WM_EDB, "commit failed: deadlock on cart_item");
    return rc;
}

static const struct gql_exec_hooks hooks = { hook_begin, hook_end };

static int m_add_to_cart(struct gql_call *call, struct gql_value *out)
{
    int64_t qty = gql_arg(call, "quantity")->u.i;
    buf_appendf(&hook_log, "add(%lld,%lld) ", (long long)arg_id(call, "productId"), (long long)qty);
    *out = gql_object(call->ctx->arena, 2);
    gql_object_set(call->ctx->arena, out, "ok", gql_bool(true));
    gql_object_set(call->ctx->arena, out, "count", gql_int(qty));
    return WM_OK;
}

static int m_clear_cart(struct gql_call *call, struct gql_value *out)
{
    (void)out;
    buf_appends(&hook_log, "clear ");
    return wm_errorf(call->ctx, WM_ECONFLICT, "cart is locked");
}

static const struct gql_root_field roots[] = {
    { "Query", "product", q_product, 0 },
    { "Query", "products", q_products, 0 },
    { "Query", "node", q_node, 0 },
    { "Query", "search", q_search, 0 },
    { "Query", "echo", q_echo, 0 },
    { "Query", "need", q_echo, 0 },
    { "Query", "failing", q_failing, 0 },
    { "Query", "forbidden", q_forbidden, 0 },
    { "Query", "notFound", q_not_found, 0 },
    { "Query", "nonNullFailing", q_non_null_failing, 0 },
    { "Query", "cart", q_cart, 0 },
    { "Query", "wrongType", q_wrong_type, 0 },
    { "Query", "dyn", q_dyn, 0 },
    { "Mutation", "addToCart", m_add_to_cart, 0 },
    { "Mutation", "clearCart", m_clear_cart, 0 },
};

/* ---- running documents -------------------------------------------------------------------- */

static struct arena *arena;
static struct gql_schema *schema;

static int suite_init(void)
{
    char err[256];
    arena = arena_new(0);
    if (gql_schema_build(&schema, sdl, sizeof(sdl) - 1, roots, sizeof(roots) / sizeof(roots[0]),
                         type_maps, sizeof(type_maps) / sizeof(type_maps[0]), err,
                         sizeof(err)) != WM_OK) {
        (void)fprintf(stderr, "graphql/execution/execute: schema: %s\n", err);
        return -1;
    }
    return 0;
}

static int suite_clean(void)
{
    gql_schema_free(schema);
    arena_free(arena);
    buf_release(&hook_log);
    return 0;
}

/* A JSON text (test input, trusted) as a runtime value, as the API surface would give it. */
static struct gql_value json_value(const char **p)
{
    while (**p == ' ' || **p == '\n')
        (*p)++;
    const char *s = *p;
    if (*s == '{' || *s == '[') {
        bool obj = *s == '{';
        struct gql_value v = obj ? gql_object(arena, 4) : gql_list(arena, 0);
        struct gql_value items[128];
        size_t n = 0;
        (*p)++;
        while (**p == ' ')
            (*p)++;
        while (**p != (obj ? '}' : ']')) {
            if (obj) {
                struct gql_value key = json_value(p);
                *p += strspn(*p, " ") + 1; /* the ':' */
                struct gql_value val = json_value(p);
                gql_object_set(arena, &v, str_dup(arena, key.u.s), val);
            } else {
                items[n++] = json_value(p);
            }
            while (**p == ' ')
                (*p)++;
            if (**p == ',') (*p)++;
            while (**p == ' ')
                (*p)++;
        }
        (*p)++;
        if (!obj) {
            v = gql_list(arena, n);
            memcpy(v.u.list.items, items, n * sizeof(items[0]));
        }
        return v;
    }
    if (*s == '"') {
        struct buf b = BUF_INIT(arena);
        for (s++; *s != '"'; s++) {
            if (*s != '\\') {
                buf_appendc(&b, *s);
                continue;
            }
            s++;
            char c = *s;
            if (c == 'n') c = '\n';
            if (c == 't') c = '\t';
            buf_appendc(&b, c);
        }
        *p = s + 1;
        return gql_string_n(buf_str(&b));
    }
    if (strncmp(s, "true", 4) == 0 || strncmp(s, "null", 4) == 0) {
        *p += 4;
        return *s == 't' ? gql_bool(true) : gql_null();
    }
    if (strncmp(s, "false", 5) == 0) {
        *p += 5;
        return gql_bool(false);
    }
    char *end;
    size_t len = strspn(s, "-+0123456789.eE");
    if (memchr(s, '.', len) || memchr(s, 'e', len) || memchr(s, 'E', len)) {
        double d = strtod(s, &end);
        *p = end;
        return gql_float(d);
    }
    long long i = strtoll(s, &end, 10);
    *p = end;
    return gql_int(i);
}

/* Parse and execute query (no validation: execution must cope alone) with the variables
 * vars (JSON, or NULL for none) and operation op (or NULL); the response as JSON. */
static const char *run_with(const char *query, const char *vars, const char *op,
                            const struct gql_exec_hooks *h)
{
    struct gql_limits lim = { GQL_DEFAULT_MAX_TOKENS, GQL_DEFAULT_MAX_DEPTH,
                              GQL_DEFAULT_MAX_ERRORS };
    struct gql_document *doc = NULL;
    struct gql_errors perrs = { 0 };
    if (gql_parse(arena, query, strlen(query), &lim, &doc, &perrs) != WM_OK) {
        (void)fprintf(stderr, "\nparse: %s: %s\n", query,
                      perrs.count ? perrs.items[0].message : "?");
        return "(parse error)";
    }
    struct gql_value variables;
    if (vars) {
        const char *p = vars;
        variables = json_value(&p);
    }
    struct wm_ctx ctx = { .arena = arena, .req_id = "t1" };
    struct gql_result r;
    gql_execute(&ctx, schema, doc, op, vars ? &variables : NULL, h, &r);
    struct buf b = BUF_INIT(arena);
    struct json_out j;
    json_out_init(&j, &b);
    gql_result_write(&r, &j);
    return b.ptr;
}

static bool same(int line, const char *got, const char *want)
{
    if (strcmp(got, want) == 0) return true;
    (void)fprintf(stderr, "\ntest_execute.c:%d:\n  got:  %s\n  want: %s\n", line, got, want);
    return false;
}

/* The response to query must be want, exactly. */
#define EXPECT(query, vars, op, want)                                               \
    do {                                                                            \
        CU_ASSERT(same(__LINE__, run_with((query), (vars), (op), &hooks), (want))); \
        arena_reset(arena);                                                         \
    } while (0)

/* ---- the cases graphql-js answered -------------------------------------------------------- */

static void test_typename_answers_everywhere(void)
{
    EXPECT("{ __typename }", NULL, NULL, "{\"data\":{\"__typename\":\"Query\"}}");
    EXPECT("query Q { a: __typename b: __typename }", NULL, NULL,
           "{\"data\":{\"a\":\"Query\",\"b\":\"Query\"}}");
    EXPECT("{ product(id: 101) { __typename vendor { __typename } } }", NULL, NULL,
           "{\"data\":{\"product\":{\"__typename\":\"Product\",\"vendor\":{\"__typename\":"
           "\"Vendor\"}}}}");
}

static void test_fields_are_read_through_field_maps(void)
{
    EXPECT("{ product(id: \"101\") { id name priceMinor stock active weight condition } }", NULL,
           NULL,
           "{\"data\":{\"product\":{\"id\":\"101\",\"name\":\"Shirt\",\"priceMinor\":1999,"
           "\"stock\":5,\"active\":true,\"weight\":1.5,\"condition\":\"NEW\"}}}");
    EXPECT("{ product(id: 102) { id active weight stock } }", NULL, NULL,
           "{\"data\":{\"product\":{\"id\":\"102\",\"active\":false,\"weight\":2,\"stock\":0}}}");
    EXPECT("{ product(id: 103) { weight } product2: product(id: 7) { id } }", NULL, NULL,
           "{\"data\":{\"product\":{\"weight\":0.25},\"product2\":null}}");
}

static void test_response_keys_follow_the_request(void)
{
    EXPECT("{ z: product(id: 102) { n: name id } a: product(id: 101) { id n: name } m: __typename "
           "}",
           NULL, NULL,
           "{\"data\":{\"z\":{\"n\":\"Shoe\",\"id\":\"102\"},\"a\":{\"id\":\"101\",\"n\":\"Shirt\"}"
           ",\"m\":\"Query\"}}");
}

static void test_nested_objects_and_lists_complete(void)
{
    EXPECT("{ product(id: 101) { vendor { name rating } category { name parent { name parent { "
           "name } } } } }",
           NULL, NULL,
           "{\"data\":{\"product\":{\"vendor\":{\"name\":\"Acme\",\"rating\":4.5},\"category\":{"
           "\"name\":\"Shirts\",\"parent\":{\"name\":\"Clothing\",\"parent\":null}}}}}");
    EXPECT("{ products { id vendor { id products { id } } } }", NULL, NULL,
           "{\"data\":{\"products\":[{\"id\":\"101\",\"vendor\":{\"id\":\"201\",\"products\":[{"
           "\"id\":\"101\"},{\"id\":\"103\"}]}},{\"id\":\"102\",\"vendor\":{\"id\":\"202\","
           "\"products\":[{\"id\":\"102\"}]}},{\"id\":\"103\",\"vendor\":{\"id\":\"201\","
           "\"products\":[{\"id\":\"101\"},{\"id\":\"103\"}]}}]}}");
    EXPECT("{ products(first: 2) { id tags } }", NULL, NULL,
           "{\"data\":{\"products\":[{\"id\":\"101\",\"tags\":[\"a\",\"b\"]},{\"id\":\"102\","
           "\"tags\":[]}]}}");
    EXPECT("{ products(first: 0) { id } }", NULL, NULL, "{\"data\":{\"products\":[]}}");
}

static void test_fragments_merge_into_one_selection(void)
{
    EXPECT("{ product(id: 101) { ...F name ... on Product { id } } } fragment F on Product { name "
           "vendor { id } }",
           NULL, NULL,
           "{\"data\":{\"product\":{\"name\":\"Shirt\",\"vendor\":{\"id\":\"201\"},\"id\":\"101\"}}"
           "}");
    EXPECT("{ product(id: 101) { vendor { id } vendor { name } ... on Product { vendor { rating } "
           "} } }",
           NULL, NULL,
           "{\"data\":{\"product\":{\"vendor\":{\"id\":\"201\",\"name\":\"Acme\",\"rating\":4.5}}}"
           "}");
    EXPECT("{ product(id: 101) { ...F ...F } } fragment F on Product { id }", NULL, NULL,
           "{\"data\":{\"product\":{\"id\":\"101\"}}}");
    EXPECT("{ product(id: 101) { ... { id } ... on Node { name: id } } }", NULL, NULL,
           "{\"data\":{\"product\":{\"id\":\"101\",\"name\":\"101\"}}}");
    EXPECT("{ product(id: 101) { ... on Vendor { name } ...V } } fragment V on Vendor { id }", NULL,
           NULL, "{\"data\":{\"product\":{}}}");
    EXPECT("{ ...A } fragment A on Query { __typename ...B } fragment B on Query { ...A t: "
           "__typename }",
           NULL, NULL, "{\"data\":{\"__typename\":\"Query\",\"t\":\"Query\"}}");
    EXPECT("{ ...Missing __typename }", NULL, NULL, "{\"data\":{\"__typename\":\"Query\"}}");
}

static void test_abstract_types_resolve_to_the_value_type(void)
{
    EXPECT("{ node(id: 201) { __typename id ... on Vendor { name } ... on Product { priceMinor } } "
           "}",
           NULL, NULL,
           "{\"data\":{\"node\":{\"__typename\":\"Vendor\",\"id\":\"201\",\"name\":\"Acme\"}}}");
    EXPECT("{ node(id: 102) { __typename id ... on Vendor { name } ... on Product { priceMinor } } "
           "}",
           NULL, NULL,
           "{\"data\":{\"node\":{\"__typename\":\"Product\",\"id\":\"102\",\"priceMinor\":4999}}}");
    EXPECT("{ search(text: \"a\") { __typename ... on Node { id } ... on Product { name } ... on "
           "Vendor { name } ... on Category { parent { id } } } }",
           NULL, NULL,
           "{\"data\":{\"search\":[{\"__typename\":\"Product\",\"id\":\"101\",\"name\":\"Shirt\"},{"
           "\"__typename\":\"Vendor\",\"id\":\"201\",\"name\":\"Acme\"},{\"__typename\":"
           "\"Category\",\"id\":\"301\",\"parent\":null},null]}}");
    EXPECT("{ node(id: 999) { id } }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Abstract type \\\"Node\\\" must resolve to an Object type "
           "at runtime for field \\\"Query.node\\\". Either the \\\"Node\\\" type should provide a "
           "\\\"resolveType\\\" function or each possible type should provide an \\\"isTypeOf\\\" "
           "function.\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"node\"],"
           "\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}],\"data\":{\"node\":null}}");
    EXPECT("{ node(id: 998) { id } }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Runtime Object type \\\"CartPayload\\\" is not a possible "
           "type for "
           "\\\"Node\\\".\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"node\"],"
           "\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}],\"data\":{\"node\":null}}");
    EXPECT("{ node(id: 997) { id } }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Abstract type \\\"Node\\\" was resolved to a non-object "
           "type "
           "\\\"Condition\\\".\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"node\"],"
           "\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}],\"data\":{\"node\":null}}");
    EXPECT("{ node(id: 1) { id } }", NULL, NULL, "{\"data\":{\"node\":null}}");
    EXPECT("{ dyn(typename: \"Vendor\") { __typename id ... on Vendor { name } } }", NULL, NULL,
           "{\"data\":{\"dyn\":{\"__typename\":\"Vendor\",\"id\":\"9\",\"name\":\"Dyn\"}}}");
    EXPECT("{ dyn(typename: \"Nope\") { id } }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Abstract type \\\"Node\\\" was resolved to a type "
           "\\\"Nope\\\" that does not exist inside the "
           "schema.\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"dyn\"],\"extensions\":{"
           "\"code\":\"INTERNAL_SERVER_ERROR\"}}],\"data\":{\"dyn\":null}}");
    EXPECT("{ dyn { id } }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Abstract type \\\"Node\\\" must resolve to an Object type "
           "at runtime for field \\\"Query.dyn\\\". Either the \\\"Node\\\" type should provide a "
           "\\\"resolveType\\\" function or each possible type should provide an \\\"isTypeOf\\\" "
           "function.\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"dyn\"],"
           "\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}],\"data\":{\"dyn\":null}}");
}

static void test_skip_and_include_select(void)
{
    EXPECT("query ($s: Boolean!, $i: Boolean = true) { a: __typename @skip(if: $s) b: __typename "
           "@include(if: $i) c: __typename @include(if: false) @skip(if: false) d: __typename "
           "@skip(if: true) @include(if: true) e: __typename @skip(if: false) @include(if: true) }",
           "{\"s\": true}", NULL, "{\"data\":{\"b\":\"Query\",\"e\":\"Query\"}}");
    EXPECT("query ($s: Boolean!) { product(id: 101) { ...F @skip(if: $s) ... on Product "
           "@include(if: $s) { name } id } } fragment F on Product { stock }",
           "{\"s\": false}", NULL, "{\"data\":{\"product\":{\"stock\":5,\"id\":\"101\"}}}");
    EXPECT("query ($s: Boolean!) { product(id: 101) { ...F @skip(if: $s) ... on Product "
           "@include(if: $s) { name } id } } fragment F on Product { stock }",
           "{\"s\": true}", NULL, "{\"data\":{\"product\":{\"name\":\"Shirt\",\"id\":\"101\"}}}");
    EXPECT("{ product(id: 101) { id @skip(if: true) id } }", NULL, NULL,
           "{\"data\":{\"product\":{\"id\":\"101\"}}}");
}

static void test_null_propagates_to_the_nearest_nullable_parent(void)
{
    EXPECT("{ product(id: 101) { id required } }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Cannot return null for non-nullable field "
           "Product.required.\",\"locations\":[{\"line\":1,\"column\":25}],\"path\":[\"product\","
           "\"required\"],\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}],\"data\":{"
           "\"product\":null}}");
    EXPECT("{ product(id: 101) { required secret } }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Cannot return null for non-nullable field "
           "Product.required.\",\"locations\":[{\"line\":1,\"column\":22}],\"path\":[\"product\","
           "\"required\"],\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}],\"data\":{"
           "\"product\":null}}");
    EXPECT("{ product(id: 101) { badTags } }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Cannot return null for non-nullable field "
           "Product.badTags.\",\"locations\":[{\"line\":1,\"column\":22}],\"path\":[\"product\","
           "\"badTags\",1],\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}],\"data\":{"
           "\"product\":{\"badTags\":null}}}");
    EXPECT("{ products { id strictTags } }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Cannot return null for non-nullable field "
           "Product.strictTags.\",\"locations\":[{\"line\":1,\"column\":17}],\"path\":["
           "\"products\",1,\"strictTags\",1],\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}],"
           "\"data\":null}");
    EXPECT("{ product(id: 102) { id strictTags } other: product(id: 101) { id } }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Cannot return null for non-nullable field "
           "Product.strictTags.\",\"locations\":[{\"line\":1,\"column\":25}],\"path\":[\"product\","
           "\"strictTags\",1],\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}],\"data\":{"
           "\"product\":null,\"other\":{\"id\":\"101\"}}}");
    EXPECT("{ nonNullFailing product(id: 101) { id } }", NULL, NULL,
           "{\"errors\":[{\"message\":\"no such "
           "thing\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"nonNullFailing\"],"
           "\"extensions\":{\"code\":\"NOT_FOUND\"}}],\"data\":null}");
    EXPECT("{ product(id: 101) { vendor { products { id required } } } }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Cannot return null for non-nullable field "
           "Product.required.\",\"locations\":[{\"line\":1,\"column\":45}],\"path\":[\"product\","
           "\"vendor\",\"products\",0,\"required\"],\"extensions\":{\"code\":\"INTERNAL_SERVER_"
           "ERROR\"}}],\"data\":{\"product\":{\"vendor\":{\"products\":null}}}}");
}

static void test_resolver_errors_are_located(void)
{
    EXPECT("{ failing forbidden notFound cart { ok count message } }", NULL, NULL,
           "{\"errors\":[{\"message\":\"internal error (request "
           "t1)\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"failing\"],\"extensions\":{"
           "\"code\":\"INTERNAL_SERVER_ERROR\"}},{\"message\":\"You do not have permission to "
           "perform this "
           "action\",\"locations\":[{\"line\":1,\"column\":11}],\"path\":[\"forbidden\"],"
           "\"extensions\":{\"code\":\"FORBIDDEN\"}},{\"message\":\"not "
           "found\",\"locations\":[{\"line\":1,\"column\":21}],\"path\":[\"notFound\"],"
           "\"extensions\":{\"code\":\"NOT_FOUND\"}}],\"data\":{\"failing\":null,\"forbidden\":"
           "null,\"notFound\":null,\"cart\":{\"ok\":true,\"count\":3,\"message\":null}}}");
    EXPECT("{ f: failing\n  f: failing\n}", NULL, NULL,
           "{\"errors\":[{\"message\":\"internal error (request "
           "t1)\",\"locations\":[{\"line\":1,\"column\":3},{\"line\":2,\"column\":3}],\"path\":["
           "\"f\"],\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}],\"data\":{\"f\":null}}");
    EXPECT("{ products(first: 2) { secret path } }", NULL, NULL,
           "{\"errors\":[{\"message\":\"internal error (request "
           "t1)\",\"locations\":[{\"line\":1,\"column\":24}],\"path\":[\"products\",0,\"secret\"],"
           "\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}},{\"message\":\"internal error "
           "(request "
           "t1)\",\"locations\":[{\"line\":1,\"column\":24}],\"path\":[\"products\",1,\"secret\"],"
           "\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}],\"data\":{\"products\":[{"
           "\"secret\":null,\"path\":\"products.0.path\"},{\"secret\":null,\"path\":\"products.1."
           "path\"}]}}");
}

static void test_values_the_type_does_not_allow_are_field_errors(void)
{
    EXPECT("{ product(id: 101) { notAList } }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Expected Iterable, but did not find one for field "
           "\\\"Product.notAList\\\".\",\"locations\":[{\"line\":1,\"column\":22}],\"path\":["
           "\"product\",\"notAList\"],\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}],"
           "\"data\":{\"product\":{\"notAList\":null}}}");
    EXPECT("{ product(id: 101) { badEnum } }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Enum \\\"Condition\\\" cannot represent value: "
           "\\\"BROKEN\\\"\",\"locations\":[{\"line\":1,\"column\":22}],\"path\":[\"product\","
           "\"badEnum\"],\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}],\"data\":{"
           "\"product\":{\"badEnum\":null}}}");
    EXPECT("{ product(id: 101) { big } p2: product(id: 102) { big } }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Int cannot represent non 32-bit signed integer value: "
           "3000000000\",\"locations\":[{\"line\":1,\"column\":22}],\"path\":[\"product\",\"big\"],"
           "\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}],\"data\":{\"product\":{\"big\":"
           "null},\"p2\":{\"big\":1}}}");
}

static void test_the_operation_is_chosen(void)
{
    EXPECT("query A { __typename } query B { b: __typename }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Must provide operation name if query contains multiple "
           "operations.\",\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}]}");
    EXPECT("query A { __typename } query B { b: __typename }", NULL, "B",
           "{\"data\":{\"b\":\"Query\"}}");
    EXPECT("query A { __typename }", NULL, "C",
           "{\"errors\":[{\"message\":\"Unknown operation named "
           "\\\"C\\\".\",\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}]}");
    EXPECT("fragment F on Query { __typename }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Must provide an "
           "operation.\",\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}]}");
    EXPECT("{ __typename } query B { b: __typename }", NULL, "B", "{\"data\":{\"b\":\"Query\"}}");
}

static void test_variables_are_coerced(void)
{
    EXPECT("query ($x: Int!) { echo(i: $x) }", "{}", NULL,
           "{\"errors\":[{\"message\":\"Variable \\\"$x\\\" of required type \\\"Int!\\\" was not "
           "provided.\",\"locations\":[{\"line\":1,\"column\":8}],\"extensions\":{\"code\":\"BAD_"
           "USER_INPUT\"}}]}");
    EXPECT("query ($x: Int!) { echo(i: $x) }", "{\"x\": null}", NULL,
           "{\"errors\":[{\"message\":\"Variable \\\"$x\\\" of non-null type \\\"Int!\\\" must not "
           "be "
           "null.\",\"locations\":[{\"line\":1,\"column\":8}],\"extensions\":{\"code\":\"BAD_USER_"
           "INPUT\"}}]}");
    EXPECT("query ($x: Int!) { echo(i: $x) }", "{\"x\": \"a\"}", NULL,
           "{\"errors\":[{\"message\":\"Variable \\\"$x\\\" got invalid value \\\"a\\\"; Int "
           "cannot represent non-integer value: "
           "\\\"a\\\"\",\"locations\":[{\"line\":1,\"column\":8}],\"extensions\":{\"code\":\"BAD_"
           "USER_INPUT\"}}]}");
    EXPECT("query ($x: Int!) { echo(i: $x) }", "{\"x\": 2147483648}", NULL,
           "{\"errors\":[{\"message\":\"Variable \\\"$x\\\" got invalid value 2147483648; Int "
           "cannot represent non 32-bit signed integer value: "
           "2147483648\",\"locations\":[{\"line\":1,\"column\":8}],\"extensions\":{\"code\":\"BAD_"
           "USER_INPUT\"}}]}");
    EXPECT("query ($x: Int, $f: Float, $s: String, $b: Boolean, $id: ID) { echo(i: $x, f: $f, s: "
           "$s, b: $b, id: $id) }",
           "{\"x\": 7, \"f\": 2, \"s\": \"hé\\n\", \"b\": false, \"id\": 12}", NULL,
           "{\"data\":{\"echo\":{\"i\":7,\"f\":2,\"s\":\"hé\\n\",\"b\":false,\"id\":\"12\","
           "\"dflt\":42,\"ndflt\":7}}}");
    EXPECT("query ($x: Int, $f: Float, $s: String, $b: Boolean, $id: ID) { echo(i: $x, f: $f, s: "
           "$s, b: $b, id: $id) }",
           "{\"x\": 1.5, \"f\": \"2\", \"s\": 3, \"b\": 0, \"id\": true}", NULL,
           "{\"errors\":[{\"message\":\"Variable \\\"$x\\\" got invalid value 1.5; Int cannot "
           "represent non-integer value: "
           "1.5\",\"locations\":[{\"line\":1,\"column\":8}],\"extensions\":{\"code\":\"BAD_USER_"
           "INPUT\"}},{\"message\":\"Variable \\\"$f\\\" got invalid value \\\"2\\\"; Float cannot "
           "represent non numeric value: "
           "\\\"2\\\"\",\"locations\":[{\"line\":1,\"column\":17}],\"extensions\":{\"code\":\"BAD_"
           "USER_INPUT\"}},{\"message\":\"Variable \\\"$s\\\" got invalid value 3; String cannot "
           "represent a non string value: "
           "3\",\"locations\":[{\"line\":1,\"column\":28}],\"extensions\":{\"code\":\"BAD_USER_"
           "INPUT\"}},{\"message\":\"Variable \\\"$b\\\" got invalid value 0; Boolean cannot "
           "represent a non boolean value: "
           "0\",\"locations\":[{\"line\":1,\"column\":40}],\"extensions\":{\"code\":\"BAD_USER_"
           "INPUT\"}},{\"message\":\"Variable \\\"$id\\\" got invalid value true; ID cannot "
           "represent value: "
           "true\",\"locations\":[{\"line\":1,\"column\":53}],\"extensions\":{\"code\":\"BAD_USER_"
           "INPUT\"}}]}");
    EXPECT("query ($l: [Int]) { echo(l: $l) }", "{\"l\": 3}", NULL,
           "{\"data\":{\"echo\":{\"l\":[3],\"dflt\":42,\"ndflt\":7}}}");
    EXPECT("query ($l: [Int]) { echo(l: $l) }", "{\"l\": [1, null, 3]}", NULL,
           "{\"data\":{\"echo\":{\"l\":[1,null,3],\"dflt\":42,\"ndflt\":7}}}");
    EXPECT("query ($l: [Int]) { echo(l: $l) }", "{\"l\": [1, null, \"x\", {\"a\": 1}]}", NULL,
           "{\"errors\":[{\"message\":\"Variable \\\"$l\\\" got invalid value \\\"x\\\" at "
           "\\\"l[2]\\\"; Int cannot represent non-integer value: "
           "\\\"x\\\"\",\"locations\":[{\"line\":1,\"column\":8}],\"extensions\":{\"code\":\"BAD_"
           "USER_INPUT\"}},{\"message\":\"Variable \\\"$l\\\" got invalid value { a: 1 } at "
           "\\\"l[3]\\\"; Int cannot represent non-integer value: { a: 1 "
           "}\",\"locations\":[{\"line\":1,\"column\":8}],\"extensions\":{\"code\":\"BAD_USER_"
           "INPUT\"}}]}");
    EXPECT("query ($ll: [[Int!]]) { echo(ll: $ll) }", "{\"ll\": [[1], [null, 2], 3]}", NULL,
           "{\"errors\":[{\"message\":\"Variable \\\"$ll\\\" got invalid value null at "
           "\\\"ll[1][0]\\\"; Expected non-nullable type \\\"Int!\\\" not to be "
           "null.\",\"locations\":[{\"line\":1,\"column\":8}],\"extensions\":{\"code\":\"BAD_USER_"
           "INPUT\"}}]}");
    EXPECT("query ($ll: [[Int!]]) { echo(ll: $ll) }", "{\"ll\": [[1], 2, null]}", NULL,
           "{\"data\":{\"echo\":{\"ll\":[[1],[2],null],\"dflt\":42,\"ndflt\":7}}}");
    EXPECT("query ($e: Condition) { echo(e: $e) }", "{\"e\": \"USED\"}", NULL,
           "{\"data\":{\"echo\":{\"e\":\"USED\",\"dflt\":42,\"ndflt\":7}}}");
    EXPECT("query ($e: Condition) { echo(e: $e) }", "{\"e\": \"NEWW\"}", NULL,
           "{\"errors\":[{\"message\":\"Variable \\\"$e\\\" got invalid value \\\"NEWW\\\"; Value "
           "\\\"NEWW\\\" does not exist in \\\"Condition\\\" enum. Did you mean the enum value "
           "\\\"NEW\\\"?\",\"locations\":[{\"line\":1,\"column\":8}],\"extensions\":{\"code\":"
           "\"BAD_USER_INPUT\"}}]}");
    EXPECT("query ($e: Condition) { echo(e: $e) }", "{\"e\": 1}", NULL,
           "{\"errors\":[{\"message\":\"Variable \\\"$e\\\" got invalid value 1; Enum "
           "\\\"Condition\\\" cannot represent non-string value: "
           "1.\",\"locations\":[{\"line\":1,\"column\":8}],\"extensions\":{\"code\":\"BAD_USER_"
           "INPUT\"}}]}");
    EXPECT("query ($e: Condition) { echo(e: $e) }", "{\"e\": \"new\"}", NULL,
           "{\"errors\":[{\"message\":\"Variable \\\"$e\\\" got invalid value \\\"new\\\"; Value "
           "\\\"new\\\" does not exist in \\\"Condition\\\" enum. Did you mean the enum value "
           "\\\"NEW\\\"?\",\"locations\":[{\"line\":1,\"column\":8}],\"extensions\":{\"code\":"
           "\"BAD_USER_INPUT\"}}]}");
}

static void test_input_object_variables_and_defaults(void)
{
    EXPECT("query ($o: ProductFilter) { echo(o: $o) }", "{\"o\": {}}", NULL,
           "{\"data\":{\"echo\":{\"o\":{\"condition\":\"NEW\"},\"dflt\":42,\"ndflt\":7}}}");
    EXPECT("query ($o: ProductFilter) { echo(o: $o) }",
           "{\"o\": {\"condition\": null, \"tags\": \"t\", \"price\": {\"min\": 1}}}", NULL,
           "{\"data\":{\"echo\":{\"o\":{\"condition\":null,\"tags\":[\"t\"],\"price\":{\"min\":1,"
           "\"max\":100}},\"dflt\":42,\"ndflt\":7}}}");
    EXPECT("query ($o: ProductFilter) { echo(o: $o) }",
           "{\"o\": {\"price\": {\"max\": 1}, \"tagz\": [], \"extra\": 1}}", NULL,
           "{\"errors\":[{\"message\":\"Variable \\\"$o\\\" got invalid value { max: 1 } at "
           "\\\"o.price\\\"; Field \\\"min\\\" of required type \\\"Int!\\\" was not "
           "provided.\",\"locations\":[{\"line\":1,\"column\":8}],\"extensions\":{\"code\":\"BAD_"
           "USER_INPUT\"}},{\"message\":\"Variable \\\"$o\\\" got invalid value { price: { max: 1 "
           "}, tagz: [], extra: 1 }; Field \\\"tagz\\\" is not defined by type "
           "\\\"ProductFilter\\\". Did you mean "
           "\\\"tags\\\"?\",\"locations\":[{\"line\":1,\"column\":8}],\"extensions\":{\"code\":"
           "\"BAD_USER_INPUT\"}},{\"message\":\"Variable \\\"$o\\\" got invalid value { price: { "
           "max: 1 }, tagz: [], extra: 1 }; Field \\\"extra\\\" is not defined by type "
           "\\\"ProductFilter\\\".\",\"locations\":[{\"line\":1,\"column\":8}],\"extensions\":{"
           "\"code\":\"BAD_USER_INPUT\"}}]}");
    EXPECT("query ($o: ProductFilter) { echo(o: $o) }", "{\"o\": \"x\"}", NULL,
           "{\"errors\":[{\"message\":\"Variable \\\"$o\\\" got invalid value \\\"x\\\"; Expected "
           "type \\\"ProductFilter\\\" to be an "
           "object.\",\"locations\":[{\"line\":1,\"column\":8}],\"extensions\":{\"code\":\"BAD_"
           "USER_INPUT\"}}]}");
    EXPECT("query ($o: ProductFilter) { echo(o: $o) }", "{\"o\": [1]}", NULL,
           "{\"errors\":[{\"message\":\"Variable \\\"$o\\\" got invalid value [1]; Field \\\"0\\\" "
           "is not defined by type "
           "\\\"ProductFilter\\\".\",\"locations\":[{\"line\":1,\"column\":8}],\"extensions\":{"
           "\"code\":\"BAD_USER_INPUT\"}}]}");
    EXPECT("query ($o: ProductFilter) { echo(o: $o) }",
           "{\"o\": {\"tags\": [\"a\", null], \"price\": {\"min\": \"1\"}}}", NULL,
           "{\"errors\":[{\"message\":\"Variable \\\"$o\\\" got invalid value null at "
           "\\\"o.tags[1]\\\"; Expected non-nullable type \\\"String!\\\" not to be "
           "null.\",\"locations\":[{\"line\":1,\"column\":8}],\"extensions\":{\"code\":\"BAD_USER_"
           "INPUT\"}},{\"message\":\"Variable \\\"$o\\\" got invalid value \\\"1\\\" at "
           "\\\"o.price.min\\\"; Int cannot represent non-integer value: "
           "\\\"1\\\"\",\"locations\":[{\"line\":1,\"column\":8}],\"extensions\":{\"code\":\"BAD_"
           "USER_INPUT\"}}]}");
    EXPECT("query ($x: Int = 3, $y: Int = 4, $z: Int) { echo(i: $x, f: $y, dflt: $z) }",
           "{\"y\": null}", NULL,
           "{\"data\":{\"echo\":{\"i\":3,\"f\":null,\"dflt\":42,\"ndflt\":7}}}");
    EXPECT("query ($x: Int = 3) { echo(i: $x) }", "{\"x\": 5}", NULL,
           "{\"data\":{\"echo\":{\"i\":5,\"dflt\":42,\"ndflt\":7}}}");
    EXPECT("query ($x: Int, $n: Int) { echo(i: $x, dflt: $n, ndflt: $n) }", NULL, NULL,
           "{\"data\":{\"echo\":{\"dflt\":42,\"ndflt\":7}}}");
    EXPECT("query ($x: Int, $n: Int) { echo(i: $x, dflt: $n) }", "{\"x\": null, \"n\": null}", NULL,
           "{\"data\":{\"echo\":{\"i\":null,\"dflt\":null,\"ndflt\":7}}}");
    EXPECT("query ($a: Int!, $b: Int!, $c: String!) { echo(i: $a) }", "{\"b\": null, \"c\": 5}",
           NULL,
           "{\"errors\":[{\"message\":\"Variable \\\"$a\\\" of required type \\\"Int!\\\" was not "
           "provided.\",\"locations\":[{\"line\":1,\"column\":8}],\"extensions\":{\"code\":\"BAD_"
           "USER_INPUT\"}},{\"message\":\"Variable \\\"$b\\\" of non-null type \\\"Int!\\\" must "
           "not be "
           "null.\",\"locations\":[{\"line\":1,\"column\":18}],\"extensions\":{\"code\":\"BAD_USER_"
           "INPUT\"}},{\"message\":\"Variable \\\"$c\\\" got invalid value 5; String cannot "
           "represent a non string value: "
           "5\",\"locations\":[{\"line\":1,\"column\":28}],\"extensions\":{\"code\":\"BAD_USER_"
           "INPUT\"}}]}");
    EXPECT("query ($o: ProductFilter = {tags: [\"z\"], price: {min: 2}}) { echo(o: $o) }", NULL,
           NULL,
           "{\"data\":{\"echo\":{\"o\":{\"condition\":\"NEW\",\"tags\":[\"z\"],\"price\":{\"min\":"
           "2,\"max\":100}},\"dflt\":42,\"ndflt\":7}}}");
    EXPECT("query ($x: Product) { echo(i: 1) }", "{}", NULL,
           "{\"errors\":[{\"message\":\"Variable \\\"$x\\\" expected value of type \\\"Product\\\" "
           "which cannot be used as an input "
           "type.\",\"locations\":[{\"line\":1,\"column\":12}],\"extensions\":{\"code\":\"BAD_USER_"
           "INPUT\"}}]}");
    EXPECT("query ($x: [Nope!]) { echo(i: 1) }", "{}", NULL,
           "{\"errors\":[{\"message\":\"Variable \\\"$x\\\" expected value of type \\\"[Nope!]\\\" "
           "which cannot be used as an input "
           "type.\",\"locations\":[{\"line\":1,\"column\":12}],\"extensions\":{\"code\":\"BAD_USER_"
           "INPUT\"}}]}");
}

static void test_arguments_come_from_literals_variables_and_defaults(void)
{
    EXPECT("{ echo }", NULL, NULL, "{\"data\":{\"echo\":{\"dflt\":42,\"ndflt\":7}}}");
    EXPECT("{ echo(i: 1, f: 1, s: \"x\", b: true, id: 5, e: NEW, l: 1, ll: [[1, 2], [3]], o: "
           "{tags: \"a\", price: {min: 1}}) }",
           NULL, NULL,
           "{\"data\":{\"echo\":{\"i\":1,\"f\":1,\"s\":\"x\",\"b\":true,\"id\":\"5\",\"e\":\"NEW\","
           "\"l\":[1],\"ll\":[[1,2],[3]],\"o\":{\"condition\":\"NEW\",\"tags\":[\"a\"],\"price\":{"
           "\"min\":1,\"max\":100}},\"dflt\":42,\"ndflt\":7}}}");
    EXPECT("{ echo(i: null, l: [1, null], o: null) }", NULL, NULL,
           "{\"data\":{\"echo\":{\"i\":null,\"l\":[1,null],\"o\":null,\"dflt\":42,\"ndflt\":7}}}");
    EXPECT("query ($v: Int) { echo(l: [1, $v], ll: [[$v]], o: {price: {min: 1, max: $v}}) }", NULL,
           NULL,
           "{\"errors\":[{\"message\":\"Argument \\\"ll\\\" has invalid value "
           "[[$v]].\",\"locations\":[{\"line\":1,\"column\":40}],\"path\":[\"echo\"],"
           "\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}],\"data\":{\"echo\":null}}");
    EXPECT("query ($v: Int) { echo(l: [1, $v], o: {price: {min: 1, max: $v}}) }", "{\"v\": 9}",
           NULL,
           "{\"data\":{\"echo\":{\"l\":[1,9],\"o\":{\"condition\":\"NEW\",\"price\":{\"min\":1,"
           "\"max\":9}},\"dflt\":42,\"ndflt\":7}}}");
    EXPECT("{ need }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Argument \\\"id\\\" of required type \\\"ID!\\\" was not "
           "provided.\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"need\"],"
           "\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}],\"data\":{\"need\":null}}");
    EXPECT("query ($v: ID) { need(id: $v) }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Argument \\\"id\\\" of required type \\\"ID!\\\" was "
           "provided the variable \\\"$v\\\" which was not provided a runtime "
           "value.\",\"locations\":[{\"line\":1,\"column\":27}],\"path\":[\"need\"],\"extensions\":"
           "{\"code\":\"BAD_USER_INPUT\"}}],\"data\":{\"need\":null}}");
    EXPECT("query ($v: ID) { need(id: $v) }", "{\"v\": null}", NULL,
           "{\"errors\":[{\"message\":\"Argument \\\"id\\\" of non-null type \\\"ID!\\\" must not "
           "be "
           "null.\",\"locations\":[{\"line\":1,\"column\":27}],\"path\":[\"need\"],\"extensions\":{"
           "\"code\":\"BAD_USER_INPUT\"}}],\"data\":{\"need\":null}}");
    EXPECT("{ need(id: null) }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Argument \\\"id\\\" of non-null type \\\"ID!\\\" must not "
           "be "
           "null.\",\"locations\":[{\"line\":1,\"column\":12}],\"path\":[\"need\"],\"extensions\":{"
           "\"code\":\"BAD_USER_INPUT\"}}],\"data\":{\"need\":null}}");
    EXPECT("{ echo(i: \"x\") }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Argument \\\"i\\\" has invalid value "
           "\\\"x\\\".\",\"locations\":[{\"line\":1,\"column\":11}],\"path\":[\"echo\"],"
           "\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}],\"data\":{\"echo\":null}}");
    EXPECT("{ echo(ll: [[null]]) }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Argument \\\"ll\\\" has invalid value "
           "[[null]].\",\"locations\":[{\"line\":1,\"column\":12}],\"path\":[\"echo\"],"
           "\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}],\"data\":{\"echo\":null}}");
    EXPECT("{ echo(e: OLD) }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Argument \\\"e\\\" has invalid value "
           "OLD.\",\"locations\":[{\"line\":1,\"column\":11}],\"path\":[\"echo\"],\"extensions\":{"
           "\"code\":\"BAD_USER_INPUT\"}}],\"data\":{\"echo\":null}}");
    EXPECT("{ echo(o: {price: {}}) }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Argument \\\"o\\\" has invalid value {price: "
           "{}}.\",\"locations\":[{\"line\":1,\"column\":11}],\"path\":[\"echo\"],\"extensions\":{"
           "\"code\":\"BAD_USER_INPUT\"}}],\"data\":{\"echo\":null}}");
    EXPECT("query ($v: Int!) { echo(i: $v) }", "{\"v\": 1}", NULL,
           "{\"data\":{\"echo\":{\"i\":1,\"dflt\":42,\"ndflt\":7}}}");
    EXPECT("{ product(id: 1.5) { id } }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Argument \\\"id\\\" has invalid value "
           "1.5.\",\"locations\":[{\"line\":1,\"column\":15}],\"path\":[\"product\"],"
           "\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}],\"data\":{\"product\":null}}");
}

static void test_undefined_fields_are_left_out(void)
{
    EXPECT("{ nope __typename product(id: 101) { nope id } }", NULL, NULL,
           "{\"data\":{\"__typename\":\"Query\",\"product\":{\"id\":\"101\"}}}");
    EXPECT("{ product(id: 101) { __schema { queryType { name } } id } }", NULL, NULL,
           "{\"data\":{\"product\":{\"id\":\"101\"}}}");
}

static void test_dynamic_types_read_objects_by_name(void)
{
    EXPECT("{ cart { ok count message __typename } }", NULL, NULL,
           "{\"data\":{\"cart\":{\"ok\":true,\"count\":3,\"message\":null,\"__typename\":"
           "\"CartPayload\"}}}");
}

static void test_large_selection_sets_keep_order(void)
{
    EXPECT("{ a0: __typename a1: __typename a2: __typename a3: __typename a4: __typename a5: "
           "__typename a6: __typename a7: __typename a8: __typename a9: __typename b0: __typename "
           "b1: __typename b2: __typename b3: __typename b4: __typename b5: __typename b6: "
           "__typename b7: __typename b8: __typename b9: __typename c0: __typename c1: __typename "
           "c2: __typename c3: __typename c4: __typename c5: __typename c6: __typename c7: "
           "__typename c8: __typename c9: __typename d0: __typename d1: __typename d2: __typename "
           "d3: __typename d4: __typename d5: __typename d6: __typename d7: __typename d8: "
           "__typename d9: __typename a5: __typename z: __typename }",
           NULL, NULL,
           "{\"data\":{\"a0\":\"Query\",\"a1\":\"Query\",\"a2\":\"Query\",\"a3\":\"Query\",\"a4\":"
           "\"Query\",\"a5\":\"Query\",\"a6\":\"Query\",\"a7\":\"Query\",\"a8\":\"Query\",\"a9\":"
           "\"Query\",\"b0\":\"Query\",\"b1\":\"Query\",\"b2\":\"Query\",\"b3\":\"Query\",\"b4\":"
           "\"Query\",\"b5\":\"Query\",\"b6\":\"Query\",\"b7\":\"Query\",\"b8\":\"Query\",\"b9\":"
           "\"Query\",\"c0\":\"Query\",\"c1\":\"Query\",\"c2\":\"Query\",\"c3\":\"Query\",\"c4\":"
           "\"Query\",\"c5\":\"Query\",\"c6\":\"Query\",\"c7\":\"Query\",\"c8\":\"Query\",\"c9\":"
           "\"Query\",\"d0\":\"Query\",\"d1\":\"Query\",\"d2\":\"Query\",\"d3\":\"Query\",\"d4\":"
           "\"Query\",\"d5\":\"Query\",\"d6\":\"Query\",\"d7\":\"Query\",\"d8\":\"Query\",\"d9\":"
           "\"Query\",\"z\":\"Query\"}}");
}

static void test_mutation_root_fields_run_in_order(void)
{
    EXPECT("mutation { __typename }", NULL, NULL, "{\"data\":{\"__typename\":\"Mutation\"}}");
    EXPECT("mutation M { a: addToCart(productId: 101) { ok count } b: addToCart(productId: "
           "\"102\", quantity: 3) { count __typename } c: clearCart { ok } }",
           NULL, NULL,
           "{\"errors\":[{\"message\":\"cart is "
           "locked\",\"locations\":[{\"line\":1,\"column\":121}],\"path\":[\"c\"],\"extensions\":{"
           "\"code\":\"CONFLICT\"}}],\"data\":{\"a\":{\"ok\":true,\"count\":1},\"b\":{\"count\":3,"
           "\"__typename\":\"CartPayload\"},\"c\":null}}");
}

static void test_introspection_answers_on_the_query_root(void)
{
    EXPECT("{ __schema { queryType { name } mutationType { name } subscriptionType { name } } }",
           NULL, NULL,
           "{\"data\":{\"__schema\":{\"queryType\":{\"name\":\"Query\"},\"mutationType\":{\"name\":"
           "\"Mutation\"},\"subscriptionType\":null}}}");
    EXPECT("{ __type(name: \"Product\") { name kind interfaces { name } fields { name args { name "
           "} type { name kind ofType { name kind ofType { name } } } } } }",
           NULL, NULL,
           "{\"data\":{\"__type\":{\"name\":\"Product\",\"kind\":\"OBJECT\",\"interfaces\":[{"
           "\"name\":\"Node\"}],\"fields\":[{\"name\":\"id\",\"args\":[],\"type\":{\"name\":null,"
           "\"kind\":\"NON_NULL\",\"ofType\":{\"name\":\"ID\",\"kind\":\"SCALAR\",\"ofType\":null}}"
           "},{\"name\":\"name\",\"args\":[],\"type\":{\"name\":null,\"kind\":\"NON_NULL\","
           "\"ofType\":{\"name\":\"String\",\"kind\":\"SCALAR\",\"ofType\":null}}},{\"name\":"
           "\"priceMinor\",\"args\":[],\"type\":{\"name\":\"Int\",\"kind\":\"SCALAR\",\"ofType\":"
           "null}},{\"name\":\"stock\",\"args\":[],\"type\":{\"name\":\"Int\",\"kind\":\"SCALAR\","
           "\"ofType\":null}},{\"name\":\"big\",\"args\":[],\"type\":{\"name\":\"Int\",\"kind\":"
           "\"SCALAR\",\"ofType\":null}},{\"name\":\"active\",\"args\":[],\"type\":{\"name\":"
           "\"Boolean\",\"kind\":\"SCALAR\",\"ofType\":null}},{\"name\":\"weight\",\"args\":[],"
           "\"type\":{\"name\":\"Float\",\"kind\":\"SCALAR\",\"ofType\":null}},{\"name\":"
           "\"condition\",\"args\":[],\"type\":{\"name\":\"Condition\",\"kind\":\"ENUM\","
           "\"ofType\":null}},{\"name\":\"badEnum\",\"args\":[],\"type\":{\"name\":\"Condition\","
           "\"kind\":\"ENUM\",\"ofType\":null}},{\"name\":\"vendor\",\"args\":[],\"type\":{"
           "\"name\":\"Vendor\",\"kind\":\"OBJECT\",\"ofType\":null}},{\"name\":\"category\","
           "\"args\":[],\"type\":{\"name\":\"Category\",\"kind\":\"OBJECT\",\"ofType\":null}},{"
           "\"name\":\"tags\",\"args\":[],\"type\":{\"name\":null,\"kind\":\"LIST\",\"ofType\":{"
           "\"name\":\"String\",\"kind\":\"SCALAR\",\"ofType\":null}}},{\"name\":\"badTags\","
           "\"args\":[],\"type\":{\"name\":null,\"kind\":\"LIST\",\"ofType\":{\"name\":null,"
           "\"kind\":\"NON_NULL\",\"ofType\":{\"name\":\"String\"}}}},{\"name\":\"strictTags\","
           "\"args\":[],\"type\":{\"name\":null,\"kind\":\"NON_NULL\",\"ofType\":{\"name\":null,"
           "\"kind\":\"LIST\",\"ofType\":{\"name\":null}}}},{\"name\":\"notAList\",\"args\":[],"
           "\"type\":{\"name\":null,\"kind\":\"LIST\",\"ofType\":{\"name\":\"Int\",\"kind\":"
           "\"SCALAR\",\"ofType\":null}}},{\"name\":\"required\",\"args\":[],\"type\":{\"name\":"
           "null,\"kind\":\"NON_NULL\",\"ofType\":{\"name\":\"String\",\"kind\":\"SCALAR\","
           "\"ofType\":null}}},{\"name\":\"secret\",\"args\":[],\"type\":{\"name\":\"String\","
           "\"kind\":\"SCALAR\",\"ofType\":null}},{\"name\":\"path\",\"args\":[],\"type\":{"
           "\"name\":\"String\",\"kind\":\"SCALAR\",\"ofType\":null}}]}}}");
    EXPECT("{ __type(name: \"Condition\") { kind enumValues { name isDeprecated } } t: "
           "__type(name: \"Nope\") { name } }",
           NULL, NULL,
           "{\"data\":{\"__type\":{\"kind\":\"ENUM\",\"enumValues\":[{\"name\":\"NEW\","
           "\"isDeprecated\":false},{\"name\":\"USED\",\"isDeprecated\":false},{\"name\":"
           "\"REFURBISHED\",\"isDeprecated\":false}]},\"t\":null}}");
    EXPECT("{ __type(name: \"SearchResult\") { kind possibleTypes { name } } n: __type(name: "
           "\"Node\") { possibleTypes { name } } }",
           NULL, NULL,
           "{\"data\":{\"__type\":{\"kind\":\"UNION\",\"possibleTypes\":[{\"name\":\"Product\"},{"
           "\"name\":\"Vendor\"},{\"name\":\"Category\"}]},\"n\":{\"possibleTypes\":[{\"name\":"
           "\"Vendor\"},{\"name\":\"Category\"},{\"name\":\"Product\"}]}}}");
    EXPECT("{ __type(name: \"ProductFilter\") { kind inputFields { name defaultValue type { name } "
           "} } }",
           NULL, NULL,
           "{\"data\":{\"__type\":{\"kind\":\"INPUT_OBJECT\",\"inputFields\":[{\"name\":"
           "\"condition\",\"defaultValue\":\"NEW\",\"type\":{\"name\":\"Condition\"}},{\"name\":"
           "\"tags\",\"defaultValue\":null,\"type\":{\"name\":null}},{\"name\":\"price\","
           "\"defaultValue\":null,\"type\":{\"name\":\"PriceRange\"}}]}}}");
    EXPECT("query ($n: String!) { __type(name: $n) { name } }", "{\"n\": \"Vendor\"}", NULL,
           "{\"data\":{\"__type\":{\"name\":\"Vendor\"}}}");
    EXPECT("{ __type { name } }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Argument \\\"name\\\" of required type \\\"String!\\\" was "
           "not "
           "provided.\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"__type\"],"
           "\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}],\"data\":{\"__type\":null}}");
}

/* ---- the cases only our engine has: hooks, limits, request errors, cost ------------------- */

static void reset_hooks(int begin_at, int end_at)
{
    buf_reset(&hook_log);
    hook_calls = 0;
    fail_begin_at = begin_at;
    fail_end_at = end_at;
}

static const char cart_mutation[] = "mutation { a: addToCart(productId: 101) { ok count } "
                                    "b: addToCart(productId: 102, quantity: 3) { count } "
                                    "c: clearCart { ok } }";

static void test_mutation_hooks_wrap_each_root_resolver_in_order(void)
{
    reset_hooks(0, 0);
    EXPECT(cart_mutation, NULL, NULL,
           "{\"errors\":[{\"message\":\"cart is locked\",\"locations\":[{\"line\":1,\"column\":"
           "106}],\"path\":[\"c\"],\"extensions\":{\"code\":\"CONFLICT\"}}],\"data\":{\"a\":{"
           "\"ok\":true,\"count\":1},\"b\":{\"count\":3},\"c\":null}}");
    CU_ASSERT_STRING_EQUAL(hook_log.ptr, "begin1 add(101,1) end1(0) begin2 add(102,3) end2(0) "
                                         "begin3 clear end3(-5) ");
}

static void test_a_failing_begin_skips_the_resolver_and_its_end(void)
{
    reset_hooks(2, 0);
    EXPECT(cart_mutation, NULL, NULL,
           "{\"errors\":[{\"message\":\"database is down\",\"locations\":[{\"line\":1,\"column\":"
           "54}],\"path\":[\"b\"],\"extensions\":{\"code\":\"SERVICE_UNAVAILABLE\"}},{"
           "\"message\":\"cart is locked\",\"locations\":[{\"line\":1,\"column\":106}],\"path\":["
           "\"c\"],\"extensions\":{\"code\":\"CONFLICT\"}}],\"data\":{\"a\":{\"ok\":true,"
           "\"count\":1},\"b\":null,\"c\":null}}");
    CU_ASSERT_STRING_EQUAL(hook_log.ptr, "begin1 add(101,1) end1(0) begin2 begin3 clear end3(-5) ");
}

static void test_a_failing_end_turns_success_into_a_hidden_error(void)
{
    reset_hooks(0, 1);
    EXPECT(cart_mutation, NULL, NULL,
           "{\"errors\":[{\"message\":\"internal error (request t1)\",\"locations\":[{\"line\":1,"
           "\"column\":12}],\"path\":[\"a\"],\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}"
           ",{\"message\":\"cart is locked\",\"locations\":[{\"line\":1,\"column\":106}],\"path\":"
           "[\"c\"],\"extensions\":{\"code\":\"CONFLICT\"}}],\"data\":{\"a\":null,\"b\":{"
           "\"count\":3},\"c\":null}}");
    CU_ASSERT_STRING_EQUAL(hook_log.ptr, "begin1 add(101,1) end1(0) begin2 add(102,3) end2(0) "
                                         "begin3 clear end3(-5) ");
}

static void test_queries_and_typename_never_call_the_hooks(void)
{
    reset_hooks(0, 0);
    EXPECT("mutation { __typename }", NULL, NULL, "{\"data\":{\"__typename\":\"Mutation\"}}");
    EXPECT("{ product(id: 101) { id } }", NULL, NULL, "{\"data\":{\"product\":{\"id\":\"101\"}}}");
    CU_ASSERT_STRING_EQUAL(hook_log.ptr, "");
    /* Without hooks, mutations still run, serially. */
    CU_ASSERT(same(__LINE__, run_with(cart_mutation, NULL, NULL, NULL),
                   "{\"errors\":[{\"message\":\"cart is locked\",\"locations\":[{\"line\":1,"
                   "\"column\":106}],\"path\":[\"c\"],\"extensions\":{\"code\":\"CONFLICT\"}}],"
                   "\"data\":{\"a\":{\"ok\":true,\"count\":1},\"b\":{\"count\":3},\"c\":null}}"));
    arena_reset(arena);
    CU_ASSERT_STRING_EQUAL(hook_log.ptr, "add(101,1) add(102,3) clear ");
}

static void test_a_resolver_is_told_its_field_parent_and_path(void)
{
    EXPECT("{ c: cart { ok } }", NULL, NULL, "{\"data\":{\"c\":{\"ok\":true}}}");
}

static void test_a_value_of_another_object_type_is_refused(void)
{
    EXPECT("{ wrongType { name } }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Expected value of type \\\"Vendor\\\" but got: [object].\","
           "\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"wrongType\"],\"extensions\":"
           "{\"code\":\"INTERNAL_SERVER_ERROR\"}}],\"data\":{\"wrongType\":null}}");
}

static void test_every_merged_field_node_is_a_location(void)
{
    EXPECT("{ f: failing f: failing\nf: failing }", NULL, NULL,
           "{\"errors\":[{\"message\":\"internal error (request t1)\",\"locations\":[{\"line\":1,"
           "\"column\":3},{\"line\":1,\"column\":14},{\"line\":2,\"column\":1}],\"path\":[\"f\"],"
           "\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}],\"data\":{\"f\":null}}");
}

static void test_hundreds_of_same_key_fields_merge(void)
{
    struct buf q = BUF_INIT(NULL);
    buf_appends(&q, "{ product(id: 101) {");
    for (int i = 0; i < 300; i++)
        buf_appendf(&q, " x: id k%d: id", i);
    buf_appends(&q, " } }");
    const char *got = run_with(q.ptr, NULL, NULL, &hooks);
    CU_ASSERT(strncmp(got, "{\"data\":{\"product\":{\"x\":\"101\",\"k0\":\"101\",\"k1\":\"101\",",
                      49) == 0);
    CU_ASSERT(strstr(got, "\"k299\":\"101\"}}}") != NULL);
    CU_ASSERT(strstr(got, "\"x\"") == strrchr(got, 'x') - 1);
    buf_release(&q);
    arena_reset(arena);
}

static void test_variables_that_are_not_an_object_are_a_request_error(void)
{
    EXPECT("{ __typename }", "[1]", NULL,
           "{\"errors\":[{\"message\":\"Variables must be provided as an Object where each "
           "property is a variable value. Perhaps look to see if an unparsed JSON string was "
           "provided.\",\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}]}");
    EXPECT("query ($x: Int) { echo(i: $x) }", "null", NULL,
           "{\"data\":{\"echo\":{\"dflt\":42,\"ndflt\":7}}}");
}

static void test_variable_errors_stop_after_fifty(void)
{
    struct buf v = BUF_INIT(NULL);
    buf_appends(&v, "{\"l\": [");
    for (int i = 0; i < 60; i++)
        buf_appendf(&v, "%s\"%c\"", i ? ", " : "", 'a' + i % 26);
    buf_appends(&v, "]}");
    struct gql_limits lim = { GQL_DEFAULT_MAX_TOKENS, GQL_DEFAULT_MAX_DEPTH, 0 };
    struct gql_document *doc = NULL;
    struct gql_errors perrs = { 0 };
    const char *q = "query ($l: [Int!]) { echo(l: $l) }";
    CU_ASSERT_FATAL(gql_parse(arena, q, strlen(q), &lim, &doc, &perrs) == WM_OK);
    const char *p = v.ptr;
    struct gql_value vars = json_value(&p);
    struct wm_ctx ctx = { .arena = arena, .req_id = "t1" };
    struct gql_result r;
    gql_execute(&ctx, schema, doc, NULL, &vars, NULL, &r);
    CU_ASSERT(!r.has_data);
    CU_ASSERT_EQUAL(r.errors.count, 51);
    CU_ASSERT_STRING_EQUAL(r.errors.items[49].message,
                           "Variable \"$l\" got invalid value \"x\" at \"l[49]\"; Int cannot "
                           "represent non-integer value: \"x\"");
    CU_ASSERT_STRING_EQUAL(r.errors.items[50].message,
                           "Too many errors processing variables, error limit reached. "
                           "Execution aborted.");
    CU_ASSERT_EQUAL(r.errors.items[50].nlocations, 0);
    buf_release(&v);
    arena_reset(arena);
}

static void test_an_operation_the_schema_lacks_nulls_the_data(void)
{
    static const struct gql_root_field only_query[] = { { "Query", "cart", q_cart, 0 } };
    static const char small_sdl[] = "type Query { cart: CartPayload }\n"
                                    "type CartPayload { ok: Boolean! count: Int }\n";
    static const struct gql_type_map small_maps[] = { { "CartPayload", NULL } };
    struct gql_schema *saved = schema;
    char err[256];
    CU_ASSERT_FATAL(gql_schema_build(&schema, small_sdl, sizeof(small_sdl) - 1, only_query, 1,
                                     small_maps, 1, err, sizeof(err)) == WM_OK);
    EXPECT("mutation M { cart { ok } }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Schema is not configured to execute mutation "
           "operation.\",\"locations\":[{\"line\":1,\"column\":1}],\"extensions\":{\"code\":"
           "\"BAD_USER_INPUT\"}}],\"data\":null}");
    EXPECT("\n  subscription { cart { ok } }", NULL, NULL,
           "{\"errors\":[{\"message\":\"Schema is not configured to execute subscription "
           "operation.\",\"locations\":[{\"line\":2,\"column\":3}],\"extensions\":{\"code\":"
           "\"BAD_USER_INPUT\"}}],\"data\":null}");
    EXPECT("{ cart { ok count } }", NULL, NULL, "{\"data\":{\"cart\":{\"ok\":true,\"count\":3}}}");
    gql_schema_free(schema);
    schema = saved;
}

static void test_a_typename_query_costs_almost_nothing(void)
{
    const char *q = "{ __typename }";
    struct gql_limits lim = { GQL_DEFAULT_MAX_TOKENS, GQL_DEFAULT_MAX_DEPTH, 0 };
    struct gql_document *doc = NULL;
    struct gql_errors perrs = { 0 };
    CU_ASSERT_FATAL(gql_parse(arena, q, strlen(q), &lim, &doc, &perrs) == WM_OK);
    struct wm_ctx ctx = { .arena = arena, .req_id = "t1" };
    size_t before = arena_used(arena);
    struct gql_result r;
    for (int i = 0; i < 1000; i++)
        gql_execute(&ctx, schema, doc, NULL, NULL, NULL, &r);
    /* A key, a group and a one-member object per run. */
    CU_ASSERT((arena_used(arena) - before) / 1000 <= 256);
    CU_ASSERT(r.has_data && r.errors.count == 0);
    CU_ASSERT_STRING_EQUAL(r.data.u.obj.items[0].value->u.s.ptr, "Query");
    arena_reset(arena);
}

static CU_TestInfo tests[] = {
    { "__typename answers on the root and on every object", test_typename_answers_everywhere },
    { "fields are read from C structs through their field maps",
      test_fields_are_read_through_field_maps },
    { "response keys follow the request order and aliases", test_response_keys_follow_the_request },
    { "nested objects and lists complete against their types",
      test_nested_objects_and_lists_complete },
    { "fragments and inline fragments merge into one selection",
      test_fragments_merge_into_one_selection },
    { "interfaces and unions resolve to the object type the value names",
      test_abstract_types_resolve_to_the_value_type },
    { "skip and include select fields, fragments and inline fragments",
      test_skip_and_include_select },
    { "null propagates to the nearest nullable parent",
      test_null_propagates_to_the_nearest_nullable_parent },
    { "resolver errors are located and hide internal detail", test_resolver_errors_are_located },
    { "values the type does not allow are field errors",
      test_values_the_type_does_not_allow_are_field_errors },
    { "the operation is chosen by name or by being the only one", test_the_operation_is_chosen },
    { "variables are coerced with graphql-js rules and messages", test_variables_are_coerced },
    { "input object variables get their defaults and report every bad field",
      test_input_object_variables_and_defaults },
    { "arguments come from literals, variables and defaults",
      test_arguments_come_from_literals_variables_and_defaults },
    { "fields the type does not define are left out", test_undefined_fields_are_left_out },
    { "dynamic types read their OBJECT sources by field name",
      test_dynamic_types_read_objects_by_name },
    { "large selection sets keep their order and merge duplicates",
      test_large_selection_sets_keep_order },
    { "mutation root fields run in order", test_mutation_root_fields_run_in_order },
    { "introspection answers __schema and __type on the query root",
      test_introspection_answers_on_the_query_root },
    { "mutation hooks wrap each root resolver, in order",
      test_mutation_hooks_wrap_each_root_resolver_in_order },
    { "a failing begin skips the resolver and its end",
      test_a_failing_begin_skips_the_resolver_and_its_end },
    { "a failing end turns success into a hidden error",
      test_a_failing_end_turns_success_into_a_hidden_error },
    { "queries and __typename never call the hooks",
      test_queries_and_typename_never_call_the_hooks },
    { "a resolver is told its field, parent and path",
      test_a_resolver_is_told_its_field_parent_and_path },
    { "a value of another object type is refused", test_a_value_of_another_object_type_is_refused },
    { "every merged field node is a location", test_every_merged_field_node_is_a_location },
    { "hundreds of same-key fields merge", test_hundreds_of_same_key_fields_merge },
    { "variables that are not an object are a request error",
      test_variables_that_are_not_an_object_are_a_request_error },
    { "variable errors stop after fifty", test_variable_errors_stop_after_fifty },
    { "an operation the schema lacks nulls the data",
      test_an_operation_the_schema_lacks_nulls_the_data },
    { "a __typename query costs almost nothing", test_a_typename_query_costs_almost_nothing },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_execution_execute, "graphql/execution/execute", suite_init, suite_clean, tests);
