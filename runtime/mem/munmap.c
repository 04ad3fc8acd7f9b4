/* munmap.c: munmap(2): gives the program's pages in the range back. */
#include <errno.h>

#include "runtime.h"

long uk_sys_munmap(long addr, long len)
{
    if (addr % PAGE_SIZE || len <= 0)
        return -EINVAL;
    mem_release_user(addr, PAGE_ROUND_UP(len));
    return 0;
}
