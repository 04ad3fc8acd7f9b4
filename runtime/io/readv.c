/* readv.c: readv(2), one read per buffer until a short one. */
#include <errno.h>
#include <limits.h>
#include <sys/uio.h>

#include "runtime.h"

long uk_sys_readv(long fd, long iovp, long cnt)
{
    const struct iovec *iov = (const struct iovec *)iovp;
    long total = 0;
    if (cnt < 0 || cnt > IOV_MAX)
        return -EINVAL;
    for (long i = 0; i < cnt; i++) {
        if (!iov[i].iov_len)
            continue;
        long r = uk_sys_read(fd, (long)iov[i].iov_base, iov[i].iov_len);
        if (r < 0)
            return total ? total : r;
        total += r;
        if ((size_t)r < iov[i].iov_len)
            break;
    }
    return total;
}
