/* fdatasync.c: fdatasync(2), the same as fsync here. */
#include "runtime.h"

long uk_sys_fdatasync(long fd)
{
    return uk_sys_fsync(fd);
}
