/* fork.c: fork(2) fails: one image runs one program, with no processes. */
#include <errno.h>

#include "runtime.h"

long uk_sys_fork(void)
{
    return process_unsupported("fork", "no second process", -ENOSYS);
}
