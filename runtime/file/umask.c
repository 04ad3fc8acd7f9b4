/* umask.c: umask(2). */
#include "vfs/vfs.h"

long uk_sys_umask(long mask)
{
    mode_t old = vfs_umask;
    vfs_umask = (mode_t)mask & 0777;
    return old;
}
