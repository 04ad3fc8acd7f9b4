/* gettimeofday.c: gettimeofday(2). */
#include <sys/time.h>

#include "runtime.h"

long uk_sys_gettimeofday(long tvp, long tzp)
{
    if (tvp) {
        uint64_t ns = time_realtime_ns();
        struct timeval *tv = (struct timeval *)tvp;
        tv->tv_sec = (time_t)(ns / 1000000000UL);
        tv->tv_usec = (suseconds_t)(ns % 1000000000UL / 1000);
    }
    if (tzp) {
        struct timezone *tz = (struct timezone *)tzp;
        tz->tz_minuteswest = 0;
        tz->tz_dsttime = 0;
    }
    return 0;
}
