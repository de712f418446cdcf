/*
 * values.c: coercion of variables, arguments and input literals (spec 3.10, 6.1.2, 6.4.1),
 * and the printing of values in error messages. Three paths, as in graphql-js:
 *   - variables come from the request's JSON and go through coerce_input_value(), which
 *     reports every problem with its path inside the value ("at "input.items[2]"");
 *   - literals go through gql_value_from_ast(), which only says valid or not (validation has
 *     already explained why), substituting coerced variables;
 *   - arguments combine both with defaults and the absent-versus-null rules of 6.4.1.
 * The results are runtime values in the request arena; the schema is only read.
 * Reference: graphql-js src/execution/values.ts, src/utilities/valueFromAST.ts,
 * src/utilities/coerceInputValue.ts, src/utilities/typeFromAST.ts, src/jsutils/inspect.ts,
 * src/jsutils/suggestionList.ts, src/jsutils/didYouMean.ts, src/language/printString.ts.
 */
#include "graphql/execution/values.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "graphql/type/scalars.h"

/* ---- small helpers ----------------------------------------------------------------------- */

static bool is_nullish(const struct gql_value *v)
{
    return v->kind == GQL_V_NULL || v->kind == GQL_V_UNDEFINED;
}

/* The member of OBJECT obj whose key is the slice name; absent (UNDEFINED) members count as
 * missing, as a JavaScript property holding undefined does. Searched from the end: a key given
 * twice reads as its last value (JSON.parse's rule, as gql_object_get). */
static const struct gql_value *member_n(const struct gql_value *obj, const char *name, size_t len)
{
    if (!obj || obj->kind != GQL_V_OBJECT) return NULL;
    for (size_t i = obj->u.obj.count; i-- > 0;) {
        const struct gql_member *m = &obj->u.obj.items[i];
        if (strncmp(m->key, name, len) == 0 && m->key[len] == '\0')
            return m->value->kind == GQL_V_UNDEFINED ? NULL : m->value;
    }
    return NULL;
}

const struct gql_value *gql_variable_value(const struct gql_value *vars, struct str name)
{
    return member_n(vars, name.ptr ? name.ptr : "", name.len);
}

/* An OBJECT being filled: members point at values stored alongside them. */
struct obj_builder {
    struct gql_member *members;
    struct gql_value *values;
    size_t count;
};

static void obj_init(struct arena *a, struct obj_builder *o, size_t cap)
{
    o->members = cap ? ARENA_ARRAY(a, struct gql_member, cap) : NULL;
    o->values = cap ? ARENA_ARRAY(a, struct gql_value, cap) : NULL;
    o->count = 0;
}

static void obj_add(struct obj_builder *o, const char *key, const struct gql_value *v)
{
    o->values[o->count] = *v;
    o->members[o->count].key = key;
    o->members[o->count].value = &o->values[o->count];
    o->count++;
}

static struct gql_value obj_value(const struct obj_builder *o)
{
    struct gql_value v = { .kind = GQL_V_OBJECT };
    v.u.obj.items = o->members;
    v.u.obj.count = o->count;
    return v;
}

static struct gql_value list_value(struct arena *a, size_t n)
{
    struct gql_value v = { .kind = GQL_V_LIST };
    v.u.list.items = n ? ARENA_ARRAY(a, struct gql_value, n) : NULL;
    v.u.list.count = n;
    return v;
}

/* ---- suggestions: suggestionList() and didYouMean() -------------------------------------- */

/* Damerau-Levenshtein distance between the lowercased input (in, n) and option, where a
 * change of case only is one edit; -1 when it exceeds threshold. rows holds 3 * (n + 1) ints. */
