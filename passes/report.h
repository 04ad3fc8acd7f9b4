/* report.h: the symbol walk of a linked image and the reports built on it. */
#ifndef UKCC_REPORT_H
#define UKCC_REPORT_H

#include <gelf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "passes.h"

/* A function or object of the linked ELF (one per address: aliases fold). */
struct wsym {
    const char *name;
    uint64_t addr, size;
    uint64_t own;      /* the size the ELF gives it (labels: the size) */
    size_t sec;        /* index into walk.secs */
    const char *file;  /* source file (DWARF compile unit), or NULL */
    int comp;          /* index into walk.comps */
    int parent;        /* BFS: the symbol that first reached this one, -1 */
    uint64_t site;     /* BFS: address of that reference in the parent */
    bool reached;
    bool gap;          /* not a symbol: bytes between symbols (strings,
                        * jump tables, padding), a node of its own */
    bool label;        /* no size in the ELF: an assembler label, whose
                        * code may fall through into the next symbol */
};

/* An allocated section of the image. */
struct wsec {
    const char *name;
    uint64_t addr, size;
    bool in_file; /* not NOBITS: its bytes are in the image file */
};

/* A component record from .ukcc.components (see kernel/component.h). */
struct wcomp {
    const char *name, *desc, *deps, *paths;
    uint64_t size, bss;  /* bytes of its symbols in the file / in .bss */
    size_t nsyms;
    int reason;          /* the reached symbol with the shortest chain */
    unsigned depth;      /* that chain's length */
};

/* An init the specialisation object runs (walk_spec.c). */
struct wspec_init {
    char *phase, *comp, *fn;
};

/* A call a unikernel cannot honour, found reachable. */
struct wbad {
    const char *call;    /* the libc-facing name: "fork" */
    const char *why;     /* what it would need */
    int sym;             /* the symbol reached (or the inlining function) */
    char site[256];      /* "main.c:42 (spawn_worker)" or "" */
    bool inlined;        /* the call was inlined into sym */
    char path[256];      /* inlined: " -> main -> ... -> fork" inside sym */
};

/* Any symbol name with its address: aliases are looked up through these. */
struct wname {
    const char *name;
    uint64_t addr;
};

struct walk {
    const char *elf_path, *image_path;
    int fd;
    Elf *elf;
    void *dwarf; /* Dwarf *, or NULL without debug information */
    struct wsec *secs;
    size_t nsecs;
    struct wsym *syms; /* sorted by address */
    size_t nsyms;
    struct wname *names;
    size_t nnames;
    bool *edge_loose;  /* from bytes outside the symbol's own size */
    int *edge_start;   /* CSR adjacency: edges of sym i are */
    int *edge_to;      /* edge_to[edge_start[i] .. edge_start[i + 1]] */
    uint64_t *edge_at; /* address of each reference */
    size_t nedges;
    int entry;
    struct wcomp *comps;
    size_t ncomps;
    struct wbad *bad;
    size_t nbad;
    uint64_t image_size;  /* bytes of the image file */
    uint64_t sec_bytes;   /* bytes of allocated sections in the file */
    uint64_t sym_bytes;   /* of which inside symbols */
    uint64_t inputs_size; /* code and data of the linked inputs, or 0 */
    size_t ninputs;
    struct report_compare *cmp;
    size_t ncmp;
    bool has_spec;            /* the image has a .ukcc.spec section */
    char **spec_comps;        /* components, in init order */
    size_t nspec_comps;
    struct wspec_init *spec_inits; /* inits, in run order */
    size_t nspec_inits;
    char *spec_cmdline;       /* command-line defaults, or NULL */
    char *err;
    size_t errlen;
};

/* walk_elf.c: sections and symbols of the linked ELF */
int walk_elf_read(struct walk *w);
int walk_sym_at(const struct walk *w, uint64_t addr);
int walk_sym_named(const struct walk *w, const char *name);

/* walk_graph.c: references from relocations, reachability from the entry */
int walk_graph_build(struct walk *w);
/* Every relocation of an allocated section (not of debug sections), with
 * its symbol and that symbol's name (NULL if it has none). */
typedef void walk_rela_fn(const struct walk *w, const GElf_Rela *rel,
                          const GElf_Sym *sym, const char *name, void *ctx);
void walk_each_rela(const struct walk *w, walk_rela_fn *fn, void *ctx);
unsigned walk_chain(const struct walk *w, int sym, int *out, unsigned max);

/* walk_dwarf.c: source files, call-site lines and inlined calls */
int walk_dwarf_open(struct walk *w);
void walk_dwarf_files(struct walk *w);
void walk_dwarf_site(const struct walk *w, uint64_t addr, char *buf,
                     size_t len);
void walk_dwarf_inlined(struct walk *w,
                        void (*found)(struct walk *, const char *name,
                                      uint64_t at, const char *site,
                                      const char *path));
const char *walk_dwarf_inlined_at(const struct walk *w, uint64_t addr,
                                  char *buf, size_t len);
void walk_dwarf_close(struct walk *w);
const char *walk_short_path(const char *path);

/* walk_components.c: component records, attribution and sizes */
int walk_components(struct walk *w);
int walk_comp_find(const struct walk *w, const char *name);
void walk_records_archive(struct walk *w, const char *path);

/* walk_spec.c: the specialisation object's record (.ukcc.spec) */
void walk_spec(struct walk *w);
void walk_spec_free(struct walk *w);

/* walk_unsupported.c: calls that cannot work in a unikernel */
void walk_unsupported(struct walk *w);

/* walk_undefined.c: a reference's call site and chain, as messages say */
void walk_ref_describe(const struct walk *w, int from, uint64_t at,
                       const char *name, char *site, size_t sitelen,
                       char *chain, size_t chainlen);

/* report_text.c, report_json.c, report_html.c: the three renderings */
void report_text(const struct walk *w, FILE *out);
void report_json(const struct walk *w, FILE *out);
void report_html(const struct walk *w, FILE *out);

/* report_util.c: helpers the renderings share */
void report_json_string(FILE *out, const char *s);
int report_syscalls(const struct walk *w, const char **names, int max);
void report_chain_string(const struct walk *w, int sym, char *buf,
                         size_t len);
int report_walk_error(struct walk *w, const char *fmt, ...);

#endif
