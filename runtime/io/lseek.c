/* lseek.c: lseek(2) on vnode files; pipes and the console cannot seek. */
#include <errno.h>
#include <unistd.h>

#include "vfs/vfs.h"

long uk_sys_lseek(long fd, long off, long whence)
{
    struct file *f = fd_get((int)fd);
    if (!f)
        return -EBADF;
    struct vnode *vn = file_vnode(f);
    if (!vn)
        return -ESPIPE;
    if (S_ISCHR(vn->mode))
        return 0; /* devices: like Linux's /dev/null, always at 0 */
    int64_t base;
    switch (whence) {
    case SEEK_SET:
        base = 0;
        break;
    case SEEK_CUR:
        base = (int64_t)f->off;
        break;
    case SEEK_END:
        if (vn->ops->getattr)
            vn->ops->getattr(vn);
        base = (int64_t)vn->size;
        break;
    default:
        return -EINVAL;
    }
    if ((off > 0 && base > INT64_MAX - off) || base + off < 0)
        return -EINVAL;
    f->off = (uint64_t)(base + off);
    return (long)f->off;
}
