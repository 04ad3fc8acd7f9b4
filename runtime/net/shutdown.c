/* shutdown.c: shutdown(2). */
#include <errno.h>

#include "sock.h"

long uk_sys_shutdown(long fd, long how)
{
    int rd = how == SHUT_RD || how == SHUT_RDWR;
    int wr = how == SHUT_WR || how == SHUT_RDWR;
    long r;
    struct sock *s;

    if (!rd && !wr)
        return -EINVAL;
    if (!(s = sock_get(fd, &r)))
        return r;
    if (s->type == SOCK_STREAM) {
        r = sock_tcp_shutdown(s, rd, wr);
    } else {
        s->shut_rd |= rd;
        s->shut_wr |= wr;
        sock_wake(s);
        r = s->state == SOCK_CONNECTED ? 0 : -ENOTCONN;
    }
    net_update();
    sock_put(s);
    return r;
}
