/* epoll_ctl.c: epoll_ctl(2): add, change or remove an interest. */
#include <errno.h>

#include "event.h"

#define EPOLL_KNOWN (EPOLLIN | EPOLLPRI | EPOLLOUT | EPOLLERR | EPOLLHUP | \
                     EPOLLRDNORM | EPOLLRDBAND | EPOLLWRNORM | EPOLLWRBAND | \
                     EPOLLMSG | EPOLLRDHUP | EPOLLEXCLUSIVE | EPOLLWAKEUP | \
                     EPOLLONESHOT | EPOLLET)

static struct epoll_item *epoll_find(struct epoll *ep, int fd)
{
    for (int i = 0; i < ep->n; i++)
        if (ep->items[i].fd == fd)
            return &ep->items[i];
    return NULL;
}

long uk_sys_epoll_ctl(long epfd, long op, long fd, long evp)
{
    struct epoll *ep = epoll_get((int)epfd);
    struct file *f = fd_get((int)fd);
    const struct epoll_event *ev = (const struct epoll_event *)evp;

    if (!fd_get((int)epfd) || !f)
        return -EBADF;
    if (!ep || epfd == fd)
        return -EINVAL;
    if (!f->ops->poll)
        return -EPERM; /* like a regular file on Linux */
    if (op != EPOLL_CTL_DEL && !ev)
        return -EFAULT;
    if (op != EPOLL_CTL_DEL && (ev->events & ~EPOLL_KNOWN))
        return -EINVAL;
    epoll_prune(ep);
    struct epoll_item *it = epoll_find(ep, (int)fd);
    switch (op) {
    case EPOLL_CTL_ADD:
        return it ? -EEXIST : epoll_add(ep, (int)fd, f, ev);
    case EPOLL_CTL_MOD:
        if (!it)
            return -ENOENT;
        it->events = ev->events;
        it->data = ev->data.u64;
        it->disabled = 0;
        it->armed = 1;
        return 0;
    case EPOLL_CTL_DEL:
        if (!it)
            return -ENOENT;
        *it = ep->items[--ep->n];
        return 0;
    default:
        return -EINVAL;
    }
}
