/* renameat.c: renameat(2). */
#include "runtime.h"

long uk_sys_renameat(long odirfd, long opath, long ndirfd, long npath)
{
    return uk_sys_renameat2(odirfd, opath, ndirfd, npath, 0);
}
