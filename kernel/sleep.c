/* sleep.c: sleeping; apart from time.c so that clocks link no scheduler. */
#include <errno.h>

#include "kernel.h"

/* Blocks only the calling thread, on a timer (sched.c). 0 when the time
 * is up; the time left (at least 1) when a signal interrupted the sleep. */
uint64_t time_sleep_ns(uint64_t ns)
{
    struct waitq q = WAITQ_INIT;
    uint64_t end = time_monotonic_ns() + ns, left = 0, now;
    uint64_t f = irq_save();
    int r;

    while ((r = waitq_wait(&q, end)) != -ETIMEDOUT) {
        if (r == -EINTR) {
            now = time_monotonic_ns();
            left = end > now ? end - now : 1;
            break;
        }
    }
    irq_restore(f);
    return left;
}
