/* renameat2.c: renameat2(2): RENAME_NOREPLACE; RENAME_EXCHANGE unsupported. */
#include <errno.h>
#include <string.h>

#include "vfs/vfs.h"

#define RENAME_NOREPLACE 1

static int dot_name(const char *name)
{
    return !name[0] || !strcmp(name, ".") || !strcmp(name, "..");
}

static int rename_check(struct vnode *odir, const char *oname,
                        struct vnode *ndir, const char *nname, int flags,
                        int slash)
{
    struct vnode *src, *dst;
    int r = vfs_lookup_child(odir, oname, &src);
    if (r < 0)
        return r;
    int sdir = vnode_is_dir(src);
    if (src->mnt != odir->mnt)
        r = -EBUSY;
    else if (odir->mnt != ndir->mnt)
        r = -EXDEV;
    else if (slash && !sdir)
        r = -ENOTDIR;
    if (r == 0 && vfs_lookup_child(ndir, nname, &dst) == 0) {
        if (dst->mnt != ndir->mnt)
            r = -EBUSY;
        else if (flags & RENAME_NOREPLACE)
            r = -EEXIST;
        else if (dst == src)
            r = 1; /* same file: nothing to do */
        else if (sdir && !vnode_is_dir(dst))
            r = -ENOTDIR;
        else if (!sdir && vnode_is_dir(dst))
            r = -EISDIR;
        vnode_put(dst);
    }
    vnode_put(src);
    return r;
}

long uk_sys_renameat2(long odirfd, long opath, long ndirfd, long npath,
                      long flags)
{
    struct vnode *odir, *ndir;
    char oname[VFS_NAME_MAX + 1], nname[VFS_NAME_MAX + 1];
    int oslash, nslash;

    if (flags & ~RENAME_NOREPLACE)
        return -EINVAL;
    if (!opath || !npath)
        return -EFAULT;
    int r = vfs_lookup_parent((int)odirfd, (const char *)opath, &odir, oname,
                              &oslash);
    if (r < 0)
        return r;
    r = vfs_lookup_parent((int)ndirfd, (const char *)npath, &ndir, nname,
                          &nslash);
    if (r < 0) {
        vnode_put(odir);
        return r;
    }
    if (dot_name(oname) || dot_name(nname))
        r = -EBUSY;
    else
        r = rename_check(odir, oname, ndir, nname, (int)flags,
                         oslash || nslash);
    if (r == 0)
        r = odir->ops->rename ? odir->ops->rename(odir, oname, ndir, nname)
                              : -EACCES;
    vnode_put(odir);
    vnode_put(ndir);
    return r > 0 ? 0 : r;
}
