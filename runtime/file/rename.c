/* rename.c: rename(2). */
#include <fcntl.h>

#include "runtime.h"

long uk_sys_rename(long opath, long npath)
{
    return uk_sys_renameat2(AT_FDCWD, opath, AT_FDCWD, npath, 0);
}
