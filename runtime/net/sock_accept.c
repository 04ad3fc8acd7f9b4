/* sock_accept.c: accept(2) and accept4(2): the next connection. */
#include <errno.h>
#include <fcntl.h>

#include "lwip/tcp.h"
#include "sock.h"

long sock_accept(long fd, long addr, long lenp, long flags)
{
    struct sock *s, *c;
    long r;

    if (flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC))
        return -EINVAL;
    if (!(s = sock_get(fd, &r)))
        return r;
    r = s->type == SOCK_STREAM ? sock_tcp_accept(s, &c) : -EOPNOTSUPP;
    sock_put(s);
    if (r)
        return r;
    c->file.flags |= flags & SOCK_NONBLOCK;
    if (addr && lenp) {
        unsigned *len = (unsigned *)lenp;
        struct tcp_pcb *pcb = c->pcb.tcp;
        *len = (unsigned)sock_addr_to(pcb ? &pcb->remote_ip : NULL,
                                      pcb ? pcb->remote_port : 0, (void *)addr,
                                      *len);
    }
    return sock_install(c, (int)flags);
}
