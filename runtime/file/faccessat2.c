/* faccessat2.c: faccessat2(2): existence, and permission bits for root. */
#include <errno.h>
#include <unistd.h>

#include "vfs/vfs.h"

long uk_sys_faccessat2(long dirfd, long path, long mode, long flags)
{
    struct vnode *vn;

    if (mode & ~(R_OK | W_OK | X_OK))
        return -EINVAL;
    if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    if (!path)
        return -EFAULT;
    int r = vfs_lookup_at((int)dirfd, (const char *)path, (int)flags, &vn);
    if (r < 0)
        return r;
    /* We run as root: read and write are allowed, execute needs some x. */
    if ((mode & X_OK) && !vnode_is_dir(vn) && !(vn->mode & 0111))
        r = -EACCES;
    else if ((mode & W_OK) && vn->ops->write == NULL && !vnode_is_dir(vn) &&
             !S_ISLNK(vn->mode))
        r = -EACCES;
    vnode_put(vn);
    return r;
}
