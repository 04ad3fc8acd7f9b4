/* preadv.c: preadv(2). */
#include "runtime.h"

long uk_sys_preadv(long fd, long iovp, long cnt, long off)
{
    return iov_each(fd, iovp, cnt, off, uk_sys_pread64);
}
