/* ids.c: the identity of the one process: pid 1, root. */
#include "runtime.h"

long uk_sys_getpid(void)
{
    return 1;
}

long uk_sys_getppid(void)
{
    return 0;
}

long uk_sys_getuid(void)
{
    return 0;
}

long uk_sys_geteuid(void)
{
    return 0;
}

long uk_sys_getgid(void)
{
    return 0;
}

long uk_sys_getegid(void)
{
    return 0;
}
