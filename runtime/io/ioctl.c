/* ioctl.c: ioctl(2), passed to the file. */
#include <errno.h>

#include "runtime.h"

long uk_sys_ioctl(long fd, long req, long arg)
{
    struct file *f = fd_get(fd);
    if (!f)
        return -EBADF;
    if (!f->ops->ioctl)
        return -ENOTTY;
    return f->ops->ioctl(f, (unsigned long)req, arg);
}
