/* socket.c: socket(2): IPv4 TCP and UDP; the first call starts the stack. */
#include <errno.h>
#include <netinet/in.h>

#include "sock.h"

/* The socket calls' entries: musl may reach them through the syscall
 * dispatcher, which only refers to them weakly (syscall/dispatch.c). */
__attribute__((used)) static const void *const socket_calls[] = {
    uk_sysent_socket,      uk_sysent_bind,        uk_sysent_listen,
    uk_sysent_accept,      uk_sysent_accept4,     uk_sysent_connect,
    uk_sysent_sendto,      uk_sysent_recvfrom,    uk_sysent_sendmsg,
    uk_sysent_recvmsg,     uk_sysent_shutdown,    uk_sysent_getsockname,
    uk_sysent_getpeername, uk_sysent_setsockopt,  uk_sysent_getsockopt,
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
