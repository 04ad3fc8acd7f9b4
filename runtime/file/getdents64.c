/* getdents64.c: getdents64(2): the file offset is the readdir position. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "vfs/vfs.h"

struct linux_dirent64 {
    uint64_t d_ino;
    int64_t d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[];
};

long uk_sys_getdents64(long fd, long bufp, long count)
{
    struct file *f = fd_get((int)fd);
    struct vfs_dirent d;
    char *buf = (char *)bufp;
    size_t used = 0;

    if (!f)
        return -EBADF;
    struct vnode *vn = file_vnode(f);
    if (!vn || !vnode_is_dir(vn))
        return -ENOTDIR;
    if (!vn->ops->readdir)
        return -ENOTDIR;
    for (;;) {
        uint64_t pos = f->off;
        if (vn->ops->readdir(vn, &pos, &d) <= 0)
            break;
        size_t nl = strlen(d.name);
        size_t reclen = (offsetof(struct linux_dirent64, d_name) + nl + 1 +
                         7) & ~(size_t)7;
        if (used + reclen > (size_t)count) {
            if (used == 0)
                return -EINVAL;
            break;
        }
        struct linux_dirent64 *de = (void *)(buf + used);
        de->d_ino = d.ino;
        de->d_off = (int64_t)pos;
        de->d_reclen = (unsigned short)reclen;
        de->d_type = d.type;
        memcpy(de->d_name, d.name, nl);
        memset(de->d_name + nl, 0, reclen - offsetof(struct linux_dirent64,
                                                     d_name) - nl);
        used += reclen;
        f->off = pos;
    }
    vnode_touch(vn, VNODE_A);
    return (long)used;
}
