/* futex_wait.c: futex(2) FUTEX_WAIT without a timeout, for musl's locks. */
#include <errno.h>

#include "runtime.h"

/* musl's lock waits (__futexwait, __wait) pass FUTEX_WAIT, private or not,
 * and no timeout as constants: syscall_arch.h sends them here, so that
 * the wait links no clock. */
long uk_sys_futex_wait(long uaddr, long op, long val)
{
    if (!uaddr || (uaddr & 3))
        return -EINVAL;
    return futex_wait((volatile uint32_t *)uaddr, (uint32_t)val, 0,
                      0xffffffffU);
}
