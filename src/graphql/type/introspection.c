/*
 * introspection.c: the resolvers of the introspection types (spec 4.2) over the schema
 * structs, and the meta fields __schema, __type and __typename. The types are ordinary object
 * types built from SDL by build.c; each source is a GQL_V_PTR to the struct it describes
 * (struct gql_schema for __Schema, gql_type for __Type, gql_field, gql_input_value,
 * gql_enum_value, gql_directive_type), and every object or list a resolver returns carries
 * its concrete introspection type in gql_value.type. Strings point into the schema arena,
 * which outlives every request; lists are made in the request arena.
 * Reference: graphql-js src/type/introspection.ts.
 */
#include "graphql/type/introspection.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "graphql/graphql.h"

const char *const gql_introspection_type_names[] = {
    "__Schema", "__Directive",  "__DirectiveLocation", "__Type",
    "__Field",  "__InputValue", "__EnumValue",         "__TypeKind",
};
const size_t gql_introspection_type_count =
        sizeof(gql_introspection_type_names) / sizeof(gql_introspection_type_names[0]);

bool gql_is_introspection_type(const struct gql_type *t)
{
    if (!t || !t->name || strncmp(t->name, "__", 2) != 0) return false;
    for (size_t i = 0; i < gql_introspection_type_count; i++)
        if (strcmp(t->name, gql_introspection_type_names[i]) == 0) return true;
    return false;
}

const struct gql_field *gql_introspection_schema_field(const struct gql_schema *s)
{
    return s && s->meta_fields ? &s->meta_fields[0] : NULL;
}

const struct gql_field *gql_introspection_type_field(const struct gql_schema *s)
{
    return s && s->meta_fields ? &s->meta_fields[1] : NULL;
}

const struct gql_field *gql_introspection_typename_field(const struct gql_schema *s)
{
    return s && s->meta_fields ? &s->meta_fields[2] : NULL;
}

/* ---- helpers ----------------------------------------------------------------------------- */

static struct arena *call_arena(const struct gql_call *call)
{
    assert(call->ctx && call->ctx->arena);
    return call->ctx->arena;
}

/* The struct the source describes. */
static const void *src(const struct gql_call *call)
{
    assert(call->source && call->source->kind == GQL_V_PTR);
    return call->source->u.ptr;
}

static struct gql_type *intro_type(const struct gql_call *call, const char *name)
{
    struct gql_type *t = gql_schema_type(call->schema, name, strlen(name));
    assert(t);
    return t;
}

/* A schema string (NULL gives null); no copy: the schema outlives the request. */
static int str_out(struct gql_value *out, const char *s)
{
    *out = s ? gql_string_n(str_from(s)) : gql_null();
    return WM_OK;
}

static bool include_deprecated(const struct gql_call *call)
{
    const struct gql_value *v = gql_arg(call, "includeDeprecated");
    return v && v->kind == GQL_V_BOOL && v->u.b;
}

/* A list of pointers to n structs of elem_size bytes starting at first, each a T. */
static struct gql_value ptr_list(const struct gql_call *call, const void *first, size_t n,
                                 size_t elem_size, const struct gql_type *t,
                                 bool (*keep)(const void *, bool), bool all)
{
    struct gql_value l = gql_list(call_arena(call), n);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const void *p = (const char *)first + i * elem_size;
        if (keep && !keep(p, all)) continue;
        l.u.list.items[k++] = gql_ptr(p, t);
    }
    l.u.list.count = k;
    return l;
}

/* A list of the n type pointers at types, each a __Type. */
static struct gql_value type_list(const struct gql_call *call, struct gql_type *const *types,
                                  size_t n)
{
    struct gql_type *t = intro_type(call, "__Type");
    struct gql_value l = gql_list(call_arena(call), n);
    for (size_t i = 0; i < n; i++)
        l.u.list.items[i] = gql_ptr(types[i], t);
    return l;
}

