/*
 * schema.c: reading a built schema: lookups by name (types are sorted by name, so a type is a
 * binary search away; fields, arguments and values are short lists scanned in order), the
 * list and non-null wrappers cached on the type they wrap, the type predicates, the type
 * comparators the validator and executor use, and printing a type reference. Nothing here
 * changes a schema except the wrapper caches, which only ever grow (in the schema arena).
 * Reference: graphql-js src/type/definition.ts, src/type/schema.ts (isSubType,
 * getPossibleTypes), src/utilities/typeComparators.ts.
 */
#include "graphql/type/schema.h"

#include <assert.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"

const char *gql_type_kind_name(enum gql_type_kind kind)
{
    static const char *const names[] = {
        [GQL_TYPE_SCALAR] = "SCALAR",       [GQL_TYPE_OBJECT] = "OBJECT",
        [GQL_TYPE_INTERFACE] = "INTERFACE", [GQL_TYPE_UNION] = "UNION",
        [GQL_TYPE_ENUM] = "ENUM",           [GQL_TYPE_INPUT_OBJECT] = "INPUT_OBJECT",
        [GQL_TYPE_LIST] = "LIST",           [GQL_TYPE_NON_NULL] = "NON_NULL",
    };
    if ((unsigned)kind >= sizeof(names) / sizeof(names[0])) return "UNKNOWN";
    return names[kind];
}

const char *gql_directive_location_name(unsigned bit)
{
    static const char *const names[] = {
#define X(name) #name,
        GQL_DIRECTIVE_LOCATION_MAP(X)
#undef X
    };
    if (bit >= GQL_LOC_COUNT) return NULL;
    return names[bit];
}

/* True when the NUL-terminated name is exactly the len bytes at s (gql_name_eq). */
static bool name_is(const char *name, const char *s, size_t len)
{
    return gql_name_eq(name, (struct str){ s, len });
}

/* strcmp order (unsigned bytes, a prefix first) between the len bytes at s and the
 * NUL-terminated name, reading name no further than its end. */
static int name_cmp(const char *s, size_t len, const char *name)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char a = (unsigned char)s[i];
        unsigned char b = (unsigned char)name[i];
        if (b == '\0') return 1;
        if (a != b) return a < b ? -1 : 1;
    }
    return name[len] == '\0' ? 0 : -1;
}

static uint32_t name_hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

void gql_schema_index_types(struct gql_schema *s)
{
    size_t nslots = 16;
    while (nslots < s->ntypes * 2)
        nslots *= 2;
    s->type_slots = ARENA_ARRAY(s->arena, uint32_t, nslots);
    s->ntype_slots = nslots;
    for (size_t t = 0; t < s->ntypes; t++) {
        const char *name = s->types[t]->name;
        size_t i = name_hash(name, strlen(name)) & (nslots - 1);
        while (s->type_slots[i])
            i = (i + 1) & (nslots - 1);
        s->type_slots[i] = (uint32_t)(t + 1);
    }
}

