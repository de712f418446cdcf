/*
 * value.c: the runtime values resolvers return and the executor passes around (graphql.h):
 * constructors, objects that grow in an arena, and argument lookup. An OBJECT made by
 * gql_object() keeps its capacity in a small header just before its member array, so it can
 * grow in the arena without a capacity field in every value.
 * Reference: graphql-js has no counterpart (JavaScript values); see src/jsutils/ObjMap.ts.
 */
#include "graphql/graphql.h"

#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/arena.h"

/* The members of an OBJECT made by gql_object(): capacity, then the array items points at. */
struct member_block {
    size_t cap;
    struct gql_member items[];
};

static struct member_block *block_of(struct gql_member *items)
{
    return (struct member_block *)(void *)((char *)items - offsetof(struct member_block, items));
}

static struct member_block *new_block(struct arena *a, size_t cap)
{
    if (cap > (SIZE_MAX - sizeof(struct member_block)) / sizeof(struct gql_member))
        wm_oom(SIZE_MAX);
    struct member_block *b = arena_zalloc(a, sizeof(*b) + cap * sizeof(b->items[0]));
    b->cap = cap;
    return b;
}

struct gql_value gql_null(void)
{
    return (struct gql_value){ .kind = GQL_V_NULL };
}

struct gql_value gql_bool(bool b)
{
    return (struct gql_value){ .kind = GQL_V_BOOL, .u.b = b };
}

struct gql_value gql_int(int64_t i)
{
    return (struct gql_value){ .kind = GQL_V_INT, .u.i = i };
}

struct gql_value gql_float(double f)
{
    return (struct gql_value){ .kind = GQL_V_FLOAT, .u.f = f };
}

struct gql_value gql_string(struct arena *a, const char *s)
{
    if (!s) return gql_null();
    size_t n = strlen(s);
    return (struct gql_value){ .kind = GQL_V_STRING, .u.s = { arena_strndup(a, s, n), n } };
}

struct gql_value gql_string_n(struct str s)
{
    if (!s.ptr) s = STR("");
    return (struct gql_value){ .kind = GQL_V_STRING, .u.s = s };
}

struct gql_value gql_enum(const char *name)
{
    assert(name);
    return (struct gql_value){ .kind = GQL_V_ENUM, .u.s = str_from(name) };
}

/* A NULL pointer gives null, so "not found" needs no special case in a resolver. */
struct gql_value gql_ptr(const void *p, const struct gql_type *type)
{
    if (!p) return gql_null();
    return (struct gql_value){ .kind = GQL_V_PTR, .u.ptr = p, .type = type };
}

struct gql_value gql_list(struct arena *a, size_t count)
{
    struct gql_value v = { .kind = GQL_V_LIST };
    v.u.list.items = ARENA_ARRAY(a, struct gql_value, count);
    v.u.list.count = count;
    return v;
}

struct gql_value gql_object(struct arena *a, size_t cap)
{
    struct gql_value v = { .kind = GQL_V_OBJECT };
    v.u.obj.items = new_block(a, cap)->items;
    v.u.obj.count = 0;
    return v;
}

void gql_object_set(struct arena *a, struct gql_value *obj, const char *key, struct gql_value value)
{
    assert(obj && obj->kind == GQL_V_OBJECT && key);
    struct member_block *b = block_of(obj->u.obj.items);
    if (obj->u.obj.count == b->cap) {
        struct member_block *nb = new_block(a, b->cap ? b->cap * 2 : 4);
        if (obj->u.obj.count) memcpy(nb->items, b->items, obj->u.obj.count * sizeof(b->items[0]));
        obj->u.obj.items = nb->items;
        b = nb;
    }
    struct gql_value *slot = ARENA_NEW(a, struct gql_value);
    *slot = value;
    b->items[obj->u.obj.count].key = key;
    b->items[obj->u.obj.count].value = slot;
    obj->u.obj.count++;
}

/* Searched from the end, so a key set twice reads as its last value (JSON.parse's rule). */
const struct gql_value *gql_object_get(const struct gql_value *obj, const char *key)
{
    if (!obj || obj->kind != GQL_V_OBJECT || !key) return NULL;
    for (size_t i = obj->u.obj.count; i-- > 0;)
        if (strcmp(obj->u.obj.items[i].key, key) == 0) return obj->u.obj.items[i].value;
    return NULL;
}

const struct gql_value *gql_arg(const struct gql_call *call, const char *name)
{
    const struct gql_value *v = gql_object_get(&call->args, name);
    if (v && v->kind == GQL_V_UNDEFINED) return NULL;
    return v;
}