static bool keep_field(const void *p, bool all)
{
    return all || !((const struct gql_field *)p)->deprecated;
}

static bool keep_input_value(const void *p, bool all)
{
    return all || !((const struct gql_input_value *)p)->deprecated;
}

static bool keep_enum_value(const void *p, bool all)
{
    return all || !((const struct gql_enum_value *)p)->deprecated;
}

/* ---- __Schema ---------------------------------------------------------------------------- */

static int schema_description(struct gql_call *call, struct gql_value *out)
{
    const struct gql_schema *s = src(call);
    return str_out(out, s->description);
}

static int schema_types(struct gql_call *call, struct gql_value *out)
{
    const struct gql_schema *s = src(call);
    *out = type_list(call, s->types_in_order, s->ntypes);
    return WM_OK;
}

static int schema_query_type(struct gql_call *call, struct gql_value *out)
{
    const struct gql_schema *s = src(call);
    *out = gql_ptr(s->query, intro_type(call, "__Type"));
    return WM_OK;
}

static int schema_mutation_type(struct gql_call *call, struct gql_value *out)
{
    const struct gql_schema *s = src(call);
    *out = gql_ptr(s->mutation, intro_type(call, "__Type"));
    return WM_OK;
}

static int schema_subscription_type(struct gql_call *call, struct gql_value *out)
{
    const struct gql_schema *s = src(call);
    *out = gql_ptr(s->subscription, intro_type(call, "__Type"));
    return WM_OK;
}

static int schema_directives(struct gql_call *call, struct gql_value *out)
{
    const struct gql_schema *s = src(call);
    struct gql_type *t = intro_type(call, "__Directive");
    *out = gql_list(call_arena(call), s->ndirectives);
    for (size_t i = 0; i < s->ndirectives; i++)
        out->u.list.items[i] = gql_ptr(s->directives[i], t);
    return WM_OK;
}

/* ---- __Type ------------------------------------------------------------------------------ */

static int type_kind(struct gql_call *call, struct gql_value *out)
{
    const struct gql_type *t = src(call);
    *out = gql_enum(gql_type_kind_name(t->kind));
    return WM_OK;
}

static int type_name(struct gql_call *call, struct gql_value *out)
{
    const struct gql_type *t = src(call);
    return str_out(out, t->name);
}

static int type_description(struct gql_call *call, struct gql_value *out)
{
    const struct gql_type *t = src(call);
    return str_out(out, t->description);
}

static int type_specified_by_url(struct gql_call *call, struct gql_value *out)
{
    const struct gql_type *t = src(call);
    return str_out(out, t->kind == GQL_TYPE_SCALAR ? t->specified_by_url : NULL);
}

static int type_fields(struct gql_call *call, struct gql_value *out)
{
    const struct gql_type *t = src(call);
    if (t->kind != GQL_TYPE_OBJECT && t->kind != GQL_TYPE_INTERFACE) {
        *out = gql_null();
        return WM_OK;
    }
    *out = ptr_list(call, t->fields, t->nfields, sizeof(t->fields[0]), intro_type(call, "__Field"),
                    keep_field, include_deprecated(call));
    return WM_OK;
}

static int type_interfaces(struct gql_call *call, struct gql_value *out)
{
    const struct gql_type *t = src(call);
    if (t->kind != GQL_TYPE_OBJECT && t->kind != GQL_TYPE_INTERFACE) {
        *out = gql_null();
        return WM_OK;
    }
    *out = type_list(call, t->interfaces, t->ninterfaces);
    return WM_OK;
}

static int type_possible_types(struct gql_call *call, struct gql_value *out)
{
    const struct gql_type *t = src(call);
    if (!gql_type_is_abstract(t)) {
        *out = gql_null();
        return WM_OK;
    }
    *out = type_list(call, t->possible_types, t->npossible_types);
    return WM_OK;
}

