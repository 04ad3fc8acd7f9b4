/* epoll_file.c: an epoll instance: a file holding an interest list. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#include "event.h"

static long epoll_close(struct file *f)
{
    struct epoll *ep = f->priv;
    event_free(ep->items, ep->cap * sizeof *ep->items);
    event_free(ep, sizeof *ep);
    return 0;
}

/* Readable when an item is ready; items change by themselves: no queue. */
static short epoll_poll(struct file *f, struct waitq **wq)
{
    struct epoll *ep = f->priv;
    *wq = NULL;
    epoll_prune(ep);
    for (int i = 0; i < ep->n; i++)
        if (epoll_item_ready(&ep->items[i], 0, NULL))
            return POLLIN | POLLRDNORM;
    return 0;
}

static long epoll_stat(struct file *f, struct stat *st)
{
    memset(st, 0, sizeof *st);
    st->st_mode = 0600;
    st->st_blksize = PAGE_SIZE;
    return 0;
}

static const struct file_ops epoll_ops = {
    .close = epoll_close,
    .poll = epoll_poll,
    .stat = epoll_stat,
};

struct epoll *epoll_get(int fd)
{
    struct file *f = fd_get(fd);
    return f && f->ops == &epoll_ops ? f->priv : NULL;
}

long epoll_open(int flags)
{
    struct epoll *ep;

    if (flags & ~EPOLL_CLOEXEC)
        return -EINVAL;
    if (!(ep = event_alloc(sizeof *ep)))
        return -ENOMEM;
    ep->file.ops = &epoll_ops;
    ep->file.flags = O_RDWR;
    ep->file.refs = 1;
    ep->file.priv = ep;
    int fd = fd_alloc_from(&ep->file, 0, flags & EPOLL_CLOEXEC);
    if (fd < 0)
        event_free(ep, sizeof *ep);
    return fd;
}

static long epoll_grow(struct epoll *ep)
{
    int cap = ep->cap ? 2 * ep->cap : PAGE_SIZE / sizeof *ep->items;
    struct epoll_item *items = event_alloc(cap * sizeof *items);
    if (!items)
        return -ENOMEM;
    if (ep->n)
        memcpy(items, ep->items, ep->n * sizeof *items);
    event_free(ep->items, ep->cap * sizeof *ep->items);
    ep->items = items;
    ep->cap = cap;
    return 0;
}

long epoll_add(struct epoll *ep, int fd, struct file *f,
               const struct epoll_event *ev)
{
    if (ep->n == ep->cap && epoll_grow(ep) < 0)
        return -ENOMEM;
    struct epoll_item *it = &ep->items[ep->n++];
    memset(it, 0, sizeof *it);
    it->fd = fd;
    it->file = f;
    it->events = ev->events;
    it->data = ev->data.u64;
    it->armed = 1; /* already ready counts as an edge, as on Linux */
    return 0;
}

/*
 * Closing an fd removes it from the interest list. Linux keys items by
 * the open file and keeps them while a dup of it lives; here an item goes
 * as soon as its fd no longer names the file it was added with.
 */
void epoll_prune(struct epoll *ep)
{
    for (int i = 0; i < ep->n;) {
        if (fd_get(ep->items[i].fd) == ep->items[i].file) {
            i++;
            continue;
        }
        ep->items[i] = ep->items[--ep->n];
    }
}
