/* pack_check.c: refuse inputs and layouts that the packed image cannot boot. */
#include <inttypes.h>
#include <stddef.h>

#include "pack.h"

/* One PT_LOAD against the one before it (prev, or NULL for the first). */
static int check_load(struct pack *p, size_t i, const GElf_Phdr *prev)
{
    const GElf_Phdr *ph = &p->ph[i];

    if (ph->p_paddr != ph->p_vaddr)
        return pack_fail(p, p->in_path,
                         "already packed: PT_LOAD %zu has p_paddr 0x%" PRIx64
                         " != p_vaddr 0x%" PRIx64,
                         i, ph->p_paddr, ph->p_vaddr);
    if (!prev && ph->p_offset != 0)
        return pack_fail(p, p->in_path,
                         "first PT_LOAD is at file offset 0x%" PRIx64
                         ", not 0 (it must hold the ELF header)",
                         ph->p_offset);
    if (prev && ph->p_vaddr < prev->p_vaddr + prev->p_memsz)
        return pack_fail(p, p->in_path,
                         "PT_LOAD %zu (vaddr 0x%" PRIx64 ") is not above "
                         "the PT_LOAD before it: PT_LOADs must be in "
                         "ascending vaddr order",
                         i, ph->p_vaddr);
    if (prev && prev->p_memsz > prev->p_filesz)
        return pack_fail(p, p->in_path,
                         "a PT_LOAD before PT_LOAD %zu has p_memsz > "
                         "p_filesz: only the last may (once packed, its "
                         "zero fill would cover the next one)",
                         i);
    return 0;
}

/* The PT_LOADs: vaddr order, not packed yet, zero fill only at the end. */
int pack_check_loads(struct pack *p)
{
    const GElf_Phdr *prev = NULL;

    for (size_t i = 0; i < p->phnum; i++) {
        if (p->ph[i].p_type != PT_LOAD)
            continue;
        if (check_load(p, i, prev) < 0)
            return -1;
        if (!prev)
            p->first_load = i;
        prev = &p->ph[i];
    }
    if (!prev)
        return pack_fail(p, p->in_path, "no PT_LOAD segment");
    return 0;
}

/* Code at addr runs before boot.S has moved anything, so it must be in a
 * PT_LOAD that packing leaves where it is (the first). */
int pack_check_unmoved(struct pack *p, uint64_t addr, const char *what)
{
    for (size_t i = 0; i < p->phnum; i++) {
        const GElf_Phdr *ph = &p->ph[i];

        if (ph->p_type != PT_LOAD || addr < ph->p_vaddr ||
            addr >= ph->p_vaddr + ph->p_memsz)
            continue;
        if (pack_load_shift(p, i) == 0)
            return 0;
        return pack_fail(p, p->in_path,
                         "%s 0x%" PRIx64 " is in PT_LOAD %zu, which packing "
                         "moves: the boot code must be in the first PT_LOAD",
                         what, addr, i);
    }
    return pack_fail(p, p->in_path, "%s 0x%" PRIx64 " is in no PT_LOAD", what,
                     addr);
}

int pack_check_entry(struct pack *p)
{
    return pack_check_unmoved(p, p->ehdr.e_entry, "entry point");
}
