/*
 * test_result.c: unit tests for src/graphql/result.c: the response's key order (errors before
 * data when both are there, as graphql-js's JSON.stringify(result)), each error's members in
 * GraphQLError.toJSON() order, and every value kind written as JSON.stringify would write it.
 */
#include "graphql/graphql.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/json_out.h"
#include "test.h"

static struct arena *arena;

static int suite_init(void)
{
    arena = arena_new(0);
    return 0;
}

static int suite_clean(void)
{
    arena_free(arena);
    return 0;
}

/* The JSON text of a result, in the arena. */
static const char *result_json(const struct gql_result *r)
{
    struct buf b = BUF_INIT(arena);
    struct json_out j;
    json_out_init(&j, &b);
    gql_result_write(r, &j);
    CU_ASSERT(json_out_is_complete(&j));
    return b.ptr;
}

static const char *value_json(const struct gql_value *v)
{
    struct buf b = BUF_INIT(arena);
    struct json_out j;
    json_out_init(&j, &b);
    gql_value_write(v, &j);
    CU_ASSERT(json_out_is_complete(&j));
    return b.ptr;
}

/* An error with a path ["a", 0, "b"] on the last error of errs. */
static void give_path(struct gql_errors *errs)
{
    struct gql_error *e = &errs->items[errs->count - 1];
    static const char *path[] = { "a", "0", "b" };
    static bool is_index[] = { false, true, false };
    e->path = path;
    e->path_is_index = is_index;
    e->npath = 3;
}

static void test_data_alone_when_there_are_no_errors(void)
{
    struct gql_result r = { .has_data = true };
    r.data = gql_object(arena, 1);
    gql_object_set(arena, &r.data, "a", gql_int(1));
    CU_ASSERT_STRING_EQUAL(result_json(&r), "{\"data\":{\"a\":1}}");
    arena_reset(arena);
}

static void test_errors_come_before_data(void)
{
    struct gql_result r = { .has_data = true };
    r.data = gql_object(arena, 1);
    gql_object_set(arena, &r.data, "a", gql_null());
    struct gql_loc loc = { 1, 3 };
    gql_error_add(arena, &r.errors, "NOT_FOUND", &loc, NULL, "no product '%d'", 7);
    give_path(&r.errors);
    CU_ASSERT_STRING_EQUAL(result_json(&r),
                           "{\"errors\":[{\"message\":\"no product '7'\",\"locations\":[{\"line\":"
                           "1,\"column\":3}],\"path\":[\"a\",0,\"b\"],\"extensions\":{\"code\":"
                           "\"NOT_FOUND\"}}],\"data\":{\"a\":null}}");
    arena_reset(arena);
}

static void test_a_request_error_has_no_data_member(void)
{
    struct gql_result r = { .has_data = false };
    gql_error_add(arena, &r.errors, "BAD_USER_INPUT", NULL, NULL, "Must provide an operation.");
    CU_ASSERT_STRING_EQUAL(result_json(&r),
                           "{\"errors\":[{\"message\":\"Must provide an operation.\","
                           "\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}]}");
    arena_reset(arena);
}

static void test_null_data_is_written_as_null(void)
{
    struct gql_result r = { .has_data = true, .data = gql_null() };
    gql_error_add(arena, &r.errors, NULL, NULL, NULL, "boom");
    CU_ASSERT_STRING_EQUAL(result_json(&r), "{\"errors\":[{\"message\":\"boom\"}],\"data\":null}");
    arena_reset(arena);
}

static void test_errors_keep_their_order_and_every_location(void)
{
    struct gql_result r = { .has_data = true, .data = gql_null() };
    struct gql_loc l1 = { 2, 5 }, l2 = { 7, 1 };
    gql_error_add(arena, &r.errors, "A", &l1, &l2, "first");
    gql_error_add(arena, &r.errors, "B", NULL, NULL, "second \"quoted\"\n");
    CU_ASSERT_STRING_EQUAL(result_json(&r),
                           "{\"errors\":[{\"message\":\"first\",\"locations\":[{\"line\":2,"
                           "\"column\":5},{\"line\":7,\"column\":1}],\"extensions\":{\"code\":"
                           "\"A\"}},{\"message\":\"second \\\"quoted\\\"\\n\",\"extensions\":{"
                           "\"code\":\"B\"}}],\"data\":null}");
    arena_reset(arena);
}

static void test_scalars_are_written_as_json_stringify_would(void)
{
    struct gql_value v = gql_null();
    CU_ASSERT_STRING_EQUAL(value_json(&v), "null");
    v = (struct gql_value){ .kind = GQL_V_UNDEFINED };
    CU_ASSERT_STRING_EQUAL(value_json(&v), "null");
    v = gql_bool(true);
    CU_ASSERT_STRING_EQUAL(value_json(&v), "true");
    v = gql_bool(false);
    CU_ASSERT_STRING_EQUAL(value_json(&v), "false");
    v = gql_int(INT64_MIN);
    CU_ASSERT_STRING_EQUAL(value_json(&v), "-9223372036854775808");
    v = gql_int(2147483647);
    CU_ASSERT_STRING_EQUAL(value_json(&v), "2147483647");
    v = gql_float(1.0);
    CU_ASSERT_STRING_EQUAL(value_json(&v), "1");
    v = gql_float(-2.5);
    CU_ASSERT_STRING_EQUAL(value_json(&v), "-2.5");
    v = gql_float(0.1);
    CU_ASSERT_STRING_EQUAL(value_json(&v), "0.1");
    v = gql_float(1e21);
    CU_ASSERT_STRING_EQUAL(value_json(&v), "1e+21");
    v = gql_float(DBL_MAX);
    CU_ASSERT_STRING_EQUAL(value_json(&v), "1.7976931348623157e+308");
    v = gql_float(NAN);
    CU_ASSERT_STRING_EQUAL(value_json(&v), "null");
    v = gql_float(-INFINITY);
    CU_ASSERT_STRING_EQUAL(value_json(&v), "null");
    arena_reset(arena);
}

