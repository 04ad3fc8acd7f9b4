/* compile.c: the clang-19 command line that takes one input to its stage. */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "driver.h"

/* Flags every C and .S input gets, before the user's: build for the image
 * (musl headers, no PIC) and keep each function and object in its own
 * section so that the final link can drop what is unreachable. */
static const char *const image_flags[] = {
    "-fno-pic",
    "-fno-pie",
    "-ffunction-sections",
    "-fdata-sections",
    "-fno-asynchronous-unwind-tables",
    "-fno-unwind-tables",
    "-fno-omit-frame-pointer", /* crash backtraces walk the rbp chain */
    /* A smashed canary aborts with a report; the canary is random per boot
     * (musl takes it from AT_RANDOM). -fno-stack-protector opts out. */
    "-fstack-protector-strong",
};

/* Objects carry LLVM bitcode beside machine code (fat LTO objects): the
 * image link optimises across program, libc, runtime and kernel. Only for
 * objects: with -S or -E they would turn the output into IR.
 * Line tables survive LTO, so lld can say "undefined symbol: foo >>>
 * referenced by main.c:12" instead of naming its LTO temporary; they cost
 * object size only, since the image is stripped. A -g or -g0 of the user
 * comes later and wins. */
static const char *const object_flags[] = {"-flto", "-ffat-lto-objects",
                                           "-gline-tables-only"};

#define PUSH_ALL(cmd, arr)                                                     \
    for (size_t i_ = 0; i_ < sizeof(arr) / sizeof(arr[0]); i_++)               \
    strvec_push(cmd, arr[i_])

static void push_includes(struct driver *d, struct strvec *cmd)
{
    char *inc;

    strvec_push(cmd, "-nostdinc");
    if (d->nostdinc)
        return;
    inc = sysroot_path("include");
    strvec_push(cmd, "-isystem");
    strvec_push(cmd, inc);
    strvec_push(cmd, "-isystem");
    strvec_push(cmd, UKCC_CLANG_RESOURCE_DIR "/include");
    free(inc);
}

/* -MD/-MMD without -MF on a run that links: clang would name the file and
 * its rule after our temporary object. Do what clang does for a link:
 * "prog.d" with target "prog" for -o prog and one source, else "foo.d"
 * with target "foo.o". */
static void push_depfile(struct driver *d, struct strvec *cmd,
                         const struct item *in)
{
    bool after_output = d->output && d->ninputs == 1;
    char *target, *dep;

    if (!d->depfile || d->depfile_named || d->last != LINK)
        return;
    target = after_output ? xstrdup(d->output)
                          : input_default_output(in->text, ASSEMBLE);
    /* prog -> prog.d; foo.o -> foo.d */
    dep = xasprintf("%.*s.d", (int)strlen(target) - (after_output ? 0 : 2),
                    target);
    strvec_push(cmd, "-MF");
    strvec_push(cmd, dep);
    if (!d->deptarget_named) {
        strvec_push(cmd, "-MT");
        strvec_push(cmd, target);
    }
    free(dep);
    free(target);
}

void compile_build_cmd(struct driver *d, struct strvec *cmd,
                       const struct item *in, enum stage upto, const char *out)
{
    strvec_push(cmd, UKCC_CLANG);
    strvec_push(cmd, "--target=" UKCC_TARGET);
    if (in->lang == LANG_ASM) {
        /* Plain assembler: no preprocessor, no C. Makefiles hand it their
         * CFLAGS anyway; gcc ignores them quietly, and so do we. */
        strvec_push(cmd, "-fno-pic");
        strvec_push(cmd, "-fno-pie");
        strvec_push(cmd, "-Wno-unused-command-line-argument");
    } else {
        push_includes(d, cmd);
        PUSH_ALL(cmd, image_flags);
        if (upto == ASSEMBLE)
            PUSH_ALL(cmd, object_flags);
    }
    /* -v: as gcc, the compiler shows its include search list; CMake and
     * libtool read it to learn the implicit include directories. */
    if (d->verbose)
        strvec_push(cmd, "-v");
    strvec_pushv(cmd, &d->cflags);
    strvec_push(cmd, stage_clang_flag(upto));
    push_depfile(d, cmd, in);
    if (in->explicit_lang || strcmp(in->text, "-") == 0) {
        strvec_push(cmd, "-x");
        strvec_push(cmd, input_lang_xname(in->lang));
    }
    strvec_push(cmd, in->text);
    if (out) {
        strvec_push(cmd, "-o");
        strvec_push(cmd, out);
    }
}
