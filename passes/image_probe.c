/* image_probe.c: is this linked ELF a ukcc boot image (has a multiboot header)? */
#include <fcntl.h>
#include <gelf.h>
#include <string.h>
#include <unistd.h>

#include "passes.h"

int image_has_multiboot(const char *path)
{
    int fd = open(path, O_RDONLY), found = 0;
    size_t shstrndx;
    Elf *e;

    if (fd < 0)
        return 0;
    elf_version(EV_CURRENT);
    e = elf_begin(fd, ELF_C_READ, NULL);
    if (e && elf_getshdrstrndx(e, &shstrndx) == 0) {
        for (Elf_Scn *scn = NULL; !found && (scn = elf_nextscn(e, scn));) {
            GElf_Shdr sh;
            const char *name;

            if (!gelf_getshdr(scn, &sh))
                break;
            name = elf_strptr(e, shstrndx, sh.sh_name);
            found = name && strcmp(name, ".multiboot") == 0;
        }
    }
    elf_end(e);
    close(fd);
    return found;
}
