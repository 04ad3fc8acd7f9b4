/* exit.c: exit_group(2): the one process ends, and the VM with it. */
#include "runtime.h"

/* net/net_init.c: data the program sent must still reach its peers. A
 * weak reference: it links nothing into programs without sockets. */
void net_flush(void) __attribute__((weak));

_Noreturn void process_exit(int status)
{
    if (net_flush)
        net_flush();
    kernel_exit(status & 0xff);
}

long uk_sys_exit_group(long status)
{
    process_exit((int)status);
}
