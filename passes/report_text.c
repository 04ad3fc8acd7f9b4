/* report_text.c: the report for people: sizes, components and why each is
 * in, syscalls, what the link removed, comparisons. */
#include <stdlib.h>
#include <string.h>

#include "report.h"

static int by_size_desc(const void *a, const void *b, void *ctx)
{
    const struct walk *w = ctx;
    int x = *(const int *)a, y = *(const int *)b;
    uint64_t sx = w->comps[x].size + w->comps[x].bss;
    uint64_t sy = w->comps[y].size + w->comps[y].bss;

    return sx < sy ? 1 : sx > sy ? -1 : x - y;
}

/* "sched_init <- kernel_main <- _start32": the reason a component is in,
 * from the symbol back towards the entry (or main). */
static void reason(const struct walk *w, const struct wcomp *c, char *buf,
                   size_t len)
{
    int chain[256];
    unsigned n;
    size_t used = 0;
    char site[256];

    buf[0] = 0;
    if (c->reason < 0)
        return;
    n = walk_chain(w, c->reason, chain, 256);
    for (unsigned i = n; i-- > 0 && used + 1 < len;) {
        int k = snprintf(buf + used, len - used, "%s%s",
                         i + 1 < n ? " <- " : "", w->syms[chain[i]].name);
        used += k > 0 ? (size_t)k : 0;
        if (strcmp(w->syms[chain[i]].name, "main") == 0 ||
            strcmp(w->syms[chain[i]].name, "start_call_main") == 0)
            break;
    }
    const struct wsym *s = &w->syms[c->reason];
    if (s->parent >= 0 && used + 1 < len) {
        walk_dwarf_site(w, s->site, site, sizeof site);
        if (site[0])
            snprintf(buf + used, len - used, "  [at %s]", site);
    }
}

static void components(const struct walk *w, FILE *out)
{
    int order[w->ncomps];
    char why[512];

    for (size_t i = 0; i < w->ncomps; i++)
        order[i] = (int)i;
    qsort_r(order, w->ncomps, sizeof(int), by_size_desc, (void *)w);
    fprintf(out, "\nComponents (file bytes, .bss bytes, symbols; why it is "
                 "in: the first chain that reaches it)\n");
    for (size_t k = 0; k < w->ncomps; k++) {
        const struct wcomp *c = &w->comps[order[k]];

        if (!c->nsyms)
            continue;
        reason(w, c, why, sizeof why);
        fprintf(out, "  %-14s %9lu %9lu %5zu  %s\n", c->name,
                (unsigned long)c->size, (unsigned long)c->bss, c->nsyms,
                c->desc);
        if (why[0])
            fprintf(out, "  %-14s   because: %s\n", "", why);
    }
    fprintf(out, "  %-14s %9lu  (strings, alignment: bytes in sections "
            "outside any symbol)\n", "(unnamed)",
            (unsigned long)(w->sec_bytes - w->sym_bytes));
    fprintf(out, "  %-14s %9lu  (ELF and program headers, padding "
            "between segments)\n", "(headers)",
            (unsigned long)(w->image_size - w->sec_bytes));
    fprintf(out, "  %-14s %9lu\n", "total", (unsigned long)w->image_size);
}

static int sym_by_size(const void *a, const void *b, void *ctx)
{
    const struct walk *w = ctx;
    uint64_t x = w->syms[*(const int *)a].size;
    uint64_t y = w->syms[*(const int *)b].size;

    return x < y ? 1 : x > y ? -1 : 0;
}

static void largest(const struct walk *w, FILE *out)
{
    int *order = malloc(w->nsyms * sizeof(int));
    size_t n = 0;

    for (size_t i = 0; i < w->nsyms; i++)
        if (w->secs[w->syms[i].sec].in_file && !w->syms[i].gap)
            order[n++] = (int)i;
    qsort_r(order, n, sizeof(int), sym_by_size, (void *)w);
    fprintf(out, "\nLargest functions and objects\n");
    for (size_t k = 0; k < n && k < 15; k++) {
        const struct wsym *s = &w->syms[order[k]];
        fprintf(out, "  %8lu  %-32s %-12s %s\n", (unsigned long)s->size,
                s->name, w->comps[s->comp].name,
                s->file ? walk_short_path(s->file) : "");
    }
    free(order);
}

