/* link.c: link objects, archives and the image archives into one image.
 *
 * ld.lld-19 writes the image to a temporary file; llvm-objcopy-19 strips it
 * (unless -g) into a temporary file beside the output, which is then
 * renamed over the output, so a reader never sees a half-written image. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "driver.h"
#include "passes.h"

/* Fixed part of the link line: a static, non-PIE ELF laid out by our
 * linker script; LTO reads the bitcode in fat objects; --gc-sections drops
 * every section nothing reaches. The entry point comes from ukcc.ld.
 * --emit-relocs keeps the relocations in the unstripped ELF: the walk
 * (report.c) reads who calls whom from them; strip drops them, so the
 * image does not grow.
 * Kept one option (with its value) per line. */
/* clang-format off */
static const char *const ld_flags[] = {
    "-m", "elf_x86_64",
    "-static",
    "--no-dynamic-linker",
    "-z", "max-page-size=4096",
    "-z", "noexecstack",
    "--gc-sections",
    "--fat-lto-objects",
    "--build-id=none",
    "--emit-relocs",
};
/* clang-format on */

/* Archives every image ends with, after the user's inputs. */
static const char *const image_libs[] = {
    "lib/libukkernel.a",
    "lib/libukrt.a",
    "lib/libuklwip.a", /* lld resolves archives in any order */
    "lib/libc.a",
    "lib/libukbuiltins.a",
};

/* Libraries that musl folds into libc.a: -lm and friends need nothing. */
static const char *const libc_parts[] = {
    "c", "m", "pthread", "rt", "dl", "util", "xnet", "crypt", "resolv",
};

static bool in_libc(const char *name)
{
    for (size_t i = 0; i < sizeof(libc_parts) / sizeof(libc_parts[0]); i++)
        if (strcmp(libc_parts[i], name) == 0)
            return true;
    return false;
}

/* Search the -L directories for -lNAME (libNAME.a, or NAME for -l:NAME).
 * As with gcc, -L directories come before the system's libraries: a
 * ./libutil.a wins over musl's (empty) libutil. False after reporting that
 * it is missing; *path stays NULL for a part of libc, which needs nothing
 * on the link line. */
static bool lib_resolve(struct driver *d, const char *name, char **path)
{
    bool exact = name[0] == ':';
    char *so = NULL;

    *path = NULL;
    for (size_t i = 0; i < d->libdirs.n; i++) {
        const char *dir = d->libdirs.v[i];

        *path = exact ? xasprintf("%s/%s", dir, name + 1)
                      : xasprintf("%s/lib%s.a", dir, name);
        if (path_exists(*path))
            return true;
        free(*path);
        *path = NULL;
        if (!exact && !so) {
            so = xasprintf("%s/lib%s.so", dir, name);
            if (!path_exists(so)) {
                free(so);
                so = NULL;
            }
        }
    }
    if (in_libc(name)) {
        free(so);
        return true;
    }
    if (so)
        error("cannot find -l%s: only the shared library %s exists, and a "
              "unikernel image links static archives (.a) only",
              name, so);
    else if (exact)
        error("cannot find -l%s: no %s in the -L directories", name, name + 1);
    else
        error("cannot find -l%s: no lib%s.a in the -L directories", name, name);
    free(so);
    return false;
}

/* The user's part of the link line, in command-line order. */
static void push_items(struct driver *d, struct strvec *cmd)
{
    bool ok = true;

    for (size_t i = 0; i < d->nitems; i++) {
        struct item *it = &d->items[i];
        char *lib;

        switch (it->kind) {
        case ITEM_INPUT:
            if (it->object)
                strvec_push(cmd, it->object);
            break;
        case ITEM_LIB:
            if (!lib_resolve(d, it->text, &lib))
                ok = false;
            else if (lib)
                strvec_push(cmd, lib);
            free(lib);
            break;
        case ITEM_ARG:
            strvec_push(cmd, it->text);
            break;
        }
    }
    if (!ok)
        exit(1);
}

static void build_ld_cmd(struct driver *d, struct strvec *cmd, const char *out)
{
    char *script = sysroot_path("lib/ukcc.ld");

    strvec_push(cmd, UKCC_LD);
    strvec_push(cmd, "-o");
    strvec_push(cmd, out);
    for (size_t i = 0; i < sizeof(ld_flags) / sizeof(ld_flags[0]); i++)
        strvec_push(cmd, ld_flags[i]);
    if (report_extract_file(d)) {
        char *why = xasprintf("--why-extract=%s", report_extract_file(d));
        strvec_push(cmd, why);
        free(why);
    }
    strvec_push(cmd, "-T");
    strvec_push(cmd, script);
    free(script);
    size_t first_input = cmd->n;
    push_items(d, cmd);
    char *embed = embed_object(d);
    if (embed)
        strvec_push(cmd, embed);
    free(embed);
    for (size_t i = 0; i < sizeof(image_libs) / sizeof(image_libs[0]); i++) {
        char *lib = sysroot_path(image_libs[i]);

        strvec_push(cmd, lib);
        free(lib);
    }
    /* Last: what it names, lld finds in the archives before it. */
    char *spec = spec_object(d, cmd->v + first_input, cmd->n - first_input);
    strvec_push(cmd, spec);
    free(spec);
}

