/* clock_getres.c: clock_getres(2): TSC clocks resolve to a nanosecond. */
#include <time.h>

#include "runtime.h"

long uk_sys_clock_getres(long clk, long tsp)
{
    uint64_t ns;
    long r = clock_read_ns(clk, &ns);
    if (r < 0)
        return r;
    if (tsp) {
        struct timespec *ts = (struct timespec *)tsp;
        ts->tv_sec = 0;
        ts->tv_nsec = 1;
    }
    return 0;
}
