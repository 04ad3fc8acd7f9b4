/* pack.h: internals of the image_pack pass, one group per file. */
#ifndef UKCC_PACK_H
#define UKCC_PACK_H

#include <gelf.h>
#include <stdint.h>

/* No PT_LOAD holds the section: it goes after the last PT_LOAD. */
#define PACK_NO_LOAD ((size_t)-1)

/* One section of the input, and where the output puts it. */
struct pack_scn {
    GElf_Shdr shdr;   /* as lld wrote it */
    const char *name; /* from .shstrtab, "" if it has none */
    Elf_Data *data;   /* raw bytes of the input, NULL for SHT_NOBITS */
    size_t load;      /* index in pack.ph of its PT_LOAD, or PACK_NO_LOAD */
    uint64_t offset;  /* sh_offset in the output */
};

struct pack {
    const char *in_path;
    char *err;
    size_t errlen;
    int in_fd;
    Elf *in;
    GElf_Ehdr ehdr; /* input header; e_shoff becomes the output's */
    size_t phnum;
    GElf_Phdr *ph;     /* input program headers */
    GElf_Phdr *out_ph; /* output program headers */
    size_t shnum;
    struct pack_scn *scn;
    size_t first_load; /* index in ph of the first PT_LOAD */
    uint64_t load_end; /* file end of the last PT_LOAD in the output */
    size_t mb_scn;     /* section index of .multiboot */
    unsigned char *mb; /* its contents, with load_end_addr patched */
};

/* pack_error.c: "<file>: message" into pack.err; all return -1 */
int pack_fail(struct pack *p, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int pack_elf_fail(struct pack *p, const char *file, const char *call);
int pack_sys_fail(struct pack *p, const char *file, const char *what);

/* pack_read.c: open the input and load its headers and sections. Section
 * alignments above PACK_MAX_ALIGN (a 2 MiB page) are refused as corrupt. */
#define PACK_MAX_ALIGN (1ULL << 21)
int pack_read(struct pack *p);
void pack_release(struct pack *p);

/* pack_check.c: refuse inputs and layouts that cannot boot */
int pack_check_loads(struct pack *p);
int pack_check_unmoved(struct pack *p, uint64_t addr, const char *what);
int pack_check_entry(struct pack *p);

/* pack_layout.c: the new file offsets and program headers */
int pack_layout(struct pack *p);
uint64_t pack_load_shift(const struct pack *p, size_t load);

/* pack_multiboot.c: load_end_addr of the multiboot a.out kludge */
int pack_multiboot(struct pack *p);

/* pack_write.c: write the output through libelf, atomically */
int pack_write(struct pack *p, const char *out_path);

#endif
