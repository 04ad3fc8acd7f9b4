/* bootinfo.c: copy what the boot loader passed (PVH or multiboot v1). */
#include "kernel.h"
#include "x86.h"

/*
 * What QEMU 7.2 was seen to pass (-kernel image -append 'a b'):
 *   QEMU takes the multiboot path whenever the header is in the first 8 KiB
 *   of the file, on -M pc and on -M microvm alike; PVH is used when it is
 *   not (and by Firecracker and Cloud Hypervisor).
 *   multiboot (pc, microvm): EAX = 0x2BADB002; cmdline "<kernel path> a b",
 *     the path exactly as given to -kernel; mmap present (flag bit 6).
 *   PVH, microvm (qboot): EAX = 0x2BADB002 too; version 1 start info;
 *     cmdline "a b" (no path), plus " virtio_mmio.device=..." per device
 *     with -M microvm,acpi=off; memmap present, ending in a zero entry.
 *   PVH, pc: EAX = 0; version 1; cmdline "a b"; memmap present.
 * So every path seen gives a memory map. The fallbacks (multiboot
 * mem_lower/mem_upper, then the CMOS RAM size registers) are for loaders
 * that do not.
 *
 * The loader's structures sit in memory that is free for reuse (QEMU puts
 * the multiboot info and command line right after the image's .bss), so
 * everything is copied here before mem_init() and paging_init() run. They
 * are read through boot.S's identity map, which covers the first 1 GiB.
 */
#define MULTIBOOT_LOADER_MAGIC 0x2badb002
#define PVH_START_MAGIC 0x336ec578
#define BOOT_MAPPED_LIMIT (1UL << 30)
#define E820_RAM 1

struct boot_info boot_info;

/* PVH: struct hvm_start_info (Xen public/arch-x86/hvm/start_info.h). */
struct pvh_start_info {
    uint32_t magic, version, flags, nr_modules;
    uint64_t modlist_paddr, cmdline_paddr, rsdp_paddr;
    uint64_t memmap_paddr; /* version >= 1 */
    uint32_t memmap_entries, reserved;
};
struct pvh_memmap_entry {
    uint64_t addr, size;
    uint32_t type, reserved;
};
struct pvh_module {
    uint64_t paddr, size, cmdline_paddr, reserved;
};

/* Multiboot v1 information structure, up to the memory map. */
#define MB_INFO_MEM (1 << 0)
#define MB_INFO_CMDLINE (1 << 2)
#define MB_INFO_MODS (1 << 3)
#define MB_INFO_MMAP (1 << 6)
struct mb_info {
    uint32_t flags, mem_lower, mem_upper, boot_device, cmdline;
    uint32_t mods_count, mods_addr;
    uint32_t syms[4];
    uint32_t mmap_length, mmap_addr;
};
/* mmap entries are size-prefixed; size excludes the size field itself. */
struct __attribute__((packed)) mb_mmap_entry {
    uint32_t size;
    uint64_t addr, len;
    uint32_t type;
};
struct mb_module {
    uint32_t mod_start, mod_end, string, reserved;
};

/* A loader pointer we can read now, or NULL (absent or not yet mapped). */
static const void *bootinfo_ptr(uint64_t phys, uint64_t len)
{
    if (phys == 0 || phys >= BOOT_MAPPED_LIMIT ||
        len > BOOT_MAPPED_LIMIT - phys)
        return NULL;
    return (const void *)(uintptr_t)phys;
}

static void bootinfo_set_cmdline(const char *s)
{
    size_t i;

    for (i = 0; s && s[i] && i < BOOT_CMDLINE_MAX - 1; i++)
        boot_info.cmdline[i] = s[i];
    boot_info.cmdline[i] = '\0';
    /* Running with a cut argv would be silently wrong: the runtime refuses
     * to start instead (runtime_start). */
    boot_info.cmdline_cut = s && s[i];
}

/* Keep boot_info.ram sorted by base; ranges beyond BOOT_MAX_RAM are lost. */
static void bootinfo_add_ram(uint64_t base, uint64_t len)
{
    int i;

    if (len == 0 || boot_info.nram == BOOT_MAX_RAM)
        return;
    for (i = boot_info.nram; i > 0 && boot_info.ram[i - 1].base > base; i--)
        boot_info.ram[i] = boot_info.ram[i - 1];
    boot_info.ram[i] = (struct mem_range){base, len};
    boot_info.nram++;
}

