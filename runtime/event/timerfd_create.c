/* timerfd_create.c: timerfd_create(2). */
#include "event.h"

long uk_sys_timerfd_create(long clock, long flags)
{
    return timerfd_open((int)clock, (int)flags);
}
