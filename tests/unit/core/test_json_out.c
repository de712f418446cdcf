/*
 * test_json_out.c: unit tests for src/core/json_out.c: commas at every nesting level, escaping
 * of keys and strings, integers at their limits, shortest round-trip doubles, raw values, and
 * that misuse is stopped by an assert (checked in a forked child).
 */
#include "core/json_out.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/buf.h"
#include "test.h"

static struct buf b = BUF_INIT(NULL);
static struct json_out j;

static void start(void)
{
    buf_release(&b);
    json_out_init(&j, &b);
}

static int suite_clean(void)
{
    buf_release(&b);
    return 0;
}

static void test_empty_object_and_array(void)
{
    start();
    json_obj_begin(&j);
    json_obj_end(&j);
    CU_ASSERT_STRING_EQUAL(b.ptr, "{}");
    start();
    json_arr_begin(&j);
    json_arr_end(&j);
    CU_ASSERT_STRING_EQUAL(b.ptr, "[]");
    CU_ASSERT(json_out_is_complete(&j));
}

static void test_commas_at_every_level(void)
{
    start();
    json_obj_begin(&j);
    json_key(&j, "a");
    json_arr_begin(&j);
    json_int(&j, 1);
    json_int(&j, 2);
    json_obj_begin(&j);
    json_key(&j, "b");
    json_null(&j);
    json_obj_end(&j);
    json_arr_begin(&j);
    json_arr_end(&j);
    json_obj_begin(&j);
    json_obj_end(&j);
    json_arr_end(&j);
    json_key(&j, "c");
    json_obj_begin(&j);
    json_key(&j, "d");
    json_boolean(&j, true);
    json_key(&j, "e");
    json_boolean(&j, false);
    json_obj_end(&j);
    json_key(&j, "f");
    json_str(&j, "g");
    json_obj_end(&j);
    CU_ASSERT_STRING_EQUAL(b.ptr, "{\"a\":[1,2,{\"b\":null},[],{}],\"c\":{\"d\":true,\"e\":false},"
                                  "\"f\":\"g\"}");
    CU_ASSERT(json_out_is_complete(&j));
}

static void test_an_array_of_arrays_after_a_closed_container(void)
{
    start();
    json_arr_begin(&j);
    for (int i = 0; i < 3; i++) {
        json_arr_begin(&j);
        json_int(&j, i);
        json_arr_end(&j);
    }
    json_arr_end(&j);
    CU_ASSERT_STRING_EQUAL(b.ptr, "[[0],[1],[2]]");
}

static void test_keys_and_strings_are_escaped(void)
{
    start();
    json_obj_begin(&j);
    json_key(&j, "a\"b\\c\n");
    json_str(&j, "</script>\x01\t\xe2\x80\xa8\xff");
    json_obj_end(&j);
    CU_ASSERT_STRING_EQUAL(b.ptr,
                           "{\"a\\\"b\\\\c\\n\":\"</script>\\u0001\\t\\u2028\xef\xbf\xbd\"}");
}

static void test_lengths_are_used_not_the_nul(void)
{
    start();
    json_obj_begin(&j);
    json_key_n(&j, "k\0ey", 4);
    json_str_n(&j, "v\0al", 4);
    json_key_n(&j, "name_is_cut", 4);
    json_str_n(&j, "", 0);
    json_obj_end(&j);
    CU_ASSERT_STRING_EQUAL(b.ptr, "{\"k\\u0000ey\":\"v\\u0000al\",\"name\":\"\"}");
}

static void test_null_strings_write_null(void)
{
    start();
    json_arr_begin(&j);
    json_str(&j, NULL);
    json_str_n(&j, NULL, 5);
    json_str(&j, "");
    json_arr_end(&j);
    CU_ASSERT_STRING_EQUAL(b.ptr, "[null,null,\"\"]");
}

static void test_integers_at_their_limits(void)
{
    start();
    json_arr_begin(&j);
    json_int(&j, 0);
    json_int(&j, -1);
    json_int(&j, INT64_MAX);
    json_int(&j, INT64_MIN);
    json_arr_end(&j);
    CU_ASSERT_STRING_EQUAL(b.ptr, "[0,-1,9223372036854775807,-9223372036854775808]");
}

