/* fcntl.c: fcntl(2): status and descriptor flags. */
#include <errno.h>
#include <fcntl.h>

#include "runtime.h"

long uk_sys_fcntl(long fd, long cmd, long arg)
{
    struct file *f = fd_get(fd);
    if (!f)
        return -EBADF;
    switch (cmd) {
    case F_GETFL:
        return f->flags;
    case F_SETFL:
        f->flags = (f->flags & O_ACCMODE) | (arg & ~O_ACCMODE);
        return 0;
    case F_GETFD:
    case F_SETFD:
        return 0;
    default:
        return -EINVAL;
    }
}
