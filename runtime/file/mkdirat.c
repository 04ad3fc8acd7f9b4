/* mkdirat.c: mkdirat(2). */
#include <errno.h>
#include <string.h>

#include "vfs/vfs.h"

long uk_sys_mkdirat(long dirfd, long path, long mode)
{
    struct vnode *dir, *vn;
    char name[VFS_NAME_MAX + 1];
    int slash;

    if (!path)
        return -EFAULT;
    int r = vfs_lookup_parent((int)dirfd, (const char *)path, &dir, name,
                              &slash);
    if (r < 0)
        return r;
    if (!name[0] || !strcmp(name, ".") || !strcmp(name, ".."))
        r = -EEXIST;
    else if (vfs_lookup_child(dir, name, &vn) == 0) {
        vnode_put(vn);
        r = -EEXIST;
    } else if (!dir->ops->mkdir)
        r = -EACCES;
    else
        r = dir->ops->mkdir(dir, name, (mode_t)mode & ~vfs_umask & 07777);
    vnode_put(dir);
    return r;
}
