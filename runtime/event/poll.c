/* poll.c: poll(2). */
#include "event.h"

long uk_sys_poll(long fds, long n, long timeout_ms)
{
    return poll_fds((struct pollfd *)fds, (unsigned long)n,
                    event_deadline_ms((int)timeout_ms));
}
