/* chown.c: chown(2). */
#include <fcntl.h>

#include "runtime.h"

long uk_sys_chown(long path, long uid, long gid)
{
    return uk_sys_fchownat(AT_FDCWD, path, uid, gid, 0);
}
