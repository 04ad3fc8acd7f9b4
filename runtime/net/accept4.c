/* accept4.c: accept4(2): accept with SOCK_NONBLOCK and SOCK_CLOEXEC. */
#include "sock.h"

long uk_sys_accept4(long fd, long addr, long lenp, long flags)
{
    return sock_accept(fd, addr, lenp, flags);
}
