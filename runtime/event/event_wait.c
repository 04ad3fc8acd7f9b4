/* event_wait.c: one sleep of poll, select or epoll_wait on poll_waitq. */
#include <errno.h>

#include "event.h"
#include "component.h"

UK_COMPONENT(events, "poll, select, epoll, eventfd, timerfd", "threads",
             "runtime/event/*");

#define EVENT_SLICE_NS 1000000UL /* how often to look at queue-less files */

/* Polling links the console's input side (io/console_input.c). */
__attribute__((used)) static const char *const event_console =
    &console_input_link;

int event_wait(uint64_t deadline, int sliced)
{
    uint64_t now = time_monotonic_ns();
    uint64_t until = deadline;

    if (deadline == EVENT_NOW || now >= deadline)
        return -ETIMEDOUT;
    if (sliced && deadline - now > EVENT_SLICE_NS)
        until = now + EVENT_SLICE_NS;
    else if (deadline == EVENT_FOREVER)
        until = WAITQ_NO_DEADLINE;
    int r = waitq_wait(&poll_waitq, until);
    if (r == -EINTR)
        return r;
    /* A slice ending is not the caller's timeout: look again. */
    return time_monotonic_ns() >= deadline ? -ETIMEDOUT : 0;
}
