/* fchmodat.c: fchmodat(2): the permission bits of a node. */
#include <errno.h>

#include "vfs/vfs.h"

/* Shared with fchmod: set the bits, then let the filesystem store them. */
long vfs_chmod(struct vnode *vn, long mode)
{
    vn->mode = (vn->mode & S_IFMT) | ((mode_t)mode & 07777);
    vnode_touch(vn, VNODE_C);
    return vn->ops->setattr ? vn->ops->setattr(vn) : 0;
}

long uk_sys_fchmodat(long dirfd, long path, long mode)
{
    struct vnode *vn;

    if (!path)
        return -EFAULT;
    int r = vfs_lookup((int)dirfd, (const char *)path, 0, &vn);
    if (r < 0)
        return r;
    r = (int)vfs_chmod(vn, mode);
    vnode_put(vn);
    return r;
}
