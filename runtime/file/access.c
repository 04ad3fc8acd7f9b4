/* access.c: access(2). */
#include <fcntl.h>

#include "runtime.h"

long uk_sys_access(long path, long mode)
{
    return uk_sys_faccessat2(AT_FDCWD, path, mode, 0);
}
