/* brk.c: brk(2), growing upward from the lowest free page after boot.
 *
 * The break can only grow into pages that are still free; when it cannot,
 * brk fails the Linux way (returns the old break) and musl's malloc falls
 * back to mmap. */
#include <string.h>

#include "runtime.h"

static uint64_t brk_base, brk_cur;

void brk_init(void)
{
    brk_base = brk_cur = mem_first_free();
}

long uk_sys_brk(long addr)
{
    uint64_t want = (uint64_t)addr;
    uint64_t cur_end = PAGE_ROUND_UP(brk_cur);
    if (want < brk_base)
        return (long)brk_cur;
    uint64_t want_end = PAGE_ROUND_UP(want);
    if (want_end > cur_end) {
        if (mem_take_user(cur_end, want_end - cur_end) < 0)
            return (long)brk_cur;
        memset((void *)cur_end, 0, want_end - cur_end);
    } else if (want_end < cur_end) {
        mem_release_user(want_end, cur_end - want_end);
    }
    brk_cur = want;
    return (long)brk_cur;
}
