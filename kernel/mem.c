/* mem.c: physical page allocator over the firmware's RAM map.
 *
 * Memory is identity mapped, so a physical page is also the virtual page the
 * program sees. One byte of state per page (page_state[]) says whether it is
 * RAM and free, or taken; the array itself is carved out of RAM just above the
 * image. Kernel allocations come from the bottom (page tables, right after the
 * image), mmap from the top, and brk grows upward from the bottom into
 * whatever is free, so the two meet only when memory is really exhausted.
 *
 * Nothing below 1 MiB is ever handed out: page 0 stays unmapped for NULL
 * checks, and the firmware's tables live there. */
#include <string.h>

#include "kernel.h"
#include "component.h"

UK_COMPONENT(memory, "page frames, brk, mmap", "core",
             "kernel/mem.c runtime/mem/*");

/* PAGE_USER pages belong to the program (mmap, brk) and only they can be
 * given back by munmap; PAGE_USER_PROT ones too, but their page table
 * entry is not the default read-write (mprotect); PAGE_TAKEN pages are the
 * kernel's. */
enum page_state {
    PAGE_ABSENT = 0,
    PAGE_FREE,
    PAGE_TAKEN,
    PAGE_USER,
    PAGE_USER_PROT
};

static int is_user(uint8_t st)
{
    return st == PAGE_USER || st == PAGE_USER_PROT;
}

#define LOW_LIMIT 0x100000UL

static uint8_t *page_state;
static uint64_t npages;      /* pages covered by page_state[] */
static uint64_t nfree;
static uint64_t nuser;       /* the program's: PAGE_USER, PAGE_USER_PROT */
static uint64_t ntotal;      /* usable RAM pages */
/* No page below low_free is free, nor any from top_free on: scans start
 * there instead of at page 0 (under 1 MiB and the image, never free) or at
 * the top (the main stack, taken early, would be walked over every time). */
static uint64_t low_free, top_free;

static int range_is(uint64_t first, uint64_t n, enum page_state st)
{
    if (first + n > npages || first + n < first)
        return 0;
    for (uint64_t i = first; i < first + n; i++)
        if (page_state[i] != st)
            return 0;
    return 1;
}

static void range_set(uint64_t first, uint64_t n, enum page_state st)
{
    if (st == PAGE_FREE && first < low_free)
        low_free = first;
    if (st == PAGE_FREE && first + n > top_free)
        top_free = first + n;
    for (uint64_t i = first; i < first + n; i++) {
        if (page_state[i] == PAGE_FREE)
            nfree--;
        if (st == PAGE_FREE)
            nfree++;
        nuser += (uint64_t)is_user(st) - (uint64_t)is_user(page_state[i]);
        page_state[i] = (uint8_t)st;
    }
}

/* n pages from first, all free, become st: one memset, not range_set's
 * loop (whose counters it keeps in step). */
static void range_take(uint64_t first, uint64_t n, enum page_state st)
{
    memset(page_state + first, st, n);
    nfree -= n;
    if (is_user(st))
        nuser += n;
}

/* The initrd (boot module): kept taken until the runtime has unpacked it. */
static uint64_t initrd_first, initrd_end; /* pages */

/* Place page_state[] in the first RAM range with room above the image,
 * clear of the initrd (QEMU loads the module right after the image). */
static void mem_place_state(uint64_t bytes)
{
    uint64_t start = PAGE_ROUND_UP((uint64_t)__image_end);
    uint64_t rd_base = boot_info.initrd_base;
    uint64_t rd_end = PAGE_ROUND_UP(rd_base + boot_info.initrd_len);
    for (int i = 0; i < boot_info.nram; i++) {
        uint64_t base = boot_info.ram[i].base;
        uint64_t end = base + boot_info.ram[i].len;
        if (base < start)
            base = start;
        if (base < LOW_LIMIT)
            base = LOW_LIMIT;
        base = PAGE_ROUND_UP(base);
        if (boot_info.initrd_len && base < rd_end && base + bytes > rd_base)
            base = rd_end;
        if (base < end && end - base >= bytes) {
            page_state = (uint8_t *)base;
            return;
        }
    }
    PANIC("no room for the page map (%lu bytes)", (unsigned long)bytes);
}

void mem_init(void)
{
    uint64_t top = 0;
    for (int i = 0; i < boot_info.nram; i++) {
        uint64_t end = boot_info.ram[i].base + boot_info.ram[i].len;
        if (end > top)
            top = end;
    }
    if (top == 0)
        PANIC("the boot loader reported no RAM");
    npages = top / PAGE_SIZE;
    top_free = npages;
    uint64_t state_bytes = PAGE_ROUND_UP(npages);
    mem_place_state(state_bytes);
    memset(page_state, PAGE_ABSENT, npages);

    for (int i = 0; i < boot_info.nram; i++) {
        uint64_t base = PAGE_ROUND_UP(boot_info.ram[i].base);
        uint64_t end = PAGE_ROUND_DOWN(boot_info.ram[i].base +
                                       boot_info.ram[i].len);
        if (base < LOW_LIMIT)
            base = LOW_LIMIT;
        /* One memset per range, not a store per page: under TCG a loop
         * over 32768 pages (128 MiB) was a tenth of the boot. */
        if (base < end) {
            memset(page_state + base / PAGE_SIZE, PAGE_FREE,
                   (end - base) / PAGE_SIZE);
            nfree += (end - base) / PAGE_SIZE;
        }
    }
    ntotal = nfree;

    /* The image (and whatever the loader put below it) and the map itself. */
    uint64_t image_first = (uint64_t)__image_start / PAGE_SIZE;
    uint64_t image_end = PAGE_ROUND_UP((uint64_t)__image_end) / PAGE_SIZE;
    for (uint64_t i = image_first; i < image_end && i < npages; i++)
        if (page_state[i] == PAGE_FREE)
            range_set(i, 1, PAGE_TAKEN);
    uint64_t st_first = (uint64_t)page_state / PAGE_SIZE;
    range_set(st_first, state_bytes / PAGE_SIZE, PAGE_TAKEN);
    ntotal -= state_bytes / PAGE_SIZE;

    if (boot_info.initrd_len) {
        /* The runtime reads the module in place: it must be in RAM. */
        uint64_t rd_end = boot_info.initrd_base + boot_info.initrd_len;
        if (rd_end < boot_info.initrd_base || rd_end > top)
            PANIC("the boot module (initrd) at 0x%lx, %lu bytes, is not in "
                  "RAM", (unsigned long)boot_info.initrd_base,
                  (unsigned long)boot_info.initrd_len);
        initrd_first = boot_info.initrd_base / PAGE_SIZE;
        initrd_end = PAGE_ROUND_UP(boot_info.initrd_base +
                                   boot_info.initrd_len) / PAGE_SIZE;
        for (uint64_t i = initrd_first; i < initrd_end && i < npages; i++)
            if (page_state[i] == PAGE_FREE)
                range_set(i, 1, PAGE_TAKEN);
    }
}

