/* prot.c: apply PROT_* bits to the program's pages. */
#include <sys/mman.h>

#include "runtime.h"

/* Read-write is how all RAM is mapped; only other protections touch the
 * page tables. PROT_NONE pages become guard pages. */
void prot_apply(uint64_t base, uint64_t len, int prot)
{
    int rw = (prot & (PROT_READ | PROT_WRITE | PROT_EXEC)) ==
             (PROT_READ | PROT_WRITE);
    if (rw) {
        for (uint64_t a = base; a < base + len; a += PAGE_SIZE)
            if (mem_user_prot_changed(a))
                paging_map(a, PAGE_SIZE, MAP_R | MAP_W);
        mem_mark_user_prot(base, len, 0);
        return;
    }
    if (!(prot & (PROT_READ | PROT_WRITE | PROT_EXEC)))
        paging_unmap(base, len);
    else
        paging_map(base, len,
                   MAP_R | (prot & PROT_WRITE ? MAP_W : 0) |
                       (prot & PROT_EXEC ? MAP_X : 0));
    mem_mark_user_prot(base, len, 1);
}
