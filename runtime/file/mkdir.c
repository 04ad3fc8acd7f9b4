/* mkdir.c: mkdir(2). */
#include <fcntl.h>

#include "runtime.h"

long uk_sys_mkdir(long path, long mode)
{
    return uk_sys_mkdirat(AT_FDCWD, path, mode);
}
