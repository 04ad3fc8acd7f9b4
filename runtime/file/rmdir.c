/* rmdir.c: rmdir(2). */
#include <fcntl.h>

#include "runtime.h"

long uk_sys_rmdir(long path)
{
    return uk_sys_unlinkat(AT_FDCWD, path, AT_REMOVEDIR);
}
