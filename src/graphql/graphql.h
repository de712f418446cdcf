/*
 * graphql.h: the one header other modules include to use the GraphQL engine: parse a
 * document, build a schema from SDL with resolvers bound from tables, validate, execute, and
 * serialize the result. The engine depends on src/core only (no marketplace code, no JSON
 * library): it is a library another project could take. Everything a request makes lives in
 * the request arena (ctx->arena); a schema lives in its own arena for the process lifetime.
 * Reference: graphql-js src/graphql.ts (graphqlImpl), src/index.ts.
 */
#ifndef WM_GRAPHQL_GRAPHQL_H
#define WM_GRAPHQL_GRAPHQL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "graphql/language/ast.h"
#include "graphql/type/schema.h"

struct arena;
struct wm_ctx;
struct json_out;

/* ---- errors ------------------------------------------------------------------------------ */

/* One step of a response path: a field's response key, or a list index (key == NULL). */
struct gql_path {
    const struct gql_path *prev; /* toward the root; NULL at the root */
    const char *key;             /* response key, or NULL for a list index */
    int index;                   /* list index when key is NULL */
};

/* A GraphQL error as it appears in "errors": message, locations, path, extensions.code. */
struct gql_error {
    const char *message;
    struct gql_loc *locations;
    size_t nlocations;
    const char **path; /* flattened: each item a key, or a decimal index (path_is_index) */
    bool *path_is_index;
    size_t npath;
    const char *code; /* extensions.code, or NULL for none */
};

/* A list of errors, capped (validation stops at max, graphql-js "Too many validation errors"). */
struct gql_errors {
    struct gql_error *items;
    size_t count;
    size_t cap;     /* private */
    size_t max;     /* 0 = no cap */
    bool truncated; /* an error was dropped because of max */
};

/* Append an error with up to two locations (loc2 may be NULL) and no path. Arena memory. */
void gql_error_add(struct arena *a, struct gql_errors *errs, const char *code,
                   const struct gql_loc *loc1, const struct gql_loc *loc2, const char *fmt, ...)
        __attribute__((format(printf, 6, 7)));

/* Error codes the engine itself uses in extensions.code. */
#define GQL_CODE_PARSE      "GRAPHQL_PARSE_FAILED"
#define GQL_CODE_VALIDATION "GRAPHQL_VALIDATION_FAILED"
#define GQL_CODE_INPUT      "BAD_USER_INPUT"

/* ---- limits ------------------------------------------------------------------------------ */

struct gql_limits {
    size_t max_tokens; /* parse: tokens in a document (graphql-js maxTokens); 0 = none */
    size_t max_depth;  /* parse: nesting of selection sets, lists and objects; 0 = none */
    size_t max_errors; /* validation: errors before "Too many validation errors" */
};

#define GQL_DEFAULT_MAX_TOKENS 20000
#define GQL_DEFAULT_MAX_DEPTH  64
#define GQL_DEFAULT_MAX_ERRORS 100

/* ---- parsing ----------------------------------------------------------------------------- */

/*
 * Parse text (len bytes, UTF-8; it must outlive the document: names are slices of it) into a
 * document in arena a: executable definitions and type-system definitions alike (validation
 * rejects the latter in requests). On a syntax error returns WM_EINVAL, *doc = NULL, and adds
 * one error to errs worded as graphql-js ("Syntax Error: Expected Name, found <EOF>.") with its
 * line and column. Exceeding a limit is WM_ELIMIT with an error saying which. lim may be NULL:
 * the GQL_DEFAULT_* limits apply. A limit of 0 means none (with max_depth 0 the nesting, and so
 * the C stack, is unbounded: only for trusted text such as the schema's SDL).
 */
int gql_parse(struct arena *a, const char *text, size_t len, const struct gql_limits *lim,
              struct gql_document **doc, struct gql_errors *errs);

/*
 * A fingerprint of text's token stream into *out: texts that differ only in white space,
 * commas, comments or the spelling of string escapes get the same value. False when text does
 * not lex. Decoded strings go to arena a.
 */
bool gql_document_fingerprint(struct arena *a, const char *text, size_t len, uint64_t *out);

/* ---- runtime values ---------------------------------------------------------------------- */

enum gql_value_kind {
    GQL_V_UNDEFINED = 0, /* absent (an argument not given and without default) */
    GQL_V_NULL,
    GQL_V_BOOL,
    GQL_V_INT, /* 32-bit for GraphQL Int; resolvers may hold int64 ids here too */
    GQL_V_FLOAT,
    GQL_V_STRING,
    GQL_V_ENUM, /* an enum value's name */
    GQL_V_LIST,
    GQL_V_OBJECT, /* ordered key/value pairs (input objects, results, dynamic sources) */
    GQL_V_PTR,    /* a C object (a source for its type's field map) */
    GQL_V_JSON,   /* already-serialized JSON text, written as is (JSONString ...) */
};