static int type_enum_values(struct gql_call *call, struct gql_value *out)
{
    const struct gql_type *t = src(call);
    if (t->kind != GQL_TYPE_ENUM) {
        *out = gql_null();
        return WM_OK;
    }
    *out = ptr_list(call, t->values, t->nvalues, sizeof(t->values[0]),
                    intro_type(call, "__EnumValue"), keep_enum_value, include_deprecated(call));
    return WM_OK;
}

static int type_input_fields(struct gql_call *call, struct gql_value *out)
{
    const struct gql_type *t = src(call);
    if (t->kind != GQL_TYPE_INPUT_OBJECT) {
        *out = gql_null();
        return WM_OK;
    }
    *out = ptr_list(call, t->input_fields, t->ninput_fields, sizeof(t->input_fields[0]),
                    intro_type(call, "__InputValue"), keep_input_value, include_deprecated(call));
    return WM_OK;
}

static int type_of_type(struct gql_call *call, struct gql_value *out)
{
    const struct gql_type *t = src(call);
    *out = gql_ptr(t->of_type, intro_type(call, "__Type")); /* NULL for named types: null */
    return WM_OK;
}

/* ---- __Field ----------------------------------------------------------------------------- */

static int field_name(struct gql_call *call, struct gql_value *out)
{
    const struct gql_field *f = src(call);
    return str_out(out, f->name);
}

static int field_description(struct gql_call *call, struct gql_value *out)
{
    const struct gql_field *f = src(call);
    return str_out(out, f->description);
}

static int field_args(struct gql_call *call, struct gql_value *out)
{
    const struct gql_field *f = src(call);
    *out = ptr_list(call, f->args, f->nargs, sizeof(f->args[0]), intro_type(call, "__InputValue"),
                    keep_input_value, include_deprecated(call));
    return WM_OK;
}

static int field_type(struct gql_call *call, struct gql_value *out)
{
    const struct gql_field *f = src(call);
    *out = gql_ptr(f->type, intro_type(call, "__Type"));
    return WM_OK;
}

static int field_is_deprecated(struct gql_call *call, struct gql_value *out)
{
    const struct gql_field *f = src(call);
    *out = gql_bool(f->deprecated);
    return WM_OK;
}

static int field_deprecation_reason(struct gql_call *call, struct gql_value *out)
{
    const struct gql_field *f = src(call);
    return str_out(out, f->deprecated ? f->deprecation_reason : NULL);
}

/* ---- __InputValue ------------------------------------------------------------------------ */

static int input_value_name(struct gql_call *call, struct gql_value *out)
{
    const struct gql_input_value *v = src(call);
    return str_out(out, v->name);
}

static int input_value_description(struct gql_call *call, struct gql_value *out)
{
    const struct gql_input_value *v = src(call);
    return str_out(out, v->description);
}

static int input_value_type(struct gql_call *call, struct gql_value *out)
{
    const struct gql_input_value *v = src(call);
    *out = gql_ptr(v->type, intro_type(call, "__Type"));
    return WM_OK;
}

/* The default as GraphQL text ("10", "\"x\"", "[RED]", "{a: 1}"), or null when none. */
static int input_value_default_value(struct gql_call *call, struct gql_value *out)
{
    const struct gql_input_value *v = src(call);
    return str_out(out, v->default_value ? v->default_text : NULL);
}

static int input_value_is_deprecated(struct gql_call *call, struct gql_value *out)
{
    const struct gql_input_value *v = src(call);
    *out = gql_bool(v->deprecated);
    return WM_OK;
}

static int input_value_deprecation_reason(struct gql_call *call, struct gql_value *out)
{
    const struct gql_input_value *v = src(call);
    return str_out(out, v->deprecated ? v->deprecation_reason : NULL);
}

/* ---- __EnumValue ------------------------------------------------------------------------- */

static int enum_value_name(struct gql_call *call, struct gql_value *out)
{
    const struct gql_enum_value *v = src(call);
    return str_out(out, v->name);
}

