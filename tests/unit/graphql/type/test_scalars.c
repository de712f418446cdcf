/*
 * test_scalars.c: unit tests for src/graphql/type/scalars.c: the coercion tables of the five
 * specified scalars (the cases of graphql-js scalars-test.ts and serialization-test.ts, each
 * with graphql-js's message), the custom scalars (DateTime, Date, JSONString, GenericScalar,
 * Upload, pass-through), the strict JSON check with hostile input, and the printers the
 * messages rely on (inspect, JavaScript number text). Literals come from the real parser.
 */
#include "graphql/type/scalars.h"

#include <math.h>
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

/* ---- values to feed the scalars --------------------------------------------------------- */

static struct arena *A; /* per test; created and freed by each test */

static struct gql_value S(const char *s) {
    return gql_string_n(str_from(s));
}

static struct gql_value
I(int64_t i) {
    return gql_int(i);
}

static struct gql_value
F(double d) {
    return gql_float(d);
}

static struct gql_value
B(bool b) {
    return gql_bool(b);
}

static struct gql_value
UNDEF(void) {
    return (struct gql_value){ .kind = GQL_V_UNDEFINED };
}

static struct gql_value
L1(struct gql_value x) {
    struct gql_value l = gql_list(A, 1);
    l.u.list.items[0] = x;
    return l;
}

static struct gql_value
O1(const char *k, struct gql_value x) {
    struct gql_value o = gql_object(A, 1);
    gql_object_set(A, &o, k, x);
    return o;
}

static struct gql_value
JSONV(const char *text) {
    return (struct gql_value){ .kind = GQL_V_JSON, .u.s = str_from(text) };
}

/* ---- comparing ---------------------------------------------------------------------------- */

static bool
same(const struct gql_value *x, const struct gql_value *y)
{
    if (x->kind != y->kind) return false;
    switch (x->kind) {
    case GQL_V_BOOL:
        return x->u.b == y->u.b;
    case GQL_V_INT:
        return x->u.i == y->u.i;
    case GQL_V_FLOAT:
        return x->u.f == y->u.f;
    case GQL_V_STRING:
    case GQL_V_ENUM:
    case GQL_V_JSON:
        return str_eq(x->u.s, y->u.s);
    case GQL_V_PTR:
        return x->u.ptr == y->u.ptr;
    case GQL_V_LIST:
        if (x->u.list.count != y->u.list.count) return false;
        for (size_t i = 0; i < x->u.list.count; i++)
            if (!same(&x->u.list.items[i], &y->u.list.items[i])) return false;
        return true;
    case GQL_V_OBJECT:
        if (x->u.obj.count != y->u.obj.count) return false;
        for (size_t i = 0; i < x->u.obj.count; i++)
            if (strcmp(x->u.obj.items[i].key, y->u.obj.items[i].key) != 0 ||
                !same(x->u.obj.items[i].value, y->u.obj.items[i].value))
                return false;
        return true;
    default:
        return true;
    }
}

static const char *show(const struct gql_value *v)
{
    struct buf b = BUF_INIT(A);
    buf_appendf(&b, "kind %d ", v->kind);
    gql_value_inspect(&b, v);
    return b.ptr;
}

typedef int coerce_fn(struct arena *, const struct gql_value *, struct gql_value *, const char **);

static void ok_at(int line, coerce_fn *fn, struct gql_value in, struct gql_value want)
{
    struct gql_value out = { .kind = GQL_V_UNDEFINED };
    const char *err = NULL;
    int rc = fn(A, &in, &out, &err);
    check(rc == WM_OK, line, "%s: failed: %s", show(&in), err ? err : "(no message)");
    if (rc == WM_OK)
        check(same(&out, &want), line, "%s gave %s, want %s", show(&in), show(&out), show(&want));
}

static void err_at(int line, coerce_fn *fn, struct gql_value in, const char *msg)
{
    struct gql_value out = { .kind = GQL_V_UNDEFINED };
    const char *err = NULL;
    int rc = fn(A, &in, &out, &err);
    check(rc == WM_EINVAL, line, "%s: rc %d, want WM_EINVAL", show(&in), rc);
    check(err && strcmp(err, msg) == 0, line, "%s: '%s', want '%s'", show(&in),
          err ? err : "(none)", msg);
}

#define OK(fn, in, want) ok_at(__LINE__, (fn), (in), (want))
#define ERR(fn, in, msg) err_at(__LINE__, (fn), (in), (msg))

/* The literal text as the parser reads it: the value of argument a in "{ f(a: text) }". */
static const struct gql_ast_value *literal(int line, const char *text)
{
    char *src = arena_printf(A, "{ f(a: %s) }", text);
    struct gql_errors errs = { 0 };
    struct gql_document *doc = NULL;
    struct gql_limits lim = { 0 };
    if (gql_parse(A, src, strlen(src), &lim, &doc, &errs) != WM_OK) {
        check(false, line, "cannot parse %s: %s", src, errs.count ? errs.items[0].message : "");
        return NULL;
    }
    const struct gql_operation *op = (const struct gql_operation *)doc->definitions.items[0];
    return op->selection_set->selections.items[0]->args.items[0]->value;
}

static void lit_ok_at(int line, const struct gql_scalar_ops *ops, const char *text,
                      const struct gql_value *vars, struct gql_value want)
{
    const struct gql_ast_value *v = literal(line, text);
    if (!v) return;
    struct gql_value out = { .kind = GQL_V_UNDEFINED };
    const char *err = NULL;
    int rc = ops->parse_literal(A, v, vars, &out, &err);
    check(rc == WM_OK, line, "literal %s failed: %s", text, err ? err : "(no message)");
    if (rc == WM_OK)
        check(same(&out, &want), line, "literal %s gave %s, want %s", text, show(&out),
              show(&want));
}

