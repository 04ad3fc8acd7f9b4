/* mremap.c: mremap(2): shrink, grow in place, or move. */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/mman.h>

#include "runtime.h"

long uk_sys_mremap(long old, long oldlen, long newlen, long flags, long to)
{
    uint64_t osz = PAGE_ROUND_UP(oldlen), nsz = PAGE_ROUND_UP(newlen);
    if (old % PAGE_SIZE || newlen <= 0 || (flags & MREMAP_FIXED))
        return -EINVAL;
    if (!mem_is_user(old, osz))
        return -EFAULT;
    if (nsz <= osz) {
        mem_release_user(old + nsz, osz - nsz);
        return old;
    }
    if (mem_take_user(old + osz, nsz - osz) == 0) {
        memset((void *)(old + osz), 0, nsz - osz);
        return old;
    }
    if (!(flags & MREMAP_MAYMOVE))
        return -ENOMEM;
    char *p = mem_alloc_user(nsz / PAGE_SIZE);
    if (!p)
        return -ENOMEM;
    memcpy(p, (void *)old, osz);
    memset(p + osz, 0, nsz - osz);
    mem_release_user(old, osz);
    return (long)p;
}
