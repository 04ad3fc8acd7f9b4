/* dispatch.c: syscalls whose number is not known at compile time. */
#include <errno.h>
#include <stdint.h>
#include <sys/syscall.h>

#include "runtime.h"

/* The socket calls' entries are weak references here: otherwise the
 * dispatcher, which any program may reach (musl's __syscall_cp when LTO
 * does not fold it), would link them and through them lwIP and the NIC
 * driver into programs that never make a socket. net/socket.c links them
 * all. */
#define DISPATCH_NET(X)                                                    \
    X(socket, 3) X(bind, 3) X(listen, 2) X(accept, 3) X(accept4, 4)       \
    X(connect, 3) X(sendto, 6) X(recvfrom, 6) X(sendmsg, 3)              \
    X(recvmsg, 3) X(shutdown, 2) X(getsockname, 3) X(getpeername, 3)     \
    X(setsockopt, 5) X(getsockopt, 5)
#define DISPATCH_WEAK(name, n)                                             \
    long uk_sysent_##name(UK_ARGS_##n) __attribute__((weak));
DISPATCH_NET(DISPATCH_WEAK)

/* The entry does what a direct call does: interrupts, tracing, handler. */
#define DISPATCH_CASE(name, n)                                             \
    case SYS_##name:                                                       \
        if (!(uintptr_t)uk_sysent_##name)                                  \
            return -ENOSYS;                                                \
        return uk_sysent_##name(UK_PASS_##n);

/* For the tracer: what an unlisted syscall does, in a handler's shape. */
static long dispatch_enosys(long a, long b, long c, long d, long e, long f)
{
    return -ENOSYS;
}

/* Never inlined: the link-time walk knows a call it reaches only through
 * here as one the program may never make (passes/walk_unsupported.c). */
__attribute__((noinline)) long uk_syscall_dispatch(long n, long a, long b,
                                                   long c, long d, long e,
                                                   long f)
{
    struct uk_strace_sys unknown = {"", "", dispatch_enosys,
                                    (unsigned short)n, 6};

    switch (n) {
    UK_SYSCALL_LIST(DISPATCH_CASE)
    default:
        if (uk_strace_enabled)
            return uk_strace_call(a, b, c, d, e, f, &unknown);
        return uk_syscall_unimplemented(n);
    }
}

long uk_syscall_unimplemented(long n)
{
    return -ENOSYS;
}
