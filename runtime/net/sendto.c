/* sendto.c: sendto(2) (and send(2), which musl makes a sendto). */
#include "sock.h"

long uk_sys_sendto(long fd, long buf, long len, long flags, long addr,
                   long alen)
{
    struct iovec iov = {(void *)buf, (size_t)len};
    long r;
    struct sock *s = sock_get(fd, &r);

    if (!s)
        return r;
    r = sock_sendv(s, &iov, 1, (int)flags, (const void *)addr, alen);
    sock_put(s);
    return r;
}
