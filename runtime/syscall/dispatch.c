/* dispatch.c: syscalls whose number is not known at compile time. */
#include <errno.h>
#include <sys/syscall.h>

#include "runtime.h"

#define DISPATCH_CASE(name, n) \
    case SYS_##name:           \
        return uk_sys_##name(UK_PASS_##n);

long uk_syscall_dispatch(long n, long a, long b, long c, long d, long e,
                         long f)
{
    switch (n) {
    UK_SYSCALL_LIST(DISPATCH_CASE)
    default:
        return uk_syscall_unimplemented(n);
    }
}

long uk_syscall_unimplemented(long n)
{
    return -ENOSYS;
}
