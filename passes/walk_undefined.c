/* walk_undefined.c: where an image relinked with its missing symbols left
 * unresolved refers to them, and the chain from main to each reference. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report.h"

/* One relocation against a missing symbol. */
struct uref {
    const char *name;
    uint64_t at;
    int from;       /* the symbol whose bytes hold the reference */
    unsigned depth; /* its chain's length; ~0u when not reached */
};

struct urefs {
    struct uref *v;
    size_t n, cap;
};

static void urefs_push(struct urefs *r, struct uref u)
{
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 64;
        r->v = realloc(r->v, r->cap * sizeof(*r->v));
    }
    r->v[r->n++] = u;
}

static unsigned depth_of(const struct walk *w, int sym)
{
    int chain[256];

    if (sym < 0 || !w->syms[sym].reached)
        return ~0u;
    return walk_chain(w, sym, chain, 256);
}

/* The relocations of allocated sections against global undefined symbols:
 * lld fails on those unless told to ignore them, so they are the missing
 * ones (weak undefined symbols are allowed to stay 0). */
static void undef_rela(const struct walk *w, const GElf_Rela *rel,
                       const GElf_Sym *s, const char *name, void *ctx)
{
    if (s->st_shndx != SHN_UNDEF || GELF_ST_BIND(s->st_info) != STB_GLOBAL ||
        !name || !*name)
        return;
    int from = walk_sym_at(w, rel->r_offset);
    urefs_push(ctx,
               (struct uref){name, rel->r_offset, from, depth_of(w, from)});
}

/* Of the references to one name, the one reached from main first (the
 * shortest chain), then the lowest address. */
static bool better(const struct uref *a, const struct uref *b)
{
    if (a->depth != b->depth)
        return a->depth < b->depth;
    return a->at < b->at;
}

/* The reference at `at` inside symbol from (-1: none) to name. site:
 * "main.c:12 (f)" names the function the line is in, inlined or not;
 * chain: the symbols to from, the calls inlined there, then name; from
 * main where main is on it (also when LTO inlined main into its caller). */
void walk_ref_describe(const struct walk *w, int from, uint64_t at,
                       const char *name, char *site, size_t sitelen,
                       char *chain, size_t chainlen)
{
    bool sym = from >= 0 && !w->syms[from].gap;
    char inl[512], *p;
    const char *inner;
    size_t used;

    walk_dwarf_site(w, at, site, sitelen);
    inner = walk_dwarf_inlined_at(w, at, inl, sizeof inl);
    if (inner && (p = strstr(site, " (")))
        snprintf(p, sitelen - (size_t)(p - site), " (%s)", inner);
    chain[0] = 0;
    if (sym)
        report_chain_string(w, from, chain, chainlen);
    used = strlen(chain);
    snprintf(chain + used, chainlen - used, "%s -> %s", inl, name);
    p = chain;
    if (!used)
        p += 4; /* no symbol: no leading " -> " */
    if (strncmp(p, "main -> ", 8) != 0 && strstr(p, " -> main -> "))
        p = strstr(p, " -> main -> ") + 4;
    memmove(chain, p, strlen(p) + 1);
}

static void describe(const struct walk *w, const struct uref *u,
                     struct report_undef *out)
{
    out->name = u->name;
    out->func =
        u->from >= 0 && !w->syms[u->from].gap ? w->syms[u->from].name : "";
    walk_ref_describe(w, u->from, u->at, u->name, out->site, sizeof out->site,
                      out->chain, sizeof out->chain);
}

size_t report_undefined(const struct walk *w, struct report_undef *out,
                        size_t max)
{
    struct urefs r = {0};
    size_t count = 0;

    walk_each_rela(w, undef_rela, &r);
    for (size_t i = 0; i < r.n; i++) {
        size_t best = i;
        bool seen = false;

        for (size_t k = 0; k < i && !seen; k++)
            seen = strcmp(r.v[k].name, r.v[i].name) == 0;
        if (seen)
            continue;
        for (size_t k = i + 1; k < r.n; k++)
            if (strcmp(r.v[k].name, r.v[i].name) == 0 &&
                better(&r.v[k], &r.v[best]))
                best = k;
        if (count < max)
            describe(w, &r.v[best], &out[count]);
        count++;
    }
    free(r.v);
    return count;
}

/* Does the ELF object e define sym (any binding, in a real section)? */
static bool defines(Elf *e, const char *sym)
{
    Elf_Scn *scn = NULL;

    while ((scn = elf_nextscn(e, scn))) {
        GElf_Shdr sh;

        if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB)
            continue;
        Elf_Data *data = elf_getdata(scn, NULL);
        size_t n = sh.sh_entsize ? sh.sh_size / sh.sh_entsize : 0;
        for (size_t i = 0; data && i < n; i++) {
            GElf_Sym s;
            const char *name;

            if (!gelf_getsym(data, (int)i, &s) || s.st_shndx == SHN_UNDEF ||
                s.st_shndx >= SHN_LORESERVE)
                continue;
            name = elf_strptr(e, sh.sh_link, s.st_name);
            if (name && strcmp(name, sym) == 0)
                return true;
        }
    }
    return false;
}

/* An archive's members, or the object itself. */
static bool file_defines(const char *path, const char *sym, char *buf,
                         size_t len)
{
    int fd = open(path, O_RDONLY);
    Elf *ar, *e;
    bool found = false;

    if (fd < 0)
        return false;
    elf_version(EV_CURRENT);
    ar = elf_begin(fd, ELF_C_READ_MMAP, NULL);
    if (ar && elf_kind(ar) == ELF_K_ELF) {
        found = defines(ar, sym);
        if (found)
            snprintf(buf, len, "%s", path);
    } else if (ar && elf_kind(ar) == ELF_K_AR) {
        Elf_Cmd cmd = ELF_C_READ_MMAP;

        while (!found && (e = elf_begin(fd, cmd, ar))) {
            Elf_Arhdr *h = elf_getarhdr(e);

            if (h && h->ar_name[0] != '/' && elf_kind(e) == ELF_K_ELF &&
                defines(e, sym)) {
                found = true;
                snprintf(buf, len, "%s(%s)", path, h->ar_name);
            }
            cmd = elf_next(e);
            elf_end(e);
        }
    }
    elf_end(ar);
    close(fd);
    return found;
}

bool report_definer(const char *const *objects, const char *sym, char *buf,
                    size_t len)
{
    for (size_t i = 0; objects && objects[i]; i++)
        if (file_defines(objects[i], sym, buf, len))
            return true;
    return false;
}
