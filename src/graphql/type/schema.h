/*
 * schema.h: the runtime type system a schema is made of: named types (scalar, object,
 * interface, union, enum, input object), the list and non-null wrappers, fields, arguments,
 * enum values and directives. A schema is built once per process from SDL (build.c) and is
 * read-only afterwards; everything in it lives in the schema's own arena.
 * Reference: graphql-js src/type/definition.ts, schema.ts, directives.ts, scalars.ts.
 */
#ifndef WM_GRAPHQL_TYPE_SCHEMA_H
#define WM_GRAPHQL_TYPE_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "graphql/language/ast.h"

struct arena;
struct gql_call;
struct gql_value;
struct gql_scalar_ops;

enum gql_type_kind {
    GQL_TYPE_SCALAR = 0,
    GQL_TYPE_OBJECT,
    GQL_TYPE_INTERFACE,
    GQL_TYPE_UNION,
    GQL_TYPE_ENUM,
    GQL_TYPE_INPUT_OBJECT,
    GQL_TYPE_LIST,
    GQL_TYPE_NON_NULL,
};

/* "SCALAR" ... "NON_NULL", the __TypeKind enum names. */
const char *gql_type_kind_name(enum gql_type_kind kind);

/* A resolver: compute call's field into *out (arena memory). WM_OK, or a WM_E* code with the
 * message recorded through wm_errorf(call->ctx, ...): the executor turns it into a field error
 * with path and location. See graphql.h for struct gql_call and struct gql_value. */
typedef int gql_resolve_fn(struct gql_call *call, struct gql_value *out);

struct gql_type;

/* An argument, an input-object field, or a directive argument. */
struct gql_input_value {
    const char *name;
    const char *description; /* NULL when none */
    struct gql_type *type;
    const struct gql_ast_value *default_value; /* NULL when none (in the schema arena) */
    const char *default_text; /* the default printed as GraphQL, for introspection */
    bool deprecated;
    const char *deprecation_reason;
};

/* A field of an object or interface. */
struct gql_field {
    const char *name;
    const char *description;
    struct gql_type *type;
    struct gql_input_value *args;
    size_t nargs;
    bool deprecated;
    const char *deprecation_reason;
    gql_resolve_fn *resolve; /* bound from the resolver tables; NULL = read from the source
                                object through the type's field map (see graphql.h) */
    const void *bind;        /* what the binding attached (a field-map row), or NULL */
    unsigned flags;          /* from the root-field table (auth requirements ...) */
};

struct gql_enum_value {
    const char *name;
    const char *description;
    bool deprecated;
    const char *deprecation_reason;
};

/* A named type, or a wrapper (LIST, NON_NULL) around of_type. */
struct gql_type {
    enum gql_type_kind kind;
    const char *name; /* NULL for wrappers */
    const char *description;
    struct gql_type *of_type; /* wrappers: the wrapped type */
    struct gql_field *fields; /* OBJECT, INTERFACE, in definition order */
    size_t nfields;
    struct gql_input_value *input_fields; /* INPUT_OBJECT */
    size_t ninput_fields;
    struct gql_type **interfaces; /* OBJECT, INTERFACE: implements */
    size_t ninterfaces;
    struct gql_type **possible_types; /* UNION members; INTERFACE: the object types that
                                         implement it, in definition order */
    size_t npossible_types;
    struct gql_enum_value *values; /* ENUM */
    size_t nvalues;
    const char *specified_by_url;        /* SCALAR */
    const struct gql_scalar_ops *scalar; /* SCALAR: how values are coerced */
    struct gql_type *list_of;            /* the cached [T] wrapper, built on demand */
    struct gql_type *non_null_of;        /* the cached T! wrapper */
    const void *bind;                    /* OBJECT: its field map (graphql.h), if bound */
    uint32_t *field_slots;               /* private: fields by name hash, index + 1 (0 = empty),
                                            for gql_type_field; NULL: scanned in order */
    size_t nfield_slots;                 /* private: a power of two */
};

