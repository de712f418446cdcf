/*
 * scalars.c: how scalar values are coerced (spec 3.5): the five specified scalars with
 * graphql-js's rules and messages, and the custom scalars the marketplace's SDL declares
 * (DateTime, Date, JSONString, GenericScalar, Upload); any other declared scalar passes values
 * through unchanged, as graphql-js's GraphQLScalarType does without functions. Every function
 * is pure: results and messages go into the arena it is given.
 * Reference: graphql-js src/type/scalars.ts, src/jsutils/inspect.ts,
 * src/utilities/valueFromASTUntyped.ts; graphene JSONString and GenericScalar;
 * graphql-upload GraphQLUpload.
 */
#include "graphql/type/scalars.h"

#include <assert.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/json_out.h"

#define GQL_MAX_INT 2147483647
#define GQL_MIN_INT (-2147483647 - 1)

/* ---- printing numbers, literals and values for messages ---------------------------------- */

void gql_js_number(struct buf *b, double d)
{
    if (isnan(d)) {
        buf_appends(b, "NaN");
        return;
    }
    if (isinf(d)) {
        buf_appends(b, d < 0 ? "-Infinity" : "Infinity");
        return;
    }
    if (d == 0) {
        buf_appendc(b, '0'); /* -0 too, as String(-0) */
        return;
    }
    /* The shortest decimal that reads back as d: its digits and exponent (ECMAScript
     * Number::toString, with n the position of the decimal point). */
    char tmp[40];
    for (int prec = 1; prec <= 17; prec++) {
        (void)snprintf(tmp, sizeof(tmp), "%.*e", prec - 1, d);
        if (strtod(tmp, NULL) == d) break;
    }
    const char *p = tmp;
    if (*p == '-') {
        buf_appendc(b, '-');
        p++;
    }
    char digits[24] = { 0 };
    int k = 0;
    for (; *p && *p != 'e' && k < 20; p++)
        if (*p >= '0' && *p <= '9') digits[k++] = *p;
    if (k == 0) digits[k++] = '0';
    while (k > 1 && digits[k - 1] == '0')
        k--;
    int n = (*p == 'e' ? (int)strtol(p + 1, NULL, 10) : 0) + 1;
    if (k <= n && n <= 21) {
        buf_append(b, digits, (size_t)k);
        for (int i = k; i < n; i++)
            buf_appendc(b, '0');
    } else if (0 < n && n <= 21) {
        buf_append(b, digits, (size_t)n);
        buf_appendc(b, '.');
        buf_append(b, digits + n, (size_t)(k - n));
    } else if (-6 < n && n <= 0) {
        buf_appends(b, "0.");
        for (int i = 0; i < -n; i++)
            buf_appendc(b, '0');
        buf_append(b, digits, (size_t)k);
    } else {
        buf_appendc(b, digits[0]);
        if (k > 1) {
            buf_appendc(b, '.');
            buf_append(b, digits + 1, (size_t)(k - 1));
        }
        buf_appendf(b, "e%c%d", n - 1 < 0 ? '-' : '+', abs(n - 1));
    }
}

#define INSPECT_MAX_ITEMS 10
#define INSPECT_MAX_DEPTH 2

static void inspect(struct buf *b, const struct gql_value *v, int depth)
{
    switch (v->kind) {
    case GQL_V_UNDEFINED:
        buf_appends(b, "undefined");
        break;
    case GQL_V_NULL:
        buf_appends(b, "null");
        break;
    case GQL_V_BOOL:
        buf_appends(b, v->u.b ? "true" : "false");
        break;
    case GQL_V_INT:
        buf_append_int(b, v->u.i);
        break;
    case GQL_V_FLOAT:
        gql_js_number(b, v->u.f);
        break;
    case GQL_V_STRING:
    case GQL_V_ENUM:
        buf_append_json_str(b, v->u.s.ptr, v->u.s.len);
        break;
    case GQL_V_JSON:
        buf_append_str(b, v->u.s);
        break;
    case GQL_V_PTR:
        buf_appends(b, "[object]");
        break;
    case GQL_V_LIST:
        if (v->u.list.count == 0) {
            buf_appends(b, "[]");
        } else if (depth >= INSPECT_MAX_DEPTH) {
            buf_appends(b, "[Array]");
        } else {
            size_t n = v->u.list.count;
            size_t shown = n < INSPECT_MAX_ITEMS ? n : INSPECT_MAX_ITEMS;
            buf_appendc(b, '[');
            for (size_t i = 0; i < shown; i++) {
                if (i) buf_appends(b, ", ");
                inspect(b, &v->u.list.items[i], depth + 1);
            }
            if (n - shown == 1)
                buf_appends(b, ", ... 1 more item");
            else if (n > shown)
                buf_appendf(b, ", ... %zu more items", n - shown);
            buf_appendc(b, ']');
        }
        break;
    case GQL_V_OBJECT:
        if (v->u.obj.count == 0) {
            buf_appends(b, "{}");
        } else if (depth >= INSPECT_MAX_DEPTH) {
            buf_appends(b, "[Object]");
        } else {
            buf_appends(b, "{ ");
            for (size_t i = 0; i < v->u.obj.count; i++) {
                if (i) buf_appends(b, ", ");
                buf_appends(b, v->u.obj.items[i].key);
                buf_appends(b, ": ");
                inspect(b, v->u.obj.items[i].value, depth + 1);
            }
            buf_appends(b, " }");
        }
        break;
    }
}

