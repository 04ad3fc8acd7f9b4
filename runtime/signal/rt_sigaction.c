/* rt_sigaction.c: rt_sigaction(2). */
#include <errno.h>
#include <signal.h>

#include "runtime.h"

long uk_sys_rt_sigaction(long sig, long act, long old, long setsize)
{
    if (sig < 1 || sig > SIG_COUNT || setsize != 8)
        return -EINVAL;
    if (act && (sig == SIGKILL || sig == SIGSTOP))
        return -EINVAL;
    if (old)
        *(struct k_sigaction *)old = sig_state.action[sig];
    if (act)
        sig_state.action[sig] = *(const struct k_sigaction *)act;
    return 0;
}
