/* timerfd_settime.c: timerfd_settime(2): arm (once or periodic), disarm. */
#include <errno.h>
#include <sys/timerfd.h>

#include "event.h"

static long ts_to_ns(const struct timespec *ts, uint64_t *ns)
{
    if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000L)
        return -EINVAL;
    *ns = (uint64_t)ts->tv_sec * 1000000000UL + (uint64_t)ts->tv_nsec;
    return 0;
}

long uk_sys_timerfd_settime(long fd, long flags, long newp, long oldp)
{
    struct timerfd *t = timerfd_get((int)fd);
    const struct itimerspec *nv = (const struct itimerspec *)newp;
    uint64_t value, interval, now;
    long r;

    if (!t)
        return fd_get((int)fd) ? -EINVAL : -EBADF;
    if (flags & ~(TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET))
        return -EINVAL;
    if ((r = ts_to_ns(&nv->it_value, &value)) < 0 ||
        (r = ts_to_ns(&nv->it_interval, &interval)) < 0)
        return r;
    if (oldp)
        uk_sys_timerfd_gettime(fd, oldp);
    if ((r = clock_read_ns(t->clock, &now)) < 0)
        return r;
    uint64_t irq = irq_save();
    t->ticks = 0;
    t->interval_ns = interval;
    t->next_ns = 0;
    if (value)
        t->next_ns = flags & TFD_TIMER_ABSTIME ? value : now + value;
    if (!t->next_ns && value) /* an absolute time of 0 ns still expires */
        t->next_ns = 1;
    irq_restore(irq);
    waitq_wake_all(&t->q); /* a sleeping reader has a new deadline */
    return 0;
}