static int lexical_distance(const char *input, const char *in, size_t n, const char *option,
                            int threshold, int *rows)
{
    if (strcmp(input, option) == 0) return 0;
    size_t olen = strlen(option);
    bool same_lower = olen == n;
    for (size_t i = 0; same_lower && i < n; i++)
        if (in[i] != (char)(option[i] >= 'A' && option[i] <= 'Z' ? option[i] + 32 : option[i]))
            same_lower = false;
    if (same_lower) return 1;
    /* a is the longer of the two, b the shorter; option is lowercased on the fly. */
    const char *a = option, *bb = in;
    size_t alen = olen, blen = n;
    bool a_is_option = true;
    if (alen < blen) {
        a = in, bb = option, alen = n, blen = olen, a_is_option = false;
    }
    if ((int)(alen - blen) > threshold) return -1;
#define LOW(s, is_opt, i) \
    ((is_opt) && (s)[i] >= 'A' && (s)[i] <= 'Z' ? (char)((s)[i] + 32) : (s)[i])
#define ROW(r) (rows + (size_t)((r) % 3) * (n + 1))
    for (size_t j = 0; j <= blen; j++)
        ROW(0)[j] = (int)j;
    for (size_t i = 1; i <= alen; i++) {
        int *up = ROW(i - 1), *cur = ROW(i);
        int smallest = cur[0] = (int)i;
        for (size_t j = 1; j <= blen; j++) {
            char ca = LOW(a, a_is_option, i - 1), cb = LOW(bb, !a_is_option, j - 1);
            int cell = up[j] + 1;
            if (cur[j - 1] + 1 < cell) cell = cur[j - 1] + 1;
            if (up[j - 1] + (ca == cb ? 0 : 1) < cell) cell = up[j - 1] + (ca == cb ? 0 : 1);
            if (i > 1 && j > 1 && ca == LOW(bb, !a_is_option, j - 2) &&
                LOW(a, a_is_option, i - 2) == cb && ROW(i - 2)[j - 2] + 1 < cell)
                cell = ROW(i - 2)[j - 2] + 1;
            if (cell < smallest) smallest = cell;
            cur[j] = cell;
        }
        if (smallest > threshold) return -1;
    }
    int d = ROW(alen)[blen];
#undef LOW
#undef ROW
    return d <= threshold ? d : -1;
}

/* naturalCompare(): digit runs compare as numbers. */
static int natural_compare(const char *a, const char *b)
{
    size_t i = 0, j = 0, alen = strlen(a), blen = strlen(b);
    while (i < alen && j < blen) {
        unsigned char ca = (unsigned char)a[i], cb = (unsigned char)b[j];
        if (ca >= '0' && ca <= '9' && cb >= '0' && cb <= '9') {
            double an = 0, bn = 0;
            do {
                an = an * 10 + (a[i++] - '0');
            } while (i < alen && a[i] >= '0' && a[i] <= '9' && an > 0);
            do {
                bn = bn * 10 + (b[j++] - '0');
            } while (j < blen && b[j] >= '0' && b[j] <= '9' && bn > 0);
            if (an != bn) return an < bn ? -1 : 1;
        } else {
            if (ca != cb) return ca < cb ? -1 : 1;
            i++, j++;
        }
    }
    return (int)alen - (int)blen;
}

const char *gql_did_you_mean(struct arena *a, const char *sub, const char *input,
                             const void *options, size_t nopts,
                             const char *(*get)(const void *options, size_t i))
{
    if (nopts == 0) return "";
    size_t n = strlen(input);
    char *in = arena_strndup(a, input, n);
    for (size_t i = 0; i < n; i++)
        if (in[i] >= 'A' && in[i] <= 'Z') in[i] = (char)(in[i] + 32);
    int *rows = ARENA_ARRAY(a, int, 3 * (n + 1));
    int threshold = (int)(n * 4 / 10) + 1;
    const char **names = ARENA_ARRAY(a, const char *, nopts);
    int *dist = ARENA_ARRAY(a, int, nopts);
    size_t count = 0;
    for (size_t i = 0; i < nopts; i++) {
        const char *opt = get(options, i);
        int d = lexical_distance(input, in, n, opt, threshold, rows);
        if (d < 0) continue;
        /* Insertion sort: by distance, then natural order. */
        size_t k = count++;
        while (k > 0 &&
               (dist[k - 1] > d || (dist[k - 1] == d && natural_compare(names[k - 1], opt) > 0))) {
            names[k] = names[k - 1];
            dist[k] = dist[k - 1];
            k--;
        }
        names[k] = opt;
        dist[k] = d;
    }
    if (count == 0) return "";
    struct buf b = BUF_INIT(a);
    buf_appends(&b, " Did you mean ");
    if (sub) buf_appendf(&b, "%s ", sub);
    if (count > 5) count = 5;
    for (size_t i = 0; i < count; i++) {
        if (i > 0 && count == 2)
            buf_appends(&b, " or ");
        else if (i > 0 && i == count - 1)
            buf_appends(&b, ", or ");
        else if (i > 0)
            buf_appends(&b, ", ");
        buf_appendf(&b, "\"%s\"", names[i]);
    }
    buf_appendc(&b, '?');
    return b.ptr;
}

