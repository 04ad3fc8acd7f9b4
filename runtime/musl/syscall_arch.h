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

/* Under `ukrun --strace` every call goes through the tracer, which calls
 * the same handler; when tracing is off this costs one predictable branch
 * per call site, and still links only the handlers the program reaches. */
#define UK_SYSCALL_CASE(name, n)                                           \
    case SYS_##name:                                                       \
        if (__builtin_expect(uk_strace_enabled, 0))                        \
            return uk_strace_call(SYS_##name,                              \
                                  UK_STRACE_HANDLER(uk_sys_##name), a, b,  \
                                  c, d, e, f);                             \
        return uk_sys_##name(UK_PASS_##n);

static __inline __attribute__((__always_inline__)) long
__uk_syscall_call(long n, long a, long b, long c, long d, long e, long f)
{
    if (!__builtin_constant_p(n))
        return uk_syscall_dispatch(n, a, b, c, d, e, f);
    switch (n) {
    UK_SYSCALL_LIST(UK_SYSCALL_CASE)
    default:
        return uk_syscall_unimplemented(n);
    }
}

/* Handlers run with interrupts off, like a kernel that is not preemptible:
 * a thread is switched only where a handler blocks (kernel/sched.c), and
 * an interrupt that arrives meanwhile is taken when they are back on. */
static __inline __attribute__((__always_inline__)) long
__uk_syscall(long n, long a, long b, long c, long d, long e, long f)
{
    unsigned long __flags;
    long __r;

    __asm__ __volatile__("pushfq; popq %0; cli" : "=r"(__flags) : : "memory");
    __r = __uk_syscall_call(n, a, b, c, d, e, f);
    if (__flags & 0x200)
        __asm__ __volatile__("sti" : : : "memory");
    return __r;
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
