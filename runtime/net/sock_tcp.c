/* sock_tcp.c: TCP sockets: pcb callbacks, connect, shutdown, close, poll. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>

#include "lwip/tcp.h"
#include "sock.h"

/* The socket lets go of its pcb: lwIP finishes the connection alone. */
void sock_tcp_detach(struct sock *s)
{
    struct tcp_pcb *pcb = s->pcb.tcp;

    tcp_arg(pcb, NULL);
    tcp_recv(pcb, NULL);
    tcp_sent(pcb, NULL);
    tcp_err(pcb, NULL);
    s->pcb.tcp = NULL;
}

/* Received data (p) or the peer's FIN (p == NULL): queue it for read.
 * A FIN after our own (shutdown SHUT_WR) ends both directions: lwIP then
 * keeps the pcb in TIME-WAIT and frees it without a word, so the socket
 * must not hold on to it. */
static err_t sock_tcp_on_recv(void *arg, struct tcp_pcb *pcb, struct pbuf *p,
                              err_t err)
{
    struct sock *s = arg;

    if (!p) {
        s->rd_eof = 1;
        if (s->shut_wr)
            sock_tcp_detach(s);
    } else if (s->shut_rd) {
        tcp_recved(pcb, p->tot_len);
        pbuf_free(p);
        return ERR_OK;
    } else {
        /* A short segment is acknowledged at once, not after lwIP's
         * delayed-ACK tick (250 ms): a sender held back by Nagle's
         * algorithm waits for exactly this ACK (write-write-read). */
        if (p->tot_len < TCP_MSS)
            tcp_set_flags(pcb, TF_ACK_NOW);
        if (s->rx_last)
            s->rx_last->next = p;
        else
            s->rx = p;
        s->rx_len += p->tot_len;
        while (p->next)
            p = p->next;
        s->rx_last = p;
    }
    sock_wake(s);
    return ERR_OK;
}

static err_t sock_tcp_on_sent(void *arg, struct tcp_pcb *pcb, u16_t len)
{
    sock_wake(arg);
    return ERR_OK;
}

/* lwIP has freed the pcb: a reset, an abort (timeouts), or the end of a
 * connection this side had shut down for writing (ERR_CLSD). */
static void sock_tcp_on_err(void *arg, err_t err)
{
    struct sock *s = arg;

    s->pcb.tcp = NULL;
    if (err == ERR_CLSD)
        s->rd_eof = 1;
    else if (s->state == SOCK_CONNECTING)
        s->err = err == ERR_RST ? ECONNREFUSED : ETIMEDOUT;
    else if (err == ERR_RST && s->rd_eof) /* after the peer's FIN: Linux */
        s->err = EPIPE;
    else
        s->err = sock_err_from_lwip(err);
    s->state = SOCK_CLOSED;
    sock_wake(s);
}

static err_t sock_tcp_on_connected(void *arg, struct tcp_pcb *pcb, err_t err)
{
    struct sock *s = arg;

    s->state = SOCK_CONNECTED;
    sock_wake(s);
    return ERR_OK;
}

void sock_tcp_attach(struct sock *s, struct tcp_pcb *pcb)
{
    s->pcb.tcp = pcb;
    tcp_arg(pcb, s);
    tcp_recv(pcb, sock_tcp_on_recv);
    tcp_sent(pcb, sock_tcp_on_sent);
    tcp_err(pcb, sock_tcp_on_err);
}

long sock_tcp_open(struct sock *s)
{
    struct tcp_pcb *pcb = tcp_new();

    if (!pcb)
        return -ENOMEM;
    sock_tcp_attach(s, pcb);
    return 0;
}

long sock_tcp_bind(struct sock *s, const ip_addr_t *ip, uint16_t port)
{
    struct tcp_pcb *pcb = s->pcb.tcp;

    if (s->state != SOCK_NEW || !pcb || pcb->local_port)
        return -EINVAL;
    return -sock_err_from_lwip(tcp_bind(pcb, ip, port));
}

