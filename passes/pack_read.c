/* pack_read.c: open the input image and load its headers and sections. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "pack.h"

static int read_ehdr(struct pack *p)
{
    const GElf_Ehdr *e = &p->ehdr;

    if (elf_kind(p->in) != ELF_K_ELF)
        return pack_fail(p, p->in_path, "not an ELF file");
    if (!gelf_getehdr(p->in, &p->ehdr))
        return pack_elf_fail(p, p->in_path, "gelf_getehdr");
    if (e->e_ident[EI_CLASS] != ELFCLASS64 || e->e_machine != EM_X86_64 ||
        e->e_type != ET_EXEC)
        return pack_fail(p, p->in_path, "not an ELF64 x86-64 executable");
    return 0;
}

static int read_phdrs(struct pack *p)
{
    if (elf_getphdrnum(p->in, &p->phnum) < 0)
        return pack_elf_fail(p, p->in_path, "elf_getphdrnum");
    p->ph = calloc(p->phnum + 1, sizeof(*p->ph));
    p->out_ph = calloc(p->phnum + 1, sizeof(*p->out_ph));
    if (!p->ph || !p->out_ph)
        return pack_sys_fail(p, p->in_path, "program headers");
    for (size_t i = 0; i < p->phnum; i++)
        if (!gelf_getphdr(p->in, (int)i, &p->ph[i]))
            return pack_elf_fail(p, p->in_path, "gelf_getphdr");
    return 0;
}

/* Section i: its header, name and raw bytes; it stays where it was until
 * pack_layout.c moves it. */
static int read_section(struct pack *p, size_t i, size_t shstrndx)
{
    struct pack_scn *s = &p->scn[i];
    Elf_Scn *scn = elf_getscn(p->in, i);

    if (!scn)
        return pack_elf_fail(p, p->in_path, "elf_getscn");
    if (!gelf_getshdr(scn, &s->shdr))
        return pack_elf_fail(p, p->in_path, "gelf_getshdr");
    s->name = i ? elf_strptr(p->in, shstrndx, s->shdr.sh_name) : NULL;
    if (!s->name)
        s->name = "";
    /* The packer places sections at their alignment: a corrupt one (say
     * 2^32) would make it write gigabytes of padding. */
    if (s->shdr.sh_addralign > PACK_MAX_ALIGN)
        return pack_fail(p, p->in_path,
                         "section %zu (%s) has an implausible alignment %llu",
                         i, s->name,
                         (unsigned long long)s->shdr.sh_addralign);
    s->load = PACK_NO_LOAD;
    s->offset = s->shdr.sh_offset;
    if (s->shdr.sh_type == SHT_NOBITS || s->shdr.sh_size == 0)
        return 0;
    s->data = elf_rawdata(scn, NULL);
    if (!s->data || s->data->d_size != s->shdr.sh_size)
        return pack_elf_fail(p, p->in_path, "elf_rawdata");
    return 0;
}

static int read_sections(struct pack *p)
{
    size_t shstrndx;

    if (elf_getshdrnum(p->in, &p->shnum) < 0)
        return pack_elf_fail(p, p->in_path, "elf_getshdrnum");
    if (elf_getshdrstrndx(p->in, &shstrndx) < 0)
        return pack_elf_fail(p, p->in_path, "elf_getshdrstrndx");
    p->scn = calloc(p->shnum + 1, sizeof(*p->scn));
    if (!p->scn)
        return pack_sys_fail(p, p->in_path, "section headers");
    for (size_t i = 0; i < p->shnum; i++)
        if (read_section(p, i, shstrndx) < 0)
            return -1;
    return 0;
}

int pack_read(struct pack *p)
{
    if (elf_version(EV_CURRENT) == EV_NONE)
        return pack_elf_fail(p, p->in_path, "elf_version");
    p->in_fd = open(p->in_path, O_RDONLY | O_CLOEXEC);
    if (p->in_fd < 0)
        return pack_sys_fail(p, p->in_path, "cannot open");
    p->in = elf_begin(p->in_fd, ELF_C_READ_MMAP, NULL);
    if (!p->in)
        return pack_elf_fail(p, p->in_path, "elf_begin");
    if (read_ehdr(p) < 0 || read_phdrs(p) < 0 || read_sections(p) < 0)
        return -1;
    return 0;
}

void pack_release(struct pack *p)
{
    free(p->ph);
    free(p->out_ph);
    free(p->scn);
    free(p->mb);
    if (p->in)
        elf_end(p->in);
    if (p->in_fd >= 0)
        close(p->in_fd);
}
