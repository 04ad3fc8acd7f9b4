/* stages.c: the stage table and the run of each input through its stages. */
#include <stdlib.h>
#include <string.h>

#include "driver.h"

/* clang does preprocess, compile and assemble in one process: the flag of
 * the last stage wanted tells it where to stop. */
static const struct {
    const char *name;
    const char *doing;
    const char *clang_flag;
} stages[NSTAGES] = {
    [PREPROCESS] = {"preprocess", "preprocessing", "-E"},
    [COMPILE] = {"compile", "compilation", "-S"},
    [ASSEMBLE] = {"assemble", "assembly", "-c"},
    [LINK] = {"link", "linking", NULL},
};

const char *stage_name(enum stage s)
{
    return stages[s].name;
}

const char *stage_clang_flag(enum stage s)
{
    return stages[s].clang_flag;
}

/* Where the last stage before LINK writes: a temporary object when the run
 * goes on to link, else -o or gcc's default name (NULL: stdout). */
static const char *output_for(struct driver *d, const struct item *in)
{
    char *out, *stem;
    const char *base;
    size_t len;

    if (d->last == LINK) {
        base = path_base(in->text);
        len = strcspn(base, ".");
        stem = xasprintf("%.*s", (int)(len ? len : strlen(base)), base);
        out = tmpfile_create(NULL, stem, ".o");
        free(stem);
        return out;
    }
    out = d->output ? xstrdup(d->output)
                    : input_default_output(in->text, d->last);
    if (out)
        tmpfile_remove_on_failure(out);
    return out;
}

/* Take one input from its first stage up to the last one before LINK.
 * Inputs that enter after the last stage (foo.o with -c) are unused. */
static bool run_input(struct driver *d, struct item *in)
{
    enum stage first = input_first_stage(in->lang);
    enum stage upto = d->last < ASSEMBLE ? d->last : ASSEMBLE;
    struct strvec cmd = {0};
    const char *out;
    bool ok;

    if (first == LINK) {
        in->object = in->text;
        if (d->last != LINK)
            warn("%s: linker input unused because linking is not done",
                 in->text);
        return true;
    }
    if (first > d->last) {
        warn("%s: input unused because %s is not done", in->text,
             stages[first].doing);
        return true;
    }
    out = output_for(d, in);
    compile_build_cmd(d, &cmd, in, upto, out);
    ok = spawn_run(stage_name(upto), cmd.v);
    strvec_free(&cmd);
    /* A finished -c/-S/-E output stays even if a later input fails, as
     * with gcc; a failed one is removed at exit. */
    if (ok && out && d->last != LINK)
        tmpfile_forget(out);
    in->object = out;
    return ok;
}

/* Run every input, even after one fails, so that the user sees all the
 * diagnostics at once (as with gcc); then stop if any failed. */
void stage_run_inputs(struct driver *d)
{
    bool ok = true;

    for (size_t i = 0; i < d->nitems; i++)
        if (d->items[i].kind == ITEM_INPUT)
            ok &= run_input(d, &d->items[i]);
    if (!ok)
        exit(1);
}
