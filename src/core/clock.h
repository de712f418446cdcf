/*
 * clock.h: the monotonic clock, for durations and deadlines (never wall time: it does not jump
 * when the system clock is set). The one place that reads CLOCK_MONOTONIC.
 */
#ifndef WM_CORE_CLOCK_H
#define WM_CORE_CLOCK_H

#include <stdint.h>
#include <time.h>

/* Milliseconds on the monotonic clock (an arbitrary origin: compare, never print). */
static inline int64_t clock_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Seconds on the monotonic clock, with the nanoseconds as a fraction. */
static inline double clock_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#endif
