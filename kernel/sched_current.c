/* sched_current.c: the running thread, linked without the scheduler. */
#include "sched_internal.h"

char sched_boot_kstack[SCHED_KSTACK_PAGES * PAGE_SIZE]
    __attribute__((aligned(16)));
struct thread sched_boot = {
    .tid = 1, .state = THREAD_RUNNING, .kstack = sched_boot_kstack};
struct thread *sched_cur = &sched_boot;
char *sched_kstack_top = sched_boot_kstack + sizeof(sched_boot_kstack);

struct thread *sched_current(void)
{
    return sched_cur;
}

int sched_tid(void)
{
    return sched_cur->tid;
}
