/* faccessat.c: faccessat(2) (no flags argument). */
#include "runtime.h"

long uk_sys_faccessat(long dirfd, long path, long mode)
{
    return uk_sys_faccessat2(dirfd, path, mode, 0);
}
