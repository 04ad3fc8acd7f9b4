/* pack_multiboot.c: fit the multiboot a.out kludge to the packed file. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "pack.h"

/*
 * The multiboot v1 header, at the start of section .multiboot: eight
 * little-endian u32s. With flag bit 16 (the a.out kludge) the loader finds
 * the header at file offset header_addr - load_addr, copies the file from
 * offset 0 to load_addr up to load_end_addr, zeroes up to bss_end_addr and
 * jumps to entry_addr. Packing shortens the file-backed part, so only
 * load_end_addr changes; the checksum covers magic and flags only.
 */
#define MB_MAGIC 0x1badb002u
#define MB_FLAG_AOUT_KLUDGE (1u << 16)
#define MB_HEADER_SIZE 32
#define MB_SEARCH_SIZE 8192 /* loaders look for the header only this far */

enum mb_field {
    MB_MAGIC_OFF = 0,
    MB_FLAGS_OFF = 4,
    MB_CHECKSUM_OFF = 8,
    MB_HEADER_ADDR_OFF = 12,
    MB_LOAD_ADDR_OFF = 16,
    MB_LOAD_END_ADDR_OFF = 20,
    MB_BSS_END_ADDR_OFF = 24,
    MB_ENTRY_ADDR_OFF = 28,
};

static uint32_t mb_get(const struct pack *p, enum mb_field f)
{
    const unsigned char *b = p->mb + f;

    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
           (uint32_t)b[3] << 24;
}

static void mb_put(struct pack *p, enum mb_field f, uint32_t v)
{
    for (unsigned i = 0; i < 4; i++)
        p->mb[f + i] = (unsigned char)(v >> (8 * i));
}

/* Copy .multiboot out of the input, so that its header can be patched. */
static int mb_load(struct pack *p)
{
    const struct pack_scn *s;

    for (p->mb_scn = 1; p->mb_scn < p->shnum; p->mb_scn++)
        if (strcmp(p->scn[p->mb_scn].name, ".multiboot") == 0)
            break;
    if (p->mb_scn >= p->shnum)
        return pack_fail(p, p->in_path, "no .multiboot section");
    s = &p->scn[p->mb_scn];
    if (!s->data || s->shdr.sh_size < MB_HEADER_SIZE)
        return pack_fail(
            p, p->in_path,
            ".multiboot is shorter than a multiboot header (32 bytes)");
    p->mb = malloc(s->shdr.sh_size);
    if (!p->mb)
        return pack_sys_fail(p, p->in_path, ".multiboot");
    memcpy(p->mb, s->data->d_buf, s->shdr.sh_size);
    return 0;
}

static int mb_check_header(struct pack *p)
{
    uint32_t flags = mb_get(p, MB_FLAGS_OFF);

    if (mb_get(p, MB_MAGIC_OFF) != MB_MAGIC ||
        (uint32_t)(MB_MAGIC + flags + mb_get(p, MB_CHECKSUM_OFF)) != 0)
        return pack_fail(
            p, p->in_path,
            ".multiboot does not start with a valid multiboot header");
    if (!(flags & MB_FLAG_AOUT_KLUDGE))
        return pack_fail(
            p, p->in_path,
            "multiboot header lacks the a.out kludge (flags bit 16)");
    return 0;
}

/* The header must be where loaders look, and load_addr must map file
 * offset 0 to the first PT_LOAD's p_paddr, as the packing rule assumes. */
static int mb_check_place(struct pack *p)
{
    uint64_t off = p->scn[p->mb_scn].offset;
    uint32_t load_addr = mb_get(p, MB_LOAD_ADDR_OFF);

    if (off + MB_HEADER_SIZE > MB_SEARCH_SIZE)
        return pack_fail(p, p->in_path,
                         "multiboot header ends at file offset 0x%" PRIx64
                         ", beyond the first 8 KiB where loaders look",
                         off + MB_HEADER_SIZE);
    if (load_addr != p->ph[p->first_load].p_paddr ||
        mb_get(p, MB_HEADER_ADDR_OFF) - load_addr != off)
        return pack_fail(p, p->in_path,
                         "multiboot load_addr 0x%" PRIx32 " and header_addr "
                         "0x%" PRIx32 " do not map file offset 0 to the "
                         "first PT_LOAD's p_paddr 0x%" PRIx64,
                         load_addr, mb_get(p, MB_HEADER_ADDR_OFF),
                         p->ph[p->first_load].p_paddr);
    return 0;
}

/* load_end_addr: the end of the last PT_LOAD's file bytes. */
static int mb_set_load_end(struct pack *p)
{
    uint64_t end = mb_get(p, MB_LOAD_ADDR_OFF) + p->load_end;
    uint32_t bss_end = mb_get(p, MB_BSS_END_ADDR_OFF);

    if (end > UINT32_MAX)
        return pack_fail(p, p->in_path, "packed image ends above 4 GiB");
    if (bss_end != 0 && bss_end < end)
        return pack_fail(p, p->in_path,
                         "multiboot bss_end_addr 0x%" PRIx32 " is below the "
                         "new load_end_addr 0x%" PRIx64,
                         bss_end, end);
    mb_put(p, MB_LOAD_END_ADDR_OFF, (uint32_t)end);
    return 0;
}

int pack_multiboot(struct pack *p)
{
    if (mb_load(p) < 0 || mb_check_header(p) < 0 || mb_check_place(p) < 0 ||
        mb_set_load_end(p) < 0)
        return -1;
    return pack_check_unmoved(p, mb_get(p, MB_ENTRY_ADDR_OFF),
                              "multiboot entry_addr");
}
