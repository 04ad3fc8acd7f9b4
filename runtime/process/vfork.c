/* vfork.c: vfork(2) fails: one image runs one program, with no processes. */
#include <errno.h>

#include "runtime.h"

long uk_sys_vfork(void)
{
    return process_unsupported("vfork", "no second process", -ENOSYS);
}
