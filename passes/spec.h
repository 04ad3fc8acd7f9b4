/* spec.h: the pre-link pass that chooses components and writes the
 * specialisation object (component inits in order, command-line defaults). */
#ifndef UKCC_SPEC_H
#define UKCC_SPEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/*
 * The pass reads the link inputs as lld will (objects, then archive
 * members pulled in by undefined symbols, from the linker script's ENTRY),
 * through the ELF symbol tables of the (fat LTO) objects, and finds the
 * components whose records (kernel/component.h) the link will contain.
 * spec_emit writes a C file defining:
 *   uk_spec_init_kernel()  the kernel-phase inits, in order (kernel/main.c);
 *   a constructor(100)     the libc-phase inits, before the program's own;
 *   uk_spec_cmdline[]      command-line defaults (runtime/cmdline.c);
 * each only when it has something to do, and a .ukcc.spec section (not
 * allocated) with the components and inits, for the report. Inits are
 * named through weak references except those pulled in by `with`: the
 * object never adds a file to the link that the program did not reach.
 */

/* One record of an init (.ukcc.inits) or of defaults (.ukcc.defaults). */
struct spec_init {
    char *comp, *fn, *phase, *with;
    int member;  /* index into spec.members */
    bool pulled; /* linked because of `with`: named by a strong reference */
};
struct spec_defaults {
    char *comp, *words;
    int member;
};

/* A component record (.ukcc.components): name and deps. */
struct spec_comp {
    char *name, *deps;
    int member;
};

/* An object on the link line or an archive member. */
struct spec_member {
    char *name;   /* "dir/x.o" or "dir/libx.a(y.o)", for messages */
    int file;     /* index into spec.files */
    size_t off;   /* archive members: offset of the header */
    bool extracted;
    bool read;    /* symbols read (on extraction) */
};

struct spec_file {
    char *path;
    int fd;
    void *elf; /* Elf *: an object or an archive */
    bool archive;
};

struct spec_sym; /* spec_symtab.c */

struct spec {
    struct spec_file *files;
    size_t nfiles;
    struct spec_member *members;
    size_t nmembers;
    struct spec_init *inits;
    size_t ninits;
    struct spec_defaults *defaults;
    size_t ndefaults;
    struct spec_comp *comps;
    size_t ncomps;
    /* The result (spec_order): present components in init order, and
     * the present inits in run order (kernel phase first). */
    char **order;
    size_t norder;
    int *run; /* indexes into inits */
    size_t nrun;
    struct spec_sym **symtab; /* open addressing, nsyms_cap slots */
    size_t nsyms, nsyms_cap;
    int *queue; /* members to extract */
    size_t nqueue, queue_cap;
    bool opaque; /* an input without an ELF symbol table (pure bitcode) */
    char *err;
    size_t errlen;
};

/* spec_closure.c: the pass. inputs: the link line's files in order
 * (objects and archives), and "-u" SYMBOL or "--undefined=SYMBOL" roots,
 * NULL-terminated; script: the linker script (for ENTRY). NULL with a
 * message in err. Not modelled: --whole-archive, and the members lld
 * extracts for library calls LTO may emit (libm, __stack_chk_fail),
 * which hold no component records. */
struct spec *spec_closure(const char *const *inputs, const char *script,
                          char *err, size_t errlen);
void spec_free(struct spec *s);

/* spec_inputs.c: open one input; read a member's symbols and records */
int spec_input_add(struct spec *s, const char *path);
int spec_member_read(struct spec *s, int m, bool symbols);
void spec_inputs_close(struct spec *s);

/* spec_symtab.c: lld's resolution of defined, undefined and lazy
 * (archive) symbols; extraction goes on s->queue */
void spec_sym_define(struct spec *s, const char *name);
void spec_sym_refer(struct spec *s, const char *name, bool weak);
void spec_sym_lazy(struct spec *s, const char *name, int member);
bool spec_sym_defined(const struct spec *s, const char *name);
void spec_symtab_free(struct spec *s);

/* spec_order.c: present components in dependency order (ties by name)
 * and the inits to run; -1 with a message naming a cycle or a bad phase. */
int spec_order(struct spec *s);
bool spec_comp_present(const struct spec *s, const char *name);

/* spec_emit.c: the C source of the specialisation object. boot_args:
 * ukcc --boot-args words (after the components' defaults), or NULL. */
void spec_emit(const struct spec *s, const char *boot_args, FILE *out);
/* The command-line defaults: components' then boot_args (malloc'd). */
char *spec_cmdline(const struct spec *s, const char *boot_args);

/* spec_error.c: a message into s->err; returns -1 */
int spec_error(struct spec *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
