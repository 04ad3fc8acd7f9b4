/* poll_fds.c: poll(2) over an array of pollfd, until one is ready. */
#include <errno.h>

#include "event.h"

/* Files without a poll op (none yet) are always ready, as on Linux. */
#define POLL_ALWAYS (POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM)

static short poll_one(struct pollfd *p, int *sliced)
{
    struct file *f = fd_get(p->fd);
    struct waitq *wq = NULL;
    short ready;

    if (p->fd < 0)
        return 0;
    if (!f)
        return POLLNVAL;
    if (!f->ops->poll)
        return POLL_ALWAYS & p->events;
    ready = f->ops->poll(f, &wq);
    if (!wq)
        *sliced = 1;
    return ready & (p->events | POLLERR | POLLHUP);
}

long poll_fds(struct pollfd *fds, unsigned long n, uint64_t deadline)
{
    long count, r = 0;

    if (n > FD_MAX)
        return -EINVAL;
    uint64_t flags = irq_save();
    for (;;) {
        int sliced = 0;
        count = 0;
        for (unsigned long i = 0; i < n; i++) {
            fds[i].revents = poll_one(&fds[i], &sliced);
            count += fds[i].revents != 0;
        }
        if (count || (r = event_wait(deadline, sliced)) < 0)
            break;
    }
    irq_restore(flags);
    if (r == -EINTR && !count)
        return -EINTR;
    return count;
}
