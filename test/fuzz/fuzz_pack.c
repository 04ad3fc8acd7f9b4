/* fuzz_pack.c: libFuzzer target: the ELF reader of passes/ (image_pack). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "passes.h"

/* The passes read paths: the input goes into a memfd, the output into a
 * temporary directory made once. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char out[64];
    char in[64], err[512];
    int fd = memfd_create("fuzz-image", 0);

    if (!out[0]) {
        char dir[] = "/tmp/fuzz-pack-XXXXXX";
        if (!mkdtemp(dir))
            abort();
        snprintf(out, sizeof out, "%s/out.img", dir);
    }
    if (fd < 0 || write(fd, data, size) != (ssize_t)size)
        abort();
    snprintf(in, sizeof in, "/proc/self/fd/%d", fd);
    (void)image_has_multiboot(in);
    (void)image_pack(in, out, err, sizeof err);
    unlink(out);
    close(fd);
    return 0;
}
