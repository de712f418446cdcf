/*
 * test_error.c: unit tests for src/graphql/error.c (gql_error_add): message formatting into
 * the arena, zero, one or two locations, the extensions code, growth past the first block of
 * errors with earlier errors intact, and the cap (errors beyond max are dropped and flagged).
 */
#include "graphql/graphql.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "test.h"

static void test_an_error_has_its_message_locations_and_code(void)
{
    struct arena *a = arena_new(0);
    struct gql_errors errs = { 0 };
    struct gql_loc l1 = { 3, 7 };
    struct gql_loc l2 = { 9, 1 };
    gql_error_add(a, &errs, GQL_CODE_VALIDATION, &l1, &l2, "Fragment \"%s\" is never used.", "F");
    CU_ASSERT_EQUAL_FATAL(errs.count, 1);
    const struct gql_error *e = &errs.items[0];
    CU_ASSERT_STRING_EQUAL(e->message, "Fragment \"F\" is never used.");
    CU_ASSERT_EQUAL_FATAL(e->nlocations, 2);
    CU_ASSERT(e->locations[0].line == 3 && e->locations[0].column == 7);
    CU_ASSERT(e->locations[1].line == 9 && e->locations[1].column == 1);
    CU_ASSERT_STRING_EQUAL(e->code, "GRAPHQL_VALIDATION_FAILED");
    CU_ASSERT_EQUAL(e->npath, 0);
    CU_ASSERT_PTR_NULL(e->path);
    CU_ASSERT(!errs.truncated);
    arena_free(a);
}

static void test_locations_and_code_are_optional(void)
{
    struct arena *a = arena_new(0);
    struct gql_errors errs = { 0 };
    struct gql_loc l = { 1, 2 };
    gql_error_add(a, &errs, NULL, NULL, NULL, "no location");
    gql_error_add(a, &errs, GQL_CODE_PARSE, &l, NULL, "one");
    gql_error_add(a, &errs, GQL_CODE_INPUT, NULL, &l, "second only");
    CU_ASSERT_EQUAL_FATAL(errs.count, 3);
    CU_ASSERT_EQUAL(errs.items[0].nlocations, 0);
    CU_ASSERT_PTR_NULL(errs.items[0].locations);
    CU_ASSERT_PTR_NULL(errs.items[0].code);
    CU_ASSERT_EQUAL(errs.items[1].nlocations, 1);
    CU_ASSERT_EQUAL(errs.items[2].nlocations, 1);
    CU_ASSERT_EQUAL(errs.items[2].locations[0].column, 2);
    CU_ASSERT_STRING_EQUAL(errs.items[2].code, "BAD_USER_INPUT");
    arena_free(a);
}

static void test_the_list_grows_and_keeps_earlier_errors(void)
{
    struct arena *a = arena_new(0);
    struct gql_errors errs = { 0 };
    for (int i = 0; i < 1000; i++) {
        struct gql_loc l = { (uint32_t)i + 1, 1 };
        gql_error_add(a, &errs, GQL_CODE_VALIDATION, &l, NULL, "error %d", i);
    }
    CU_ASSERT_EQUAL_FATAL(errs.count, 1000);
    CU_ASSERT(errs.cap >= 1000);
    char want[32];
    for (int i = 0; i < 1000; i += 37) {
        snprintf(want, sizeof want, "error %d", i);
        CU_ASSERT_STRING_EQUAL(errs.items[i].message, want);
        CU_ASSERT_EQUAL(errs.items[i].locations[0].line, (uint32_t)i + 1);
    }
    arena_free(a);
}

static void test_errors_beyond_the_cap_are_dropped_and_flagged(void)
{
    struct arena *a = arena_new(0);
    struct gql_errors errs = { .max = 3 };
    for (int i = 0; i < 5; i++)
        gql_error_add(a, &errs, NULL, NULL, NULL, "e%d", i);
    CU_ASSERT_EQUAL(errs.count, 3);
    CU_ASSERT(errs.truncated);
    CU_ASSERT_STRING_EQUAL(errs.items[2].message, "e2");
    arena_free(a);
}

static void test_long_and_empty_messages(void)
{
    struct arena *a = arena_new(0);
    struct gql_errors errs = { 0 };
    char big[5000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    gql_error_add(a, &errs, NULL, NULL, NULL, "%s!", big);
    gql_error_add(a, &errs, NULL, NULL, NULL, "%s", "");
    CU_ASSERT_EQUAL_FATAL(errs.count, 2);
    CU_ASSERT_EQUAL(strlen(errs.items[0].message), sizeof big);
    CU_ASSERT_EQUAL(errs.items[0].message[sizeof big - 1], '!');
    CU_ASSERT_STRING_EQUAL(errs.items[1].message, "");
    arena_free(a);
}

static CU_TestInfo tests[] = {
    { "an error has its message, locations and code",
      test_an_error_has_its_message_locations_and_code },
    { "locations and code are optional", test_locations_and_code_are_optional },
    { "the list grows and keeps earlier errors", test_the_list_grows_and_keeps_earlier_errors },
    { "errors beyond the cap are dropped and flagged",
      test_errors_beyond_the_cap_are_dropped_and_flagged },
    { "long and empty messages", test_long_and_empty_messages },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_error, "graphql/error", NULL, NULL, tests);