static void lit_err_at(int line, const struct gql_scalar_ops *ops, const char *text,
                       const char *msg)
{
    const struct gql_ast_value *v = literal(line, text);
    if (!v) return;
    struct gql_value out;
    const char *err = NULL;
    int rc = ops->parse_literal(A, v, NULL, &out, &err);
    check(rc == WM_EINVAL, line, "literal %s: rc %d, want WM_EINVAL", text, rc);
    check(err && strcmp(err, msg) == 0, line, "literal %s: '%s', want '%s'", text,
          err ? err : "(none)", msg);
}

#define LIT_OK(ops, text, want)      lit_ok_at(__LINE__, (ops), (text), NULL, (want))
#define LIT_VARS(ops, text, v, want) lit_ok_at(__LINE__, (ops), (text), (v), (want))
#define LIT_ERR(ops, text, msg)      lit_err_at(__LINE__, (ops), (text), (msg))

static void setup(void)
{
    A = arena_new(0);
}

static void teardown(void)
{
    arena_free(A);
    A = NULL;
}

/* ---- Int ---------------------------------------------------------------------------------- */

static void test_int_parses_values_like_graphql_js(void)
{
    setup();
    coerce_fn *p = gql_scalar_int.parse_value;
    OK(p, I(1), I(1));
    OK(p, I(0), I(0));
    OK(p, I(-1), I(-1));
    OK(p, I(2147483647), I(2147483647));
    OK(p, I(-2147483648), I(-2147483648));
    OK(p, F(3.0), I(3)); /* JSON 3.0 is the integer 3 to JavaScript */
    ERR(p, I(9876504321), "Int cannot represent non 32-bit signed integer value: 9876504321");
    ERR(p, I(-9876504321), "Int cannot represent non 32-bit signed integer value: -9876504321");
    ERR(p, I(2147483648), "Int cannot represent non 32-bit signed integer value: 2147483648");
    ERR(p, F(1e100), "Int cannot represent non 32-bit signed integer value: 1e+100");
    ERR(p, F(0.1), "Int cannot represent non-integer value: 0.1");
    ERR(p, F(1.5), "Int cannot represent non-integer value: 1.5");
    ERR(p, F(NAN), "Int cannot represent non-integer value: NaN");
    ERR(p, F(INFINITY), "Int cannot represent non-integer value: Infinity");
    ERR(p, UNDEF(), "Int cannot represent non-integer value: undefined");
    ERR(p, gql_null(), "Int cannot represent non-integer value: null");
    ERR(p, S(""), "Int cannot represent non-integer value: \"\"");
    ERR(p, S("123"), "Int cannot represent non-integer value: \"123\"");
    ERR(p, B(false), "Int cannot represent non-integer value: false");
    ERR(p, L1(I(1)), "Int cannot represent non-integer value: [1]");
    ERR(p, O1("value", I(1)), "Int cannot represent non-integer value: { value: 1 }");
    teardown();
}

static void test_int_parses_literals_like_graphql_js(void)
{
    setup();
    const struct gql_scalar_ops *s = &gql_scalar_int;
    LIT_OK(s, "1", I(1));
    LIT_OK(s, "0", I(0));
    LIT_OK(s, "-1", I(-1));
    LIT_OK(s, "2147483647", I(2147483647));
    LIT_OK(s, "-2147483648", I(-2147483648));
    LIT_ERR(s, "9876504321", "Int cannot represent non 32-bit signed integer value: 9876504321");
    LIT_ERR(s, "-9876504321", "Int cannot represent non 32-bit signed integer value: -9876504321");
    LIT_ERR(s, "99999999999999999999999",
            "Int cannot represent non 32-bit signed integer value: 99999999999999999999999");
    LIT_ERR(s, "1.0", "Int cannot represent non-integer value: 1.0");
    LIT_ERR(s, "null", "Int cannot represent non-integer value: null");
    LIT_ERR(s, "\"123\"", "Int cannot represent non-integer value: \"123\"");
    LIT_ERR(s, "false", "Int cannot represent non-integer value: false");
    LIT_ERR(s, "[1]", "Int cannot represent non-integer value: [1]");
    LIT_ERR(s, "{value: 1}", "Int cannot represent non-integer value: {value: 1}");
    LIT_ERR(s, "ENUM_VALUE", "Int cannot represent non-integer value: ENUM_VALUE");
    LIT_ERR(s, "$var", "Int cannot represent non-integer value: $var");
    teardown();
}

static void test_int_serializes_like_graphql_js(void)
{
    setup();
    coerce_fn *z = gql_scalar_int.serialize;
    OK(z, I(1), I(1));
    OK(z, S("123"), I(123));
    OK(z, I(0), I(0));
    OK(z, I(-1), I(-1));
    OK(z, F(1e5), I(100000));
    OK(z, F(-0.0), I(0));
    OK(z, B(false), I(0));
    OK(z, B(true), I(1));
    OK(z, S(" 42 "), I(42));
    OK(z, S("0x10"), I(16));
    OK(z, S("1e3"), I(1000));
    ERR(z, F(0.1), "Int cannot represent non-integer value: 0.1");
    ERR(z, F(1.1), "Int cannot represent non-integer value: 1.1");
    ERR(z, F(-1.1), "Int cannot represent non-integer value: -1.1");
    ERR(z, S("-1.1"), "Int cannot represent non-integer value: \"-1.1\"");
    ERR(z, I(9876504321), "Int cannot represent non 32-bit signed integer value: 9876504321");
    ERR(z, I(-9876504321), "Int cannot represent non 32-bit signed integer value: -9876504321");
    ERR(z, F(1e100), "Int cannot represent non 32-bit signed integer value: 1e+100");
    ERR(z, F(-1e100), "Int cannot represent non 32-bit signed integer value: -1e+100");
    ERR(z, S("one"), "Int cannot represent non-integer value: \"one\"");
    ERR(z, S(""), "Int cannot represent non-integer value: \"\"");
    ERR(z, F(NAN), "Int cannot represent non-integer value: NaN");
    ERR(z, F(INFINITY), "Int cannot represent non-integer value: Infinity");
    ERR(z, L1(I(5)), "Int cannot represent non-integer value: [5]");
    ERR(z, gql_enum("RED"), "Int cannot represent non-integer value: \"RED\"");
    teardown();
}

