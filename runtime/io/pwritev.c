/* pwritev.c: pwritev(2). */
#include "runtime.h"

long uk_sys_pwritev(long fd, long iovp, long cnt, long off)
{
    return iov_each(fd, iovp, cnt, off, uk_sys_pwrite64);
}
