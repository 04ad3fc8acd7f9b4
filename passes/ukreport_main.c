/* ukreport_main.c: ukreport, the report of an image linked earlier.
 *
 *   ukreport [--format=text|json|html] [-o FILE] app.img
 *
 * Reads app.img.debug (the unstripped ELF ukcc keeps beside the image;
 * an unstripped -g image is its own) and the size of app.img. */
#include <glob.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "passes.h"

static void usage(FILE *f)
{
    fprintf(f, "usage: ukreport [--format=text|json|html] [-o FILE] "
               "IMAGE\n"
               "  the report ukcc --report prints, for an image linked "
               "earlier: reads IMAGE.debug\n");
}

/* The archives of the sysroot beside ukreport (prefix/lib/ukcc/lib), as
 * ukcc finds it: their members hold the component records. */
static const char *const *record_archives(void)
{
    static glob_t g;
    char exe[PATH_MAX], pat[PATH_MAX + 32];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

    if (n <= 0)
        return NULL;
    exe[n] = 0;
    snprintf(pat, sizeof pat, "%s/../lib/ukcc/lib/libuk*.a", dirname(exe));
    if (glob(pat, 0, NULL, &g) != 0)
        return NULL;
    return (const char *const *)g.gl_pathv;
}

int main(int argc, char **argv)
{
    enum report_format fmt = REPORT_TEXT;
    const char *image = NULL, *out_path = NULL;
    char err[1024], *debug;
    FILE *out = stdout;

    for (int i = 1; i < argc; i++) {
        if (strncmp(argv[i], "--format=", 9) == 0) {
            if (report_format_parse(argv[i] + 9, &fmt) < 0) {
                fprintf(stderr, "ukreport: error: unknown format '%s' "
                        "(text, json or html)\n", argv[i] + 9);
                return 1;
            }
        } else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
            out_path = argv[++i];
        } else if (strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (argv[i][0] == '-' || image) {
            usage(stderr);
            return 1;
        } else {
            image = argv[i];
        }
    }
    if (!image) {
        usage(stderr);
        return 1;
    }
    if (asprintf(&debug, "%s.debug", image) < 0)
        return 1;
    if (access(debug, R_OK) < 0) {
        free(debug);
        debug = strdup(image); /* an unstripped image is its own */
    }
    struct walk *w = report_open(debug, image, record_archives(), err,
                                 sizeof err);
    if (!w) {
        fprintf(stderr, "ukreport: error: %s\n", err);
        return 1;
    }
    if (out_path && !(out = fopen(out_path, "w"))) {
        fprintf(stderr, "ukreport: error: cannot write %s: %m\n", out_path);
        return 1;
    }
    report_write(w, fmt, out);
    report_close(w);
    if (out != stdout && fclose(out) != 0) {
        fprintf(stderr, "ukreport: error: cannot write %s: %m\n", out_path);
        return 1;
    }
    free(debug);
    return 0;
}