/* ---- Float -------------------------------------------------------------------------------- */

static void test_float_parses_values_and_literals_like_graphql_js(void)
{
    setup();
    coerce_fn *p = gql_scalar_float.parse_value;
    OK(p, I(1), F(1));
    OK(p, I(0), F(0));
    OK(p, I(-1), F(-1));
    OK(p, F(0.1), F(0.1));
    OK(p, F(M_PI), F(M_PI));
    ERR(p, F(NAN), "Float cannot represent non numeric value: NaN");
    ERR(p, F(INFINITY), "Float cannot represent non numeric value: Infinity");
    ERR(p, UNDEF(), "Float cannot represent non numeric value: undefined");
    ERR(p, gql_null(), "Float cannot represent non numeric value: null");
    ERR(p, S(""), "Float cannot represent non numeric value: \"\"");
    ERR(p, S("123"), "Float cannot represent non numeric value: \"123\"");
    ERR(p, B(false), "Float cannot represent non numeric value: false");
    ERR(p, L1(F(0.1)), "Float cannot represent non numeric value: [0.1]");
    ERR(p, O1("value", F(1.2)), "Float cannot represent non numeric value: { value: 1.2 }");

    const struct gql_scalar_ops *s = &gql_scalar_float;
    LIT_OK(s, "1", F(1));
    LIT_OK(s, "0", F(0));
    LIT_OK(s, "-1", F(-1));
    LIT_OK(s, "0.1", F(0.1));
    LIT_OK(s, "3.14159", F(3.14159));
    LIT_OK(s, "1e3", F(1000));
    LIT_ERR(s, "1e999", "Float cannot represent non numeric value: 1e999");
    LIT_ERR(s, "null", "Float cannot represent non numeric value: null");
    LIT_ERR(s, "\"123\"", "Float cannot represent non numeric value: \"123\"");
    LIT_ERR(s, "false", "Float cannot represent non numeric value: false");
    LIT_ERR(s, "[0.1]", "Float cannot represent non numeric value: [0.1]");
    LIT_ERR(s, "{value: 0.1}", "Float cannot represent non numeric value: {value: 0.1}");
    LIT_ERR(s, "ENUM_VALUE", "Float cannot represent non numeric value: ENUM_VALUE");
    LIT_ERR(s, "$var", "Float cannot represent non numeric value: $var");
    teardown();
}

static void test_float_serializes_like_graphql_js(void)
{
    setup();
    coerce_fn *z = gql_scalar_float.serialize;
    OK(z, I(1), F(1));
    OK(z, I(0), F(0));
    OK(z, S("123.5"), F(123.5));
    OK(z, I(-1), F(-1));
    OK(z, F(0.1), F(0.1));
    OK(z, F(1.1), F(1.1));
    OK(z, F(-1.1), F(-1.1));
    OK(z, S("-1.1"), F(-1.1));
    OK(z, B(false), F(0));
    OK(z, B(true), F(1));
    ERR(z, F(NAN), "Float cannot represent non numeric value: NaN");
    ERR(z, F(INFINITY), "Float cannot represent non numeric value: Infinity");
    ERR(z, S("one"), "Float cannot represent non numeric value: \"one\"");
    ERR(z, S(""), "Float cannot represent non numeric value: \"\"");
    ERR(z, S("Infinity"), "Float cannot represent non numeric value: \"Infinity\"");
    ERR(z, L1(I(5)), "Float cannot represent non numeric value: [5]");
    teardown();
}

/* ---- String, Boolean, ID ------------------------------------------------------------------ */

static void test_string_coerces_like_graphql_js(void)
{
    setup();
    coerce_fn *p = gql_scalar_string.parse_value;
    OK(p, S("foo"), S("foo"));
    ERR(p, UNDEF(), "String cannot represent a non string value: undefined");
    ERR(p, gql_null(), "String cannot represent a non string value: null");
    ERR(p, I(1), "String cannot represent a non string value: 1");
    ERR(p, F(NAN), "String cannot represent a non string value: NaN");
    ERR(p, B(false), "String cannot represent a non string value: false");
    ERR(p, L1(S("foo")), "String cannot represent a non string value: [\"foo\"]");
    ERR(p, O1("value", S("foo")), "String cannot represent a non string value: { value: \"foo\" }");

    const struct gql_scalar_ops *s = &gql_scalar_string;
    LIT_OK(s, "\"foo\"", S("foo"));
    LIT_OK(s, "\"\"\"bar\"\"\"", S("bar"));
    LIT_ERR(s, "null", "String cannot represent a non string value: null");
    LIT_ERR(s, "1", "String cannot represent a non string value: 1");
    LIT_ERR(s, "0.1", "String cannot represent a non string value: 0.1");
    LIT_ERR(s, "false", "String cannot represent a non string value: false");
    LIT_ERR(s, "[\"foo\"]", "String cannot represent a non string value: [\"foo\"]");
    LIT_ERR(s, "{value: \"foo\"}", "String cannot represent a non string value: {value: \"foo\"}");
    LIT_ERR(s, "ENUM_VALUE", "String cannot represent a non string value: ENUM_VALUE");
    LIT_ERR(s, "$var", "String cannot represent a non string value: $var");

    coerce_fn *z = gql_scalar_string.serialize;
    OK(z, S("string"), S("string"));
    OK(z, I(1), S("1"));
    OK(z, F(-1.1), S("-1.1"));
    OK(z, F(1e21), S("1e+21"));
    OK(z, B(true), S("true"));
    OK(z, B(false), S("false"));
    OK(z, gql_enum("RED"), S("RED"));
    ERR(z, F(NAN), "String cannot represent value: NaN");
    ERR(z, F(INFINITY), "String cannot represent value: Infinity");
    ERR(z, L1(I(1)), "String cannot represent value: [1]");
    ERR(z, gql_object(A, 0), "String cannot represent value: {}");
    teardown();
}