static const char *enum_value_name(const void *options, size_t i)
{
    return ((const struct gql_enum_value *)options)[i].name;
}

static const char *input_field_name(const void *options, size_t i)
{
    return ((const struct gql_input_value *)options)[i].name;
}

/* ---- typeFromAST ------------------------------------------------------------------------- */

struct gql_type *gql_type_from_ast(struct arena *a, const struct gql_schema *s,
                                   const struct gql_type_ref *ref)
{
    if (ref->node.kind == GQL_NAMED_TYPE) return gql_schema_type(s, ref->name.ptr, ref->name.len);
    struct gql_type *inner = gql_type_from_ast(a, s, ref->of);
    if (!inner) return NULL;
    struct gql_type *t = ARENA_NEW(a, struct gql_type);
    t->kind = ref->node.kind == GQL_LIST_TYPE ? GQL_TYPE_LIST : GQL_TYPE_NON_NULL;
    t->of_type = inner;
    return t;
}

/* ---- valueFromAST ------------------------------------------------------------------------ */

static bool is_missing_variable(const struct gql_ast_value *node, const struct gql_value *vars)
{
    return node->node.kind == GQL_VARIABLE && !gql_variable_value(vars, node->str);
}

static bool list_from_ast(struct arena *a, const struct gql_ast_value *node,
                          const struct gql_type *item_type, const struct gql_value *vars,
                          struct gql_value *out)
{
    if (node->node.kind != GQL_LIST_VALUE) {
        /* A single value where a list is expected is a list of one (spec 3.11). */
        struct gql_value one = list_value(a, 1);
        if (!gql_value_from_ast(a, node, item_type, vars, &one.u.list.items[0])) return false;
        *out = one;
        return true;
    }
    struct gql_value list = list_value(a, node->list.count);
    for (size_t i = 0; i < node->list.count; i++) {
        const struct gql_ast_value *item = node->list.items[i];
        if (is_missing_variable(item, vars)) {
            if (gql_type_is_non_null(item_type)) return false;
            list.u.list.items[i].kind = GQL_V_NULL;
        } else if (!gql_value_from_ast(a, item, item_type, vars, &list.u.list.items[i])) {
            return false;
        }
    }
    *out = list;
    return true;
}

static const struct gql_object_field *object_field(const struct gql_ast_value *node,
                                                   const char *name)
{
    for (size_t i = 0; i < node->fields.count; i++)
        if (str_eq_cstr(node->fields.items[i]->name, name)) return node->fields.items[i];
    return NULL;
}

static bool input_object_from_ast(struct arena *a, const struct gql_ast_value *node,
                                  const struct gql_type *type, const struct gql_value *vars,
                                  struct gql_value *out)
{
    if (node->node.kind != GQL_OBJECT_VALUE) return false;
    struct obj_builder o;
    obj_init(a, &o, type->ninput_fields);
    for (size_t i = 0; i < type->ninput_fields; i++) {
        const struct gql_input_value *f = &type->input_fields[i];
        const struct gql_object_field *fnode = object_field(node, f->name);
        struct gql_value v;
        if (!fnode || is_missing_variable(fnode->value, vars)) {
            if (f->default_value) {
                if (gql_value_from_ast(a, f->default_value, f->type, NULL, &v))
                    obj_add(&o, f->name, &v);
            } else if (gql_type_is_non_null(f->type)) {
                return false;
            }
            continue;
        }
        if (!gql_value_from_ast(a, fnode->value, f->type, vars, &v)) return false;
        obj_add(&o, f->name, &v);
    }
    *out = obj_value(&o);
    return true;
}

