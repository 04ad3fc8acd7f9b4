/* umount2.c: umount2(2) (umount) fails like mount. */
#include <errno.h>

#include "runtime.h"

long uk_sys_umount2(long target, long flags)
{
    return process_unsupported("umount2", "mounts are fixed at boot",
                               -EPERM);
}
