/* set_tid_address.c: set_tid_address(2): where exit clears the tid. */
#include "runtime.h"
#include "sched_internal.h"

long uk_sys_set_tid_address(long addr)
{
    struct thread *t = sched_current();

    t->clear_tid = (int *)addr;
    return t->tid;
}