/* Nothing else can have been given the initrd's pages: the taken ones in
 * its range are exactly those mem_init took for it. */
void mem_release_initrd(void)
{
    for (uint64_t i = initrd_first; i < initrd_end && i < npages; i++)
        if (page_state[i] == PAGE_TAKEN)
            range_set(i, 1, PAGE_FREE);
    initrd_first = initrd_end = 0;
}

static void *alloc_top_down(size_t n, enum page_state owner)
{
    if (n == 0 || n > nfree)
        return NULL;
    /* Top-down first fit: the first run of n free pages from the top. */
    uint64_t run = 0;
    while (top_free > 0 && page_state[top_free - 1] != PAGE_FREE)
        top_free--;
    for (uint64_t i = top_free; i-- > 0;) {
        if (page_state[i] != PAGE_FREE) {
            run = 0;
            continue;
        }
        if (++run == n) {
            range_take(i, n, owner);
            return (void *)(i * PAGE_SIZE);
        }
    }
    return NULL;
}

void *mem_alloc_pages(size_t n)
{
    return alloc_top_down(n, PAGE_TAKEN);
}

void *mem_alloc_user(size_t n)
{
    return alloc_top_down(n, PAGE_USER);
}

void *mem_alloc_pages_low(size_t n)
{
    if (n == 0 || n > nfree)
        return NULL;
    uint64_t run = 0;
    while (low_free < npages && page_state[low_free] != PAGE_FREE)
        low_free++;
    for (uint64_t i = low_free; i < npages; i++) {
        if (page_state[i] != PAGE_FREE) {
            run = 0;
            continue;
        }
        if (++run == n) {
            uint64_t first = i + 1 - n;
            range_take(first, n, PAGE_TAKEN);
            return (void *)(first * PAGE_SIZE);
        }
    }
    return NULL;
}

void mem_free_pages(void *p, size_t n)
{
    uint64_t first = (uint64_t)p / PAGE_SIZE;
    ASSERT((uint64_t)p % PAGE_SIZE == 0);
    ASSERT(range_is(first, n, PAGE_TAKEN));
    range_set(first, n, PAGE_FREE);
}

int mem_take_user(uint64_t base, uint64_t len)
{
    if (base % PAGE_SIZE || len % PAGE_SIZE)
        return -1;
    uint64_t first = base / PAGE_SIZE, n = len / PAGE_SIZE;
    if (!range_is(first, n, PAGE_FREE))
        return -1;
    range_set(first, n, PAGE_USER);
    return 0;
}

int mem_is_user(uint64_t base, uint64_t len)
{
    uint64_t first = base / PAGE_SIZE, n = len / PAGE_SIZE;
    if (base % PAGE_SIZE || len % PAGE_SIZE || first + n > npages ||
        first + n < first)
        return 0;
    for (uint64_t i = first; i < first + n; i++)
        if (!is_user(page_state[i]))
            return 0;
    return 1;
}

/* Gives back the program's pages in the range; a page whose protection was
 * changed gets the default mapping back first. */
void mem_release_user(uint64_t base, uint64_t len)
{
    uint64_t first = base / PAGE_SIZE, n = len / PAGE_SIZE;
    for (uint64_t i = first; i < first + n && i < npages; i++) {
        if (page_state[i] == PAGE_USER_PROT)
            paging_map(i * PAGE_SIZE, PAGE_SIZE, MAP_R | MAP_W);
        if (is_user(page_state[i]))
            range_set(i, 1, PAGE_FREE);
    }
}

void mem_mark_user_prot(uint64_t base, uint64_t len, int changed)
{
    uint64_t first = base / PAGE_SIZE, n = len / PAGE_SIZE;
    for (uint64_t i = first; i < first + n && i < npages; i++)
        if (is_user(page_state[i]))
            page_state[i] = changed ? PAGE_USER_PROT : PAGE_USER;
}

int mem_user_prot_changed(uint64_t page)
{
    uint64_t i = page / PAGE_SIZE;
    return i < npages && page_state[i] == PAGE_USER_PROT;
}

uint64_t mem_first_free(void)
{
    while (low_free < npages && page_state[low_free] != PAGE_FREE)
        low_free++;
    return low_free * PAGE_SIZE;
}

uint64_t mem_total_bytes(void)
{
    return ntotal * PAGE_SIZE;
}

uint64_t mem_free_bytes(void)
{
    return nfree * PAGE_SIZE;
}

uint64_t mem_user_bytes(void)
{
    return nuser * PAGE_SIZE;
}
