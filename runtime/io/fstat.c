/* fstat.c: fstat(2). */
#include <errno.h>

#include "runtime.h"

long uk_sys_fstat(long fd, long st)
{
    struct file *f = fd_get(fd);
    if (!f)
        return -EBADF;
    if (!f->ops->stat)
        return -EINVAL;
    return f->ops->stat(f, (struct stat *)st);
}
