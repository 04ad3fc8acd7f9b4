/* eventfd_file.c: an eventfd: a 64-bit counter read and written as a file. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/stat.h>

#include "event.h"

#define EVENTFD_MAX (UINT64_MAX - 1) /* the largest value the count holds */

struct eventfd {
    struct file file;
    uint64_t count;
    int semaphore;
    struct waitq q; /* readers wait for count > 0, writers for room */
};

static int eventfd_can(struct eventfd *e, int writing, uint64_t val)
{
    return writing ? EVENTFD_MAX - e->count >= val : e->count > 0;
}

/* With interrupts off: until a read (or a write of val) can go ahead.
 * 0, -EAGAIN or -EINTR. */
static long eventfd_wait(struct eventfd *e, int writing, uint64_t val)
{
    while (!eventfd_can(e, writing, val)) {
        if (e->file.flags & O_NONBLOCK)
            return -EAGAIN;
        if (waitq_wait(&e->q, WAITQ_NO_DEADLINE) == -EINTR)
            return -EINTR;
    }
    return 0;
}

/* A read takes the whole count, or 1 in semaphore mode. */
static long eventfd_file_read(struct file *f, void *buf, size_t n)
{
    struct eventfd *e = f->priv;
    uint64_t val = 0;

    if (n < sizeof val)
        return -EINVAL;
    uint64_t flags = irq_save();
    long r = eventfd_wait(e, 0, 0);
    if (r == 0) {
        val = e->semaphore ? 1 : e->count;
        e->count -= val;
    }
    irq_restore(flags);
    if (r < 0)
        return r;
    poll_wake(&e->q);
    memcpy(buf, &val, sizeof val);
    return sizeof val;
}

static long eventfd_file_write(struct file *f, const void *buf, size_t n)
{
    struct eventfd *e = f->priv;
    uint64_t val;

    if (n < sizeof val)
        return -EINVAL;
    memcpy(&val, buf, sizeof val);
    if (val == UINT64_MAX)
        return -EINVAL;
    uint64_t flags = irq_save();
    long r = eventfd_wait(e, 1, val);
    if (r == 0)
        e->count += val;
    irq_restore(flags);
    if (r < 0)
        return r;
    if (val)
        poll_wake(&e->q);
    return sizeof val;
}

static short eventfd_poll(struct file *f, struct waitq **wq)
{
    struct eventfd *e = f->priv;
    short ready = 0;

    *wq = &e->q;
    if (e->count > 0)
        ready |= POLLIN | POLLRDNORM;
    if (e->count < EVENTFD_MAX)
        ready |= POLLOUT | POLLWRNORM;
    return ready;
}

static long eventfd_stat(struct file *f, struct stat *st)
{
    memset(st, 0, sizeof *st);
    st->st_mode = 0600;
    st->st_blksize = PAGE_SIZE;
    return 0;
}

static long eventfd_close(struct file *f)
{
    event_free(f->priv, sizeof(struct eventfd));
    return 0;
}

static const struct file_ops eventfd_ops = {
    .read = eventfd_file_read,
    .write = eventfd_file_write,
    .stat = eventfd_stat,
    .close = eventfd_close,
    .poll = eventfd_poll,
};

long eventfd_open(unsigned initval, int flags)
{
    struct eventfd *e;

    if (flags & ~(EFD_SEMAPHORE | EFD_CLOEXEC | EFD_NONBLOCK))
        return -EINVAL;
    if (!(e = event_alloc(sizeof *e)))
        return -ENOMEM;
    e->file.ops = &eventfd_ops;
    e->file.flags = O_RDWR | (flags & O_NONBLOCK);
    e->file.refs = 1;
    e->file.priv = e;
    e->count = initval;
    e->semaphore = !!(flags & EFD_SEMAPHORE);
    int fd = fd_alloc_from(&e->file, 0, flags & EFD_CLOEXEC);
    if (fd < 0)
        event_free(e, sizeof *e);
    return fd;
}
