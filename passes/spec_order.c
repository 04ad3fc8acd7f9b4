/* spec_order.c: the present components in the order of their deps (ties
 * by name, so the same inputs give the same image), and their inits. */
#include <stdlib.h>
#include <string.h>

#include "spec.h"

bool spec_comp_present(const struct spec *s, const char *name)
{
    for (size_t i = 0; i < s->ncomps; i++)
        if (s->members[s->comps[i].member].extracted &&
            strcmp(s->comps[i].name, name) == 0)
            return true;
    for (size_t i = 0; i < s->ninits; i++)
        if (s->members[s->inits[i].member].extracted &&
            strcmp(s->inits[i].comp, name) == 0)
            return true;
    for (size_t i = 0; i < s->ndefaults; i++)
        if (s->members[s->defaults[i].member].extracted &&
            strcmp(s->defaults[i].comp, name) == 0)
            return true;
    return false;
}

/* An input without symbols we can read (pure bitcode) may pull in any
 * archive member: then every member's inits are named (weakly, so lld
 * still decides), but only linked members' defaults are taken. */
static bool init_listed(const struct spec *s, const struct spec_init *in)
{
    return s->members[in->member].extracted || (s->opaque && !*in->with);
}

static bool comp_listed(const struct spec *s, const char *name)
{
    if (spec_comp_present(s, name))
        return true;
    for (size_t i = 0; s->opaque && i < s->ncomps; i++)
        if (strcmp(s->comps[i].name, name) == 0)
            return true;
    for (size_t i = 0; i < s->ninits; i++)
        if (init_listed(s, &s->inits[i]) &&
            strcmp(s->inits[i].comp, name) == 0)
            return true;
    return false;
}

/* The function name goes into assembler source as it is. */
static bool symbol_name_ok(const char *name)
{
    if (!*name || (*name >= '0' && *name <= '9'))
        return false;
    for (const char *p = name; *p; p++)
        if (!(*p == '_' || *p == '.' || (*p >= '0' && *p <= '9') ||
              (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
            return false;
    return true;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void order_add_name(char ***v, size_t *n, const char *name)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp((*v)[i], name) == 0)
            return;
    *v = realloc(*v, (*n + 1) * sizeof(**v));
    (*v)[(*n)++] = (char *)name;
}

/* Does component a depend on b directly? Its deps are those of all its
 * records: a component's record may sit in a file the link leaves out. */
static bool depends(const struct spec *s, const char *a, const char *b)
{
    size_t len = strlen(b);

    for (size_t i = 0; i < s->ncomps; i++) {
        if (strcmp(s->comps[i].name, a) != 0)
            continue;
        for (const char *p = s->comps[i].deps; *p;) {
            size_t n = strcspn(p, " ");
            if (n == len && strncmp(p, b, n) == 0)
                return true;
            p += n;
            p += strspn(p, " ");
        }
    }
    return false;
}

/* Nothing is ready: name a cycle among the components left (each has a
 * dependency left, so following them must come back). */
static int order_cycle(struct spec *s, char **left, size_t nleft)
{
    size_t path[64], n = 0, cur = 0;
    char msg[512] = "";

    for (;;) {
        for (size_t k = 0; k < n; k++)
            if (path[k] == cur) {
                size_t len = 0;
                for (size_t j = k; j < n && len < sizeof msg; j++)
                    len += (size_t)snprintf(msg + len, sizeof msg - len,
                                            "%s -> ", left[path[j]]);
                if (len < sizeof msg)
                    snprintf(msg + len, sizeof msg - len, "%s", left[cur]);
                return spec_error(s, "component dependency cycle: %s (see "
                                  "the deps of their UK_COMPONENT records)",
                                  msg);
            }
        if (n == sizeof path / sizeof path[0])
            return spec_error(s, "component dependency cycle among %zu "
                              "components", nleft);
        path[n++] = cur;
        for (size_t j = 0; j < nleft; j++)
            if (depends(s, left[cur], left[j])) {
                cur = j;
                break;
            }
    }
}

/* Kahn's algorithm; the smallest name among the ready goes first. */
static int order_components(struct spec *s, char **left, size_t nleft)
{
    while (nleft) {
        size_t pick = nleft;
        for (size_t i = 0; i < nleft && pick == nleft; i++) {
            bool ready = true;
            for (size_t j = 0; j < nleft && ready; j++)
                ready = j == i || !depends(s, left[i], left[j]);
            if (ready)
                pick = i; /* left is sorted: the first ready is smallest */
        }
        if (pick == nleft)
            return order_cycle(s, left, nleft);
        s->order[s->norder++] = left[pick];
        memmove(left + pick, left + pick + 1,
                (nleft - pick - 1) * sizeof(*left));
        nleft--;
    }
    return 0;
}

static void order_inits(struct spec *s, const char *phase)
{
    for (size_t c = 0; c < s->norder; c++)
        for (size_t i = 0; i < s->ninits; i++)
            if (init_listed(s, &s->inits[i]) &&
                strcmp(s->inits[i].comp, s->order[c]) == 0 &&
                strcmp(s->inits[i].phase, phase) == 0)
                s->run[s->nrun++] = (int)i;
}

int spec_order(struct spec *s)
{
    char **names = NULL;
    size_t n = 0;

    for (size_t i = 0; i < s->ncomps; i++)
        order_add_name(&names, &n, s->comps[i].name);
    for (size_t i = 0; i < s->ninits; i++)
        order_add_name(&names, &n, s->inits[i].comp);
    for (size_t i = 0; i < s->ndefaults; i++)
        order_add_name(&names, &n, s->defaults[i].comp);
    size_t nleft = 0;
    for (size_t i = 0; i < n; i++)
        if (comp_listed(s, names[i]))
            names[nleft++] = names[i];
    if (nleft)
        qsort(names, nleft, sizeof(*names), name_cmp);
    for (size_t i = 0; i < s->ninits; i++) {
        const struct spec_init *in = &s->inits[i];
        if (init_listed(s, in) && strcmp(in->phase, "kernel") != 0 &&
            strcmp(in->phase, "libc") != 0) {
            free(names);
            return spec_error(s, "%s: UK_COMPONENT_INIT(%s, %s, %s): the "
                              "phase must be kernel or libc",
                              s->members[in->member].name, in->comp,
                              in->fn, in->phase);
        }
        if ((init_listed(s, in) || in->pulled) && !symbol_name_ok(in->fn)) {
            free(names);
            return spec_error(s, "%s: a UK_COMPONENT_INIT record of "
                              "component %s names no function",
                              s->members[in->member].name, in->comp);
        }
    }
    s->order = calloc(nleft + 1, sizeof(*s->order));
    s->run = calloc(s->ninits + 1, sizeof(*s->run));
    int r = order_components(s, names, nleft);
    free(names);
    if (r < 0)
        return -1;
    order_inits(s, "kernel");
    order_inits(s, "libc");
    return 0;
}
