/* symlinkat.c: symlinkat(2). */
#include <errno.h>
#include <string.h>

#include "vfs/vfs.h"

long uk_sys_symlinkat(long target, long dirfd, long path)
{
    struct vnode *dir, *old;
    char name[VFS_NAME_MAX + 1];
    int slash;

    if (!target || !path)
        return -EFAULT;
    size_t tlen = strnlen((const char *)target, VFS_PATH_MAX);
    if (tlen == 0)
        return -ENOENT;
    if (tlen == VFS_PATH_MAX)
        return -ENAMETOOLONG;
    int r = vfs_lookup_parent((int)dirfd, (const char *)path, &dir, name,
                              &slash);
    if (r < 0)
        return r;
    if (!name[0] || !strcmp(name, ".") || !strcmp(name, ".."))
        r = -EEXIST;
    else if (vfs_lookup_child(dir, name, &old) == 0) {
        vnode_put(old);
        r = -EEXIST;
    } else if (slash)
        r = -ENOENT;
    else
        r = dir->ops->symlink ? dir->ops->symlink(dir, name,
                                                  (const char *)target)
                              : -EACCES;
    vnode_put(dir);
    return r;
}
