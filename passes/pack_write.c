/* pack_write.c: write the packed image through libelf, atomically. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pack.h"

/* Section i with its new offset; its bytes are the input's, copied as raw
 * bytes (ELF_T_BYTE: no translation), except the patched .multiboot. */
static int write_section(struct pack *p, Elf *out, size_t i, const char *name)
{
    const struct pack_scn *s = &p->scn[i];
    GElf_Shdr shdr = s->shdr;
    Elf_Scn *scn = elf_newscn(out);
    Elf_Data *d;

    if (!scn)
        return pack_elf_fail(p, name, "elf_newscn");
    if (s->data) {
        d = elf_newdata(scn);
        if (!d)
            return pack_elf_fail(p, name, "elf_newdata");
        d->d_buf = i == p->mb_scn ? p->mb : s->data->d_buf;
        d->d_size = shdr.sh_size;
        d->d_type = ELF_T_BYTE;
        d->d_align = 1;
        d->d_version = EV_CURRENT;
    }
    shdr.sh_offset = s->offset;
    if (!gelf_update_shdr(scn, &shdr))
        return pack_elf_fail(p, name, "gelf_update_shdr");
    return 0;
}

/* Sections 1..n in input order, so indices (sh_link, e_shstrndx) hold;
 * section 0, which libelf makes itself, gets the input's (it carries the
 * counts when they overflow the ELF header). */
static int write_sections(struct pack *p, Elf *out, const char *name)
{
    Elf_Scn *zero;

    for (size_t i = 1; i < p->shnum; i++)
        if (write_section(p, out, i, name) < 0)
            return -1;
    if (p->shnum < 2)
        return 0;
    zero = elf_getscn(out, 0);
    if (!zero)
        return pack_elf_fail(p, name, "elf_getscn");
    if (!gelf_update_shdr(zero, &p->scn[0].shdr))
        return pack_elf_fail(p, name, "gelf_update_shdr");
    return 0;
}

static int write_headers(struct pack *p, Elf *out, const char *name)
{
    if (!gelf_newehdr(out, ELFCLASS64))
        return pack_elf_fail(p, name, "gelf_newehdr");
    if (!gelf_newphdr(out, p->phnum))
        return pack_elf_fail(p, name, "gelf_newphdr");
    for (size_t i = 0; i < p->phnum; i++)
        if (!gelf_update_phdr(out, (int)i, &p->out_ph[i]))
            return pack_elf_fail(p, name, "gelf_update_phdr");
    if (!gelf_update_ehdr(out, &p->ehdr))
        return pack_elf_fail(p, name, "gelf_update_ehdr");
    return 0;
}

/* ELF_F_LAYOUT: libelf keeps our offsets instead of laying out its own.
 * File bytes outside every section and header (alignment gaps, which lld
 * fills with zeros, or int3 in code) come out as zeros. */
static int write_elf(struct pack *p, int fd, const char *name)
{
    Elf *out = elf_begin(fd, ELF_C_WRITE, NULL);
    int rc = -1;

    if (!out)
        return pack_elf_fail(p, name, "elf_begin");
    elf_flagelf(out, ELF_C_SET, ELF_F_LAYOUT);
    if (write_headers(p, out, name) == 0 && write_sections(p, out, name) == 0) {
        if (elf_update(out, ELF_C_WRITE) < 0)
            pack_elf_fail(p, name, "elf_update");
        else
            rc = 0;
    }
    elf_end(out);
    return rc;
}

/* Fill the temporary file and get it onto the disk before the rename. */
static int write_file(struct pack *p, int fd, const char *tmp,
                      const char *out_path)
{
    if (fchmod(fd, 0755) < 0)
        return pack_sys_fail(p, tmp, "fchmod");
    if (write_elf(p, fd, out_path) < 0)
        return -1;
    if (fsync(fd) < 0)
        return pack_sys_fail(p, tmp, "fsync");
    return 0;
}

/* The temporary file lives beside out_path, so rename() is atomic. */
int pack_write(struct pack *p, const char *out_path)
{
    size_t len = strlen(out_path) + sizeof(".XXXXXX");
    char *tmp = malloc(len);
    int fd, rc;

    if (!tmp)
        return pack_sys_fail(p, out_path, "temporary file name");
    snprintf(tmp, len, "%s.XXXXXX", out_path);
    fd = mkstemp(tmp);
    if (fd < 0) {
        free(tmp);
        return pack_sys_fail(p, out_path, "cannot create temporary file");
    }
    rc = write_file(p, fd, tmp, out_path);
    if (close(fd) < 0 && rc == 0)
        rc = pack_sys_fail(p, tmp, "close");
    if (rc == 0 && rename(tmp, out_path) < 0)
        rc = pack_sys_fail(p, out_path, "cannot rename temporary file");
    if (rc < 0)
        unlink(tmp);
    free(tmp);
    return rc;
}
