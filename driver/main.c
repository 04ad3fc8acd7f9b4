/* main.c: ukcc, a gcc-compatible driver that builds unikernel images.
 *
 *   ukcc -o app.img main.c       compile and link one bootable image
 *   ukcc -c foo.c                compile to a fat LTO object, as gcc -c
 *   make CC=ukcc                 the same, from an existing Makefile
 *
 * The run is: read the command line (expanding @files), answer questions
 * (--version ...), check the request, take each input through its stages,
 * link. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "driver.h"

/* Answer every informational option in order; true if there were any. */
static bool answer_queries(struct driver *d)
{
    for (size_t i = 0; i < d->nqueries; i++)
        d->queries[i].answer(d->queries[i].value);
    return d->nqueries > 0;
}

static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;

    if (strcmp(a, b) == 0)
        return true;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

/* Refuse what cannot work before running anything. */
static void check_request(struct driver *d)
{
    if (d->shared)
        fatal("-shared: shared objects cannot go into a unikernel image; "
              "ukcc links the program into one static image (drop "
              "-shared%s)",
              d->pic ? " and -fPIC" : "");
    if (d->ninputs == 0)
        fatal("no input files");
    if (d->output && d->last != LINK && d->ninputs > 1)
        fatal("-o cannot be used with -c, -S or -E when there are several "
              "input files (%zu given)",
              d->ninputs);
    for (size_t i = 0; d->output && i < d->nitems; i++)
        if (d->items[i].kind == ITEM_INPUT &&
            same_file(d->items[i].text, d->output))
            fatal("input file '%s' is the same as the output file",
                  d->items[i].text);
    if (!d->dry_run)
        output_check(d->output);
}

/* Classify all inputs, naming every one that is missing or unusable. */
static void classify_inputs(struct driver *d)
{
    bool ok = true;

    for (size_t i = 0; i < d->nitems; i++)
        if (d->items[i].kind == ITEM_INPUT)
            ok &= input_classify(&d->items[i], d->last) &&
                  objcheck_input(&d->items[i], d->last);
    if (!ok)
        exit(1);
}

/* Will clang compile any C (so the musl headers must be there)? */
static bool compiles_c(const struct driver *d)
{
    for (size_t i = 0; i < d->nitems; i++) {
        const struct item *in = &d->items[i];

        if (in->kind == ITEM_INPUT && in->lang != LANG_ASM &&
            input_first_stage(in->lang) <= d->last &&
            input_first_stage(in->lang) != LINK)
            return true;
    }
    return false;
}

int main(int argc, char **argv)
{
    struct driver d = {.last = LINK};

    respfile_expand(&argc, &argv);
    parse_args(&d, argc, argv);
    tmpfile_init(d.dry_run);
    spawn_set_mode(d.verbose, d.dry_run);
    if (answer_queries(&d))
        return 0;
    if (d.verbose || d.dry_run) {
        info_banner();
        if (d.ninputs == 0)
            return 0;
    }
    check_request(&d);
    classify_inputs(&d);
    /* -### shows the commands even before the sysroot is built. */
    if (!d.dry_run)
        sysroot_check(compiles_c(&d) && !d.nostdinc, d.last == LINK);
    if (d.last == LINK)
        tmpfile_remove_on_failure(d.output ? d.output : "a.out");
    stage_run_inputs(&d);
    if (d.last == LINK)
        link_image(&d);
    tmpfile_commit();
    return 0;
}
