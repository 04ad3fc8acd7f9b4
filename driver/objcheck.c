/* objcheck.c: inputs ukcc cannot use, refused in one error line each. */
#include <elf.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "driver.h"

#define AR_MAGIC "!<arch>\n"
#define AR_THIN "!<thin>\n"
#define AR_HDR 60

/* LLVM bitcode, bare or in its wrapper header. */
static bool is_bitcode(const unsigned char *p, size_t n)
{
    static const unsigned char bc[4] = {'B', 'C', 0xc0, 0xde};
    static const unsigned char wrap[4] = {0xde, 0xc0, 0x17, 0x0b};

    return n >= 4 && (!memcmp(p, bc, 4) || !memcmp(p, wrap, 4));
}

static const char *machine_name(unsigned m)
{
    switch (m) {
    case EM_386:
        return "i386";
    case EM_ARM:
        return "32-bit Arm";
    case EM_AARCH64:
        return "aarch64";
    case EM_RISCV:
        return "RISC-V";
    case EM_PPC64:
        return "ppc64";
    case EM_S390:
        return "s390";
    default:
        return NULL;
    }
}

/* Why the ELF object p[0..n) cannot be linked into an image, or NULL. The
 * headers are read with memcpy: archive members need not be aligned. */
static const char *objcheck_elf(const unsigned char *p, size_t n)
{
    static char why[96];
    Elf64_Ehdr eh;
    const char *arch;

    if (n < EI_NIDENT || memcmp(p, ELFMAG, SELFMAG) != 0)
        return "not an ELF file";
    if (p[EI_CLASS] == ELFCLASS32 && n >= sizeof(Elf32_Ehdr)) {
        Elf32_Ehdr e32;
        memcpy(&e32, p, sizeof e32);
        arch = machine_name(e32.e_machine);
        snprintf(why, sizeof why, "32-bit object for %s; ukcc links "
                 "x86_64 objects only", arch ? arch : "another machine");
        return why;
    }
    if (p[EI_CLASS] != ELFCLASS64 || n < sizeof eh)
        return "truncated or malformed ELF header";
    memcpy(&eh, p, sizeof eh);
    if (p[EI_DATA] != ELFDATA2LSB || eh.e_machine != EM_X86_64) {
        arch = machine_name(eh.e_machine);
        snprintf(why, sizeof why, "object for %s (ELF machine %u); ukcc "
                 "links x86_64 objects only", arch ? arch : "another machine",
                 (unsigned)eh.e_machine);
        return why;
    }
    if (eh.e_type == ET_DYN)
        return "a shared object: link the static archive (.a) instead";
    if (eh.e_type != ET_REL)
        return "a linked executable, not an object file (compile with -c)";
    if (eh.e_shnum && eh.e_shentsize != sizeof(Elf64_Shdr))
        return "malformed ELF header (section header size)";
    if (eh.e_shoff > n ||
        (uint64_t)eh.e_shnum * sizeof(Elf64_Shdr) > n - eh.e_shoff)
        return "truncated: the section headers go past the end of the file";
    for (unsigned i = 0; i < eh.e_shnum; i++) {
        Elf64_Shdr sh;
        memcpy(&sh, p + eh.e_shoff + i * sizeof sh, sizeof sh);
        if (sh.sh_type != SHT_NOBITS &&
            (sh.sh_offset > n || sh.sh_size > n - sh.sh_offset))
            return "truncated: a section goes past the end of the file";
    }
    return NULL;
}

/* Decimal ar header field of w bytes (space padded); -1 if malformed. */
static long ar_field(const unsigned char *f, int w)
{
    long v = 0;
    int i = 0;

    while (i < w && f[i] == ' ')
        i++;
    if (i == w || f[i] < '0' || f[i] > '9')
        return -1;
    for (; i < w && f[i] >= '0' && f[i] <= '9'; i++) {
        if (v > (LONG_MAX - 9) / 10)
            return -1;
        v = v * 10 + (f[i] - '0');
    }
    for (; i < w; i++)
        if (f[i] != ' ')
            return -1;
    return v;
}

/* Why the archive p[0..n) cannot be linked, or NULL; *member names the
 * member at fault (a static buffer) or is left NULL. */
