/* select.c: select(2); musl passes the timeout as {seconds, microseconds}. */
#include <errno.h>

#include "event.h"

long uk_sys_select(long n, long rd, long wr, long ex, long tvp)
{
    uint64_t deadline = EVENT_FOREVER;

    if (tvp) {
        const long *tv = (const long *)tvp;
        if (tv[0] < 0 || tv[1] < 0 || tv[1] >= 1000000)
            return -EINVAL;
        struct timespec ts = {tv[0], tv[1] * 1000};
        event_deadline_ts(&ts, &deadline);
    }
    return select_fds(n, (unsigned long *)rd, (unsigned long *)wr,
                      (unsigned long *)ex, deadline);
}
