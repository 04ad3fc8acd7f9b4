/* exit.c: exit_group(2): the one process ends, and the VM with it. */
#include "runtime.h"

_Noreturn void process_exit(int status)
{
    kernel_exit(status & 0xff);
}

long uk_sys_exit_group(long status)
{
    process_exit((int)status);
}
