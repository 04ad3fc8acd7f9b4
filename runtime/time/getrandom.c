/* getrandom.c: getrandom(2); never blocks. */
#include <errno.h>

#include "runtime.h"

long uk_sys_getrandom(long buf, long len, long flags)
{
    if (len < 0)
        return -EINVAL;
    random_fill((void *)buf, (size_t)len);
    return len;
}
