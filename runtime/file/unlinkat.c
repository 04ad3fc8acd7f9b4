/* unlinkat.c: unlinkat(2): a name, or with AT_REMOVEDIR an empty directory. */
#include <errno.h>
#include <string.h>

#include "vfs/vfs.h"

long uk_sys_unlinkat(long dirfd, long path, long flags)
{
    struct vnode *dir, *vn;
    char name[VFS_NAME_MAX + 1];
    int slash, rmdir = (flags & AT_REMOVEDIR) != 0;

    if (flags & ~AT_REMOVEDIR)
        return -EINVAL;
    if (!path)
        return -EFAULT;
    int r = vfs_lookup_parent((int)dirfd, (const char *)path, &dir, name,
                              &slash);
    if (r < 0)
        return r;
    if (rmdir && (!name[0] || !strcmp(name, ".")))
        r = !name[0] ? -EBUSY : -EINVAL;
    else if (rmdir && !strcmp(name, ".."))
        r = -ENOTEMPTY;
    else if (!name[0] || !strcmp(name, ".") || !strcmp(name, ".."))
        r = -EISDIR;
    else if ((r = vfs_lookup_child(dir, name, &vn)) == 0) {
        /* The directory entry itself, not a filesystem mounted on it. */
        int isdir = vnode_is_dir(vn);
        int busy = vn->mnt != dir->mnt;
        vnode_put(vn);
        if (busy)
            r = -EBUSY;
        else if (rmdir && !isdir)
            r = -ENOTDIR;
        else if (!rmdir && isdir)
            r = -EISDIR;
        else if (!rmdir && slash)
            r = -ENOTDIR;
        else if (!(rmdir ? dir->ops->rmdir : dir->ops->unlink))
            r = -EACCES;
        else
            r = rmdir ? dir->ops->rmdir(dir, name)
                      : dir->ops->unlink(dir, name);
    }
    vnode_put(dir);
    return r;
}
