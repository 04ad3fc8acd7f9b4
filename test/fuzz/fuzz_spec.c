/* fuzz_spec.c: libFuzzer target: the specialisation pass's reader of link
 * inputs (passes/spec_*.c): objects and archives with component records. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "spec.h"

/* The pass reads paths: the input goes into a memfd; the generated source
 * goes to /dev/null. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char in[64], err[512];
    int fd = memfd_create("fuzz-spec", 0);
    const char *inputs[2] = {in, NULL};
    static FILE *null;

    if (!null)
        null = fopen("/dev/null", "w");
    if (fd < 0 || !null || write(fd, data, size) != (ssize_t)size)
        abort();
    snprintf(in, sizeof in, "/proc/self/fd/%d", fd);
    struct spec *s = spec_closure(inputs, NULL, err, sizeof err);
    if (s) {
        spec_emit(s, "env=A=1", null);
        spec_free(s);
    }
    close(fd);
    return 0;
}