struct gql_value;

struct gql_member {
    const char *key;
    struct gql_value *value;
};

struct gql_value {
    enum gql_value_kind kind;
    union {
        bool b;
        int64_t i;
        double f;
        struct str s; /* STRING, ENUM, JSON */
        struct {
            struct gql_value *items;
            size_t count;
        } list;
        struct {
            struct gql_member *items;
            size_t count;
        } obj;
        const void *ptr; /* PTR */
    } u;
    const struct gql_type *type; /* PTR/OBJECT sources of abstract fields: the concrete object
                                    type; NULL = the field's own (object) type */
};

/* Constructors (values in the arena where they allocate). */
struct gql_value gql_null(void);
struct gql_value gql_bool(bool b);
struct gql_value gql_int(int64_t i);
struct gql_value gql_float(double f);
struct gql_value gql_string(struct arena *a, const char *s); /* copies; NULL gives null */
struct gql_value gql_string_n(struct str s);                 /* no copy */
struct gql_value gql_enum(const char *name);                 /* no copy */
struct gql_value gql_ptr(const void *p, const struct gql_type *type);
struct gql_value gql_list(struct arena *a, size_t count); /* count items, all UNDEFINED */
struct gql_value gql_object(struct arena *a, size_t cap); /* empty, room for cap members */
/* Append key/value to an OBJECT made by gql_object() (grows in the arena). */
void gql_object_set(struct arena *a, struct gql_value *obj, const char *key,
                    struct gql_value value);
/* The member called key of an OBJECT, or NULL. */
const struct gql_value *gql_object_get(const struct gql_value *obj, const char *key);

/* ---- binding resolvers: the tables of STYLE 2.8 ------------------------------------------- */

struct gql_call;

/* How a field of a C object is read. */
enum gql_map_kind {
    GQL_MAP_KIND_INT,    /* int32_t member -> Int */
    GQL_MAP_KIND_INT64,  /* int64_t member -> Int (must fit) or Float */
    GQL_MAP_KIND_BOOL,   /* bool member */
    GQL_MAP_KIND_DOUBLE, /* double member -> Float */
    GQL_MAP_KIND_STR,    /* const char * member (NULL -> null) */
    GQL_MAP_KIND_ID,     /* int64_t member -> ID as a decimal string */
    GQL_MAP_KIND_FN,     /* computed by fn */
};

struct gql_field_map {
    const char *name; /* the field */
    enum gql_map_kind kind;
    size_t offset;      /* offsetof(struct, member) */
    gql_resolve_fn *fn; /* GQL_MAP_KIND_FN */
};

#define GQL_MAP_INT(n, T, m)                        \
    {                                               \
        (n), GQL_MAP_KIND_INT, offsetof(T, m), NULL \
    }
#define GQL_MAP_INT64(n, T, m)                        \
    {                                                 \
        (n), GQL_MAP_KIND_INT64, offsetof(T, m), NULL \
    }
#define GQL_MAP_BOOL(n, T, m)                        \
    {                                                \
        (n), GQL_MAP_KIND_BOOL, offsetof(T, m), NULL \
    }
#define GQL_MAP_DOUBLE(n, T, m)                        \
    {                                                  \
        (n), GQL_MAP_KIND_DOUBLE, offsetof(T, m), NULL \
    }
#define GQL_MAP_STR(n, T, m)                        \
    {                                               \
        (n), GQL_MAP_KIND_STR, offsetof(T, m), NULL \
    }
#define GQL_MAP_ID(n, T, m)                        \
    {                                              \
        (n), GQL_MAP_KIND_ID, offsetof(T, m), NULL \
    }
#define GQL_MAP_FN(n, f)             \
    {                                \
        (n), GQL_MAP_KIND_FN, 0, (f) \
    }
#define GQL_MAP_END                    \
    {                                  \
        NULL, GQL_MAP_KIND_FN, 0, NULL \
    }

/*
 * One object type's binding. fields == NULL declares a dynamic type: its sources are
 * GQL_V_OBJECT values and fields are read by response name (payload types built in code).
 * Otherwise every field of the type must have a row, and every row a field (checked at build).
 */
struct gql_type_map {
    const char *type;
    const struct gql_field_map *fields; /* ends with GQL_MAP_END */
};

