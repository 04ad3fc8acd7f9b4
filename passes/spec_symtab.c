/* spec_symtab.c: the symbol table of the simulated link, resolved as lld
 * resolves it: a strong undefined symbol pulls in the archive member that
 * defines it, whichever comes first on the command line; a weak one does
 * not. */
#include <stdlib.h>
#include <string.h>

#include "spec.h"

enum sym_state { SYM_UNDEF, SYM_WEAK_UNDEF, SYM_LAZY, SYM_DEFINED };

struct spec_sym {
    char *name;
    enum sym_state state;
    int member; /* SYM_LAZY: the member that would define it */
};

static size_t sym_hash(const char *name)
{
    size_t h = 14695981039346656037UL;

    while (*name)
        h = (h ^ (unsigned char)*name++) * 1099511628211UL;
    return h;
}

static void sym_grow(struct spec *s);

/* The slot of name: the symbol, or an empty slot to put it in. */
static struct spec_sym **sym_slot(struct spec *s, const char *name)
{
    size_t mask = s->nsyms_cap - 1, i = sym_hash(name) & mask;

    while (s->symtab[i] && strcmp(s->symtab[i]->name, name) != 0)
        i = (i + 1) & mask;
    return &s->symtab[i];
}

static struct spec_sym *sym_get(struct spec *s, const char *name,
                                enum sym_state state)
{
    if (2 * (s->nsyms + 1) > s->nsyms_cap)
        sym_grow(s);
    struct spec_sym **slot = sym_slot(s, name);
    if (!*slot) {
        *slot = malloc(sizeof(**slot));
        **slot = (struct spec_sym){strdup(name), state, -1};
        s->nsyms++;
    }
    return *slot;
}

static void sym_grow(struct spec *s)
{
    struct spec_sym **old = s->symtab;
    size_t cap = s->nsyms_cap;

    s->nsyms_cap = cap ? 2 * cap : 4096;
    s->symtab = calloc(s->nsyms_cap, sizeof(*s->symtab));
    for (size_t i = 0; i < cap; i++)
        if (old[i])
            *sym_slot(s, old[i]->name) = old[i];
    free(old);
}

static void sym_extract(struct spec *s, int m)
{
    if (s->members[m].extracted)
        return;
    s->members[m].extracted = true;
    if (s->nqueue == s->queue_cap) {
        s->queue_cap = s->queue_cap ? 2 * s->queue_cap : 64;
        s->queue = realloc(s->queue, s->queue_cap * sizeof(*s->queue));
    }
    s->queue[s->nqueue++] = m;
}

void spec_sym_define(struct spec *s, const char *name)
{
    sym_get(s, name, SYM_DEFINED)->state = SYM_DEFINED;
}

void spec_sym_refer(struct spec *s, const char *name, bool weak)
{
    struct spec_sym *y = sym_get(s, name, weak ? SYM_WEAK_UNDEF : SYM_UNDEF);

    if (weak)
        return;
    if (y->state == SYM_WEAK_UNDEF)
        y->state = SYM_UNDEF;
    else if (y->state == SYM_LAZY) {
        y->state = SYM_DEFINED; /* by the member, read from the queue */
        sym_extract(s, y->member);
    }
}

/* A weak undefined symbol becomes lazy: a later strong reference pulls
 * the member in, as with lld. The first archive to offer a symbol wins. */
void spec_sym_lazy(struct spec *s, const char *name, int member)
{
    struct spec_sym *y = sym_get(s, name, SYM_LAZY);

    if (y->state == SYM_UNDEF) {
        y->state = SYM_DEFINED;
        sym_extract(s, member);
    } else if (y->state == SYM_WEAK_UNDEF ||
               (y->state == SYM_LAZY && y->member < 0)) {
        y->state = SYM_LAZY;
        y->member = member;
    }
}

bool spec_sym_defined(const struct spec *s, const char *name)
{
    if (!s->nsyms_cap)
        return false;
    struct spec_sym **slot = sym_slot((struct spec *)s, name);
    return *slot && (*slot)->state == SYM_DEFINED;
}

void spec_symtab_free(struct spec *s)
{
    for (size_t i = 0; i < s->nsyms_cap; i++)
        if (s->symtab[i]) {
            free(s->symtab[i]->name);
            free(s->symtab[i]);
        }
    free(s->symtab);
    free(s->queue);
}
