/* walk_graph.c: who references whom (relocations kept by --emit-relocs),
 * and the shortest chain from the entry point to every reachable symbol. */
#include <stdlib.h>
#include <string.h>

#include "report.h"

struct ref {
    int from, to;
    uint64_t at;
};

struct refs {
    struct ref *v;
    size_t n, cap;
};

static void refs_push(struct refs *r, int from, int to, uint64_t at)
{
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 4096;
        r->v = realloc(r->v, r->cap * sizeof(*r->v));
    }
    r->v[r->n++] = (struct ref){from, to, at};
}

static bool pc_relative(unsigned type)
{
    return type == R_X86_64_PC32 || type == R_X86_64_PLT32 ||
           type == R_X86_64_GOTPCREL || type == R_X86_64_GOTPCRELX ||
           type == R_X86_64_REX_GOTPCRELX || type == R_X86_64_PC64;
}

/* A PC-relative reference through a section symbol encodes target - 4 -
 * (bytes of the instruction after the displacement): when that lands just
 * before a symbol, the symbol is the target. */
static int target_of(const struct walk *w, uint64_t addr, bool pcrel)
{
    if (!pcrel)
        return walk_sym_at(w, addr);
    addr += 4;
    int t = walk_sym_at(w, addr);
    if (t >= 0 && w->syms[t].addr == addr)
        return t;
    if ((size_t)t + 1 < w->nsyms && w->syms[t + 1].addr <= addr + 4 &&
        w->syms[t + 1].addr > addr)
        return t + 1;
    return t;
}

void walk_each_rela(const struct walk *w, walk_rela_fn *fn, void *ctx)
{
    Elf_Scn *scn = NULL;

    while ((scn = elf_nextscn(w->elf, scn))) {
        GElf_Shdr sh, symsh;

        if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_RELA)
            continue;
        if (sh.sh_info >= w->nsecs || !w->secs[sh.sh_info].size)
            continue; /* relocations of debug sections */
        Elf_Scn *symscn = elf_getscn(w->elf, sh.sh_link);
        Elf_Data *syms = symscn ? elf_getdata(symscn, NULL) : NULL;
        Elf_Data *data = elf_getdata(scn, NULL);
        size_t n = sh.sh_entsize ? sh.sh_size / sh.sh_entsize : 0;

        if (!syms || !data || !gelf_getshdr(symscn, &symsh))
            continue;
        for (size_t i = 0; i < n; i++) {
            GElf_Rela rel;
            GElf_Sym s;

            if (gelf_getrela(data, (int)i, &rel) &&
                gelf_getsym(syms, (int)GELF_R_SYM(rel.r_info), &s))
                fn(w, &rel, &s, elf_strptr(w->elf, symsh.sh_link, s.st_name),
                   ctx);
        }
    }
}

/* A reference from the function at the relocation to a defined symbol. */
static void graph_rela(const struct walk *w, const GElf_Rela *rel,
                       const GElf_Sym *s, const char *name, void *ctx)
{
    unsigned type = GELF_R_TYPE(rel->r_info);
    int to;

    (void)name;
    if (s->st_shndx == SHN_UNDEF || s->st_shndx == SHN_ABS)
        return;
    if (GELF_ST_TYPE(s->st_info) == STT_SECTION)
        to = target_of(w, s->st_value + rel->r_addend, pc_relative(type));
    else
        to = walk_sym_at(w, s->st_value);
    if (to >= 0)
        refs_push(ctx, walk_sym_at(w, rel->r_offset), to, rel->r_offset);
}

static int by_from(const void *a, const void *b)
{
    const struct ref *x = a, *y = b;

    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    return x->at < y->at ? -1 : x->at > y->at;
}

static bool path_has(const int *path, unsigned n, int s)
{
    for (unsigned i = 0; i < n; i++)
        if (path[i] == s)
            return true;
    return false;
}

static void visit(struct walk *w, int *queue, size_t *tail, int to,
                  int from, uint64_t at)
{
    struct wsym *t = &w->syms[to];

    if (t->reached)
        return;
    t->reached = true;
    t->parent = from;
    t->site = at;
    queue[(*tail)++] = to;
}

static void bfs(struct walk *w, int *queue, size_t *head, size_t *tail,
                bool loose)
{
    while (*head < *tail) {
        int s = queue[(*head)++];
        for (int e = w->edge_start[s]; e < w->edge_start[s + 1]; e++)
            if (loose || !w->edge_loose[e])
                visit(w, queue, tail, w->edge_to[e], s, w->edge_at[e]);
    }
}

