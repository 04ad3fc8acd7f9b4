/* fuzz_objcheck.c: libFuzzer target: ukcc's input checks (objcheck.c). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "driver.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* An exact-size copy, so that ASan sees any read past the end. */
    unsigned char *copy = malloc(size ? size : 1);
    const char *member, *why;

    memcpy(copy, data, size);
    why = objcheck_buffer(copy, size, &member);
    if (why && member)
        (void)strlen(member);
    free(copy);
    return 0;
}
