/* sock_udp.c: UDP sockets: a queue of received datagrams. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>

#include "lwip/mem.h"
#include "lwip/udp.h"
#include "sock.h"

/* Queue a datagram; past SO_RCVBUF bytes it is dropped, as on Linux. */
static void sock_udp_on_recv(void *arg, struct udp_pcb *pcb, struct pbuf *p,
                             const ip_addr_t *addr, u16_t port)
{
    struct sock *s = arg;
    struct sock_dgram *d;

    if (s->shut_rd || s->dq_bytes + p->tot_len > (size_t)s->opt.rcvbuf ||
        !(d = mem_malloc(sizeof *d))) {
        pbuf_free(p);
        return;
    }
    d->next = NULL;
    d->p = p;
    ip_addr_copy(d->addr, *addr);
    d->port = port;
    if (s->dq_last)
        s->dq_last->next = d;
    else
        s->dq = d;
    s->dq_last = d;
    s->dq_bytes += p->tot_len;
    sock_wake(s);
}

long sock_udp_open(struct sock *s)
{
    struct udp_pcb *pcb = udp_new();

    if (!pcb)
        return -ENOMEM;
    s->pcb.udp = pcb;
    udp_recv(pcb, sock_udp_on_recv, s);
    return 0;
}

long sock_udp_bind(struct sock *s, const ip_addr_t *ip, uint16_t port)
{
    if (s->pcb.udp->local_port)
        return -EINVAL;
    return -sock_err_from_lwip(udp_bind(s->pcb.udp, ip, port));
}

/* AF_UNSPEC (ip NULL) dissolves the association. */
long sock_udp_connect(struct sock *s, const ip_addr_t *ip, uint16_t port)
{
    if (!ip) {
        udp_disconnect(s->pcb.udp);
        s->state = SOCK_NEW;
        return 0;
    }
    err_t e = udp_connect(s->pcb.udp, ip, port);
    if (e != ERR_OK)
        return -sock_err_from_lwip(e);
    s->state = SOCK_CONNECTED;
    return 0;
}

/* One datagram from all the iovecs; ip NULL: to the connected peer. */
long sock_udp_send(struct sock *s, const struct iovec *iov, int n, int flags,
                   const ip_addr_t *ip, uint16_t port)
{
    size_t len = sock_iov_len(iov, n);
    struct pbuf *p;
    err_t e;

    if (!ip && s->state != SOCK_CONNECTED)
        return -EDESTADDRREQ;
    if (s->shut_wr)
        return -EPIPE;
    if (len > 65507)
        return -EMSGSIZE;
    p = pbuf_alloc(PBUF_TRANSPORT, (u16_t)len, PBUF_RAM);
    if (!p)
        return -ENOBUFS;
    sock_iov_get(iov, n, 0, p->payload, len);
    if (ip)
        e = udp_sendto(s->pcb.udp, p, ip, port);
    else
        e = udp_send(s->pcb.udp, p);
    pbuf_free(p);
    net_update();
    return e == ERR_OK ? (long)len : -sock_err_from_lwip(e);
}

/* The next datagram, cut to the iovecs (*trunc set if it was longer);
 * returns the bytes copied, or with MSG_TRUNC its whole length. */
long sock_udp_recv(struct sock *s, const struct iovec *iov, int n, int flags,
                   ip_addr_t *ip, uint16_t *port, int *trunc)
{
    uint64_t deadline = sock_deadline(s->opt.rcvtimeo_ns);
    size_t want = sock_iov_len(iov, n), k;
    struct sock_dgram *d;
    long r;

    if (want == SIZE_MAX)
        return -EINVAL;
    while (!(d = s->dq)) {
        if (s->shut_rd)
            return 0;
        if ((s->file.flags & O_NONBLOCK) || (flags & MSG_DONTWAIT))
            return -EAGAIN;
        if ((r = sock_wait(s, deadline)))
            return r;
    }
    k = d->p->tot_len < want ? d->p->tot_len : want;
    size_t pos = 0;
    for (struct pbuf *q = d->p; q && pos < k; q = q->next) {
        size_t c = k - pos < q->len ? k - pos : q->len;
        sock_iov_put(iov, n, pos, q->payload, c);
        pos += c;
    }
    size_t whole = d->p->tot_len;
    *trunc = whole > want;
    if (ip)
        ip_addr_copy(*ip, d->addr);
    if (port)
        *port = d->port;
    if (!(flags & MSG_PEEK)) {
        s->dq = d->next;
        if (!s->dq)
            s->dq_last = NULL;
        s->dq_bytes -= d->p->tot_len;
        pbuf_free(d->p);
        mem_free(d);
    }
    return (long)((flags & MSG_TRUNC) ? whole : k);
}

void sock_udp_close(struct sock *s)
{
    struct sock_dgram *d;

    if (s->pcb.udp)
        udp_remove(s->pcb.udp);
    s->pcb.udp = NULL;
    while ((d = s->dq)) {
        s->dq = d->next;
        pbuf_free(d->p);
        mem_free(d);
    }
    s->dq_last = NULL;
}

short sock_udp_poll(struct sock *s)
{
    short ev = POLLOUT | POLLWRNORM;

    if (s->dq || s->shut_rd)
        ev |= POLLIN | POLLRDNORM;
    return ev;
}
