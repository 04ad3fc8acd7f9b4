/* spec_inputs.c: the link inputs for the specialisation pass: objects and
 * archive members, their ELF symbols and their component records. */
#include <fcntl.h>
#include <gelf.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "spec.h"

static char *xstrdup_or_empty(const char *p)
{
    return strdup(p ? p : "");
}

/* The NUL-terminated strings of a record section, n per record. */
static void records_each(struct spec *s, int m, Elf_Data *d, int n,
                         const char *section)
{
    const char *p = d ? d->d_buf : NULL, *end = p ? p + d->d_size : p;
    const char *f[4];

    while (p && p < end) {
        for (int i = 0; i < n; i++) {
            const char *z = memchr(p, 0, (size_t)(end - p));
            if (!z)
                return; /* truncated: the rest is ignored */
            f[i] = p;
            p = z + 1;
        }
        if (strcmp(section, ".ukcc.inits") == 0) {
            s->inits = realloc(s->inits, (s->ninits + 1) * sizeof(*s->inits));
            s->inits[s->ninits++] = (struct spec_init){
                strdup(f[0]), strdup(f[1]), strdup(f[2]), strdup(f[3]), m,
                false};
        } else if (strcmp(section, ".ukcc.defaults") == 0) {
            s->defaults = realloc(s->defaults,
                                  (s->ndefaults + 1) * sizeof(*s->defaults));
            s->defaults[s->ndefaults++] =
                (struct spec_defaults){strdup(f[0]), strdup(f[1]), m};
        } else {
            s->comps = realloc(s->comps, (s->ncomps + 1) * sizeof(*s->comps));
            s->comps[s->ncomps++] =
                (struct spec_comp){strdup(f[0]), xstrdup_or_empty(f[2]), m};
        }
    }
}

/* Global symbols: each definition, and each reference (weak or not). */
static void symbols_each(struct spec *s, Elf *e, Elf_Scn *scn,
                         const GElf_Shdr *sh)
{
    Elf_Data *d = elf_getdata(scn, NULL);
    size_t n = sh->sh_entsize ? sh->sh_size / sh->sh_entsize : 0;

    for (size_t i = 1; d && i < n; i++) {
        GElf_Sym sym;
        const char *name;

        if (!gelf_getsym(d, (int)i, &sym) ||
            GELF_ST_BIND(sym.st_info) == STB_LOCAL ||
            !(name = elf_strptr(e, sh->sh_link, sym.st_name)) || !*name)
            continue;
        if (sym.st_shndx == SHN_UNDEF)
            spec_sym_refer(s, name, GELF_ST_BIND(sym.st_info) == STB_WEAK);
        else
            spec_sym_define(s, name);
    }
}

static Elf *member_open(struct spec *s, int m)
{
    struct spec_member *mb = &s->members[m];
    struct spec_file *f = &s->files[mb->file];

    if (!f->archive)
        return f->elf;
    if (elf_rand(f->elf, mb->off) != mb->off)
        return NULL;
    return elf_begin(f->fd, ELF_C_READ_MMAP, f->elf);
}

/* The records (symbols false) or the symbols (true) of member m. */
int spec_member_read(struct spec *s, int m, bool symbols)
{
    Elf *e = member_open(s, m);
    Elf_Scn *scn = NULL;
    size_t shstrndx;

    if (!e)
        return spec_error(s, "%s: cannot read: %s", s->members[m].name,
                          elf_errmsg(-1));
    if (elf_kind(e) != ELF_K_ELF || elf_getshdrstrndx(e, &shstrndx) < 0) {
        s->opaque = true; /* bitcode only: no symbols we can read */
        goto out;
    }
    while ((scn = elf_nextscn(e, scn))) {
        GElf_Shdr sh;
        const char *name;

        if (!gelf_getshdr(scn, &sh))
            continue;
        if (symbols && sh.sh_type == SHT_SYMTAB)
            symbols_each(s, e, scn, &sh);
        if (symbols || sh.sh_flags & SHF_ALLOC ||
            !(name = elf_strptr(e, shstrndx, sh.sh_name)) ||
            strncmp(name, ".ukcc.", 6) != 0)
            continue;
        if (strcmp(name, ".ukcc.inits") == 0)
            records_each(s, m, elf_getdata(scn, NULL), 4, name);
        else if (strcmp(name, ".ukcc.defaults") == 0)
            records_each(s, m, elf_getdata(scn, NULL), 2, name);
        else if (strcmp(name, ".ukcc.components") == 0)
            records_each(s, m, elf_getdata(scn, NULL), 4, name);
    }
out:
    if (e != s->files[s->members[m].file].elf)
        elf_end(e);
    if (symbols)
        s->members[m].read = true;
    return 0;
}

