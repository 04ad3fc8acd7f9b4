/* futex_wake.c: futex(2) FUTEX_WAKE alone, for call sites that only wake. */
#include <errno.h>

#include "runtime.h"

/*
 * musl's unlocks (__wake) pass FUTEX_WAKE, private or not, as a constant:
 * syscall_arch.h sends them here, so that a program that never waits
 * links neither the wait path nor the clock its timeouts read.
 */
long uk_sys_futex_wake(long uaddr, long op, long n)
{
    if (!uaddr || (uaddr & 3))
        return -EINVAL;
    return futex_wake((uint32_t *)uaddr, n);
}
