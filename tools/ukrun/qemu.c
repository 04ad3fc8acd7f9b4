/* qemu.c: build the QEMU command line that boots an image like a program.
 *
 * For `ukrun hello.img -- world` on microvm without KVM it is:
 *   qemu-system-x86_64 -M microvm,x-option-roms=off,rtc=on,acpi=off
 *     -nodefaults -no-user-config -display none -m 128M -accel tcg -cpu max
 *     -kernel hello.img -append '-- "hello.img" "world"'
 *     <stdin, stdout, stderr and the serial console: see stdio.c>
 *     -device isa-debug-exit,iobase=0xf4,iosize=4
 *     -chardev file,id=ukctl,path=/tmp/ukrun-XXXXXX
 *     -device isa-debugcon,iobase=0xe9,chardev=ukctl -no-reboot
 * The program's stdio is ukrun's; the guest reports its exit status on
 * the debug console (see ctlfile.c) and then stops QEMU via isa-debug-exit;
 * -no-reboot turns a triple fault into an exit instead of a boot loop. */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "ukrun.h"

static const char *const qemu_machines[] = {
    /* No option ROMs and an RTC: a faster boot, and a wall clock. No ACPI:
     * then virtio-mmio interrupts are GSI 5 + slot on the one IOAPIC. */
    [MACHINE_MICROVM] = "microvm,x-option-roms=off,rtc=on,acpi=off",
    [MACHINE_PC] = "pc",
};

static const char *qemu_binary(void)
{
    const char *env = getenv("UKRUN_QEMU");

    return env && *env ? env : UKRUN_QEMU_DEFAULT;
}

/* QEMU's key=value option syntax ends a value at ',' unless it is doubled. */
static char *qemu_opt_escape(const char *s)
{
    struct strbuf sb = {0};

    strbuf_puts(&sb, "");
    for (; *s; s++) {
        if (*s == ',')
            strbuf_putc(&sb, ',');
        strbuf_putc(&sb, *s);
    }
    return sb.s;
}

char **qemu_build_argv(const struct ukrun_opts *o, enum accel accel,
                       const char *cmdline, const char *ctlpath)
{
    struct strvec av = {0};
    struct strbuf ctl = {0};
    char *path = qemu_opt_escape(ctlpath);
    int kvm = accel == ACCEL_KVM;
    const char *fixed[] = {
        "-M",          qemu_machines[o->machine],
        "-nodefaults", "-no-user-config",
        "-display",    "none",
        "-m",          o->mem,
        "-accel",      kvm ? "kvm" : "tcg",
        "-cpu",        kvm ? "host" : "max",
        "-kernel",     o->boot_image ? o->boot_image : o->image,
        "-append",     cmdline,
        "-device",     "isa-debug-exit,iobase=0xf4,iosize=4",
    };

    strvec_push(&av, qemu_binary());
    for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
        strvec_push(&av, fixed[i]);
    if (o->initrd) {
        strvec_push(&av, "-initrd");
        strvec_push(&av, o->initrd);
    }
    stdio_qemu_args(&av, o->machine);
    fs_qemu_args(o, &av);
    net_qemu_args(&av, o);
    strbuf_puts(&ctl, "file,id=ukctl,path=");
    strbuf_puts(&ctl, path);
    strvec_push(&av, "-chardev");
    strvec_push(&av, ctl.s);
    strvec_push(&av, "-device");
    strvec_push(&av, "isa-debugcon,iobase=0xe9,chardev=ukctl");
    strvec_push(&av, "-no-reboot");
    if (o->gdb) { /* halted at the first instruction, stub on localhost */
        char dev[32];

        snprintf(dev, sizeof dev, "tcp:127.0.0.1:%u", o->gdb_port);
        strvec_push(&av, "-S");
        strvec_push(&av, "-gdb");
        strvec_push(&av, dev);
    }
    for (size_t i = 0; i < o->qemu_args.n; i++)
        strvec_push(&av, o->qemu_args.v[i]);
    free(path);
    free(ctl.s);
    return av.v;
}

/* Words made only of these need no shell quoting. */
static int qemu_word_is_plain(const char *w)
{
    if (!*w)
        return 0;
    return w[strspn(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                       "0123456789_@%+=:,./-")] == '\0';
}

/* One line a POSIX shell reads back into the same argv, so that -v and
 * --dry-run output can be pasted to run QEMU by hand. */
void qemu_print_argv(FILE *f, char *const argv[])
{
    for (size_t i = 0; argv[i]; i++) {
        const char *w = argv[i];

        if (i)
            fputc(' ', f);
        if (qemu_word_is_plain(w)) {
            fputs(w, f);
            continue;
        }
        fputc('\'', f);
        for (; *w; w++) {
            if (*w == '\'')
                fputs("'\\''", f);
            else
                fputc(*w, f);
        }
        fputc('\'', f);
    }
    fputc('\n', f);
}
