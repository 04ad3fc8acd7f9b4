/* eventfd2.c: eventfd2(2) and eventfd(2). */
#include "event.h"

long uk_sys_eventfd2(long initval, long flags)
{
    return eventfd_open((unsigned)initval, (int)flags);
}

long uk_sys_eventfd(long initval)
{
    return eventfd_open((unsigned)initval, 0);
}