/*
 * How a scalar's values are coerced (spec 3.5): serialize a resolver's result for output,
 * parse a variable's JSON value, and parse a literal from the document. Each returns WM_OK or
 * WM_EINVAL with a graphql-js-worded message in *err (arena string).
 */
struct gql_scalar_ops {
    int (*serialize)(struct arena *a, const struct gql_value *in, struct gql_value *out,
                     const char **err);
    int (*parse_value)(struct arena *a, const struct gql_value *in, struct gql_value *out,
                       const char **err);
    int (*parse_literal)(struct arena *a, const struct gql_ast_value *in,
                         const struct gql_value *variables, struct gql_value *out,
                         const char **err);
};

/* Directive locations (spec 3.13), one bit each. */
/* clang-format off */
#define GQL_DIRECTIVE_LOCATION_MAP(X)                                                              \
    X(QUERY) X(MUTATION) X(SUBSCRIPTION) X(FIELD) X(FRAGMENT_DEFINITION) X(FRAGMENT_SPREAD)        \
    X(INLINE_FRAGMENT) X(VARIABLE_DEFINITION) X(SCHEMA) X(SCALAR) X(OBJECT) X(FIELD_DEFINITION)    \
    X(ARGUMENT_DEFINITION) X(INTERFACE) X(UNION) X(ENUM) X(ENUM_VALUE) X(INPUT_OBJECT)             \
    X(INPUT_FIELD_DEFINITION)
enum gql_directive_location {
#define X(name) GQL_LOC_BIT_##name,
    GQL_DIRECTIVE_LOCATION_MAP(X)
#undef X
    GQL_LOC_COUNT
};
/* clang-format on */
#define GQL_LOC(name) (1u << GQL_LOC_BIT_##name)

/* "QUERY" ... for a location bit index. */
const char *gql_directive_location_name(unsigned bit);

struct gql_directive_type {
    const char *name;
    const char *description;
    struct gql_input_value *args;
    size_t nargs;
    unsigned locations; /* GQL_LOC() bits */
    bool repeatable;
    uint8_t location_order[GQL_LOC_COUNT]; /* the location bits in the SDL's order (introspection
                                              lists them so), nlocations of them */
    size_t nlocations;
};

struct gql_schema {
    struct arena *arena; /* owns everything below */
    const char *description;
    struct gql_type *query;           /* never NULL in a valid schema */
    struct gql_type *mutation;        /* NULL when none */
    struct gql_type *subscription;    /* NULL when none */
    struct gql_type **types;          /* every named type incl. built-in scalars and the
                                         introspection types, sorted by name (bsearch) */
    struct gql_type **types_in_order; /* the same ntypes types in graphql-js's typeMap order
                                         (what __schema { types } lists, so that tools print
                                         the schema in its source order); the specified
                                         scalars nothing refers to come last */
    size_t ntypes;
    struct gql_directive_type **directives; /* the SDL's own in definition order, then those
                                               of @include @skip @deprecated @specifiedBy it
                                               does not redefine (graphql-js's order) */
    size_t ndirectives;
    const char *sdl; /* the source text it was built from (GET schema.graphql) */
    size_t sdl_len;
    struct gql_field *meta_fields; /* __schema, __type, __typename (introspection.c) */
    uint32_t *type_slots;          /* private: types by name hash, index + 1 (0 = empty), for
                                      gql_schema_type; NULL until gql_schema_index_types() */
    size_t ntype_slots;            /* private: a power of two */
};

/* True when the NUL-terminated name (NULL: false) is exactly s. name is read no further than
 * its end, and the usual mismatch costs one comparison: no strlen(name). */
static inline bool gql_name_eq(const char *name, struct str s)
{
    if (!name) return false;
    for (size_t i = 0; i < s.len; i++)
        if (name[i] != s.ptr[i] || name[i] == '\0') return false;
    return name[s.len] == '\0';
}

/* The named type called name (len bytes), or NULL. O(1) once the types are indexed, O(log n)
 * before. */
