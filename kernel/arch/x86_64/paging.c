/* paging.c: the final 4-level page tables (identity map, W^X, guard pages). */
#include <string.h>

#include "kernel.h"
#include "x86.h"

/*
 * Everything is identity mapped (virtual == physical), but not everything
 * is mapped:
 *   below 1 MiB      absent, so NULL dereferences (page 0) fault
 *   image headers    R,  NX   (__image_start .. __text_start)
 *   .text            R,  X
 *   .rodata          R,  NX
 *   .data .bss       RW, NX   (up to __image_end)
 *   other RAM        RW, NX   (boot_info.ram)
 *   guard pages      absent, marked PTE_GUARD (stack overflow detection)
 * 2 MiB pages are used where a whole aligned 2 MiB has one permission, 4 KiB
 * pages elsewhere. CR0.WP makes ring-0 writes honour read-only pages.
 *
 * A virtual address (canonical lower half, 48 bits) indexes four levels:
 *   47..39 PML4, 38..30 PDPT, 29..21 PD, 20..12 PT, 11..0 offset.
 * Level numbers below: 4 = PML4 ... 1 = PT. A PD entry with PTE_PS is a
 * 2 MiB leaf. Page tables come from mem_alloc_pages_low(): low memory, so
 * inside boot.S's 1 GiB identity map, where paging_init can fill them before
 * it loads CR3 (everything touched before then has to be below 1 GiB).
 */
#define PTE_P 0x1UL
#define PTE_W 0x2UL
#define PTE_PWT 0x8UL
#define PTE_PCD 0x10UL
#define PTE_PS 0x80UL
#define PTE_GUARD 0x200UL /* software bit: not present on purpose */
#define PTE_NX (1UL << 63)
#define PTE_ADDR 0x000ffffffffff000UL

#define LARGE_PAGE_SIZE (2UL << 20)
#define VA_LIMIT (1UL << 47)
#define LOW_MEMORY_END (1UL << 20)
/* Past this many single-page changes a full flush is cheaper than invlpg. */
#define INVLPG_MAX 32

static uint64_t *paging_root; /* PML4, NULL before paging_init */
static uint64_t paging_nx;    /* PTE_NX if boot.S could enable EFER.NXE */
static int paging_active;     /* paging_root is in CR3 */

static int paging_index(uint64_t va, int level)
{
    return (va >> (12 + 9 * (level - 1))) & 511;
}

static uint64_t *paging_table_alloc(void)
{
    uint64_t *t = mem_alloc_pages_low(1);

    if (!t)
        PANIC("out of memory for page tables");
    memset(t, 0, PAGE_SIZE);
    return t;
}

static uint64_t *paging_table_of(uint64_t entry)
{
    return (uint64_t *)(entry & PTE_ADDR);
}

/* Replace a large leaf at `level` by a table of 512 leaves with the same
 * permissions, one level down. */
static void paging_split(uint64_t *entry, int level)
{
    uint64_t *t = paging_table_alloc();
    uint64_t base = *entry & PTE_ADDR, flags = *entry & ~PTE_ADDR;
    uint64_t step = 1UL << (12 + 9 * (level - 2));

    if (level == 2)
        flags &= ~PTE_PS; /* 4 KiB entries: bit 7 is PAT, not PS */
    for (int i = 0; i < 512; i++)
        t[i] = (base + i * step) | flags;
    *entry = (uint64_t)t | PTE_P | PTE_W;
}

/*
 * The entry for va at `level`, creating missing tables and splitting large
 * pages on the way. Intermediate entries are writable and executable: the
 * leaf alone decides. Sets *split when a live large page was split.
 */
static uint64_t *paging_walk(uint64_t va, int level, int *split)
{
    uint64_t *t = paging_root, *e;

    for (int l = 4; l > level; l--) {
        e = &t[paging_index(va, l)];
        if (!(*e & PTE_P)) {
            *e = (uint64_t)paging_table_alloc() | PTE_P | PTE_W;
        } else if (*e & PTE_PS) {
            paging_split(e, l);
            *split = 1;
        }
        t = paging_table_of(*e);
    }
    return &t[paging_index(va, level)];
}

/* Entry bits for MAP_* prot; no access at all gives a not-present entry. */
static uint64_t paging_flags(int prot)
{
    uint64_t f = PTE_P;

    if (!(prot & (MAP_R | MAP_W | MAP_X)))
        return 0;
    if (prot & MAP_W)
        f |= PTE_W;
    if (!(prot & MAP_X))
        f |= paging_nx;
    if (prot & MAP_DEVICE)
        f |= PTE_PCD | PTE_PWT;
    return f;
}