static int member_add(struct spec *s, int file, size_t off, const char *name)
{
    s->members = realloc(s->members, (s->nmembers + 1) * sizeof(*s->members));
    s->members[s->nmembers] = (struct spec_member){strdup(name), file, off,
                                                   false, false};
    return (int)s->nmembers++;
}

/* Archive members in file order, their records, then the archive's
 * index: lazy symbols, which pull members in on a strong reference. */
static int archive_add(struct spec *s, int file)
{
    struct spec_file *f = &s->files[file];
    size_t first = s->nmembers, narsym;
    Elf *m;

    while ((m = elf_begin(f->fd, ELF_C_READ_MMAP, f->elf))) {
        Elf_Arhdr *h = elf_getarhdr(m);
        if (h && h->ar_name && h->ar_name[0] != '/') {
            char *name;
            if (asprintf(&name, "%s(%s)", f->path, h->ar_name) < 0)
                name = NULL;
            member_add(s, file, (size_t)elf_getaroff(m), name ? name : "?");
            free(name);
        }
        elf_next(m);
        elf_end(m);
    }
    for (size_t i = first; i < s->nmembers; i++)
        if (spec_member_read(s, (int)i, false) < 0)
            return -1;
    Elf_Arsym *sym = elf_getarsym(f->elf, &narsym);
    for (size_t i = 0; sym && i < narsym && sym[i].as_name; i++) {
        size_t lo = first, hi = s->nmembers;
        while (lo < hi) { /* members are in offset order */
            size_t mid = (lo + hi) / 2;
            if (s->members[mid].off < sym[i].as_off)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < s->nmembers && s->members[lo].off == sym[i].as_off)
            spec_sym_lazy(s, sym[i].as_name, (int)lo);
    }
    return 0;
}

int spec_input_add(struct spec *s, const char *path)
{
    int fd = open(path, O_RDONLY), file = (int)s->nfiles;
    Elf *e;

    if (fd < 0)
        return spec_error(s, "cannot open %s: %m", path);
    e = elf_begin(fd, ELF_C_READ_MMAP, NULL);
    if (!e) {
        close(fd);
        return spec_error(s, "%s: elf_begin failed: %s", path,
                          elf_errmsg(-1));
    }
    s->files = realloc(s->files, (s->nfiles + 1) * sizeof(*s->files));
    s->files[s->nfiles++] = (struct spec_file){
        strdup(path), fd, e, elf_kind(e) == ELF_K_AR};
    if (s->files[file].archive)
        return archive_add(s, file);
    int m = member_add(s, file, 0, path);
    s->members[m].extracted = true;
    if (spec_member_read(s, m, false) < 0)
        return -1;
    return spec_member_read(s, m, true);
}

/* The files are closed once the pass is done; their names stay. */
void spec_inputs_close(struct spec *s)
{
    for (size_t i = 0; i < s->nfiles; i++) {
        if (s->files[i].elf)
            elf_end(s->files[i].elf);
        if (s->files[i].fd >= 0)
            close(s->files[i].fd);
        s->files[i].elf = NULL;
        s->files[i].fd = -1;
    }
}