void gql_value_inspect(struct buf *b, const struct gql_value *v)
{
    inspect(b, v, 0);
}

/* "<prefix><inspect(v)>" in the arena; always returns WM_EINVAL, for `return fail(...)`. */
static int fail_value(struct arena *a, const char **err, const char *prefix,
                      const struct gql_value *v)
{
    struct buf b = BUF_INIT(a);
    buf_appends(&b, prefix);
    gql_value_inspect(&b, v);
    *err = b.ptr;
    return WM_EINVAL;
}

/* "<prefix><print(literal)>". */
static int fail_literal(struct arena *a, const char **err, const char *prefix,
                        const struct gql_ast_value *v)
{
    struct buf b = BUF_INIT(a);
    buf_appends(&b, prefix);
    gql_append_value(&b, v);
    *err = b.ptr;
    return WM_EINVAL;
}

static int fail_text(struct arena *a, const char **err, const char *prefix, struct str text)
{
    *err = arena_printf(a, "%s%.*s", prefix, STR_FMT(text));
    return WM_EINVAL;
}

/* ---- numbers ----------------------------------------------------------------------------- */

static bool is_js_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A 0x / 0o / 0b integer (t starts with the prefix); false on a digit outside the base. */
static bool js_radix_number(struct str t, double *out)
{
    int base = (t.ptr[1] == 'x' || t.ptr[1] == 'X')   ? 16
               : (t.ptr[1] == 'o' || t.ptr[1] == 'O') ? 8
                                                      : 2;
    double v = 0;
    for (size_t j = 2; j < t.len; j++) {
        char c = t.ptr[j];
        int d = is_digit(c)              ? c - '0'
                : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                         : 99;
        if (d >= base) return false;
        v = v * base + d;
    }
    *out = v;
    return true;
}

/* Whether t is all of [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)? */
static bool js_decimal_syntax(struct str t)
{
    size_t j = 0;
    if (t.ptr[j] == '+' || t.ptr[j] == '-') j++;
    size_t mantissa_digits = 0;
    while (j < t.len && is_digit(t.ptr[j])) {
        j++;
        mantissa_digits++;
    }
    if (j < t.len && t.ptr[j] == '.') {
        j++;
        while (j < t.len && is_digit(t.ptr[j])) {
            j++;
            mantissa_digits++;
        }
    }
    if (mantissa_digits == 0) return false;
    if (j < t.len && (t.ptr[j] == 'e' || t.ptr[j] == 'E')) {
        j++;
        if (j < t.len && (t.ptr[j] == '+' || t.ptr[j] == '-')) j++;
        size_t exp_digits = 0;
        while (j < t.len && is_digit(t.ptr[j])) {
            j++;
            exp_digits++;
        }
        if (exp_digits == 0) return false;
    }
    return j == t.len;
}

/*
 * JavaScript's Number(string) for ASCII text: surrounding white space ignored, "" is 0,
 * [+-]Infinity, 0x / 0o / 0b integers, and decimal literals with an optional exponent.
 * False when the text is not a number (NaN).
 */
static bool js_string_to_number(struct str s, double *out)
{
    size_t i = 0;
    size_t n = s.len;
    while (i < n && is_js_space(s.ptr[i]))
        i++;
    while (n > i && is_js_space(s.ptr[n - 1]))
        n--;
    struct str t = { s.ptr + i, n - i };
    if (t.len == 0) {
        *out = 0;
        return true;
    }
    if (str_eq_cstr(t, "Infinity") || str_eq_cstr(t, "+Infinity")) {
        *out = INFINITY;
        return true;
    }
    if (str_eq_cstr(t, "-Infinity")) {
        *out = -INFINITY;
        return true;
    }
    if (t.len > 2 && t.ptr[0] == '0' && strchr("xXoObB", t.ptr[1])) return js_radix_number(t, out);
    if (!js_decimal_syntax(t)) return false;
    char tmp[64];
    if (t.len < sizeof(tmp)) {
        memcpy(tmp, t.ptr, t.len);
        tmp[t.len] = '\0';
        *out = strtod(tmp, NULL);
        return true;
    }
    char *heap = malloc(t.len + 1); /* a long number in a resolver's string: rare */
    if (!heap) wm_oom(t.len + 1);
    memcpy(heap, t.ptr, t.len);
    heap[t.len] = '\0';
    *out = strtod(heap, NULL);
    free(heap);
    return true;
}

static bool is_integral(double d)
{
    return isfinite(d) && floor(d) == d;
}

/* A literal's raw number text as a double (the lexer has checked its syntax). */
static double literal_double(struct arena *a, struct str raw)
{
    return strtod(str_dup(a, raw), NULL);
}

/* ---- Int --------------------------------------------------------------------------------- */

static int int_serialize(struct arena *a, const struct gql_value *in, struct gql_value *out,
                         const char **err)
{
    double num;
    switch (in->kind) {
    case GQL_V_BOOL:
        *out = gql_int(in->u.b ? 1 : 0);
        return WM_OK;
    case GQL_V_INT:
        if (in->u.i > GQL_MAX_INT || in->u.i < GQL_MIN_INT)
            return fail_value(a, err, "Int cannot represent non 32-bit signed integer value: ", in);
        *out = *in;
        return WM_OK;
    case GQL_V_FLOAT:
        num = in->u.f;
        break;
    case GQL_V_STRING:
        if (in->u.s.len == 0 || !js_string_to_number(in->u.s, &num))
            return fail_value(a, err, "Int cannot represent non-integer value: ", in);
        break;
    default:
        return fail_value(a, err, "Int cannot represent non-integer value: ", in);
    }
    if (!is_integral(num))
        return fail_value(a, err, "Int cannot represent non-integer value: ", in);
    if (num > GQL_MAX_INT || num < GQL_MIN_INT)
        return fail_value(a, err, "Int cannot represent non 32-bit signed integer value: ", in);
    *out = gql_int((int64_t)num);
    return WM_OK;
}

