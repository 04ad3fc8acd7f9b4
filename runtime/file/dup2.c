/* dup2.c: dup2(2). */
#include <errno.h>

#include "runtime.h"

long uk_sys_dup2(long oldfd, long newfd)
{
    if (!fd_get((int)oldfd))
        return -EBADF;
    if (oldfd == newfd)
        return newfd;
    return uk_sys_dup3(oldfd, newfd, 0);
}
