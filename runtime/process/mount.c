/* mount.c: mount(2) fails as for an unprivileged process: the mounts are
 * the ones ukrun sets up (--fs) at boot. */
#include <errno.h>

#include "runtime.h"

long uk_sys_mount(long source, long target, long type, long flags, long data)
{
    return process_unsupported("mount", "mounts are fixed at boot", -EPERM);
}