static int int_parse_value(struct arena *a, const struct gql_value *in, struct gql_value *out,
                           const char **err)
{
    if (in->kind == GQL_V_INT) {
        if (in->u.i > GQL_MAX_INT || in->u.i < GQL_MIN_INT)
            return fail_value(a, err, "Int cannot represent non 32-bit signed integer value: ", in);
        *out = gql_int(in->u.i);
        return WM_OK;
    }
    if (in->kind == GQL_V_FLOAT && is_integral(in->u.f)) {
        if (in->u.f > GQL_MAX_INT || in->u.f < GQL_MIN_INT)
            return fail_value(a, err, "Int cannot represent non 32-bit signed integer value: ", in);
        *out = gql_int((int64_t)in->u.f);
        return WM_OK;
    }
    return fail_value(a, err, "Int cannot represent non-integer value: ", in);
}

static int int_parse_literal(struct arena *a, const struct gql_ast_value *in,
                             const struct gql_value *variables, struct gql_value *out,
                             const char **err)
{
    (void)variables;
    if (in->node.kind != GQL_INT_VALUE)
        return fail_literal(a, err, "Int cannot represent non-integer value: ", in);
    int64_t v;
    if (!str_to_int64(in->str, &v) || v > GQL_MAX_INT || v < GQL_MIN_INT)
        return fail_text(a, err, "Int cannot represent non 32-bit signed integer value: ", in->str);
    *out = gql_int(v);
    return WM_OK;
}

const struct gql_scalar_ops gql_scalar_int = { int_serialize, int_parse_value, int_parse_literal };

/* ---- Float ------------------------------------------------------------------------------- */

static int float_serialize(struct arena *a, const struct gql_value *in, struct gql_value *out,
                           const char **err)
{
    double num;
    switch (in->kind) {
    case GQL_V_BOOL:
        num = in->u.b ? 1 : 0;
        break;
    case GQL_V_INT:
        num = (double)in->u.i;
        break;
    case GQL_V_FLOAT:
        num = in->u.f;
        break;
    case GQL_V_STRING:
        if (in->u.s.len == 0 || !js_string_to_number(in->u.s, &num))
            return fail_value(a, err, "Float cannot represent non numeric value: ", in);
        break;
    default:
        return fail_value(a, err, "Float cannot represent non numeric value: ", in);
    }
    if (!isfinite(num)) return fail_value(a, err, "Float cannot represent non numeric value: ", in);
    *out = gql_float(num);
    return WM_OK;
}

static int float_parse_value(struct arena *a, const struct gql_value *in, struct gql_value *out,
                             const char **err)
{
    if (in->kind == GQL_V_INT) {
        *out = gql_float((double)in->u.i);
        return WM_OK;
    }
    if (in->kind == GQL_V_FLOAT && isfinite(in->u.f)) {
        *out = gql_float(in->u.f);
        return WM_OK;
    }
    return fail_value(a, err, "Float cannot represent non numeric value: ", in);
}

static int float_parse_literal(struct arena *a, const struct gql_ast_value *in,
                               const struct gql_value *variables, struct gql_value *out,
                               const char **err)
{
    (void)variables;
    if (in->node.kind != GQL_INT_VALUE && in->node.kind != GQL_FLOAT_VALUE)
        return fail_literal(a, err, "Float cannot represent non numeric value: ", in);
    double d = literal_double(a, in->str);
    if (!isfinite(d)) /* 1e999: graphql-js would pass Infinity on; JSON cannot carry it */
        return fail_text(a, err, "Float cannot represent non numeric value: ", in->str);
    *out = gql_float(d);
    return WM_OK;
}

const struct gql_scalar_ops gql_scalar_float = { float_serialize, float_parse_value,
                                                 float_parse_literal };

/* ---- String ------------------------------------------------------------------------------ */

static int string_serialize(struct arena *a, const struct gql_value *in, struct gql_value *out,
                            const char **err)
{
    struct buf b = BUF_INIT(a);
    switch (in->kind) {
    case GQL_V_STRING:
        *out = *in;
        out->type = NULL;
        return WM_OK;
    case GQL_V_ENUM:
        *out = gql_string_n(in->u.s);
        return WM_OK;
    case GQL_V_BOOL:
        *out = gql_string_n(in->u.b ? STR("true") : STR("false"));
        return WM_OK;
    case GQL_V_INT:
        buf_append_int(&b, in->u.i);
        *out = gql_string_n(buf_str(&b));
        return WM_OK;
    case GQL_V_FLOAT:
        if (!isfinite(in->u.f)) break;
        gql_js_number(&b, in->u.f);
        *out = gql_string_n(buf_str(&b));
        return WM_OK;
    default:
        break;
    }
    return fail_value(a, err, "String cannot represent value: ", in);
}

static int string_parse_value(struct arena *a, const struct gql_value *in, struct gql_value *out,
                              const char **err)
{
    if (in->kind != GQL_V_STRING)
        return fail_value(a, err, "String cannot represent a non string value: ", in);
    *out = gql_string_n(in->u.s);
    return WM_OK;
}

