/* pread64.c: pread(2): at an offset, the file offset unchanged. */
#include <errno.h>

#include "vfs/vfs.h"

long uk_sys_pread64(long fd, long buf, long n, long off)
{
    struct file *f = fd_get((int)fd);
    if (!f)
        return -EBADF;
    if (!file_vnode(f) || S_ISCHR(file_vnode(f)->mode))
        return -ESPIPE;
    if (off < 0 || n < 0)
        return -EINVAL;
    return vfs_file_pread(f, (void *)buf, (size_t)n, (uint64_t)off);
}
