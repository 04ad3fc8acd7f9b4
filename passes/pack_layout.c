/* pack_layout.c: the packed file layout, as new offsets and program headers. */
#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>

#include "pack.h"

/*
 * The packing rule:
 *  - The first PT_LOAD (ELF header, program headers, multiboot header, and
 *    here the boot code) keeps file offset 0 and all its fields.
 *  - Every later PT_LOAD starts at the file end of the one before it,
 *    rounded up to A, where A is the largest sh_addralign of its sections,
 *    at least 16 and at most 64, rounded up to a power of two. Its p_align
 *    becomes A: p_vaddr is page aligned, so p_offset == p_vaddr mod A and
 *    readers find offset and address congruent. The alignment in the file
 *    only serves those readers and the copy in boot.S; the page alignment
 *    in memory is untouched (p_vaddr does not change).
 *  - p_paddr = p_paddr of the first PT_LOAD + new p_offset: where both the
 *    multiboot loader (a linear copy of the file) and the PVH loader (each
 *    segment at p_paddr) put the bytes. p_filesz and p_memsz are unchanged.
 *  - Sections in a PT_LOAD, and PT_NOTE, PT_TLS and the like inside one,
 *    move by the same amount as it; sh_addr and p_vaddr do not change.
 *  - Sections in no PT_LOAD (.symtab, .debug_*, .shstrtab...) follow the
 *    last PT_LOAD in section order, each aligned to its sh_addralign; then
 *    the section header table, 8-aligned.
 */
#define PACK_ALIGN_MIN 16
#define PACK_ALIGN_MAX 64

static uint64_t align_up(uint64_t x, uint64_t align)
{
    return align > 1 ? (x + align - 1) / align * align : x;
}

/* Does PT_LOAD ph hold section sh? By address; a section with bytes in the
 * file must also lie inside the PT_LOAD's file range. End points count, so
 * an empty section at the end of a segment belongs to it. */
static bool load_holds(const GElf_Phdr *ph, const GElf_Shdr *sh)
{
    if (sh->sh_addr < ph->p_vaddr || sh->sh_addr > ph->p_vaddr + ph->p_memsz)
        return false;
    if (sh->sh_type == SHT_NOBITS)
        return true;
    return sh->sh_offset >= ph->p_offset &&
           sh->sh_offset + sh->sh_size <= ph->p_offset + ph->p_filesz;
}

static size_t find_load(const struct pack *p, const GElf_Shdr *sh)
{
    for (size_t i = 0; i < p->phnum; i++)
        if (p->ph[i].p_type == PT_LOAD && load_holds(&p->ph[i], sh))
            return i;
    return PACK_NO_LOAD;
}

static int assign_sections(struct pack *p)
{
    for (size_t i = 1; i < p->shnum; i++) {
        struct pack_scn *s = &p->scn[i];

        if (!(s->shdr.sh_flags & SHF_ALLOC))
            continue;
        s->load = find_load(p, &s->shdr);
        if (s->load == PACK_NO_LOAD && s->shdr.sh_type == SHT_PROGBITS)
            return pack_fail(p, p->in_path,
                             "section %s is SHF_ALLOC and SHT_PROGBITS but "
                             "in no PT_LOAD",
                             s->name);
    }
    return 0;
}

/* A for PT_LOAD i (see the rule above). */
static uint64_t load_align(const struct pack *p, size_t load)
{
    uint64_t want = 0, align = PACK_ALIGN_MIN;

    for (size_t i = 1; i < p->shnum; i++)
        if (p->scn[i].load == load && p->scn[i].shdr.sh_addralign > want)
            want = p->scn[i].shdr.sh_addralign;
    while (align < PACK_ALIGN_MAX && align < want)
        align <<= 1;
    return align;
}

static void place_loads(struct pack *p)
{
    const GElf_Phdr *first = NULL;
    uint64_t pos = 0;

    for (size_t i = 0; i < p->phnum; i++) {
        GElf_Phdr *out = &p->out_ph[i];
        uint64_t align;

        if (p->ph[i].p_type != PT_LOAD)
            continue;
        if (first) {
            align = load_align(p, i);
            out->p_offset = pos + ((out->p_vaddr - pos) & (align - 1));
            out->p_paddr = first->p_paddr + out->p_offset;
            out->p_align = align;
        } else {
            first = out;
        }
        pos = out->p_offset + out->p_filesz;
    }
    p->load_end = pos;
}

/* How far PT_LOAD load moves in the file, modulo 2^64 (it moves down). */
uint64_t pack_load_shift(const struct pack *p, size_t load)
{
    return p->out_ph[load].p_offset - p->ph[load].p_offset;
}

/* A non-PT_LOAD header (PT_NOTE, PT_TLS...) moves with the PT_LOAD that
 * holds it; one that covers nothing (PT_GNU_STACK) stays as it is. */
static int place_other_phdr(struct pack *p, size_t i)
{
    const GElf_Phdr *ph = &p->ph[i];
    GElf_Shdr range = {.sh_type = ph->p_filesz ? SHT_PROGBITS : SHT_NOBITS,
                       .sh_addr = ph->p_vaddr,
                       .sh_offset = ph->p_offset,
                       .sh_size = ph->p_filesz};
    size_t load;

    if (ph->p_filesz == 0 && ph->p_memsz == 0)
        return 0;
    load = find_load(p, &range);
    if (load == PACK_NO_LOAD)
        return pack_fail(p, p->in_path,
                         "program header %zu (type 0x%" PRIx32 ") is in no "
                         "PT_LOAD",
                         i, ph->p_type);
    p->out_ph[i].p_offset += pack_load_shift(p, load);
    p->out_ph[i].p_paddr += p->out_ph[load].p_paddr - p->ph[load].p_paddr;
    return 0;
}

/* Sections in a PT_LOAD shift with it; the rest follow the last PT_LOAD. */
static void place_sections(struct pack *p)
{
    uint64_t pos = p->load_end;

    for (size_t i = 1; i < p->shnum; i++) {
        struct pack_scn *s = &p->scn[i];

        if (s->load != PACK_NO_LOAD) {
            s->offset = s->shdr.sh_offset + pack_load_shift(p, s->load);
            continue;
        }
        pos = align_up(pos, s->shdr.sh_addralign);
        s->offset = pos;
        if (s->shdr.sh_type != SHT_NOBITS)
            pos += s->shdr.sh_size;
    }
    p->ehdr.e_shoff = p->shnum ? align_up(pos, 8) : 0;
}

int pack_layout(struct pack *p)
{
    for (size_t i = 0; i < p->phnum; i++)
        p->out_ph[i] = p->ph[i];
    if (assign_sections(p) < 0)
        return -1;
    place_loads(p);
    for (size_t i = 0; i < p->phnum; i++)
        if (p->ph[i].p_type != PT_LOAD && place_other_phdr(p, i) < 0)
            return -1;
    place_sections(p);
    return 0;
}
