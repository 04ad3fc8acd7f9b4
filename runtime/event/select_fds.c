/* select_fds.c: select(2) on fd_set bitmaps, until one fd is ready. */
#include <errno.h>

#include "event.h"

/* Which poll events make an fd readable, writable, exceptional (Linux). */
#define SELECT_IN (POLLIN | POLLRDNORM | POLLRDBAND | POLLHUP | POLLERR)
#define SELECT_OUT (POLLOUT | POLLWRNORM | POLLWRBAND | POLLERR)
#define SELECT_EX POLLPRI

#define WORD_BITS (8 * sizeof(unsigned long))

static int select_test(const unsigned long *set, long fd)
{
    return set && (set[fd / WORD_BITS] >> (fd % WORD_BITS)) & 1;
}

static void select_mark(unsigned long *set, long fd)
{
    set[fd / WORD_BITS] |= 1UL << (fd % WORD_BITS);
}

/* Ready events of fd, or -EBADF; *sliced if it has no wait queue. */
static long select_poll(long fd, int *sliced)
{
    struct file *f = fd_get((int)fd);
    struct waitq *wq = NULL;

    if (!f)
        return -EBADF;
    if (!f->ops->poll)
        return POLLIN | POLLOUT;
    short ready = f->ops->poll(f, &wq);
    if (!wq)
        *sliced = 1;
    return ready;
}

/* One look at every fd of the sets: results into out[3], the count. */
static long select_scan(long n, unsigned long *in[3], unsigned long *out[3],
                        int *sliced)
{
    static const short want[3] = {SELECT_IN, SELECT_OUT, SELECT_EX};
    long count = 0;

    for (long fd = 0; fd < n; fd++) {
        int asked = 0;
        for (int k = 0; k < 3; k++)
            asked |= select_test(in[k], fd);
        if (!asked)
            continue;
        long ready = select_poll(fd, sliced);
        if (ready < 0)
            return ready;
        for (int k = 0; k < 3; k++) {
            if (select_test(in[k], fd) && (ready & want[k])) {
                select_mark(out[k], fd);
                count++;
            }
        }
    }
    return count;
}

long select_fds(long n, unsigned long *rd, unsigned long *wr,
                unsigned long *ex, uint64_t deadline)
{
    unsigned long res[3][FD_MAX / WORD_BITS];
    unsigned long *in[3] = {rd, wr, ex};
    unsigned long *out[3] = {res[0], res[1], res[2]};
    size_t words = ((size_t)n + WORD_BITS - 1) / WORD_BITS;
    long count, w = 0;

    if (n < 0 || n > FD_MAX)
        return -EINVAL;
    uint64_t flags = irq_save();
    for (;;) {
        int sliced = 0;
        for (int k = 0; k < 3; k++)
            for (size_t i = 0; i < words; i++)
                res[k][i] = 0;
        count = select_scan(n, in, out, &sliced);
        if (count != 0 || (w = event_wait(deadline, sliced)) < 0)
            break;
    }
    irq_restore(flags);
    if (count < 0)
        return count;
    if (w == -EINTR && !count)
        return -EINTR;
    for (int k = 0; k < 3; k++)
        for (size_t i = 0; in[k] && i < words; i++)
            in[k][i] = res[k][i];
    return count;
}
