/* walk_spec.c: what the specialisation object recorded in the image
 * (.ukcc.spec, passes/spec_emit.c): components and inits in order. */
#include <stdlib.h>
#include <string.h>

#include "report.h"

static void spec_line(struct walk *w, const char *line)
{
    char phase[32], comp[128], fn[128];

    if (strncmp(line, "component ", 10) == 0) {
        w->spec_comps = realloc(w->spec_comps,
                                (w->nspec_comps + 1) * sizeof(char *));
        w->spec_comps[w->nspec_comps++] = strdup(line + 10);
    } else if (sscanf(line, "init %31s %127s %127s", phase, comp, fn) == 3) {
        w->spec_inits = realloc(w->spec_inits, (w->nspec_inits + 1) *
                                                   sizeof(*w->spec_inits));
        w->spec_inits[w->nspec_inits++] =
            (struct wspec_init){strdup(phase), strdup(comp), strdup(fn)};
    } else if (strncmp(line, "cmdline ", 8) == 0 && !w->spec_cmdline) {
        w->spec_cmdline = strdup(line + 8);
    }
}

void walk_spec(struct walk *w)
{
    Elf_Scn *scn = NULL;
    size_t shstrndx;

    if (elf_getshdrstrndx(w->elf, &shstrndx) < 0)
        return;
    while ((scn = elf_nextscn(w->elf, scn))) {
        GElf_Shdr sh;
        const char *name;

        if (!gelf_getshdr(scn, &sh) ||
            !(name = elf_strptr(w->elf, shstrndx, sh.sh_name)) ||
            strcmp(name, ".ukcc.spec") != 0)
            continue;
        Elf_Data *d = elf_getdata(scn, NULL);
        const char *p = d ? d->d_buf : NULL, *end = p ? p + d->d_size : p;

        w->has_spec = true;
        while (p && p < end) {
            const char *z = memchr(p, 0, (size_t)(end - p));
            if (!z)
                break; /* truncated: the rest is ignored */
            spec_line(w, p);
            p = z + 1;
        }
    }
}

void walk_spec_free(struct walk *w)
{
    for (size_t i = 0; i < w->nspec_comps; i++)
        free(w->spec_comps[i]);
    for (size_t i = 0; i < w->nspec_inits; i++) {
        free(w->spec_inits[i].phase);
        free(w->spec_inits[i].comp);
        free(w->spec_inits[i].fn);
    }
    free(w->spec_comps);
    free(w->spec_inits);
    free(w->spec_cmdline);
}
