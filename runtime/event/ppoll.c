/* ppoll.c: ppoll(2): poll with a timespec and a temporary signal mask. */
#include "event.h"

long uk_sys_ppoll(long fds, long n, long tsp, long maskp, long masksize)
{
    uint64_t deadline, saved;
    long r = event_deadline_ts((const struct timespec *)tsp, &deadline);
    if (r < 0)
        return r;
    if ((r = event_sigmask_set(maskp, masksize, &saved)) < 0)
        return r;
    r = poll_fds((struct pollfd *)fds, (unsigned long)n, deadline);
    event_sigmask_restore(saved);
    return r;
}
