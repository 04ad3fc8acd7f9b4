/* get_robust_list.c: get_robust_list(2): what set_robust_list stored. */
#include <errno.h>

#include "runtime.h"
#include "sched_internal.h"

long uk_sys_get_robust_list(long tid, long headp, long lenp)
{
    struct thread *t = tid ? sched_find((int)tid) : sched_current();

    if (!t)
        return -ESRCH;
    *(void **)headp = t->robust_list;
    *(long *)lenp = t->robust_len;
    return 0;
}
