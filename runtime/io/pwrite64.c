/* pwrite64.c: pwrite(2): at an offset; with O_APPEND at the end, as on
 * Linux (POSIX says otherwise). */
#include <errno.h>

#include "vfs/vfs.h"

long uk_sys_pwrite64(long fd, long buf, long n, long off)
{
    struct file *f = fd_get((int)fd);
    if (!f)
        return -EBADF;
    if (!file_vnode(f) || S_ISCHR(file_vnode(f)->mode))
        return -ESPIPE;
    if (off < 0 || n < 0)
        return -EINVAL;
    if (f->flags & O_APPEND)
        off = (long)file_vnode(f)->size;
    return vfs_file_pwrite(f, (const void *)buf, (size_t)n, (uint64_t)off);
}
