/* tgkill.c: tgkill(2): a thread of this one process (thread group 1). */
#include <errno.h>

#include "runtime.h"

long uk_sys_tgkill(long tgid, long tid, long sig)
{
    if (tgid <= 0 || tid <= 0)
        return -EINVAL;
    if (tgid != 1)
        return -ESRCH;
    return uk_sys_tkill(tid, sig);
}
