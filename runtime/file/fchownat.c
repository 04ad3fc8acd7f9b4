/* fchownat.c: fchownat(2): owners are recorded; we run as root. */
#include <errno.h>

#include "vfs/vfs.h"

/* -1 leaves an id unchanged. */
long vfs_chown(struct vnode *vn, long uid, long gid)
{
    if ((int)uid != -1)
        vn->uid = (uid_t)uid;
    if ((int)gid != -1)
        vn->gid = (gid_t)gid;
    vnode_touch(vn, VNODE_C);
    return vn->ops->setattr ? vn->ops->setattr(vn) : 0;
}

long uk_sys_fchownat(long dirfd, long path, long uid, long gid, long flags)
{
    struct vnode *vn;

    if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    if (!path)
        return -EFAULT;
    int r = vfs_lookup_at((int)dirfd, (const char *)path, (int)flags, &vn);
    if (r < 0)
        return r;
    r = (int)vfs_chown(vn, uid, gid);
    vnode_put(vn);
    return r;
}
