/* info.c: answers to --version, -dumpmachine, -print-* and other queries. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "driver.h"

/* The first line is what build scripts parse: keep its shape. */
void info_version(const char *unused)
{
    (void)unused;
    printf("ukcc version %s (clang %s, musl %s)\n", UKCC_VERSION,
           UKCC_CLANG_VERSION, UKCC_MUSL_VERSION);
    printf("Target: %s\n", UKCC_TARGET);
    printf("Sysroot: %s\n", sysroot_dir());
}

/* -v prints this to stderr before running anything, as gcc does. */
void info_banner(void)
{
    fprintf(stderr, "ukcc version %s (clang %s, musl %s)\n", UKCC_VERSION,
            UKCC_CLANG_VERSION, UKCC_MUSL_VERSION);
    fprintf(stderr, "Target: %s\nSysroot: %s\n", UKCC_TARGET, sysroot_dir());
}

void info_dumpversion(const char *unused)
{
    (void)unused;
    puts(UKCC_VERSION);
}

void info_dumpmachine(const char *unused)
{
    (void)unused;
    puts(UKCC_TARGET);
}

/* -print-prog-name=X: the tool ukcc runs for X; like gcc, an unknown name
 * is printed back unchanged. */
void info_prog_name(const char *prog)
{
    static const struct {
        const char *name, *path;
    } progs[] = {
        {"cc", UKCC_CLANG},  {"cc1", UKCC_CLANG},       {"cpp", UKCC_CLANG},
        {"as", UKCC_CLANG},  {"clang", UKCC_CLANG},     {"ld", UKCC_LD},
        {"ld.lld", UKCC_LD}, {"objcopy", UKCC_OBJCOPY}, {"strip", UKCC_OBJCOPY},
        {"ar", UKCC_AR},
    };

    for (size_t i = 0; i < sizeof(progs) / sizeof(progs[0]); i++) {
        if (strcmp(progs[i].name, prog) == 0) {
            puts(progs[i].path);
            return;
        }
    }
    puts(prog);
}

/* -print-file-name=X: X in the sysroot's lib/ or top directory if there;
 * libgcc.a is our copy of the compiler-rt builtins. Else X, as gcc does. */
void info_file_name(const char *file)
{
    static const char *const dirs[] = {"lib", "."};

    if (strcmp(file, "libgcc.a") == 0)
        file = "libukbuiltins.a";
    for (size_t i = 0; i < 2; i++) {
        char *path = xasprintf("%s/%s/%s", sysroot_dir(), dirs[i], file);

        if (*file && path_exists(path)) {
            puts(path);
            free(path);
            return;
        }
        free(path);
    }
    puts(file);
}

void info_libgcc_file_name(const char *unused)
{
    (void)unused;
    info_file_name("libukbuiltins.a");
}

void info_search_dirs(const char *unused)
{
    char *bindir = xasprintf("%s", UKCC_CLANG);

    (void)unused;
    *strrchr(bindir, '/') = '\0';
    printf("install: %s/\n", sysroot_dir());
    printf("programs: =%s\n", bindir);
    printf("libraries: =%s/lib\n", sysroot_dir());
    free(bindir);
}

void info_sysroot(const char *unused)
{
    (void)unused;
    puts(sysroot_dir());
}

void info_help(const char *unused)
{
    (void)unused;
    args_print_help();
}