static const char *dbl(double v)
{
    start();
    json_double(&j, v);
    return b.ptr;
}

static void test_doubles_use_the_shortest_exact_form(void)
{
    CU_ASSERT_STRING_EQUAL(dbl(1.0), "1");
    CU_ASSERT_STRING_EQUAL(dbl(-2.0), "-2");
    CU_ASSERT_STRING_EQUAL(dbl(0.0), "0");
    CU_ASSERT_STRING_EQUAL(dbl(-0.0), "-0");
    CU_ASSERT_STRING_EQUAL(dbl(0.1), "0.1");
    CU_ASSERT_STRING_EQUAL(dbl(1.5), "1.5");
    CU_ASSERT_STRING_EQUAL(dbl(19.99), "19.99");
    CU_ASSERT_STRING_EQUAL(dbl(1.0 / 3.0), "0.3333333333333333");
    CU_ASSERT_STRING_EQUAL(dbl(0.1 + 0.2), "0.30000000000000004");
    CU_ASSERT_STRING_EQUAL(dbl(1e21), "1e+21");
    CU_ASSERT_STRING_EQUAL(dbl(1e-7), "1e-07");
    CU_ASSERT_STRING_EQUAL(dbl(123456789012345.0), "123456789012345");
    CU_ASSERT_STRING_EQUAL(dbl(9007199254740993.0), "9007199254740992");
}

static void test_doubles_read_back_exactly(void)
{
    const double values[] = {
        DBL_MAX, -DBL_MAX, DBL_MIN, DBL_EPSILON, 5e-324, 2.5e-308, M_PI, M_E,
        1e15,    1e16,     1e17,    123.456e200, 0.7,    4.35,     1e23, 5e-1
    };
    for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
        const char *s = dbl(values[i]);
        CU_ASSERT_EQUAL(strtod(s, NULL), values[i]);
        CU_ASSERT(strspn(s, "0123456789.e+-") == strlen(s));
        CU_ASSERT(strlen(s) <= 24);
    }
    /* Pseudo-random bit patterns: every finite one must round-trip. */
    uint64_t x = 0x9e3779b97f4a7c15u;
    for (int i = 0; i < 20000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double v;
        memcpy(&v, &x, sizeof(v));
        if (!isfinite(v)) continue;
        const char *s = dbl(v);
        if (strtod(s, NULL) != v) {
            CU_FAIL("a double did not round-trip");
            break;
        }
    }
}

static void test_non_finite_doubles_write_null(void)
{
    start();
    json_arr_begin(&j);
    json_double(&j, NAN);
    json_double(&j, INFINITY);
    json_double(&j, -INFINITY);
    json_double(&j, 2.5);
    json_arr_end(&j);
    CU_ASSERT_STRING_EQUAL(b.ptr, "[null,null,null,2.5]");
}

static void test_raw_is_one_value_with_its_comma(void)
{
    start();
    json_obj_begin(&j);
    json_key(&j, "data");
    json_raw(&j, "{\"x\":[1,2]}", 11);
    json_key(&j, "n");
    json_raw(&j, "12345", 3);
    json_obj_end(&j);
    CU_ASSERT_STRING_EQUAL(b.ptr, "{\"data\":{\"x\":[1,2]},\"n\":123}");
    start();
    json_arr_begin(&j);
    json_raw(&j, "1", 1);
    json_raw(&j, "true", 4);
    json_arr_end(&j);
    CU_ASSERT_STRING_EQUAL(b.ptr, "[1,true]");
}

static void test_a_top_level_scalar(void)
{
    start();
    json_str(&j, "only");
    CU_ASSERT_STRING_EQUAL(b.ptr, "\"only\"");
    CU_ASSERT(json_out_is_complete(&j));
}

static void test_writing_appends_to_the_buffer(void)
{
    start();
    buf_appends(&b, "cb(");
    json_out_init(&j, &b);
    json_arr_begin(&j);
    json_int(&j, 1);
    json_arr_end(&j);
    buf_appendc(&b, ')');
    CU_ASSERT_STRING_EQUAL(b.ptr, "cb([1])");
}

