/* syscall_cp.c: musl's cancellable-syscall entry, in C instead of syscall_cp.s. */
#include "runtime.h"

long __cancel(void);

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
