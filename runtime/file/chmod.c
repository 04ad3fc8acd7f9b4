/* chmod.c: chmod(2). */
#include <fcntl.h>

#include "runtime.h"

long uk_sys_chmod(long path, long mode)
{
    return uk_sys_fchmodat(AT_FDCWD, path, mode);
}
