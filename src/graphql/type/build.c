/*
 * build.c: a schema from SDL, then resolvers bound from the tables of STYLE 2.8. The built-in
 * part (the specified scalars and directives, and the introspection types) is SDL too, parsed
 * before the caller's and built by the same code. The steps follow graphql-js: collect the
 * definitions and extensions (extendSchemaImpl), make every named type, fill in fields,
 * arguments, values and members with type references resolved, pick the root types, check
 * the SDL rules that apply to a schema document and then validateSchema, list the types in
 * graphql-js's order and print the defaults as its introspection does, and finally bind:
 * every root field to its resolver row and every other object type to its field map. All of
 * the schema lives in its own arena; a failed build frees it and says why in err (every
 * problem found, one a line, each SDL one with its line and column).
 * Reference: graphql-js src/utilities/buildASTSchema.ts, src/utilities/extendSchema.ts,
 * src/type/validate.ts, src/type/directives.ts, src/type/introspection.ts, and the SDL rules
 * of src/validation/specifiedRules.ts (specifiedSDLRules).
 */
#include "graphql/graphql.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "graphql/type/introspection.h"
#include "graphql/type/scalars.h"

/*
 * The built-in types and directives, as graphql-js defines them (descriptions included, since
 * introspection shows them). The introspection types follow graphql-js v16 field by field.
 */
static const char builtin_sdl[] =
        "\"The `String` scalar type represents textual data, represented as UTF-8 character "
        "sequences. The String type is most often used by GraphQL to represent free-form "
        "human-readable text.\"\n"
        "scalar String\n"
        "\"The `Int` scalar type represents non-fractional signed whole numeric values. Int can "
        "represent values between -(2^31) and 2^31 - 1.\"\n"
        "scalar Int\n"
        "\"The `Float` scalar type represents signed double-precision fractional values as "
        "specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).\"\n"
        "scalar Float\n"
        "\"The `Boolean` scalar type represents `true` or `false`.\"\n"
        "scalar Boolean\n"
        "\"The `ID` scalar type represents a unique identifier, often used to refetch an object "
        "or as key for a cache. The ID type appears in a JSON response as a String; however, it "
        "is not intended to be human-readable. When expected as an input type, any string (such "
        "as `\\\"4\\\"`) or integer (such as `4`) input value will be accepted as an ID.\"\n"
        "scalar ID\n"
        "\n"
        "\"Directs the executor to include this field or fragment only when the `if` argument "
        "is true.\"\n"
        "directive @include(\"Included when true.\" if: Boolean!)"
        " on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT\n"
        "\"Directs the executor to skip this field or fragment when the `if` argument is true.\"\n"
        "directive @skip(\"Skipped when true.\" if: Boolean!)"
        " on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT\n"
        "\"Marks an element of a GraphQL schema as no longer supported.\"\n"
        "directive @deprecated(\n"
        "  \"Explains why this element was deprecated, usually also including a suggestion for "
        "how to access supported similar data. Formatted using the Markdown syntax, as "
        "specified by [CommonMark](https://commonmark.org/).\"\n"
        "  reason: String = \"No longer supported\"\n"
        ") on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE\n"
        "\"Exposes a URL that specifies the behavior of this scalar.\"\n"
        "directive @specifiedBy(\"The URL that specifies the behavior of this scalar.\" url: "
        "String!) on SCALAR\n"
        "\n"
        "\"A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all "
        "available types and directives on the server, as well as the entry points for query, "
        "mutation, and subscription operations.\"\n"
        "type __Schema {\n"
        "  description: String\n"
        "  \"A list of all types supported by this server.\"\n"
        "  types: [__Type!]!\n"
        "  \"The type that query operations will be rooted at.\"\n"
        "  queryType: __Type!\n"
        "  \"If this server supports mutation, the type that mutation operations will be rooted "
        "at.\"\n"
        "  mutationType: __Type\n"
        "  \"If this server support subscription, the type that subscription operations will be "
        "rooted at.\"\n"
        "  subscriptionType: __Type\n"
        "  \"A list of all directives supported by this server.\"\n"
        "  directives: [__Directive!]!\n"
        "}\n"
        "\"The fundamental unit of any GraphQL Schema is the type. There are many kinds of types "
        "in GraphQL as represented by the `__TypeKind` enum.\\n\\nDepending on the kind of a "
        "type, certain fields describe information about that type. Scalar types provide no "
        "information beyond a name, description and optional `specifiedByURL`, while Enum "
        "types provide their values. Object and Interface types provide the fields they "
        "describe. Abstract types, Union and Interface, provide the Object types possible at "
        "runtime. List and NonNull types compose other types.\"\n"
        "type __Type {\n"
        "  kind: __TypeKind!\n"
        "  name: String\n"
        "  description: String\n"
        "  specifiedByURL: String\n"
        "  fields(includeDeprecated: Boolean = false): [__Field!]\n"
        "  interfaces: [__Type!]\n"
        "  possibleTypes: [__Type!]\n"
        "  enumValues(includeDeprecated: Boolean = false): [__EnumValue!]\n"
        "  inputFields(includeDeprecated: Boolean = false): [__InputValue!]\n"
        "  ofType: __Type\n"
        "}\n"
        "\"An enum describing what kind of type a given `__Type` is.\"\n"
        "enum __TypeKind {\n"
        "  \"Indicates this type is a scalar.\"\n"
        "  SCALAR\n"
        "  \"Indicates this type is an object. `fields` and `interfaces` are valid fields.\"\n"
        "  OBJECT\n"
        "  \"Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` "
        "are valid fields.\"\n"
        "  INTERFACE\n"
        "  \"Indicates this type is a union. `possibleTypes` is a valid field.\"\n"
        "  UNION\n"
        "  \"Indicates this type is an enum. `enumValues` is a valid field.\"\n"
        "  ENUM\n"
        "  \"Indicates this type is an input object. `inputFields` is a valid field.\"\n"
        "  INPUT_OBJECT\n"
        "  \"Indicates this type is a list. `ofType` is a valid field.\"\n"
        "  LIST\n"
        "  \"Indicates this type is a non-null. `ofType` is a valid field.\"\n"
        "  NON_NULL\n"
        "}\n"
        "\"Object and Interface types are described by a list of Fields, each of which has a "
        "name, potentially a list of arguments, and a return type.\"\n"
        "type __Field {\n"
        "  name: String!\n"
        "  description: String\n"
        "  args(includeDeprecated: Boolean = false): [__InputValue!]!\n"
        "  type: __Type!\n"
        "  isDeprecated: Boolean!\n"
        "  deprecationReason: String\n"
        "}\n"
        "\"Arguments provided to Fields or Directives and the input fields of an InputObject are "
        "represented as Input Values which describe their type and optionally a default "
        "value.\"\n"
        "type __InputValue {\n"
        "  name: String!\n"
        "  description: String\n"
        "  type: __Type!\n"
        "  \"A GraphQL-formatted string representing the default value for this input value.\"\n"
        "  defaultValue: String\n"
        "  isDeprecated: Boolean!\n"
        "  deprecationReason: String\n"
        "}\n"
        "\"One possible value for a given Enum. Enum values are unique values, not a placeholder "
        "for a string or numeric value. However an Enum value is returned in a JSON response as "
        "a string.\"\n"
        "type __EnumValue {\n"
        "  name: String!\n"
        "  description: String\n"
        "  isDeprecated: Boolean!\n"
        "  deprecationReason: String\n"
        "}\n"
        "\"A Directive provides a way to describe alternate runtime execution and type "
        "validation behavior in a GraphQL document.\\n\\nIn some cases, you need to provide "
        "options to alter GraphQL's execution behavior in ways field arguments will not "
        "suffice, such as conditionally including or skipping a field. Directives provide this "
        "by describing additional information to the executor.\"\n"
        "type __Directive {\n"
        "  name: String!\n"
        "  description: String\n"
        "  isRepeatable: Boolean!\n"
        "  locations: [__DirectiveLocation!]!\n"
        "  args(includeDeprecated: Boolean = false): [__InputValue!]!\n"
        "}\n"
        "\"A Directive can be adjacent to many parts of the GraphQL language, a "
        "__DirectiveLocation describes one such possible adjacencies.\"\n"
        "enum __DirectiveLocation {\n"
        "  \"Location adjacent to a query operation.\"\n"
        "  QUERY\n"
        "  \"Location adjacent to a mutation operation.\"\n"
        "  MUTATION\n"
        "  \"Location adjacent to a subscription operation.\"\n"
        "  SUBSCRIPTION\n"
        "  \"Location adjacent to a field.\"\n"
        "  FIELD\n"
        "  \"Location adjacent to a fragment definition.\"\n"
        "  FRAGMENT_DEFINITION\n"
        "  \"Location adjacent to a fragment spread.\"\n"
        "  FRAGMENT_SPREAD\n"
        "  \"Location adjacent to an inline fragment.\"\n"
        "  INLINE_FRAGMENT\n"
        "  \"Location adjacent to a variable definition.\"\n"
        "  VARIABLE_DEFINITION\n"
        "  \"Location adjacent to a schema definition.\"\n"
        "  SCHEMA\n"
        "  \"Location adjacent to a scalar definition.\"\n"
        "  SCALAR\n"
        "  \"Location adjacent to an object type definition.\"\n"
        "  OBJECT\n"
        "  \"Location adjacent to a field definition.\"\n"
        "  FIELD_DEFINITION\n"
        "  \"Location adjacent to an argument definition.\"\n"
        "  ARGUMENT_DEFINITION\n"
        "  \"Location adjacent to an interface definition.\"\n"
        "  INTERFACE\n"
        "  \"Location adjacent to a union definition.\"\n"
        "  UNION\n"
        "  \"Location adjacent to an enum definition.\"\n"
        "  ENUM\n"
        "  \"Location adjacent to an enum value definition.\"\n"
        "  ENUM_VALUE\n"
        "  \"Location adjacent to an input object type definition.\"\n"
        "  INPUT_OBJECT\n"
        "  \"Location adjacent to an input object field definition.\"\n"
        "  INPUT_FIELD_DEFINITION\n"
        "}\n";