/* Make a batch of changes visible: per page if few, else reload CR3 (no
 * global pages are used, so that drops every translation). */
struct paging_flush {
    uint64_t pages[INVLPG_MAX];
    int n, all;
};

static void paging_flush_add(struct paging_flush *fl, uint64_t va)
{
    if (fl->n < INVLPG_MAX)
        fl->pages[fl->n++] = va;
    else
        fl->all = 1;
}

static void paging_flush_done(struct paging_flush *fl)
{
    if (!paging_active)
        return;
    if (fl->all) {
        write_cr3(read_cr3());
        return;
    }
    for (int i = 0; i < fl->n; i++)
        invlpg(fl->pages[i]);
}

void paging_map(uint64_t addr, uint64_t len, int prot)
{
    uint64_t va = PAGE_ROUND_DOWN(addr), end = PAGE_ROUND_UP(addr + len);
    uint64_t flags = paging_flags(prot), *e;
    struct paging_flush fl = {.n = 0};

    ASSERT(paging_root && end <= VA_LIMIT && va <= end);
    while (va < end) {
        if (va % LARGE_PAGE_SIZE == 0 && end - va >= LARGE_PAGE_SIZE) {
            e = paging_walk(va, 2, &fl.all);
            if ((*e & PTE_P) && !(*e & PTE_PS))
                mem_free_pages(paging_table_of(*e), 1);
            *e = va | flags | PTE_PS;
            fl.all = 1; /* a 2 MiB change may replace many 4 KiB entries */
            va += LARGE_PAGE_SIZE;
        } else {
            e = paging_walk(va, 1, &fl.all);
            *e = va | flags;
            paging_flush_add(&fl, va);
            va += PAGE_SIZE;
        }
    }
    paging_flush_done(&fl);
}

void paging_unmap(uint64_t addr, uint64_t len)
{
    uint64_t va = PAGE_ROUND_DOWN(addr), end = PAGE_ROUND_UP(addr + len);
    struct paging_flush fl = {.n = 0};

    ASSERT(paging_root && end <= VA_LIMIT && va <= end);
    for (; va < end; va += PAGE_SIZE) {
        *paging_walk(va, 1, &fl.all) = PTE_GUARD;
        paging_flush_add(&fl, va);
    }
    paging_flush_done(&fl);
}

int paging_is_guard(uint64_t addr)
{
    uint64_t *t = paging_root, e = 0;

    if (!t || addr >= VA_LIMIT)
        return 0;
    for (int l = 4; l >= 1; l--) {
        e = t[paging_index(addr, l)];
        if (!(e & PTE_P) || (e & PTE_PS))
            break;
        t = paging_table_of(e);
    }
    return !(e & PTE_P) && (e & PTE_GUARD);
}

static void paging_map_ram(void)
{
    for (int i = 0; i < boot_info.nram; i++) {
        uint64_t start = PAGE_ROUND_UP(boot_info.ram[i].base);
        uint64_t end =
            PAGE_ROUND_DOWN(boot_info.ram[i].base + boot_info.ram[i].len);

        if (start < LOW_MEMORY_END)
            start = LOW_MEMORY_END;
        if (end > VA_LIMIT)
            end = VA_LIMIT;
        if (start < end)
            paging_map(start, end - start, MAP_R | MAP_W);
    }
}

static void paging_map_section(char *start, char *end, int prot)
{
    paging_map((uint64_t)start, (uint64_t)(end - start), prot);
}

void paging_init(void)
{
    if (rdmsr(MSR_EFER) & EFER_NXE)
        paging_nx = PTE_NX;
    paging_root = paging_table_alloc();
    paging_map_ram();
    paging_map_section(__image_start, __text_start, MAP_R);
    paging_map_section(__text_start, __text_end, MAP_R | MAP_X);
    paging_map_section(__rodata_start, __rodata_end, MAP_R);
    paging_map_section(__data_start, __image_end, MAP_R | MAP_W);
    paging_unmap((uint64_t)boot_stack_guard, PAGE_SIZE);
    write_cr3((uint64_t)paging_root);
    write_cr0(read_cr0() | CR0_WP);
    paging_active = 1;
}