static bool run(const char *what, struct strvec *cmd)
{
    bool ok = spawn_run("link", cmd->v);

    if (!ok)
        error("link stage failed: %s did not succeed (see its messages "
              "above)",
              what);
    strvec_free(cmd);
    return ok;
}

/* Give the image the mode a linker gives executables (0777 less umask):
 * the temporary file was created 0600. */
static void make_executable(const char *path)
{
    mode_t mask = umask(0);

    umask(mask);
    if (chmod(path, 0777 & ~mask) < 0)
        fatal("cannot chmod %s:", path);
}

/* Is output something other than a regular file (/dev/null, a pipe)?
 * Renaming over it would replace the device or pipe itself, so the image
 * is built in $TMPDIR and copied into it instead. */
static bool is_special(const char *output)
{
    struct stat st;

    return stat(output, &st) == 0 && !S_ISREG(st.st_mode);
}

static void copy_into(const char *from, const char *to)
{
    char buf[65536];
    FILE *in = fopen(from, "rb"), *out;
    size_t got;

    if (!in)
        fatal("cannot read %s:", from);
    out = fopen(to, "wb");
    if (!out)
        fatal("cannot write %s:", to);
    while ((got = fread(buf, 1, sizeof(buf), in)) > 0)
        if (fwrite(buf, 1, got, out) != got)
            fatal("cannot write %s:", to);
    if (fclose(out) != 0)
        fatal("cannot write %s:", to);
    fclose(in);
}

/* Make the finished image appear at output in one step: rename() within
 * the output's directory, so that no reader ever sees half an image. */
static void publish(const char *image, const char *output)
{
    if (is_special(output)) {
        copy_into(image, output);
        return;
    }
    make_executable(image);
    if (rename(image, output) < 0)
        fatal("cannot write %s:", output);
    tmpfile_forget(image);
}

/* The post-link pass: segments back to back in the file (passes/). A
 * sysroot whose linker script makes no multiboot header (the driver's own
 * tests use one) gets its image as lld wrote it. */
static void pack(struct driver *d, const char *image)
{
    char err[512];

    if (d->verbose)
        fprintf(stderr, " (post-link) image_pack %s\n", image);
    if (!image_has_multiboot(image))
        return;
    if (image_pack(image, image, err, sizeof err) < 0)
        fatal("%s", err);
}

/* output.debug: the unstripped ELF of a stripped image, or nothing (an
 * unstripped -g image is its own debug file); a stale one from an earlier
 * link must not describe a different image. */
static void publish_debug(struct driver *d, const char *elf,
                          const char *output)
{
    char *debug = xasprintf("%s.debug", output);

    if (elf && !d->strip) {
        if (rename(elf, debug) < 0)
            fatal("cannot write %s:", debug);
        tmpfile_forget(elf);
    } else if (unlink(debug) < 0 && errno != ENOENT) {
        fatal("cannot remove the stale %s:", debug);
    }
    free(debug);
}

/* Where the unstripped ELF of the published image is now. */
static const char *report_elf(struct driver *d, const char *elf,
                              const char *outdir, const char *output)
{
    static char *debug;

    if (!elf)
        return output; /* -g: the image is its own debug file */
    if (d->strip || !outdir)
        return elf; /* -s: the temporary ELF, removed at exit */
    free(debug);
    debug = xasprintf("%s.debug", output);
    return debug;
}

void link_image(struct driver *d)
{
    const char *output = d->output ? d->output : "a.out";
    bool strip = !d->debug || d->strip;
    char *outdir = is_special(output) ? NULL : path_dir(output);
    const char *base = path_base(output);
    char *elf = NULL, *final;
    struct strvec cmd = {0};

    if (!d->dry_run && outdir && access(outdir, W_OK) < 0)
        fatal("cannot write %s:", output);
    /* The unstripped ELF becomes output.debug beside the image (so it is
     * made in the output's directory, for rename): ukrun symbolizes crash
     * backtraces with it, and gdb loads it. -s means no symbols at all. */
    if (strip)
        elf = tmpfile_create(d->strip ? NULL : outdir, base, ".elf");
    final = tmpfile_create(outdir, base, ".tmp");
    build_ld_cmd(d, &cmd, strip ? elf : final);
    if (!undefined_link(d, &cmd))
        exit(1);
    report_check(d, strip ? elf : final);
    if (strip) {
        strvec_push(&cmd, UKCC_OBJCOPY);
        strvec_push(&cmd, "--strip-all");
        strvec_push(&cmd, elf);
        strvec_push(&cmd, final);
        if (!run(path_base(UKCC_OBJCOPY), &cmd))
            exit(1);
    }
    if (!d->dry_run)
        pack(d, final);
    if (!d->dry_run)
        publish(final, output);
    if (!d->dry_run && outdir)
        publish_debug(d, elf, output);
    if (!d->dry_run)
        report_emit(d, report_elf(d, elf, outdir, output), output);
    free(elf);
    free(final);
    free(outdir);
}
