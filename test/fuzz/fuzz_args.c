/* fuzz_args.c: libFuzzer target: ukcc's command-line parser (args.c). */
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "driver.h"

/* The parser reports bad options with fatal(), which exits; linked with
 * --wrap=fatal, it lands here and the input is done. */
static jmp_buf fatal_jmp;

_Noreturn void __wrap_fatal(const char *fmt, ...)
{
    (void)fmt;
    longjmp(fatal_jmp, 1);
}

/* The answers to --version and friends are only stored by the parser. */
void info_version(const char *v) { (void)v; }
void info_dumpversion(const char *v) { (void)v; }
void info_dumpmachine(const char *v) { (void)v; }
void info_prog_name(const char *v) { (void)v; }
void info_file_name(const char *v) { (void)v; }
void info_libgcc_file_name(const char *v) { (void)v; }
void info_search_dirs(const char *v) { (void)v; }
void info_sysroot(const char *v) { (void)v; }
void info_help(const char *v) { (void)v; }

/* The input is argv[1..]: words separated by NUL bytes. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = malloc(size + 1), **argv;
    struct driver *d = calloc(1, sizeof(*d));
    int argc = 1;

    memcpy(buf, data, size);
    buf[size] = 0;
    for (size_t i = 0; i < size; i++)
        argc += buf[i] == 0;
    argc += 1;
    argv = calloc((size_t)argc + 1, sizeof(*argv));
    argv[0] = "ukcc";
    argc = 1;
    for (char *p = buf; p <= buf + size; p += strlen(p) + 1)
        argv[argc++] = p;
    d->last = LINK;
    if (!setjmp(fatal_jmp)) {
        parse_args(d, argc, argv);
        /* What main() does next with the result, short of running tools. */
        for (size_t i = 0; i < d->nitems; i++)
            if (d->items[i].kind == ITEM_INPUT)
                free(input_default_output(d->items[i].text, d->last));
    }
    strvec_free(&d->cflags);
    strvec_free(&d->libdirs);
    free(d->items);
    free(d);
    free(argv);
    free(buf);
    return 0;
}
