/* report.c: the walk as a pipeline, and the report API ukcc and ukreport
 * call (passes.h). */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "passes.h"
#include "report.h"

struct walk *report_open(const char *elf_path, const char *image_path,
                         const char *const *archives, char *err,
                         size_t errlen)
{
    struct walk *w = calloc(1, sizeof(*w));
    struct stat st;

    w->elf_path = elf_path;
    w->image_path = image_path ? image_path : elf_path;
    w->err = err;
    w->errlen = errlen;
    w->fd = open(elf_path, O_RDONLY);
    if (w->fd < 0) {
        snprintf(err, errlen, "cannot read %s: %m", elf_path);
        free(w);
        return NULL;
    }
    elf_version(EV_CURRENT);
    w->elf = elf_begin(w->fd, ELF_C_READ_MMAP, NULL);
    if (!w->elf)
        snprintf(err, errlen, "%s: elf_begin failed: %s", elf_path,
                 elf_errmsg(-1));
    if (!w->elf || walk_elf_read(w) < 0 || walk_graph_build(w) < 0 ||
        walk_dwarf_open(w) < 0) {
        report_close(w);
        return NULL;
    }
    walk_dwarf_files(w);
    for (size_t i = 0; archives && archives[i]; i++)
        walk_records_archive(w, archives[i]);
    walk_components(w);
    walk_spec(w);
    walk_unsupported(w);
    if (stat(w->image_path, &st) < 0) {
        snprintf(err, errlen, "cannot read %s: %m", w->image_path);
        report_close(w);
        return NULL;
    }
    w->image_size = (uint64_t)st.st_size;
    return w;
}

/* "main -> spawn_worker -> fork (inlined)": the symbol chain, then the
 * functions inlined on the way, from main when main is on it. */
static void bad_chain(const struct walk *w, const struct wbad *b, char *buf,
                      size_t len)
{
    char chain[1024], *from;

    report_chain_string(w, b->sym, chain, sizeof chain);
    snprintf(buf, len, "%s%s%s", chain, b->inlined ? b->path : "",
             b->inlined ? " (inlined)" : "");
    /* An inlined call's path ends with the call itself. */
    if (strncmp(buf, "main -> ", 8) != 0 &&
        (from = strstr(buf, " -> main -> ")))
        memmove(buf, from + 4, strlen(from + 4) + 1);
}

/* One line per unsupported call reached, as ukcc prints it. */
size_t report_unsupported(const struct walk *w, FILE *out, bool allowed)
{
    char chain[1536];

    for (size_t i = 0; i < w->nbad; i++) {
        const struct wbad *b = &w->bad[i];

        bad_chain(w, b, chain, sizeof chain);
        fprintf(out, "ukcc: %s: %s() cannot work in a unikernel (%s%s): "
                "reached ", allowed ? "warning" : "error", b->call, b->why,
                allowed ? "; it fails with an error at run time" : "");
        if (b->site[0])
            fprintf(out, "from %s ", b->site);
        fprintf(out, "via %s\n", chain);
    }
    if (w->nbad && !allowed)
        fprintf(out, "ukcc: note: link with --allow-unsupported to build "
                "the image anyway; %s then fail%s with ENOSYS (or EPERM, "
                "ECHILD) at run time\n", w->nbad > 1 ? "these calls" :
                "the call", w->nbad > 1 ? "" : "s");
    return w->nbad;
}

void report_add_compare(struct walk *w, const char *name, uint64_t size,
                        const char *note)
{
    w->cmp = realloc(w->cmp, (w->ncmp + 1) * sizeof(*w->cmp));
    w->cmp[w->ncmp++] = (struct report_compare){strdup(name), size,
                                                note ? strdup(note) : NULL};
}

int report_format_parse(const char *s, enum report_format *f)
{
    if (!s || strcmp(s, "text") == 0)
        *f = REPORT_TEXT;
    else if (strcmp(s, "json") == 0)
        *f = REPORT_JSON;
    else if (strcmp(s, "html") == 0)
        *f = REPORT_HTML;
    else
        return -1;
    return 0;
}

void report_write(const struct walk *w, enum report_format f, FILE *out)
{
    if (f == REPORT_JSON)
        report_json(w, out);
    else if (f == REPORT_HTML)
        report_html(w, out);
    else
        report_text(w, out);
}

void report_close(struct walk *w)
{
    if (!w)
        return;
    walk_dwarf_close(w);
    if (w->elf)
        elf_end(w->elf);
    if (w->fd >= 0)
        close(w->fd);
    free(w->secs);
    free(w->syms);
    free(w->names);
    free(w->edge_start);
    free(w->edge_to);
    free(w->edge_at);
    free(w->edge_loose);
    free(w->comps);
    free(w->bad);
    free(w->cmp);
    walk_spec_free(w);
    free(w);
}
