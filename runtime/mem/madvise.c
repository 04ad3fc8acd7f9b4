/* madvise.c: madvise(2); MADV_DONTNEED zeroes, as Linux does for anonymous memory. */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>

#include "runtime.h"

long uk_sys_madvise(long addr, long len, long advice)
{
    uint64_t size = PAGE_ROUND_UP(len);
    if (addr % PAGE_SIZE)
        return -EINVAL;
    if (advice == MADV_DONTNEED && size && mem_is_user(addr, size))
        memset((void *)addr, 0, size);
    return 0;
}
