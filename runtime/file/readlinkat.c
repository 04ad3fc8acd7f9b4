/* readlinkat.c: readlinkat(2): the target, truncated, not NUL-terminated. */
#include <errno.h>

#include "vfs/vfs.h"

long uk_sys_readlinkat(long dirfd, long path, long buf, long size)
{
    struct vnode *vn;

    if (size <= 0)
        return -EINVAL;
    if (!path)
        return -EFAULT;
    int r = vfs_lookup((int)dirfd, (const char *)path,
                       LOOKUP_NOFOLLOW |
                           (dirfd != AT_FDCWD ? LOOKUP_EMPTY : 0),
                       &vn);
    if (r < 0)
        return r;
    long n = S_ISLNK(vn->mode) && vn->ops->readlink
                 ? vn->ops->readlink(vn, (char *)buf, (size_t)size)
                 : -EINVAL;
    vnode_put(vn);
    return n;
}