static void test_boolean_coerces_like_graphql_js(void)
{
    setup();
    coerce_fn *p = gql_scalar_boolean.parse_value;
    OK(p, B(true), B(true));
    OK(p, B(false), B(false));
    ERR(p, UNDEF(), "Boolean cannot represent a non boolean value: undefined");
    ERR(p, gql_null(), "Boolean cannot represent a non boolean value: null");
    ERR(p, I(0), "Boolean cannot represent a non boolean value: 0");
    ERR(p, I(1), "Boolean cannot represent a non boolean value: 1");
    ERR(p, F(NAN), "Boolean cannot represent a non boolean value: NaN");
    ERR(p, S(""), "Boolean cannot represent a non boolean value: \"\"");
    ERR(p, S("false"), "Boolean cannot represent a non boolean value: \"false\"");
    ERR(p, L1(B(false)), "Boolean cannot represent a non boolean value: [false]");
    ERR(p, O1("value", B(false)), "Boolean cannot represent a non boolean value: { value: false }");

    const struct gql_scalar_ops *s = &gql_scalar_boolean;
    LIT_OK(s, "true", B(true));
    LIT_OK(s, "false", B(false));
    LIT_ERR(s, "null", "Boolean cannot represent a non boolean value: null");
    LIT_ERR(s, "0", "Boolean cannot represent a non boolean value: 0");
    LIT_ERR(s, "1", "Boolean cannot represent a non boolean value: 1");
    LIT_ERR(s, "0.1", "Boolean cannot represent a non boolean value: 0.1");
    LIT_ERR(s, "\"false\"", "Boolean cannot represent a non boolean value: \"false\"");
    LIT_ERR(s, "[false]", "Boolean cannot represent a non boolean value: [false]");
    LIT_ERR(s, "{value: false}", "Boolean cannot represent a non boolean value: {value: false}");
    LIT_ERR(s, "ENUM_VALUE", "Boolean cannot represent a non boolean value: ENUM_VALUE");
    LIT_ERR(s, "$var", "Boolean cannot represent a non boolean value: $var");

    coerce_fn *z = gql_scalar_boolean.serialize;
    OK(z, B(true), B(true));
    OK(z, I(1), B(true));
    OK(z, I(0), B(false));
    OK(z, F(0.5), B(true));
    OK(z, B(false), B(false));
    ERR(z, F(NAN), "Boolean cannot represent a non boolean value: NaN");
    ERR(z, S(""), "Boolean cannot represent a non boolean value: \"\"");
    ERR(z, S("true"), "Boolean cannot represent a non boolean value: \"true\"");
    ERR(z, L1(B(false)), "Boolean cannot represent a non boolean value: [false]");
    ERR(z, gql_object(A, 0), "Boolean cannot represent a non boolean value: {}");
    teardown();
}

static void test_id_coerces_like_graphql_js(void)
{
    setup();
    coerce_fn *p = gql_scalar_id.parse_value;
    OK(p, S(""), S(""));
    OK(p, S("1"), S("1"));
    OK(p, S("foo"), S("foo"));
    OK(p, I(1), S("1"));
    OK(p, I(0), S("0"));
    OK(p, I(-1), S("-1"));
    OK(p, I(9007199254740991), S("9007199254740991"));
    OK(p, I(-9007199254740991), S("-9007199254740991"));
    OK(p, F(42.0), S("42"));
    ERR(p, UNDEF(), "ID cannot represent value: undefined");
    ERR(p, gql_null(), "ID cannot represent value: null");
    ERR(p, F(0.1), "ID cannot represent value: 0.1");
    ERR(p, F(NAN), "ID cannot represent value: NaN");
    ERR(p, F(INFINITY), "ID cannot represent value: Infinity");
    ERR(p, B(false), "ID cannot represent value: false");
    ERR(p, L1(S("1")), "ID cannot represent value: [\"1\"]");
    ERR(p, O1("value", S("1")), "ID cannot represent value: { value: \"1\" }");

    const struct gql_scalar_ops *s = &gql_scalar_id;
    LIT_OK(s, "\"\"", S(""));
    LIT_OK(s, "\"1\"", S("1"));
    LIT_OK(s, "\"foo\"", S("foo"));
    LIT_OK(s, "\"\"\"foo\"\"\"", S("foo"));
    LIT_OK(s, "1", S("1"));
    LIT_OK(s, "0", S("0"));
    LIT_OK(s, "-1", S("-1"));
    LIT_OK(s, "9007199254740991", S("9007199254740991"));
    LIT_OK(s, "123456789012345678901234567890", S("123456789012345678901234567890"));
    LIT_ERR(s, "null", "ID cannot represent a non-string and non-integer value: null");
    LIT_ERR(s, "0.1", "ID cannot represent a non-string and non-integer value: 0.1");
    LIT_ERR(s, "false", "ID cannot represent a non-string and non-integer value: false");
    LIT_ERR(s, "[\"1\"]", "ID cannot represent a non-string and non-integer value: [\"1\"]");
    LIT_ERR(s, "{value: \"1\"}",
            "ID cannot represent a non-string and non-integer value: {value: \"1\"}");
    LIT_ERR(s, "ENUM_VALUE", "ID cannot represent a non-string and non-integer value: ENUM_VALUE");
    LIT_ERR(s, "$var", "ID cannot represent a non-string and non-integer value: $var");

    coerce_fn *z = gql_scalar_id.serialize;
    OK(z, S("string"), S("string"));
    OK(z, S("false"), S("false"));
    OK(z, S(""), S(""));
    OK(z, I(123), S("123"));
    OK(z, I(0), S("0"));
    OK(z, I(-1), S("-1"));
    OK(z, I(INT64_MAX), S("9223372036854775807"));
    ERR(z, B(true), "ID cannot represent value: true");
    ERR(z, F(3.14), "ID cannot represent value: 3.14");
    ERR(z, gql_object(A, 0), "ID cannot represent value: {}");
    ERR(z, L1(S("abc")), "ID cannot represent value: [\"abc\"]");
    teardown();
}

