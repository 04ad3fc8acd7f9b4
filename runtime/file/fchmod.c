/* fchmod.c: fchmod(2). */
#include <errno.h>

#include "vfs/vfs.h"

long uk_sys_fchmod(long fd, long mode)
{
    struct file *f = fd_get((int)fd);
    if (!f)
        return -EBADF;
    if (!file_vnode(f) || (f->flags & O_PATH))
        return f->flags & O_PATH ? -EBADF : 0;
    return vfs_chmod(file_vnode(f), mode);
}