static int string_parse_literal(struct arena *a, const struct gql_ast_value *in,
                                const struct gql_value *variables, struct gql_value *out,
                                const char **err)
{
    (void)variables;
    if (in->node.kind != GQL_STRING_VALUE)
        return fail_literal(a, err, "String cannot represent a non string value: ", in);
    *out = gql_string_n(in->str);
    return WM_OK;
}

const struct gql_scalar_ops gql_scalar_string = { string_serialize, string_parse_value,
                                                  string_parse_literal };

/* ---- Boolean ----------------------------------------------------------------------------- */

static int boolean_serialize(struct arena *a, const struct gql_value *in, struct gql_value *out,
                             const char **err)
{
    if (in->kind == GQL_V_BOOL) {
        *out = gql_bool(in->u.b);
        return WM_OK;
    }
    if (in->kind == GQL_V_INT) {
        *out = gql_bool(in->u.i != 0);
        return WM_OK;
    }
    if (in->kind == GQL_V_FLOAT && isfinite(in->u.f)) {
        *out = gql_bool(in->u.f != 0);
        return WM_OK;
    }
    return fail_value(a, err, "Boolean cannot represent a non boolean value: ", in);
}

static int boolean_parse_value(struct arena *a, const struct gql_value *in, struct gql_value *out,
                               const char **err)
{
    if (in->kind != GQL_V_BOOL)
        return fail_value(a, err, "Boolean cannot represent a non boolean value: ", in);
    *out = gql_bool(in->u.b);
    return WM_OK;
}

static int boolean_parse_literal(struct arena *a, const struct gql_ast_value *in,
                                 const struct gql_value *variables, struct gql_value *out,
                                 const char **err)
{
    (void)variables;
    if (in->node.kind != GQL_BOOLEAN_VALUE)
        return fail_literal(a, err, "Boolean cannot represent a non boolean value: ", in);
    *out = gql_bool(in->boolean);
    return WM_OK;
}

const struct gql_scalar_ops gql_scalar_boolean = { boolean_serialize, boolean_parse_value,
                                                   boolean_parse_literal };

/* ---- ID ---------------------------------------------------------------------------------- */

/* A STRING, or an integer (INT, or a FLOAT without a fraction) as its decimal text. */
static bool id_from(struct arena *a, const struct gql_value *in, struct gql_value *out)
{
    struct buf b = BUF_INIT(a);
    if (in->kind == GQL_V_STRING) {
        *out = gql_string_n(in->u.s);
        return true;
    }
    if (in->kind == GQL_V_INT) {
        buf_append_int(&b, in->u.i);
        *out = gql_string_n(buf_str(&b));
        return true;
    }
    if (in->kind == GQL_V_FLOAT && is_integral(in->u.f)) {
        gql_js_number(&b, in->u.f);
        *out = gql_string_n(buf_str(&b));
        return true;
    }
    return false;
}

static int id_serialize(struct arena *a, const struct gql_value *in, struct gql_value *out,
                        const char **err)
{
    if (id_from(a, in, out)) return WM_OK;
    return fail_value(a, err, "ID cannot represent value: ", in);
}

static int id_parse_value(struct arena *a, const struct gql_value *in, struct gql_value *out,
                          const char **err)
{
    if (id_from(a, in, out)) return WM_OK;
    return fail_value(a, err, "ID cannot represent value: ", in);
}

static int id_parse_literal(struct arena *a, const struct gql_ast_value *in,
                            const struct gql_value *variables, struct gql_value *out,
                            const char **err)
{
    (void)variables;
    if (in->node.kind != GQL_STRING_VALUE && in->node.kind != GQL_INT_VALUE)
        return fail_literal(a, err, "ID cannot represent a non-string and non-integer value: ", in);
    *out = gql_string_n(in->str);
    return WM_OK;
}

const struct gql_scalar_ops gql_scalar_id = { id_serialize, id_parse_value, id_parse_literal };

/* ---- dates (RFC 3339) -------------------------------------------------------------------- */

/* The n digits at s[*i] as a number, advancing *i; false unless all n are digits. */
static bool digits_at(struct str s, size_t *i, size_t n, int *out)
{
    if (*i + n > s.len) return false;
    int v = 0;
    for (size_t k = 0; k < n; k++) {
        char c = s.ptr[*i + k];
        if (!is_digit(c)) return false;
        v = v * 10 + (c - '0');
    }
    *i += n;
    *out = v;
    return true;
}

static bool char_at(struct str s, size_t *i, char c)
{
    if (*i >= s.len || s.ptr[*i] != c) return false;
    (*i)++;
    return true;
}

static int days_in_month(int year, int month)
{
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) return 29;
    return days[month - 1];
}

