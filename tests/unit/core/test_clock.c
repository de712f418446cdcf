/*
 * test_clock.c: the monotonic clock: it never goes back, its two units agree, and a sleep of
 * 20 ms shows as at least that much on both.
 */
#include "core/clock.h"

#include <time.h>

#include "test.h"

static void the_clock_moves_forward_in_both_units(void)
{
    int64_t ms0 = clock_ms();
    double s0 = clock_s();
    CU_ASSERT(s0 * 1000.0 - (double)ms0 < 2.0 && (double)ms0 - s0 * 1000.0 < 2.0);
    struct timespec pause = { 0, 20 * 1000000 };
    nanosleep(&pause, NULL);
    CU_ASSERT(clock_ms() - ms0 >= 20);
    CU_ASSERT(clock_s() - s0 >= 0.02);
    for (int i = 0; i < 1000; i++) {
        int64_t a = clock_ms();
        CU_ASSERT(clock_ms() >= a);
    }
}

static CU_TestInfo tests[] = {
    { "the clock moves forward in both units", the_clock_moves_forward_in_both_units },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(core_clock, "core/clock", NULL, NULL, tests);
