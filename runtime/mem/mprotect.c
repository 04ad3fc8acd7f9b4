/* mprotect.c: mprotect(2) on the program's own pages. */
#include <errno.h>

#include "runtime.h"

long uk_sys_mprotect(long addr, long len, long prot)
{
    uint64_t size = PAGE_ROUND_UP(len);
    if (addr % PAGE_SIZE)
        return -EINVAL;
    if (!size)
        return 0;
    if (!mem_is_user(addr, size))
        return -ENOMEM;
    prot_apply(addr, size, (int)prot);
    return 0;
}
