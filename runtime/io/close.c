/* close.c: close(2). */
#include "runtime.h"

long uk_sys_close(long fd)
{
    return fd_close(fd);
}
