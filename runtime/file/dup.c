/* dup.c: dup(2). */
#include <errno.h>

#include "runtime.h"

long uk_sys_dup(long fd)
{
    struct file *f = fd_get((int)fd);
    if (!f)
        return -EBADF;
    int r = fd_alloc_from(file_ref(f), 0, 0);
    if (r < 0)
        file_put(f);
    return r;
}
