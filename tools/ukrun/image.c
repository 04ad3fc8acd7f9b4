/* image.c: check the image up front, so mistakes get a clear message. */
#define _DEFAULT_SOURCE /* realpath, symlink */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ukrun.h"

static const unsigned char image_elf_magic[4] = {0x7f, 'E', 'L', 'F'};

/* Only the magic is checked: QEMU names what else is wrong with a bad ELF,
 * and ukrun then reports that QEMU failed. */
void image_check(const char *path)
{
    unsigned char magic[4];
    struct stat st;
    ssize_t n;
    int fd;

    fd = open(path, O_RDONLY);
    if (fd < 0)
        ukrun_fatal("%s:", path);
    if (fstat(fd, &st) < 0)
        ukrun_fatal("%s:", path);
    if (S_ISDIR(st.st_mode))
        ukrun_fatal("%s: is a directory, not an image", path);
    n = read(fd, magic, sizeof(magic));
    if (n < 0)
        ukrun_fatal("%s:", path);
    close(fd);
    if (n < (ssize_t)sizeof(magic) || memcmp(magic, image_elf_magic, 4))
        ukrun_fatal("%s: not an ELF file (ukrun boots images made by "
                    "ukcc -o IMAGE ...)",
                    path);
}

/* The program's argv[0]: the image's file name without its directory. */
const char *image_basename(const char *path)
{
    const char *slash = strrchr(path, '/');

    return slash ? slash + 1 : path;
}

static char *image_link; /* a symlink made by image_boot_path, removed at exit */

static void image_link_remove(void)
{
    if (image_link)
        unlink(image_link);
}

/* The path QEMU gets with -kernel. The multiboot command line is "<that
 * path> <-append text>" and the kernel drops the first word, so a path with
 * blanks in it would leak into argv: such an image is reached through a
 * symlink next to the control file instead. */
const char *image_boot_path(const char *path, const char *ctlpath)
{
    char *abs;
    struct strbuf sb = {0};

    if (!strpbrk(path, " \t\n"))
        return path;
    abs = realpath(path, NULL);
    if (!abs)
        ukrun_fatal("%s:", path);
    strbuf_puts(&sb, ctlpath);
    strbuf_puts(&sb, ".img");
    if (symlink(abs, sb.s) < 0)
        ukrun_fatal("cannot link %s to %s:", sb.s, abs);
    free(abs);
    image_link = sb.s;
    atexit(image_link_remove);
    return image_link;
}

/* Search the notes of an ELF64 image's PT_NOTE segments for name "ukcc",
 * type 1, description `name`. Any read problem means "not there": the
 * image was checked already and QEMU reports what is wrong with it. */
int image_has_component(const char *path, const char *name)
{
    size_t want = strlen(name) + 1;
    Elf64_Ehdr eh;
    int fd = open(path, O_RDONLY), found = 0;

    if (fd < 0)
        return 0;
    if (pread(fd, &eh, sizeof(eh), 0) != (ssize_t)sizeof(eh) ||
        eh.e_ident[EI_CLASS] != ELFCLASS64 ||
        eh.e_phentsize != sizeof(Elf64_Phdr))
        eh.e_phnum = 0;
    for (int i = 0; i < eh.e_phnum && !found; i++) {
        Elf64_Phdr ph;
        char buf[4096];
        size_t off = 0, len;

        if (pread(fd, &ph, sizeof(ph), (off_t)(eh.e_phoff + i * sizeof(ph)))
                != (ssize_t)sizeof(ph) ||
            ph.p_type != PT_NOTE)
            continue;
        len = ph.p_filesz < sizeof(buf) ? ph.p_filesz : sizeof(buf);
        if (pread(fd, buf, len, (off_t)ph.p_offset) != (ssize_t)len)
            continue;
        while (!found && off + sizeof(Elf64_Nhdr) <= len) {
            Elf64_Nhdr nh;
            size_t desc;

            memcpy(&nh, buf + off, sizeof(nh));
            desc = off + sizeof(nh) + ((nh.n_namesz + 3) & ~3UL);
            if (desc + nh.n_descsz > len)
                break;
            found = nh.n_type == 1 && nh.n_namesz == 5 &&
                    !memcmp(buf + off + sizeof(nh), "ukcc", 5) &&
                    nh.n_descsz == want && !memcmp(buf + desc, name, want);
            off = desc + ((nh.n_descsz + 3) & ~3UL);
        }
    }
    close(fd);
    return found;
}
