/* event.h: readiness and waiting for poll, select, epoll, eventfd, timerfd. */
#ifndef UK_EVENT_H
#define UK_EVENT_H

#include <poll.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <time.h>

#include "runtime.h"

/* A deadline is absolute, on time_monotonic_ns(); these two are special. */
#define EVENT_NOW 0             /* do not wait at all */
#define EVENT_FOREVER UINT64_MAX /* no timeout */
#define WAITQ_NO_DEADLINE 0      /* waitq_wait: only a wake ends the wait */

/* event_alloc.c: zeroed kernel pages for event objects and pipe rings */
void *event_alloc(size_t bytes); /* NULL if out of memory */
void event_free(void *p, size_t bytes);

/* deadline.c: user timeouts as deadlines */
uint64_t event_deadline_ms(long ms);                  /* < 0: forever */
long event_deadline_ts(const struct timespec *ts, uint64_t *deadline);

/* event_wait.c: sleep on poll_waitq until a poll_wake or the deadline.
 * `sliced`: some watched file has no wait queue (it changes by itself, like
 * the UART or a timer), so wake up every millisecond to look again.
 * Called with interrupts off (irq_save). 0: look again; -ETIMEDOUT: the
 * deadline has passed; -EINTR. */
int event_wait(uint64_t deadline, int sliced);

/* poll_wake.c: per-queue change counters for edge-triggered epoll */
unsigned poll_seq(struct waitq *q);

/* sigmask.c: the temporary signal mask of ppoll, pselect6, epoll_pwait */
long event_sigmask_set(long maskp, long size, uint64_t *saved);
void event_sigmask_restore(uint64_t saved);

/* poll_fds.c: poll(2) over an array, shared by poll and ppoll */
long poll_fds(struct pollfd *fds, unsigned long n, uint64_t deadline);

/* select_fds.c: select(2) on fd_set bitmaps, shared by select and pselect6 */
long select_fds(long n, unsigned long *rd, unsigned long *wr,
                unsigned long *ex, uint64_t deadline);

/* epoll_file.c: an epoll instance and its interest list */
struct epoll_item {
    int fd;
    struct file *file; /* what fd was at EPOLL_CTL_ADD; gone if it differs */
    uint32_t events;   /* EPOLL* interest and flags */
    uint64_t data;
    unsigned seq;      /* poll_seq of the file's queue at the last report */
    uint32_t last;     /* events reported last time (edge-triggered) */
    int armed;         /* edge-triggered: report the next readiness */
    int disabled;      /* EPOLLONESHOT fired: silent until EPOLL_CTL_MOD */
};
struct epoll {
    struct file file;
    struct epoll_item *items;
    int n, cap, next; /* next: where the next scan starts (fairness) */
};
struct epoll *epoll_get(int fd);    /* NULL if fd is not an epoll */
long epoll_open(int flags);         /* the new fd or -errno */
long epoll_add(struct epoll *ep, int fd, struct file *f,
               const struct epoll_event *ev);
void epoll_prune(struct epoll *ep); /* drop items whose fd was closed */

/* epoll_scan.c: the ready items, shared by epoll_wait and epoll_pwait */
long epoll_scan_wait(struct epoll *ep, struct epoll_event *out, int max,
                     uint64_t deadline);
int epoll_item_ready(struct epoll_item *it, int consume,
                     struct epoll_event *out);

/* eventfd_file.c */
long eventfd_open(unsigned initval, int flags);

/* timerfd_file.c: a timer as a readable count of expirations */
struct timerfd {
    struct file file;
    int clock;
    uint64_t next_ns;     /* next expiry on `clock`; 0: disarmed */
    uint64_t interval_ns; /* 0: one-shot */
    uint64_t ticks;       /* expirations not yet read */
    struct waitq q;       /* nobody wakes it: readers sleep to next_ns */
};
struct timerfd *timerfd_get(int fd);
long timerfd_open(int clock, int flags);
void timerfd_update(struct timerfd *t); /* count expirations up to now */

#endif
