/* kill.c: kill(2) and tkill(2): only the process itself can be signalled. */
#include <errno.h>

#include "runtime.h"

static long kill_self(long sig)
{
    if (sig < 0 || sig > SIG_COUNT)
        return -EINVAL;
    if (sig)
        sig_send((int)sig);
    return 0;
}

long uk_sys_kill(long pid, long sig)
{
    if (pid != 1 && pid != 0 && pid != -1)
        return -ESRCH;
    return kill_self(sig);
}

long uk_sys_tkill(long tid, long sig)
{
    if (tid != 1)
        return -ESRCH;
    return kill_self(sig);
}
