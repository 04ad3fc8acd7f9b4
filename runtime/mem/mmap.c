/* mmap.c: mmap(2) of anonymous memory, from the top of RAM down. */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>

#include "runtime.h"

long uk_sys_mmap(long addr, long len, long prot, long flags, long fd,
                 long off)
{
    if (len <= 0 || (uint64_t)len > (1UL << 47))
        return -EINVAL;
    if (!(flags & MAP_ANONYMOUS))
        return -ENODEV; /* no file mappings yet */
    uint64_t size = PAGE_ROUND_UP(len);
    void *p;

    if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
        if (addr % PAGE_SIZE)
            return -EINVAL;
        if (mem_take_user(addr, size) < 0) {
            if ((flags & MAP_FIXED_NOREPLACE) || !mem_is_user(addr, size))
                return (flags & MAP_FIXED_NOREPLACE) ? -EEXIST : -ENOMEM;
        }
        p = (void *)addr;
    } else {
        p = mem_alloc_user(size / PAGE_SIZE);
        if (!p)
            return -ENOMEM;
    }
    memset(p, 0, size);
    prot_apply((uint64_t)p, size, (int)prot);
    return (long)p;
}
