/* sock_io.c: send and receive on either kind of socket, with addresses. */
#include <errno.h>

#include "sock.h"

long sock_sendv(struct sock *s, const struct iovec *iov, int n, int flags,
                const void *to, long tolen)
{
    uint64_t irq;
    ip_addr_t ip;
    uint16_t port;
    long r = sock_iov_check(iov, n);

    if (r)
        return r;
    irq = irq_save();
    if (s->type == SOCK_STREAM) {
        /* Linux ignores the address of a sendto on a stream socket */
        r = sock_tcp_send(s, iov, n, flags);
    } else if (to) {
        r = sock_addr_from(to, tolen, &ip, &port);
        if (r == 0)
            r = sock_udp_send(s, iov, n, flags, &ip, port);
    } else {
        r = sock_udp_send(s, iov, n, flags, NULL, 0);
    }
    irq_restore(irq);
    return r;
}

/* from/fromlen: where to store the sender (UDP); *fromlen is the room on
 * entry and the address's length on return (0 for TCP, like Linux). */
long sock_recvv(struct sock *s, const struct iovec *iov, int n, int flags,
                void *from, unsigned *fromlen, int *msg_flags)
{
    uint64_t irq;
    ip_addr_t ip;
    uint16_t port;
    int trunc = 0;
    long r = sock_iov_check(iov, n);

    if (r)
        return r;
    irq = irq_save();
    if (s->type == SOCK_STREAM) {
        r = sock_tcp_recv(s, iov, n, flags);
        if (fromlen)
            *fromlen = 0;
    } else {
        r = sock_udp_recv(s, iov, n, flags, &ip, &port, &trunc);
        if (r >= 0 && fromlen)
            *fromlen = (unsigned)sock_addr_to(&ip, port, from, *fromlen);
    }
    if (msg_flags)
        *msg_flags = trunc ? MSG_TRUNC : 0;
    irq_restore(irq);
    return r;
}
