/*
 * test_validate.c: unit tests for src/graphql/validation/validate.c (placeholder, completed
 * below).
 */
#include "graphql/validation/validate.h"

#include "harness.h"

static void test_a_valid_query_has_no_errors(void)
{
    expect_all_errors(0, "{ dog { name } }", "");
}

static CU_TestInfo tests[] = {
    { "a valid query has no errors", test_a_valid_query_has_no_errors },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_validate, "graphql/validation/validate", harness_init, harness_clean,
           tests);
