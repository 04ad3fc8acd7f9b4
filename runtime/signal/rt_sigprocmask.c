/* rt_sigprocmask.c: rt_sigprocmask(2); unblocking delivers what is pending. */
#include <errno.h>
#include <signal.h>

#include "runtime.h"

long uk_sys_rt_sigprocmask(long how, long setp, long oldp, long setsize)
{
    if (setsize != 8)
        return -EINVAL;
    if (oldp)
        *(uint64_t *)oldp = sig_state.blocked;
    if (!setp)
        return 0;
    uint64_t set = *(const uint64_t *)setp;
    set &= ~((1UL << (SIGKILL - 1)) | (1UL << (SIGSTOP - 1)));
    switch (how) {
    case SIG_BLOCK:
        sig_state.blocked |= set;
        break;
    case SIG_UNBLOCK:
        sig_state.blocked &= ~set;
        break;
    case SIG_SETMASK:
        sig_state.blocked = set;
        break;
    default:
        return -EINVAL;
    }
    sig_deliver_pending();
    return 0;
}