/* full-date = date-fullyear "-" date-month "-" date-mday, at s[*i]. */
static bool full_date_at(struct str s, size_t *i)
{
    int y, m, d;
    if (!digits_at(s, i, 4, &y) || !char_at(s, i, '-') || !digits_at(s, i, 2, &m) ||
        !char_at(s, i, '-') || !digits_at(s, i, 2, &d))
        return false;
    return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* partial-time = time-hour ":" time-minute ":" time-second [time-secfrac], at s[*i]. */
static bool partial_time_at(struct str s, size_t *i)
{
    int h, m, sec;
    if (!digits_at(s, i, 2, &h) || !char_at(s, i, ':') || !digits_at(s, i, 2, &m) ||
        !char_at(s, i, ':') || !digits_at(s, i, 2, &sec))
        return false;
    if (h > 23 || m > 59 || sec > 59) return false;
    if (*i < s.len && s.ptr[*i] == '.') {
        (*i)++;
        size_t start = *i;
        while (*i < s.len && is_digit(s.ptr[*i]))
            (*i)++;
        if (*i == start) return false;
    }
    return true;
}

bool gql_is_date(struct str s)
{
    size_t i = 0;
    return full_date_at(s, &i) && i == s.len;
}

bool gql_is_date_time(struct str s)
{
    size_t i = 0;
    if (!full_date_at(s, &i)) return false;
    if (i >= s.len || (s.ptr[i] != 'T' && s.ptr[i] != 't')) return false;
    i++;
    if (!partial_time_at(s, &i)) return false;
    if (i < s.len && (s.ptr[i] == 'Z' || s.ptr[i] == 'z')) return i + 1 == s.len;
    if (i < s.len && (s.ptr[i] == '+' || s.ptr[i] == '-')) {
        i++;
        int h, m;
        if (!digits_at(s, &i, 2, &h) || !char_at(s, &i, ':') || !digits_at(s, &i, 2, &m))
            return false;
        return h <= 23 && m <= 59 && i == s.len;
    }
    return false;
}

/* MariaDB's DATETIME text "YYYY-MM-DD HH:MM:SS[.ffffff]" (no zone: UTC, DESIGN 5). */
static bool is_db_date_time(struct str s)
{
    size_t i = 0;
    return full_date_at(s, &i) && char_at(s, &i, ' ') && partial_time_at(s, &i) && i == s.len;
}

static int datetime_serialize(struct arena *a, const struct gql_value *in, struct gql_value *out,
                              const char **err)
{
    if (in->kind == GQL_V_STRING) {
        if (gql_is_date_time(in->u.s)) {
            *out = gql_string_n(in->u.s);
            return WM_OK;
        }
        if (is_db_date_time(in->u.s)) {
            char *t = arena_printf(a, "%.*sZ", STR_FMT(in->u.s));
            t[10] = 'T';
            *out = gql_string_n((struct str){ t, in->u.s.len + 1 });
            return WM_OK;
        }
        return fail_value(a, err, "DateTime cannot represent an invalid date-time string: ", in);
    }
    if (in->kind == GQL_V_INT) { /* seconds since the Unix epoch */
        time_t t = (time_t)in->u.i;
        struct tm tm;
        if ((int64_t)t == in->u.i && gmtime_r(&t, &tm) && tm.tm_year >= -1900 &&
            tm.tm_year <= 9999 - 1900) {
            char *text = arena_printf(a, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
                                      tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
            *out = gql_string_n(str_from(text));
            return WM_OK;
        }
        return fail_value(a, err, "DateTime cannot represent an invalid timestamp: ", in);
    }
    return fail_value(a, err, "DateTime cannot represent a non string value: ", in);
}

/* Input: a date-time with a zone, or a date alone (the contract SDL allows both). */
static int datetime_check(struct arena *a, struct str s, struct gql_value *out, const char **err)
{
    if (!gql_is_date_time(s) && !gql_is_date(s)) {
        struct gql_value v = gql_string_n(s);
        return fail_value(a, err, "DateTime cannot represent an invalid date-time string: ", &v);
    }
    *out = gql_string_n(s);
    return WM_OK;
}

static int datetime_parse_value(struct arena *a, const struct gql_value *in, struct gql_value *out,
                                const char **err)
{
    if (in->kind != GQL_V_STRING)
        return fail_value(a, err, "DateTime cannot represent a non string value: ", in);
    return datetime_check(a, in->u.s, out, err);
}

static int datetime_parse_literal(struct arena *a, const struct gql_ast_value *in,
                                  const struct gql_value *variables, struct gql_value *out,
                                  const char **err)
{
    (void)variables;
    if (in->node.kind != GQL_STRING_VALUE)
        return fail_literal(a, err, "DateTime cannot represent a non string value: ", in);
    return datetime_check(a, in->str, out, err);
}

const struct gql_scalar_ops gql_scalar_datetime = { datetime_serialize, datetime_parse_value,
                                                    datetime_parse_literal };

static int date_check(struct arena *a, struct str s, struct gql_value *out, const char **err)
{
    if (!gql_is_date(s)) {
        struct gql_value v = gql_string_n(s);
        return fail_value(a, err, "Date cannot represent an invalid date string: ", &v);
    }
    *out = gql_string_n(s);
    return WM_OK;
}

static int date_serialize(struct arena *a, const struct gql_value *in, struct gql_value *out,
                          const char **err)
{
    if (in->kind != GQL_V_STRING)
        return fail_value(a, err, "Date cannot represent a non string value: ", in);
    return date_check(a, in->u.s, out, err);
}

static int date_parse_literal(struct arena *a, const struct gql_ast_value *in,
                              const struct gql_value *variables, struct gql_value *out,
                              const char **err)
{
    (void)variables;
    if (in->node.kind != GQL_STRING_VALUE)
        return fail_literal(a, err, "Date cannot represent a non string value: ", in);
    return date_check(a, in->str, out, err);
}

const struct gql_scalar_ops gql_scalar_date = { date_serialize, date_serialize,
                                                date_parse_literal };

/* ---- JSON -------------------------------------------------------------------------------- */

#define JSON_MAX_DEPTH 512

struct json_check {
    const char *p;
    const char *end;
};

static void json_ws(struct json_check *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
        j->p++;
}

static bool json_lit(struct json_check *j, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(j->end - j->p) < n || memcmp(j->p, word, n) != 0) return false;
    j->p += n;
    return true;
}

static bool is_hex(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* One UTF-8 sequence at j->p (first byte >= 0x80), shortest form, no surrogates. */
static bool json_utf8(struct json_check *j)
{
    const unsigned char *p = (const unsigned char *)j->p;
    size_t left = (size_t)(j->end - j->p);
    unsigned c = p[0];
    size_t n;
    unsigned cp;
    if (c >= 0xc2 && c <= 0xdf) {
        n = 2;
        cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
        n = 3;
        cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        n = 4;
        cp = c & 0x07;
    } else {
        return false;
    }
    if (left < n) return false;
    for (size_t k = 1; k < n; k++) {
        if ((p[k] & 0xc0) != 0x80) return false;
        cp = (cp << 6) | (p[k] & 0x3f);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff))) return false;
    if (cp >= 0xd800 && cp <= 0xdfff) return false;
    j->p += n;
    return true;
}

