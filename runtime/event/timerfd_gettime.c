/* timerfd_gettime.c: timerfd_gettime(2): time left and the period. */
#include <errno.h>

#include "event.h"

static void ns_to_ts(uint64_t ns, struct timespec *ts)
{
    ts->tv_sec = (time_t)(ns / 1000000000UL);
    ts->tv_nsec = (long)(ns % 1000000000UL);
}

long uk_sys_timerfd_gettime(long fd, long curp)
{
    struct timerfd *t = timerfd_get((int)fd);
    struct itimerspec *cur = (struct itimerspec *)curp;
    uint64_t now, left = 0;

    if (!t)
        return fd_get((int)fd) ? -EINVAL : -EBADF;
    uint64_t flags = irq_save();
    timerfd_update(t);
    if (t->next_ns && clock_read_ns(t->clock, &now) == 0)
        left = t->next_ns > now ? t->next_ns - now : 1;
    ns_to_ts(left, &cur->it_value);
    ns_to_ts(t->interval_ns, &cur->it_interval);
    irq_restore(flags);
    return 0;
}