static bool leaf_from_ast(struct arena *a, const struct gql_ast_value *node,
                          const struct gql_type *type, const struct gql_value *vars,
                          struct gql_value *out)
{
    if (type->kind == GQL_TYPE_ENUM) {
        if (node->node.kind != GQL_ENUM_VALUE) return false;
        const struct gql_enum_value *ev = gql_type_enum_value(type, node->str.ptr, node->str.len);
        if (!ev) return false;
        *out = (struct gql_value){ .kind = GQL_V_ENUM };
        out->u.s = str_from(ev->name);
        return true;
    }
    const char *err = NULL;
    struct gql_value v = { .kind = GQL_V_UNDEFINED };
    if (!type->scalar || type->scalar->parse_literal(a, node, vars, &v, &err) != WM_OK)
        return false;
    if (v.kind == GQL_V_UNDEFINED) return false;
    *out = v;
    return true;
}

bool gql_value_from_ast(struct arena *a, const struct gql_ast_value *node,
                        const struct gql_type *type, const struct gql_value *vars,
                        struct gql_value *out)
{
    if (!node) return false;
    if (node->node.kind == GQL_VARIABLE) {
        const struct gql_value *v = gql_variable_value(vars, node->str);
        if (!v) return false;
        if (v->kind == GQL_V_NULL && type->kind == GQL_TYPE_NON_NULL) return false;
        /* No further checks: validation proved the variable's type fits this position. */
        *out = *v;
        return true;
    }
    if (type->kind == GQL_TYPE_NON_NULL) {
        if (node->node.kind == GQL_NULL_VALUE) return false;
        return gql_value_from_ast(a, node, type->of_type, vars, out);
    }
    if (node->node.kind == GQL_NULL_VALUE) {
        *out = (struct gql_value){ .kind = GQL_V_NULL };
        return true;
    }
    switch (type->kind) {
    case GQL_TYPE_LIST:
        return list_from_ast(a, node, type->of_type, vars, out);
    case GQL_TYPE_INPUT_OBJECT:
        return input_object_from_ast(a, node, type, vars, out);
    case GQL_TYPE_SCALAR:
    case GQL_TYPE_ENUM:
        return leaf_from_ast(a, node, type, vars, out);
    default:
        return false; /* not an input type */
    }
}

/* ---- coerceInputValue (variables) -------------------------------------------------------- */

#define MAX_VARIABLE_ERRORS 50

/* One step of the path inside a variable's value: a field name, or a list index. */
struct input_path {
    const struct input_path *prev;
    const char *key; /* NULL for an index */
    size_t index;
};

/* The state of getVariableValues: where errors go and the variable being coerced. */
struct var_coercion {
    struct arena *a;
    struct gql_errors *errs;
    size_t nerrors;         /* errors reported so far */
    bool aborted;           /* the error limit was reached: stop everything */
    const char *var_name;   /* the variable being coerced */
    struct gql_loc var_loc; /* its definition */
};

/* Report one variable error (onError of getVariableValues), honouring the limit. */
static void report(struct var_coercion *vc, const struct gql_loc *loc, const char *msg)
{
    if (vc->aborted) return;
    if (vc->nerrors >= MAX_VARIABLE_ERRORS) {
        gql_error_add(vc->a, vc->errs, GQL_CODE_INPUT, NULL, NULL, "%s",
                      "Too many errors processing variables, error limit reached. "
                      "Execution aborted.");
        vc->aborted = true;
        return;
    }
    vc->nerrors++;
    gql_error_add(vc->a, vc->errs, GQL_CODE_INPUT, loc, NULL, "%s", msg);
}

static void print_input_path(struct buf *b, const struct input_path *p)
{
    if (!p) return;
    print_input_path(b, p->prev);
    if (p->key)
        buf_appendf(b, ".%s", p->key);
    else
        buf_appendf(b, "[%zu]", p->index);
}

/* The onError of coerceVariableValues: 'Variable "$x" got invalid value V at "x.path"; msg'. */
static void input_error(struct var_coercion *vc, const struct input_path *path,
                        const struct gql_value *invalid, const char *msg)
{
    struct buf b = BUF_INIT(vc->a);
    buf_appendf(&b, "Variable \"$%s\" got invalid value ", vc->var_name);
    gql_value_inspect(&b, invalid);
    if (path) {
        buf_appendf(&b, " at \"%s", vc->var_name);
        print_input_path(&b, path);
        buf_appendc(&b, '"');
    }
    buf_appends(&b, "; ");
    buf_appends(&b, msg);
    report(vc, &vc->var_loc, b.ptr);
}

