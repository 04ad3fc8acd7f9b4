/* sysroot.c: find the sysroot (musl headers, image archives, linker script).
 *
 * The sysroot sits at <dir of ukcc>/../lib/ukcc both in the build tree
 * (build/bin/ukcc, build/lib/ukcc) and in an installed prefix, so it is
 * found from /proc/self/exe; the UKCC_SYSROOT environment variable
 * overrides it. */
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include "config.h"
#include "driver.h"

static char *root;

/* The directory of the running executable, resolved through symlinks. */
static char *exe_dir(void)
{
    char buf[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", buf, sizeof(buf) - 1);

    if (len < 0)
        fatal("cannot find the ukcc executable: readlink /proc/self/exe:");
    buf[len] = '\0';
    return path_dir(buf);
}

const char *sysroot_dir(void)
{
    const char *env = getenv("UKCC_SYSROOT");
    char *dir, *up, *prefix;

    if (root)
        return root;
    if (env && *env)
        return root = xstrdup(env);
    dir = exe_dir();
    up = xasprintf("%s/..", dir);
    /* Resolve the prefix, which exists, rather than the sysroot, which may
     * not yet: the "incomplete" message then shows a clean path. */
    prefix = realpath(up, NULL);
    root = xasprintf("%s/%s", prefix ? prefix : up, UKCC_SYSROOT_IN_PREFIX);
    free(prefix);
    free(up);
    free(dir);
    return root;
}

char *sysroot_path(const char *rel)
{
    return xasprintf("%s/%s", sysroot_dir(), rel);
}

/* The files a run needs, checked before any tool starts so that a
 * half-built sysroot gives one clear message instead of a clang or lld
 * error about some header or archive. */
static const struct {
    const char *rel;
    bool for_link; /* needed to link; otherwise needed to compile C */
} needed[] = {
    {"include/stdio.h", false},    {"lib/libc.a", true},
    {"lib/libukrt.a", true},       {"lib/libukkernel.a", true},
    {"lib/libukbuiltins.a", true}, {"lib/ukcc.ld", true},
    {"lib/libuklwip.a", true},
};

void sysroot_check(bool compiling, bool linking)
{
    for (size_t i = 0; i < sizeof(needed) / sizeof(needed[0]); i++) {
        char *path;

        if (needed[i].for_link ? !linking : !compiling)
            continue;
        path = sysroot_path(needed[i].rel);
        if (!path_exists(path))
            fatal("sysroot %s is incomplete: missing %s (build the project "
                  "first)",
                  sysroot_dir(), needed[i].rel);
        free(path);
    }
}