static bool json_string(struct json_check *j)
{
    j->p++; /* the opening quote */
    while (j->p < j->end) {
        unsigned char c = (unsigned char)*j->p;
        if (c == '"') {
            j->p++;
            return true;
        }
        if (c < 0x20) return false;
        if (c == '\\') {
            j->p++;
            if (j->p >= j->end) return false;
            char e = *j->p++;
            if (e == 'u') {
                if (j->end - j->p < 4) return false;
                for (int k = 0; k < 4; k++)
                    if (!is_hex(j->p[k])) return false;
                j->p += 4;
            } else if (!strchr("\"\\/bfnrt", e) || e == '\0') {
                return false;
            }
        } else if (c >= 0x80) {
            if (!json_utf8(j)) return false;
        } else {
            j->p++;
        }
    }
    return false;
}

static bool json_number(struct json_check *j)
{
    if (j->p < j->end && *j->p == '-') j->p++;
    if (j->p >= j->end || !is_digit(*j->p)) return false;
    if (*j->p == '0') {
        j->p++;
    } else {
        while (j->p < j->end && is_digit(*j->p))
            j->p++;
    }
    if (j->p < j->end && *j->p == '.') {
        j->p++;
        if (j->p >= j->end || !is_digit(*j->p)) return false;
        while (j->p < j->end && is_digit(*j->p))
            j->p++;
    }
    if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
        j->p++;
        if (j->p < j->end && (*j->p == '+' || *j->p == '-')) j->p++;
        if (j->p >= j->end || !is_digit(*j->p)) return false;
        while (j->p < j->end && is_digit(*j->p))
            j->p++;
    }
    return true;
}

static bool json_value(struct json_check *j, int depth)
{
    json_ws(j);
    if (j->p >= j->end) return false;
    switch (*j->p) {
    case '"':
        return json_string(j);
    case 't':
        return json_lit(j, "true");
    case 'f':
        return json_lit(j, "false");
    case 'n':
        return json_lit(j, "null");
    case '[':
        if (depth >= JSON_MAX_DEPTH) return false;
        j->p++;
        json_ws(j);
        if (j->p < j->end && *j->p == ']') {
            j->p++;
            return true;
        }
        for (;;) {
            if (!json_value(j, depth + 1)) return false;
            json_ws(j);
            if (j->p >= j->end) return false;
            if (*j->p == ']') {
                j->p++;
                return true;
            }
            if (*j->p++ != ',') return false;
        }
    case '{':
        if (depth >= JSON_MAX_DEPTH) return false;
        j->p++;
        json_ws(j);
        if (j->p < j->end && *j->p == '}') {
            j->p++;
            return true;
        }
        for (;;) {
            json_ws(j);
            if (j->p >= j->end || *j->p != '"' || !json_string(j)) return false;
            json_ws(j);
            if (j->p >= j->end || *j->p++ != ':') return false;
            if (!json_value(j, depth + 1)) return false;
            json_ws(j);
            if (j->p >= j->end) return false;
            if (*j->p == '}') {
                j->p++;
                return true;
            }
            if (*j->p++ != ',') return false;
        }
    default:
        return json_number(j);
    }
}

bool gql_json_is_valid(const char *s, size_t n)
{
    if (!s) return false;
    struct json_check j = { s, s + n };
    if (!json_value(&j, 0)) return false;
    json_ws(&j);
    return j.p == j.end;
}

/*
 * Append v as JSON text. False (with *err set) for what JSON cannot carry: a C object, a
 * non-finite number, or nesting deeper than JSON_MAX_DEPTH. UNDEFINED members are left out
 * and UNDEFINED list items written as null, as JSON.stringify does.
 */
