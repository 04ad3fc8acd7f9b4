/* openat.c: openat(2): lookup or create, access mode and flag checks. */
#include <errno.h>
#include <string.h>

#include "vfs/vfs.h"

/* O_CREAT: find or create the last component (not following a final
 * symlink when O_EXCL, as Linux does). */
static int openat_create(int dirfd, const char *path, int flags, mode_t mode,
                         struct vnode **out)
{
    struct vnode *dir;
    char name[VFS_NAME_MAX + 1];
    int slash;
    int r = vfs_lookup_parent(dirfd, path, &dir, name, &slash);
    if (r < 0)
        return r;
    if (!name[0] || !strcmp(name, ".") || !strcmp(name, "..")) {
        vnode_put(dir);
        return -EISDIR;
    }
    r = vfs_lookup_child(dir, name, out);
    if (r == 0 && (flags & O_EXCL)) {
        vnode_put(*out);
        r = -EEXIST;
    } else if (r == 0 && S_ISLNK((*out)->mode)) {
        vnode_put(*out);
        r = (flags & O_NOFOLLOW) ? -ELOOP
                                 : vfs_lookup(dirfd, path, 0, out);
    } else if (r == -ENOENT) {
        if (slash)
            r = -EISDIR;
        else if (!dir->ops->create)
            r = -EACCES;
        else
            r = dir->ops->create(dir, name, mode & ~vfs_umask & 07777, out);
    }
    vnode_put(dir);
    return r;
}

long uk_sys_openat(long dirfd, long pathp, long flagsl, long mode)
{
    const char *path = (const char *)pathp;
    int flags = (int)flagsl, acc = flags & O_ACCMODE;
    struct vnode *vn;
    struct file *f;
    int r;

    if (!path)
        return -EFAULT;
    if ((flags & O_TMPFILE) == O_TMPFILE)
        return -EOPNOTSUPP;
    if (acc == 3 && !(flags & O_PATH))
        return -EINVAL;
    if (flags & O_CREAT)
        r = openat_create((int)dirfd, path, flags, (mode_t)mode, &vn);
    else
        r = vfs_lookup((int)dirfd, path,
                       flags & O_NOFOLLOW ? LOOKUP_NOFOLLOW : 0, &vn);
    if (r < 0)
        return r;
    if (S_ISLNK(vn->mode) && !(flags & O_PATH))
        r = -ELOOP;
    else if ((flags & O_DIRECTORY) && !vnode_is_dir(vn))
        r = -ENOTDIR;
    else if (vnode_is_dir(vn) && !(flags & O_PATH) &&
             (acc != O_RDONLY || (flags & (O_CREAT | O_TRUNC))))
        r = -EISDIR;
    else if ((flags & O_TRUNC) && acc != O_RDONLY && !(flags & O_PATH) &&
             vn->ops->truncate && !S_ISCHR(vn->mode))
        r = vn->ops->truncate(vn, 0);
    else if ((flags & O_TRUNC) && acc != O_RDONLY && S_ISREG(vn->mode) &&
             !vn->ops->truncate)
        r = -EACCES;
    if (r == 0)
        r = vfs_open_vnode(vn, flags, &f);
    vnode_put(vn);
    if (r < 0)
        return r;
    r = fd_alloc_from(f, 0, flags & O_CLOEXEC);
    if (r < 0)
        file_put(f);
    return r;
}
