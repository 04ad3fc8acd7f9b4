/* report_json.c: the report as JSON, schema "ukcc-report/1"
 * (docs/report-schema.md). */
#include <stdlib.h>
#include <string.h>

#include "report.h"

static void chain_array(const struct walk *w, int sym, FILE *out)
{
    int chain[256];
    unsigned n = sym >= 0 ? walk_chain(w, sym, chain, 256) : 0;

    fputc('[', out);
    for (unsigned i = 0; i < n; i++) {
        if (i)
            fputc(',', out);
        report_json_string(out, w->syms[chain[i]].name);
    }
    fputc(']', out);
}

static void words_array(const char *s, FILE *out)
{
    char word[256];
    bool first = true;

    fputc('[', out);
    while (s && *s) {
        size_t n = strcspn(s, " ");
        if (n && n < sizeof word) {
            memcpy(word, s, n);
            word[n] = 0;
            fputs(first ? "" : ",", out);
            report_json_string(out, word);
            first = false;
        }
        s += n;
        s += strspn(s, " ");
    }
    fputc(']', out);
}

static void component(const struct walk *w, size_t ci, FILE *out)
{
    const struct wcomp *c = &w->comps[ci];
    char site[256] = "";

    fprintf(out, "{\"name\":");
    report_json_string(out, c->name);
    fprintf(out, ",\"description\":");
    report_json_string(out, c->desc);
    fprintf(out, ",\"depends\":");
    words_array(c->deps, out);
    fprintf(out, ",\"size\":%lu,\"bss\":%lu,\"symbols\":%zu,\"reason\":",
            (unsigned long)c->size, (unsigned long)c->bss, c->nsyms);
    if (c->reason < 0) {
        fprintf(out, "null}");
        return;
    }
    if (w->syms[c->reason].parent >= 0)
        walk_dwarf_site(w, w->syms[c->reason].site, site, sizeof site);
    fprintf(out, "{\"symbol\":");
    report_json_string(out, w->syms[c->reason].name);
    fprintf(out, ",\"chain\":");
    chain_array(w, c->reason, out);
    fprintf(out, ",\"site\":");
    if (site[0])
        report_json_string(out, site);
    else
        fputs("null", out);
    fprintf(out, "}}");
}

static void symbol(const struct walk *w, const struct wsym *s, FILE *out)
{
    fprintf(out, "{\"name\":");
    report_json_string(out, s->name);
    fprintf(out, ",\"address\":%lu,\"size\":%lu,\"section\":",
            (unsigned long)s->addr, (unsigned long)s->size);
    report_json_string(out, w->secs[s->sec].name);
    fprintf(out, ",\"in_file\":%s,\"reached\":%s,\"component\":",
            w->secs[s->sec].in_file ? "true" : "false",
            s->reached ? "true" : "false");
    report_json_string(out, w->comps[s->comp].name);
    fprintf(out, ",\"file\":");
    if (s->file)
        report_json_string(out, walk_short_path(s->file));
    else
        fputs("null", out);
    fprintf(out, "}");
}

static void unsupported(const struct walk *w, FILE *out)
{
    fputc('[', out);
    for (size_t i = 0; i < w->nbad; i++) {
        const struct wbad *b = &w->bad[i];
        fprintf(out, "%s{\"call\":", i ? "," : "");
        report_json_string(out, b->call);
        fprintf(out, ",\"reason\":");
        report_json_string(out, b->why);
        fprintf(out, ",\"chain\":");
        chain_array(w, b->sym, out);
        fprintf(out, ",\"inlined\":%s,\"site\":",
                b->inlined ? "true" : "false");
        if (b->site[0])
            report_json_string(out, b->site);
        else
            fputs("null", out);
        fputc('}', out);
    }
    fputc(']', out);
}

static void comparison(const struct walk *w, FILE *out)
{
    fputc('[', out);
    for (size_t i = 0; i < w->ncmp; i++) {
        const struct report_compare *c = &w->cmp[i];
        fprintf(out, "%s{\"name\":", i ? "," : "");
        report_json_string(out, c->name);
        if (c->size)
            fprintf(out, ",\"size\":%lu,\"ratio\":%.4f",
                    (unsigned long)c->size,
                    (double)w->image_size / (double)c->size);
        else
            fprintf(out, ",\"size\":null,\"ratio\":null");
        fprintf(out, ",\"note\":");
        if (c->note)
            report_json_string(out, c->note);
        else
            fputs("null", out);
        fputc('}', out);
    }
    fputc(']', out);
}

/* null for an image linked without the specialisation object. */
static void specialisation(const struct walk *w, FILE *out)
{
    if (!w->has_spec) {
        fputs("null", out);
        return;
    }
    fprintf(out, "{\"components\":[");
    for (size_t i = 0; i < w->nspec_comps; i++) {
        fputs(i ? "," : "", out);
        report_json_string(out, w->spec_comps[i]);
    }
    fprintf(out, "],\"inits\":[");
    for (size_t i = 0; i < w->nspec_inits; i++) {
        fprintf(out, "%s{\"phase\":", i ? "," : "");
        report_json_string(out, w->spec_inits[i].phase);
        fprintf(out, ",\"component\":");
        report_json_string(out, w->spec_inits[i].comp);
        fprintf(out, ",\"function\":");
        report_json_string(out, w->spec_inits[i].fn);
        fputc('}', out);
    }
    fprintf(out, "],\"cmdline\":");
    report_json_string(out, w->spec_cmdline ? w->spec_cmdline : "");
    fputc('}', out);
}

void report_json(const struct walk *w, FILE *out)
{
    const char *names[512];
    int nsys = report_syscalls(w, names, 512);
    bool first = true;

    fprintf(out, "{\"schema\":\"ukcc-report/1\",\"image\":{\"path\":");
    report_json_string(out, w->image_path);
    fprintf(out, ",\"debug_file\":");
    report_json_string(out, w->elf_path);
    fprintf(out, ",\"file_size\":%lu},\n\"sizes\":{\"sections\":%lu,"
            "\"symbols\":%lu,\"unnamed\":%lu,\"headers\":%lu,"
            "\"total\":%lu},\n\"components\":[",
            (unsigned long)w->image_size, (unsigned long)w->sec_bytes,
            (unsigned long)w->sym_bytes,
            (unsigned long)(w->sec_bytes - w->sym_bytes),
            (unsigned long)(w->image_size - w->sec_bytes),
            (unsigned long)w->image_size);
    for (size_t i = 0; i < w->ncomps; i++) {
        if (!w->comps[i].nsyms)
            continue;
        fputs(first ? "\n" : ",\n", out);
        first = false;
        component(w, i, out);
    }
    fprintf(out, "],\n\"specialisation\":");
    specialisation(w, out);
    fprintf(out, ",\n\"syscalls\":[");
    for (int i = 0; i < nsys; i++) {
        fputs(i ? "," : "", out);
        report_json_string(out, names[i]);
    }
    fprintf(out, "],\n\"unsupported\":");
    unsupported(w, out);
    fprintf(out, ",\n\"removed\":{\"inputs\":%zu,\"input_bytes\":%lu,"
            "\"image_bytes\":%lu},\n\"comparison\":",
            w->ninputs, (unsigned long)w->inputs_size,
            (unsigned long)w->sec_bytes);
    comparison(w, out);
    fprintf(out, ",\n\"symbols\":[");
    first = true;
    for (size_t i = 0; i < w->nsyms; i++) {
        if (w->syms[i].gap)
            continue;
        fputs(first ? "\n" : ",\n", out);
        first = false;
        symbol(w, &w->syms[i], out);
    }
    fprintf(out, "]}\n");
}
