/* pselect6.c: pselect6(2): the last argument points at {sigmask, size}. */
#include "event.h"

long uk_sys_pselect6(long n, long rd, long wr, long ex, long tsp, long data)
{
    uint64_t deadline, saved;
    long mask = 0, size = 8;

    long r = event_deadline_ts((const struct timespec *)tsp, &deadline);
    if (r < 0)
        return r;
    if (data) {
        mask = ((const long *)data)[0];
        size = ((const long *)data)[1];
    }
    if ((r = event_sigmask_set(mask, size, &saved)) < 0)
        return r;
    r = select_fds(n, (unsigned long *)rd, (unsigned long *)wr,
                   (unsigned long *)ex, deadline);
    event_sigmask_restore(saved);
    return r;
}
