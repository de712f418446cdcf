/*
 * test_ctx.c: unit tests for src/core/ctx.c: wm_errorf() formats into the request arena and
 * returns its code, and wm_client_message() shows a client the recorded detail for ordinary
 * errors but never the detail of an internal one, only the request id; the per-request memo
 * keeps values until the arena is reset.
 */
#include "core/ctx.h"

#include <stdarg.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "test.h"

static struct arena *arena;
static struct wm_ctx ctx;

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

static void fresh(const char *req_id)
{
    arena_reset(arena);
    memset(&ctx, 0, sizeof(ctx));
    ctx.arena = arena;
    ctx.req_id = req_id;
}

static void test_errorf_records_and_returns_the_code(void)
{
    fresh("r1");
    int rc = wm_errorf(&ctx, WM_EINVAL, "quantity must be between 1 and %d", 99);
    CU_ASSERT_EQUAL(rc, WM_EINVAL);
    CU_ASSERT_EQUAL(ctx.err.code, WM_EINVAL);
    CU_ASSERT_STRING_EQUAL(ctx.err.message, "quantity must be between 1 and 99");
}

static void test_errorf_messages_live_in_the_arena(void)
{
    fresh("r1");
    size_t before = arena_used(arena);
    wm_errorf(&ctx, WM_ENOTFOUND, "unknown product '%s'", "42");
    CU_ASSERT(arena_used(arena) >= before + strlen("unknown product '42'") + 1);
    /* No free needed: the reset in fresh() and the suite's arena_free() release it (LSan). */
}

