/* report.c: the walk after the link (passes/report.c): refuse calls that
 * cannot work in a unikernel, and write the --report with its baselines. */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "driver.h"
#include "passes.h"

/* The sysroot's own archives (kernel, runtime, drivers), whose members
 * hold the component records; libc.a has none. */
static const char *const *record_archives(void)
{
    static glob_t g;
    static bool done;

    if (!done) {
        char *pat = sysroot_path("lib/libuk*.a");
        glob(pat, 0, NULL, &g);
        free(pat);
        done = true;
    }
    return (const char *const *)g.gl_pathv;
}

/* Fail the link (exit 1, no output: nothing is published yet) when the
 * image reaches fork() & co., unless --allow-unsupported. The walk runs on
 * every link; an image not laid out by ukcc.ld is not walked. */
void report_check(struct driver *d, const char *elf)
{
    char err[1024];
    struct walk *w;
    size_t n;

    if (d->dry_run || !image_has_multiboot(elf))
        return;
    if (d->verbose)
        fprintf(stderr, " (post-link) report_check %s\n", elf);
    w = report_open(elf, NULL, record_archives(), err, sizeof err);
    if (!w) {
        warn("cannot check the image for unsupported calls: %s", err);
        return;
    }
    n = report_unsupported(w, stderr, d->allow_unsupported);
    report_clone(w, stderr);
    report_close(w);
    if (n && !d->allow_unsupported)
        exit(1);
}

/* The C sources of the link, or false if an input is anything else (an
 * object or archive: no baseline can be built from it). */
static bool c_sources(struct driver *d, struct strvec *v)
{
    for (size_t i = 0; i < d->nitems; i++) {
        const struct item *it = &d->items[i];

        if (it->kind == ITEM_INPUT && it->lang != LANG_C)
            return false;
        if (it->kind == ITEM_INPUT)
            strvec_push(v, it->text);
    }
    return v->n > 0;
}

static uint64_t file_size(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0 ? (uint64_t)st.st_size : 0;
}

/* The same program linked statically for Linux by cc (musl-gcc, gcc),
 * stripped, -Os; 0 when cc is missing or fails on it. keep (may be NULL):
 * where the program is, a temporary file removed at exit. */
static uint64_t baseline(struct driver *d, const char *cc,
                         const struct strvec *srcs, char **keep)
{
    struct strvec cmd = {0};
    char *out = tmpfile_create(NULL, "baseline", "");
    uint64_t size = 0;

    strvec_push(&cmd, "/bin/sh");
    strvec_push(&cmd, "-c");
    /* sh: a missing compiler and its messages stay quiet. */
    char *line = xasprintf("command -v %s >/dev/null && exec %s -static -Os "
                           "-s -o \"$0\" \"$@\" -lm 2>/dev/null", cc, cc);
    strvec_push(&cmd, line);
    strvec_push(&cmd, out);
    for (size_t i = 0; i < d->cflags.n; i++)
        if (has_prefix(d->cflags.v[i], "-I") ||
            has_prefix(d->cflags.v[i], "-D") ||
            has_prefix(d->cflags.v[i], "-U"))
            strvec_push(&cmd, d->cflags.v[i]);
    strvec_pushv(&cmd, srcs);
    if (spawn_run("report", cmd.v))
        size = file_size(out);
    strvec_free(&cmd);
    free(line);
    if (keep)
        *keep = out;
    else
        free(out);
    return size;
}

/* The Linux microVM: kernel + initramfs with the musl-static program
 * (at init) as /init; the note says where the kernel came from. */
