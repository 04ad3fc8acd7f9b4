/* getitimer.c: getitimer(2) for ITIMER_REAL. */
#include <errno.h>
#include <sys/time.h>

#include "runtime.h"

static void itimer_ns_tv(uint64_t ns, struct timeval *tv)
{
    tv->tv_sec = (time_t)(ns / 1000000000UL);
    tv->tv_usec = (suseconds_t)(ns % 1000000000UL / 1000UL);
}

long uk_sys_getitimer(long which, long curp)
{
    struct itimerval *cur = (struct itimerval *)curp;
    uint64_t now = time_monotonic_ns(), due = itimer_real.deadline;

    if (which != ITIMER_REAL)
        return -EINVAL;
    itimer_ns_tv(due > now ? due - now : 0, &cur->it_value);
    if (due && due <= now)
        cur->it_value.tv_usec = 1; /* due, not yet posted: still armed */
    itimer_ns_tv(itimer_real.interval, &cur->it_interval);
    return 0;
}