static void test_errorf_handles_long_and_empty_messages(void)
{
    char big[3000];
    memset(big, 'x', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    fresh("r1");
    wm_errorf(&ctx, WM_EINVAL, "%s!", big);
    CU_ASSERT_EQUAL(strlen(ctx.err.message), sizeof(big));
    CU_ASSERT_EQUAL(ctx.err.message[sizeof(big) - 1], '!');
    wm_errorf(&ctx, WM_ECONFLICT, "%s", "");
    CU_ASSERT_EQUAL(ctx.err.code, WM_ECONFLICT);
    CU_ASSERT_STRING_EQUAL(ctx.err.message, "");
}

static void test_errorf_does_not_reinterpret_arguments(void)
{
    fresh("r1");
    wm_errorf(&ctx, WM_EINVAL, "bad name '%s'", "%s%n%d");
    CU_ASSERT_STRING_EQUAL(ctx.err.message, "bad name '%s%n%d'");
}

static int wrapper(struct wm_ctx *c, int err, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
static int wrapper(struct wm_ctx *c, int err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = wm_verrorf(c, err, fmt, ap);
    va_end(ap);
    return rc;
}

static void test_verrorf_serves_variadic_wrappers(void)
{
    fresh("r1");
    CU_ASSERT_EQUAL(wrapper(&ctx, WM_ELIMIT, "at most %d %s", 100, "items"), WM_ELIMIT);
    CU_ASSERT_STRING_EQUAL(ctx.err.message, "at most 100 items");
}

static void test_a_later_error_replaces_the_earlier_one(void)
{
    fresh("r1");
    wm_errorf(&ctx, WM_EINVAL, "first");
    wm_errorf(&ctx, WM_EPERM, "second");
    CU_ASSERT_EQUAL(ctx.err.code, WM_EPERM);
    CU_ASSERT_STRING_EQUAL(ctx.err.message, "second");
}

static void test_client_sees_the_detail_of_ordinary_errors(void)
{
    fresh("r1");
    wm_errorf(&ctx, WM_EINVAL, "unknown product '42'");
    CU_ASSERT_STRING_EQUAL(wm_client_message(&ctx, WM_EINVAL), "unknown product '42'");
}

static void test_client_sees_the_default_without_matching_detail(void)
{
    fresh("r1");
    CU_ASSERT_STRING_EQUAL(wm_client_message(&ctx, WM_EINVAL), "invalid input");
    wm_errorf(&ctx, WM_ENOTFOUND, "unknown order '7'");
    CU_ASSERT_STRING_EQUAL(wm_client_message(&ctx, WM_EPERM), "not allowed");
    wm_errorf(&ctx, WM_EPERM, "%s", "");
    CU_ASSERT_STRING_EQUAL(wm_client_message(&ctx, WM_EPERM), "not allowed");
}

static void test_internal_errors_hide_the_detail_but_give_the_request_id(void)
{
    fresh("ab12cd");
    wm_errorf(&ctx, WM_EDB, "Table 'market.users' doesn't exist (password=hunter2)");
    const char *m = wm_client_message(&ctx, WM_EDB);
    CU_ASSERT_STRING_EQUAL(m, "internal error (request ab12cd)");
    CU_ASSERT_PTR_NULL(strstr(m, "users"));
    wm_errorf(&ctx, WM_EINTERNAL, "assert in cart.c:12");
    CU_ASSERT_STRING_EQUAL(wm_client_message(&ctx, WM_EINTERNAL),
                           "internal error (request ab12cd)");
    CU_ASSERT_STRING_EQUAL(wm_client_message(&ctx, -999), "internal error (request ab12cd)");
}

static void test_internal_errors_without_a_request_id(void)
{
    fresh(NULL);
    wm_errorf(&ctx, WM_EDB, "secret detail");
    CU_ASSERT_STRING_EQUAL(wm_client_message(&ctx, WM_EDB), "internal error (request -)");
}

static void test_clear_error_forgets_it(void)
{
    fresh("r1");
    wm_errorf(&ctx, WM_EINVAL, "x");
    wm_clear_error(&ctx);
    CU_ASSERT_EQUAL(ctx.err.code, WM_OK);
    CU_ASSERT_PTR_NULL(ctx.err.message);
    CU_ASSERT_STRING_EQUAL(wm_client_message(&ctx, WM_EINVAL), "invalid input");
}

static void test_the_memo_keeps_values_until_the_arena_is_reset(void)
{
    struct arena *a = arena_new(0);
    struct wm_ctx c = { .arena = a, .req_id = "memo" };
    int one = 1;
    int two = 2;
    CU_ASSERT_PTR_NULL(wm_memo_get(&c, "x"));
    wm_memo_set(&c, "x", &one);
    wm_memo_set(&c, "y", &two);
    CU_ASSERT_PTR_EQUAL(wm_memo_get(&c, "x"), &one);
    CU_ASSERT_PTR_EQUAL(wm_memo_get(&c, "y"), &two);
    wm_memo_set(&c, "x", &two); /* a later set wins */
    CU_ASSERT_PTR_EQUAL(wm_memo_get(&c, "x"), &two);
    arena_reset(a); /* the context outlives its arena's reset: the memo does not */
    CU_ASSERT_PTR_NULL(wm_memo_get(&c, "x"));
    CU_ASSERT_PTR_NULL(wm_memo_get(&c, "y"));
    wm_memo_set(&c, "x", &one);
    CU_ASSERT_PTR_EQUAL(wm_memo_get(&c, "x"), &one);
    arena_free(a);
}

static CU_TestInfo tests[] = {
    { "the memo keeps values until the arena is reset",
      test_the_memo_keeps_values_until_the_arena_is_reset },
    { "wm_errorf records the message and returns the code",
      test_errorf_records_and_returns_the_code },
    { "wm_errorf messages live in the request arena", test_errorf_messages_live_in_the_arena },
    { "wm_errorf handles long and empty messages", test_errorf_handles_long_and_empty_messages },
    { "wm_errorf does not reinterpret its arguments", test_errorf_does_not_reinterpret_arguments },
    { "wm_verrorf serves variadic wrappers", test_verrorf_serves_variadic_wrappers },
    { "a later error replaces the earlier one", test_a_later_error_replaces_the_earlier_one },
    { "a client sees the detail of an ordinary error",
      test_client_sees_the_detail_of_ordinary_errors },
    { "a client sees the default message without matching detail",
      test_client_sees_the_default_without_matching_detail },
    { "internal errors hide the detail but give the request id",
      test_internal_errors_hide_the_detail_but_give_the_request_id },
    { "internal errors without a request id", test_internal_errors_without_a_request_id },
    { "wm_clear_error forgets the error", test_clear_error_forgets_it },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(core_ctx, "core/ctx", suite_init, suite_clean, tests);
