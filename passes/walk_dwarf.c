/* walk_dwarf.c: source files, call-site lines and inlined calls, from the
 * DWARF of the linked ELF (libdw). ukcc compiles with line tables, which
 * name every compile unit and every inlined call; without them the report
 * falls back to symbol names. */
#include <dwarf.h>
#include <elfutils/libdw.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report.h"

/* One address range of a compile unit. */
struct curange {
    uint64_t lo, hi;
    Dwarf_Die cu;
    const char *path; /* the unit's source file, made absolute */
};

static struct curange *ranges;
static size_t nranges, cap;

static int by_lo(const void *a, const void *b)
{
    const struct curange *x = a, *y = b;

    return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* A relative unit name is relative to its DW_AT_comp_dir. */
static const char *cu_path(Dwarf_Die *cu)
{
    const char *name = dwarf_diename(cu);
    Dwarf_Attribute a;
    const char *dir;
    char *path;

    if (!name || name[0] == '/')
        return name;
    dir = dwarf_attr(cu, DW_AT_comp_dir, &a) ? dwarf_formstring(&a) : NULL;
    if (!dir || asprintf(&path, "%s/%s", dir, name) < 0)
        return name;
    return path;
}

static void add_cu_ranges(Dwarf_Die *cu)
{
    Dwarf_Addr base, lo, hi;
    ptrdiff_t off = 0;
    const char *path = cu_path(cu);

    while ((off = dwarf_ranges(cu, off, &base, &lo, &hi)) > 0) {
        if (lo >= hi)
            continue;
        if (nranges == cap) {
            cap = cap ? cap * 2 : 1024;
            ranges = realloc(ranges, cap * sizeof(*ranges));
        }
        ranges[nranges++] = (struct curange){lo, hi, *cu, path};
    }
}

int walk_dwarf_open(struct walk *w)
{
    Dwarf *dw = dwarf_begin_elf(w->elf, DWARF_C_READ, NULL);
    Dwarf_Off off = 0, next;
    size_t hsize;

    nranges = 0;
    w->dwarf = dw;
    if (!dw)
        return 0;
    while (dwarf_nextcu(dw, off, &next, &hsize, NULL, NULL, NULL) == 0) {
        Dwarf_Die cu;

        if (dwarf_offdie(dw, off + hsize, &cu))
            add_cu_ranges(&cu);
        off = next;
    }
    qsort(ranges, nranges, sizeof(*ranges), by_lo);
    return 0;
}

static struct curange *range_at(uint64_t addr)
{
    size_t lo = 0, hi = nranges;

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;

        if (ranges[mid].lo <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0 || addr >= ranges[lo - 1].hi)
        return NULL;
    return &ranges[lo - 1];
}

static Dwarf_Die *cu_at(uint64_t addr)
{
    struct curange *r = range_at(addr);

    return r ? &r->cu : NULL;
}

void walk_dwarf_files(struct walk *w)
{
    for (size_t i = 0; i < w->nsyms; i++) {
        struct curange *r = range_at(w->syms[i].addr);

        w->syms[i].file = r ? r->path : NULL;
    }
}

/* A path as the user would write it: relative to the current directory
 * when it is below it. */
const char *walk_short_path(const char *path)
{
    static char cwd[4096];
    size_t n;

    if (!cwd[0] && !getcwd(cwd, sizeof(cwd) - 1))
        strcpy(cwd, "/");
    n = strlen(cwd);
    if (strncmp(path, cwd, n) == 0 && path[n] == '/')
        return path + n + 1;
    return path;
}

/* "main.c:42 (spawn_worker)" for the code at addr: the innermost function,
 * inlined or not, and its line; "" without debug information. */
void walk_dwarf_site(const struct walk *w, uint64_t addr, char *buf,
                     size_t len)
{
    Dwarf_Die *cu = w->dwarf ? cu_at(addr) : NULL;
    Dwarf_Die *scopes = NULL;
    const char *fn = NULL;
    Dwarf_Line *line;
    int n, lineno = 0;

    buf[0] = 0;
    if (!cu || !(line = dwarf_getsrc_die(cu, addr)))
        return;
    dwarf_lineno(line, &lineno);
    n = dwarf_getscopes(cu, addr, &scopes);
    for (int i = 0; i < n && !fn; i++) {
        int tag = dwarf_tag(&scopes[i]);
        if (tag == DW_TAG_subprogram || tag == DW_TAG_inlined_subroutine)
            fn = dwarf_diename(&scopes[i]);
    }
    const char *src = dwarf_linesrc(line, NULL, NULL);
    int sym = fn ? -1 : walk_sym_at(w, addr);
    if (sym >= 0)
        fn = w->syms[sym].name;
    if (fn)
        snprintf(buf, len, "%s:%d (%s)", walk_short_path(src ? src : "?"),
                 lineno, fn);
    else
        snprintf(buf, len, "%s:%d", walk_short_path(src ? src : "?"), lineno);
    free(scopes);
}

static void call_site(Dwarf_Die *cu, Dwarf_Die *die, const char *caller,
                      char *buf, size_t len)
{
    Dwarf_Attribute a;
    Dwarf_Word file = 0, line = 0;
    Dwarf_Files *files;
    size_t nfiles;
    const char *src = NULL;

    if (dwarf_attr(die, DW_AT_call_file, &a))
        dwarf_formudata(&a, &file);
    if (dwarf_attr(die, DW_AT_call_line, &a))
        dwarf_formudata(&a, &line);
    if (dwarf_getsrcfiles(cu, &files, &nfiles) == 0 && file < nfiles)
        src = dwarf_filesrc(files, file, NULL, NULL);
    snprintf(buf, len, "%s:%lu (%s)", walk_short_path(src ? src : "?"),
             (unsigned long)line, caller ? caller : "?");
}

struct inl_ctx {
    struct walk *w;
    Dwarf_Die *cu;
    void (*found)(struct walk *, const char *, uint64_t, const char *,
                  const char *);
};

/* path: " -> a -> b", the inlined functions the walk is inside of. */
static void scan(struct inl_ctx *c, Dwarf_Die *die, const char *caller,
                 const char *path)
{
    Dwarf_Die child;
    char inner[512];

    if (dwarf_child(die, &child) != 0)
        return;
    do {
        int tag = dwarf_tag(&child);
        const char *name = NULL;

        if (tag == DW_TAG_subprogram || tag == DW_TAG_inlined_subroutine)
            name = dwarf_diename(&child);
        snprintf(inner, sizeof inner, "%s", tag == DW_TAG_subprogram ? ""
                                            : path);
        if (tag == DW_TAG_inlined_subroutine && name) {
            Dwarf_Addr at = 0, base, hi;
            char site[256];

            snprintf(inner, sizeof inner, "%s -> %s", path, name);
            if (dwarf_entrypc(&child, &at) != 0 &&
                dwarf_lowpc(&child, &at) != 0 &&
                dwarf_ranges(&child, 0, &base, &at, &hi) <= 0)
                at = 0; /* inlined code the optimiser removed */
            call_site(c->cu, &child, caller, site, sizeof site);
            if (at)
                c->found(c->w, name, at, site, inner);
        }
        scan(c, &child, name ? name : caller, inner);
    } while (dwarf_siblingof(&child, &child) == 0);
}

/* Report every inlined call to found(name, address, "file:line (caller)",
 * " -> f -> g -> name": the functions inlined down to it). */
void walk_dwarf_inlined(struct walk *w,
                        void (*found)(struct walk *, const char *name,
                                      uint64_t at, const char *site,
                                      const char *path))
{
    Dwarf_Off off = 0, next;
    size_t hsize;

    if (!w->dwarf)
        return;
    while (dwarf_nextcu(w->dwarf, off, &next, &hsize, NULL, NULL, NULL) ==
           0) {
        Dwarf_Die cu;

        if (dwarf_offdie(w->dwarf, off + hsize, &cu)) {
            struct inl_ctx c = {w, &cu, found};
            scan(&c, &cu, NULL, "");
        }
        off = next;
    }
}

/* Down the DIE tree to addr: the inlined calls around it, outermost
 * first. Not dwarf_getscopes, which gives up on an inlined function from
 * another compile unit (LTO inlines main into the runtime's caller). */
static void inlined_down(Dwarf_Die *die, uint64_t addr, char *buf,
                         size_t len, size_t *used, const char **inner)
{
    Dwarf_Die child;

    if (dwarf_child(die, &child) != 0)
        return;
    do {
        int tag = dwarf_tag(&child);
        const char *name;

        if (tag != DW_TAG_subprogram && tag != DW_TAG_inlined_subroutine &&
            tag != DW_TAG_lexical_block)
            continue;
        if (dwarf_haspc(&child, addr) <= 0)
            continue;
        name = dwarf_diename(&child);
        if (tag == DW_TAG_inlined_subroutine && name && *used < len) {
            int k = snprintf(buf + *used, len - *used, " -> %s", name);
            if (k > 0)
                *used += (size_t)k;
            *inner = name;
        }
        inlined_down(&child, addr, buf, len, used, inner);
        return;
    } while (dwarf_siblingof(&child, &child) == 0);
}

/* " -> f -> g": the functions inlined, outermost first, at the code at
 * addr (into the symbol that holds it); "" when none or without DWARF.
 * The innermost one's name, or NULL. */
const char *walk_dwarf_inlined_at(const struct walk *w, uint64_t addr,
                                  char *buf, size_t len)
{
    Dwarf_Die *cu = w->dwarf ? cu_at(addr) : NULL;
    const char *inner = NULL;
    size_t used = 0;

    buf[0] = 0;
    if (cu)
        inlined_down(cu, addr, buf, len, &used, &inner);
    return inner;
}

void walk_dwarf_close(struct walk *w)
{
    if (w->dwarf)
        dwarf_end(w->dwarf);
    w->dwarf = NULL;
    free(ranges);
    ranges = NULL;
    nranges = cap = 0;
}