/* One root field (Query/Mutation/Subscription) and its resolver. */
struct gql_root_field {
    const char *type; /* "Query", "Mutation", "Subscription" */
    const char *field;
    gql_resolve_fn *resolve;
    unsigned flags; /* the surface's own meaning (auth ...); kept on the field */
};

/*
 * The value of an Upload scalar: a GQL_V_PTR to this, put in place of the variable's null by
 * the surface that parsed a multipart request (src/api), so resolvers read the file without
 * knowing the HTTP layer. Everything lives in the request arena.
 */
struct gql_upload {
    const char *filename;     /* the client's file name (never a safe path); may be "" */
    const char *content_type; /* the part's Content-Type as sent */
    struct str data;          /* the bytes (binary) */
};

/*
 * Build a schema from SDL (len bytes, copied) plus the built-in scalars (Int Float String
 * Boolean ID, and DateTime Date JSONString GenericScalar Upload when the SDL declares them),
 * the specified directives and the introspection types; then bind roots and maps. Fails,
 * naming the culprit in err ("Query.myCart has no resolver", "root table names Query.nope,
 * which the schema does not define", "Product.price is Int but its map reads a string"),
 * when the SDL is invalid, a root field has no row, a row names no field, an object type
 * (other than the introspection types) has no map, or a map disagrees with its type.
 * Returns WM_OK or WM_EINVAL; *out is then NULL.
 */
int gql_schema_build(struct gql_schema **out, const char *sdl, size_t len,
                     const struct gql_root_field *roots, size_t nroots,
                     const struct gql_type_map *maps, size_t nmaps, char *err, size_t errlen);
void gql_schema_free(struct gql_schema *s);

/* ---- validation -------------------------------------------------------------------------- */

/* Validate doc against s with every rule of spec section 5 (graphql-js specifiedRules), in
 * graphql-js's order; errors (code GRAPHQL_VALIDATION_FAILED) go to errs, capped at
 * lim->max_errors. Returns WM_OK when there are none, WM_EINVAL otherwise. */
int gql_validate(struct arena *a, const struct gql_schema *s, const struct gql_document *doc,
                 const struct gql_limits *lim, struct gql_errors *errs);

/* ---- execution --------------------------------------------------------------------------- */

/* What a resolver receives. */
struct gql_call {
    struct wm_ctx *ctx; /* request context: arena, db, viewer (ctx->user) */
    const struct gql_schema *schema;
    const struct gql_type *parent_type; /* the object type whose field this is */
    const struct gql_value *source;     /* the parent object (NULL at the root) */
    const struct gql_field *field;      /* the field's definition */
    const struct gql_selection *node;   /* the field in the document (first of merged ones) */
    const struct gql_path *path;        /* the response path of this field */
    struct gql_value args;              /* OBJECT of coerced arguments (defaults applied) */
    void *exec;                         /* private: the executor */
};

/* The argument called name: NULL when it was not given and has no default; a GQL_V_NULL value
 * when given as null. */
const struct gql_value *gql_arg(const struct gql_call *call, const char *name);

/* Hooks the surface provides around each root field of a mutation (spec: serial execution;
 * the house rule: each in its own transaction). begin runs before the resolver; end gets its
 * result code and returns the code to keep (a failed commit turns success into an error). */
struct gql_exec_hooks {
    int (*mutation_begin)(struct wm_ctx *ctx);
    int (*mutation_end)(struct wm_ctx *ctx, int rc);
};

/* The result of an execution: data (absent when has_data is false) and errors. */
struct gql_result {
    bool has_data;
    struct gql_value data; /* OBJECT or NULL */
    struct gql_errors errors;
};

/*
 * Execute an already validated doc: pick the operation (op_name, or the only one), coerce
 * variables (an OBJECT value, or NULL for none) against its variable definitions, and run it
 * (queries and mutations serially, mutations with hooks). Request errors (unknown operation,
 * bad variables) give a result without data. Field errors follow graphql-js's null
 * propagation. Never fails: everything goes into *out.
 */
void gql_execute(struct wm_ctx *ctx, const struct gql_schema *s, const struct gql_document *doc,
                 const char *op_name, const struct gql_value *variables,
                 const struct gql_exec_hooks *hooks, struct gql_result *out);

/* Write the result as graphql-js's JSON.stringify(result) does: {"errors":[...],"data":...}
 * when there are errors ({"errors":[...]} alone after a request error), else {"data":...}. */
void gql_result_write(const struct gql_result *r, struct json_out *j);

/* Write one value as JSON (leaf values already serialized by their scalar). */
void gql_value_write(const struct gql_value *v, struct json_out *j);

#endif
