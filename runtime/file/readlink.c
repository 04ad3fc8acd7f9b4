/* readlink.c: readlink(2). */
#include <errno.h>
#include <fcntl.h>

#include "runtime.h"

long uk_sys_readlink(long path, long buf, long size)
{
    if (path && !*(const char *)path)
        return -ENOENT;
    return uk_sys_readlinkat(AT_FDCWD, path, buf, size);
}
