/* newfstatat.c: fstatat(2). */
#include <errno.h>

#include "vfs/vfs.h"

long uk_sys_newfstatat(long dirfd, long path, long st, long flags)
{
    struct vnode *vn;
    int r;

    if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT))
        return -EINVAL;
    if (!path)
        return -EFAULT;
    /* AT_EMPTY_PATH on a file that is not a vnode: the file's own stat. */
    if ((flags & AT_EMPTY_PATH) && !*(const char *)path && dirfd >= 0 &&
        fd_get((int)dirfd) && !file_vnode(fd_get((int)dirfd)))
        return uk_sys_fstat(dirfd, st);
    r = vfs_lookup_at((int)dirfd, (const char *)path, (int)flags, &vn);
    if (r < 0)
        return r;
    r = vnode_stat(vn, (struct stat *)st);
    vnode_put(vn);
    return r;
}