struct gql_type *gql_schema_type(const struct gql_schema *s, const char *name, size_t len);
/* Index s->types by name for gql_schema_type() (the builder calls it once they are made; the
 * index lives in the schema arena). */
void gql_schema_index_types(struct gql_schema *s);
/* The directive called name, or NULL. */
struct gql_directive_type *gql_schema_directive(const struct gql_schema *s, const char *name,
                                                size_t len);
/* The field called name of an OBJECT or INTERFACE type, or NULL (no introspection fields). */
struct gql_field *gql_type_field(const struct gql_type *t, const char *name, size_t len);
/* Index the fields of t by name for gql_type_field() when it has many (the builder calls it
 * once they are final; the index lives in arena a). */
void gql_type_index_fields(struct arena *a, struct gql_type *t);
/* The argument called name, or NULL. */
struct gql_input_value *gql_field_arg(const struct gql_field *f, const char *name, size_t len);
/* The input field called name of an INPUT_OBJECT, or NULL. */
struct gql_input_value *gql_type_input_field(const struct gql_type *t, const char *name,
                                             size_t len);
/* The enum value called name, or NULL. */
struct gql_enum_value *gql_type_enum_value(const struct gql_type *t, const char *name, size_t len);

/* [t] and t!, made once per schema and cached on t (the schema arena owns them). */
struct gql_type *gql_list_of(struct gql_schema *s, struct gql_type *t);
struct gql_type *gql_non_null_of(struct gql_schema *s, struct gql_type *t);

/* Unwrap every LIST and NON_NULL. */
struct gql_type *gql_named_type(struct gql_type *t);
/* Unwrap one NON_NULL if there is one. */
struct gql_type *gql_nullable_type(struct gql_type *t);

bool gql_type_is_input(const struct gql_type *t);     /* scalar, enum, input object (wrapped) */
bool gql_type_is_output(const struct gql_type *t);    /* anything but input object (wrapped) */
bool gql_type_is_leaf(const struct gql_type *t);      /* scalar or enum (named) */
bool gql_type_is_composite(const struct gql_type *t); /* object, interface, union */
bool gql_type_is_abstract(const struct gql_type *t);  /* interface, union */
bool gql_type_is_non_null(const struct gql_type *t);

/* True when object type obj is a possible type of abstract type abs (spec IsSubType). */
bool gql_is_possible_type(const struct gql_type *abs, const struct gql_type *obj);
/* Spec: the types are equal (same names through the same wrappers). */
bool gql_is_equal_type(const struct gql_type *a, const struct gql_type *b);
/* Spec: sub is a subtype of super (covariance for output types, AreTypesCompatible). */
bool gql_is_type_subtype_of(const struct gql_schema *s, const struct gql_type *sub,
                            const struct gql_type *super);
/* Spec: the composite types a and b may share an object type (overlap). */
bool gql_do_types_overlap(const struct gql_schema *s, const struct gql_type *a,
                          const struct gql_type *b);

/*
 * The meta fields of spec 4.1 / 4.2.1, which belong to no type's field list: the executor
 * looks them up itself (graphql-js getFieldDef). __schema and __type are valid on the query
 * root type only, __typename on every composite type. Their resolvers (field->resolve) take
 * the usual struct gql_call: __schema returns the schema as a GQL_V_PTR of type __Schema,
 * __type(name:) the named type as a GQL_V_PTR of type __Type (or null), __typename the name
 * of call->parent_type. Never NULL for a built schema.
 */
const struct gql_field *gql_introspection_schema_field(const struct gql_schema *s);
const struct gql_field *gql_introspection_type_field(const struct gql_schema *s);
const struct gql_field *gql_introspection_typename_field(const struct gql_schema *s);

/* True for __Schema, __Type ... __DirectiveLocation (named types only). */
bool gql_is_introspection_type(const struct gql_type *t);

/* Print t as GraphQL type syntax ("[Product!]!") into the arena. */
const char *gql_type_str(struct arena *a, const struct gql_type *t);

#endif
