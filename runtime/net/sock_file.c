/* sock_file.c: a socket as a file: allocation, read/write/poll/ioctl. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>

#include "lwip/mem.h"
#include "sock.h"

/* read and write hold a reference while they may sleep, like sock_get:
 * a close from another thread then cannot free the socket under them. */
static long sock_file_read(struct file *f, void *buf, size_t n)
{
    struct iovec iov = {buf, n};
    long r;

    file_ref(f);
    r = sock_recvv(f->priv, &iov, 1, 0, NULL, NULL, NULL);
    file_put(f);
    return r;
}

static long sock_file_write(struct file *f, const void *buf, size_t n)
{
    struct iovec iov = {(void *)buf, n};
    long r;

    file_ref(f);
    r = sock_sendv(f->priv, &iov, 1, 0, NULL, 0);
    file_put(f);
    return r;
}

static long sock_file_ioctl(struct file *f, unsigned long req, long arg)
{
    struct sock *s = f->priv;

    switch (req) {
    case FIONBIO:
        if (!arg)
            return -EFAULT;
        if (*(int *)arg)
            f->flags |= O_NONBLOCK;
        else
            f->flags &= ~O_NONBLOCK;
        return 0;
    case FIONREAD:
        if (!arg)
            return -EFAULT;
        if (s->type == SOCK_DGRAM)
            *(int *)arg = s->dq ? s->dq->p->tot_len : 0;
        else
            *(int *)arg = (int)s->rx_len;
        return 0;
    default:
        return -ENOTTY;
    }
}

static long sock_file_stat(struct file *f, struct stat *st)
{
    memset(st, 0, sizeof *st);
    st->st_mode = S_IFSOCK | 0777;
    st->st_blksize = PAGE_SIZE;
    return 0;
}

static short sock_file_poll(struct file *f, struct waitq **wq)
{
    struct sock *s = f->priv;

    *wq = &s->wq;
    return s->type == SOCK_DGRAM ? sock_udp_poll(s) : sock_tcp_poll(s);
}

static long sock_file_close(struct file *f)
{
    struct sock *s = f->priv;
    uint64_t flags = irq_save();

    if (s->type == SOCK_DGRAM)
        sock_udp_close(s);
    else
        sock_tcp_close(s);
    net_update();
    sock_free(s);
    irq_restore(flags);
    return 0;
}

static const struct file_ops sock_ops = {
    .read = sock_file_read,
    .write = sock_file_write,
    .ioctl = sock_file_ioctl,
    .stat = sock_file_stat,
    .close = sock_file_close,
    .poll = sock_file_poll,
};

struct sock *sock_new(int type, int flags)
{
    uint64_t irq = irq_save();
    struct sock *s = mem_malloc(sizeof *s);

    irq_restore(irq);
    if (!s)
        return NULL;
    memset(s, 0, sizeof *s);
    s->file.ops = &sock_ops;
    s->file.flags = O_RDWR | (flags & O_NONBLOCK);
    s->file.refs = 1;
    s->file.priv = s;
    s->type = type;
    sock_opt_init(s);
    return s;
}

void sock_free(struct sock *s)
{
    uint64_t flags = irq_save();

    mem_free(s);
    irq_restore(flags);
}

/* The caller holds a reference until sock_put: a thread blocked in a
 * socket call keeps the socket alive if another thread closes the fd. */
struct sock *sock_get(long fd, long *err)
{
    struct file *f = fd_get((int)fd);

    if (!f) {
        *err = -EBADF;
        return NULL;
    }
    if (f->ops != &sock_ops) {
        *err = -ENOTSOCK;
        return NULL;
    }
    file_ref(f);
    return f->priv;
}

void sock_put(struct sock *s)
{
    file_put(&s->file);
}

void sock_wake(struct sock *s)
{
    poll_wake(&s->wq);
}

uint64_t sock_deadline(uint64_t timeo_ns)
{
    return timeo_ns ? time_monotonic_ns() + timeo_ns : 0;
}

long sock_wait(struct sock *s, uint64_t deadline)
{
    int r = waitq_wait(&s->wq, deadline);

    if (r == -ETIMEDOUT)
        return -EAGAIN;
    return r;
}

long sock_install(struct sock *s, int flags)
{
    int fd = fd_alloc_from(&s->file, 0, flags & O_CLOEXEC);

    if (fd < 0)
        file_put(&s->file);
    return fd;
}
