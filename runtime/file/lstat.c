/* lstat.c: lstat(2). */
#include <fcntl.h>

#include "runtime.h"

long uk_sys_lstat(long path, long st)
{
    return uk_sys_newfstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW);
}
