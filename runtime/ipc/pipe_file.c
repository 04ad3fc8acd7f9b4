/* pipe_file.c: pipes: a ring buffer with a read end and a write end.
 *
 * Each end is a struct file; the fd table counts its references and calls
 * close when the last goes. Readers sleep on rq until there is data or no
 * writer is left; writers sleep on wq until there is room or no reader.
 * A write of at most PIPE_BUF bytes goes in whole or not at all. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>

#include "event/event.h"
#include "ipc.h"
#include "component.h"

UK_COMPONENT(pipes, "pipe and pipe2", "threads",
             "runtime/ipc/*");

struct pipe {
    struct file rd, wr;
    struct waitq rq, wq;
    int rd_open, wr_open;
    size_t head, len; /* where the data starts in buf, and how much */
    char *buf;
};

static void pipe_copy_out(struct pipe *p, char *dst, size_t n)
{
    size_t first = PIPE_SIZE - p->head < n ? PIPE_SIZE - p->head : n;
    memcpy(dst, p->buf + p->head, first);
    memcpy(dst + first, p->buf, n - first);
    p->head = (p->head + n) % PIPE_SIZE;
    p->len -= n;
}

static void pipe_copy_in(struct pipe *p, const char *src, size_t n)
{
    size_t tail = (p->head + p->len) % PIPE_SIZE;
    size_t first = PIPE_SIZE - tail < n ? PIPE_SIZE - tail : n;
    memcpy(p->buf + tail, src, first);
    memcpy(p->buf, src + first, n - first);
    p->len += n;
}

static long pipe_read(struct file *f, void *buf, size_t n)
{
    struct pipe *p = f->priv;
    long r = 0;

    if (f != &p->rd)
        return -EBADF;
    if (n == 0)
        return 0;
    uint64_t flags = irq_save();
    while (!p->len && p->wr_open) {
        if (f->flags & O_NONBLOCK) {
            r = -EAGAIN;
            break;
        }
        if (waitq_wait(&p->rq, WAITQ_NO_DEADLINE) == -EINTR) {
            r = -EINTR;
            break;
        }
    }
    if (r == 0 && p->len) { /* else end of file: no data, no writer */
        r = (long)(n < p->len ? n : p->len);
        pipe_copy_out(p, buf, (size_t)r);
    }
    irq_restore(flags);
    if (r > 0)
        poll_wake(&p->wq);
    return r;
}

/* How much of the rest fits now: all of it or nothing for an atomic write. */
static size_t pipe_room(struct pipe *p, size_t total, size_t left)
{
    size_t room = PIPE_SIZE - p->len;
    if (total <= PIPE_BUF)
        return room >= left ? left : 0;
    return room < left ? room : left;
}

static long pipe_write(struct file *f, const void *buf, size_t n)
{
    struct pipe *p = f->priv;
    size_t done = 0;
    long err = 0;

    if (f != &p->wr)
        return -EBADF;
    uint64_t flags = irq_save();
    while (done < n) {
        if (!p->rd_open) {
            err = -EPIPE;
            break;
        }
        size_t k = pipe_room(p, n, n - done);
        if (k) {
            pipe_copy_in(p, (const char *)buf + done, k);
            done += k;
            poll_wake(&p->rq);
            continue;
        }
        if (f->flags & O_NONBLOCK) {
            err = -EAGAIN;
            break;
        }
        if (waitq_wait(&p->wq, WAITQ_NO_DEADLINE) == -EINTR) {
            err = -EINTR;
            break;
        }
    }
    irq_restore(flags);
    if (err == -EPIPE)
        sig_send(SIGPIPE);
    return done ? (long)done : err;
}

static short pipe_poll(struct file *f, struct waitq **wq)
{
    struct pipe *p = f->priv;
    short ready = 0;

    if (f == &p->rd) {
        *wq = &p->rq;
        if (p->len)
            ready |= POLLIN | POLLRDNORM;
        if (!p->wr_open)
            ready |= POLLHUP;
    } else {
        *wq = &p->wq;
        if (PIPE_SIZE - p->len >= PIPE_BUF)
            ready |= POLLOUT | POLLWRNORM;
        if (!p->rd_open)
            ready |= POLLERR;
    }
    return ready;
}

static long pipe_ioctl(struct file *f, unsigned long req, long arg)
{
    struct pipe *p = f->priv;
    if (req != FIONREAD)
        return -ENOTTY;
    *(int *)arg = (int)p->len;
    return 0;
}

static long pipe_stat(struct file *f, struct stat *st)
{
    memset(st, 0, sizeof *st);
    st->st_mode = S_IFIFO | 0600;
    st->st_blksize = PAGE_SIZE;
    return 0;
}

static long pipe_close(struct file *f)
{
    struct pipe *p = f->priv;

    uint64_t flags = irq_save();
    if (f == &p->rd)
        p->rd_open = 0;
    else
        p->wr_open = 0;
    int gone = !p->rd_open && !p->wr_open;
    irq_restore(flags);
    if (gone) {
        event_free(p->buf, PIPE_SIZE);
        event_free(p, sizeof *p);
        return 0;
    }
    poll_wake(f == &p->rd ? &p->wq : &p->rq);
    return 0;
}

static const struct file_ops pipe_ops = {
    .read = pipe_read,
    .write = pipe_write,
    .ioctl = pipe_ioctl,
    .stat = pipe_stat,
    .close = pipe_close,
    .poll = pipe_poll,
};

static void pipe_end_init(struct pipe *p, struct file *f, int mode, int flags)
{
    f->ops = &pipe_ops;
    f->flags = mode | (flags & O_NONBLOCK);
    f->refs = 1;
    f->priv = p;
}

long pipe_open(int *fds, int flags)
{
    struct pipe *p;

    if (flags & ~(O_NONBLOCK | O_CLOEXEC | O_DIRECT))
        return -EINVAL;
    if (!(p = event_alloc(sizeof *p)))
        return -ENOMEM;
    if (!(p->buf = event_alloc(PIPE_SIZE))) {
        event_free(p, sizeof *p);
        return -ENOMEM;
    }
    pipe_end_init(p, &p->rd, O_RDONLY, flags);
    pipe_end_init(p, &p->wr, O_WRONLY, flags);
    p->rd_open = p->wr_open = 1;
    int cloexec = flags & O_CLOEXEC;
    int rfd = fd_alloc_from(&p->rd, 0, cloexec);
    int wfd = rfd < 0 ? rfd : fd_alloc_from(&p->wr, 0, cloexec);
    if (wfd < 0) {
        if (rfd >= 0)
            fd_close(rfd); /* frees nothing: the write end is still open */
        event_free(p->buf, PIPE_SIZE);
        event_free(p, sizeof *p);
        return -EMFILE;
    }
    fds[0] = rfd;
    fds[1] = wfd;
    return 0;
}
