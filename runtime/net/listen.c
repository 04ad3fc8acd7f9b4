/* listen.c: listen(2). */
#include <errno.h>

#include "sock.h"

long uk_sys_listen(long fd, long backlog)
{
    long r;
    struct sock *s = sock_get(fd, &r);

    if (!s)
        return r;
    r = s->type == SOCK_STREAM ? sock_tcp_listen(s, (int)backlog) : -EOPNOTSUPP;
    sock_put(s);
    return r;
}
