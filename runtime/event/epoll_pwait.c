/* epoll_pwait.c: epoll_pwait(2): epoll_wait under a temporary signal mask. */
#include <errno.h>

#include "event.h"

long uk_sys_epoll_pwait(long epfd, long events, long max, long timeout_ms,
                        long maskp, long masksize)
{
    struct epoll *ep = epoll_get((int)epfd);
    uint64_t saved;

    if (!ep)
        return fd_get((int)epfd) ? -EINVAL : -EBADF;
    long r = event_sigmask_set(maskp, masksize, &saved);
    if (r < 0)
        return r;
    r = epoll_scan_wait(ep, (struct epoll_event *)events, (int)max,
                        event_deadline_ms((int)timeout_ms));
    event_sigmask_restore(saved);
    return r;
}
