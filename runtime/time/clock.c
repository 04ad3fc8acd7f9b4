/* clock.c: which kernel clock answers each POSIX clock id. */
#include <errno.h>
#include <time.h>

#include "runtime.h"

/* One process on one CPU: its CPU time is the time since boot. */
long clock_read_ns(long clk, uint64_t *ns)
{
    switch (clk) {
    case CLOCK_REALTIME:
    case CLOCK_REALTIME_COARSE:
        *ns = time_realtime_ns();
        return 0;
    case CLOCK_MONOTONIC:
    case CLOCK_MONOTONIC_RAW:
    case CLOCK_MONOTONIC_COARSE:
    case CLOCK_BOOTTIME:
    case CLOCK_PROCESS_CPUTIME_ID:
    case CLOCK_THREAD_CPUTIME_ID:
        *ns = time_monotonic_ns();
        return 0;
    default:
        return -EINVAL;
    }
}