struct gql_type *gql_schema_type(const struct gql_schema *s, const char *name, size_t len)
{
    if (!s || !name) return NULL;
    if (s->type_slots) {
        size_t mask = s->ntype_slots - 1;
        for (size_t i = name_hash(name, len) & mask; s->type_slots[i]; i = (i + 1) & mask) {
            struct gql_type *t = s->types[s->type_slots[i] - 1];
            if (name_is(t->name, name, len)) return t;
        }
        return NULL;
    }
    size_t lo = 0;
    size_t hi = s->ntypes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = name_cmp(name, len, s->types[mid]->name);
        if (c == 0) return s->types[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

struct gql_directive_type *gql_schema_directive(const struct gql_schema *s, const char *name,
                                                size_t len)
{
    if (!s || !name) return NULL;
    for (size_t i = 0; i < s->ndirectives; i++)
        if (name_is(s->directives[i]->name, name, len)) return s->directives[i];
    return NULL;
}

/* Fields up to this many are scanned in order rather than indexed. */
#define FIELD_SCAN_MAX 8

void gql_type_index_fields(struct arena *a, struct gql_type *t)
{
    if (t->nfields <= FIELD_SCAN_MAX) return;
    size_t nslots = 16;
    while (nslots < t->nfields * 2)
        nslots *= 2;
    t->field_slots = ARENA_ARRAY(a, uint32_t, nslots);
    t->nfield_slots = nslots;
    for (size_t f = 0; f < t->nfields; f++) {
        const char *name = t->fields[f].name;
        size_t i = name_hash(name, strlen(name)) & (nslots - 1);
        while (t->field_slots[i])
            i = (i + 1) & (nslots - 1);
        t->field_slots[i] = (uint32_t)(f + 1);
    }
}

struct gql_field *gql_type_field(const struct gql_type *t, const char *name, size_t len)
{
    if (!t || !name) return NULL;
    if (t->kind != GQL_TYPE_OBJECT && t->kind != GQL_TYPE_INTERFACE) return NULL;
    if (t->field_slots) {
        size_t mask = t->nfield_slots - 1;
        for (size_t i = name_hash(name, len) & mask; t->field_slots[i]; i = (i + 1) & mask) {
            struct gql_field *f = &t->fields[t->field_slots[i] - 1];
            if (name_is(f->name, name, len)) return f;
        }
        return NULL;
    }
    for (size_t i = 0; i < t->nfields; i++)
        if (name_is(t->fields[i].name, name, len)) return &t->fields[i];
    return NULL;
}

struct gql_input_value *gql_field_arg(const struct gql_field *f, const char *name, size_t len)
{
    if (!f || !name) return NULL;
    for (size_t i = 0; i < f->nargs; i++)
        if (name_is(f->args[i].name, name, len)) return &f->args[i];
    return NULL;
}

struct gql_input_value *gql_type_input_field(const struct gql_type *t, const char *name, size_t len)
{
    if (!t || !name || t->kind != GQL_TYPE_INPUT_OBJECT) return NULL;
    for (size_t i = 0; i < t->ninput_fields; i++)
        if (name_is(t->input_fields[i].name, name, len)) return &t->input_fields[i];
    return NULL;
}

struct gql_enum_value *gql_type_enum_value(const struct gql_type *t, const char *name, size_t len)
{
    if (!t || !name || t->kind != GQL_TYPE_ENUM) return NULL;
    for (size_t i = 0; i < t->nvalues; i++)
        if (name_is(t->values[i].name, name, len)) return &t->values[i];
    return NULL;
}

struct gql_type *gql_list_of(struct gql_schema *s, struct gql_type *t)
{
    assert(s && t);
    if (!t->list_of) {
        struct gql_type *w = ARENA_NEW(s->arena, struct gql_type);
        w->kind = GQL_TYPE_LIST;
        w->of_type = t;
        t->list_of = w;
    }
    return t->list_of;
}

struct gql_type *gql_non_null_of(struct gql_schema *s, struct gql_type *t)
{
    assert(s && t);
    assert(t->kind != GQL_TYPE_NON_NULL); /* T!! is not a type (spec 3.12) */
    if (!t->non_null_of) {
        struct gql_type *w = ARENA_NEW(s->arena, struct gql_type);
        w->kind = GQL_TYPE_NON_NULL;
        w->of_type = t;
        t->non_null_of = w;
    }
    return t->non_null_of;
}

static bool is_wrapper(const struct gql_type *t)
{
    return t->kind == GQL_TYPE_LIST || t->kind == GQL_TYPE_NON_NULL;
}

struct gql_type *gql_named_type(struct gql_type *t)
{
    while (t && is_wrapper(t))
        t = t->of_type;
    return t;
}

struct gql_type *gql_nullable_type(struct gql_type *t)
{
    if (t && t->kind == GQL_TYPE_NON_NULL) return t->of_type;
    return t;
}

/* The named type under every wrapper, for the predicates (which take const pointers). */
static const struct gql_type *named(const struct gql_type *t)
{
    while (t && is_wrapper(t))
        t = t->of_type;
    return t;
}

bool gql_type_is_input(const struct gql_type *t)
{
    t = named(t);
    return t && (t->kind == GQL_TYPE_SCALAR || t->kind == GQL_TYPE_ENUM ||
                 t->kind == GQL_TYPE_INPUT_OBJECT);
}

bool gql_type_is_output(const struct gql_type *t)
{
    t = named(t);
    return t && t->kind != GQL_TYPE_INPUT_OBJECT;
}

bool gql_type_is_leaf(const struct gql_type *t)
{
    return t && (t->kind == GQL_TYPE_SCALAR || t->kind == GQL_TYPE_ENUM);
}

bool gql_type_is_composite(const struct gql_type *t)
{
    return t && (t->kind == GQL_TYPE_OBJECT || t->kind == GQL_TYPE_INTERFACE ||
                 t->kind == GQL_TYPE_UNION);
}

bool gql_type_is_abstract(const struct gql_type *t)
{
    return t && (t->kind == GQL_TYPE_INTERFACE || t->kind == GQL_TYPE_UNION);
}

bool gql_type_is_non_null(const struct gql_type *t)
{
    return t && t->kind == GQL_TYPE_NON_NULL;
}

bool gql_is_possible_type(const struct gql_type *abs, const struct gql_type *obj)
{
    if (!abs || !obj || !gql_type_is_abstract(abs)) return false;
    for (size_t i = 0; i < abs->npossible_types; i++)
        if (abs->possible_types[i] == obj) return true;
    return false;
}

/*
 * graphql-js GraphQLSchema.isSubType: maybe_sub is a member of the union abs, or an object or
 * interface type that implements the interface abs.
 */
static bool is_sub_type(const struct gql_type *abs, const struct gql_type *maybe_sub)
{
    if (abs->kind == GQL_TYPE_UNION) return gql_is_possible_type(abs, maybe_sub);
    if (abs->kind != GQL_TYPE_INTERFACE) return false;
    if (maybe_sub->kind != GQL_TYPE_OBJECT && maybe_sub->kind != GQL_TYPE_INTERFACE) return false;
    for (size_t i = 0; i < maybe_sub->ninterfaces; i++)
        if (maybe_sub->interfaces[i] == abs) return true;
    return false;
}

bool gql_is_equal_type(const struct gql_type *a, const struct gql_type *b)
{
    if (!a || !b) return false;
    if (a == b) return true;
    if (a->kind == GQL_TYPE_NON_NULL && b->kind == GQL_TYPE_NON_NULL)
        return gql_is_equal_type(a->of_type, b->of_type);
    if (a->kind == GQL_TYPE_LIST && b->kind == GQL_TYPE_LIST)
        return gql_is_equal_type(a->of_type, b->of_type);
    /* Named types are unique in a schema, but compare names so that types from two builds of
     * the same SDL (tests, schema diffs) also compare equal. */
    if (!is_wrapper(a) && !is_wrapper(b) && a->name && b->name)
        return a->kind == b->kind && strcmp(a->name, b->name) == 0;
    return false;
}

bool gql_is_type_subtype_of(const struct gql_schema *s, const struct gql_type *sub,
                            const struct gql_type *super)
{
    (void)s; /* possible types are kept on the types themselves */
    if (!sub || !super) return false;
    if (gql_is_equal_type(sub, super)) return true;
    if (super->kind == GQL_TYPE_NON_NULL) {
        if (sub->kind == GQL_TYPE_NON_NULL)
            return gql_is_type_subtype_of(s, sub->of_type, super->of_type);
        return false;
    }
    if (sub->kind == GQL_TYPE_NON_NULL) return gql_is_type_subtype_of(s, sub->of_type, super);
    if (super->kind == GQL_TYPE_LIST) {
        if (sub->kind == GQL_TYPE_LIST)
            return gql_is_type_subtype_of(s, sub->of_type, super->of_type);
        return false;
    }
    if (sub->kind == GQL_TYPE_LIST) return false;
    return gql_type_is_abstract(super) &&
           (sub->kind == GQL_TYPE_INTERFACE || sub->kind == GQL_TYPE_OBJECT) &&
           is_sub_type(super, sub);
}

bool gql_do_types_overlap(const struct gql_schema *s, const struct gql_type *a,
                          const struct gql_type *b)
{
    (void)s;
    if (!a || !b) return false;
    if (a == b) return true;
    if (gql_type_is_abstract(a)) {
        if (gql_type_is_abstract(b)) {
            /* Some object type is possible in both. */
            for (size_t i = 0; i < a->npossible_types; i++)
                if (gql_is_possible_type(b, a->possible_types[i])) return true;
            return false;
        }
        return is_sub_type(a, b);
    }
    if (gql_type_is_abstract(b)) return is_sub_type(b, a);
    return false;
}

static void type_str(struct buf *b, const struct gql_type *t)
{
    if (t->kind == GQL_TYPE_LIST) {
        buf_appendc(b, '[');
        type_str(b, t->of_type);
        buf_appendc(b, ']');
    } else if (t->kind == GQL_TYPE_NON_NULL) {
        type_str(b, t->of_type);
        buf_appendc(b, '!');
    } else {
        buf_appends(b, t->name);
    }
}

const char *gql_type_str(struct arena *a, const struct gql_type *t)
{
    if (!t) return "";
    struct buf b = BUF_INIT(a);
    type_str(&b, t);
    return b.ptr;
}
