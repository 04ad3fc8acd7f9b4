/* pwrite64.c: pwrite(2); no seekable files yet. */
#include <errno.h>

#include "runtime.h"

long uk_sys_pwrite64(long fd, long buf, long n, long off)
{
    return fd_get(fd) ? -ESPIPE : -EBADF;
}
