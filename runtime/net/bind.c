/* bind.c: bind(2). */
#include <errno.h>

#include "sock.h"

long uk_sys_bind(long fd, long addr, long len)
{
    ip_addr_t ip;
    uint16_t port;
    long r;
    struct sock *s = sock_get(fd, &r);

    if (!s)
        return r;
    r = sock_addr_from((const void *)addr, len, &ip, &port);
    if (r == 0 && !sock_addr_is_local(&ip))
        r = -EADDRNOTAVAIL;
    if (r == 0)
        r = s->type == SOCK_STREAM ? sock_tcp_bind(s, &ip, port)
                                   : sock_udp_bind(s, &ip, port);
    sock_put(s);
    return r;
}
