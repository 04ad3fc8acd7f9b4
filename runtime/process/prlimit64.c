/* prlimit64.c: prlimit(2): limits are reported, new ones accepted. */
#include <errno.h>
#include <sys/resource.h>

#include "runtime.h"

long uk_sys_prlimit64(long pid, long res, long newp, long oldp)
{
    if (pid != 0 && pid != 1)
        return -ESRCH;
    if (res < 0 || res >= RLIM_NLIMITS)
        return -EINVAL;
    if (oldp) {
        struct rlimit *r = (struct rlimit *)oldp;
        r->rlim_cur = r->rlim_max = RLIM_INFINITY;
        if (res == RLIMIT_NOFILE)
            r->rlim_cur = r->rlim_max = FD_MAX;
        else if (res == RLIMIT_STACK)
            r->rlim_cur = r->rlim_max = 8UL << 20;
    }
    return 0;
}
