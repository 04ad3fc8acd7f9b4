/* execve.c: execve(2) fails: the image holds one program and no loader. */
#include <errno.h>

#include "runtime.h"

long uk_sys_execve(long path, long argv, long envp)
{
    return process_unsupported("execve", "no other program to load",
                               -ENOSYS);
}
