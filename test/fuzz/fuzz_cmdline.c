/* fuzz_cmdline.c: libFuzzer target: runtime/cmdline.c, built for the host. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

/* What cmdline.c calls in the kernel and runtime. */
int uk_strace_enabled;
int boot_timing_enabled;

void kprintf(const char *fmt, ...)
{
    (void)fmt;
}

int console_parse_option(const char *word)
{
    return strncmp(word, "console.", 8) == 0;
}

int nic_parse_option(const char *word)
{
    return strncmp(word, "net.", 4) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The kernel hands the parser a NUL-terminated string of at most
     * BOOT_CMDLINE_MAX - 1 bytes (bootinfo.c); longer ones must be refused. */
    char *text = malloc(size + 1);
    static struct cmdline out;

    memcpy(text, data, size);
    text[size] = 0;
    if (cmdline_parse(text, &out) == 0) {
        for (int i = 0; i < out.argc; i++)
            (void)strlen(out.argv[i]);
        for (int i = 0; i < out.envc; i++)
            (void)strlen(out.envp[i]);
    }
    free(text);
    return 0;
}