static bool coerce_input_value(struct var_coercion *vc, const struct gql_value *in,
                               const struct gql_type *type, const struct input_path *path,
                               struct gql_value *out);

static bool coerce_list(struct var_coercion *vc, const struct gql_value *in,
                        const struct gql_type *item_type, const struct input_path *path,
                        struct gql_value *out)
{
    if (in->kind != GQL_V_LIST) {
        /* Lists accept a non-list value as a list of one. */
        *out = list_value(vc->a, 1);
        return coerce_input_value(vc, in, item_type, path, &out->u.list.items[0]);
    }
    *out = list_value(vc->a, in->u.list.count);
    bool ok = true;
    for (size_t i = 0; i < in->u.list.count && !vc->aborted; i++) {
        struct input_path item = { path, NULL, i };
        ok &= coerce_input_value(vc, &in->u.list.items[i], item_type, &item, &out->u.list.items[i]);
    }
    return ok;
}

/* The keys of an input value that graphql-js would see with Object.keys(): an object's own
 * members, or a list's indices. */
static size_t input_key_count(const struct gql_value *in)
{
    return in->kind == GQL_V_OBJECT ? in->u.obj.count : in->u.list.count;
}

static const char *input_key(struct arena *a, const struct gql_value *in, size_t i)
{
    if (in->kind == GQL_V_LIST) return arena_printf(a, "%zu", i);
    return in->u.obj.items[i].value->kind == GQL_V_UNDEFINED ? NULL : in->u.obj.items[i].key;
}

static bool coerce_input_object(struct var_coercion *vc, const struct gql_value *in,
                                const struct gql_type *type, const struct input_path *path,
                                struct gql_value *out)
{
    struct arena *a = vc->a;
    if (in->kind != GQL_V_OBJECT && in->kind != GQL_V_LIST) {
        input_error(vc, path, in,
                    arena_printf(a, "Expected type \"%s\" to be an object.", type->name));
        return false;
    }
    struct obj_builder o;
    obj_init(a, &o, type->ninput_fields);
    bool ok = true;
    for (size_t i = 0; i < type->ninput_fields && !vc->aborted; i++) {
        const struct gql_input_value *f = &type->input_fields[i];
        const struct gql_value *fv = member_n(in, f->name, strlen(f->name));
        struct gql_value v;
        if (!fv) {
            if (f->default_value) {
                if (gql_value_from_ast(a, f->default_value, f->type, NULL, &v))
                    obj_add(&o, f->name, &v);
            } else if (gql_type_is_non_null(f->type)) {
                input_error(vc, path, in,
                            arena_printf(a,
                                         "Field \"%s\" of required type \"%s\" was not provided.",
                                         f->name, gql_type_str(a, f->type)));
                ok = false;
            }
            continue;
        }
        struct input_path fp = { path, f->name, 0 };
        ok &= coerce_input_value(vc, fv, f->type, &fp, &v);
        obj_add(&o, f->name, &v);
    }
    /* Every given field must be defined. */
    for (size_t i = 0; i < input_key_count(in) && !vc->aborted; i++) {
        const char *key = input_key(a, in, i);
        if (!key || gql_type_input_field(type, key, strlen(key))) continue;
        const char *hint = gql_did_you_mean(a, NULL, key, type->input_fields, type->ninput_fields,
                                            input_field_name);
        input_error(vc, path, in,
                    arena_printf(a, "Field \"%s\" is not defined by type \"%s\".%s", key,
                                 type->name, hint));
        ok = false;
    }
    *out = obj_value(&o);
    return ok;
}

