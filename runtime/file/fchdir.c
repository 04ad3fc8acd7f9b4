/* fchdir.c: fchdir(2). */
#include <errno.h>

#include "vfs/vfs.h"

long uk_sys_fchdir(long fd)
{
    struct file *f = fd_get((int)fd);
    if (!f)
        return -EBADF;
    struct vnode *vn = file_vnode(f);
    if (!vn || !vnode_is_dir(vn))
        return -ENOTDIR;
    vfs_set_cwd(vn);
    return 0;
}
