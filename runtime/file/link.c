/* link.c: link(2). */
#include <fcntl.h>

#include "runtime.h"

long uk_sys_link(long opath, long npath)
{
    return uk_sys_linkat(AT_FDCWD, opath, AT_FDCWD, npath, 0);
}
