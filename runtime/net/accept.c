/* accept.c: accept(2). */
#include "sock.h"

long uk_sys_accept(long fd, long addr, long lenp)
{
    return sock_accept(fd, addr, lenp, 0);
}