static const char *objcheck_archive(const unsigned char *p, size_t n,
                                    const char **member)
{
    static char name[17];
    size_t off = sizeof(AR_MAGIC) - 1;

    *member = NULL;
    while (off < n) {
        const unsigned char *h = p + off;
        long size;
        size_t len;
        const char *why;

        if (n - off < AR_HDR)
            return "truncated archive (a member header is cut short)";
        if (h[58] != '`' || h[59] != '\n')
            return "malformed archive member header";
        size = ar_field(h + 48, 10);
        if (size < 0)
            return "malformed archive member size";
        if ((size_t)size > n - off - AR_HDR)
            return "truncated archive (a member goes past the end)";
        memcpy(name, h, 16);
        name[16] = 0;
        for (int i = 15; i > 0 && name[i] == ' '; i--)
            name[i] = 0;
        len = strlen(name); /* may be 0: the header is untrusted */
        if (len > 1 && name[len - 1] == '/')
            name[len - 1] = 0; /* GNU ar ends names with '/' */
        /* The symbol tables ("/", "/SYM64/") and long names ("//") are
         * not objects; "/123" is a member with a long name. */
        bool special = h[0] == '/' && (h[1] == ' ' || h[1] == '/' ||
                                       !memcmp(h, "/SYM64/", 7));
        if (!special && !is_bitcode(h + AR_HDR, (size_t)size)) {
            why = objcheck_elf(h + AR_HDR, (size_t)size);
            if (why) {
                *member = name;
                return why;
            }
        }
        off += AR_HDR + (size_t)size + ((size_t)size & 1);
    }
    return NULL;
}

/* Why the linker input p[0..n) cannot be used, or NULL. */
const char *objcheck_buffer(const unsigned char *p, size_t n,
                            const char **member)
{
    *member = NULL;
    if (n == 0)
        return "empty file, not an object file or archive";
    if (n >= 8 && !memcmp(p, AR_MAGIC, 8))
        return objcheck_archive(p, n, member);
    if ((n >= 8 && !memcmp(p, AR_THIN, 8)) || is_bitcode(p, n))
        return NULL; /* thin archives: members checked by lld */
    if (n >= SELFMAG && !memcmp(p, ELFMAG, SELFMAG))
        return objcheck_elf(p, n);
    return "not an object file or archive (unknown format)";
}

/* Check one linker input before the link: false after one error line
 * naming the file (and the archive member) and the problem. */
bool objcheck_file(const char *path)
{
    struct stat st;
    const char *why, *member;
    void *map = NULL;
    int fd = open(path, O_RDONLY);

    if (fd < 0 || fstat(fd, &st) < 0) {
        error("%s:", path); /* strerror(errno) */
        if (fd >= 0)
            close(fd);
        return false;
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        error("%s: is a directory, not an object file or archive", path);
        return false;
    }
    if (st.st_size > 0) {
        map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (map == MAP_FAILED) {
            error("%s:", path);
            close(fd);
            return false;
        }
    }
    close(fd);
    why = objcheck_buffer(map, (size_t)st.st_size, &member);
    if (why && member)
        error("%s(%s): %s", path, member, why);
    else if (why)
        error("%s: %s", path, why);
    if (map)
        munmap(map, (size_t)st.st_size);
    return !why;
}

/* Source text never holds a NUL byte: a file that does is binary (an object
 * named .c, say), and clang would print a screen of errors about it. */
static bool objcheck_source(const char *path)
{
    unsigned char buf[4096];
    size_t n;
    bool binary = false;
    FILE *f = fopen(path, "rb");

    if (!f) {
        error("%s:", path);
        return false;
    }
    while (!binary && (n = fread(buf, 1, sizeof buf, f)) > 0)
        binary = memchr(buf, 0, n) != NULL;
    fclose(f);
    if (binary)
        error("%s: binary file (it has NUL bytes), not source text", path);
    return !binary;
}

/* An input after input_classify: no directories, and a linker input must be
 * something lld can link (lld would read garbage as a linker script, and
 * name the problem in two lines of its own). */
bool objcheck_input(const struct item *in, enum stage last)
{
    struct stat st;

    if (in->kind != ITEM_INPUT || strcmp(in->text, "-") == 0)
        return true;
    if (stat(in->text, &st) == 0 && S_ISDIR(st.st_mode)) {
        error("%s: is a directory, not an input file", in->text);
        return false;
    }
    /* A pipe or /dev/stdin can be read once only: that is clang's or
     * lld's to do. */
    if (stat(in->text, &st) == 0 && !S_ISREG(st.st_mode))
        return true;
    if (in->lang != LANG_OBJECT)
        return objcheck_source(in->text);
    if (last != LINK)
        return true;
    return objcheck_file(in->text);
}