/* Last resort: the RAM sizes the firmware wrote to CMOS (PC BIOS layout). */
static uint8_t bootinfo_cmos(uint8_t reg)
{
    outb(0x70, reg);
    return inb(0x71);
}

static void bootinfo_ram_from_cmos(void)
{
    uint64_t above_1m, above_16m, above_4g;

    above_1m = ((uint64_t)bootinfo_cmos(0x31) << 8 | bootinfo_cmos(0x30)) << 10;
    above_16m = ((uint64_t)bootinfo_cmos(0x35) << 8 | bootinfo_cmos(0x34))
                << 16;
    above_4g = ((uint64_t)bootinfo_cmos(0x5d) << 16 |
                (uint64_t)bootinfo_cmos(0x5c) << 8 | bootinfo_cmos(0x5b))
               << 16;
    if (above_16m)
        bootinfo_add_ram(1UL << 20, (16UL << 20) - (1UL << 20) + above_16m);
    else
        bootinfo_add_ram(1UL << 20, above_1m);
    bootinfo_add_ram(1UL << 32, above_4g);
}

static void bootinfo_parse_pvh(const struct pvh_start_info *si)
{
    const struct pvh_memmap_entry *map = NULL;
    const struct pvh_module *mod;

    boot_info.protocol = "pvh";
    bootinfo_set_cmdline(bootinfo_ptr(si->cmdline_paddr, 1));
    if (si->version >= 1)
        map = bootinfo_ptr(si->memmap_paddr,
                           (uint64_t)si->memmap_entries * sizeof(*map));
    for (uint32_t i = 0; map && i < si->memmap_entries; i++)
        if (map[i].type == E820_RAM)
            bootinfo_add_ram(map[i].addr, map[i].size);
    mod = bootinfo_ptr(si->modlist_paddr, sizeof(*mod));
    if (si->nr_modules > 0 && mod) {
        boot_info.initrd_base = mod->paddr;
        boot_info.initrd_len = mod->size;
    }
}

/* QEMU (like GRUB) passes "<kernel path> <arguments>": drop the first word
 * and the one space after it. A path that itself contains a space cannot be
 * told apart from the arguments, so ukrun must not hand QEMU one. */
static const char *bootinfo_skip_path(const char *s)
{
    while (*s && *s != ' ')
        s++;
    return *s == ' ' ? s + 1 : s;
}

static void bootinfo_parse_multiboot(const struct mb_info *mb)
{
    const struct mb_module *mod;
    const char *cmdline;
    const uint8_t *p, *end;

    boot_info.protocol = "multiboot";
    if (mb->flags & MB_INFO_CMDLINE) {
        cmdline = bootinfo_ptr(mb->cmdline, 1);
        if (cmdline)
            bootinfo_set_cmdline(bootinfo_skip_path(cmdline));
    }
    p = (mb->flags & MB_INFO_MMAP)
            ? bootinfo_ptr(mb->mmap_addr, mb->mmap_length)
            : NULL;
    end = p ? p + mb->mmap_length : NULL;
    while (p && p + sizeof(struct mb_mmap_entry) <= end) {
        const struct mb_mmap_entry *e = (const void *)p;
        if (e->type == E820_RAM)
            bootinfo_add_ram(e->addr, e->len);
        p += e->size + sizeof(e->size);
    }
    if (boot_info.nram == 0 && (mb->flags & MB_INFO_MEM)) {
        bootinfo_add_ram(0, (uint64_t)mb->mem_lower << 10);
        bootinfo_add_ram(1UL << 20, (uint64_t)mb->mem_upper << 10);
    }
    mod = bootinfo_ptr(mb->mods_addr, sizeof(*mod));
    if ((mb->flags & MB_INFO_MODS) && mb->mods_count > 0 && mod) {
        boot_info.initrd_base = mod->mod_start;
        boot_info.initrd_len = mod->mod_end - mod->mod_start;
    }
}

/* Runs before the console is set up: on an unknown protocol it leaves
 * boot_info.protocol NULL for kernel_main to report. */
void bootinfo_parse(uint32_t magic, uint32_t info_phys)
{
    const uint32_t *info = bootinfo_ptr(info_phys, sizeof(struct mb_info));

    if (info && *info == PVH_START_MAGIC)
        bootinfo_parse_pvh((const void *)info);
    else if (info && magic == MULTIBOOT_LOADER_MAGIC)
        bootinfo_parse_multiboot((const void *)info);
    else
        return;
    if (boot_info.nram == 0)
        bootinfo_ram_from_cmos();
}
