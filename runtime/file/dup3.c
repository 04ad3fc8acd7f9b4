/* dup3.c: dup3(2): like dup2, but the same fd is an error. */
#include <errno.h>
#include <fcntl.h>

#include "runtime.h"

long uk_sys_dup3(long oldfd, long newfd, long flags)
{
    struct file *f = fd_get((int)oldfd);
    if (flags & ~O_CLOEXEC)
        return -EINVAL;
    if (!f)
        return -EBADF;
    if (oldfd == newfd)
        return -EINVAL;
    if (newfd < 0 || newfd >= FD_MAX)
        return -EBADF;
    return fd_install((int)newfd, file_ref(f), flags & O_CLOEXEC);
}
