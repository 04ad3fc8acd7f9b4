/* wait4.c: wait4(2) (wait, waitpid): there are never children to wait for. */
#include <errno.h>

#include "runtime.h"

long uk_sys_wait4(long pid, long status, long options, long rusage)
{
    return process_unsupported("wait4", "no child processes", -ECHILD);
}