/* ---- dates -------------------------------------------------------------------------------- */

static void test_datetime_accepts_rfc3339_with_a_zone_and_dates(void)
{
    setup();
    coerce_fn *p = gql_scalar_datetime.parse_value;
    OK(p, S("2026-11-26T15:20:18.123Z"), S("2026-11-26T15:20:18.123Z"));
    OK(p, S("2026-11-26T15:20:18Z"), S("2026-11-26T15:20:18Z"));
    OK(p, S("2026-11-26t15:20:18z"), S("2026-11-26t15:20:18z"));
    OK(p, S("2026-11-26T15:20:18.123456789+05:30"), S("2026-11-26T15:20:18.123456789+05:30"));
    OK(p, S("2026-11-26T00:00:00-08:00"), S("2026-11-26T00:00:00-08:00"));
    OK(p, S("2024-02-29T00:00:00Z"), S("2024-02-29T00:00:00Z"));
    OK(p, S("2026-11-26"), S("2026-11-26")); /* the contract: a date alone is accepted */
    const char *bad[] = {
        "2026-11-26T15:20:18",  /* no zone */
        "2026-11-26 15:20:18Z", /* space (not RFC 3339's T) */
        "2023-02-29T00:00:00Z", /* not a leap year */
        "1900-02-29",           /* not a leap year either */
        "2026-13-01T00:00:00Z",
        "2026-00-10T00:00:00Z",
        "2026-04-31T00:00:00Z",
        "2026-11-26T24:00:00Z",
        "2026-11-26T23:60:00Z",
        "2026-11-26T23:59:60Z",
        "2026-11-26T15:20:18.Z",
        "2026-11-26T15:20:18+5:30",
        "2026-11-26T15:20:18+24:00",
        "2026-11-26T15:20:18Z ",
        " 2026-11-26",
        "26/11/2026",
        "2026-1-26",
        "",
        "2026-11-26T",
        "2026-11-26T15:20:18+05:30x",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        char *msg = arena_printf(A, "DateTime cannot represent an invalid date-time string: \"%s\"",
                                 bad[i]);
        ERR(p, S(bad[i]), msg);
    }
    ERR(p, I(5), "DateTime cannot represent a non string value: 5");
    ERR(p, gql_null(), "DateTime cannot represent a non string value: null");

    const struct gql_scalar_ops *s = &gql_scalar_datetime;
    LIT_OK(s, "\"2026-11-26T15:20:18.123Z\"", S("2026-11-26T15:20:18.123Z"));
    LIT_ERR(s, "\"yesterday\"",
            "DateTime cannot represent an invalid date-time string: \"yesterday\"");
    LIT_ERR(s, "5", "DateTime cannot represent a non string value: 5");
    LIT_ERR(s, "{a: 1}", "DateTime cannot represent a non string value: {a: 1}");
    teardown();
}

static void test_datetime_serializes_strings_database_text_and_epoch_seconds(void)
{
    setup();
    coerce_fn *z = gql_scalar_datetime.serialize;
    OK(z, S("2026-11-26T15:20:18.123Z"), S("2026-11-26T15:20:18.123Z"));
    OK(z, S("2026-11-26T15:20:18+01:00"), S("2026-11-26T15:20:18+01:00"));
    OK(z, S("2026-11-26 15:20:18"), S("2026-11-26T15:20:18Z"));
    OK(z, S("2026-11-26 15:20:18.123456"), S("2026-11-26T15:20:18.123456Z"));
    OK(z, I(0), S("1970-01-01T00:00:00Z"));
    OK(z, I(1764170418), S("2025-11-26T15:20:18Z"));
    OK(z, I(-1), S("1969-12-31T23:59:59Z"));
    OK(z, I(253402300799), S("9999-12-31T23:59:59Z"));
    ERR(z, I(253402300800), "DateTime cannot represent an invalid timestamp: 253402300800");
    ERR(z, I(INT64_MAX), "DateTime cannot represent an invalid timestamp: 9223372036854775807");
    ERR(z, S("2026-11-26"),
        "DateTime cannot represent an invalid date-time string: \"2026-11-26\"");
    ERR(z, S("2026-11-26T15:20:18"),
        "DateTime cannot represent an invalid date-time string: \"2026-11-26T15:20:18\"");
    ERR(z, F(1.5), "DateTime cannot represent a non string value: 1.5");
    ERR(z, B(true), "DateTime cannot represent a non string value: true");
    teardown();
}

