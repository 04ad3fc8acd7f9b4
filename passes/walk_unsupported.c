/* walk_unsupported.c: find the calls that cannot work in a unikernel
 * (fork, exec*, wait*, system, dlopen, ...) among what the image reaches,
 * each with the chain from the entry that reaches it. */
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* The symbols that mean the program asks for one of these; family groups
 * the libc entry with what it calls (fork -> _Fork -> uk_sys_fork), so
 * that one call is reported once, by the name the program used. */
struct bad_call {
    const char *sym, *call, *family, *why;
};

static const char proc[] = "one image runs one program, with no other "
                           "processes";
static const char children[] = "there are no child processes to wait for";
static const char dl[] = "the image is linked statically, with nothing "
                         "to load";

static const struct bad_call bad_calls[] = {
    {"fork", "fork", "fork", proc},
    {"_Fork", "fork", "fork", proc},
    {"uk_sys_fork", "fork", "fork", proc},
    {"vfork", "vfork", "vfork", proc},
    {"uk_sys_vfork", "vfork", "vfork", proc},
    {"daemon", "daemon", "daemon", proc},
    {"system", "system", "system", proc},
    {"popen", "popen", "popen", proc},
    {"posix_spawn", "posix_spawn", "spawn", proc},
    {"posix_spawnp", "posix_spawnp", "spawn", proc},
    {"execl", "execl", "exec", proc},
    {"execle", "execle", "exec", proc},
    {"execlp", "execlp", "exec", proc},
    {"execv", "execv", "exec", proc},
    {"execvp", "execvp", "exec", proc},
    {"execvpe", "execvpe", "exec", proc},
    {"fexecve", "fexecve", "exec", proc},
    {"execve", "execve", "exec", proc},
    {"uk_sys_execve", "execve", "exec", proc},
    {"uk_sys_execveat", "execveat", "exec", proc},
    {"wait", "wait", "wait", children},
    {"waitpid", "waitpid", "wait", children},
    {"wait3", "wait3", "wait", children},
    {"wait4", "wait4", "wait", children},
    {"waitid", "waitid", "wait", children},
    {"uk_sys_wait4", "wait4", "wait", children},
    {"uk_sys_waitid", "waitid", "wait", children},
    {"dlopen", "dlopen", "dl", dl},
    {"dlsym", "dlsym", "dl", dl},
    {"ptrace", "ptrace", "ptrace", "there is no other process to trace"},
    {"uk_sys_ptrace", "ptrace", "ptrace",
     "there is no other process to trace"},
};

#define NBAD (sizeof(bad_calls) / sizeof(bad_calls[0]))

/* One candidate per table entry found: its symbol and how it was found. */
struct cand {
    const struct bad_call *bc;
    int sym;
    bool inlined;
    char site[256];
    char path[256];
};

static struct cand cands[NBAD * 4];
static size_t ncands;

static const struct bad_call *lookup(const char *name)
{
    for (size_t i = 0; i < NBAD; i++)
        if (strcmp(bad_calls[i].sym, name) == 0)
            return &bad_calls[i];
    return NULL;
}

/* Is a function on path (before its last step) itself unsupported? */
static bool inside_bad(const char *path)
{
    char name[128];
    const char *last = strrchr(path, '>');

    for (const char *p = path; (p = strstr(p, " -> ")) && p + 2 < last;) {
        p += 4;
        size_t n = strcspn(p, " ");
        if (n < sizeof name) {
            memcpy(name, p, n);
            name[n] = 0;
            if (lookup(name))
                return true;
        }
    }
    return false;
}

static void on_inlined(struct walk *w, const char *name, uint64_t at,
                       const char *site, const char *path)
{
    const struct bad_call *bc = lookup(name);
    int s = bc && !inside_bad(path) ? walk_sym_at(w, at) : -1;

    if (s < 0 || !w->syms[s].reached || ncands == sizeof cands / sizeof *cands)
        return;
    cands[ncands] = (struct cand){bc, s, true, "", ""};
    snprintf(cands[ncands].site, sizeof cands[0].site, "%s", site);
    snprintf(cands[ncands].path, sizeof cands[0].path, "%s", path);
    ncands++;
}

/* Is candidate c reached only through another one, or only through the
 * dispatcher of syscall(n) with a run-time n (which links every handler,
 * whether the program asks for that call or not)? */
static bool shadowed(const struct walk *w, size_t c)
{
    int chain[256];
    unsigned n = walk_chain(w, cands[c].sym, chain, 256);

    for (unsigned i = 0; i + 1 < n; i++) {
        if (strcmp(w->syms[chain[i]].name, "uk_syscall_dispatch") == 0)
            return true;
        for (size_t o = 0; o < ncands; o++)
            if (o != c && !cands[o].inlined && cands[o].sym == chain[i])
                return true;
    }
    /* Inlined into a function that is itself unsupported (waitpid in
     * system): that one is the call the program made. */
    for (size_t o = 0; o < ncands; o++)
        if (o != c && cands[c].inlined && !cands[o].inlined &&
            cands[o].sym == cands[c].sym)
            return true;
    /* The same call found by an earlier name, or found again. */
    for (size_t o = 0; o < ncands; o++)
        if (o != c &&
            strcmp(cands[o].bc->family, cands[c].bc->family) == 0 &&
            (cands[o].bc < cands[c].bc ||
             (cands[o].bc == cands[c].bc && o < c)))
            return true;
    return false;
}

void walk_unsupported(struct walk *w)
{
    ncands = 0;
    for (size_t i = 0; i < NBAD; i++) {
        int s = walk_sym_named(w, bad_calls[i].sym);

        if (s < 0 || !w->syms[s].reached)
            continue;
        struct cand *c = &cands[ncands++];
        *c = (struct cand){&bad_calls[i], s, false, "", ""};
        if (w->syms[s].parent >= 0)
            walk_dwarf_site(w, w->syms[s].site, c->site, sizeof c->site);
    }
    walk_dwarf_inlined(w, on_inlined);
    w->bad = calloc(ncands + 1, sizeof(*w->bad));
    w->nbad = 0;
    for (size_t c = 0; c < ncands; c++) {
        if (shadowed(w, c))
            continue;
        struct wbad *b = &w->bad[w->nbad++];
        b->call = cands[c].bc->call;
        b->why = cands[c].bc->why;
        b->sym = cands[c].sym;
        b->inlined = cands[c].inlined;
        snprintf(b->site, sizeof b->site, "%s", cands[c].site);
        snprintf(b->path, sizeof b->path, "%s", cands[c].path);
    }
}
