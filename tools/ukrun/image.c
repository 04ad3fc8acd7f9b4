/* image.c: check the image up front, so mistakes get a clear message. */
#include <errno.h>
#include <fcntl.h>
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