/* Breadth first from the entry, first along references made from inside
 * a symbol's own bytes, so that chains are calls and loads; then also from
 * bytes between symbols that no symbol's code points into. What main
 * reaches is walked from main first, so that its chain is the program's
 * reason (main -> ... -> socket), not a shorter one through the kernel's
 * syscall trap, which links every handler. */
static void reach(struct walk *w, const struct refs *r)
{
    int *queue = malloc((w->nsyms + 1) * sizeof(*queue));
    int *path = malloc((w->nsyms + 1) * sizeof(*path));
    /* main, or where the runtime calls it when LTO inlined it there */
    int main_sym = walk_sym_named(w, "main");
    if (main_sym < 0)
        main_sym = walk_sym_named(w, "start_call_main");
    size_t head = 0, tail = 0;
    unsigned n = 0;

    /* First everything, to find main's chain from the entry. */
    visit(w, queue, &tail, w->entry, -1, 0);
    bfs(w, queue, &head, &tail, false);
    head = 0;
    for (size_t i = 0; i < r->n && r->v[i].from < 0; i++)
        visit(w, queue, &tail, r->v[i].to, -1, 0);
    bfs(w, queue, &head, &tail, true);
    if (main_sym < 0 || !w->syms[main_sym].reached)
        goto out;
    /* Then again: main's chain kept, main's world first. */
    for (int s = main_sym; s >= 0; s = w->syms[s].parent)
        path[n++] = s;
    for (size_t i = 0; i < w->nsyms; i++)
        if (!path_has(path, n, (int)i)) {
            w->syms[i].reached = false;
            w->syms[i].parent = -1;
        }
    head = tail = 0;
    queue[tail++] = main_sym;
    bfs(w, queue, &head, &tail, false);
    for (unsigned i = n; i-- > 1;)
        queue[tail++] = path[i]; /* then on from the entry */
    bfs(w, queue, &head, &tail, false);
    head = 0; /* again, from everything reached so far */
    for (size_t i = 0; i < r->n && r->v[i].from < 0; i++)
        visit(w, queue, &tail, r->v[i].to, -1, 0);
    bfs(w, queue, &head, &tail, true);
out:
    free(path);
    free(queue);
}

int walk_graph_build(struct walk *w)
{
    struct refs r = {0};

    walk_each_rela(w, graph_rela, &r);
    /* Code may run on into an assembler label after it (boot code);
     * not into a compiled function, which is entered only by calls. */
    for (size_t i = 0; i + 1 < w->nsyms; i++)
        if (w->syms[i + 1].label && w->syms[i + 1].sec == w->syms[i].sec)
            refs_push(&r, (int)i, (int)i + 1,
                      w->syms[i].addr + w->syms[i].size);
    if (!r.n)
        return report_walk_error(w, "%s has no relocations: it was not "
                                 "linked with --emit-relocs", w->elf_path);
    qsort(r.v, r.n, sizeof(*r.v), by_from);
    w->edge_start = calloc(w->nsyms + 1, sizeof(int));
    w->edge_to = malloc(r.n * sizeof(int));
    w->edge_at = malloc(r.n * sizeof(uint64_t));
    w->edge_loose = malloc(r.n * sizeof(bool));
    size_t k = 0, first = 0;
    while (first < r.n && r.v[first].from < 0)
        first++;
    for (size_t s = 0, i = first; s < w->nsyms; s++) {
        w->edge_start[s] = (int)k;
        for (; i < r.n && r.v[i].from == (int)s; i++) {
            if (r.v[i].to == (int)s)
                continue;
            const struct wsym *f = &w->syms[s];
            w->edge_to[k] = r.v[i].to;
            w->edge_loose[k] = r.v[i].at >= f->addr + f->own;
            w->edge_at[k++] = r.v[i].at;
        }
    }
    w->edge_start[w->nsyms] = (int)k;
    w->nedges = k;
    reach(w, &r);
    free(r.v);
    return 0;
}

/* The chain entry -> ... -> sym into out (at most max), its length;
 * gaps (jump tables) are left out. */
unsigned walk_chain(const struct walk *w, int sym, int *out, unsigned max)
{
    unsigned n = 0;

    for (int s = sym; s >= 0 && n < max; s = w->syms[s].parent)
        if (!w->syms[s].gap)
            out[n++] = s;
    for (unsigned i = 0; i < n / 2; i++) {
        int t = out[i];
        out[i] = out[n - 1 - i];
        out[n - 1 - i] = t;
    }
    return n;
}
