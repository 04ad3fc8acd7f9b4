/* unlink.c: unlink(2). */
#include <fcntl.h>

#include "runtime.h"

long uk_sys_unlink(long path)
{
    return uk_sys_unlinkat(AT_FDCWD, path, 0);
}
