/* chdir.c: chdir(2). */
#include <errno.h>

#include "vfs/vfs.h"

long uk_sys_chdir(long path)
{
    struct vnode *vn;

    if (!path)
        return -EFAULT;
    int r = vfs_lookup(AT_FDCWD, (const char *)path, 0, &vn);
    if (r < 0)
        return r;
    if (vnode_is_dir(vn))
        vfs_set_cwd(vn);
    else
        r = -ENOTDIR;
    vnode_put(vn);
    return r;
}
