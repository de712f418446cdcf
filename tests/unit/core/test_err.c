/*
 * test_err.c: unit tests for src/core/err.c. Every row of WM_ERR_MAP is walked with the same
 * X-macro the header uses, so a new row is tested the moment it is added: its name, status,
 * GraphQL code and message must come back, codes must be distinct and negative, and unknown
 * codes must fall back to a safe internal error.
 */
#include "core/err.h"

#include <stdbool.h>
#include <string.h>

#include "test.h"

struct row {
    const char *name;
    int code;
    int http;
    const char *gql;
    const char *msg;
};

static const struct row rows[] = {
#define X(name, val, http, gql, msg) { #name, WM_##name, http, gql, msg },
    WM_ERR_MAP(X)
#undef X
};

#define NROWS (sizeof(rows) / sizeof(rows[0]))

static void test_every_code_maps_to_its_row(void)
{
    for (size_t i = 0; i < NROWS; i++) {
        const struct row *r = &rows[i];
        CU_ASSERT_STRING_EQUAL(wm_err_name(r->code), r->name);
        CU_ASSERT_EQUAL(wm_http_status(r->code), r->http);
        CU_ASSERT_STRING_EQUAL(wm_gql_code(r->code), r->gql);
        CU_ASSERT_STRING_EQUAL(wm_strerror(r->code), r->msg);
    }
}

static void test_codes_are_distinct_and_negative(void)
{
    for (size_t i = 0; i < NROWS; i++) {
        CU_ASSERT(rows[i].code < 0);
        CU_ASSERT(rows[i].name[0] == 'E');
        for (size_t k = 0; k < i; k++) {
            CU_ASSERT(rows[k].code != rows[i].code);
            CU_ASSERT(strcmp(rows[k].name, rows[i].name) != 0);
        }
    }
}

static void test_rows_are_well_formed(void)
{
    for (size_t i = 0; i < NROWS; i++) {
        const struct row *r = &rows[i];
        CU_ASSERT(r->http >= 400 && r->http <= 599);
        CU_ASSERT(r->gql[0] != '\0');
        CU_ASSERT(strspn(r->gql, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_") == strlen(r->gql));
        /* git message style: lowercase start, no full stop. */
        CU_ASSERT(r->msg[0] >= 'a' && r->msg[0] <= 'z');
        CU_ASSERT(r->msg[strlen(r->msg) - 1] != '.');
    }
}

static void test_known_rows(void)
{
    CU_ASSERT_EQUAL(WM_EINVAL, -1);
    CU_ASSERT_EQUAL(wm_http_status(WM_EINVAL), 400);
    CU_ASSERT_STRING_EQUAL(wm_gql_code(WM_EINVAL), "BAD_USER_INPUT");
    CU_ASSERT_STRING_EQUAL(wm_strerror(WM_EINVAL), "invalid input");
    CU_ASSERT_EQUAL(wm_http_status(WM_EUNAUTH), 401);
    CU_ASSERT_STRING_EQUAL(wm_gql_code(WM_EUNAUTH), "UNAUTHENTICATED");
    CU_ASSERT_EQUAL(wm_http_status(WM_ENOTFOUND), 404);
    CU_ASSERT_EQUAL(wm_http_status(WM_ELIMIT), 429);
    CU_ASSERT_EQUAL(wm_http_status(WM_EDB), 500);
    CU_ASSERT_STRING_EQUAL(wm_gql_code(WM_EDB), "INTERNAL_SERVER_ERROR");
    CU_ASSERT_EQUAL(wm_http_status(WM_ETOOBIG), 413);
}

static void test_ok_is_not_an_error(void)
{
    CU_ASSERT_EQUAL(WM_OK, 0);
    CU_ASSERT_EQUAL(wm_http_status(WM_OK), 200);
    CU_ASSERT_STRING_EQUAL(wm_err_name(WM_OK), "OK");
    CU_ASSERT_STRING_EQUAL(wm_strerror(WM_OK), "ok");
    CU_ASSERT(!wm_err_is_internal(WM_OK));
}

static void test_unknown_codes_are_safe_internal_errors(void)
{
    static const int unknown[] = { 1, 42, -1000, -99, -2147483647 - 1 };
    for (size_t i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
        int code = unknown[i];
        CU_ASSERT_STRING_EQUAL(wm_strerror(code), "unknown error");
        CU_ASSERT_STRING_EQUAL(wm_err_name(code), "EUNKNOWN");
        CU_ASSERT_EQUAL(wm_http_status(code), 500);
        CU_ASSERT_STRING_EQUAL(wm_gql_code(code), "INTERNAL_SERVER_ERROR");
        CU_ASSERT(wm_err_is_internal(code));
    }
}

static void test_internal_detection(void)
{
    CU_ASSERT(wm_err_is_internal(WM_EDB));
    CU_ASSERT(wm_err_is_internal(WM_EINTERNAL));
    for (size_t i = 0; i < NROWS; i++) {
        bool internal = rows[i].code == WM_EDB || rows[i].code == WM_EINTERNAL;
        CU_ASSERT_EQUAL(wm_err_is_internal(rows[i].code) != 0, internal);
        /* Whatever is internal answers 500: no client-facing status hides it. */
        if (internal) CU_ASSERT_EQUAL(rows[i].http, 500);
    }
}

static CU_TestInfo tests[] = {
    { "every code maps to its row", test_every_code_maps_to_its_row },
    { "codes are distinct and negative", test_codes_are_distinct_and_negative },
    { "rows are well formed", test_rows_are_well_formed },
    { "known rows have their documented values", test_known_rows },
    { "WM_OK is not an error", test_ok_is_not_an_error },
    { "unknown codes are safe internal errors", test_unknown_codes_are_safe_internal_errors },
    { "only EDB and EINTERNAL are internal", test_internal_detection },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(core_err, "core/err", NULL, NULL, tests);