/* Parse limits for SDL: the text is ours (compiled in), so only a depth guard. */
#define SDL_MAX_DEPTH 1000

/* One named type while building. */
struct entry {
    const char *name;
    struct gql_type *type; /* NULL for a duplicate definition (reported) */
    const struct gql_type_def *def;
    const struct gql_type_def **exts; /* extensions, in source order */
    size_t nexts;
    size_t cap_exts;
    size_t order; /* position in source order */
    bool builtin; /* from builtin_sdl */
};

struct directive_src {
    const struct gql_directive_def *def;
    bool builtin;
};

struct builder {
    struct gql_schema *s;
    struct arena *a;   /* the schema arena */
    struct arena *tmp; /* scratch, freed when the build ends */
    struct buf errors; /* messages, one a line (in tmp) */
    size_t nerrors;
    struct entry *entries; /* sorted by name once collected */
    size_t nentries;
    size_t cap_entries;
    const struct gql_type_def **exts;
    size_t nexts;
    size_t cap_exts;
    const struct gql_schema_def *schema_def;
    const struct gql_schema_def **schema_exts;
    size_t nschema_exts;
    size_t cap_schema_exts;
    struct directive_src *dirs;
    size_t ndirs;
    size_t cap_dirs;
    struct gql_type **by_order; /* the named types in source order */
    size_t nby_order;
    const char **config_names; /* the caller's type definitions in source order (graphql-js
                                  config.types), specified scalars declared again included */
    size_t nconfig;
    size_t cap_config;
};

/* ---- small helpers ----------------------------------------------------------------------- */

static void *vec_grow(struct arena *a, void *items, size_t count, size_t *cap, size_t size)
{
    size_t ncap = *cap ? *cap * 2 : 8;
    void *n = arena_zalloc_array(a, ncap, size);
    if (count) memcpy(n, items, count * size);
    *cap = ncap;
    return n;
}

/* Make room for one more item in a growing array (the items may be pointers, so their size
 * is a pointer's: hence the NOLINT). */
/* clang-format off */
#define VEC_PUSH(a, items, n, cap)                                                                 \
    do {                                                                                           \
        if ((n) == (cap))                                                                          \
            (items) = vec_grow((a), (items), (n), &(cap),                                          \
                               sizeof(*(items))); /* NOLINT(bugprone-sizeof-expression) */         \
    } while (0)
/* clang-format on */

