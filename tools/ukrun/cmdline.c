/* cmdline.c: encode environment and argv as the kernel command line.
 *
 * The guest's parser expects this grammar (keep the two in step):
 *   words separated by single spaces; every word double-quoted, with '\'
 *   before each '"' or '\' inside it; kernel options first (environment as
 *   "env=NAME=VALUE"), then a bare --, then argv starting with argv[0].
 * Example: "env=A=x y" -- "hello.img" "world" "a\"b"
 * Quoting every word keeps empty and space-containing arguments intact. */
#include <string.h>

#include "ukrun.h"

/* The kernel keeps the command line in an 8 KiB buffer (BOOT_CMDLINE_MAX
 * in kernel/kernel.h); under multiboot QEMU puts the image path and a space
 * in front. Refuse what would not fit rather than let the guest cut it. */
#define CMDLINE_MAX 8192

static void cmdline_put_word(struct strbuf *sb, const char *prefix,
                             const char *word)
{
    if (sb->len)
        strbuf_putc(sb, ' ');
    strbuf_putc(sb, '"');
    strbuf_puts(sb, prefix);
    for (const char *p = word; *p; p++) {
        if (*p == '"' || *p == '\\')
            strbuf_putc(sb, '\\');
        strbuf_putc(sb, *p);
    }
    strbuf_putc(sb, '"');
}

char *cmdline_build(const struct ukrun_opts *o)
{
    struct strbuf sb = {0};
    size_t need;

    struct strvec kopts = {0};

    stdio_kernel_options(&kopts);
    fs_kernel_options(o, &kopts);
    net_kernel_options(o, &kopts);
    for (size_t i = 0; i < kopts.n; i++)
        cmdline_put_word(&sb, "", kopts.v[i]);
    if (o->strace)
        cmdline_put_word(&sb, "", "strace"); /* runtime/cmdline.c */
    if (o->boot_timing)
        cmdline_put_word(&sb, "", "boot.timing"); /* kernel/boot_timing.c */
    for (size_t i = 0; i < o->env.n; i++)
        cmdline_put_word(&sb, "env=", o->env.v[i]);
    strbuf_puts(&sb, sb.len ? " --" : "--");
    cmdline_put_word(&sb, "", image_basename(o->image));
    for (int i = 0; i < o->nargs; i++)
        cmdline_put_word(&sb, "", o->args[i]);

    need = strlen(o->image) + 1 + sb.len + 1;
    if (need > CMDLINE_MAX)
        ukrun_fatal("arguments and environment too long: the kernel command "
                    "line would take %zu bytes, the guest accepts %d",
                    need, CMDLINE_MAX);
    return sb.s;
}
