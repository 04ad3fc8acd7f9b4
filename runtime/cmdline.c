/* cmdline.c: split the kernel command line into options, environment and argv. */
#include <string.h>

#include "runtime.h"

/* Words live in this buffer: at most as many bytes as the command line. */
static char words_buf[BOOT_CMDLINE_MAX + 1];

/* Copy the next word of *sp into *dp (unquoted); returns 0 at the end. */
static int next_word(const char **sp, char **dp)
{
    const char *s = *sp;
    char *d = *dp;
    while (*s == ' ' || *s == '\t' || *s == '\n')
        s++;
    if (!*s)
        return 0;
    while (*s && *s != ' ' && *s != '\t' && *s != '\n') {
        if (*s == '\'') {
            for (s++; *s && *s != '\''; s++)
                *d++ = *s;
            if (*s)
                s++;
        } else if (*s == '"') {
            for (s++; *s && *s != '"'; s++) {
                if (*s == '\\' && s[1])
                    s++;
                *d++ = *s;
            }
            if (*s)
                s++;
        } else {
            if (*s == '\\' && s[1])
                s++;
            *d++ = *s++;
        }
    }
    *d++ = 0;
    *sp = s;
    *dp = d;
    return 1;
}

int cmdline_parse(const char *text, struct cmdline *out)
{
    char *words[CMDLINE_MAX_WORDS];
    int n = 0, dashes = -1;
    const char *s = text;
    char *d = words_buf;

    if (strlen(text) > BOOT_CMDLINE_MAX)
        return -1;
    for (;;) {
        char *start = d;
        /* An unquoted "--" separates options from argv. */
        const char *before = s;
        if (!next_word(&s, &d))
            break;
        if (n == CMDLINE_MAX_WORDS)
            return -1;
        while (*before == ' ' || *before == '\t' || *before == '\n')
            before++;
        if (dashes < 0 && strncmp(before, "--", 2) == 0 &&
            (before[2] == 0 || before[2] == ' ' || before[2] == '\t'))
            dashes = n;
        words[n++] = start;
    }
    /* QEMU appends virtio-mmio device descriptions after our words. */
    while (n > 0 && strncmp(words[n - 1], "virtio_mmio.device=", 19) == 0)
        n--;

    out->argc = out->envc = 0;
    int first_arg = dashes < 0 ? 0 : dashes + 1;
    for (int i = 0; i < (dashes < 0 ? 0 : dashes); i++) {
        if (strncmp(words[i], "env=", 4) == 0)
            out->envp[out->envc++] = words[i] + 4;
        else if (console_parse_option(words[i]))
            continue; /* console.tty=, console.size= (ukrun) */
        else if (strcmp(words[i], "strace") == 0)
            uk_strace_enabled = 1; /* ukrun --strace */
        else
            kprintf("ukcc: warning: unknown kernel option '%s'\n", words[i]);
    }
    for (int i = first_arg; i < n; i++)
        out->argv[out->argc++] = words[i];
    return 0;
}
