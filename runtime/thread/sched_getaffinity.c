/* sched_getaffinity.c: sched_getaffinity(2): one CPU, for sysconf's count. */
#include <errno.h>
#include <string.h>

#include "runtime.h"
#include "sched_internal.h"

#define AFFINITY_MASK_BYTES 8 /* Linux copies whole longs of its mask */

long uk_sys_sched_getaffinity(long pid, long len, long mask)
{
    if (len < AFFINITY_MASK_BYTES || (len & (sizeof(long) - 1)))
        return -EINVAL;
    if (pid && pid != 1 && !sched_find((int)pid))
        return -ESRCH;
    memset((void *)mask, 0, AFFINITY_MASK_BYTES);
    *(unsigned char *)mask = 1;
    return AFFINITY_MASK_BYTES;
}
