/* readv.c: readv(2). */
#include "runtime.h"

static long readv_one(long fd, long buf, long len, long off)
{
    return uk_sys_read(fd, buf, len);
}

long uk_sys_readv(long fd, long iovp, long cnt)
{
    return iov_each(fd, iovp, cnt, 0, readv_one);
}