/* GraphQLEnumType.parseValue(): the name of one of the type's values, given as a string. */
static const char *enum_parse_value(struct arena *a, const struct gql_type *type,
                                    const struct gql_value *in, struct gql_value *out)
{
    if (in->kind != GQL_V_STRING && in->kind != GQL_V_ENUM) {
        struct buf sb = BUF_INIT(a);
        gql_value_inspect(&sb, in);
        const char *shown = sb.ptr;
        return arena_printf(a, "Enum \"%s\" cannot represent non-string value: %s.%s", type->name,
                            shown,
                            gql_did_you_mean(a, "the enum value", shown, type->values,
                                             type->nvalues, enum_value_name));
    }
    const struct gql_enum_value *ev = gql_type_enum_value(type, in->u.s.ptr, in->u.s.len);
    if (!ev) {
        const char *given = str_dup(a, in->u.s);
        return arena_printf(a, "Value \"%s\" does not exist in \"%s\" enum.%s", given, type->name,
                            gql_did_you_mean(a, "the enum value", given, type->values,
                                             type->nvalues, enum_value_name));
    }
    *out = (struct gql_value){ .kind = GQL_V_ENUM };
    out->u.s = str_from(ev->name);
    return NULL;
}

static bool coerce_leaf(struct var_coercion *vc, const struct gql_value *in,
                        const struct gql_type *type, const struct input_path *path,
                        struct gql_value *out)
{
    const char *err = NULL;
    if (type->kind == GQL_TYPE_ENUM) {
        err = enum_parse_value(vc->a, type, in, out);
    } else {
        *out = (struct gql_value){ .kind = GQL_V_UNDEFINED };
        if (!type->scalar || type->scalar->parse_value(vc->a, in, out, &err) != WM_OK) {
            if (!err) err = arena_printf(vc->a, "Expected type \"%s\".", type->name);
        } else if (out->kind == GQL_V_UNDEFINED) {
            err = arena_printf(vc->a, "Expected type \"%s\".", type->name);
        } else {
            err = NULL;
        }
    }
    if (!err) return true;
    input_error(vc, path, in, err);
    return false;
}

/* coerceInputValue(): in (a value from the request) as a value of input type, reporting
 * every problem through input_error(). False when the result is unusable. */
static bool coerce_input_value(struct var_coercion *vc, const struct gql_value *in,
                               const struct gql_type *type, const struct input_path *path,
                               struct gql_value *out)
{
    *out = (struct gql_value){ .kind = GQL_V_UNDEFINED };
    if (type->kind == GQL_TYPE_NON_NULL) {
        if (!is_nullish(in)) return coerce_input_value(vc, in, type->of_type, path, out);
        input_error(vc, path, in,
                    arena_printf(vc->a, "Expected non-nullable type \"%s\" not to be null.",
                                 gql_type_str(vc->a, type)));
        return false;
    }
    if (is_nullish(in)) {
        out->kind = GQL_V_NULL;
        return true;
    }
    switch (type->kind) {
    case GQL_TYPE_LIST:
        return coerce_list(vc, in, type->of_type, path, out);
    case GQL_TYPE_INPUT_OBJECT:
        return coerce_input_object(vc, in, type, path, out);
    default:
        return coerce_leaf(vc, in, type, path, out);
    }
}

/* ---- getVariableValues ------------------------------------------------------------------- */

/* One variable definition: absent, defaulted, null or coerced into o. */
static void coerce_variable(struct var_coercion *vc, const struct gql_schema *s,
                            const struct gql_variable_definition *def,
                            const struct gql_value *inputs, struct obj_builder *o)
{
    struct arena *a = vc->a;
    const char *name = str_dup(a, def->name);
    const struct gql_type *type = gql_type_from_ast(a, s, def->type);
    if (!type || !gql_type_is_input(type)) {
        report(vc, &def->type->node.loc,
               arena_printf(a,
                            "Variable \"$%s\" expected value of type \"%s\" which cannot be "
                            "used as an input type.",
                            name, gql_print_type_ref(a, def->type)));
        return;
    }
    const struct gql_value *given = gql_variable_value(inputs, def->name);
    struct gql_value v;
    if (!given) {
        if (def->default_value) {
            if (gql_value_from_ast(a, def->default_value, type, NULL, &v)) obj_add(o, name, &v);
        } else if (type->kind == GQL_TYPE_NON_NULL) {
            report(vc, &def->node.loc,
                   arena_printf(a, "Variable \"$%s\" of required type \"%s\" was not provided.",
                                name, gql_type_str(a, type)));
        }
        return;
    }
    if (given->kind == GQL_V_NULL && type->kind == GQL_TYPE_NON_NULL) {
        report(vc, &def->node.loc,
               arena_printf(a, "Variable \"$%s\" of non-null type \"%s\" must not be null.", name,
                            gql_type_str(a, type)));
        return;
    }
    vc->var_name = name;
    vc->var_loc = def->node.loc;
    if (coerce_input_value(vc, given, type, NULL, &v)) obj_add(o, name, &v);
}

