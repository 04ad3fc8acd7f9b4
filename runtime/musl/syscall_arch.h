/* syscall_arch.h: musl's syscall seam, replaced so that syscalls are direct calls.
 *
 * musl reaches the kernel only through __syscallN(n, ...). Here a number
 * known at compile time (after LTO inlining too) selects the runtime's
 * handler for it directly: the call is a plain function call, and handlers
 * the program never reaches are never linked. Only a number that stays
 * unknown goes through the out-of-line dispatcher, which links them all. */
#include "uk_syscalls.h"

#define __SYSCALL_LL_E(x) (x)
#define __SYSCALL_LL_O(x) (x)

/* A call site is one call: the entry (runtime/syscall/sysent.c) turns
 * interrupts off, checks `ukrun --strace` and runs the handler. */
#define UK_SYSCALL_CASE(name, n)                                           \
    case SYS_##name:                                                       \
        return uk_sysent_##name(UK_PASS_##n);

static __inline __attribute__((__always_inline__)) long
__uk_syscall(long n, long a, long b, long c, long d, long e, long f)
{
    if (!__builtin_constant_p(n))
        return uk_syscall_dispatch(n, a, b, c, d, e, f);
    if (n == SYS_futex && __builtin_constant_p(b) &&
        (b & ~UK_FUTEX_PRIVATE) == UK_FUTEX_WAKE)
        return uk_sysent_futex_wake(a, b, c);
    if (n == SYS_futex && __builtin_constant_p(b) && __builtin_constant_p(d) &&
        !d && (b & ~UK_FUTEX_PRIVATE) == UK_FUTEX_WAIT)
        return uk_sysent_futex_wait(a, b, c);
    switch (n) {
    UK_SYSCALL_LIST(UK_SYSCALL_CASE)
    default:
        return uk_syscall_unimplemented(n);
    }
}

static __inline __attribute__((__always_inline__)) long
__syscall0(long n)
{
    return __uk_syscall(n, 0, 0, 0, 0, 0, 0);
}

static __inline __attribute__((__always_inline__)) long
__syscall1(long n, long a)
{
    return __uk_syscall(n, a, 0, 0, 0, 0, 0);
}

static __inline __attribute__((__always_inline__)) long
__syscall2(long n, long a, long b)
{
    return __uk_syscall(n, a, b, 0, 0, 0, 0);
}

static __inline __attribute__((__always_inline__)) long
__syscall3(long n, long a, long b, long c)
{
    return __uk_syscall(n, a, b, c, 0, 0, 0);
}

static __inline __attribute__((__always_inline__)) long
__syscall4(long n, long a, long b, long c, long d)
{
    return __uk_syscall(n, a, b, c, d, 0, 0);
}

static __inline __attribute__((__always_inline__)) long
__syscall5(long n, long a, long b, long c, long d, long e)
{
    return __uk_syscall(n, a, b, c, d, e, 0);
}

static __inline __attribute__((__always_inline__)) long
__syscall6(long n, long a, long b, long c, long d, long e, long f)
{
    return __uk_syscall(n, a, b, c, d, e, f);
}

/* No vDSO: clock_gettime is already a direct call. */
#define IPC_64 0
