/* walk_components.c: components from their .ukcc.components records
 * (kernel/component.h), each symbol attributed to one, sizes summed. */
#include <fcntl.h>
#include <fnmatch.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* Implicit components: code no record claims. */
static const char app_desc[] = "the program's own code";
static const char none_desc[] = "symbols without debug information that "
                                "no component claims";

static void add_comp(struct walk *w, const char *name, const char *desc,
                     const char *deps, const char *paths)
{
    if (walk_comp_find(w, name) >= 0)
        return; /* a second file of the same component */
    w->comps = realloc(w->comps, (w->ncomps + 1) * sizeof(*w->comps));
    w->comps[w->ncomps++] = (struct wcomp){
        .name = name, .desc = desc, .deps = deps, .paths = paths,
        .reason = -1};
}

int walk_comp_find(const struct walk *w, const char *name)
{
    for (size_t i = 0; i < w->ncomps; i++)
        if (strcmp(w->comps[i].name, name) == 0)
            return (int)i;
    return -1;
}

/* The records in one ELF object; strings are copied, since an archive
 * member's data goes away with it. */
static void records_from(struct walk *w, Elf *e)
{
    Elf_Scn *scn = NULL;
    size_t shstrndx;

    if (elf_kind(e) != ELF_K_ELF || elf_getshdrstrndx(e, &shstrndx) < 0)
        return;
    while ((scn = elf_nextscn(e, scn))) {
        GElf_Shdr sh;
        const char *name;

        if (!gelf_getshdr(scn, &sh) ||
            !(name = elf_strptr(e, shstrndx, sh.sh_name)) ||
            strcmp(name, ".ukcc.components") != 0)
            continue;
        Elf_Data *d = elf_getdata(scn, NULL);
        const char *p = d ? d->d_buf : NULL, *end = p ? p + d->d_size : p;
        const char *f[4];

        while (p && p < end) {
            for (int i = 0; i < 4; i++) {
                const char *z = memchr(p, 0, (size_t)(end - p));
                if (!z)
                    return; /* truncated record: ignore the rest */
                f[i] = p;
                p = z + 1;
            }
            if (walk_comp_find(w, f[0]) < 0)
                add_comp(w, strdup(f[0]), strdup(f[1]), strdup(f[2]),
                         strdup(f[3]));
        }
    }
}

/* Records of every member of an archive (the sysroot's kernel and
 * runtime): a component's record may sit in a file the image did not
 * link while other files of the component are in. */
void walk_records_archive(struct walk *w, const char *path)
{
    int fd = open(path, O_RDONLY);
    Elf *ar, *m;

    if (fd < 0)
        return;
    ar = elf_begin(fd, ELF_C_READ, NULL);
    while (ar && (m = elf_begin(fd, ELF_C_READ, ar))) {
        records_from(w, m);
        elf_next(m);
        elf_end(m);
    }
    if (ar)
        elf_end(ar);
    close(fd);
}

/* How well pattern list `paths` claims the symbol: the length of the
 * longest pattern that matches, 0 for none. A pattern matches a path
 * that ends with it after a '/'. */
static size_t claim(const char *paths, const struct wsym *s)
{
    char pat[512], any[520];
    size_t best = 0;

    for (const char *p = paths; *p;) {
        size_t n = strcspn(p, " ");

        if (n && n < sizeof pat) {
            memcpy(pat, p, n);
            pat[n] = 0;
            if (strncmp(pat, "sym:", 4) == 0) {
                if (!s->file && fnmatch(pat + 4, s->name, 0) == 0 &&
                    n > best)
                    best = n;
            } else if (s->file) {
                snprintf(any, sizeof any, "*/%s", pat);
                if ((fnmatch(pat, s->file, 0) == 0 ||
                     fnmatch(any, s->file, 0) == 0) && n > best)
                    best = n;
            }
        }
        p += n;
        p += strspn(p, " ");
    }
    return best;
}

static int attribute(const struct walk *w, const struct wsym *s, int app,
                     int none)
{
    size_t best = 0;
    int comp = -1;

    for (size_t c = 0; c < w->ncomps; c++) {
        size_t n = w->comps[c].paths ? claim(w->comps[c].paths, s) : 0;
        if (n > best) {
            best = n;
            comp = (int)c;
        }
    }
    if (comp >= 0)
        return comp;
    return s->file ? app : none;
}

/* Data has no line table: a symbol no pattern claims goes with the code
 * that first references it (its parent in the walk), so a table used only
 * by strace counts as debug. Parents come before children in BFS order,
 * which a few passes resolve. */
static void attribute_data(struct walk *w, int none)
{
    for (int pass = 0; pass < 8; pass++) {
        bool changed = false;

        for (size_t i = 0; i < w->nsyms; i++) {
            struct wsym *s = &w->syms[i];

            if (s->comp != none || s->parent < 0 ||
                w->syms[s->parent].comp == none)
                continue;
            s->comp = w->syms[s->parent].comp;
            changed = true;
        }
        if (!changed)
            break;
    }
}

/* Is sym on the chain from the entry to main? */
static bool on_main_path(const struct walk *w, int sym)
{
    int m = walk_sym_named(w, "main");

    if (m < 0)
        m = walk_sym_named(w, "start_call_main");
    for (int s = m; s >= 0; s = w->syms[s].parent)
        if (s == sym)
            return true;
    return false;
}

int walk_components(struct walk *w)
{
    int chain[256];

    records_from(w, w->elf);
    add_comp(w, "app", app_desc, "", NULL);
    add_comp(w, "unattributed", none_desc, "", NULL);
    int app = walk_comp_find(w, "app");
    int none = walk_comp_find(w, "unattributed");
    for (size_t i = 0; i < w->nsyms; i++)
        w->syms[i].comp = attribute(w, &w->syms[i], app, none);
    attribute_data(w, none);
    for (size_t i = 0; i < w->nsyms; i++) {
        struct wsym *s = &w->syms[i];
        struct wcomp *c = &w->comps[s->comp];

        if (s->gap)
            continue; /* counted as unnamed bytes */
        c->nsyms++;
        if (w->secs[s->sec].in_file)
            c->size += s->size;
        else
            c->bss += s->size;
        if (!s->reached)
            continue;
        /* The program's own reason first: a chain through main counts
         * as shorter than any chain that bypasses it. */
        unsigned n = walk_chain(w, (int)i, chain, 256), d = n + 1000;
        for (unsigned k = 0; k < n; k++)
            if (strcmp(w->syms[chain[k]].name, "main") == 0 ||
                strcmp(w->syms[chain[k]].name, "start_call_main") == 0)
                d = n;
        if (on_main_path(w, (int)i))
            d = n; /* boot code on the way to main: in for main's sake */
        if (c->reason < 0 || d < c->depth) {
            c->reason = (int)i;
            c->depth = d;
        }
    }
    return 0;
}
