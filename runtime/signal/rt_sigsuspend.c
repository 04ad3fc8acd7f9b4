/* rt_sigsuspend.c: rt_sigsuspend(2): wait for a signal under a given mask. */
#include <errno.h>
#include <signal.h>

#include "runtime.h"

#define RFLAGS_IF 0x200

long uk_sys_rt_sigsuspend(long maskp, long setsize)
{
    static struct waitq never = WAITQ_INIT_THREADS_ONLY;
    uint64_t saved = sig_state.blocked, f;

    if (setsize != 8)
        return -EINVAL;
    f = irq_save();
    sig_state.blocked = *(const uint64_t *)maskp &
                        ~((1UL << (SIGKILL - 1)) | (1UL << (SIGSTOP - 1)));
    /* The handler runs before the old mask is back, as on Linux: here,
     * with interrupts on like program code. */
    while (!(sig_state.pending & ~sig_state.blocked))
        waitq_wait(&never, 0);
    irq_restore(RFLAGS_IF);
    sig_deliver_pending();
    irq_save();
    sig_state.blocked = saved;
    irq_restore(f);
    return -EINTR;
}
