/*
 * test_value.c: unit tests for src/graphql/value.c: the value constructors, objects that grow
 * in an arena (many members, values copied, the last of a repeated key wins), list slots, and
 * gql_arg's three answers (absent, given as null, given).
 */
#include "graphql/graphql.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "test.h"

static void test_scalar_constructors_set_kind_and_payload(void)
{
    struct gql_value v = gql_null();
    CU_ASSERT_EQUAL(v.kind, GQL_V_NULL);
    CU_ASSERT_PTR_NULL(v.type);
    v = gql_bool(true);
    CU_ASSERT(v.kind == GQL_V_BOOL && v.u.b);
    v = gql_int(INT64_MIN);
    CU_ASSERT(v.kind == GQL_V_INT && v.u.i == INT64_MIN);
    v = gql_float(-0.5);
    CU_ASSERT(v.kind == GQL_V_FLOAT && v.u.f == -0.5);
    v = gql_enum("RED");
    CU_ASSERT(v.kind == GQL_V_ENUM && str_eq_cstr(v.u.s, "RED"));
    v = gql_string_n(STR("abc"));
    CU_ASSERT(v.kind == GQL_V_STRING && str_eq_cstr(v.u.s, "abc"));
    v = gql_string_n(STR_NULL);
    CU_ASSERT(v.kind == GQL_V_STRING && v.u.s.len == 0 && v.u.s.ptr != NULL);
}

static void test_gql_string_copies_and_null_gives_null(void)
{
    struct arena *a = arena_new(0);
    char text[] = "hello";
    struct gql_value v = gql_string(a, text);
    text[0] = 'j';
    CU_ASSERT_EQUAL(v.kind, GQL_V_STRING);
    CU_ASSERT(str_eq_cstr(v.u.s, "hello"));
    CU_ASSERT_EQUAL(v.u.s.ptr[v.u.s.len], '\0');
    CU_ASSERT_EQUAL(gql_string(a, NULL).kind, GQL_V_NULL);
    arena_free(a);
}

static void test_gql_ptr_keeps_the_type_and_null_pointer_gives_null(void)
{
    struct gql_type t = { .kind = GQL_TYPE_OBJECT, .name = "Product" };
    int x = 7;
    struct gql_value v = gql_ptr(&x, &t);
    CU_ASSERT(v.kind == GQL_V_PTR && v.u.ptr == &x && v.type == &t);
    v = gql_ptr(NULL, &t);
    CU_ASSERT_EQUAL(v.kind, GQL_V_NULL);
}

static void test_gql_list_has_count_undefined_slots(void)
{
    struct arena *a = arena_new(0);
    struct gql_value l = gql_list(a, 3);
    CU_ASSERT_EQUAL(l.kind, GQL_V_LIST);
    CU_ASSERT_EQUAL(l.u.list.count, 3);
    for (size_t i = 0; i < 3; i++)
        CU_ASSERT_EQUAL(l.u.list.items[i].kind, GQL_V_UNDEFINED);
    l.u.list.items[2] = gql_int(5);
    CU_ASSERT_EQUAL(l.u.list.items[2].u.i, 5);
    struct gql_value empty = gql_list(a, 0);
    CU_ASSERT_EQUAL(empty.u.list.count, 0);
    arena_free(a);
}

static void test_an_object_grows_past_its_initial_capacity(void)
{
    struct arena *a = arena_new(0);
    struct gql_value o = gql_object(a, 0);
    CU_ASSERT_EQUAL(o.kind, GQL_V_OBJECT);
    CU_ASSERT_EQUAL(o.u.obj.count, 0);
    char *keys[300];
    for (int i = 0; i < 300; i++) {
        keys[i] = arena_printf(a, "k%d", i);
        gql_object_set(a, &o, keys[i], gql_int(i));
    }
    CU_ASSERT_EQUAL(o.u.obj.count, 300);
    for (int i = 0; i < 300; i++) {
        char name[16];
        snprintf(name, sizeof name, "k%d", i);
        const struct gql_value *v = gql_object_get(&o, name);
        CU_ASSERT_PTR_NOT_NULL_FATAL(v);
        CU_ASSERT_EQUAL(v->u.i, i);
        CU_ASSERT_STRING_EQUAL(o.u.obj.items[i].key, keys[i]); /* order kept */
    }
    arena_free(a);
}

