/* ptrace.c: ptrace(2) fails: debug an image with ukrun --gdb instead. */
#include <errno.h>

#include "runtime.h"

long uk_sys_ptrace(long req, long pid, long addr, long data)
{
    return process_unsupported("ptrace", "use ukrun --gdb", -EPERM);
}
