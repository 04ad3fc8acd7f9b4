/* truncate.c: truncate(2). */
#include <errno.h>

#include "vfs/vfs.h"

long uk_sys_truncate(long path, long len)
{
    struct vnode *vn;

    if (!path)
        return -EFAULT;
    if (len < 0)
        return -EINVAL;
    int r = vfs_lookup(AT_FDCWD, (const char *)path, 0, &vn);
    if (r < 0)
        return r;
    if (vnode_is_dir(vn))
        r = -EISDIR;
    else if (!S_ISREG(vn->mode) || !vn->ops->truncate)
        r = -EINVAL;
    else
        r = vn->ops->truncate(vn, (uint64_t)len);
    vnode_put(vn);
    return r;
}
