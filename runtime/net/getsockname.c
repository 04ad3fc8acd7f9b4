/* getsockname.c: getsockname(2). */
#include "sock.h"

long uk_sys_getsockname(long fd, long addr, long lenp)
{
    return sock_name(fd, addr, lenp, 0);
}
