/* cmdline.c: split the kernel command line into options, environment and argv. */
#include <string.h>

#include "runtime.h"

/* Words live in this buffer: at most as many bytes as the command line. */
static char words_buf[BOOT_CMDLINE_MAX + 1];

/* The image's defaults (ukcc --boot-args and UK_COMPONENT_DEFAULTS, from
 * the specialisation object): options only, parsed before the boot
 * loader's command line, whose options override them. This weak empty
 * default stands in when the image has none (LTO folds it away). */
__attribute__((weak)) const char uk_spec_cmdline[] = "";
static char defaults_buf[BOOT_CMDLINE_MAX + 1];

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

/* env=NAME=VALUE: replaces a default for NAME (the first ndefault). */
static void cmdline_env(char *word, struct cmdline *out, int ndefault)
{
    size_t n = strcspn(word, "=") + 1;

    for (int i = 0; i < ndefault; i++)
        if (strncmp(out->envp[i], word, n) == 0) {
            out->envp[i] = word;
            return;
        }
    out->envp[out->envc++] = word;
}

/* One option word (before `--`). */
static void cmdline_option(char *word, struct cmdline *out, int ndefault)
{
    if (strncmp(word, "env=", 4) == 0)
        cmdline_env(word + 4, out, ndefault);
    else if (strncmp(word, "fs=", 3) == 0 &&
             out->nmounts < CMDLINE_MAX_MOUNTS)
        out->mounts[out->nmounts++] = word + 3; /* fs/p9_boot.c */
    else if (nic_parse_option(word))
        return; /* ip=, gw=, dns= (ukrun --ip ...) */
    else if (console_parse_option(word))
        return; /* console.tty=, console.size= (ukrun) */
    else if (strcmp(word, "strace") == 0)
        uk_strace_enabled = 1; /* ukrun --strace */
    else if (strcmp(word, "boot.timing") == 0)
        boot_timing_enabled = 1; /* ukrun --boot-timing */
    else
        kprintf("ukcc: warning: unknown kernel option '%s'\n", word);
}

/* The defaults: every word an option (ukcc refuses `--` in them). */
static int cmdline_defaults(struct cmdline *out)
{
    const char *s = uk_spec_cmdline;
    char *d = defaults_buf, *start = d;
    int r;

    if (strlen(s) > BOOT_CMDLINE_MAX)
        return cmdline_fail("defaults longer than %d bytes",
                            BOOT_CMDLINE_MAX);
    while ((r = next_word(&s, &d)) > 0) {
        if (out->envc == CMDLINE_MAX_WORDS)
            return cmdline_fail("more than %d default words",
                                CMDLINE_MAX_WORDS);
        cmdline_option(start, out, 0);
        start = d;
    }
    return r < 0 ? cmdline_fail("quote left open in the defaults, after "
                                "offset %d", (int)(s - uk_spec_cmdline))
                 : 0;
}

int cmdline_parse(const char *text, struct cmdline *out)
{
    char *words[CMDLINE_MAX_WORDS];
    int n = 0, dashes = -1, ndefault = 0;
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
    if (uk_spec_cmdline[0]) {
        if (cmdline_defaults(out) < 0)
            return -1;
        ndefault = out->envc;
    }
    int first_arg = dashes < 0 ? 0 : dashes + 1;
    for (int i = 0; i < (dashes < 0 ? 0 : dashes); i++) {
        /* Only defaults can make the environment outgrow the words. */
        if (ndefault && out->envc == CMDLINE_MAX_WORDS)
            return cmdline_fail("more than %d environment words",
                                CMDLINE_MAX_WORDS);
        cmdline_option(words[i], out, ndefault);
    }
    for (int i = first_arg; i < n; i++)
        out->argv[out->argc++] = words[i];
    return 0;
}
