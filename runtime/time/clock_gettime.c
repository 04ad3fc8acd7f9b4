/* clock_gettime.c: clock_gettime(2). */
#include <time.h>

#include "runtime.h"

long uk_sys_clock_gettime(long clk, long tsp)
{
    uint64_t ns;
    long r = clock_read_ns(clk, &ns);
    if (r < 0)
        return r;
    struct timespec *ts = (struct timespec *)tsp;
    ts->tv_sec = (time_t)(ns / 1000000000UL);
    ts->tv_nsec = (long)(ns % 1000000000UL);
    return 0;
}
