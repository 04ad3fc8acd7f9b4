/* setitimer.c: setitimer(2) for ITIMER_REAL (and so alarm()). */
#include <errno.h>
#include <sys/time.h>

#include "runtime.h"

static int itimer_tv_ns(const struct timeval *tv, uint64_t *ns)
{
    if (tv->tv_sec < 0 || tv->tv_usec < 0 || tv->tv_usec >= 1000000)
        return -EINVAL;
    *ns = (uint64_t)tv->tv_sec * 1000000000UL +
          (uint64_t)tv->tv_usec * 1000UL;
    return 0;
}

long uk_sys_setitimer(long which, long newp, long oldp)
{
    const struct itimerval *nv = (const struct itimerval *)newp;
    uint64_t value, interval, f;
    long r;

    if (which != ITIMER_REAL)
        return -EINVAL; /* no CPU-time timers: one address space, no ticks
                         * per process */
    if (oldp && (r = uk_sys_getitimer(which, oldp)) < 0)
        return r;
    if (!nv)
        return 0;
    if ((r = itimer_tv_ns(&nv->it_value, &value)) < 0 ||
        (r = itimer_tv_ns(&nv->it_interval, &interval)) < 0)
        return r;
    f = irq_save();
    itimer_real.interval = interval;
    itimer_real.deadline = value ? time_monotonic_ns() + value : 0;
    r = itimer_changed();
    irq_restore(f);
    return r;
}
