/* symlinkat.c: symlinkat(2). */
#include <errno.h>
#include <string.h>

#include "vfs/vfs.h"

long uk_sys_symlinkat(long target, long dirfd, long path)
{
    struct vnode *dir;
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
    r = vfs_name_free(dir, name);
    if (r == 0 && slash)
        r = -ENOENT;
    else if (r == 0)
        r = dir->ops->symlink ? dir->ops->symlink(dir, name,
                                                  (const char *)target)
                              : -EACCES;
    vnode_put(dir);
    return r;
}
