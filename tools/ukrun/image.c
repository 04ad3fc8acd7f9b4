/* image.c: check the image up front, so mistakes get a clear message. */
#define _DEFAULT_SOURCE /* realpath, symlink */
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
