/* sock_iov.c: copy between an iovec array and linear data. */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "sock.h"

/* Bad vectors are refused before any data moves: -EFAULT for a missing
 * buffer, -EINVAL for a negative count or a total beyond SSIZE_MAX. */
long sock_iov_check(const struct iovec *iov, int n)
{
    if (n < 0)
        return -EINVAL;
    if (n && !iov)
        return -EFAULT;
    for (int i = 0; i < n; i++)
        if (!iov[i].iov_base && iov[i].iov_len)
            return -EFAULT;
    return sock_iov_len(iov, n) == SIZE_MAX ? -EINVAL : 0;
}

size_t sock_iov_len(const struct iovec *iov, int n)
{
    size_t total = 0;

    for (int i = 0; i < n; i++) {
        if (iov[i].iov_len > SSIZE_MAX - total)
            return SIZE_MAX;
        total += iov[i].iov_len;
    }
    return total;
}

/* Walk to byte pos, then move len bytes; dir 1: into the iovecs. */
static void sock_iov_copy(const struct iovec *iov, int n, size_t pos, char *buf,
                          size_t len, int dir)
{
    for (int i = 0; i < n && len; i++) {
        if (pos >= iov[i].iov_len) {
            pos -= iov[i].iov_len;
            continue;
        }
        size_t k = iov[i].iov_len - pos;
        if (k > len)
            k = len;
        char *at = (char *)iov[i].iov_base + pos;
        if (dir)
            memcpy(at, buf, k);
        else
            memcpy(buf, at, k);
        buf += k;
        len -= k;
        pos = 0;
    }
}

void sock_iov_put(const struct iovec *iov, int n, size_t pos, const void *src,
                  size_t len)
{
    sock_iov_copy(iov, n, pos, (char *)src, len, 1);
}

void sock_iov_get(const struct iovec *iov, int n, size_t pos, void *dst,
                  size_t len)
{
    sock_iov_copy(iov, n, pos, dst, len, 0);
}
