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

#endif
