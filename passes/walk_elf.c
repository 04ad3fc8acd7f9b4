/* walk_elf.c: read the allocated sections and the symbols of a linked ELF. */
#include <stdlib.h>
#include <string.h>

#include "report.h"

static int read_sections(struct walk *w)
{
    Elf_Scn *scn = NULL;
    size_t shstrndx;

    if (elf_getshdrstrndx(w->elf, &shstrndx) < 0)
        return report_walk_error(w, "%s: elf_getshdrstrndx failed: %s",
                                 w->elf_path, elf_errmsg(-1));
    size_t n;
    if (elf_getshdrnum(w->elf, &n) < 0)
        return report_walk_error(w, "%s: elf_getshdrnum failed: %s",
                                 w->elf_path, elf_errmsg(-1));
    w->secs = calloc(n, sizeof(*w->secs));
    w->nsecs = n;
    while ((scn = elf_nextscn(w->elf, scn))) {
        GElf_Shdr sh;
        size_t i = elf_ndxscn(scn);

        if (!gelf_getshdr(scn, &sh))
            continue;
        w->secs[i].name = elf_strptr(w->elf, shstrndx, sh.sh_name);
        if (!(sh.sh_flags & SHF_ALLOC))
            continue;
        w->secs[i].addr = sh.sh_addr;
        w->secs[i].size = sh.sh_size;
        w->secs[i].in_file = sh.sh_type != SHT_NOBITS;
        if (w->secs[i].in_file)
            w->sec_bytes += sh.sh_size;
    }
    return 0;
}

static int by_addr(const void *a, const void *b)
{
    const struct wsym *x = a, *y = b;

    if (x->addr != y->addr)
        return x->addr < y->addr ? -1 : 1;
    /* Of aliases, the largest first; then globals' names win by order. */
    if (x->size != y->size)
        return x->size > y->size ? -1 : 1;
    /* Then the public name: fork over __fork. */
    size_t ux = strspn(x->name, "_"), uy = strspn(y->name, "_");
    if (ux != uy)
        return ux < uy ? -1 : 1;
    return strcmp(x->name, y->name);
}

/* Keep one symbol per address: weak aliases and section-start labels
 * describe the same bytes. A sized symbol wins over an unsized one. */
static void fold_aliases(struct walk *w)
{
    size_t out = 0;

    for (size_t i = 0; i < w->nsyms; i++) {
        if (out && w->syms[out - 1].addr == w->syms[i].addr)
            continue;
        w->syms[out++] = w->syms[i];
    }
    w->nsyms = out;
}

static bool wanted(const GElf_Sym *s, const struct walk *w)
{
    int type = GELF_ST_TYPE(s->st_info);

    if (s->st_shndx == SHN_UNDEF || s->st_shndx >= w->nsecs)
        return false;
    if (!w->secs[s->st_shndx].size)
        return false;
    return type == STT_FUNC || type == STT_OBJECT || type == STT_NOTYPE;
}

/* Each symbol covers its bytes up to the next symbol: an assembler label
 * without a size gets the code that follows it, and no two overlap, so the
 * sizes of a section's symbols add up to at most the section's size. */
static void fix_sizes(struct walk *w)
{
    for (size_t i = 0; i < w->nsyms; i++) {
        struct wsym *s = &w->syms[i];
        const struct wsec *sec = &w->secs[s->sec];
        uint64_t end = sec->addr + sec->size;

        if (i + 1 < w->nsyms && w->syms[i + 1].sec == s->sec &&
            w->syms[i + 1].addr < end)
            end = w->syms[i + 1].addr;
        if (s->addr >= end)
            s->size = 0;
        else if (!s->size || s->addr + s->size > end) {
            s->label = !s->size;
            s->size = end - s->addr;
        }
        s->own = s->size;
    }
}

/* Bytes between symbols become nodes of their own, so that a jump table
 * in .rodata links the function that uses it to its targets, not the
 * object before it. */
