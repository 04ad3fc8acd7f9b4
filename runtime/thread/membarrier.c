/* membarrier.c: membarrier(2): on one CPU, a compiler barrier is enough. */
#include <errno.h>

#include "runtime.h"

#define MEMBARRIER_CMD_QUERY 0
/* GLOBAL, GLOBAL_EXPEDITED and its REGISTER, PRIVATE_EXPEDITED and its
 * REGISTER: every other thread runs on this CPU, after a switch that is
 * itself a full barrier. */
#define MEMBARRIER_SUPPORTED 0x1f

long uk_sys_membarrier(long cmd, long flags)
{
    if (flags)
        return -EINVAL;
    if (cmd == MEMBARRIER_CMD_QUERY)
        return MEMBARRIER_SUPPORTED;
    if (cmd & ~MEMBARRIER_SUPPORTED || (cmd & (cmd - 1)))
        return -EINVAL;
    __asm__ volatile("" : : : "memory");
    return 0;
}
