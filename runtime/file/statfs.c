/* statfs.c: statfs(2). */
#include <errno.h>
#include <sys/statfs.h>

#include "vfs/vfs.h"

long uk_sys_statfs(long path, long buf)
{
    struct vnode *vn;

    if (!path)
        return -EFAULT;
    int r = vfs_lookup(AT_FDCWD, (const char *)path, 0, &vn);
    if (r < 0)
        return r;
    r = (int)vfs_statfs(vn, (struct statfs *)buf);
    vnode_put(vn);
    return r;
}
