/* sock_tcp_listen.c: listening TCP sockets: listen, the accept queue. */
#include <errno.h>
#include <fcntl.h>

#include "lwip/tcp.h"
#include "sock.h"

/* A new connection completed its handshake: it becomes a socket at once
 * (data may arrive before accept) and waits in the listener's queue. It
 * counts against the backlog until accept takes it. */
static err_t sock_tcp_on_accept(void *arg, struct tcp_pcb *pcb, err_t err)
{
    struct sock *l = arg, *c;

    if (err != ERR_OK || !pcb || !l)
        return ERR_VAL;
    c = sock_new(SOCK_STREAM, 0);
    if (!c)
        return ERR_MEM; /* lwIP resets the connection */
    c->state = SOCK_CONNECTED;
    c->opt = l->opt;
    sock_tcp_attach(c, pcb);
    sock_opt_apply(c);
    tcp_backlog_delayed(pcb);
    if (l->aq_last)
        l->aq_last->aq_next = c;
    else
        l->aq = c;
    l->aq_last = c;
    l->aq_len++;
    sock_wake(l);
    return ERR_OK;
}

static u8_t sock_backlog(int backlog)
{
    if (backlog < 1)
        return 1;
    return backlog > 255 ? 255 : (u8_t)backlog;
}

long sock_tcp_listen(struct sock *s, int backlog)
{
    struct tcp_pcb *pcb = s->pcb.tcp, *lpcb;
    err_t e;

    if (s->state == SOCK_LISTENING) {
        s->backlog = sock_backlog(backlog);
        tcp_backlog_set(pcb, s->backlog);
        return 0;
    }
    if (s->state != SOCK_NEW || !pcb)
        return -EINVAL;
    if (!pcb->local_port) {
        e = tcp_bind(pcb, IP4_ADDR_ANY, 0);
        if (e != ERR_OK)
            return -sock_err_from_lwip(e);
    }
    s->backlog = sock_backlog(backlog);
    lpcb = tcp_listen_with_backlog_and_err(pcb, (u8_t)s->backlog, &e);
    if (!lpcb)
        return -sock_err_from_lwip(e);
    s->pcb.tcp = lpcb;
    s->state = SOCK_LISTENING;
    tcp_arg(lpcb, s);
    tcp_accept(lpcb, sock_tcp_on_accept);
    return 0;
}

long sock_tcp_accept(struct sock *s, struct sock **out)
{
    uint64_t deadline = sock_deadline(s->opt.rcvtimeo_ns);
    struct sock *c;
    long r;

    if (s->state != SOCK_LISTENING)
        return -EINVAL;
    while (!s->aq) {
        if (s->file.flags & O_NONBLOCK)
            return -EAGAIN;
        if ((r = sock_wait(s, deadline)))
            return r;
        if (s->state != SOCK_LISTENING)
            return -EINVAL;
    }
    c = s->aq;
    s->aq = c->aq_next;
    if (!s->aq)
        s->aq_last = NULL;
    s->aq_len--;
    c->aq_next = NULL;
    if (c->pcb.tcp)
        tcp_backlog_accepted(c->pcb.tcp);
    *out = c;
    return 0;
}

/* Connections nobody accepted are reset, as on Linux. */
void sock_tcp_listen_close(struct sock *s)
{
    struct sock *c;

    while ((c = s->aq)) {
        s->aq = c->aq_next;
        struct tcp_pcb *pcb = c->pcb.tcp;
        if (pcb) {
            sock_tcp_detach(c);
            tcp_abort(pcb);
        }
        sock_tcp_rx_drop(c);
        sock_free(c);
    }
    s->aq_last = NULL;
    s->aq_len = 0;
    if (s->pcb.tcp) {
        tcp_arg(s->pcb.tcp, NULL);
        tcp_accept(s->pcb.tcp, NULL);
        tcp_close(s->pcb.tcp);
        s->pcb.tcp = NULL;
    }
}
