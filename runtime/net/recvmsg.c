/* recvmsg.c: recvmsg(2); no control messages are ever produced. */
#include <errno.h>
#include <limits.h>

#include "sock.h"

long uk_sys_recvmsg(long fd, long msgp, long flags)
{
    struct msghdr *m = (struct msghdr *)msgp;
    unsigned namelen;
    long r;
    struct sock *s;

    if (!m)
        return -EFAULT;
    if (m->msg_iovlen < 0 || m->msg_iovlen > IOV_MAX)
        return -EMSGSIZE;
    if (!(s = sock_get(fd, &r)))
        return r;
    namelen = m->msg_name ? m->msg_namelen : 0;
    r = sock_recvv(s, m->msg_iov, m->msg_iovlen, (int)flags, m->msg_name,
                   &namelen, &m->msg_flags);
    if (r >= 0) {
        m->msg_namelen = namelen;
        m->msg_controllen = 0;
    }
    sock_put(s);
    return r;
}
