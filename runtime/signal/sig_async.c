/* sig_async.c: signals that arrive from outside the program's flow (timers).
 *
 * sig_post marks the signal pending and gets a program thread to look at
 * it soon: the main thread, if it is blocked in a syscall, is woken with
 * EINTR (as on Linux, the syscall fails with EINTR once the handler ran);
 * a thread that is running or about to run takes it at its next interrupt
 * or syscall return (kernel/arch/x86_64/upcall.c). Handlers run on the
 * thread's own stack with interrupts on, like program code. */
#include <signal.h>

#include "runtime.h"
#include "sched_internal.h"

static uint64_t sig_async_ready(void)
{
    return sig_state.pending & ~sig_state.blocked;
}

static int sig_async_wanted(void)
{
    return sig_async_ready() != 0;
}

/* On the program thread, interrupts on: one signal at a time, the state
 * changes with interrupts off. */
static void sig_async_run(void)
{
    for (;;) {
        uint64_t f = irq_save(), ready = sig_async_ready();
        int sig;

        if (!ready) {
            waitq_upcall_hint = 0;
            irq_restore(f);
            return;
        }
        sig = __builtin_ctzll(ready) + 1;
        sig_state.pending &= ~(1UL << (sig - 1));
        irq_restore(f);
        sig_send(sig);
    }
}

/* From a helper thread (kernel_only), interrupts off. */
void sig_post(int sig)
{
    static int enabled;
    struct thread *main_thread;

    if (!enabled) {
        upcall_enable(sig_async_wanted, sig_async_run);
        enabled = 1;
    }
    sig_state.pending |= 1UL << (sig - 1);
    if (!sig_async_ready())
        return; /* blocked: sigprocmask delivers it when unblocked */
    waitq_upcall_hint = 1;
    main_thread = sched_find(1);
    if (main_thread)
        waitq_interrupt(main_thread);
}
