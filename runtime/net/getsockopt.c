/* getsockopt.c: getsockopt(2): options as set, SO_ERROR, fixed facts. */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/time.h>

#include "sock.h"

/* The value and its size for (level, name); -ENOPROTOOPT if unknown. */
static long sock_get_value(struct sock *s, int level, int name, void *buf,
                           unsigned *size)
{
    struct sock_opts *o = &s->opt;
    int *v = buf, tcp = s->type == SOCK_STREAM;

    *size = sizeof(int);
    if (level == SOL_SOCKET) {
        switch (name) {
        case SO_TYPE:
            *v = s->type;
            return 0;
        case SO_DOMAIN:
            *v = AF_INET;
            return 0;
        case SO_PROTOCOL:
            *v = tcp ? IPPROTO_TCP : IPPROTO_UDP;
            return 0;
        case SO_ACCEPTCONN:
            *v = s->state == SOCK_LISTENING;
            return 0;
        case SO_ERROR:
            *v = s->err;
            s->err = 0;
            return 0;
        case SO_REUSEADDR:
        case SO_REUSEPORT:
            *v = o->reuse;
            return 0;
        case SO_KEEPALIVE:
            *v = o->keepalive;
            return 0;
        case SO_BROADCAST:
            *v = o->broadcast;
            return 0;
        case SO_RCVBUF:
            *v = o->rcvbuf;
            return 0;
        case SO_SNDBUF:
            *v = o->sndbuf;
            return 0;
        case SO_LINGER: {
            struct linger l = {o->linger_on, o->linger_s};
            memcpy(buf, &l, sizeof l);
            *size = sizeof l;
            return 0;
        }
        case SO_RCVTIMEO:
        case SO_SNDTIMEO: {
            uint64_t ns = name == SO_RCVTIMEO ? o->rcvtimeo_ns : o->sndtimeo_ns;
            struct timeval tv = {ns / 1000000000, ns % 1000000000 / 1000};
            memcpy(buf, &tv, sizeof tv);
            *size = sizeof tv;
            return 0;
        }
        }
    } else if (level == IPPROTO_TCP && tcp) {
        switch (name) {
        case TCP_NODELAY:
            *v = o->nodelay;
            return 0;
        case TCP_MAXSEG:
            *v = TCP_MSS;
            return 0;
        case TCP_KEEPIDLE:
            *v = o->keepidle_s;
            return 0;
        case TCP_KEEPINTVL:
            *v = o->keepintvl_s;
            return 0;
        case TCP_KEEPCNT:
            *v = o->keepcnt;
            return 0;
        }
    } else if (level == IPPROTO_IP) {
        switch (name) {
        case IP_TOS:
            *v = o->tos;
            return 0;
        case IP_TTL:
            *v = o->ttl;
            return 0;
        }
    }
    return -ENOPROTOOPT;
}

long uk_sys_getsockopt(long fd, long level, long name, long val, long lenp)
{
    unsigned *len = (unsigned *)lenp, size;
    union {
        int i;
        struct linger l;
        struct timeval tv;
    } buf;
    long r;
    struct sock *s;

    if (!len || (!val && *len))
        return -EFAULT;
    if ((int)*len < 0)
        return -EINVAL;
    if (!(s = sock_get(fd, &r)))
        return r;
    r = sock_get_value(s, (int)level, (int)name, &buf, &size);
    if (r == 0) {
        if (size > *len)
            size = *len;
        memcpy((void *)val, &buf, size);
        *len = size;
    }
    sock_put(s);
    return r;
}