static void test_strings_and_enums_are_escaped(void)
{
    struct gql_value v = gql_string(arena, "a\"b\\c\x01\xe2\x80\xa8 \xc3\xa9");
    CU_ASSERT_STRING_EQUAL(value_json(&v), "\"a\\\"b\\\\c\\u0001\\u2028 \xc3\xa9\"");
    v = gql_string_n((struct str){ "a\0b", 3 });
    CU_ASSERT_STRING_EQUAL(value_json(&v), "\"a\\u0000b\"");
    v = (struct gql_value){ .kind = GQL_V_STRING }; /* ptr NULL, len 0 */
    CU_ASSERT_STRING_EQUAL(value_json(&v), "\"\"");
    v = gql_enum("ACTIVE");
    CU_ASSERT_STRING_EQUAL(value_json(&v), "\"ACTIVE\"");
    arena_reset(arena);
}

static void test_json_values_are_inserted_raw(void)
{
    struct gql_value v = { .kind = GQL_V_JSON, .u.s = STR("{\"x\":[1,2]}") };
    CU_ASSERT_STRING_EQUAL(value_json(&v), "{\"x\":[1,2]}");
    v = (struct gql_value){ .kind = GQL_V_JSON };
    CU_ASSERT_STRING_EQUAL(value_json(&v), "null");
    arena_reset(arena);
}

static void test_lists_and_objects_keep_their_order(void)
{
    struct gql_value list = gql_list(arena, 3);
    list.u.list.items[0] = gql_int(3);
    list.u.list.items[1] = gql_null();
    struct gql_value inner = gql_object(arena, 0);
    gql_object_set(arena, &inner, "z", gql_bool(true));
    gql_object_set(arena, &inner, "a", gql_list(arena, 0));
    gql_object_set(arena, &inner, "m", gql_object(arena, 0));
    gql_object_set(arena, &inner, "gone", (struct gql_value){ .kind = GQL_V_UNDEFINED });
    list.u.list.items[2] = inner;
    CU_ASSERT_STRING_EQUAL(value_json(&list), "[3,null,{\"z\":true,\"a\":[],\"m\":{}}]");
    list.u.list.items[1].kind = GQL_V_UNDEFINED;
    CU_ASSERT_STRING_EQUAL(value_json(&list), "[3,null,{\"z\":true,\"a\":[],\"m\":{}}]");
    arena_reset(arena);
}

static void test_a_c_object_that_was_never_completed_is_null(void)
{
    static const int x = 1;
    struct gql_value v = gql_ptr(&x, NULL);
    CU_ASSERT_STRING_EQUAL(value_json(&v), "null");
}

static void test_nesting_beyond_the_writer_depth_is_cut_to_null(void)
{
    struct gql_value v = gql_int(1);
    for (int i = 0; i < JSON_OUT_MAX_DEPTH + 10; i++) {
        struct gql_value l = gql_list(arena, 1);
        l.u.list.items[0] = v;
        v = l;
    }
    const char *s = value_json(&v);
    struct buf want = BUF_INIT(arena);
    for (int i = 0; i < JSON_OUT_MAX_DEPTH; i++)
        buf_appendc(&want, '[');
    buf_appends(&want, "null");
    for (int i = 0; i < JSON_OUT_MAX_DEPTH; i++)
        buf_appendc(&want, ']');
    CU_ASSERT_STRING_EQUAL(s, want.ptr);
    arena_reset(arena);
}

static CU_TestInfo tests[] = {
    { "data alone when there are no errors", test_data_alone_when_there_are_no_errors },
    { "errors come before data", test_errors_come_before_data },
    { "a request error has no data member", test_a_request_error_has_no_data_member },
    { "null data is written as null", test_null_data_is_written_as_null },
    { "errors keep their order and every location",
      test_errors_keep_their_order_and_every_location },
    { "scalars are written as JSON.stringify would",
      test_scalars_are_written_as_json_stringify_would },
    { "strings and enums are escaped", test_strings_and_enums_are_escaped },
    { "JSON values are inserted raw", test_json_values_are_inserted_raw },
    { "lists and objects keep their order; absent members are left out",
      test_lists_and_objects_keep_their_order },
    { "a C object that was never completed is null",
      test_a_c_object_that_was_never_completed_is_null },
    { "nesting beyond the writer's depth is cut to null",
      test_nesting_beyond_the_writer_depth_is_cut_to_null },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_result, "graphql/result", suite_init, suite_clean, tests);
