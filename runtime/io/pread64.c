/* pread64.c: pread(2): at an offset, the file offset unchanged. */
#include <errno.h>

#include "vfs/vfs.h"

long uk_sys_pread64(long fd, long buf, long n, long off)
{
    struct file *f;
    long r = vfs_file_positional(fd, off, n, &f);
    if (r < 0)
        return r;
    return vfs_file_pread(f, (void *)buf, (size_t)n, (uint64_t)off);
}
