/* lseek.c: lseek(2); the console is not seekable. */
#include <errno.h>

#include "runtime.h"

long uk_sys_lseek(long fd, long off, long whence)
{
    return fd_get(fd) ? -ESPIPE : -EBADF;
}
