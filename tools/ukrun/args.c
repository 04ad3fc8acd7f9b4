/* args.c: parse `ukrun [options] IMAGE [--] [ARGS...]` from an option table. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "ukrun.h"

struct option_def {
    const char *name;  /* long form without "--" */
    char short_name;   /* single-dash form, 0 if none */
    const char *value; /* placeholder for --help; NULL: takes no value */
    const char *help;
    void (*apply)(struct ukrun_opts *o, const char *value);
};

static void args_help(struct ukrun_opts *o, const char *value);

static void args_version(struct ukrun_opts *o, const char *value)
{
    printf("ukrun (ukcc) %s\n", UKRUN_VERSION);
    exit(0);
}

static void args_machine(struct ukrun_opts *o, const char *value)
{
    if (!strcmp(value, "microvm"))
        o->machine = MACHINE_MICROVM;
    else if (!strcmp(value, "pc"))
        o->machine = MACHINE_PC;
    else
        ukrun_fatal("unknown machine '%s' (use microvm or pc)", value);
}

static void args_accel(struct ukrun_opts *o, const char *value)
{
    if (!strcmp(value, "auto"))
        o->accel = ACCEL_AUTO;
    else if (!strcmp(value, "kvm"))
        o->accel = ACCEL_KVM;
    else if (!strcmp(value, "tcg"))
        o->accel = ACCEL_TCG;
    else
        ukrun_fatal("unknown accelerator '%s' (use auto, kvm or tcg)", value);
}

/* QEMU's -m size: a number, optionally with a fraction, then an optional
 * unit letter (B K M G T P E, any case). QEMU itself reads a bare number as
 * MiB; we only refuse what QEMU would refuse with a less clear message. */
static void args_mem(struct ukrun_opts *o, const char *value)
{
    const char *p = value;

    if (!isdigit((unsigned char)*p))
        goto bad;
    while (isdigit((unsigned char)*p))
        p++;
    if (*p == '.') {
        if (!isdigit((unsigned char)*++p))
            goto bad;
        while (isdigit((unsigned char)*p))
            p++;
    }
    if (*p && strchr("bBkKmMgGtTpPeE", *p))
        p++;
    if (*p)
        goto bad;
    o->mem = value;
    return;
bad:
    ukrun_fatal("bad memory size '%s' (examples: 64M, 1G)", value);
}

static void args_env(struct ukrun_opts *o, const char *value)
{
    const char *eq = strchr(value, '=');

    if (!eq || eq == value)
        ukrun_fatal("bad environment entry '%s' (use -e NAME=VALUE)", value);
    strvec_push(&o->env, value);
}

static void args_timeout(struct ukrun_opts *o, const char *value)
{
    char *end;
    unsigned long t;

    errno = 0;
    t = strtoul(value, &end, 10);
    if (!isdigit((unsigned char)*value) || *end || errno || t > UINT_MAX)
        ukrun_fatal("bad timeout '%s' (whole seconds, 0 for none)", value);
    o->timeout = (unsigned)t;
}

static void args_verbose(struct ukrun_opts *o, const char *value)
{
    o->verbose = 1;
}

static void args_dry_run(struct ukrun_opts *o, const char *value)
{
    o->dry_run = 1;
}

static void args_qemu_arg(struct ukrun_opts *o, const char *value)
{
    strvec_push(&o->qemu_args, value);
}

/* QEMU's multiboot loader splits -initrd at ',' (modules) and at ' '
 * (module arguments): refuse such paths rather than load something else. */
static void args_initrd(struct ukrun_opts *o, const char *value)
{
    FILE *f;

    if (strpbrk(value, ", "))
        ukrun_fatal("initrd path '%s' contains ',' or ' ', which QEMU "
                    "cannot pass; rename or link it", value);
    f = fopen(value, "rb");
    if (!f)
        ukrun_fatal("cannot open initrd '%s':", value);
    fclose(f);
    o->initrd = value;
}

static void args_fs(struct ukrun_opts *o, const char *value)
{
    fs_add(o, value);
}

static void args_strace(struct ukrun_opts *o, const char *value)
{
    o->strace = 1;
}

static void args_boot_timing(struct ukrun_opts *o, const char *value)
{
    o->boot_timing = 1;
}

static void args_gdb(struct ukrun_opts *o, const char *value)
{
    o->gdb = 1;
}

static void args_gdb_port(struct ukrun_opts *o, const char *value)
{
    char *end;
    unsigned long port;

    errno = 0;
    port = strtoul(value, &end, 10);
    if (!isdigit((unsigned char)*value) || *end || errno || port == 0 ||
        port > 65535)
        ukrun_fatal("bad gdb port '%s' (1-65535)", value);
    o->gdb_port = (unsigned)port;
}