/* Record an error (loc may be NULL). Messages are graphql-js's where one exists. */
static void errorf(struct builder *b, const struct gql_loc *loc, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
static void errorf(struct builder *b, const struct gql_loc *loc, const char *fmt, ...)
{
    if (b->nerrors) buf_appendc(&b->errors, '\n');
    va_list ap;
    va_list ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    size_t size = (size_t)(n > 0 ? n : 0) + 1;
    char *msg = arena_alloc(b->tmp, size);
    (void)vsnprintf(msg, size, fmt, ap);
    va_end(ap);
    buf_appends(&b->errors, msg);
    if (loc && loc->line) buf_appendf(&b->errors, " (line %u, column %u)", loc->line, loc->column);
    b->nerrors++;
}

static char *dup_str(struct builder *b, struct str s)
{
    return str_dup(b->a, s);
}

static const char *description(struct builder *b, struct str d)
{
    return d.ptr ? dup_str(b, d) : NULL;
}

static const char *type_str(struct builder *b, const struct gql_type *t)
{
    return gql_type_str(b->tmp, t);
}

static bool name_eq(const char *a, struct str b)
{
    return str_eq_cstr(b, a);
}

/* ---- collecting definitions -------------------------------------------------------------- */

static enum gql_type_kind kind_of_def(enum gql_kind k)
{
    switch (k) {
    case GQL_SCALAR_TYPE_DEFINITION:
    case GQL_SCALAR_TYPE_EXTENSION:
        return GQL_TYPE_SCALAR;
    case GQL_OBJECT_TYPE_DEFINITION:
    case GQL_OBJECT_TYPE_EXTENSION:
        return GQL_TYPE_OBJECT;
    case GQL_INTERFACE_TYPE_DEFINITION:
    case GQL_INTERFACE_TYPE_EXTENSION:
        return GQL_TYPE_INTERFACE;
    case GQL_UNION_TYPE_DEFINITION:
    case GQL_UNION_TYPE_EXTENSION:
        return GQL_TYPE_UNION;
    case GQL_ENUM_TYPE_DEFINITION:
    case GQL_ENUM_TYPE_EXTENSION:
        return GQL_TYPE_ENUM;
    default:
        return GQL_TYPE_INPUT_OBJECT;
    }
}

/* "object", "input object" ...: graphql-js extensionKindToTypeName. */
static const char *kind_word(enum gql_type_kind k)
{
    switch (k) {
    case GQL_TYPE_SCALAR:
        return "scalar";
    case GQL_TYPE_OBJECT:
        return "object";
    case GQL_TYPE_INTERFACE:
        return "interface";
    case GQL_TYPE_UNION:
        return "union";
    case GQL_TYPE_ENUM:
        return "enum";
    default:
        return "input object";
    }
}

static void collect(struct builder *b, const struct gql_document *doc, bool builtin)
{
    for (size_t i = 0; i < doc->definitions.count; i++) {
        const struct gql_node *n = doc->definitions.items[i];
        switch (n->kind) {
        case GQL_SCALAR_TYPE_DEFINITION:
        case GQL_OBJECT_TYPE_DEFINITION:
        case GQL_INTERFACE_TYPE_DEFINITION:
        case GQL_UNION_TYPE_DEFINITION:
        case GQL_ENUM_TYPE_DEFINITION:
        case GQL_INPUT_OBJECT_TYPE_DEFINITION: {
            const struct gql_type_def *d = (const struct gql_type_def *)n;
            char *name = str_dup(b->tmp, d->name);
            if (!builtin) {
                VEC_PUSH(b->tmp, b->config_names, b->nconfig, b->cap_config);
                b->config_names[b->nconfig++] = name;
            }
            if (!builtin && gql_is_specified_scalar(name)) {
                /* graphql-js keeps its own String etc. when an SDL declares them again. */
                if (n->kind != GQL_SCALAR_TYPE_DEFINITION)
                    errorf(b, &n->loc,
                           "Type \"%s\" already exists in the schema. It cannot also be defined "
                           "in this type definition.",
                           name);
                break;
            }
            VEC_PUSH(b->tmp, b->entries, b->nentries, b->cap_entries);
            size_t at = b->nentries++;
            b->entries[at] =
                    (struct entry){ .name = name, .def = d, .order = at, .builtin = builtin };
            break;
        }
        case GQL_SCALAR_TYPE_EXTENSION:
        case GQL_OBJECT_TYPE_EXTENSION:
        case GQL_INTERFACE_TYPE_EXTENSION:
        case GQL_UNION_TYPE_EXTENSION:
        case GQL_ENUM_TYPE_EXTENSION:
        case GQL_INPUT_OBJECT_TYPE_EXTENSION:
            VEC_PUSH(b->tmp, b->exts, b->nexts, b->cap_exts);
            b->exts[b->nexts++] = (const struct gql_type_def *)n;
            break;
        case GQL_SCHEMA_DEFINITION:
            if (b->schema_def)
                errorf(b, &n->loc, "Must provide only one schema definition.");
            else
                b->schema_def = (const struct gql_schema_def *)n;
            break;
        case GQL_SCHEMA_EXTENSION:
            VEC_PUSH(b->tmp, b->schema_exts, b->nschema_exts, b->cap_schema_exts);
            b->schema_exts[b->nschema_exts++] = (const struct gql_schema_def *)n;
            break;
        case GQL_DIRECTIVE_DEFINITION:
            VEC_PUSH(b->tmp, b->dirs, b->ndirs, b->cap_dirs);
            b->dirs[b->ndirs++] =
                    (struct directive_src){ (const struct gql_directive_def *)n, builtin };
            break;
        default:
            errorf(b, &n->loc, "A schema cannot contain operations or fragments (found %s).",
                   gql_kind_name(n->kind));
            break;
        }
    }
}

/* ---- making the named types -------------------------------------------------------------- */

static int entry_cmp(const void *x, const void *y)
{
    const struct entry *a = x;
    const struct entry *b = y;
    int c = strcmp(a->name, b->name);
    if (c) return c;
    return a->order < b->order ? -1 : a->order > b->order;
}

static struct entry *find_entry(struct builder *b, struct str name)
{
    size_t lo = 0;
    size_t hi = b->nentries;
    char *key = str_dup(b->tmp, name);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(key, b->entries[mid].name);
        if (c == 0) {
            while (mid > 0 && strcmp(b->entries[mid - 1].name, key) == 0)
                mid--;
            return &b->entries[mid];
        }
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* Sort the entries by name, report duplicates, and make one gql_type per name. */
static void make_types(struct builder *b)
{
    struct gql_schema *s = b->s;
    if (b->nentries) qsort(b->entries, b->nentries, sizeof(b->entries[0]), entry_cmp);
    s->types = ARENA_ARRAY(b->a, struct gql_type *, b->nentries);
    b->by_order = ARENA_ARRAY(b->tmp, struct gql_type *, b->nentries);
    for (size_t i = 0; i < b->nentries; i++) {
        struct entry *e = &b->entries[i];
        if (i > 0 && strcmp(b->entries[i - 1].name, e->name) == 0) {
            errorf(b, &e->def->node.loc, "There can be only one type named \"%s\".", e->name);
            continue;
        }
        struct gql_type *t = ARENA_NEW(b->a, struct gql_type);
        t->kind = kind_of_def(e->def->node.kind);
        t->name = arena_strdup(b->a, e->name);
        t->description = description(b, e->def->description);
        if (t->kind == GQL_TYPE_SCALAR) t->scalar = gql_scalar_ops_for(t->name);
        e->type = t;
        s->types[s->ntypes++] = t;
    }
    /* The types in source order (built-ins first): possible types and validation use it. */
    struct entry **ordered = ARENA_ARRAY(b->tmp, struct entry *, b->nentries);
    for (size_t i = 0; i < b->nentries; i++)
        ordered[b->entries[i].order] = &b->entries[i];
    for (size_t i = 0; i < b->nentries; i++)
        if (ordered[i] && ordered[i]->type) b->by_order[b->nby_order++] = ordered[i]->type;
}

static void attach_extensions(struct builder *b)
{
    for (size_t i = 0; i < b->nexts; i++) {
        const struct gql_type_def *x = b->exts[i];
        struct entry *e = find_entry(b, x->name);
        if (!e || !e->type) {
            errorf(b, &x->node.loc, "Cannot extend type \"%.*s\" because it is not defined.",
                   STR_FMT(x->name));
            continue;
        }
        if (e->type->kind != kind_of_def(x->node.kind)) {
            errorf(b, &x->node.loc, "Cannot extend non-%s type \"%s\".",
                   kind_word(kind_of_def(x->node.kind)), e->name);
            continue;
        }
        VEC_PUSH(b->tmp, e->exts, e->nexts, e->cap_exts);
        e->exts[e->nexts++] = x;
    }
}

/* The type a reference names, wrappers made in the schema; NULL (reported) when unknown. */
static struct gql_type *resolve_ref(struct builder *b, const struct gql_type_ref *r)
{
    struct gql_type *inner;
    switch (r->node.kind) {
    case GQL_NAMED_TYPE:
        inner = gql_schema_type(b->s, r->name.ptr, r->name.len);
        if (!inner) errorf(b, &r->node.loc, "Unknown type \"%.*s\".", STR_FMT(r->name));
        return inner;
    case GQL_LIST_TYPE:
        inner = resolve_ref(b, r->of);
        return inner ? gql_list_of(b->s, inner) : NULL;
    case GQL_NON_NULL_TYPE:
        inner = resolve_ref(b, r->of);
        if (inner && inner->kind == GQL_TYPE_NON_NULL) return inner; /* the parser forbids T!! */
        return inner ? gql_non_null_of(b->s, inner) : NULL;
    default:
        errorf(b, &r->node.loc, "Expected a type reference, found %s.",
               gql_kind_name(r->node.kind));
        return NULL;
    }
}

/* ---- literals: default values and directive arguments ------------------------------------ */

static bool check_literal(struct builder *b, const struct gql_type *t,
                          const struct gql_ast_value *v, struct buf *why);

/* check_literal for an input object type t: fields known, once each, required ones given. */
static bool check_object_literal(struct builder *b, const struct gql_type *t,
                                 const struct gql_ast_value *v, struct buf *why)
{
    if (v->node.kind != GQL_OBJECT_VALUE) {
        buf_appendf(why, "Expected value of type \"%s\", found %s.", t->name,
                    gql_print_value(b->tmp, v));
        return false;
    }
    for (size_t i = 0; i < v->fields.count; i++) {
        const struct gql_object_field *f = v->fields.items[i];
        for (size_t j = 0; j < i; j++) {
            if (str_eq(v->fields.items[j]->name, f->name)) {
                buf_appendf(why, "There can be only one input field named \"%.*s\".",
                            STR_FMT(f->name));
                return false;
            }
        }
        const struct gql_input_value *def = gql_type_input_field(t, f->name.ptr, f->name.len);
        if (!def) {
            buf_appendf(why, "Field \"%.*s\" is not defined by type \"%s\".", STR_FMT(f->name),
                        t->name);
            return false;
        }
        if (!check_literal(b, def->type, f->value, why)) return false;
    }
    for (size_t k = 0; k < t->ninput_fields; k++) {
        const struct gql_input_value *def = &t->input_fields[k];
        if (def->type->kind != GQL_TYPE_NON_NULL || def->default_value) continue;
        bool given = false;
        for (size_t i = 0; i < v->fields.count && !given; i++)
            given = name_eq(def->name, v->fields.items[i]->name);
        if (!given) {
            buf_appendf(why, "Field \"%s.%s\" of required type \"%s\" was not provided.", t->name,
                        def->name, type_str(b, def->type));
            return false;
        }
    }
    return true;
}

/*
 * Whether literal v is valid for input type t (spec 5.6.1, as ValuesOfCorrectTypeRule checks
 * it, without variables: SDL values are constant). On failure, why gets the reason.
 */
static bool check_literal(struct builder *b, const struct gql_type *t,
                          const struct gql_ast_value *v, struct buf *why)
{
    if (v->node.kind == GQL_VARIABLE) {
        buf_appendf(why, "Unexpected variable \"$%.*s\" in constant value.", STR_FMT(v->str));
        return false;
    }
    if (t->kind == GQL_TYPE_NON_NULL) {
        if (v->node.kind == GQL_NULL_VALUE) {
            buf_appendf(why, "Expected value of type \"%s\", found null.", type_str(b, t));
            return false;
        }
        return check_literal(b, t->of_type, v, why);
    }
    if (v->node.kind == GQL_NULL_VALUE) return true;
    if (t->kind == GQL_TYPE_LIST) {
        if (v->node.kind != GQL_LIST_VALUE) return check_literal(b, t->of_type, v, why);
        for (size_t i = 0; i < v->list.count; i++)
            if (!check_literal(b, t->of_type, v->list.items[i], why)) return false;
        return true;
    }
    if (t->kind == GQL_TYPE_INPUT_OBJECT) return check_object_literal(b, t, v, why);
    if (t->kind == GQL_TYPE_ENUM) {
        if (v->node.kind != GQL_ENUM_VALUE) {
            buf_appendf(why, "Enum \"%s\" cannot represent non-enum value: %s.", t->name,
                        gql_print_value(b->tmp, v));
            return false;
        }
        if (!gql_type_enum_value(t, v->str.ptr, v->str.len)) {
            buf_appendf(why, "Value \"%.*s\" does not exist in \"%s\" enum.", STR_FMT(v->str),
                        t->name);
            return false;
        }
        return true;
    }
    assert(t->kind == GQL_TYPE_SCALAR);
    struct gql_value out;
    const char *err = NULL;
    if (t->scalar->parse_literal(b->tmp, v, NULL, &out, &err) != WM_OK) {
        buf_appendf(why, "Expected value of type \"%s\", found %s; %s", t->name,
                    gql_print_value(b->tmp, v), err ? err : "invalid value");
        return false;
    }
    return true;
}

/* ---- directives used in the SDL ---------------------------------------------------------- */

static const struct gql_directive *find_use(const gql_directives *ds, const char *name)
{
    for (size_t i = 0; i < ds->count; i++)
        if (name_eq(name, ds->items[i]->name)) return ds->items[i];
    return NULL;
}

static const struct gql_argument *find_arg(const struct gql_directive *d, const char *name)
{
    for (size_t i = 0; i < d->args.count; i++)
        if (name_eq(name, d->args.items[i]->name)) return d->args.items[i];
    return NULL;
}

/*
 * Check the directives used at one location of the SDL (graphql-js KnownDirectivesRule,
 * UniqueDirectivesPerLocationRule, KnownArgumentNamesOnDirectivesRule,
 * ProvidedRequiredArgumentsOnDirectivesRule, UniqueArgumentNamesRule, and the values).
 */
static void check_directive_uses(struct builder *b, const gql_directives *ds, unsigned loc_bit)
{
    for (size_t i = 0; i < ds->count; i++) {
        const struct gql_directive *d = ds->items[i];
        const struct gql_directive_type *dt = gql_schema_directive(b->s, d->name.ptr, d->name.len);
        if (!dt) {
            errorf(b, &d->node.loc, "Unknown directive \"@%.*s\".", STR_FMT(d->name));
            continue;
        }
        if (!(dt->locations & (1u << loc_bit)))
            errorf(b, &d->node.loc, "Directive \"@%s\" may not be used on %s.", dt->name,
                   gql_directive_location_name(loc_bit));
        if (!dt->repeatable) {
            for (size_t j = 0; j < i; j++) {
                if (str_eq(ds->items[j]->name, d->name)) {
                    errorf(b, &d->node.loc,
                           "The directive \"@%s\" can only be used once at this location.",
                           dt->name);
                    break;
                }
            }
        }
        for (size_t k = 0; k < d->args.count; k++) {
            const struct gql_argument *arg = d->args.items[k];
            bool dup = false;
            for (size_t j = 0; j < k && !dup; j++)
                dup = str_eq(d->args.items[j]->name, arg->name);
            if (dup) {
                errorf(b, &arg->node.loc, "There can be only one argument named \"%.*s\".",
                       STR_FMT(arg->name));
                continue;
            }
            bool known = false;
            for (size_t j = 0; j < dt->nargs && !known; j++) {
                if (!name_eq(dt->args[j].name, arg->name)) continue;
                known = true;
                struct buf why = BUF_INIT(b->tmp);
                if (!check_literal(b, dt->args[j].type, arg->value, &why))
                    errorf(b, &arg->node.loc, "Argument \"@%s(%s:)\" has invalid value: %s",
                           dt->name, dt->args[j].name, why.ptr);
            }
            if (!known)
                errorf(b, &arg->node.loc, "Unknown argument \"%.*s\" on directive \"@%s\".",
                       STR_FMT(arg->name), dt->name);
        }
        for (size_t j = 0; j < dt->nargs; j++) {
            const struct gql_input_value *def = &dt->args[j];
            if (def->type->kind == GQL_TYPE_NON_NULL && !def->default_value &&
                !find_arg(d, def->name))
                errorf(b, &d->node.loc,
                       "Directive \"@%s\" argument \"%s\" of type \"%s\" is required, but it was "
                       "not provided.",
                       dt->name, def->name, type_str(b, def->type));
        }
    }
}

/* @deprecated(reason:) at ds: sets *deprecated and returns the reason (graphql-js
 * getDeprecationReason: an explicit null reason means not deprecated). */
static const char *deprecation(struct builder *b, const gql_directives *ds, bool *deprecated)
{
    *deprecated = false;
    const struct gql_directive *d = find_use(ds, "deprecated");
    if (!d) return NULL;
    const struct gql_argument *arg = find_arg(d, "reason");
    if (arg) {
        if (arg->value->node.kind != GQL_STRING_VALUE) return NULL; /* null (or reported) */
        *deprecated = true;
        return dup_str(b, arg->value->str);
    }
    const struct gql_directive_type *dt = gql_schema_directive(b->s, "deprecated", 10);
    *deprecated = true;
    if (dt) {
        for (size_t i = 0; i < dt->nargs; i++) {
            if (strcmp(dt->args[i].name, "reason") == 0 && dt->args[i].default_value &&
                dt->args[i].default_value->node.kind == GQL_STRING_VALUE)
                return dup_str(b, dt->args[i].default_value->str);
        }
    }
    return "No longer supported";
}

/* ---- filling the types ------------------------------------------------------------------- */

/* An argument, input field or directive argument (its directives are checked later). */
static void build_input_value(struct builder *b, const struct gql_input_value_def *d,
                              struct gql_input_value *out)
{
    out->name = dup_str(b, d->name);
    out->description = description(b, d->description);
    out->type = resolve_ref(b, d->type);
    out->default_value = d->default_value; /* default_text: once the schema is valid */
    out->deprecation_reason = deprecation(b, &d->directives, &out->deprecated);
}

/* The arguments of a field or directive; owner is "Type.field" or "@name". */
static struct gql_input_value *build_args(struct builder *b, const gql_input_value_defs *defs,
                                          const char *owner, size_t *n)
{
    *n = 0;
    if (defs->count == 0) return NULL;
    struct gql_input_value *args = ARENA_ARRAY(b->a, struct gql_input_value, defs->count);
    for (size_t i = 0; i < defs->count; i++) {
        const struct gql_input_value_def *d = defs->items[i];
        bool dup = false;
        for (size_t j = 0; j < *n && !dup; j++)
            dup = name_eq(args[j].name, d->name);
        if (dup) {
            errorf(b, &d->node.loc, "Argument \"%s(%.*s:)\" can only be defined once.", owner,
                   STR_FMT(d->name));
            continue;
        }
        build_input_value(b, d, &args[(*n)++]);
    }
    return args;
}

/* The defining node followed by its extensions, as one sequence. */
static const struct gql_type_def *part(const struct entry *e, size_t i)
{
    return i == 0 ? e->def : e->exts[i - 1];
}

static void fill_fields(struct builder *b, struct entry *e)
{
    struct gql_type *t = e->type;
    size_t total = 0;
    size_t nifaces = 0;
    for (size_t p = 0; p <= e->nexts; p++) {
        total += part(e, p)->fields.count;
        nifaces += part(e, p)->interfaces.count;
    }
    t->fields = ARENA_ARRAY(b->a, struct gql_field, total);
    t->interfaces = ARENA_ARRAY(b->a, struct gql_type *, nifaces);
    for (size_t p = 0; p <= e->nexts; p++) {
        const struct gql_type_def *d = part(e, p);
        for (size_t i = 0; i < d->fields.count; i++) {
            const struct gql_field_def *fd = d->fields.items[i];
            if (gql_type_field(t, fd->name.ptr, fd->name.len)) {
                errorf(b, &fd->node.loc, "Field \"%s.%.*s\" can only be defined once.", t->name,
                       STR_FMT(fd->name));
                continue;
            }
            struct gql_field *f = &t->fields[t->nfields++];
            f->name = dup_str(b, fd->name);
            f->description = description(b, fd->description);
            f->type = resolve_ref(b, fd->type);
            char *owner = arena_printf(b->tmp, "%s.%s", t->name, f->name);
            f->args = build_args(b, &fd->args, owner, &f->nargs);
            f->deprecation_reason = deprecation(b, &fd->directives, &f->deprecated);
        }
        for (size_t i = 0; i < d->interfaces.count; i++) {
            struct gql_type *it = resolve_ref(b, d->interfaces.items[i]);
            if (it) t->interfaces[t->ninterfaces++] = it;
        }
    }
}

static void fill_union(struct builder *b, struct entry *e)
{
    struct gql_type *t = e->type;
    size_t total = 0;
    for (size_t p = 0; p <= e->nexts; p++)
        total += part(e, p)->members.count;
    t->possible_types = ARENA_ARRAY(b->a, struct gql_type *, total);
    for (size_t p = 0; p <= e->nexts; p++) {
        const struct gql_type_def *d = part(e, p);
        for (size_t i = 0; i < d->members.count; i++) {
            struct gql_type *m = resolve_ref(b, d->members.items[i]);
            if (m) t->possible_types[t->npossible_types++] = m;
        }
    }
}

static void fill_enum(struct builder *b, struct entry *e)
{
    struct gql_type *t = e->type;
    size_t total = 0;
    for (size_t p = 0; p <= e->nexts; p++)
        total += part(e, p)->values.count;
    t->values = ARENA_ARRAY(b->a, struct gql_enum_value, total);
    for (size_t p = 0; p <= e->nexts; p++) {
        const struct gql_type_def *d = part(e, p);
        for (size_t i = 0; i < d->values.count; i++) {
            const struct gql_enum_value_def *vd = d->values.items[i];
            if (gql_type_enum_value(t, vd->name.ptr, vd->name.len)) {
                errorf(b, &vd->node.loc, "Enum value \"%s.%.*s\" can only be defined once.",
                       t->name, STR_FMT(vd->name));
                continue;
            }
            struct gql_enum_value *v = &t->values[t->nvalues++];
            v->name = dup_str(b, vd->name);
            v->description = description(b, vd->description);
            v->deprecation_reason = deprecation(b, &vd->directives, &v->deprecated);
        }
    }
}

static void fill_input_object(struct builder *b, struct entry *e)
{
    struct gql_type *t = e->type;
    size_t total = 0;
    for (size_t p = 0; p <= e->nexts; p++)
        total += part(e, p)->input_fields.count;
    t->input_fields = ARENA_ARRAY(b->a, struct gql_input_value, total);
    for (size_t p = 0; p <= e->nexts; p++) {
        const struct gql_type_def *d = part(e, p);
        for (size_t i = 0; i < d->input_fields.count; i++) {
            const struct gql_input_value_def *fd = d->input_fields.items[i];
            if (gql_type_input_field(t, fd->name.ptr, fd->name.len)) {
                errorf(b, &fd->node.loc, "Field \"%s.%.*s\" can only be defined once.", t->name,
                       STR_FMT(fd->name));
                continue;
            }
            build_input_value(b, fd, &t->input_fields[t->ninput_fields++]);
        }
    }
}

static unsigned type_location(enum gql_type_kind k)
{
    switch (k) {
    case GQL_TYPE_SCALAR:
        return GQL_LOC_BIT_SCALAR;
    case GQL_TYPE_OBJECT:
        return GQL_LOC_BIT_OBJECT;
    case GQL_TYPE_INTERFACE:
        return GQL_LOC_BIT_INTERFACE;
    case GQL_TYPE_UNION:
        return GQL_LOC_BIT_UNION;
    case GQL_TYPE_ENUM:
        return GQL_LOC_BIT_ENUM;
    default:
        return GQL_LOC_BIT_INPUT_OBJECT;
    }
}

static void fill_types(struct builder *b)
{
    for (size_t i = 0; i < b->nentries; i++) {
        struct entry *e = &b->entries[i];
        struct gql_type *t = e->type;
        if (!t) continue;
        switch (t->kind) {
        case GQL_TYPE_OBJECT:
        case GQL_TYPE_INTERFACE:
            fill_fields(b, e);
            break;
        case GQL_TYPE_UNION:
            fill_union(b, e);
            break;
        case GQL_TYPE_ENUM:
            fill_enum(b, e);
            break;
        case GQL_TYPE_INPUT_OBJECT:
            fill_input_object(b, e);
            break;
        case GQL_TYPE_SCALAR:
            for (size_t p = 0; p <= e->nexts; p++) {
                const struct gql_directive *d = find_use(&part(e, p)->directives, "specifiedBy");
                const struct gql_argument *url = d ? find_arg(d, "url") : NULL;
                if (url && url->value->node.kind == GQL_STRING_VALUE)
                    t->specified_by_url = dup_str(b, url->value->str);
            }
            break;
        default:
            break;
        }
    }
}

/* ---- directives -------------------------------------------------------------------------- */

static bool location_bit(struct str name, unsigned *bit)
{
    for (unsigned i = 0; i < GQL_LOC_COUNT; i++) {
        if (name_eq(gql_directive_location_name(i), name)) {
            *bit = i;
            return true;
        }
    }
    return false;
}

/* A directive definition as a gql_directive_type (arguments later). */
static struct gql_directive_type *make_directive(struct builder *b,
                                                 const struct gql_directive_def *d)
{
    struct gql_directive_type *dt = ARENA_NEW(b->a, struct gql_directive_type);
    dt->name = dup_str(b, d->name);
    dt->description = description(b, d->description);
    dt->repeatable = d->repeatable;
    for (size_t k = 0; k < d->locations.count; k++) {
        unsigned bit;
        if (location_bit(d->locations.items[k]->name, &bit)) {
            if (!(dt->locations & (1u << bit))) dt->location_order[dt->nlocations++] = (uint8_t)bit;
            dt->locations |= 1u << bit;
        } else {
            errorf(b, &d->locations.items[k]->node.loc, "Unexpected directive location \"%.*s\".",
                   STR_FMT(d->locations.items[k]->name));
        }
    }
    return dt;
}

/*
 * The SDL's directives in source order, then each specified directive the SDL does not define
 * itself (graphql-js buildASTSchema: an SDL may redefine @deprecated and the like). Arguments
 * are built once every directive exists, since an argument may itself carry @deprecated.
 */
static void build_directives(struct builder *b)
{
    struct gql_schema *s = b->s;
    s->directives = ARENA_ARRAY(b->a, struct gql_directive_type *, b->ndirs);
    const struct gql_directive_def **defs =
            ARENA_ARRAY(b->tmp, const struct gql_directive_def *, b->ndirs);
    for (int pass = 0; pass < 2; pass++) {
        bool builtin = pass == 1;
        for (size_t i = 0; i < b->ndirs; i++) {
            if (b->dirs[i].builtin != builtin) continue;
            const struct gql_directive_def *d = b->dirs[i].def;
            bool seen = false;
            for (size_t j = 0; j < s->ndirectives && !seen; j++)
                seen = name_eq(s->directives[j]->name, d->name);
            if (seen && !builtin)
                errorf(b, &d->node.loc, "There can be only one directive named \"@%.*s\".",
                       STR_FMT(d->name));
            if (seen) continue;
            defs[s->ndirectives] = d;
            s->directives[s->ndirectives++] = make_directive(b, d);
        }
    }
    for (size_t i = 0; i < s->ndirectives; i++) {
        char *owner = arena_printf(b->tmp, "@%s", s->directives[i]->name);
        s->directives[i]->args = build_args(b, &defs[i]->args, owner, &s->directives[i]->nargs);
    }
}

/* ---- directive uses ---------------------------------------------------------------------- */

static void check_input_value_uses(struct builder *b, const gql_input_value_defs *defs,
                                   unsigned loc_bit)
{
    for (size_t i = 0; i < defs->count; i++)
        check_directive_uses(b, &defs->items[i]->directives, loc_bit);
}

/* Every directive the SDL uses, once every type and directive exists (argument values may
 * name input types and enum values defined anywhere). */
static void check_uses(struct builder *b)
{
    for (size_t i = 0; i < b->nentries; i++) {
        const struct entry *e = &b->entries[i];
        if (!e->type) continue;
        for (size_t p = 0; p <= e->nexts; p++) {
            const struct gql_type_def *d = part(e, p);
            check_directive_uses(b, &d->directives, type_location(e->type->kind));
            for (size_t k = 0; k < d->fields.count; k++) {
                check_directive_uses(b, &d->fields.items[k]->directives,
                                     GQL_LOC_BIT_FIELD_DEFINITION);
                check_input_value_uses(b, &d->fields.items[k]->args,
                                       GQL_LOC_BIT_ARGUMENT_DEFINITION);
            }
            for (size_t k = 0; k < d->values.count; k++)
                check_directive_uses(b, &d->values.items[k]->directives, GQL_LOC_BIT_ENUM_VALUE);
            check_input_value_uses(b, &d->input_fields, GQL_LOC_BIT_INPUT_FIELD_DEFINITION);
        }
    }
    for (size_t i = 0; i < b->ndirs; i++)
        check_input_value_uses(b, &b->dirs[i].def->args, GQL_LOC_BIT_ARGUMENT_DEFINITION);
    if (b->schema_def) check_directive_uses(b, &b->schema_def->directives, GQL_LOC_BIT_SCHEMA);
    for (size_t i = 0; i < b->nschema_exts; i++)
        check_directive_uses(b, &b->schema_exts[i]->directives, GQL_LOC_BIT_SCHEMA);
}

/* ---- root types and possible types ------------------------------------------------------- */

/*
 * schema { query: ... } and its extensions name the root types. Without a schema definition,
 * types called Query, Mutation and Subscription are the roots (graphql-js buildASTSchema sets
 * them after the extensions, so they win over an extension's choice).
 */
static void pick_root_types(struct builder *b)
{
    struct gql_schema *s = b->s;
    size_t nparts = (b->schema_def ? 1 : 0) + b->nschema_exts;
    for (size_t p = 0; p < nparts; p++) {
        const struct gql_schema_def *d = b->schema_def
                                                 ? (p == 0 ? b->schema_def : b->schema_exts[p - 1])
                                                 : b->schema_exts[p];
        if (d->node.kind == GQL_SCHEMA_DEFINITION) s->description = description(b, d->description);
        for (size_t i = 0; i < d->operation_types.count; i++) {
            const struct gql_operation_type_def *op = d->operation_types.items[i];
            struct gql_type **slot = op->operation == GQL_QUERY      ? &s->query
                                     : op->operation == GQL_MUTATION ? &s->mutation
                                                                     : &s->subscription;
            if (*slot) {
                errorf(b, &op->node.loc, "There can be only one %s type in schema.",
                       gql_operation_type_name(op->operation));
                continue;
            }
            *slot = resolve_ref(b, op->type);
        }
    }
    if (b->schema_def) return;
    struct gql_type *t;
    if ((t = gql_schema_type(s, "Query", 5))) s->query = t;
    if ((t = gql_schema_type(s, "Mutation", 8))) s->mutation = t;
    if ((t = gql_schema_type(s, "Subscription", 12))) s->subscription = t;
}

static void find_possible_types(struct builder *b)
{
    /* Interfaces: the object types that implement them, in source order. */
    for (size_t i = 0; i < b->nby_order; i++) {
        struct gql_type *t = b->by_order[i];
        if (t->kind != GQL_TYPE_OBJECT) continue;
        for (size_t k = 0; k < t->ninterfaces; k++)
            if (t->interfaces[k]->kind == GQL_TYPE_INTERFACE) t->interfaces[k]->npossible_types++;
    }
    for (size_t i = 0; i < b->nby_order; i++) {
        struct gql_type *t = b->by_order[i];
        if (t->kind != GQL_TYPE_INTERFACE) continue;
        t->possible_types = ARENA_ARRAY(b->a, struct gql_type *, t->npossible_types);
        t->npossible_types = 0;
    }
    for (size_t i = 0; i < b->nby_order; i++) {
        struct gql_type *t = b->by_order[i];
        if (t->kind != GQL_TYPE_OBJECT) continue;
        for (size_t k = 0; k < t->ninterfaces; k++) {
            struct gql_type *it = t->interfaces[k];
            if (it->kind != GQL_TYPE_INTERFACE || gql_is_possible_type(it, t)) continue;
            it->possible_types[it->npossible_types++] = t;
        }
    }
}

/* ---- validateSchema ---------------------------------------------------------------------- */

static void validate_name(struct builder *b, const char *name)
{
    if (strncmp(name, "__", 2) == 0)
        errorf(b, NULL,
               "Name \"%s\" must not begin with \"__\", which is reserved by GraphQL "
               "introspection.",
               name);
}

static void validate_root_types(struct builder *b)
{
    struct gql_schema *s = b->s;
    if (!s->query)
        errorf(b, NULL, "Query root type must be provided.");
    else if (s->query->kind != GQL_TYPE_OBJECT)
        errorf(b, NULL, "Query root type must be Object type, it cannot be %s.", s->query->name);
    if (s->mutation && s->mutation->kind != GQL_TYPE_OBJECT)
        errorf(b, NULL, "Mutation root type must be Object type if provided, it cannot be %s.",
               s->mutation->name);
    if (s->subscription && s->subscription->kind != GQL_TYPE_OBJECT)
        errorf(b, NULL, "Subscription root type must be Object type if provided, it cannot be %s.",
               s->subscription->name);
}

/* A default value must be valid for its type; what names the input value ("Query.f(a:)"). */
static void validate_default(struct builder *b, const struct gql_input_value *v, const char *what)
{
    if (!v->default_value || !gql_type_is_input(v->type)) return;
    struct buf why = BUF_INIT(b->tmp);
    if (!check_literal(b, v->type, v->default_value, &why))
        errorf(b, &v->default_value->node.loc, "%s has invalid default value: %s", what, why.ptr);
}

/* Arguments of a field or directive; owner is "Type.field" or "@name". */
static void validate_args(struct builder *b, const struct gql_input_value *args, size_t n,
                          const char *owner, bool check_names)
{
    for (size_t i = 0; i < n; i++) {
        const struct gql_input_value *a = &args[i];
        char *what = arena_printf(b->tmp, "%s(%s:)", owner, a->name);
        if (check_names) validate_name(b, a->name);
        if (!gql_type_is_input(a->type))
            errorf(b, NULL, "The type of %s must be Input Type but got: %s.", what,
                   type_str(b, a->type));
        if (a->type->kind == GQL_TYPE_NON_NULL && !a->default_value && a->deprecated)
            errorf(b, NULL, "Required argument %s cannot be deprecated.", what);
        validate_default(b, a, what);
    }
}

static void validate_fields(struct builder *b, const struct gql_type *t, bool check_names)
{
    if (t->nfields == 0) errorf(b, NULL, "Type %s must define one or more fields.", t->name);
    for (size_t i = 0; i < t->nfields; i++) {
        const struct gql_field *f = &t->fields[i];
        char *owner = arena_printf(b->tmp, "%s.%s", t->name, f->name);
        if (check_names) validate_name(b, f->name);
        if (!gql_type_is_output(f->type))
            errorf(b, NULL, "The type of %s must be Output Type but got: %s.", owner,
                   type_str(b, f->type));
        validate_args(b, f->args, f->nargs, owner, check_names);
    }
}

static bool implements(const struct gql_type *t, const struct gql_type *iface)
{
    for (size_t i = 0; i < t->ninterfaces; i++)
        if (t->interfaces[i] == iface) return true;
    return false;
}

static void validate_implementation(struct builder *b, const struct gql_type *t,
                                    const struct gql_type *iface)
{
    for (size_t i = 0; i < iface->nfields; i++) {
        const struct gql_field *ifield = &iface->fields[i];
        const char *fname = ifield->name;
        const struct gql_field *tfield = gql_type_field(t, fname, strlen(fname));
        if (!tfield) {
            errorf(b, NULL, "Interface field %s.%s expected but %s does not provide it.",
                   iface->name, fname, t->name);
            continue;
        }
        if (!gql_is_type_subtype_of(b->s, tfield->type, ifield->type))
            errorf(b, NULL, "Interface field %s.%s expects type %s but %s.%s is type %s.",
                   iface->name, fname, type_str(b, ifield->type), t->name, fname,
                   type_str(b, tfield->type));
        for (size_t k = 0; k < ifield->nargs; k++) {
            const struct gql_input_value *iarg = &ifield->args[k];
            const struct gql_input_value *targ =
                    gql_field_arg(tfield, iarg->name, strlen(iarg->name));
            if (!targ) {
                errorf(b, NULL,
                       "Interface field argument %s.%s(%s:) expected but %s.%s does not provide "
                       "it.",
                       iface->name, fname, iarg->name, t->name, fname);
                continue;
            }
            if (!gql_is_equal_type(iarg->type, targ->type))
                errorf(b, NULL,
                       "Interface field argument %s.%s(%s:) expects type %s but %s.%s(%s:) is "
                       "type %s.",
                       iface->name, fname, iarg->name, type_str(b, iarg->type), t->name, fname,
                       targ->name, type_str(b, targ->type));
        }
        for (size_t k = 0; k < tfield->nargs; k++) {
            const struct gql_input_value *targ = &tfield->args[k];
            if (targ->type->kind == GQL_TYPE_NON_NULL && !targ->default_value &&
                !gql_field_arg(ifield, targ->name, strlen(targ->name)))
                errorf(b, NULL,
                       "Object field %s.%s includes required argument %s that is missing from "
                       "the Interface field %s.%s.",
                       t->name, fname, targ->name, iface->name, fname);
        }
    }
}

static void validate_interfaces(struct builder *b, const struct gql_type *t)
{
    for (size_t i = 0; i < t->ninterfaces; i++) {
        const struct gql_type *iface = t->interfaces[i];
        if (iface->kind != GQL_TYPE_INTERFACE) {
            errorf(b, NULL, "Type %s must only implement Interface types, it cannot implement %s.",
                   t->name, iface->name);
            continue;
        }
        if (iface == t) {
            errorf(b, NULL,
                   "Type %s cannot implement itself because it would create a circular "
                   "reference.",
                   t->name);
            continue;
        }
        bool dup = false;
        for (size_t j = 0; j < i && !dup; j++)
            dup = t->interfaces[j] == iface;
        if (dup) {
            errorf(b, NULL, "Type %s can only implement %s once.", t->name, iface->name);
            continue;
        }
        for (size_t k = 0; k < iface->ninterfaces; k++) {
            const struct gql_type *transitive = iface->interfaces[k];
            if (implements(t, transitive)) continue;
            if (transitive == t)
                errorf(b, NULL,
                       "Type %s cannot implement %s because it would create a circular "
                       "reference.",
                       t->name, iface->name);
            else
                errorf(b, NULL, "Type %s must implement %s because it is implemented by %s.",
                       t->name, transitive->name, iface->name);
        }
        validate_implementation(b, t, iface);
    }
}

static void validate_union(struct builder *b, const struct gql_type *t)
{
    if (t->npossible_types == 0)
        errorf(b, NULL, "Union type %s must define one or more member types.", t->name);
    for (size_t i = 0; i < t->npossible_types; i++) {
        const struct gql_type *m = t->possible_types[i];
        bool dup = false;
        for (size_t j = 0; j < i && !dup; j++)
            dup = t->possible_types[j] == m;
        if (dup) {
            errorf(b, NULL, "Union type %s can only include type %s once.", t->name, m->name);
            continue;
        }
        if (m->kind != GQL_TYPE_OBJECT)
            errorf(b, NULL, "Union type %s can only include Object types, it cannot include %s.",
                   t->name, m->name);
    }
}

static void validate_input_object(struct builder *b, const struct gql_type *t, bool check_names)
{
    if (t->ninput_fields == 0)
        errorf(b, NULL, "Input Object type %s must define one or more fields.", t->name);
    for (size_t i = 0; i < t->ninput_fields; i++) {
        const struct gql_input_value *f = &t->input_fields[i];
        char *what = arena_printf(b->tmp, "%s.%s", t->name, f->name);
        if (check_names) validate_name(b, f->name);
        if (!gql_type_is_input(f->type))
            errorf(b, NULL, "The type of %s must be Input Type but got: %s.", what,
                   type_str(b, f->type));
        if (f->type->kind == GQL_TYPE_NON_NULL && !f->default_value && f->deprecated)
            errorf(b, NULL, "Required input field %s cannot be deprecated.", what);
        validate_default(b, f, what);
    }
}

/*
 * graphql-js createInputObjectCircularRefsValidator: an input object must not reach itself
 * through non-null (non-list) input-object fields, or no value of it could be written.
 * visited marks types already explored; on_path maps a type to its index in path + 1.
 */
struct cycle_walk {
    struct builder *b;
    const struct gql_type **visited;
    size_t nvisited;
    const struct gql_type **stack_types;
    const char **stack_fields;
    size_t depth;
};

static bool walk_seen(const struct gql_type **list, size_t n, const struct gql_type *t)
{
    for (size_t i = 0; i < n; i++)
        if (list[i] == t) return true;
    return false;
}

static void detect_cycle(struct cycle_walk *w, const struct gql_type *t)
{
    if (walk_seen(w->visited, w->nvisited, t)) return;
    w->visited[w->nvisited++] = t;
    w->stack_types[w->depth] = t;
    for (size_t i = 0; i < t->ninput_fields; i++) {
        const struct gql_input_value *f = &t->input_fields[i];
        if (f->type->kind != GQL_TYPE_NON_NULL || f->type->of_type->kind != GQL_TYPE_INPUT_OBJECT)
            continue;
        const struct gql_type *ft = f->type->of_type;
        w->stack_fields[w->depth] = f->name;
        size_t at = w->depth + 1;
        for (size_t k = 0; k <= w->depth; k++) {
            if (w->stack_types[k] == ft) {
                at = k;
                break;
            }
        }
        if (at <= w->depth) {
            struct buf path = BUF_INIT(w->b->tmp);
            for (size_t k = at; k <= w->depth; k++) {
                if (k > at) buf_appendc(&path, '.');
                buf_appends(&path, w->stack_fields[k]);
            }
            errorf(w->b, NULL,
                   "Cannot reference Input Object \"%s\" within itself through a series of "
                   "non-null fields: \"%s\".",
                   ft->name, path.ptr);
        } else {
            w->depth++;
            detect_cycle(w, ft);
            w->depth--;
        }
    }
}

static void validate_directives(struct builder *b)
{
    for (size_t i = 0; i < b->s->ndirectives; i++) {
        const struct gql_directive_type *d = b->s->directives[i];
        validate_name(b, d->name);
        char *owner = arena_printf(b->tmp, "@%s", d->name);
        validate_args(b, d->args, d->nargs, owner, true);
    }
}

static void validate_schema(struct builder *b)
{
    validate_root_types(b);
    validate_directives(b);
    struct cycle_walk w = { .b = b };
    w.visited = ARENA_ARRAY(b->tmp, const struct gql_type *, b->nby_order);
    w.stack_types = ARENA_ARRAY(b->tmp, const struct gql_type *, b->nby_order + 1);
    w.stack_fields = ARENA_ARRAY(b->tmp, const char *, b->nby_order + 1);
    for (size_t i = 0; i < b->nby_order; i++) {
        const struct gql_type *t = b->by_order[i];
        bool intro = gql_is_introspection_type(t);
        if (!intro) validate_name(b, t->name);
        switch (t->kind) {
        case GQL_TYPE_OBJECT:
        case GQL_TYPE_INTERFACE:
            validate_fields(b, t, !intro);
            validate_interfaces(b, t);
            break;
        case GQL_TYPE_UNION:
            validate_union(b, t);
            break;
        case GQL_TYPE_ENUM:
            if (t->nvalues == 0)
                errorf(b, NULL, "Enum type %s must define one or more values.", t->name);
            for (size_t k = 0; k < t->nvalues; k++)
                if (!intro) validate_name(b, t->values[k].name);
            break;
        case GQL_TYPE_INPUT_OBJECT:
            validate_input_object(b, t, !intro);
            w.depth = 0;
            detect_cycle(&w, t);
            break;
        default:
            break;
        }
    }
}

/* ---- graphql-js's type map: which types, in which order -------------------------------- */

struct type_order {
    struct builder *b;
    struct gql_type **seq; /* types appended in order; NULL where one was taken out */
    size_t n;
    size_t *slot; /* per index in s->types: 1 + its place in seq, 0 when absent */
};

static size_t type_index(const struct gql_schema *s, const struct gql_type *t)
{
    size_t lo = 0;
    size_t hi = s->ntypes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(t->name, s->types[mid]->name);
        if (c == 0) return mid;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    assert(!"a type of the schema is missing from its list");
    return 0;
}

/* graphql-js collectReferencedTypes: t and, depth first, every type it refers to. */
static void collect_referenced(struct type_order *o, struct gql_type *t)
{
    t = gql_named_type(t);
    size_t i = type_index(o->b->s, t);
    if (o->slot[i]) return;
    o->seq[o->n] = t;
    o->slot[i] = ++o->n;
    switch (t->kind) {
    case GQL_TYPE_UNION:
        for (size_t k = 0; k < t->npossible_types; k++)
            collect_referenced(o, t->possible_types[k]);
        break;
    case GQL_TYPE_OBJECT:
    case GQL_TYPE_INTERFACE:
        for (size_t k = 0; k < t->ninterfaces; k++)
            collect_referenced(o, t->interfaces[k]);
        for (size_t k = 0; k < t->nfields; k++) {
            collect_referenced(o, t->fields[k].type);
            for (size_t j = 0; j < t->fields[k].nargs; j++)
                collect_referenced(o, t->fields[k].args[j].type);
        }
        break;
    case GQL_TYPE_INPUT_OBJECT:
        for (size_t k = 0; k < t->ninput_fields; k++)
            collect_referenced(o, t->input_fields[k].type);
        break;
    default:
        break;
    }
}

/*
 * s->types_in_order: the types as graphql-js's GraphQLSchema constructor collects them: the
 * SDL's definitions in order, each followed by what it first refers to, then what the root
 * types, the directives and __Schema refer to. graphql-js would leave out a specified scalar
 * nothing refers to; graphql.h promises all five, so those come last.
 */
static void order_types(struct builder *b)
{
    struct gql_schema *s = b->s;
    struct type_order o = { .b = b };
    o.seq = ARENA_ARRAY(b->tmp, struct gql_type *, 2 * s->ntypes + 1);
    o.slot = ARENA_ARRAY(b->tmp, size_t, s->ntypes);
    struct gql_type **config = ARENA_ARRAY(b->tmp, struct gql_type *, b->nconfig);
    for (size_t i = 0; i < b->nconfig; i++) {
        config[i] = gql_schema_type(s, b->config_names[i], strlen(b->config_names[i]));
        if (!config[i] || o.slot[type_index(s, config[i])]) continue; /* a duplicate (reported) */
        o.seq[o.n] = config[i];
        o.slot[type_index(s, config[i])] = ++o.n;
    }
    for (size_t i = 0; i < b->nconfig; i++) {
        if (!config[i]) continue;
        size_t k = type_index(s, config[i]);
        if (o.slot[k]) o.seq[o.slot[k] - 1] = NULL; /* Set.delete, then add again at the end */
        o.slot[k] = 0;
        collect_referenced(&o, config[i]);
    }
    struct gql_type *roots[] = { s->query, s->mutation, s->subscription };
    for (size_t i = 0; i < 3; i++)
        if (roots[i]) collect_referenced(&o, roots[i]);
    for (size_t i = 0; i < s->ndirectives; i++)
        for (size_t k = 0; k < s->directives[i]->nargs; k++)
            collect_referenced(&o, s->directives[i]->args[k].type);
    collect_referenced(&o, gql_schema_type(s, "__Schema", 8));

    s->types_in_order = ARENA_ARRAY(b->a, struct gql_type *, s->ntypes);
    size_t n = 0;
    for (size_t i = 0; i < o.n; i++)
        if (o.seq[i]) s->types_in_order[n++] = o.seq[i];
    for (size_t i = 0; i < s->ntypes; i++)
        if (!o.slot[i]) s->types_in_order[n++] = s->types[i];
    assert(n == s->ntypes);
}

/* ---- default values as introspection prints them ----------------------------------------- */

static bool is_integer_text(struct str s)
{
    size_t i = 0;
    if (i < s.len && s.ptr[i] == '-') i++;
    if (i == s.len) return false;
    if (s.ptr[i] == '0') return i + 1 == s.len;
    for (; i < s.len; i++)
        if (s.ptr[i] < '0' || s.ptr[i] > '9') return false;
    return true;
}

static bool print_coerced(struct builder *b, struct buf *out, const struct gql_type *t,
                          const struct gql_ast_value *v, int depth);

/* print_coerced for an input object type t: its fields in order, defaults filled in. */
static bool print_coerced_object(struct builder *b, struct buf *out, const struct gql_type *t,
                                 const struct gql_ast_value *v, int depth)
{
    if (v->node.kind != GQL_OBJECT_VALUE) {
        gql_append_value(out, v);
        return true;
    }
    buf_appendc(out, '{');
    size_t n = 0;
    for (size_t k = 0; k < t->ninput_fields; k++) {
        const struct gql_input_value *f = &t->input_fields[k];
        const struct gql_ast_value *fv = f->default_value;
        for (size_t i = 0; i < v->fields.count; i++)
            if (name_eq(f->name, v->fields.items[i]->name)) fv = v->fields.items[i]->value;
        if (!fv) continue;
        size_t mark = out->len;
        buf_appendf(out, "%s%s: ", n ? ", " : "", f->name);
        if (!print_coerced(b, out, f->type, fv, depth + 1)) {
            buf_setlen(out, mark);
            continue;
        }
        n++;
    }
    buf_appendc(out, '}');
    return true;
}

/* print_coerced for a scalar: the literal parsed, serialized, and printed as astFromValue
 * would (numbers as JavaScript writes them, an ID that looks like an integer bare). */
static void print_coerced_scalar(struct builder *b, struct buf *out, const struct gql_type *t,
                                 const struct gql_ast_value *v)
{
    struct gql_value in;
    struct gql_value ser;
    const char *err = NULL;
    if (t->scalar->parse_literal(b->tmp, v, NULL, &in, &err) != WM_OK ||
        t->scalar->serialize(b->tmp, &in, &ser, &err) != WM_OK) {
        gql_append_value(out, v);
        return;
    }
    switch (ser.kind) {
    case GQL_V_BOOL:
        buf_appends(out, ser.u.b ? "true" : "false");
        break;
    case GQL_V_INT:
        buf_append_int(out, ser.u.i);
        break;
    case GQL_V_FLOAT:
        gql_js_number(out, ser.u.f);
        break;
    case GQL_V_STRING:
        if (strcmp(t->name, "ID") == 0 && is_integer_text(ser.u.s))
            buf_append_str(out, ser.u.s);
        else
            gql_append_string(out, ser.u.s);
        break;
    default:
        gql_append_value(out, v);
        break;
    }
}

/*
 * Append literal v, valid for type t, as graphql-js's introspection prints a default:
 * print(astFromValue(valueFromAST(v, t), t)). So input objects list their fields in the type's
 * order with the fields' own defaults filled in, a single value for a list type becomes a
 * list, scalars print their coerced value (1.50 as 1.5, an ID "4" as 4). False when the value
 * prints as nothing (astFromValue's undefined).
 */
static bool print_coerced(struct builder *b, struct buf *out, const struct gql_type *t,
                          const struct gql_ast_value *v, int depth)
{
    if (depth > 64) { /* a default that reaches itself through input-field defaults */
        gql_append_value(out, v);
        return true;
    }
    if (t->kind == GQL_TYPE_NON_NULL) {
        if (v->node.kind == GQL_NULL_VALUE) return false;
        return print_coerced(b, out, t->of_type, v, depth + 1);
    }
    if (v->node.kind == GQL_NULL_VALUE) {
        buf_appends(out, "null");
        return true;
    }
    if (t->kind == GQL_TYPE_LIST) {
        buf_appendc(out, '[');
        if (v->node.kind != GQL_LIST_VALUE) {
            size_t mark = out->len;
            if (!print_coerced(b, out, t->of_type, v, depth + 1)) buf_setlen(out, mark);
        } else {
            size_t n = 0;
            for (size_t i = 0; i < v->list.count; i++) {
                size_t mark = out->len;
                if (n) buf_appends(out, ", ");
                if (!print_coerced(b, out, t->of_type, v->list.items[i], depth + 1)) {
                    buf_setlen(out, mark);
                    continue;
                }
                n++;
            }
        }
        buf_appendc(out, ']');
        return true;
    }
    if (t->kind == GQL_TYPE_INPUT_OBJECT) return print_coerced_object(b, out, t, v, depth);
    if (t->kind == GQL_TYPE_ENUM) {
        buf_append_str(out, v->str);
        return true;
    }
    print_coerced_scalar(b, out, t, v);
    return true;
}

static void set_default_text(struct builder *b, struct gql_input_value *v)
{
    if (!v->default_value) return;
    struct buf out = BUF_INIT(b->a);
    if (print_coerced(b, &out, v->type, v->default_value, 0)) v->default_text = out.ptr;
}

static void set_default_texts(struct builder *b)
{
    for (size_t i = 0; i < b->nby_order; i++) {
        struct gql_type *t = b->by_order[i];
        for (size_t k = 0; k < t->nfields; k++)
            for (size_t j = 0; j < t->fields[k].nargs; j++)
                set_default_text(b, &t->fields[k].args[j]);
        for (size_t k = 0; k < t->ninput_fields; k++)
            set_default_text(b, &t->input_fields[k]);
    }
    for (size_t i = 0; i < b->s->ndirectives; i++)
        for (size_t k = 0; k < b->s->directives[i]->nargs; k++)
            set_default_text(b, &b->s->directives[i]->args[k]);
}

/* ---- binding the resolver tables --------------------------------------------------------- */

static bool is_root(const struct gql_schema *s, const struct gql_type *t)
{
    return t && (t == s->query || t == s->mutation || t == s->subscription);
}

static void bind_roots(struct builder *b, const struct gql_root_field *roots, size_t nroots)
{
    struct gql_schema *s = b->s;
    const struct gql_field **bound = ARENA_ARRAY(b->tmp, const struct gql_field *, nroots);
    size_t nbound = 0;
    for (size_t i = 0; i < nroots; i++) {
        const struct gql_root_field *r = &roots[i];
        if (!r->type || !r->field) {
            errorf(b, NULL, "root table row %zu has no type or field name", i);
            continue;
        }
        struct gql_type *t = gql_schema_type(s, r->type, strlen(r->type));
        struct gql_field *f = is_root(s, t) ? gql_type_field(t, r->field, strlen(r->field)) : NULL;
        if (t && !is_root(s, t)) {
            errorf(b, NULL, "root table names %s.%s, but %s is not a root type", r->type, r->field,
                   r->type);
            continue;
        }
        if (!f) {
            errorf(b, NULL, "root table names %s.%s, which the schema does not define", r->type,
                   r->field);
            continue;
        }
        bool twice = false;
        for (size_t j = 0; j < nbound && !twice; j++)
            twice = bound[j] == f;
        if (twice) {
            errorf(b, NULL, "root table names %s.%s twice", r->type, r->field);
            continue;
        }
        bound[nbound++] = f;
        if (!r->resolve) {
            errorf(b, NULL, "%s.%s has no resolver", r->type, r->field);
            continue;
        }
        f->resolve = r->resolve;
        f->flags = r->flags;
    }
    const struct gql_type *root_types[] = { s->query, s->mutation, s->subscription };
    for (size_t k = 0; k < 3; k++) {
        const struct gql_type *t = root_types[k];
        if (!t || (k > 0 && t == s->query) || (k == 2 && t == s->mutation)) continue;
        for (size_t i = 0; i < t->nfields; i++) {
            bool listed = false;
            for (size_t j = 0; j < nbound && !listed; j++)
                listed = bound[j] == &t->fields[i];
            if (!listed) errorf(b, NULL, "%s.%s has no resolver", t->name, t->fields[i].name);
        }
    }
}

static const char *map_kind_reads(enum gql_map_kind k)
{
    switch (k) {
    case GQL_MAP_KIND_INT:
        return "a 32-bit integer";
    case GQL_MAP_KIND_INT64:
        return "a 64-bit integer";
    case GQL_MAP_KIND_BOOL:
        return "a bool";
    case GQL_MAP_KIND_DOUBLE:
        return "a double";
    case GQL_MAP_KIND_STR:
        return "a string";
    case GQL_MAP_KIND_ID:
        return "a 64-bit id";
    default:
        return "a function";
    }
}

/* Whether a member read as k can be the value of a field of type ft (see graphql.h). */
static bool map_kind_fits(enum gql_map_kind k, const struct gql_type *ft)
{
    if (k == GQL_MAP_KIND_FN) return true;
    const struct gql_type *t = ft->kind == GQL_TYPE_NON_NULL ? ft->of_type : ft;
    if (t->kind == GQL_TYPE_ENUM) return k == GQL_MAP_KIND_STR;
    if (t->kind != GQL_TYPE_SCALAR) return false;
    bool is_int = strcmp(t->name, "Int") == 0;
    bool is_float = strcmp(t->name, "Float") == 0;
    bool is_string = strcmp(t->name, "String") == 0;
    bool is_id = strcmp(t->name, "ID") == 0;
    switch (k) {
    case GQL_MAP_KIND_INT:
    case GQL_MAP_KIND_INT64:
        return is_int || is_float;
    case GQL_MAP_KIND_BOOL:
        return strcmp(t->name, "Boolean") == 0;
    case GQL_MAP_KIND_DOUBLE:
        return is_float;
    case GQL_MAP_KIND_STR:
        return is_string || is_id || !gql_is_specified_scalar(t->name);
    case GQL_MAP_KIND_ID:
        return is_id || is_string;
    default:
        return false;
    }
}

static void bind_map_rows(struct builder *b, struct gql_type *t, const struct gql_field_map *rows)
{
    for (const struct gql_field_map *row = rows; row->name; row++) {
        struct gql_field *f = gql_type_field(t, row->name, strlen(row->name));
        if (!f) {
            errorf(b, NULL, "field map of %s names %s.%s, which the schema does not define",
                   t->name, t->name, row->name);
            continue;
        }
        if (f->bind) {
            errorf(b, NULL, "field map of %s names %s.%s twice", t->name, t->name, row->name);
            continue;
        }
        f->bind = row;
        if (!map_kind_fits(row->kind, f->type)) {
            errorf(b, NULL, "%s.%s is %s but its map reads %s", t->name, f->name,
                   type_str(b, f->type), map_kind_reads(row->kind));
            continue;
        }
        if (row->kind == GQL_MAP_KIND_FN) {
            if (!row->fn)
                errorf(b, NULL, "%s.%s has no resolver", t->name, f->name);
            else
                f->resolve = row->fn;
        }
    }
    for (size_t i = 0; i < t->nfields; i++)
        if (!t->fields[i].bind)
            errorf(b, NULL, "%s.%s has no row in the field map of %s", t->name, t->fields[i].name,
                   t->name);
}

static void bind_maps(struct builder *b, const struct gql_type_map *maps, size_t nmaps)
{
    struct gql_schema *s = b->s;
    for (size_t i = 0; i < nmaps; i++) {
        const struct gql_type_map *m = &maps[i];
        if (!m->type) {
            errorf(b, NULL, "field map %zu has no type name", i);
            continue;
        }
        struct gql_type *t = gql_schema_type(s, m->type, strlen(m->type));
        if (!t) {
            errorf(b, NULL, "field map names type %s, which the schema does not define", m->type);
            continue;
        }
        if (t->kind != GQL_TYPE_OBJECT) {
            errorf(b, NULL, "field map names %s, which is not an object type", m->type);
            continue;
        }
        if (is_root(s, t)) {
            errorf(b, NULL, "field map names %s, a root type (its fields go in the root table)",
                   m->type);
            continue;
        }
        if (gql_is_introspection_type(t)) {
            errorf(b, NULL, "field map names %s, an introspection type", m->type);
            continue;
        }
        if (t->bind) {
            errorf(b, NULL, "field maps name %s twice", m->type);
            continue;
        }
        t->bind = m;
        if (m->fields) bind_map_rows(b, t, m->fields);
    }
    for (size_t i = 0; i < b->nby_order; i++) {
        const struct gql_type *t = b->by_order[i];
        if (t->kind == GQL_TYPE_OBJECT && !t->bind && !is_root(s, t) &&
            !gql_is_introspection_type(t))
            errorf(b, NULL, "%s has no field map", t->name);
    }
}

/* ---- the entry points -------------------------------------------------------------------- */

/* Parse one SDL text into the schema arena; false (reported) on a syntax error. */
static bool parse_sdl(struct builder *b, const char *text, size_t len,
                      const struct gql_document **out)
{
    struct gql_limits lim = { .max_tokens = 0, .max_depth = SDL_MAX_DEPTH, .max_errors = 0 };
    struct gql_errors errs = { 0 };
    struct gql_document *doc = NULL;
    if (gql_parse(b->a, text, len, &lim, &doc, &errs) != WM_OK || !doc) {
        if (errs.count)
            errorf(b, errs.items[0].nlocations ? &errs.items[0].locations[0] : NULL, "%s",
                   errs.items[0].message);
        else
            errorf(b, NULL, "Syntax Error: the SDL could not be parsed.");
        return false;
    }
    *out = doc;
    return true;
}

static bool build_types(struct builder *b, size_t len)
{
    const struct gql_document *builtin = NULL;
    const struct gql_document *doc = NULL;
    if (!parse_sdl(b, builtin_sdl, sizeof(builtin_sdl) - 1, &builtin)) return false;
    if (!parse_sdl(b, b->s->sdl, len, &doc)) return false;
    collect(b, builtin, true);
    collect(b, doc, false);
    make_types(b);
    gql_schema_index_types(b->s);
    attach_extensions(b);
    if (b->nerrors) return false;
    build_directives(b);
    fill_types(b);
    pick_root_types(b);
    if (b->nerrors) return false;
    check_uses(b);
    if (b->nerrors) return false;
    find_possible_types(b);
    validate_schema(b);
    if (b->nerrors) return false;
    order_types(b);
    set_default_texts(b);
    for (size_t i = 0; i < b->s->ntypes; i++)
        gql_type_index_fields(b->a, b->s->types[i]);
    return true;
}

int gql_schema_build(struct gql_schema **out, const char *sdl, size_t len,
                     const struct gql_root_field *roots, size_t nroots,
                     const struct gql_type_map *maps, size_t nmaps, char *err, size_t errlen)
{
    assert(out && (sdl || len == 0));
    *out = NULL;
    if (err && errlen) err[0] = '\0';
    struct arena *a = arena_new(0);
    struct gql_schema *s = ARENA_NEW(a, struct gql_schema);
    s->arena = a;
    s->sdl = arena_strndup(a, sdl ? sdl : "", len);
    s->sdl_len = len;
    struct builder b = { .s = s, .a = a, .tmp = arena_new(0) };
    buf_init(&b.errors, b.tmp, 256);

    bool ok = build_types(&b, len);
    if (ok) {
        char ierr[160];
        if (!gql_introspection_bind(s, ierr, sizeof(ierr))) errorf(&b, NULL, "%s", ierr);
        bind_roots(&b, roots, nroots);
        bind_maps(&b, maps, nmaps);
        ok = b.nerrors == 0;
    }
    if (err && errlen) (void)snprintf(err, errlen, "%s", b.errors.ptr);
    arena_free(b.tmp);
    if (!ok) {
        arena_free(a);
        return WM_EINVAL;
    }
    *out = s;
    return WM_OK;
}

void gql_schema_free(struct gql_schema *s)
{
    if (s) arena_free(s->arena);
}
