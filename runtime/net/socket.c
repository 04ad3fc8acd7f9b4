/* socket.c: socket(2): IPv4 TCP and UDP; the first call starts the stack. */
#include <errno.h>
#include <netinet/in.h>

#include "sock.h"

/* The other socket calls: musl may reach them through the syscall
 * dispatcher, which only refers to them weakly (syscall/dispatch.c). */
__attribute__((used)) static const void *const socket_calls[] = {
    uk_sys_bind,        uk_sys_listen,      uk_sys_accept,
    uk_sys_accept4,     uk_sys_connect,     uk_sys_sendto,
    uk_sys_recvfrom,    uk_sys_sendmsg,     uk_sys_recvmsg,
    uk_sys_shutdown,    uk_sys_getsockname, uk_sys_getpeername,
    uk_sys_setsockopt,  uk_sys_getsockopt,
};

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
