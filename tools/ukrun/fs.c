/* fs.c: --fs HOSTDIR[:GUESTPATH]: host directories as guest file systems.
 *
 * Each --fs becomes one virtio-9p device whose mount tag, fsN, the guest
 * finds again in the kernel option fs=fsN:GUESTPATH (runtime/fs/p9_boot.c):
 *   -fsdev local,id=fs0,path=/abs/HOSTDIR,security_model=none
 *   -device virtio-9p-device,fsdev=fs0,mount_tag=fs0   (virtio-9p-pci on pc)
 * security_model=none: QEMU touches the files as the user running ukrun,
 * and they keep that user's ownership, as with a native run. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ukrun.h"

/* The guest takes 8 fs= options; microvm has 8 virtio-mmio slots, and the
 * console and a network device need theirs. */
#define FS_MAX 6

static int fs_is_dir(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* HOSTDIR alone (a directory, even one whose name has a ':'), else
 * HOSTDIR:GUESTPATH split at the last ':'. */
void fs_add(struct ukrun_opts *o, const char *value)
{
    char *host = xstrdup(value), *colon = strrchr(host, ':');
    const char *guest = "/";
    char abs[PATH_MAX];

    if (!fs_is_dir(host) && colon) {
        *colon = 0;
        guest = colon + 1;
        if (guest[0] != '/')
            ukrun_fatal("--fs %s: the guest path '%s' must be absolute", value,
                        guest);
    }
    if (!*host)
        ukrun_fatal("--fs %s: no host directory given", value);
    if (!realpath(host, abs))
        ukrun_fatal("--fs: host directory '%s':", host);
    if (!fs_is_dir(abs))
        ukrun_fatal("--fs: '%s' is not a directory", host);
    if (o->fs_host.n == FS_MAX)
        ukrun_fatal("--fs %s: at most %d host directories", value, FS_MAX);
    for (size_t i = 0; i < o->fs_guest.n; i++)
        if (!strcmp(o->fs_guest.v[i], guest))
            ukrun_fatal("--fs %s: '%s' is mounted twice", value, guest);
    strvec_push(&o->fs_host, abs);
    strvec_push(&o->fs_guest, guest);
    free(host);
}

void fs_kernel_options(const struct ukrun_opts *o, struct strvec *words)
{
    char buf[PATH_MAX + 32];

    for (size_t i = 0; i < o->fs_guest.n; i++) {
        snprintf(buf, sizeof buf, "fs=fs%zu:%s", i, o->fs_guest.v[i]);
        strvec_push(words, buf);
    }
}

void fs_qemu_args(const struct ukrun_opts *o, struct strvec *av)
{
    for (size_t i = 0; i < o->fs_host.n; i++) {
        struct strbuf sb = {0};
        char dev[96];

        /* QEMU ends a value at ',' unless it is doubled. */
        strbuf_puts(&sb, "local,security_model=none,path=");
        for (const char *p = o->fs_host.v[i]; *p; p++) {
            if (*p == ',')
                strbuf_putc(&sb, ',');
            strbuf_putc(&sb, *p);
        }
        snprintf(dev, sizeof dev, ",id=fs%zu", i);
        strbuf_puts(&sb, dev);
        strvec_push(av, "-fsdev");
        strvec_push(av, sb.s);
        free(sb.s);
        snprintf(dev, sizeof dev, "%s,fsdev=fs%zu,mount_tag=fs%zu",
                 o->machine == MACHINE_PC ? "virtio-9p-pci"
                                          : "virtio-9p-device",
                 i, i);
        strvec_push(av, "-device");
        strvec_push(av, dev);
    }
}
