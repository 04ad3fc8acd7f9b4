/* getpeername.c: getpeername(2). */
#include "sock.h"

long uk_sys_getpeername(long fd, long addr, long lenp)
{
    return sock_name(fd, addr, lenp, 1);
}
