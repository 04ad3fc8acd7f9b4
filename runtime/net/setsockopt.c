/* setsockopt.c: setsockopt(2): lwIP gets what it knows of. */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/time.h>

#include "sock.h"

static long sock_set_timeo(uint64_t *ns, const void *val, long len)
{
    const struct timeval *tv = val;

    if (len < (long)sizeof *tv)
        return -EINVAL;
    if (tv->tv_usec < 0 || tv->tv_usec >= 1000000)
        return -EDOM;
    if (tv->tv_sec < 0)
        *ns = 0; /* Linux: a negative timeout means none */
    else
        *ns = (uint64_t)tv->tv_sec * 1000000000 + tv->tv_usec * 1000;
    return 0;
}

/* Linux doubles the asked size (room for its bookkeeping) and
 * getsockopt shows the doubled value; we do the same. */
static int sock_bufsize(int v)
{
    if (v < 1024)
        v = 1024;
    return v > (1 << 29) ? 1 << 30 : v * 2;
}

static long sock_set_socket(struct sock *s, int name, int v, const void *val,
                            long len)
{
    struct sock_opts *o = &s->opt;
    const struct linger *l = val;

    switch (name) {
    case SO_REUSEADDR:
    case SO_REUSEPORT:
        o->reuse = v;
        return 0;
    case SO_KEEPALIVE:
        o->keepalive = v;
        return 0;
    case SO_BROADCAST:
        o->broadcast = v;
        return 0;
    case SO_RCVBUF:
        o->rcvbuf = sock_bufsize(v);
        return 0;
    case SO_SNDBUF:
        o->sndbuf = sock_bufsize(v);
        return 0;
    case SO_LINGER:
        if (len < (long)sizeof *l)
            return -EINVAL;
        o->linger_on = l->l_onoff != 0;
        o->linger_s = l->l_linger < 0 ? 0 : l->l_linger;
        return 0;
    case SO_RCVTIMEO:
        return sock_set_timeo(&o->rcvtimeo_ns, val, len);
    case SO_SNDTIMEO:
        return sock_set_timeo(&o->sndtimeo_ns, val, len);
    case SO_OOBINLINE:
    case SO_DONTROUTE:
    case SO_PRIORITY:
    case SO_RCVLOWAT:
    case SO_SNDLOWAT:
        return 0; /* no effect here */
    default:
        return -ENOPROTOOPT;
    }
}

static long sock_set_tcp(struct sock *s, int name, int v)
{
    struct sock_opts *o = &s->opt;

    if (s->type != SOCK_STREAM)
        return -EOPNOTSUPP;
    switch (name) {
    case TCP_NODELAY:
        o->nodelay = v != 0;
        return 0;
    case TCP_KEEPIDLE:
    case TCP_KEEPINTVL:
    case TCP_KEEPCNT:
        if (v < 1 || v > 32767)
            return -EINVAL;
        if (name == TCP_KEEPIDLE)
            o->keepidle_s = v;
        else if (name == TCP_KEEPINTVL)
            o->keepintvl_s = v;
        else
            o->keepcnt = v;
        return 0;
    case TCP_CORK:
    case TCP_QUICKACK:
    case TCP_DEFER_ACCEPT:
    case TCP_MAXSEG:
    case TCP_USER_TIMEOUT:
    case TCP_FASTOPEN:
        return 0; /* no effect here */
    default:
        return -ENOPROTOOPT;
    }
}

static long sock_set_ip(struct sock *s, int name, int v)
{
    switch (name) {
    case IP_TOS:
        s->opt.tos = v & 0xff;
        return 0;
    case IP_TTL:
        if (v < -1 || v == 0 || v > 255)
            return -EINVAL;
        s->opt.ttl = v == -1 ? 64 : v;
        return 0;
    default:
        return -ENOPROTOOPT;
    }
}

long uk_sys_setsockopt(long fd, long level, long name, long val, long len)
{
    int v = 0;
    long r;
    struct sock *s;

    if (len < 0)
        return -EINVAL;
    if (!val && len)
        return -EFAULT;
    if (len >= (long)sizeof(int))
        v = *(const int *)val;
    else if (!(level == SOL_SOCKET &&
               (name == SO_LINGER || name == SO_RCVTIMEO ||
                name == SO_SNDTIMEO)))
        return -EINVAL;
    if (!(s = sock_get(fd, &r)))
        return r;
    uint64_t irq = irq_save();
    if (level == SOL_SOCKET)
        r = sock_set_socket(s, (int)name, v, (const void *)val, len);
    else if (level == IPPROTO_TCP)
        r = sock_set_tcp(s, (int)name, v);
    else if (level == IPPROTO_IP)
        r = sock_set_ip(s, (int)name, v);
    else
        r = -ENOPROTOOPT;
    if (r == 0)
        sock_opt_apply(s);
    irq_restore(irq);
    sock_put(s);
    return r;
}
