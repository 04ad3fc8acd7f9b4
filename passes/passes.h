/* passes.h: the post-link passes ukcc runs on a linked image. */
#ifndef UKCC_PASSES_H
#define UKCC_PASSES_H

#include <stddef.h>

/*
 * image_pack.c: pack the PT_LOAD segments of the image lld wrote at in_path
 * back to back in the file, give each the physical address 0x100000 + its
 * new file offset, and write the result to out_path (mode 0755, through a
 * temporary file renamed into place, so out_path is never half-written; it
 * may be in_path). Returns 0, or -1 with a message naming the file in err.
 */
int image_pack(const char *in_path, const char *out_path, char *err,
               size_t errlen);

/*
 * image_probe.c: 1 if the ELF at path has a .multiboot section, that is,
 * was linked by ukcc's own linker script; 0 otherwise (or unreadable).
 */
int image_has_multiboot(const char *path);

/*
 * report.c: the link-time walk of an image and its report. report_open
 * reads the unstripped ELF at elf_path (linked with --emit-relocs; line
 * tables make the chains name files and lines) and sizes the image file
 * at image_path (NULL: the ELF itself); component records come from the
 * ELF and from the archives (NULL-terminated list, may be NULL); NULL
 * with a message in err.
 * report_unsupported prints one "ukcc: error:" line (warning: if allowed)
 * per call that cannot work in a unikernel and returns their number.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct walk;
enum report_format { REPORT_TEXT, REPORT_JSON, REPORT_HTML };

/* A baseline the image is compared with (musl-gcc -static, ...). */
struct report_compare {
    const char *name;
    uint64_t size;
    const char *note;
};

struct walk *report_open(const char *elf_path, const char *image_path,
                         const char *const *archives, char *err,
                         size_t errlen);
size_t report_unsupported(const struct walk *w, FILE *out, bool allowed);
/* walk_clone.c: one "ukcc: warning:" line, with the chain, when the image
 * reaches clone() (threads only: other flags fail at run time); 1 if so. */
size_t report_clone(struct walk *w, FILE *out);
/* walk_inputs.c: the inputs' sizes, for what LTO and gc removed: the
 * objects (NULL-terminated) and the members lld's --why-extract=FILE
 * lists. -1 if why_extract cannot be read. */
int report_read_inputs(struct walk *w, const char *why_extract,
                       const char *const *objects);
void report_add_compare(struct walk *w, const char *name, uint64_t size,
                        const char *note);
int report_format_parse(const char *s, enum report_format *f);
void report_write(const struct walk *w, enum report_format f, FILE *out);
void report_close(struct walk *w);

/*
 * walk_undefined.c: the symbols an image linked with
 * --unresolved-symbols=ignore-all still lacks (global, undefined and
 * referenced from its code or data), in order of first reference, at
 * most max of them into out; returns how many there are in all. For each,
 * the reference reached first from main: site "main.c:12 (start_server)"
 * ("" without line tables), func the function that holds it ("" if none)
 * and chain "main -> start_server -> foo" (with the calls LTO inlined).
 */
struct report_undef {
    const char *name, *func;
    char site[256];
    char chain[1024];
};
size_t report_undefined(const struct walk *w, struct report_undef *out,
                        size_t max);
/* The first of objects (ELF objects or ar archives, NULL-terminated) that
 * defines sym, as "x.o" or "lib.a(m.o)" into buf; false if none does. */
bool report_definer(const char *const *objects, const char *sym, char *buf,
                    size_t len);

#endif
