/* epoll_create1.c: epoll_create1(2) and epoll_create(2). */
#include <errno.h>

#include "event.h"

long uk_sys_epoll_create1(long flags)
{
    return epoll_open((int)flags);
}

long uk_sys_epoll_create(long size)
{
    if (size <= 0)
        return -EINVAL;
    return epoll_open(0);
}