static const struct option_def options[] = {
    {"machine", 0, "microvm|pc", "QEMU machine (default microvm)",
     args_machine},
    {"accel", 0, "auto|kvm|tcg",
     "accelerator (default auto: KVM if the CPU has vmx/svm)", args_accel},
    {"mem", 0, "SIZE", "guest memory, QEMU syntax (default 128M)", args_mem},
    {"env", 'e', "NAME=VALUE", "set a variable in the program's environment",
     args_env},
    {"initrd", 0, "FILE",
     "cpio (newc) archive unpacked into / at boot",
     args_initrd},
    {"net", 0, "user|tap:IF|none",
     "network card (default: user if the image has the driver)",
     net_opt_mode},
    {"publish", 'p', "HOST:GUEST",
     "forward 127.0.0.1:HOST to guest port GUEST (udp:HOST:GUEST: UDP)",
     net_opt_port},
    {"ip", 0, "ADDR/PREFIX", "static guest address (default: DHCP)",
     net_opt_ip},
    {"gw", 0, "ADDR", "default gateway, with --ip", net_opt_gw},
    {"dns", 0, "ADDR", "DNS server (default with --net user: 10.0.2.3)",
     net_opt_dns},
    {"net-inject", 0, "FIFO",
     "named pipe whose frames (4-byte length, frame) reach the NIC",
     net_opt_inject},
    {"fs", 0, "HOSTDIR[:GUESTPATH]",
     "host directory as GUESTPATH (default /, also the cwd); repeatable",
     args_fs},
    {"timeout", 0, "SECONDS", "kill the guest after SECONDS (default 0: none)",
     args_timeout},
    {"verbose", 'v', NULL, "print the QEMU command line to stderr",
     args_verbose},
    {"dry-run", 0, NULL, "print the QEMU command line, run nothing",
     args_dry_run},
    {"qemu-arg", 0, "ARG", "append ARG to the QEMU command line verbatim",
     args_qemu_arg},
    {"strace", 0, NULL, "print each syscall of the program, strace-like",
     args_strace},
    {"boot-timing", 0, NULL,
     "report the guest's time to main and from main to exit (stderr)",
     args_boot_timing},
    {"gdb", 0, NULL, "start halted, wait for gdb (prints how to attach)",
     args_gdb},
    {"gdb-port", 0, "PORT", "TCP port of the gdb stub (default 1234)",
     args_gdb_port},
    {"help", 'h', NULL, "show this help", args_help},
    {"version", 0, NULL, "show the version", args_version},
};

#define NOPTIONS (sizeof(options) / sizeof(options[0]))

static void args_help(struct ukrun_opts *o, const char *value)
{
    char left[64];

    printf("usage: ukrun [options] IMAGE [--] [ARGS...]\n"
           "Boot a ukcc image under QEMU as if it were a program: console on\n"
           "the terminal, ARGS as its argv, its exit status as ukrun's.\n\n"
           "options:\n");
    for (size_t i = 0; i < NOPTIONS; i++) {
        const struct option_def *d = &options[i];
        int n = 0;

        if (d->short_name)
            n = snprintf(left, sizeof(left), "-%c, ", d->short_name);
        snprintf(left + n, sizeof(left) - n, "--%s%s%s", d->name,
                 d->value ? " " : "", d->value ? d->value : "");
        printf("  %-28s %s\n", left, d->help);
    }
    printf("\nexit status: the program's; %d on timeout; %d when ukrun or "
           "QEMU fail.\nenvironment: UKRUN_QEMU overrides the QEMU binary "
           "(default %s).\n",
           UKRUN_EXIT_TIMEOUT, UKRUN_EXIT_ERROR, UKRUN_QEMU_DEFAULT);
    exit(0);
}

/* Find the option a word names. "--name=value" and "-Xvalue" carry their
 * value inline; it is returned through *inline_value (else NULL). */
static const struct option_def *args_lookup(const char *word,
                                            const char **inline_value)
{
    *inline_value = NULL;
    for (size_t i = 0; i < NOPTIONS; i++) {
        const struct option_def *d = &options[i];

        if (word[1] == '-') {
            size_t n = strlen(d->name);

            if (strncmp(word + 2, d->name, n))
                continue;
            if (word[2 + n] == '=')
                *inline_value = word + 3 + n;
            else if (word[2 + n])
                continue;
            return d;
        }
        if (d->short_name && word[1] == d->short_name) {
            if (word[2] && !d->value)
                continue;
            if (word[2])
                *inline_value = word + 2;
            return d;
        }
    }
    return NULL;
}

void args_parse(int argc, char **argv, struct ukrun_opts *o)
{
    int i;

    o->machine = MACHINE_MICROVM;
    o->accel = ACCEL_AUTO;
    o->mem = "128M";
    o->gdb_port = 1234;
    for (i = 1; i < argc; i++) {
        const char *word = argv[i], *value;
        const struct option_def *d;

        if (!strcmp(word, "--")) {
            i++;
            break;
        }
        if (word[0] != '-' || word[1] == '\0')
            break; /* the image; everything after it is the program's */
        d = args_lookup(word, &value);
        if (!d)
            ukrun_fatal("unknown option '%s' (see ukrun --help)", word);
        if (d->value && !value) {
            if (i + 1 >= argc)
                ukrun_fatal("option '%s' needs a value (%s)", word, d->value);
            value = argv[++i];
        } else if (!d->value && value) {
            ukrun_fatal("option '--%s' takes no value", d->name);
        }
        d->apply(o, value);
    }
    if (i >= argc)
        ukrun_fatal("no image given (usage: ukrun [options] IMAGE [--] "
                    "[ARGS...]; see ukrun --help)");
    o->image = argv[i++];
    if (i < argc && !strcmp(argv[i], "--"))
        i++;
    o->args = argv + i;
    o->nargs = argc - i;
}
