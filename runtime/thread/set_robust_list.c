/* set_robust_list.c: set_robust_list(2): kept, for get_robust_list only. */
#include <errno.h>

#include "runtime.h"
#include "sched_internal.h"

#define ROBUST_LIST_HEAD_SIZE 24 /* struct robust_list_head */

/* musl walks the list itself when a thread exits; no process can die
 * holding a lock here, so the kernel never has to. */
long uk_sys_set_robust_list(long head, long len)
{
    struct thread *t = sched_current();

    if (len != ROBUST_LIST_HEAD_SIZE)
        return -EINVAL;
    t->robust_list = (void *)head;
    t->robust_len = len;
    return 0;
}