static int enum_value_description(struct gql_call *call, struct gql_value *out)
{
    const struct gql_enum_value *v = src(call);
    return str_out(out, v->description);
}

static int enum_value_is_deprecated(struct gql_call *call, struct gql_value *out)
{
    const struct gql_enum_value *v = src(call);
    *out = gql_bool(v->deprecated);
    return WM_OK;
}

static int enum_value_deprecation_reason(struct gql_call *call, struct gql_value *out)
{
    const struct gql_enum_value *v = src(call);
    return str_out(out, v->deprecated ? v->deprecation_reason : NULL);
}

/* ---- __Directive ------------------------------------------------------------------------- */

static int directive_name(struct gql_call *call, struct gql_value *out)
{
    const struct gql_directive_type *d = src(call);
    return str_out(out, d->name);
}

static int directive_description(struct gql_call *call, struct gql_value *out)
{
    const struct gql_directive_type *d = src(call);
    return str_out(out, d->description);
}

static int directive_is_repeatable(struct gql_call *call, struct gql_value *out)
{
    const struct gql_directive_type *d = src(call);
    *out = gql_bool(d->repeatable);
    return WM_OK;
}

/* The locations as the SDL lists them (graphql-js keeps that order). */
static int directive_locations(struct gql_call *call, struct gql_value *out)
{
    const struct gql_directive_type *d = src(call);
    *out = gql_list(call_arena(call), d->nlocations);
    for (size_t i = 0; i < d->nlocations; i++)
        out->u.list.items[i] = gql_enum(gql_directive_location_name(d->location_order[i]));
    return WM_OK;
}

static int directive_args(struct gql_call *call, struct gql_value *out)
{
    const struct gql_directive_type *d = src(call);
    *out = ptr_list(call, d->args, d->nargs, sizeof(d->args[0]), intro_type(call, "__InputValue"),
                    keep_input_value, include_deprecated(call));
    return WM_OK;
}

/* ---- meta fields ------------------------------------------------------------------------- */

static int meta_schema(struct gql_call *call, struct gql_value *out)
{
    *out = gql_ptr(call->schema, intro_type(call, "__Schema"));
    return WM_OK;
}

static int meta_type(struct gql_call *call, struct gql_value *out)
{
    const struct gql_value *name = gql_arg(call, "name");
    if (!name || name->kind != GQL_V_STRING) {
        *out = gql_null();
        return WM_OK;
    }
    struct gql_type *t = gql_schema_type(call->schema, name->u.s.ptr, name->u.s.len);
    *out = gql_ptr(t, intro_type(call, "__Type"));
    return WM_OK;
}

static int meta_typename(struct gql_call *call, struct gql_value *out)
{
    assert(call->parent_type && call->parent_type->name);
    return str_out(out, call->parent_type->name);
}

/* ---- binding ----------------------------------------------------------------------------- */

/* clang-format off */
static const struct {
    const char *type;
    const char *field;
    gql_resolve_fn *fn;
} resolvers[] = {
    { "__Schema",     "description",       schema_description },
    { "__Schema",     "types",             schema_types },
    { "__Schema",     "queryType",         schema_query_type },
    { "__Schema",     "mutationType",      schema_mutation_type },
    { "__Schema",     "subscriptionType",  schema_subscription_type },
    { "__Schema",     "directives",        schema_directives },
    { "__Type",       "kind",              type_kind },
    { "__Type",       "name",              type_name },
    { "__Type",       "description",       type_description },
    { "__Type",       "specifiedByURL",    type_specified_by_url },
    { "__Type",       "fields",            type_fields },
    { "__Type",       "interfaces",        type_interfaces },
    { "__Type",       "possibleTypes",     type_possible_types },
    { "__Type",       "enumValues",        type_enum_values },
    { "__Type",       "inputFields",       type_input_fields },
    { "__Type",       "ofType",            type_of_type },
    { "__Field",      "name",              field_name },
    { "__Field",      "description",       field_description },
    { "__Field",      "args",              field_args },
    { "__Field",      "type",              field_type },
    { "__Field",      "isDeprecated",      field_is_deprecated },
    { "__Field",      "deprecationReason", field_deprecation_reason },
    { "__InputValue", "name",              input_value_name },
    { "__InputValue", "description",       input_value_description },
    { "__InputValue", "type",              input_value_type },
    { "__InputValue", "defaultValue",      input_value_default_value },
    { "__InputValue", "isDeprecated",      input_value_is_deprecated },
    { "__InputValue", "deprecationReason", input_value_deprecation_reason },
    { "__EnumValue",  "name",              enum_value_name },
    { "__EnumValue",  "description",       enum_value_description },
    { "__EnumValue",  "isDeprecated",      enum_value_is_deprecated },
    { "__EnumValue",  "deprecationReason", enum_value_deprecation_reason },
    { "__Directive",  "name",              directive_name },
    { "__Directive",  "description",       directive_description },
    { "__Directive",  "isRepeatable",      directive_is_repeatable },
    { "__Directive",  "locations",         directive_locations },
    { "__Directive",  "args",              directive_args },
};
/* clang-format on */

