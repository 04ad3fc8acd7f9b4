/* gettid.c: gettid(2): the calling thread's id (the boot thread is 1). */
#include "runtime.h"

long uk_sys_gettid(void)
{
    return sched_tid();
}
