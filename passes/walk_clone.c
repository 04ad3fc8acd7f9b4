/* walk_clone.c: warn when the image reaches musl's public clone().
 *
 * pthread_create calls __clone with CLONE_VM|CLONE_THREAD, which the
 * runtime turns into a thread; clone() itself may ask for anything, and
 * without CLONE_THREAD it fails at run time with ENOSYS (a second process
 * or address space). Its flags are a run-time value as far as the linked
 * image shows, so the link warns and does not fail. */
#include <string.h>

#include "report.h"

/* Where clone() was found: the reference that reaches it, or the call
 * LTO inlined. */
struct clone_use {
    int sym;
    char site[256];
    char path[256]; /* inlined: " -> f -> clone" inside sym */
    bool found;
};

static struct clone_use use;

static void on_inlined(struct walk *w, const char *name, uint64_t at,
                       const char *site, const char *path)
{
    int s;

    if (use.found || strcmp(name, "clone") != 0)
        return;
    s = walk_sym_at(w, at);
    if (s < 0 || !w->syms[s].reached)
        return;
    use = (struct clone_use){.sym = s, .found = true};
    snprintf(use.site, sizeof use.site, "%s", site);
    snprintf(use.path, sizeof use.path, "%s", path);
}

/* "main -> start -> clone": the symbol chain, the inlined calls, from
 * main where main is on it. */
static void chain(const struct walk *w, char *buf, size_t len)
{
    char *from;

    report_chain_string(w, use.sym, buf, len);
    size_t used = strlen(buf);
    snprintf(buf + used, len - used, "%s", use.path);
    if (strncmp(buf, "main -> ", 8) != 0 &&
        (from = strstr(buf, " -> main -> ")))
        memmove(buf, from + 4, strlen(from + 4) + 1);
}

size_t report_clone(struct walk *w, FILE *out)
{
    int s = walk_sym_named(w, "clone");
    char via[1024];

    use = (struct clone_use){.sym = -1};
    if (s >= 0 && w->syms[s].reached) {
        use.found = true;
        walk_ref_describe(w, w->syms[s].parent, w->syms[s].site, "clone",
                          use.site, sizeof use.site, via, sizeof via);
        if (w->syms[s].parent < 0)
            use.site[0] = 0;
    } else {
        walk_dwarf_inlined(w, on_inlined);
        if (!use.found)
            return 0;
        chain(w, via, sizeof via);
    }
    fprintf(out,
            "ukcc: warning: clone() is reached %s%s%svia %s: only "
            "CLONE_VM|CLONE_THREAD threads work in a unikernel; other "
            "flags return ENOSYS\n",
            use.site[0] ? "from " : "", use.site, use.site[0] ? " " : "", via);
    return 1;
}
