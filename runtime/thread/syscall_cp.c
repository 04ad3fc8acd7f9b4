/* syscall_cp.c: musl's cancellable-syscall entry, in C instead of syscall_cp.s. */
#include "runtime.h"

long __cancel(void);

/* Only linked when the program uses pthread_cancel; otherwise musl's
 * __syscall_cp folds into direct calls. */
long __syscall_cp_asm(volatile int *cancel, long n, long a, long b, long c,
                      long d, long e, long f)
{
    if (*cancel)
        return __cancel();
    return uk_syscall_dispatch(n, a, b, c, d, e, f);
}
