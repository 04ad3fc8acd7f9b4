/* pwritev.c: pwritev(2): pwrite per buffer, stopping at a short one. */
#include <errno.h>
#include <limits.h>
#include <sys/uio.h>

#include "runtime.h"

long uk_sys_pwritev(long fd, long iovp, long cnt, long off)
{
    const struct iovec *iov = (const struct iovec *)iovp;
    long total = 0;
    if (cnt < 0 || cnt > IOV_MAX)
        return -EINVAL;
    for (long i = 0; i < cnt; i++) {
        long r = uk_sys_pwrite64(fd, (long)iov[i].iov_base, iov[i].iov_len,
                                 off + total);
        if (r < 0)
            return total ? total : r;
        total += r;
        if ((size_t)r < iov[i].iov_len)
            break;
    }
    return total;
}
