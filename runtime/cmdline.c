/* cmdline.c: split the kernel command line into options, environment and argv. */
#include <string.h>

#include "runtime.h"

/* Words live in this buffer: at most as many bytes as the command line. */
static char words_buf[BOOT_CMDLINE_MAX + 1];

/* Copy the next word of *sp into *dp (unquoted); returns 1, 0 at the end,
 * -1 for a quote left open (ukrun always closes them: a cut command line). */
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
            if (!*s)
                return -1;
            s++;
        } else if (*s == '"') {
            for (s++; *s && *s != '"'; s++) {
                if (*s == '\\' && s[1])
                    s++;
                *d++ = *s;
            }
            if (!*s)
                return -1;
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

/* Report why the command line is refused; returns -1 for cmdline_parse. */
static int cmdline_fail(const char *fmt, int value)
{
    kprintf("ukcc: error: bad kernel command line: ");
    kprintf(fmt, value);
    kprintf("\n");
    return -1;
}

int cmdline_parse(const char *text, struct cmdline *out)
{
    char *words[CMDLINE_MAX_WORDS];
    int n = 0, dashes = -1;
    const char *s = text;
    char *d = words_buf;
    size_t len = strlen(text);

    if (len > BOOT_CMDLINE_MAX)
        return cmdline_fail("longer than %d bytes", BOOT_CMDLINE_MAX);
    for (;;) {
        char *start = d;
        /* An unquoted "--" separates options from argv. */
        const char *before = s;
        int r = next_word(&s, &d);
        if (r < 0)
            return cmdline_fail("quote left open in the word at offset %d",
                                (int)(before - text));
        if (r == 0)
            break;
        if (n == CMDLINE_MAX_WORDS)
            return cmdline_fail("more than %d words", CMDLINE_MAX_WORDS);
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

    out->argc = out->envc = out->nmounts = 0;
    int first_arg = dashes < 0 ? 0 : dashes + 1;
    for (int i = 0; i < (dashes < 0 ? 0 : dashes); i++) {
        if (strncmp(words[i], "env=", 4) == 0)
            out->envp[out->envc++] = words[i] + 4;
        else if (strncmp(words[i], "fs=", 3) == 0 &&
                 out->nmounts < CMDLINE_MAX_MOUNTS)
            out->mounts[out->nmounts++] = words[i] + 3; /* fs/p9_boot.c */
        else if (nic_parse_option(words[i]))
            continue; /* ip=, gw=, dns= (ukrun --ip ...) */
        else if (console_parse_option(words[i]))
            continue; /* console.tty=, console.size= (ukrun) */
        else if (strcmp(words[i], "strace") == 0)
            uk_strace_enabled = 1; /* ukrun --strace */
        else if (strcmp(words[i], "boot.timing") == 0)
            boot_timing_enabled = 1; /* ukrun --boot-timing */
        else
            kprintf("ukcc: warning: unknown kernel option '%s'\n", words[i]);
    }
    for (int i = first_arg; i < n; i++)
        out->argv[out->argc++] = words[i];
    return 0;
}
