/* sched_yield.c: sched_yield(2); nothing else to run yet. */
#include "runtime.h"

long uk_sys_sched_yield(void)
{
    return 0;
}
