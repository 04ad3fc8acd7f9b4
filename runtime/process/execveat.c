/* execveat.c: execveat(2) (fexecve) fails like execve. */
#include <errno.h>

#include "runtime.h"

long uk_sys_execveat(long dirfd, long path, long argv, long envp, long flags)
{
    return process_unsupported("execveat", "no other program to load",
                               -ENOSYS);
}
