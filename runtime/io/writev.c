/* writev.c: writev(2). */
#include "runtime.h"

static long writev_one(long fd, long buf, long len, long off)
{
    return uk_sys_write(fd, buf, len);
}

long uk_sys_writev(long fd, long iovp, long cnt)
{
    return iov_each(fd, iovp, cnt, 0, writev_one);
}
