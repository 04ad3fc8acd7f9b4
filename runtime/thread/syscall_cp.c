/* syscall_cp.c: musl's cancellable-syscall entry, in C instead of syscall_cp.s. */
#include "runtime.h"

long __cancel(void);

/* musl's pthread_cancel.c moves a thread that a cancellation signal
 * interrupts between __cp_begin and __cp_end (inside syscall_cp.s) to
 * __cp_cancel. Signals here are never taken inside a syscall, so the
 * window is empty: labels that bound nothing. */
const char __cp_begin[1], __cp_end[1], __cp_cancel[1];

/* Only linked when the program uses pthread_cancel; otherwise musl's
 * __syscall_cp folds into direct calls. */
long __syscall_cp_asm(volatile int *cancel, long n, long a, long b, long c,
                      long d, long e, long f)
{
    uint64_t flags;
    long r;

    if (*cancel)
        return __cancel();
    flags = irq_save(); /* as syscall_arch.h does for the direct calls */
    r = uk_syscall_dispatch(n, a, b, c, d, e, f);
    irq_restore(flags);
    return r;
}
