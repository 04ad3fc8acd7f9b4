/* epoll_wait.c: epoll_wait(2). */
#include <errno.h>

#include "event.h"

long uk_sys_epoll_wait(long epfd, long events, long max, long timeout_ms)
{
    struct epoll *ep = epoll_get((int)epfd);
    if (!ep)
        return fd_get((int)epfd) ? -EINVAL : -EBADF;
    return epoll_scan_wait(ep, (struct epoll_event *)events, (int)max,
                           event_deadline_ms((int)timeout_ms));
}
