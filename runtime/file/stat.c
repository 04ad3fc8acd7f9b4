/* stat.c: stat(2). */
#include <fcntl.h>

#include "runtime.h"

long uk_sys_stat(long path, long st)
{
    return uk_sys_newfstatat(AT_FDCWD, path, st, 0);
}