static void test_nesting_to_the_maximum_depth(void)
{
    start();
    for (int i = 0; i < JSON_OUT_MAX_DEPTH; i++)
        json_arr_begin(&j);
    CU_ASSERT(!json_out_is_complete(&j));
    json_int(&j, 7);
    for (int i = 0; i < JSON_OUT_MAX_DEPTH; i++)
        json_arr_end(&j);
    CU_ASSERT(json_out_is_complete(&j));
    CU_ASSERT_EQUAL_FATAL(b.len, 2 * JSON_OUT_MAX_DEPTH + 1);
    CU_ASSERT_EQUAL(strspn(b.ptr, "["), JSON_OUT_MAX_DEPTH);
    CU_ASSERT_EQUAL(b.ptr[JSON_OUT_MAX_DEPTH], '7');
    CU_ASSERT_EQUAL(strspn(b.ptr + JSON_OUT_MAX_DEPTH + 1, "]"), JSON_OUT_MAX_DEPTH);
}

static void test_completeness_tracks_open_containers_and_keys(void)
{
    start();
    CU_ASSERT(json_out_is_complete(&j));
    json_obj_begin(&j);
    CU_ASSERT(!json_out_is_complete(&j));
    json_key(&j, "k");
    CU_ASSERT(!json_out_is_complete(&j));
    json_int(&j, 1);
    CU_ASSERT(!json_out_is_complete(&j));
    json_obj_end(&j);
    CU_ASSERT(json_out_is_complete(&j));
}

/* Run fn in a child with stderr silenced; true when it died (an assert fired). */
static bool dies(void (*fn)(void))
{
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0) {
        FILE *null = freopen("/dev/null", "w", stderr);
        (void)null;
        fn();
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    return WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) != 0);
}

static void key_in_array(void)
{
    start();
    json_arr_begin(&j);
    json_key(&j, "k");
}

static void value_without_key(void)
{
    start();
    json_obj_begin(&j);
    json_int(&j, 1);
}

static void mismatched_end(void)
{
    start();
    json_obj_begin(&j);
    json_arr_end(&j);
}

static void end_without_begin(void)
{
    start();
    json_obj_end(&j);
}

static void key_without_value(void)
{
    start();
    json_obj_begin(&j);
    json_key(&j, "k");
    json_obj_end(&j);
}

static void too_deep(void)
{
    start();
    for (int i = 0; i <= JSON_OUT_MAX_DEPTH; i++)
        json_arr_begin(&j);
}

static void well_formed(void)
{
    start();
    json_obj_begin(&j);
    json_key(&j, "k");
    json_int(&j, 1);
    json_obj_end(&j);
}

static void test_misuse_is_stopped_by_an_assert(void)
{
    CU_ASSERT(!dies(well_formed));
    CU_ASSERT(dies(key_in_array));
    CU_ASSERT(dies(value_without_key));
    CU_ASSERT(dies(mismatched_end));
    CU_ASSERT(dies(end_without_begin));
    CU_ASSERT(dies(key_without_value));
    CU_ASSERT(dies(too_deep));
}

static CU_TestInfo tests[] = {
    { "an empty object and an empty array", test_empty_object_and_array },
    { "commas separate members and elements at every level", test_commas_at_every_level },
    { "an array of arrays gets commas after each closed one",
      test_an_array_of_arrays_after_a_closed_container },
    { "keys and strings are escaped", test_keys_and_strings_are_escaped },
    { "lengths are used, not the NUL", test_lengths_are_used_not_the_nul },
    { "NULL strings write null", test_null_strings_write_null },
    { "integers at their limits", test_integers_at_their_limits },
    { "doubles use the shortest exact form", test_doubles_use_the_shortest_exact_form },
    { "doubles read back exactly", test_doubles_read_back_exactly },
    { "non-finite doubles write null", test_non_finite_doubles_write_null },
    { "raw text is one value with its comma", test_raw_is_one_value_with_its_comma },
    { "a top-level scalar", test_a_top_level_scalar },
    { "writing appends to what the buffer holds", test_writing_appends_to_the_buffer },
    { "nesting works to the maximum depth", test_nesting_to_the_maximum_depth },
    { "completeness tracks open containers and a pending key",
      test_completeness_tracks_open_containers_and_keys },
    { "misuse is stopped by an assert", test_misuse_is_stopped_by_an_assert },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(core_json_out, "core/json_out", NULL, suite_clean, tests);
