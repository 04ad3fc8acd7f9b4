/* open.c: open(2). */
#include <fcntl.h>

#include "runtime.h"

long uk_sys_open(long path, long flags, long mode)
{
    return uk_sys_openat(AT_FDCWD, path, flags, mode);
}
