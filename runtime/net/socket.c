/* socket.c: socket(2): IPv4 TCP and UDP; the first call starts the stack. */
#include <errno.h>
#include <netinet/in.h>

#include "sock.h"

long uk_sys_socket(long domain, long type, long proto)
{
    int flags = type & (SOCK_NONBLOCK | SOCK_CLOEXEC), kind = type & ~flags;
    struct sock *s;
    long r;

    if (domain != AF_INET)
        return -EAFNOSUPPORT;
    if (kind != SOCK_STREAM && kind != SOCK_DGRAM)
        return -ESOCKTNOSUPPORT;
    if (proto && proto != (kind == SOCK_STREAM ? IPPROTO_TCP : IPPROTO_UDP))
        return -EPROTONOSUPPORT;
    if ((r = net_init()))
        return r;
    if (!(s = sock_new(kind, flags)))
        return -ENOMEM;
    r = kind == SOCK_STREAM ? sock_tcp_open(s) : sock_udp_open(s);
    if (r) {
        sock_free(s);
        return r;
    }
    return sock_install(s, flags);
}
