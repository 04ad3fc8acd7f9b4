/* ftruncate.c: ftruncate(2): needs a regular file open for writing. */
#include <errno.h>

#include "vfs/vfs.h"

long uk_sys_ftruncate(long fd, long len)
{
    struct file *f = fd_get((int)fd);
    if (!f)
        return -EBADF;
    if (len < 0)
        return -EINVAL;
    struct vnode *vn = file_vnode(f);
    if (!vn || !S_ISREG(vn->mode) || !vn->ops->truncate)
        return -EINVAL;
    if ((f->flags & O_ACCMODE) == O_RDONLY || (f->flags & O_PATH))
        return -EINVAL;
    return vn->ops->truncate(vn, (uint64_t)len);
}
