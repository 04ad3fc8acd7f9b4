/* spec_closure.c: which archive members the link will contain, and so
 * which components, computed before the link from the inputs' symbols. */
#include <gelf.h>
#include <stdlib.h>
#include <string.h>

#include "spec.h"

/* The linker script's ENTRY(sym), or lld's default _start. */
static char *script_entry(const char *script)
{
    FILE *f = script ? fopen(script, "r") : NULL;
    char line[1024], *entry = NULL;

    while (f && !entry && fgets(line, sizeof line, f)) {
        char *p = strstr(line, "ENTRY(");
        if (!p)
            continue;
        p += 6;
        size_t n = strcspn(p, ") \t\n");
        entry = strndup(p, n);
    }
    if (f)
        fclose(f);
    return entry ? entry : strdup("_start");
}

/* Read the symbols of every member pulled in so far; each may pull more. */
static int closure_drain(struct spec *s)
{
    while (s->nqueue) {
        int m = s->queue[--s->nqueue];
        if (!s->members[m].read && spec_member_read(s, m, true) < 0)
            return -1;
    }
    return 0;
}

/* Is one of the space-separated components in `list` present? */
static bool any_present(const struct spec *s, const char *list)
{
    char name[128];

    for (const char *p = list; *p;) {
        size_t n = strcspn(p, " ");
        if (n && n < sizeof name) {
            memcpy(name, p, n);
            name[n] = 0;
            if (spec_comp_present(s, name))
                return true;
        }
        p += n;
        p += strspn(p, " ");
    }
    return false;
}

/* UK_COMPONENT_INIT_WITH: an init whose `with` component is present is
 * linked, by a strong reference to its function. True if one was. */
static bool closure_with(struct spec *s)
{
    bool more = false;

    for (size_t i = 0; i < s->ninits; i++) {
        struct spec_init *in = &s->inits[i];

        if (in->pulled || !*in->with || s->members[in->member].extracted ||
            !any_present(s, in->with))
            continue;
        in->pulled = true;
        spec_sym_refer(s, in->fn, false);
        more = true;
    }
    return more;
}

struct spec *spec_closure(const char *const *inputs, const char *script,
                          char *err, size_t errlen)
{
    struct spec *s = calloc(1, sizeof(*s));
    char *entry = script_entry(script);

    s->err = err;
    s->errlen = errlen;
    elf_version(EV_CURRENT);
    spec_sym_refer(s, entry, false);
    free(entry);
    for (size_t i = 0; inputs[i]; i++) {
        if (strcmp(inputs[i], "-u") == 0 && inputs[i + 1])
            spec_sym_refer(s, inputs[++i], false); /* a root, as for lld */
        else if (strncmp(inputs[i], "--undefined=", 12) == 0)
            spec_sym_refer(s, inputs[i] + 12, false);
        else if (spec_input_add(s, inputs[i]) < 0)
            goto fail;
        if (closure_drain(s) < 0)
            goto fail;
    }
    do {
        if (closure_drain(s) < 0)
            goto fail;
    } while (closure_with(s));
    for (size_t i = 0; i < s->ninits; i++)
        if (s->inits[i].pulled && !s->members[s->inits[i].member].extracted) {
            spec_error(s, "%s: UK_COMPONENT_INIT_WITH(%s, %s): no input "
                       "file defines %s where its record is",
                       s->members[s->inits[i].member].name,
                       s->inits[i].comp, s->inits[i].fn, s->inits[i].fn);
            goto fail;
        }
    if (spec_order(s) < 0)
        goto fail;
    spec_inputs_close(s);
    return s;
fail:
    spec_free(s);
    return NULL;
}

void spec_free(struct spec *s)
{
    if (!s)
        return;
    spec_inputs_close(s);
    spec_symtab_free(s);
    for (size_t i = 0; i < s->nfiles; i++)
        free(s->files[i].path);
    free(s->files);
    for (size_t i = 0; i < s->nmembers; i++)
        free(s->members[i].name);
    for (size_t i = 0; i < s->ninits; i++) {
        free(s->inits[i].comp);
        free(s->inits[i].fn);
        free(s->inits[i].phase);
        free(s->inits[i].with);
    }
    for (size_t i = 0; i < s->ndefaults; i++) {
        free(s->defaults[i].comp);
        free(s->defaults[i].words);
    }
    for (size_t i = 0; i < s->ncomps; i++) {
        free(s->comps[i].name);
        free(s->comps[i].deps);
    }
    free(s->members);
    free(s->inits);
    free(s->defaults);
    free(s->comps);
    free(s->order);
    free(s->run);
    free(s);
}
