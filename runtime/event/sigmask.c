/* sigmask.c: the signal mask ppoll, pselect6 and epoll_pwait wait under. */
#include <errno.h>
#include <signal.h>

#include "event.h"

/* maskp 0: keep the current mask. */
long event_sigmask_set(long maskp, long size, uint64_t *saved)
{
    *saved = sig_state.blocked;
    if (!maskp)
        return 0;
    if (size != 8)
        return -EINVAL;
    uint64_t set = *(const uint64_t *)maskp;
    set &= ~((1UL << (SIGKILL - 1)) | (1UL << (SIGSTOP - 1)));
    sig_state.blocked = set;
    return 0;
}

/* Signals left pending under the temporary mask are delivered now. */
void event_sigmask_restore(uint64_t saved)
{
    if (sig_state.blocked == saved)
        return;
    sig_state.blocked = saved;
    sig_deliver_pending();
}