/* A connect after a non-blocking one reports how it went, as on Linux. */
static long sock_tcp_connect_state(struct sock *s)
{
    long r;

    switch (s->state) {
    case SOCK_CONNECTING:
        return -EALREADY;
    case SOCK_CONNECTED:
        return -EISCONN;
    case SOCK_LISTENING:
        return -EINVAL;
    case SOCK_CLOSED:
        r = s->err ? -s->err : -ECONNABORTED;
        s->err = 0;
        return r;
    default:
        return 0;
    }
}

long sock_tcp_connect(struct sock *s, const ip_addr_t *ip, uint16_t port)
{
    long r = sock_tcp_connect_state(s);
    uint64_t deadline;
    err_t e;

    if (r)
        return r;
    e = tcp_connect(s->pcb.tcp, ip, port, sock_tcp_on_connected);
    if (e != ERR_OK)
        return -sock_err_from_lwip(e);
    s->state = SOCK_CONNECTING;
    net_update();
    if (s->file.flags & O_NONBLOCK)
        return -EINPROGRESS;
    deadline = sock_deadline(s->opt.sndtimeo_ns);
    while (s->state == SOCK_CONNECTING) {
        r = sock_wait(s, deadline);
        if (r)
            return r == -EAGAIN ? -EINPROGRESS : r;
    }
    if (s->state == SOCK_CONNECTED)
        return 0;
    r = s->err ? -s->err : -ECONNABORTED;
    s->err = 0;
    return r;
}

long sock_tcp_shutdown(struct sock *s, int rd, int wr)
{
    if (s->state != SOCK_CONNECTED && s->state != SOCK_CLOSED)
        return -ENOTCONN;
    if (rd && !s->shut_rd) {
        s->shut_rd = 1;
        sock_tcp_rx_drop(s);
    }
    if (wr && !s->shut_wr) {
        s->shut_wr = 1;
        if (s->pcb.tcp)
            tcp_shutdown(s->pcb.tcp, 0, 1);
    }
    sock_wake(s);
    return 0;
}

/* Unread data or SO_LINGER with a zero timeout: reset, as Linux does;
 * otherwise an orderly close that lwIP finishes on its own. */
void sock_tcp_close(struct sock *s)
{
    struct tcp_pcb *pcb = s->pcb.tcp;

    if (s->state == SOCK_LISTENING) {
        sock_tcp_listen_close(s);
        return;
    }
    if (pcb) {
        sock_tcp_detach(s);
        if (s->rx_len || (s->opt.linger_on && s->opt.linger_s == 0) ||
            tcp_close(pcb) != ERR_OK)
            tcp_abort(pcb);
    }
    sock_tcp_rx_drop(s);
}

short sock_tcp_poll(struct sock *s)
{
    struct tcp_pcb *pcb = s->pcb.tcp;
    short ev = 0;

    switch (s->state) {
    case SOCK_LISTENING:
        return s->aq ? POLLIN | POLLRDNORM : 0;
    case SOCK_NEW:
        return POLLOUT | POLLHUP;
    case SOCK_CONNECTING:
        return 0;
    case SOCK_CLOSED:
        ev = POLLIN | POLLRDNORM | POLLOUT | POLLHUP;
        break;
    case SOCK_CONNECTED:
        if (s->rx_len || s->rd_eof || s->shut_rd)
            ev |= POLLIN | POLLRDNORM;
        if (s->shut_wr || (pcb && tcp_sndbuf(pcb) >= TCP_SNDLOWAT &&
                           tcp_sndqueuelen(pcb) < TCP_SNDQUEUELOWAT))
            ev |= POLLOUT | POLLWRNORM;
        if (s->rd_eof && s->shut_wr)
            ev |= POLLHUP;
        break;
    }
    if (s->rd_eof)
        ev |= POLLRDHUP;
    if (s->err)
        ev |= POLLERR;
    return ev;
}
