/* spec.c: the specialisation object of a link: the pass (passes/spec_*.c)
 * chooses the components from the inputs, clang assembles what it wrote. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "config.h"
#include "driver.h"
#include "spec.h"

/* What the kernel accepts (BOOT_CMDLINE_MAX, kernel/kernel.h), less room
 * for what ukrun adds. */
#define BOOT_ARGS_MAX 4096

/* --boot-args words as one line; refuses what the kernel would not take
 * (runtime/cmdline.c: quotes as in sh, options only). */
static char *boot_args_text(struct driver *d)
{
    size_t len = 1;
    char *text;

    for (size_t i = 0; i < d->boot_args.n; i++)
        len += strlen(d->boot_args.v[i]) + 1;
    text = xmalloc(len);
    *text = 0;
    for (size_t i = 0; i < d->boot_args.n; i++) {
        if (i)
            strcat(text, " ");
        strcat(text, d->boot_args.v[i]);
    }
    if (len > BOOT_ARGS_MAX)
        fatal("--boot-args: %zu bytes of options, at most %d fit on the "
              "kernel command line", len - 1, BOOT_ARGS_MAX);
    for (const char *p = text; *p;) {
        const char *word = p += strspn(p, " \t\n");
        char q = 0;

        for (; *p && (q || !strchr(" \t\n", *p)); p++) {
            if (*p == '\\' && q != '\'' && p[1])
                p++;
            else if (*p == '\'' || *p == '"')
                q = q == *p ? 0 : q ? q : *p;
        }
        if (q)
            fatal("--boot-args: quote %c left open in '%s'", q, word);
        if (p - word == 2 && strncmp(word, "--", 2) == 0)
            fatal("--boot-args takes kernel options only (env=NAME=VALUE, "
                  "strace, ...): the program's arguments come from ukrun");
    }
    return text;
}

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Write the object's assembler source from the link inputs: regular
 * files that are not options (the values of -Wl options that name no
 * object are read as nothing), and the -u roots. */
static void spec_write(struct driver *d, char *const *inputs, size_t n,
                       const char *path)
{
    char *script = sysroot_path("lib/ukcc.ld"), *args = boot_args_text(d);
    const char **files = xmalloc((n + 1) * sizeof(*files));
    size_t nfiles = 0;
    char err[1024];

    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(inputs[i], "-u") == 0 && i + 1 < n) {
            files[nfiles++] = inputs[i++];
            files[nfiles++] = inputs[i];
        } else if (has_prefix(inputs[i], "--undefined=") ||
                   (inputs[i][0] != '-' && stat(inputs[i], &st) == 0 &&
                    S_ISREG(st.st_mode))) {
            files[nfiles++] = inputs[i];
        }
    }
    files[nfiles] = NULL;
    struct spec *s = spec_closure(files, script, err, sizeof err);
    if (!s)
        fatal("%s", err);
    FILE *f = fopen(path, "w");
    if (!f)
        fatal("cannot write %s:", path);
    spec_emit(s, args, f);
    if (fclose(f) != 0)
        fatal("cannot write %s:", path);
    if (d->verbose)
        fprintf(stderr, " (pre-link) spec: %zu inputs, %zu components, "
                        "%zu inits%s\n",
                nfiles, s->norder, s->nrun,
                s->opaque ? " (an input has no ELF symbols: the inits of "
                            "every archive member are named)"
                          : "");
    spec_free(s);
    free(files);
    free(script);
    free(args);
}

char *spec_object(struct driver *d, char *const *inputs, size_t n)
{
    struct strvec cmd = {0};
    char *src = tmpfile_create(NULL, "spec", ".s");
    char *obj = tmpfile_create(NULL, "spec", ".o");
    double t0 = now();

    if (!d->dry_run)
        spec_write(d, inputs, n, src);
    strvec_push(&cmd, UKCC_CLANG);
    strvec_push(&cmd, "--target=" UKCC_TARGET);
    strvec_push(&cmd, "-c");
    strvec_push(&cmd, "-o");
    strvec_push(&cmd, obj);
    strvec_push(&cmd, src);
    if (!spawn_run("spec", cmd.v))
        fatal("spec stage failed: could not assemble the specialisation "
              "object");
    if (d->verbose && !d->dry_run)
        fprintf(stderr, " (pre-link) spec: the walk and the object took "
                        "%.1f ms\n", (now() - t0) * 1e3);
    strvec_free(&cmd);
    free(src);
    return obj;
}
