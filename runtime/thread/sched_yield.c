/* sched_yield.c: sched_yield(2): the next ready thread runs first. */
#include "runtime.h"

long uk_sys_sched_yield(void)
{
    sched_yield_cpu();
    return 0;
}
