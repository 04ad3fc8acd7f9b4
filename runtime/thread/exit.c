/* exit.c: exit(2): the calling thread ends; the last one ends the program. */
#include "runtime.h"
#include "sched_internal.h"

/* Linked by clone (pthread_create): without it this is the only thread. */
_Noreturn void sched_exit(int status) __attribute__((weak));

long uk_sys_exit(long status)
{
    struct thread *t = sched_current();

    irq_save();
    if (t->clear_tid) {
        *t->clear_tid = 0;
        futex_wake((uint32_t *)t->clear_tid, 1);
    }
    if (!sched_exit)
        kernel_exit((int)status & 0xff);
    sched_exit((int)status & 0xff);
}
