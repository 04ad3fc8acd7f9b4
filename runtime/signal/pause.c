/* pause.c: pause(2): sleep until a signal's handler has run. */
#include <errno.h>

#include "runtime.h"

long uk_sys_pause(void)
{
    static struct waitq never = WAITQ_INIT_THREADS_ONLY;
    uint64_t f = irq_save();

    while (waitq_wait(&never, 0) != -EINTR)
        ;
    irq_restore(f);
    return -EINTR;
}