static void test_date_is_a_calendar_date_only(void)
{
    setup();
    coerce_fn *p = gql_scalar_date.parse_value;
    coerce_fn *z = gql_scalar_date.serialize;
    OK(p, S("2026-11-26"), S("2026-11-26"));
    OK(z, S("1990-01-17"), S("1990-01-17"));
    OK(p, S("2000-02-29"), S("2000-02-29"));
    ERR(p, S("2026-11-26T00:00:00Z"),
        "Date cannot represent an invalid date string: \"2026-11-26T00:00:00Z\"");
    ERR(z, S("2026-02-30"), "Date cannot represent an invalid date string: \"2026-02-30\"");
    ERR(z, S("17/01/1990"), "Date cannot represent an invalid date string: \"17/01/1990\"");
    ERR(p, I(20261126), "Date cannot represent a non string value: 20261126");
    const struct gql_scalar_ops *s = &gql_scalar_date;
    LIT_OK(s, "\"2026-11-26\"", S("2026-11-26"));
    LIT_ERR(s, "\"2026-11-31\"", "Date cannot represent an invalid date string: \"2026-11-31\"");
    LIT_ERR(s, "TODAY", "Date cannot represent a non string value: TODAY");
    CU_ASSERT(gql_is_date(STR("0000-01-01")));
    CU_ASSERT(!gql_is_date(STR("2026-11-26x")));
    CU_ASSERT(gql_is_date_time(STR("2026-11-26T15:20:18.1Z")));
    CU_ASSERT(!gql_is_date_time(STR("2026-11-26")));
    teardown();
}

/* ---- JSON --------------------------------------------------------------------------------- */

static void test_the_json_check_accepts_every_json_form(void)
{
    const char *good[] = {
        "0",
        "-0",
        "1.5e10",
        "1E-3",
        "-12.25",
        "true",
        "false",
        "null",
        "\"\"",
        "\"a\\u00e9\\n\\t\\\"\\\\\\/\\b\\f\\r\"",
        "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"",
        "{}",
        "[]",
        " {\"a\" : [1, {\"b\": null}], \"c\": \"d\"} ",
        "\r\n\t[1,2]\n",
        "\"\\ud800\"", /* a lone surrogate escape is still JSON text */
    };
    for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
        check(gql_json_is_valid(good[i], strlen(good[i])), __LINE__, "'%s' is JSON", good[i]);
    /* Nesting up to the limit is fine. */
    char deep[1030];
    memset(deep, '[', 512);
    memset(deep + 512, ']', 512);
    CU_ASSERT(gql_json_is_valid(deep, 1024));
}

