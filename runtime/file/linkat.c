/* linkat.c: linkat(2): a second name for a file (not a directory). */
#include <errno.h>
#include <string.h>

#include "vfs/vfs.h"

long uk_sys_linkat(long odirfd, long opath, long ndirfd, long npath,
                   long flags)
{
    struct vnode *vn, *dir;
    char name[VFS_NAME_MAX + 1];
    int slash;

    if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    if (!opath || !npath)
        return -EFAULT;
    int r = vfs_lookup((int)odirfd, (const char *)opath,
                       (flags & AT_SYMLINK_FOLLOW ? 0 : LOOKUP_NOFOLLOW) |
                           (flags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0),
                       &vn);
    if (r < 0)
        return r;
    if (vnode_is_dir(vn)) {
        vnode_put(vn);
        return -EPERM;
    }
    r = vfs_lookup_parent((int)ndirfd, (const char *)npath, &dir, name,
                          &slash);
    if (r < 0) {
        vnode_put(vn);
        return r;
    }
    r = vfs_name_free(dir, name);
    if (r == 0 && slash)
        r = -ENOENT;
    else if (r == 0 && vn->mnt != dir->mnt)
        r = -EXDEV;
    else if (r == 0)
        r = dir->ops->link ? dir->ops->link(dir, name, vn) : -EPERM;
    vnode_put(dir);
    vnode_put(vn);
    return r;
}
