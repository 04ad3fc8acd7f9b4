/* exit.c: exit(2) and exit_group(2): one process, so both end the VM. */
#include "runtime.h"

_Noreturn void process_exit(int status)
{
    kernel_exit(status & 0xff);
}

long uk_sys_exit(long status)
{
    process_exit((int)status);
}

long uk_sys_exit_group(long status)
{
    process_exit((int)status);
}
