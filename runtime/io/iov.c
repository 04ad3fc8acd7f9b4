/* iov.c: scatter-gather I/O (readv, writev, preadv, pwritev) as single transfers. */
#include <errno.h>
#include <limits.h>
#include <sys/uio.h>

#include "runtime.h"

/* One transfer per non-empty buffer, stopping after a short one; the byte
 * count so far wins over a later error, as on Linux. off advances with the
 * bytes moved (callers without an offset ignore it). */
long iov_each(long fd, long iovp, long cnt, long off, iov_xfer_fn xfer)
{
    const struct iovec *iov = (const struct iovec *)iovp;
    long total = 0;

    if (cnt < 0 || cnt > IOV_MAX)
        return -EINVAL;
    for (long i = 0; i < cnt; i++) {
        if (!iov[i].iov_len)
            continue;
        long r = xfer(fd, (long)iov[i].iov_base, (long)iov[i].iov_len,
                      off + total);
        if (r < 0)
            return total ? total : r;
        total += r;
        if ((size_t)r < iov[i].iov_len)
            break;
    }
    return total;
}