static void add_gaps(struct walk *w)
{
    struct wsym *v = calloc(2 * w->nsyms + w->nsecs + 1, sizeof(*v));
    size_t n = 0;

    for (size_t i = 0; i < w->nsyms; i++) {
        const struct wsym *s = &w->syms[i];
        const struct wsec *sec = &w->secs[s->sec];
        uint64_t end = sec->addr + sec->size;

        if (i == 0 || w->syms[i - 1].sec != s->sec) {
            if (s->addr > sec->addr)
                v[n++] = (struct wsym){.name = "", .addr = sec->addr,
                                       .size = s->addr - sec->addr,
                                       .sec = s->sec, .parent = -1,
                                       .gap = true};
        }
        v[n++] = *s;
        if (i + 1 < w->nsyms && w->syms[i + 1].sec == s->sec)
            end = w->syms[i + 1].addr;
        if (s->addr + s->size < end)
            v[n++] = (struct wsym){.name = "", .addr = s->addr + s->size,
                                   .size = end - s->addr - s->size,
                                   .sec = s->sec, .parent = -1, .gap = true};
    }
    for (size_t i = 0; i < n; i++)
        v[i].own = v[i].size;
    free(w->syms);
    w->syms = v;
    w->nsyms = n;
}

static int read_symbols(struct walk *w)
{
    Elf_Scn *scn = NULL;

    while ((scn = elf_nextscn(w->elf, scn))) {
        GElf_Shdr sh;

        if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB)
            continue;
        Elf_Data *data = elf_getdata(scn, NULL);
        size_t n = sh.sh_entsize ? sh.sh_size / sh.sh_entsize : 0;

        w->syms = calloc(n + 1, sizeof(*w->syms));
        for (size_t i = 0; i < n; i++) {
            GElf_Sym s;

            if (!gelf_getsym(data, (int)i, &s) || !wanted(&s, w))
                continue;
            const char *name = elf_strptr(w->elf, sh.sh_link, s.st_name);
            if (!name || !*name || name[0] == '.' || name[0] == '$')
                continue;
            struct wsym *y = &w->syms[w->nsyms++];
            y->name = name;
            y->addr = s.st_value;
            y->size = s.st_size;
            y->sec = s.st_shndx;
            y->parent = -1;
        }
        break;
    }
    if (!w->nsyms)
        return report_walk_error(w, "%s has no symbol table: the report "
                                 "needs the unstripped ELF (link without "
                                 "-s)", w->elf_path);
    qsort(w->syms, w->nsyms, sizeof(*w->syms), by_addr);
    /* Every name, aliases included, for walk_sym_named. */
    w->names = malloc(w->nsyms * sizeof(*w->names));
    for (size_t i = 0; i < w->nsyms; i++)
        w->names[i] = (struct wname){w->syms[i].name, w->syms[i].addr};
    w->nnames = w->nsyms;
    fold_aliases(w);
    fix_sizes(w);
    add_gaps(w);
    return 0;
}

/* The symbol whose bytes hold addr (or the nearest one below it in the
 * same section, for code between sized symbols); -1 if none. */
int walk_sym_at(const struct walk *w, uint64_t addr)
{
    size_t lo = 0, hi = w->nsyms;

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;

        if (w->syms[mid].addr <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return -1;
    const struct wsym *s = &w->syms[lo - 1];
    const struct wsec *sec = &w->secs[s->sec];
    if (addr >= sec->addr + sec->size)
        return -1;
    return (int)(lo - 1);
}

/* The symbol (after folding) that a name, alias or not, denotes; -1. */
int walk_sym_named(const struct walk *w, const char *name)
{
    for (size_t i = 0; i < w->nnames; i++)
        if (strcmp(w->names[i].name, name) == 0)
            return walk_sym_at(w, w->names[i].addr);
    return -1;
}

int walk_elf_read(struct walk *w)
{
    GElf_Ehdr eh;

    if (elf_kind(w->elf) != ELF_K_ELF || !gelf_getehdr(w->elf, &eh))
        return report_walk_error(w, "%s is not an ELF file", w->elf_path);
    if (eh.e_type != ET_EXEC)
        return report_walk_error(w, "%s is not a linked image (ELF type "
                                 "%d)", w->elf_path, eh.e_type);
    if (read_sections(w) < 0 || read_symbols(w) < 0)
        return -1;
    w->entry = walk_sym_at(w, eh.e_entry);
    if (w->entry < 0)
        return report_walk_error(w, "%s: no symbol at the entry point "
                                 "0x%lx", w->elf_path,
                                 (unsigned long)eh.e_entry);
    for (size_t i = 0; i < w->nsyms; i++)
        if (w->secs[w->syms[i].sec].in_file && !w->syms[i].gap)
            w->sym_bytes += w->syms[i].size;
    return 0;
}
