/* pwrite64.c: pwrite(2): at an offset; with O_APPEND at the end, as on
 * Linux (POSIX says otherwise). */
#include <errno.h>

#include "vfs/vfs.h"

long uk_sys_pwrite64(long fd, long buf, long n, long off)
{
    struct file *f;
    long r = vfs_file_positional(fd, off, n, &f);
    if (r < 0)
        return r;
    if (f->flags & O_APPEND)
        off = (long)file_vnode(f)->size;
    return vfs_file_pwrite(f, (const void *)buf, (size_t)n, (uint64_t)off);
}