int gql_get_variable_values(struct arena *a, const struct gql_schema *s,
                            const struct gql_operation *op, const struct gql_value *inputs,
                            struct gql_value *out, struct gql_errors *errs)
{
    struct var_coercion vc = { .a = a, .errs = errs };
    struct obj_builder o;
    obj_init(a, &o, op->variables.count);
    for (size_t i = 0; i < op->variables.count && !vc.aborted; i++)
        coerce_variable(&vc, s, op->variables.items[i], inputs, &o);
    *out = obj_value(&o);
    return vc.nerrors || vc.aborted ? WM_EINVAL : WM_OK;
}

/* ---- getArgumentValues ------------------------------------------------------------------- */

static const struct gql_argument *find_argument(const gql_arguments *args, const char *name)
{
    for (size_t i = 0; args && i < args->count; i++)
        if (str_eq_cstr(args->items[i]->name, name)) return args->items[i];
    return NULL;
}

static int arg_error(struct gql_value_error *err, struct gql_loc loc, const char *msg)
{
    err->message = msg;
    err->loc = loc;
    return WM_EINVAL;
}

/* The argument's default into o when it has one. */
static void add_default(struct arena *a, const struct gql_input_value *def, struct obj_builder *o)
{
    struct gql_value v;
    if (gql_value_from_ast(a, def->default_value, def->type, NULL, &v)) obj_add(o, def->name, &v);
}

int gql_get_argument_values(struct arena *a, const struct gql_input_value *defs, size_t ndefs,
                            const gql_arguments *args, struct gql_loc node_loc,
                            const struct gql_value *vars, struct gql_value *out,
                            struct gql_value_error *err)
{
    struct obj_builder o;
    obj_init(a, &o, ndefs);
    for (size_t i = 0; i < ndefs; i++) {
        const struct gql_input_value *def = &defs[i];
        bool non_null = def->type->kind == GQL_TYPE_NON_NULL;
        const struct gql_argument *arg = find_argument(args, def->name);
        if (!arg) {
            if (def->default_value)
                add_default(a, def, &o);
            else if (non_null)
                return arg_error(err, node_loc,
                                 arena_printf(a,
                                              "Argument \"%s\" of required type \"%s\" was not "
                                              "provided.",
                                              def->name, gql_type_str(a, def->type)));
            continue;
        }
        const struct gql_ast_value *vnode = arg->value;
        bool is_null = vnode->node.kind == GQL_NULL_VALUE;
        if (vnode->node.kind == GQL_VARIABLE) {
            const struct gql_value *vv = gql_variable_value(vars, vnode->str);
            if (!vv) {
                if (def->default_value)
                    add_default(a, def, &o);
                else if (non_null)
                    return arg_error(
                            err, vnode->node.loc,
                            arena_printf(a,
                                         "Argument \"%s\" of required type \"%s\" was provided "
                                         "the variable \"$%.*s\" which was not provided a "
                                         "runtime value.",
                                         def->name, gql_type_str(a, def->type),
                                         STR_FMT(vnode->str)));
                continue;
            }
            is_null = vv->kind == GQL_V_NULL;
        }
        if (is_null && non_null)
            return arg_error(err, vnode->node.loc,
                             arena_printf(a,
                                          "Argument \"%s\" of non-null type \"%s\" must not "
                                          "be null.",
                                          def->name, gql_type_str(a, def->type)));
        struct gql_value v;
        if (!gql_value_from_ast(a, vnode, def->type, vars, &v))
            return arg_error(err, vnode->node.loc,
                             arena_printf(a, "Argument \"%s\" has invalid value %s.", def->name,
                                          gql_print_value(a, vnode)));
        obj_add(&o, def->name, &v);
    }
    *out = obj_value(&o);
    return WM_OK;
}