static void test_object_set_copies_the_value(void)
{
    struct arena *a = arena_new(0);
    struct gql_value o = gql_object(a, 2);
    struct gql_value v = gql_int(1);
    gql_object_set(a, &o, "a", v);
    v.u.i = 2;
    CU_ASSERT_EQUAL(gql_object_get(&o, "a")->u.i, 1);
    arena_free(a);
}

static void test_a_key_set_twice_reads_as_its_last_value(void)
{
    struct arena *a = arena_new(0);
    struct gql_value o = gql_object(a, 1);
    gql_object_set(a, &o, "x", gql_int(1));
    gql_object_set(a, &o, "y", gql_int(2));
    gql_object_set(a, &o, "x", gql_int(3));
    CU_ASSERT_EQUAL(o.u.obj.count, 3);
    CU_ASSERT_EQUAL(gql_object_get(&o, "x")->u.i, 3);
    CU_ASSERT_EQUAL(gql_object_get(&o, "y")->u.i, 2);
    arena_free(a);
}

static void test_object_get_on_absent_keys_and_non_objects_is_null(void)
{
    struct arena *a = arena_new(0);
    struct gql_value o = gql_object(a, 1);
    gql_object_set(a, &o, "x", gql_null());
    CU_ASSERT_PTR_NULL(gql_object_get(&o, "y"));
    CU_ASSERT_PTR_NULL(gql_object_get(&o, ""));
    CU_ASSERT_PTR_NULL(gql_object_get(&o, NULL));
    CU_ASSERT_PTR_NULL(gql_object_get(NULL, "x"));
    struct gql_value i = gql_int(1);
    CU_ASSERT_PTR_NULL(gql_object_get(&i, "x"));
    CU_ASSERT_EQUAL(gql_object_get(&o, "x")->kind, GQL_V_NULL);
    arena_free(a);
}

static void test_gql_arg_tells_absent_from_null(void)
{
    struct arena *a = arena_new(0);
    struct gql_call call = { 0 };
    call.args = gql_object(a, 4);
    gql_object_set(a, &call.args, "given", gql_string_n(STR("v")));
    gql_object_set(a, &call.args, "nulled", gql_null());
    gql_object_set(a, &call.args, "undef", (struct gql_value){ .kind = GQL_V_UNDEFINED });
    CU_ASSERT_PTR_NULL(gql_arg(&call, "absent"));
    CU_ASSERT_PTR_NULL(gql_arg(&call, "undef"));
    CU_ASSERT_EQUAL(gql_arg(&call, "nulled")->kind, GQL_V_NULL);
    CU_ASSERT(str_eq_cstr(gql_arg(&call, "given")->u.s, "v"));
    arena_free(a);
}

static void test_gql_arg_without_arguments_is_null(void)
{
    struct gql_call call = { 0 }; /* args UNDEFINED: a field without arguments */
    CU_ASSERT_PTR_NULL(gql_arg(&call, "x"));
}

static CU_TestInfo tests[] = {
    { "scalar constructors set kind and payload", test_scalar_constructors_set_kind_and_payload },
    { "gql_string copies and NULL gives null", test_gql_string_copies_and_null_gives_null },
    { "gql_ptr keeps the type and a NULL pointer gives null",
      test_gql_ptr_keeps_the_type_and_null_pointer_gives_null },
    { "gql_list has count undefined slots", test_gql_list_has_count_undefined_slots },
    { "an object grows past its initial capacity", test_an_object_grows_past_its_initial_capacity },
    { "object set copies the value", test_object_set_copies_the_value },
    { "a key set twice reads as its last value", test_a_key_set_twice_reads_as_its_last_value },
    { "object get on absent keys and non-objects is NULL",
      test_object_get_on_absent_keys_and_non_objects_is_null },
    { "gql_arg tells absent from null", test_gql_arg_tells_absent_from_null },
    { "gql_arg without arguments is NULL", test_gql_arg_without_arguments_is_null },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_value, "graphql/value", NULL, NULL, tests);
