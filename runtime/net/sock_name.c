/* sock_name.c: a socket's own or its peer's address. */
#include <errno.h>

#include "lwip/tcp.h"
#include "lwip/udp.h"
#include "sock.h"

static long sock_name_of(struct sock *s, int peer, ip_addr_t *ip,
                         uint16_t *port)
{
    if (s->type == SOCK_STREAM) {
        struct tcp_pcb *pcb = s->pcb.tcp;
        if (peer && (s->state != SOCK_CONNECTED || !pcb))
            return -ENOTCONN;
        if (!pcb) {
            ip_addr_set_zero(ip);
            *port = 0;
        } else if (peer) {
            ip_addr_copy(*ip, pcb->remote_ip);
            *port = pcb->remote_port;
        } else {
            ip_addr_copy(*ip, pcb->local_ip);
            *port = pcb->local_port;
        }
        return 0;
    }
    struct udp_pcb *pcb = s->pcb.udp;
    if (peer) {
        if (s->state != SOCK_CONNECTED)
            return -ENOTCONN;
        ip_addr_copy(*ip, pcb->remote_ip);
        *port = pcb->remote_port;
    } else {
        ip_addr_copy(*ip, pcb->local_ip);
        *port = pcb->local_port;
    }
    return 0;
}

long sock_name(long fd, long addr, long lenp, int peer)
{
    unsigned *len = (unsigned *)lenp;
    ip_addr_t ip;
    uint16_t port;
    long r;
    struct sock *s;

    if (!addr || !len)
        return -EFAULT;
    if ((int)*len < 0)
        return -EINVAL;
    if (!(s = sock_get(fd, &r)))
        return r;
    r = sock_name_of(s, peer, &ip, &port);
    if (r == 0)
        *len = (unsigned)sock_addr_to(&ip, port, (void *)addr, *len);
    sock_put(s);
    return r;
}
