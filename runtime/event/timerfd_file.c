/* timerfd_file.c: a timer read as a file: the count of its expirations. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/timerfd.h>

#include "event.h"

/* Expirations are counted lazily, whenever someone looks. */
void timerfd_update(struct timerfd *t)
{
    uint64_t now;

    if (!t->next_ns || clock_read_ns(t->clock, &now) < 0 || now < t->next_ns)
        return;
    if (!t->interval_ns) {
        t->ticks++;
        t->next_ns = 0;
        return;
    }
    uint64_t n = (now - t->next_ns) / t->interval_ns + 1;
    t->ticks += n;
    t->next_ns += n * t->interval_ns;
}

/* The next expiry as a deadline on the monotonic clock. */
static uint64_t timerfd_deadline(struct timerfd *t)
{
    uint64_t now;

    if (!t->next_ns || clock_read_ns(t->clock, &now) < 0)
        return WAITQ_NO_DEADLINE;
    return time_monotonic_ns() + (t->next_ns > now ? t->next_ns - now : 0);
}

static long timerfd_read(struct file *f, void *buf, size_t n)
{
    struct timerfd *t = f->priv;
    long r = 0;

    if (n < sizeof t->ticks)
        return -EINVAL;
    uint64_t flags = irq_save();
    for (timerfd_update(t); !t->ticks; timerfd_update(t)) {
        if (f->flags & O_NONBLOCK) {
            r = -EAGAIN;
            break;
        }
        if (waitq_wait(&t->q, timerfd_deadline(t)) == -EINTR) {
            r = -EINTR;
            break;
        }
    }
    uint64_t ticks = t->ticks;
    if (r == 0)
        t->ticks = 0;
    irq_restore(flags);
    if (r < 0)
        return r;
    memcpy(buf, &ticks, sizeof ticks);
    return sizeof ticks;
}

/* Readiness comes with time, not with a wake: no queue for pollers. */
static short timerfd_poll(struct file *f, struct waitq **wq)
{
    struct timerfd *t = f->priv;
    *wq = NULL;
    timerfd_update(t);
    return t->ticks ? POLLIN | POLLRDNORM : 0;
}

static long timerfd_stat(struct file *f, struct stat *st)
{
    memset(st, 0, sizeof *st);
    st->st_mode = 0600;
    st->st_blksize = PAGE_SIZE;
    return 0;
}

static long timerfd_close(struct file *f)
{
    event_free(f->priv, sizeof(struct timerfd));
    return 0;
}

static const struct file_ops timerfd_ops = {
    .read = timerfd_read,
    .stat = timerfd_stat,
    .close = timerfd_close,
    .poll = timerfd_poll,
};

struct timerfd *timerfd_get(int fd)
{
    struct file *f = fd_get(fd);
    return f && f->ops == &timerfd_ops ? f->priv : NULL;
}

long timerfd_open(int clock, int flags)
{
    struct timerfd *t;

    if (clock != CLOCK_MONOTONIC && clock != CLOCK_REALTIME &&
        clock != CLOCK_BOOTTIME)
        return -EINVAL;
    if (flags & ~(TFD_NONBLOCK | TFD_CLOEXEC))
        return -EINVAL;
    if (!(t = event_alloc(sizeof *t)))
        return -ENOMEM;
    t->file.ops = &timerfd_ops;
    t->file.flags = O_RDONLY | (flags & O_NONBLOCK);
    t->file.refs = 1;
    t->file.priv = t;
    t->clock = clock;
    int fd = fd_alloc_from(&t->file, 0, flags & TFD_CLOEXEC);
    if (fd < 0)
        event_free(t, sizeof *t);
    return fd;
}
