/* kill.c: kill(2) and tkill(2): only the process itself can be signalled. */
#include <errno.h>

#include "runtime.h"
#include "sched_internal.h"

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

/* To another thread too, but the handler runs in the caller: signals are
 * synchronous here (signal.c). A target blocked in a syscall is woken
 * with EINTR, as the signal would on Linux: that is what lets musl act on
 * pthread_cancel of a thread that sleeps in a cancellation point. */
long uk_sys_tkill(long tid, long sig)
{
    struct thread *t;

    if (tid <= 0)
        return -EINVAL;
    if (!(t = sched_find((int)tid)))
        return -ESRCH;
    if (sig && t != sched_current())
        waitq_interrupt(t);
    return kill_self(sig);
}
