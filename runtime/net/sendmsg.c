/* sendmsg.c: sendmsg(2): the iovecs as one send (one datagram on UDP). */
#include <errno.h>
#include <limits.h>

#include "sock.h"

long uk_sys_sendmsg(long fd, long msgp, long flags)
{
    const struct msghdr *m = (const struct msghdr *)msgp;
    long r;
    struct sock *s;

    if (!m)
        return -EFAULT;
    if (m->msg_iovlen < 0 || m->msg_iovlen > IOV_MAX)
        return -EMSGSIZE;
    if (!(s = sock_get(fd, &r)))
        return r;
    r = sock_sendv(s, m->msg_iov, m->msg_iovlen, (int)flags, m->msg_name,
                   m->msg_name ? m->msg_namelen : 0);
    sock_put(s);
    return r;
}
