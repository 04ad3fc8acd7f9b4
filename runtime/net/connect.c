/* connect.c: connect(2); AF_UNSPEC dissolves a UDP socket's association. */
#include <errno.h>

#include "sock.h"

long uk_sys_connect(long fd, long addr, long len)
{
    const struct sockaddr *sa = (const struct sockaddr *)addr;
    ip_addr_t ip;
    uint16_t port;
    long r;
    struct sock *s = sock_get(fd, &r);

    if (!s)
        return r;
    if (s->type == SOCK_DGRAM && sa && len >= (long)sizeof(sa_family_t) &&
        sa->sa_family == AF_UNSPEC)
        r = sock_udp_connect(s, NULL, 0);
    else if ((r = sock_addr_from(sa, len, &ip, &port)) == 0)
        r = s->type == SOCK_STREAM ? sock_tcp_connect(s, &ip, port)
                                   : sock_udp_connect(s, &ip, port);
    sock_put(s);
    return r;
}
