/* report_util.c: helpers the report renderings share. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

int report_walk_error(struct walk *w, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(w->err, w->errlen, fmt, ap);
    va_end(ap);
    return -1;
}

void report_json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;

        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c < 0x20)
            fprintf(out, "\\u%04x", c);
        else if (c == '<')
            fputs("\\u003c", out); /* safe inside an HTML <script> */
        else
            fputc(c, out);
    }
    fputc('"', out);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The syscalls the image implements: its uk_sys_<name> handlers, sorted. */
int report_syscalls(const struct walk *w, const char **names, int max)
{
    int n = 0;

    for (size_t i = 0; i < w->nnames && n < max; i++) {
        const char *s = w->names[i].name;
        bool dup = false;

        if (strncmp(s, "uk_sys_", 7) != 0)
            continue;
        for (int k = 0; k < n && !dup; k++)
            dup = strcmp(names[k], s + 7) == 0;
        if (!dup)
            names[n++] = s + 7;
    }
    qsort(names, (size_t)n, sizeof(*names), by_name);
    return n;
}

/* "main -> spawn_worker -> fork": the chain to sym, from main when main
 * is on it (what a program's author reads), else from the entry. */
void report_chain_string(const struct walk *w, int sym, char *buf,
                         size_t len)
{
    int chain[256];
    unsigned n = walk_chain(w, sym, chain, 256), from = 0;
    size_t used = 0;

    for (unsigned i = 0; i < n; i++)
        if (strcmp(w->syms[chain[i]].name, "main") == 0)
            from = i;
    buf[0] = 0;
    for (unsigned i = from; i < n && used + 1 < len; i++) {
        int k = snprintf(buf + used, len - used, "%s%s", i > from ? " -> " : "",
                         w->syms[chain[i]].name);
        if (k < 0)
            break;
        used += (size_t)k;
    }
    if (used >= len && len > 4)
        strcpy(buf + len - 4, "...");
}