static void syscalls(const struct walk *w, FILE *out)
{
    const char *names[512];
    int n = report_syscalls(w, names, 512), col = 2;

    fprintf(out, "\nSyscalls the image implements (%d):\n ", n);
    for (int i = 0; i < n; i++) {
        if (col + (int)strlen(names[i]) + 1 > 78) {
            fprintf(out, "\n ");
            col = 2;
        }
        col += fprintf(out, " %s", names[i]);
    }
    fprintf(out, "\n");
}

/* The inits, in the order the image runs them, and the defaults. */
static void specialisation(const struct walk *w, FILE *out)
{
    int col = 2;

    if (!w->has_spec)
        return;
    fprintf(out, "\nComponents chosen at link time, in init order (%zu):"
                 "\n ", w->nspec_comps);
    for (size_t i = 0; i < w->nspec_comps; i++) {
        if (col + (int)strlen(w->spec_comps[i]) + 1 > 78) {
            fprintf(out, "\n ");
            col = 2;
        }
        col += fprintf(out, " %s", w->spec_comps[i]);
    }
    fprintf(out, "\nInits at boot (%zu):%s\n", w->nspec_inits,
            w->nspec_inits ? "" : " none");
    for (size_t i = 0; i < w->nspec_inits; i++)
        fprintf(out, "  %zu. %-24s %-12s %s phase\n", i + 1,
                w->spec_inits[i].fn, w->spec_inits[i].comp,
                w->spec_inits[i].phase);
    if (w->spec_cmdline)
        fprintf(out, "Kernel command-line defaults: %s\n", w->spec_cmdline);
}

static void removed_and_compared(const struct walk *w, FILE *out)
{
    if (w->inputs_size)
        fprintf(out, "\nRemoved by LTO and --gc-sections: the %zu linked "
                "inputs hold %lu bytes of code and data; the image keeps "
                "%lu (%.1f%%)\n", w->ninputs, (unsigned long)w->inputs_size,
                (unsigned long)w->sec_bytes,
                100.0 * (double)w->sec_bytes / (double)w->inputs_size);
    if (!w->ncmp)
        return;
    fprintf(out, "\nComparison (same program; ratio = this image / "
                 "baseline)\n");
    fprintf(out, "  %-36s %12lu\n", "ukcc image (kernel included)",
            (unsigned long)w->image_size);
    for (size_t i = 0; i < w->ncmp; i++) {
        const struct report_compare *c = &w->cmp[i];
        if (c->size)
            fprintf(out, "  %-36s %12lu  ratio %.3f%s%s\n", c->name,
                    (unsigned long)c->size,
                    (double)w->image_size / (double)c->size,
                    c->note ? "  " : "", c->note ? c->note : "");
        else
            fprintf(out, "  %-36s %12s  %s\n", c->name, "-",
                    c->note ? c->note : "");
    }
}

void report_text(const struct walk *w, FILE *out)
{
    uint64_t bss = 0;

    for (size_t i = 0; i < w->ncomps; i++)
        bss += w->comps[i].bss;
    fprintf(out, "ukcc report: %s: %lu bytes (%lu more in memory as "
            ".bss)\n", w->image_path, (unsigned long)w->image_size,
            (unsigned long)bss);
    components(w, out);
    specialisation(w, out);
    largest(w, out);
    syscalls(w, out);
    if (w->nbad) {
        fprintf(out, "\nCalls that cannot work in a unikernel (linked with "
                     "--allow-unsupported):\n");
        report_unsupported(w, out, true);
    }
    removed_and_compared(w, out);
}
