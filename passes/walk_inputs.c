/* walk_inputs.c: what the link started from: the allocated bytes of the
 * objects and of the archive members lld extracted (its --why-extract
 * list), before LTO and --gc-sections removed what nothing reaches. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report.h"

/* Allocated bytes of one object (the native part of a fat LTO object). */
static uint64_t alloc_bytes(Elf *e)
{
    Elf_Scn *scn = NULL;
    uint64_t n = 0;

    if (elf_kind(e) != ELF_K_ELF)
        return 0;
    while ((scn = elf_nextscn(e, scn))) {
        GElf_Shdr sh;

        if (gelf_getshdr(scn, &sh) && (sh.sh_flags & SHF_ALLOC) &&
            sh.sh_type != SHT_NOBITS)
            n += sh.sh_size;
    }
    return n;
}

/* path is "file.o" or "lib.a(member.o)": sum it once per distinct name. */
static void add_input(struct walk *w, const char *path)
{
    char *copy = strdup(path), *member = NULL, *paren = strrchr(copy, '(');
    int fd;
    Elf *ar, *m;

    if (paren && copy[strlen(copy) - 1] == ')') {
        *paren = 0;
        member = paren + 1;
        member[strlen(member) - 1] = 0;
    }
    fd = open(copy, O_RDONLY);
    ar = fd >= 0 ? elf_begin(fd, ELF_C_READ, NULL) : NULL;
    if (ar && !member) {
        w->inputs_size += alloc_bytes(ar);
        w->ninputs++;
    }
    while (ar && member && (m = elf_begin(fd, ELF_C_READ, ar))) {
        Elf_Arhdr *h = elf_getarhdr(m);
        if (h && h->ar_name && strcmp(h->ar_name, member) == 0) {
            w->inputs_size += alloc_bytes(m);
            w->ninputs++;
            elf_end(m);
            break;
        }
        elf_next(m);
        elf_end(m);
    }
    if (ar)
        elf_end(ar);
    if (fd >= 0)
        close(fd);
    free(copy);
}

int report_read_inputs(struct walk *w, const char *why_extract,
                       const char *const *objects)
{
    FILE *f = fopen(why_extract, "r");
    char line[8192];
    char **seen = NULL;
    size_t nseen = 0;

    for (size_t i = 0; objects && objects[i]; i++)
        add_input(w, objects[i]);
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f)) {
        char *tab1 = strchr(line, '\t'), *tab2;
        bool dup = false;

        if (!tab1 || !(tab2 = strchr(tab1 + 1, '\t')))
            continue;
        *tab2 = 0;
        for (size_t i = 0; i < nseen && !dup; i++)
            dup = strcmp(seen[i], tab1 + 1) == 0;
        if (dup || strcmp(tab1 + 1, "extracted") == 0)
            continue;
        seen = realloc(seen, (nseen + 1) * sizeof(*seen));
        seen[nseen++] = strdup(tab1 + 1);
        add_input(w, tab1 + 1);
    }
    for (size_t i = 0; i < nseen; i++)
        free(seen[i]);
    free(seen);
    fclose(f);
    return 0;
}
