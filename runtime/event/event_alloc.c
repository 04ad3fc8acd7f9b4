/* event_alloc.c: whole zeroed pages for event objects and pipe rings. */
#include <string.h>

#include "event.h"

void *event_alloc(size_t bytes)
{
    size_t npages = PAGE_ROUND_UP(bytes) / PAGE_SIZE;
    void *p = mem_alloc_pages(npages);
    if (p)
        memset(p, 0, npages * PAGE_SIZE);
    return p;
}

void event_free(void *p, size_t bytes)
{
    if (p)
        mem_free_pages(p, PAGE_ROUND_UP(bytes) / PAGE_SIZE);
}
