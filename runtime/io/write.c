/* write.c: write(2). */
#include <errno.h>

#include "runtime.h"

long uk_sys_write(long fd, long buf, long n)
{
    struct file *f = fd_get(fd);
    if (!f)
        return -EBADF;
    if (!f->ops->write)
        return -EINVAL;
    return f->ops->write(f, (const void *)buf, (size_t)n);
}
