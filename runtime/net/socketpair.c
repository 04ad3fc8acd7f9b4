/* socketpair.c: socketpair(2): no AF_UNIX, and no AF_INET pairs. */
#include <errno.h>
#include <sys/socket.h>

#include "runtime.h"

long uk_sys_socketpair(long domain, long type, long proto, long fds)
{
    return domain == AF_INET ? -EOPNOTSUPP : -EAFNOSUPPORT;
}