static bool value_to_json(struct arena *a, struct buf *b, const struct gql_value *v, int depth,
                          const char *scalar, const char **err)
{
    struct json_out j;
    switch (v->kind) {
    case GQL_V_UNDEFINED:
    case GQL_V_NULL:
        buf_appends(b, "null");
        return true;
    case GQL_V_BOOL:
        buf_appends(b, v->u.b ? "true" : "false");
        return true;
    case GQL_V_INT:
        buf_append_int(b, v->u.i);
        return true;
    case GQL_V_FLOAT:
        if (!isfinite(v->u.f)) break;
        json_out_init(&j, b);
        json_double(&j, v->u.f);
        return true;
    case GQL_V_STRING:
    case GQL_V_ENUM:
        buf_append_json_str(b, v->u.s.ptr, v->u.s.len);
        return true;
    case GQL_V_JSON:
        if (!gql_json_is_valid(v->u.s.ptr, v->u.s.len)) break;
        buf_append_str(b, v->u.s);
        return true;
    case GQL_V_LIST:
        if (depth >= JSON_MAX_DEPTH) break;
        buf_appendc(b, '[');
        for (size_t i = 0; i < v->u.list.count; i++) {
            if (i) buf_appendc(b, ',');
            if (!value_to_json(a, b, &v->u.list.items[i], depth + 1, scalar, err)) return false;
        }
        buf_appendc(b, ']');
        return true;
    case GQL_V_OBJECT: {
        if (depth >= JSON_MAX_DEPTH) break;
        buf_appendc(b, '{');
        bool first = true;
        for (size_t i = 0; i < v->u.obj.count; i++) {
            const struct gql_member *m = &v->u.obj.items[i];
            if (m->value->kind == GQL_V_UNDEFINED) continue;
            if (!first) buf_appendc(b, ',');
            first = false;
            buf_append_json_str(b, m->key, strlen(m->key));
            buf_appendc(b, ':');
            if (!value_to_json(a, b, m->value, depth + 1, scalar, err)) return false;
        }
        buf_appendc(b, '}');
        return true;
    }
    case GQL_V_PTR:
        break;
    }
    struct buf m = BUF_INIT(a);
    buf_appendf(&m, "%s cannot represent value: ", scalar);
    gql_value_inspect(&m, v);
    *err = m.ptr;
    return false;
}

/* ---- untyped literals (GenericScalar, JSONString objects, pass-through scalars) ---------- */

/*
 * graphql-js valueFromASTUntyped: a literal as a plain value, variables replaced by their
 * values (UNDEFINED when not given); enum names become strings, integers that do not fit
 * int64 become floats. Members whose value is UNDEFINED are left out of objects.
 */
static struct gql_value value_from_ast_untyped(struct arena *a, const struct gql_ast_value *in,
                                               const struct gql_value *variables)
{
    switch (in->node.kind) {
    case GQL_NULL_VALUE:
        return gql_null();
    case GQL_INT_VALUE: {
        int64_t i;
        if (str_to_int64(in->str, &i)) return gql_int(i);
        return gql_float(literal_double(a, in->str));
    }
    case GQL_FLOAT_VALUE:
        return gql_float(literal_double(a, in->str));
    case GQL_STRING_VALUE:
    case GQL_ENUM_VALUE:
        return gql_string_n(in->str);
    case GQL_BOOLEAN_VALUE:
        return gql_bool(in->boolean);
    case GQL_LIST_VALUE: {
        struct gql_value l = gql_list(a, in->list.count);
        for (size_t i = 0; i < in->list.count; i++)
            l.u.list.items[i] = value_from_ast_untyped(a, in->list.items[i], variables);
        return l;
    }
    case GQL_OBJECT_VALUE: {
        struct gql_value o = gql_object(a, in->fields.count);
        for (size_t i = 0; i < in->fields.count; i++) {
            struct gql_value v = value_from_ast_untyped(a, in->fields.items[i]->value, variables);
            if (v.kind != GQL_V_UNDEFINED)
                gql_object_set(a, &o, str_dup(a, in->fields.items[i]->name), v);
        }
        return o;
    }
    case GQL_VARIABLE: {
        char *name = str_dup(a, in->str);
        const struct gql_value *v = gql_object_get(variables, name);
        if (v) return *v;
        return (struct gql_value){ .kind = GQL_V_UNDEFINED };
    }
    default:
        assert(!"not a value node");
        return gql_null();
    }
}

/* ---- JSONString (graphene) --------------------------------------------------------------- */

/*
 * Output: the field's value as a JSON string that holds JSON text. GQL_V_JSON text and a
 * STRING (taken as JSON text, as a TEXT column holding JSON is) are checked and passed on;
 * any other plain value is written as JSON first (graphene's json.dumps).
 */
static int json_string_serialize(struct arena *a, const struct gql_value *in, struct gql_value *out,
                                 const char **err)
{
    if (in->kind == GQL_V_JSON || in->kind == GQL_V_STRING) {
        if (!gql_json_is_valid(in->u.s.ptr, in->u.s.len))
            return fail_value(a, err, "JSONString cannot represent invalid JSON: ", in);
        *out = gql_string_n(in->u.s);
        return WM_OK;
    }
    struct buf b = BUF_INIT(a);
    if (!value_to_json(a, &b, in, 0, "JSONString", err)) return WM_EINVAL;
    *out = gql_string_n(buf_str(&b));
    return WM_OK;
}

/* A JSON text given as a string: checked, then handed on as GQL_V_JSON. */
static int json_text_in(struct arena *a, struct str s, struct gql_value *out, const char **err)
{
    if (!gql_json_is_valid(s.ptr, s.len)) {
        struct gql_value v = gql_string_n(s);
        return fail_value(a, err, "JSONString cannot represent invalid JSON: ", &v);
    }
    *out = (struct gql_value){ .kind = GQL_V_JSON, .u.s = s };
    return WM_OK;
}

/* A structured value (the contract: clients also send a JSON object): written as JSON text. */
static int json_structured_in(struct arena *a, const struct gql_value *in, struct gql_value *out,
                              const char **err)
{
    struct buf b = BUF_INIT(a);
    if (!value_to_json(a, &b, in, 0, "JSONString", err)) return WM_EINVAL;
    *out = (struct gql_value){ .kind = GQL_V_JSON, .u.s = buf_str(&b) };
    return WM_OK;
}

