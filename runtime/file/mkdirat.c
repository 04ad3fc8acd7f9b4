/* mkdirat.c: mkdirat(2). */
#include <errno.h>
#include <string.h>

#include "vfs/vfs.h"

long uk_sys_mkdirat(long dirfd, long path, long mode)
{
    struct vnode *dir;
    char name[VFS_NAME_MAX + 1];
    int slash;

    if (!path)
        return -EFAULT;
    int r = vfs_lookup_parent((int)dirfd, (const char *)path, &dir, name,
                              &slash);
    if (r < 0)
        return r;
    r = vfs_name_free(dir, name);
    if (r == 0)
        r = dir->ops->mkdir ? dir->ops->mkdir(dir, name, (mode_t)mode &
                                                  ~vfs_umask & 07777)
                            : -EACCES;
    vnode_put(dir);
    return r;
}
