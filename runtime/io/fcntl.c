/* fcntl.c: fcntl(2): descriptor and status flags, dup, advisory locks. */
#include <errno.h>
#include <fcntl.h>

#include "runtime.h"

/* Flags F_SETFL may change; the access mode and creation flags stay. */
#define FCNTL_SETTABLE (O_APPEND | O_NONBLOCK | O_ASYNC | O_DIRECT | O_NOATIME)

static long fcntl_dupfd(struct file *f, long min, int cloexec)
{
    if (min < 0 || min >= FD_MAX)
        return -EINVAL;
    int r = fd_alloc_from(file_ref(f), (int)min, cloexec);
    if (r < 0)
        file_put(f);
    return r;
}

long uk_sys_fcntl(long fd, long cmd, long arg)
{
    struct file *f = fd_get(fd);
    if (!f)
        return -EBADF;
    switch (cmd) {
    case F_GETFL:
        return f->flags;
    case F_SETFL:
        f->flags = (f->flags & ~FCNTL_SETTABLE) | (arg & FCNTL_SETTABLE);
        return 0;
    case F_GETFD:
        return fd_cloexec((int)fd);
    case F_SETFD:
        return fd_set_cloexec((int)fd, arg & FD_CLOEXEC);
    case F_DUPFD:
        return fcntl_dupfd(f, arg, 0);
    case F_DUPFD_CLOEXEC:
        return fcntl_dupfd(f, arg, 1);
    case F_GETLK: {
        /* One process: no other holder could ever conflict. */
        struct flock *fl = (struct flock *)arg;
        if (!fl)
            return -EFAULT;
        fl->l_type = F_UNLCK;
        return 0;
    }
    case F_SETLK:
    case F_SETLKW:
    case F_OFD_SETLK:
    case F_OFD_SETLKW:
        return arg ? 0 : -EFAULT;
    case F_OFD_GETLK:
        if (!arg)
            return -EFAULT;
        ((struct flock *)arg)->l_type = F_UNLCK;
        return 0;
    default:
        return -EINVAL;
    }
}
