/* recvfrom.c: recvfrom(2) (and recv(2), which musl makes a recvfrom). */
#include "sock.h"

long uk_sys_recvfrom(long fd, long buf, long len, long flags, long addr,
                     long alenp)
{
    struct iovec iov = {(void *)buf, (size_t)len};
    unsigned *alen = addr ? (unsigned *)alenp : NULL;
    long r;
    struct sock *s = sock_get(fd, &r);

    if (!s)
        return r;
    r = sock_recvv(s, &iov, 1, (int)flags, (void *)addr, alen, NULL);
    sock_put(s);
    return r;
}
