/* report_linux.c: the Linux microVM an image replaces, for --report.
 *
 * Its size is a kernel image plus an initramfs whose /init is the program
 * itself, built with musl-gcc -static (as bench/linux_vm.sh boots it).
 * The kernel is the first of:
 *   1. --report-linux=PATH
 *   2. UKCC_REPORT_LINUX=PATH (UKCC_REPORT_LINUX=none: no comparison)
 *   3. <sysroot>/.deps/linux/boot/vmlinuz-*
 *   4. <the .deps of the tree ukcc was built from>/linux/boot/vmlinuz-*,
 *      where bench/lib.sh (linux_kernel) unpacks Debian's
 *      linux-image-cloud-amd64
 * taking the first name in sort order when a directory holds several. */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config.h"
#include "driver.h"

static char *first_match(const char *dir)
{
    char *pat = xasprintf("%s/linux/boot/vmlinuz-*", dir);
    char *found = NULL;
    glob_t g = {0};

    if (glob(pat, 0, NULL, &g) == 0 && g.gl_pathc > 0)
        found = xstrdup(g.gl_pathv[0]);
    globfree(&g);
    free(pat);
    return found;
}

char *report_linux_kernel(struct driver *d, char **from)
{
    const char *env = getenv("UKCC_REPORT_LINUX");
    char *deps, *k;

    *from = NULL;
    if (d->report_linux && *d->report_linux) {
        *from = xstrdup("given by --report-linux");
        return xstrdup(d->report_linux);
    }
    if (env && strcmp(env, "none") == 0)
        return NULL;
    if (env && *env) {
        *from = xstrdup("given by UKCC_REPORT_LINUX");
        return xstrdup(env);
    }
    deps = sysroot_path(".deps");
    k = first_match(deps);
    if (!k) {
        free(deps);
        deps = xstrdup(UKCC_DEPS_DIR);
        k = *deps ? first_match(deps) : NULL;
    }
    if (k)
        *from = xasprintf("found in %s/linux", deps);
    free(deps);
    return k;
}

/* One cpio "newc" entry: header, name, data, each padded to 4 bytes. */
static void cpio_entry(FILE *out, const char *name, unsigned mode, FILE *data,
                       long size)
{
    char buf[65536];
    size_t namesize = strlen(name) + 1, got;
    static const char zero[4];

    fprintf(out,
            "070701%08X%08X%08X%08X%08X%08X%08lX%08X%08X%08X%08X"
            "%08zX%08X",
            1u, mode, 0u, 0u, 1u, 0u, (unsigned long)size, 0u, 0u, 0u, 0u,
            namesize, 0u);
    fwrite(name, 1, namesize, out);
    fwrite(zero, 1, (4 - (110 + namesize) % 4) % 4, out);
    while (data && (got = fread(buf, 1, sizeof buf, data)) > 0)
        fwrite(buf, 1, got, out);
    fwrite(zero, 1, (size_t)((4 - size % 4) % 4), out);
}

static uint64_t size_of(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0 ? (uint64_t)st.st_size : 0;
}

/* The size of an initramfs holding init as /init, gzip -9 compressed as
 * a distribution's would be (*gz false: gzip missing, uncompressed); 0 if
 * it cannot be made. */
uint64_t report_linux_initramfs(const char *init, bool *gz)
{
    char *cpio = tmpfile_create(NULL, "initramfs", ".cpio");
    char *cpiogz = tmpfile_create(NULL, "initramfs", ".cpio.gz");
    FILE *in = fopen(init, "rb"), *out = fopen(cpio, "wb");
    struct strvec cmd = {0};
    uint64_t size = 0;

    *gz = false;
    if (in && out) {
        cpio_entry(out, "init", 0100755, in, (long)size_of(init));
        cpio_entry(out, "TRAILER!!!", 0, NULL, 0);
    }
    if (in)
        fclose(in);
    if (!in) {
        if (out)
            fclose(out);
        goto out;
    }
    if (!out || fclose(out) != 0)
        goto out;
    size = size_of(cpio);
    strvec_push(&cmd, "/bin/sh");
    strvec_push(&cmd, "-c");
    strvec_push(&cmd, "command -v gzip >/dev/null && exec gzip -9 -n -c "
                      "\"$0\" >\"$1\"");
    strvec_push(&cmd, cpio);
    strvec_push(&cmd, cpiogz);
    if (spawn_run("report", cmd.v) && size_of(cpiogz)) {
        size = size_of(cpiogz);
        *gz = true;
    }
    strvec_free(&cmd);
out:
    free(cpio);
    free(cpiogz);
    return size;
}