static void compare_linux(struct driver *d, struct walk *w, uint64_t musl,
                          const char *init)
{
    static const char name[] = "Linux microVM (kernel + initramfs)";
    char *from, *kernel = report_linux_kernel(d, &from), *note;
    uint64_t ksize = kernel ? file_size(kernel) : 0, initrd = 0;
    bool gz = false;

    if (kernel && !ksize)
        warn("--report: cannot read the Linux kernel %s (%s)", kernel,
             from);
    if (ksize && musl)
        initrd = report_linux_initramfs(init, &gz);
    if (initrd) {
        note = xasprintf("kernel %s: %lu bytes, %s; initramfs: the "
                         "musl-static program as /init, %s: %lu bytes",
                         kernel, (unsigned long)ksize, from,
                         gz ? "cpio.gz" : "cpio (no gzip)",
                         (unsigned long)initrd);
        report_add_compare(w, name, ksize + initrd, note);
        free(note);
    } else if (kernel && !ksize) {
        note = xasprintf("cannot read the kernel %s (%s)", kernel, from);
        report_add_compare(w, name, 0, note);
        free(note);
    } else if (ksize) {
        report_add_compare(w, name, 0, "no initramfs: the musl-static "
                           "program was not built");
    } else {
        report_add_compare(w, name, 0, "no kernel: give "
                           "--report-linux=PATH or UKCC_REPORT_LINUX, or "
                           "fetch one into .deps/linux (bench/lib.sh)");
    }
    free(kernel);
    free(from);
}

static void compare(struct driver *d, struct walk *w)
{
    struct strvec srcs = {0};
    uint64_t musl = 0, glibc = 0;

    if (!c_sources(d, &srcs)) {
        report_add_compare(w, "musl-gcc -static -Os -s", 0,
                           "not built: the inputs are not all C sources");
        strvec_free(&srcs);
        return;
    }
    char *init = NULL;
    musl = baseline(d, "musl-gcc", &srcs, &init);
    glibc = baseline(d, "gcc", &srcs, NULL);
    report_add_compare(w, "musl-gcc -static -Os -s", musl,
                       musl ? NULL : "musl-gcc missing or failed");
    report_add_compare(w, "gcc (glibc) -static -Os -s", glibc,
                       glibc ? NULL : "gcc missing or failed");
    compare_linux(d, w, musl, init);
    free(init);
    strvec_free(&srcs);
}

static FILE *report_out(struct driver *d, const char *output, char **path)
{
    *path = NULL;
    if (d->report_file && strcmp(d->report_file, "-") != 0)
        *path = xstrdup(d->report_file);
    else if (!d->report_file && strcmp(d->report, "text") != 0)
        *path = xasprintf("%s.report.%s", output, d->report);
    if (!*path)
        return stdout;
    FILE *f = fopen(*path, "w");
    if (!f)
        fatal("cannot write the report %s:", *path);
    return f;
}

/* With --report, lld lists the archive members it extracts here. */
const char *report_extract_file(struct driver *d)
{
    static char *path;

    if (!d->report || d->dry_run)
        return NULL;
    if (!path)
        path = tmpfile_create(NULL, "why-extract", ".txt");
    return path;
}

static void inputs(struct driver *d, struct walk *w)
{
    struct strvec objs = {0};

    for (size_t i = 0; i < d->nitems; i++)
        if (d->items[i].kind == ITEM_INPUT && d->items[i].object)
            strvec_push(&objs, d->items[i].object);
    if (report_read_inputs(w, report_extract_file(d),
                           (const char *const *)objs.v) < 0)
        warn("--report: cannot read lld's --why-extract list");
    strvec_free(&objs);
}

/* --report: elf is the unstripped ELF of the image now at output. */
void report_emit(struct driver *d, const char *elf, const char *output)
{
    enum report_format fmt;
    char err[1024], *path;
    struct walk *w;

    if (!d->report || d->dry_run)
        return;
    report_format_parse(d->report, &fmt);
    w = report_open(elf, output, record_archives(), err, sizeof err);
    if (!w)
        fatal("--report: %s", err);
    inputs(d, w);
    compare(d, w);
    FILE *out = report_out(d, output, &path);
    report_write(w, fmt, out);
    if (out != stdout && fclose(out) != 0)
        fatal("cannot write the report %s:", path);
    else if (out == stdout)
        fflush(stdout);
    report_close(w);
    free(path);
}
