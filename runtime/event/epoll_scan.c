/* epoll_scan.c: which items of an epoll are ready, waiting until one is. */
#include <errno.h>
#include <limits.h>

#include "event.h"

#define EPOLL_MAX_EVENTS (INT_MAX / (int)sizeof(struct epoll_event))
/* Reported whether asked for or not, as on Linux. */
#define EPOLL_ALWAYS (EPOLLERR | EPOLLHUP)

/*
 * Is the item ready to be reported? Level-triggered: whenever its file is.
 * Edge-triggered: only if it has changed since the last report (its wait
 * queue was woken, or new events appeared, or it was seen not ready).
 * `consume`: this is a report; remember it, and fire EPOLLONESHOT.
 */
int epoll_item_ready(struct epoll_item *it, int consume,
                     struct epoll_event *out)
{
    struct waitq *wq = NULL;

    if (it->disabled)
        return 0;
    uint32_t ready = (uint32_t)(unsigned short)it->file->ops->poll(it->file,
                                                                    &wq);
    uint32_t r = ready & (it->events | EPOLL_ALWAYS);
    unsigned seq = wq ? poll_seq(wq) : 0;
    if (!r) {
        if (consume)
            it->armed = 1;
        return 0;
    }
    if ((it->events & EPOLLET) && !it->armed && seq == it->seq &&
        !(r & ~it->last))
        return 0;
    if (!consume)
        return 1;
    it->seq = seq;
    it->last = r;
    it->armed = 0;
    if (it->events & EPOLLONESHOT)
        it->disabled = 1;
    out->events = r;
    out->data.u64 = it->data;
    return 1;
}

/* One pass over the items, starting where the last report stopped so that
 * a small `max` does not starve the items at the end. */
static int epoll_scan(struct epoll *ep, struct epoll_event *out, int max,
                      int *sliced)
{
    int count = 0, n, start;

    epoll_prune(ep);
    n = ep->n;
    start = ep->next;
    for (int k = 0; k < n && count < max; k++) {
        int i = (start + k) % n;
        struct epoll_item *it = &ep->items[i];
        struct waitq *wq = NULL;
        if (epoll_item_ready(it, 1, &out[count])) {
            count++;
            ep->next = (i + 1) % n;
        }
        if (!it->disabled) {
            it->file->ops->poll(it->file, &wq);
            *sliced |= !wq;
        }
    }
    return count;
}

long epoll_scan_wait(struct epoll *ep, struct epoll_event *out, int max,
                     uint64_t deadline)
{
    int count, r = 0;

    if (max <= 0 || max > EPOLL_MAX_EVENTS)
        return -EINVAL;
    uint64_t flags = irq_save();
    for (;;) {
        int sliced = 0;
        count = epoll_scan(ep, out, max, &sliced);
        if (count || (r = event_wait(deadline, sliced)) < 0)
            break;
    }
    irq_restore(flags);
    if (r == -EINTR && !count)
        return -EINTR;
    return count;
}
