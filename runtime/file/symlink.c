/* symlink.c: symlink(2). */
#include <fcntl.h>

#include "runtime.h"

long uk_sys_symlink(long target, long path)
{
    return uk_sys_symlinkat(target, AT_FDCWD, path);
}
