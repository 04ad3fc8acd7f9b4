/* fchown.c: fchown(2). */
#include <errno.h>

#include "vfs/vfs.h"

long uk_sys_fchown(long fd, long uid, long gid)
{
    struct file *f = fd_get((int)fd);
    if (!f || (f->flags & O_PATH))
        return -EBADF;
    return file_vnode(f) ? vfs_chown(file_vnode(f), uid, gid) : 0;
}