static void test_the_json_check_rejects_what_is_not_json(void)
{
    const char *bad[] = {
        "",
        " ",
        "01",
        "1.",
        ".5",
        "+1",
        "-",
        "1e",
        "1e+",
        "0x10",
        "NaN",
        "Infinity",
        "[1,]",
        "{\"a\":1,}",
        "{a:1}",
        "'x'",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\u12g4\"",
        "\"tab\there\"",
        "\"new\nline\"",
        "nul",
        "tru",
        "[1] 2",
        "{\"a\"}",
        "{\"a\" 1}",
        "[",
        "]",
        "{",
        "\"open",
        "\"\xff\"",
        "\"\xc0\xaf\"",
        "\"\xed\xa0\x80\"",
        "\"\xe2\x82\"",
        "\"\xf4\x90\x80\x80\"",
        "\x80",
        "[1 2]",
        "{\"a\":1 \"b\":2}",
        "//c\n1",
        "1 // c",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        check(!gql_json_is_valid(bad[i], strlen(bad[i])), __LINE__, "'%s' is not JSON", bad[i]);
    CU_ASSERT(!gql_json_is_valid("\"a\0b\"", 5)); /* a raw NUL inside a string */
    CU_ASSERT(!gql_json_is_valid("1\0", 2));
    CU_ASSERT(!gql_json_is_valid(NULL, 0));
    /* Too deep: refused, not a stack overflow. */
    size_t n = 100000;
    char *deep = malloc(2 * n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(deep);
    memset(deep, '[', n);
    memset(deep + n, ']', n);
    CU_ASSERT(!gql_json_is_valid(deep, 2 * n));
    memset(deep, '{', n);
    CU_ASSERT(!gql_json_is_valid(deep, n));
    free(deep);
}

static void test_json_string_output_is_a_string_holding_json(void)
{
    setup();
    coerce_fn *z = gql_scalar_json_string.serialize;
    OK(z, JSONV("{\"a\":1}"), S("{\"a\":1}"));
    OK(z, S("[{\"url\": \"x\", \"thumbnail\": \"y\"}]"),
       S("[{\"url\": \"x\", \"thumbnail\": \"y\"}]"));
    OK(z, I(5), S("5"));
    OK(z, F(1.5), S("1.5"));
    OK(z, B(true), S("true"));
    OK(z, gql_enum("RED"), S("\"RED\""));
    struct gql_value o = gql_object(A, 3);
    gql_object_set(A, &o, "a", I(1));
    struct gql_value l = gql_list(A, 3);
    l.u.list.items[0] = B(true);
    l.u.list.items[1] = gql_null();
    l.u.list.items[2] = S("q\"uote");
    gql_object_set(A, &o, "b", l);
    gql_object_set(A, &o, "skipped", UNDEF());
    gql_object_set(A, &o, "raw", JSONV("[1, 2]"));
    OK(z, o, S("{\"a\":1,\"b\":[true,null,\"q\\\"uote\"],\"raw\":[1, 2]}"));
    ERR(z, S("not json"), "JSONString cannot represent invalid JSON: \"not json\"");
    ERR(z, JSONV("{\"a\":"), "JSONString cannot represent invalid JSON: {\"a\":");
    int x;
    ERR(z, gql_ptr(&x, NULL), "JSONString cannot represent value: [object]");
    ERR(z, L1(F(NAN)), "JSONString cannot represent value: NaN");
    teardown();
}

static void test_json_string_input_takes_json_text_or_an_object(void)
{
    setup();
    coerce_fn *p = gql_scalar_json_string.parse_value;
    OK(p, S("{\"device\": \"Pixel\"}"), JSONV("{\"device\": \"Pixel\"}"));
    OK(p, S("\"just a string\""), JSONV("\"just a string\""));
    OK(p, O1("device", S("Pixel")), JSONV("{\"device\":\"Pixel\"}"));
    OK(p, L1(I(1)), JSONV("[1]"));
    ERR(p, S("{bad"), "JSONString cannot represent invalid JSON: \"{bad\"");
    ERR(p, S(""), "JSONString cannot represent invalid JSON: \"\"");
    ERR(p, I(5), "JSONString cannot represent a non string value: 5");
    ERR(p, B(true), "JSONString cannot represent a non string value: true");

    const struct gql_scalar_ops *s = &gql_scalar_json_string;
    LIT_OK(s, "\"{\\\"a\\\": 1}\"", JSONV("{\"a\": 1}"));
    LIT_OK(s, "{device: \"x\", n: [1, 2.5, ENUM, null]}",
           JSONV("{\"device\":\"x\",\"n\":[1,2.5,\"ENUM\",null]}"));
    struct gql_value vars = O1("v", I(3));
    LIT_VARS(s, "{a: $v, b: $missing}", &vars, JSONV("{\"a\":3}"));
    LIT_ERR(s, "\"[1,\"", "JSONString cannot represent invalid JSON: \"[1,\"");
    LIT_ERR(s, "5", "JSONString cannot represent a non string value: 5");
    LIT_ERR(s, "true", "JSONString cannot represent a non string value: true");
    teardown();
}

/* ---- GenericScalar, pass-through, Upload -------------------------------------------------- */

static void test_generic_scalar_passes_json_values_through(void)
{
    setup();
    coerce_fn *z = gql_scalar_generic.serialize;
    struct gql_value o = O1("errors", L1(S("Email taken")));
    OK(z, o, o);
    OK(z, I(1), I(1));
    OK(z, S("x"), S("x"));
    OK(z, gql_null(), gql_null());
    OK(z, gql_enum("RED"), S("RED"));
    OK(z, JSONV("{\"a\":[]}"), JSONV("{\"a\":[]}"));
    int x;
    ERR(z, gql_ptr(&x, NULL), "GenericScalar cannot represent value: [object]");
    ERR(z, L1(O1("deep", gql_ptr(&x, NULL))), "GenericScalar cannot represent value: [object]");
    ERR(z, F(INFINITY), "GenericScalar cannot represent value: Infinity");
    coerce_fn *p = gql_scalar_generic.parse_value;
    OK(p, o, o);
    OK(p, B(false), B(false));

    const struct gql_scalar_ops *s = &gql_scalar_generic;
    struct gql_value want = gql_object(A, 2);
    struct gql_value items = gql_list(A, 5);
    items.u.list.items[0] = I(1);
    items.u.list.items[1] = S("x");
    items.u.list.items[2] = B(true);
    items.u.list.items[3] = gql_null();
    items.u.list.items[4] = S("RED");
    gql_object_set(A, &want, "a", items);
    gql_object_set(A, &want, "b", F(1.5));
    LIT_OK(s, "{a: [1, \"x\", true, null, RED], b: 1.5}", want);
    LIT_OK(s, "99999999999999999999", F(1e20));
    struct gql_value vars = O1("v", S("given"));
    LIT_VARS(s, "$v", &vars, S("given"));
    LIT_VARS(s, "$nope", &vars, gql_null());
    LIT_VARS(s, "{k: $nope}", &vars, gql_object(A, 0));
    teardown();
}

static void test_unknown_scalars_pass_values_through(void)
{
    setup();
    CU_ASSERT_PTR_EQUAL(gql_scalar_ops_for("Money"), &gql_scalar_pass_through);
    coerce_fn *z = gql_scalar_pass_through.serialize;
    OK(z, I(1250), I(1250));
    OK(z, S("EUR"), S("EUR"));
    int x;
    ERR(z, gql_ptr(&x, NULL), "Scalar cannot represent value: [object]");
    OK(gql_scalar_pass_through.parse_value, O1("a", I(1)), O1("a", I(1)));
    LIT_OK(&gql_scalar_pass_through, "\"12.50\"", S("12.50"));
    teardown();
}

static void test_upload_is_input_only_and_takes_the_multipart_file(void)
{
    setup();
    int file;
    OK(gql_scalar_upload.parse_value, gql_ptr(&file, NULL), gql_ptr(&file, NULL));
    ERR(gql_scalar_upload.parse_value, S("file.png"), "Upload value invalid.");
    ERR(gql_scalar_upload.parse_value, gql_object(A, 0), "Upload value invalid.");
    ERR(gql_scalar_upload.serialize, gql_ptr(&file, NULL), "Upload serialization unsupported.");
    LIT_ERR(&gql_scalar_upload, "\"file.png\"", "Upload literal unsupported.");
    LIT_ERR(&gql_scalar_upload, "null", "Upload literal unsupported.");
    teardown();
}

static void test_scalars_are_found_by_name(void)
{
    CU_ASSERT_PTR_EQUAL(gql_scalar_ops_for("Int"), &gql_scalar_int);
    CU_ASSERT_PTR_EQUAL(gql_scalar_ops_for("Float"), &gql_scalar_float);
    CU_ASSERT_PTR_EQUAL(gql_scalar_ops_for("String"), &gql_scalar_string);
    CU_ASSERT_PTR_EQUAL(gql_scalar_ops_for("Boolean"), &gql_scalar_boolean);
    CU_ASSERT_PTR_EQUAL(gql_scalar_ops_for("ID"), &gql_scalar_id);
    CU_ASSERT_PTR_EQUAL(gql_scalar_ops_for("DateTime"), &gql_scalar_datetime);
    CU_ASSERT_PTR_EQUAL(gql_scalar_ops_for("Date"), &gql_scalar_date);
    CU_ASSERT_PTR_EQUAL(gql_scalar_ops_for("JSONString"), &gql_scalar_json_string);
    CU_ASSERT_PTR_EQUAL(gql_scalar_ops_for("GenericScalar"), &gql_scalar_generic);
    CU_ASSERT_PTR_EQUAL(gql_scalar_ops_for("Upload"), &gql_scalar_upload);
    CU_ASSERT_PTR_EQUAL(gql_scalar_ops_for("int"), &gql_scalar_pass_through);
    CU_ASSERT(gql_is_specified_scalar("ID"));
    CU_ASSERT(gql_is_specified_scalar("Boolean"));
    CU_ASSERT(!gql_is_specified_scalar("DateTime"));
    CU_ASSERT(!gql_is_specified_scalar("string"));
}

/* ---- printers ----------------------------------------------------------------------------- */

static void number_is(int line, double d, const char *want)
{
    struct buf b = BUF_INIT(A);
    gql_js_number(&b, d);
    check(strcmp(b.ptr, want) == 0, line, "%.17g printed '%s', want '%s'", d, b.ptr, want);
}

static void test_numbers_print_as_javascript_prints_them(void)
{
    setup();
    number_is(__LINE__, 0, "0");
    number_is(__LINE__, -0.0, "0");
    number_is(__LINE__, 100, "100");
    number_is(__LINE__, 123.456, "123.456");
    number_is(__LINE__, -1.1, "-1.1");
    number_is(__LINE__, 0.1, "0.1");
    number_is(__LINE__, 0.000001, "0.000001");
    number_is(__LINE__, 1e-7, "1e-7");
    number_is(__LINE__, 1.5e-7, "1.5e-7");
    number_is(__LINE__, 123456789012, "123456789012");
    number_is(__LINE__, 1e20, "100000000000000000000");
    number_is(__LINE__, 1e21, "1e+21");
    number_is(__LINE__, 1.5e21, "1.5e+21");
    number_is(__LINE__, 1e100, "1e+100");
    number_is(__LINE__, 5e-324, "5e-324");
    number_is(__LINE__, 1.7976931348623157e308, "1.7976931348623157e+308");
    number_is(__LINE__, 9007199254740993.0, "9007199254740992");
    number_is(__LINE__, NAN, "NaN");
    number_is(__LINE__, -INFINITY, "-Infinity");
    teardown();
}

static void inspect_is(int line, struct gql_value v, const char *want)
{
    struct buf b = BUF_INIT(A);
    gql_value_inspect(&b, &v);
    check(strcmp(b.ptr, want) == 0, line, "inspect gave '%s', want '%s'", b.ptr, want);
}

static void test_inspect_shows_values_as_graphql_js_does(void)
{
    setup();
    inspect_is(__LINE__, UNDEF(), "undefined");
    inspect_is(__LINE__, gql_null(), "null");
    inspect_is(__LINE__, S("a\"b\n"), "\"a\\\"b\\n\"");
    inspect_is(__LINE__, L1(L1(L1(I(1)))), "[[[Array]]]");
    inspect_is(__LINE__, O1("a", O1("b", O1("c", I(1)))), "{ a: { b: [Object] } }");
    inspect_is(__LINE__, L1(L1(gql_list(A, 0))), "[[[]]]");
    inspect_is(__LINE__, L1(L1(gql_object(A, 0))), "[[{}]]");
    struct gql_value l = gql_list(A, 12);
    for (size_t i = 0; i < 12; i++)
        l.u.list.items[i] = I((int64_t)i);
    inspect_is(__LINE__, l, "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ... 2 more items]");
    l.u.list.count = 11;
    inspect_is(__LINE__, l, "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ... 1 more item]");
    l.u.list.count = 10;
    inspect_is(__LINE__, l, "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]");
    struct gql_value o = gql_object(A, 2);
    gql_object_set(A, &o, "a", I(1));
    gql_object_set(A, &o, "b", L1(S("x")));
    inspect_is(__LINE__, o, "{ a: 1, b: [\"x\"] }");
    teardown();
}

static CU_TestInfo tests[] = {
    { "Int parses values like graphql-js", test_int_parses_values_like_graphql_js },
    { "Int parses literals like graphql-js", test_int_parses_literals_like_graphql_js },
    { "Int serializes like graphql-js", test_int_serializes_like_graphql_js },
    { "Float parses values and literals like graphql-js",
      test_float_parses_values_and_literals_like_graphql_js },
    { "Float serializes like graphql-js", test_float_serializes_like_graphql_js },
    { "String coerces like graphql-js", test_string_coerces_like_graphql_js },
    { "Boolean coerces like graphql-js", test_boolean_coerces_like_graphql_js },
    { "ID coerces like graphql-js", test_id_coerces_like_graphql_js },
    { "DateTime accepts RFC 3339 with a zone, and dates",
      test_datetime_accepts_rfc3339_with_a_zone_and_dates },
    { "DateTime serializes strings, database text and epoch seconds",
      test_datetime_serializes_strings_database_text_and_epoch_seconds },
    { "Date is a calendar date only", test_date_is_a_calendar_date_only },
    { "the JSON check accepts every JSON form", test_the_json_check_accepts_every_json_form },
    { "the JSON check rejects what is not JSON", test_the_json_check_rejects_what_is_not_json },
    { "JSONString output is a string holding JSON",
      test_json_string_output_is_a_string_holding_json },
    { "JSONString input takes JSON text or an object",
      test_json_string_input_takes_json_text_or_an_object },
    { "GenericScalar passes JSON values through", test_generic_scalar_passes_json_values_through },
    { "unknown scalars pass values through", test_unknown_scalars_pass_values_through },
    { "Upload is input only and takes the multipart file",
      test_upload_is_input_only_and_takes_the_multipart_file },
    { "scalars are found by name", test_scalars_are_found_by_name },
    { "numbers print as JavaScript prints them", test_numbers_print_as_javascript_prints_them },
    { "inspect shows values as graphql-js does", test_inspect_shows_values_as_graphql_js_does },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_type_scalars, "graphql/type/scalars", NULL, NULL, tests);
