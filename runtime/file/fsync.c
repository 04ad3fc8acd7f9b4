/* fsync.c: fsync(2): the filesystem's fsync, if it has one. */
#include <errno.h>

#include "vfs/vfs.h"

long uk_sys_fsync(long fd)
{
    struct file *f = fd_get((int)fd);
    if (!f)
        return -EBADF;
    struct vnode *vn = file_vnode(f);
    if (!vn)
        return -EINVAL;
    return vn->ops->fsync ? vn->ops->fsync(vn) : 0;
}
