/* dispatch.c: syscalls whose number is not known at compile time. */
#include <errno.h>
#include <sys/syscall.h>

#include "runtime.h"

#define DISPATCH_CASE(name, n)                                             \
    case SYS_##name:                                                       \
        if (uk_strace_enabled)                                             \
            return uk_strace_call(SYS_##name,                              \
                                  UK_STRACE_HANDLER(uk_sys_##name), a, b,  \
                                  c, d, e, f);                             \
        return uk_sys_##name(UK_PASS_##n);

/* For the tracer: what an unlisted syscall does, in a handler's shape. */
static long dispatch_enosys(long a, long b, long c, long d, long e, long f)
{
    return -ENOSYS;
}

long uk_syscall_dispatch(long n, long a, long b, long c, long d, long e,
                         long f)
{
    switch (n) {
    UK_SYSCALL_LIST(DISPATCH_CASE)
    default:
        if (uk_strace_enabled)
            return uk_strace_call(n, dispatch_enosys, a, b, c, d, e, f);
        return uk_syscall_unimplemented(n);
    }
}

long uk_syscall_unimplemented(long n)
{
    return -ENOSYS;
}
