/* sock_opt.c: socket options: defaults, and the ones lwIP's pcbs carry. */
#include <netinet/in.h>

#include "lwip/tcp.h"
#include "lwip/udp.h"
#include "sock.h"

/* Linux's defaults, as getsockopt reports them before any setsockopt. */
void sock_opt_init(struct sock *s)
{
    s->opt.rcvbuf = SOCK_RCVBUF_DEFAULT;
    s->opt.sndbuf = SOCK_SNDBUF_DEFAULT;
    s->opt.keepidle_s = 7200;
    s->opt.keepintvl_s = 75;
    s->opt.keepcnt = 9;
    s->opt.ttl = 64;
}

static void sock_opt_flag(u8_t *so, int on, u8_t flag)
{
    if (on)
        *so |= flag;
    else
        *so &= (u8_t)~flag;
}

void sock_opt_apply(struct sock *s)
{
    struct sock_opts *o = &s->opt;

    if (s->type == SOCK_DGRAM) {
        struct udp_pcb *u = s->pcb.udp;
        sock_opt_flag(&u->so_options, o->reuse, SOF_REUSEADDR);
        sock_opt_flag(&u->so_options, o->broadcast, SOF_BROADCAST);
        u->tos = (u8_t)o->tos;
        u->ttl = (u8_t)o->ttl;
        return;
    }
    struct tcp_pcb *t = s->pcb.tcp;
    if (!t)
        return;
    sock_opt_flag(&t->so_options, o->reuse, SOF_REUSEADDR);
    sock_opt_flag(&t->so_options, o->keepalive, SOF_KEEPALIVE);
    t->tos = (u8_t)o->tos;
    t->ttl = (u8_t)o->ttl;
    if (s->state == SOCK_LISTENING) /* a tcp_pcb_listen has no more */
        return;
    if (o->nodelay)
        tcp_nagle_disable(t);
    else
        tcp_nagle_enable(t);
    t->keep_idle = (u32_t)o->keepidle_s * 1000;
    t->keep_intvl = (u32_t)o->keepintvl_s * 1000;
    t->keep_cnt = (u32_t)o->keepcnt;
}