static int json_string_parse_value(struct arena *a, const struct gql_value *in,
                                   struct gql_value *out, const char **err)
{
    if (in->kind == GQL_V_STRING) return json_text_in(a, in->u.s, out, err);
    if (in->kind == GQL_V_OBJECT || in->kind == GQL_V_LIST)
        return json_structured_in(a, in, out, err);
    return fail_value(a, err, "JSONString cannot represent a non string value: ", in);
}

static int json_string_parse_literal(struct arena *a, const struct gql_ast_value *in,
                                     const struct gql_value *variables, struct gql_value *out,
                                     const char **err)
{
    if (in->node.kind == GQL_STRING_VALUE) return json_text_in(a, in->str, out, err);
    if (in->node.kind == GQL_OBJECT_VALUE || in->node.kind == GQL_LIST_VALUE) {
        struct gql_value v = value_from_ast_untyped(a, in, variables);
        return json_structured_in(a, &v, out, err);
    }
    return fail_literal(a, err, "JSONString cannot represent a non string value: ", in);
}

const struct gql_scalar_ops gql_scalar_json_string = { json_string_serialize,
                                                       json_string_parse_value,
                                                       json_string_parse_literal };

/* ---- GenericScalar and pass-through scalars ---------------------------------------------- */

/* Any value JSON can carry goes out as it is (checked all the way down). */
static int any_serialize(struct arena *a, const struct gql_value *in, struct gql_value *out,
                         const char **err, const char *scalar)
{
    struct buf b = BUF_INIT(a);
    if (!value_to_json(a, &b, in, 0, scalar, err)) return WM_EINVAL;
    if (in->kind == GQL_V_ENUM)
        *out = gql_string_n(in->u.s);
    else
        *out = *in;
    return WM_OK;
}

static int any_parse_value(struct arena *a, const struct gql_value *in, struct gql_value *out,
                           const char **err)
{
    (void)a;
    (void)err;
    *out = *in;
    return WM_OK;
}

static int any_parse_literal(struct arena *a, const struct gql_ast_value *in,
                             const struct gql_value *variables, struct gql_value *out,
                             const char **err)
{
    (void)err;
    *out = value_from_ast_untyped(a, in, variables);
    if (out->kind == GQL_V_UNDEFINED) *out = gql_null(); /* a variable that was not given */
    return WM_OK;
}

static int generic_serialize(struct arena *a, const struct gql_value *in, struct gql_value *out,
                             const char **err)
{
    return any_serialize(a, in, out, err, "GenericScalar");
}

static int pass_through_serialize(struct arena *a, const struct gql_value *in,
                                  struct gql_value *out, const char **err)
{
    return any_serialize(a, in, out, err, "Scalar");
}

const struct gql_scalar_ops gql_scalar_generic = { generic_serialize, any_parse_value,
                                                   any_parse_literal };
const struct gql_scalar_ops gql_scalar_pass_through = { pass_through_serialize, any_parse_value,
                                                        any_parse_literal };

/* ---- Upload (multipart request spec) ----------------------------------------------------- */

static int upload_serialize(struct arena *a, const struct gql_value *in, struct gql_value *out,
                            const char **err)
{
    (void)a;
    (void)in;
    (void)out;
    *err = "Upload serialization unsupported.";
    return WM_EINVAL;
}

/* Only the file the multipart handler put in place of the variable's null (a C object). */
static int upload_parse_value(struct arena *a, const struct gql_value *in, struct gql_value *out,
                              const char **err)
{
    (void)a;
    if (in->kind != GQL_V_PTR) {
        *err = "Upload value invalid.";
        return WM_EINVAL;
    }
    *out = *in;
    return WM_OK;
}

static int upload_parse_literal(struct arena *a, const struct gql_ast_value *in,
                                const struct gql_value *variables, struct gql_value *out,
                                const char **err)
{
    (void)a;
    (void)in;
    (void)variables;
    (void)out;
    *err = "Upload literal unsupported.";
    return WM_EINVAL;
}

const struct gql_scalar_ops gql_scalar_upload = { upload_serialize, upload_parse_value,
                                                  upload_parse_literal };

/* ---- by name ----------------------------------------------------------------------------- */

/* clang-format off */
static const struct {
    const char *name;
    const struct gql_scalar_ops *ops;
    bool specified;
} known_scalars[] = {
    { "Boolean",       &gql_scalar_boolean,     true },
    { "Date",          &gql_scalar_date,        false },
    { "DateTime",      &gql_scalar_datetime,    false },
    { "Float",         &gql_scalar_float,       true },
    { "GenericScalar", &gql_scalar_generic,     false },
    { "ID",            &gql_scalar_id,          true },
    { "Int",           &gql_scalar_int,         true },
    { "JSONString",    &gql_scalar_json_string, false },
    { "String",        &gql_scalar_string,      true },
    { "Upload",        &gql_scalar_upload,      false },
};
/* clang-format on */

bool gql_is_specified_scalar(const char *name)
{
    for (size_t i = 0; i < sizeof(known_scalars) / sizeof(known_scalars[0]); i++)
        if (strcmp(known_scalars[i].name, name) == 0) return known_scalars[i].specified;
    return false;
}

const struct gql_scalar_ops *gql_scalar_ops_for(const char *name)
{
    for (size_t i = 0; i < sizeof(known_scalars) / sizeof(known_scalars[0]); i++)
        if (strcmp(known_scalars[i].name, name) == 0) return known_scalars[i].ops;
    return &gql_scalar_pass_through;
}