static struct gql_type *named(struct gql_schema *s, const char *name)
{
    return gql_schema_type(s, name, strlen(name));
}

/* The meta fields, as graphql-js SchemaMetaFieldDef, TypeMetaFieldDef, TypeNameMetaFieldDef. */
static bool make_meta_fields(struct gql_schema *s, char *err, size_t errlen)
{
    struct gql_type *schema_t = named(s, "__Schema");
    struct gql_type *type_t = named(s, "__Type");
    struct gql_type *string_t = named(s, "String");
    if (!schema_t || !type_t || !string_t) {
        (void)snprintf(err, errlen, "introspection: __Schema, __Type or String is missing");
        return false;
    }
    struct gql_field *m = ARENA_ARRAY(s->arena, struct gql_field, 3);
    m[0].name = "__schema";
    m[0].description = "Access the current type schema of this server.";
    m[0].type = gql_non_null_of(s, schema_t);
    m[0].resolve = meta_schema;

    m[1].name = "__type";
    m[1].description = "Request the type information of a single type.";
    m[1].type = type_t;
    m[1].args = ARENA_NEW(s->arena, struct gql_input_value);
    m[1].args[0].name = "name";
    m[1].args[0].type = gql_non_null_of(s, string_t);
    m[1].nargs = 1;
    m[1].resolve = meta_type;

    m[2].name = "__typename";
    m[2].description = "The name of the current Object type at runtime.";
    m[2].type = gql_non_null_of(s, string_t);
    m[2].resolve = meta_typename;
    s->meta_fields = m;
    return true;
}

bool gql_introspection_bind(struct gql_schema *s, char *err, size_t errlen)
{
    for (size_t i = 0; i < sizeof(resolvers) / sizeof(resolvers[0]); i++) {
        struct gql_type *t = named(s, resolvers[i].type);
        struct gql_field *f =
                t ? gql_type_field(t, resolvers[i].field, strlen(resolvers[i].field)) : NULL;
        if (!f) {
            (void)snprintf(err, errlen, "introspection: %s.%s is not in the introspection SDL",
                           resolvers[i].type, resolvers[i].field);
            return false;
        }
        f->resolve = resolvers[i].fn;
    }
    for (size_t i = 0; i < gql_introspection_type_count; i++) {
        struct gql_type *t = named(s, gql_introspection_type_names[i]);
        if (!t) {
            (void)snprintf(err, errlen, "introspection: type %s is missing",
                           gql_introspection_type_names[i]);
            return false;
        }
        for (size_t k = 0; k < t->nfields; k++) {
            if (!t->fields[k].resolve) {
                (void)snprintf(err, errlen, "introspection: %s.%s has no resolver", t->name,
                               t->fields[k].name);
                return false;
            }
        }
    }
    return make_meta_fields(s, err, errlen);
}
