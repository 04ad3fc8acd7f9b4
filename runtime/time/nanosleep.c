/* nanosleep.c: nanosleep(2) and clock_nanosleep(2). */
#include <errno.h>
#include <time.h>

#include "runtime.h"

static long timespec_ns(const struct timespec *ts, uint64_t *ns)
{
    if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000L)
        return -EINVAL;
    *ns = (uint64_t)ts->tv_sec * 1000000000UL + (uint64_t)ts->tv_nsec;
    return 0;
}

long uk_sys_clock_nanosleep(long clk, long flags, long reqp, long remp)
{
    uint64_t req, now;
    long r = timespec_ns((const struct timespec *)reqp, &req);
    if (r < 0)
        return r;
    if ((r = clock_read_ns(clk, &now)) < 0)
        return r;
    if (flags & TIMER_ABSTIME)
        req = req > now ? req - now : 0;
    uint64_t left = time_sleep_ns(req);
    if (remp && !(flags & TIMER_ABSTIME)) {
        struct timespec *rem = (struct timespec *)remp;
        rem->tv_sec = (time_t)(left / 1000000000UL);
        rem->tv_nsec = (long)(left % 1000000000UL);
    }
    return left ? -EINTR : 0;
}

long uk_sys_nanosleep(long reqp, long remp)
{
    return uk_sys_clock_nanosleep(CLOCK_MONOTONIC, 0, reqp, remp);
}
