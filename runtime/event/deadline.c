/* deadline.c: poll/select/epoll timeouts turned into monotonic deadlines. */
#include <errno.h>

#include "event.h"

static uint64_t deadline_after(uint64_t ns)
{
    uint64_t now = time_monotonic_ns();
    if (ns == 0)
        return EVENT_NOW;
    if (ns >= EVENT_FOREVER - now)
        return EVENT_FOREVER;
    return now + ns;
}

uint64_t event_deadline_ms(long ms)
{
    if (ms < 0)
        return EVENT_FOREVER;
    return deadline_after((uint64_t)ms * 1000000UL);
}

/* NULL waits forever, as in ppoll and pselect6. */
long event_deadline_ts(const struct timespec *ts, uint64_t *deadline)
{
    if (!ts) {
        *deadline = EVENT_FOREVER;
        return 0;
    }
    if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000L)
        return -EINVAL;
    if ((uint64_t)ts->tv_sec >= EVENT_FOREVER / 1000000000UL / 2) {
        *deadline = EVENT_FOREVER;
        return 0;
    }
    *deadline = deadline_after((uint64_t)ts->tv_sec * 1000000000UL +
                               (uint64_t)ts->tv_nsec);
    return 0;
}
