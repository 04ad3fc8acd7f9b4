/* utimensat.c: utimensat(2) (and futimens: path NULL means dirfd itself). */
#include <errno.h>

#include "vfs/vfs.h"

static int utimens_valid(const struct timespec *t)
{
    return t->tv_nsec == UTIME_NOW || t->tv_nsec == UTIME_OMIT ||
           (t->tv_nsec >= 0 && t->tv_nsec < 1000000000);
}

static void utimens_set(struct vnode *vn, struct timespec *dst,
                        const struct timespec *t, int bit)
{
    if (!t || t->tv_nsec == UTIME_NOW)
        vnode_touch(vn, bit);
    else if (t->tv_nsec != UTIME_OMIT)
        *dst = *t;
}

long uk_sys_utimensat(long dirfd, long path, long times, long flags)
{
    const struct timespec *t = (const struct timespec *)times;
    struct vnode *vn;
    int r;

    if (flags & ~AT_SYMLINK_NOFOLLOW)
        return -EINVAL;
    if (t && (!utimens_valid(&t[0]) || !utimens_valid(&t[1])))
        return -EINVAL;
    if (!path) {
        struct file *f = fd_get((int)dirfd);
        if (!f)
            return -EBADF;
        if (!file_vnode(f))
            return 0;
        vn = vnode_get(file_vnode(f));
    } else {
        r = vfs_lookup((int)dirfd, (const char *)path,
                       flags & AT_SYMLINK_NOFOLLOW ? LOOKUP_NOFOLLOW : 0,
                       &vn);
        if (r < 0)
            return r;
    }
    utimens_set(vn, &vn->atime, t ? &t[0] : NULL, VNODE_A);
    utimens_set(vn, &vn->mtime, t ? &t[1] : NULL, VNODE_M);
    vnode_touch(vn, VNODE_C);
    r = vn->ops->setattr ? vn->ops->setattr(vn) : 0;
    vnode_put(vn);
    return r;
}
