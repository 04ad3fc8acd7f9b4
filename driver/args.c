/* args.c: parse_args, a gcc-compatible command line read through a table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "driver.h"

/* How an option takes its value: -c (FLAG), -O2 (JOINED), -Xlinker arg
 * (SEPARATE), -I dir or -Idir (JOINED_OR_SEPARATE). */
enum kind { FLAG, JOINED, SEPARATE, JOINED_OR_SEPARATE };

struct option;

/* One matched option: its value and the argv words it used (1 or 2), so a
 * pass-through action can forward them exactly as the user wrote them. */
struct match {
    const struct option *opt;
    const char *value;
    char **words;
    int nwords;
};

struct option {
    const char *spelling;
    enum kind kind;
    void (*action)(struct driver *d, const struct match *m);
    void (*answer)(const char *value); /* for act_query */
    const char *meta;                  /* --help: the value's name */
    const char *help;                  /* --help: NULL hides the option */
};

static void add_item(struct driver *d, enum item_kind kind, const char *text)
{
    struct item *it;

    if (d->nitems == d->itemcap) {
        d->itemcap = d->itemcap ? d->itemcap * 2 : 16;
        d->items = xrealloc(d->items, d->itemcap * sizeof(*d->items));
    }
    it = &d->items[d->nitems++];
    *it = (struct item){.kind = kind, .text = text};
    if (kind == ITEM_INPUT) {
        it->lang = d->cur_lang;
        it->explicit_lang = d->cur_lang != LANG_NONE;
        d->ninputs++;
    }
}

/* Actions. Each handles one family of options. */

static void act_cflag(struct driver *d, const struct match *m)
{
    for (int i = 0; i < m->nwords; i++)
        strvec_push(&d->cflags, m->words[i]);
}

/* -E, -S, -c: with several, the earliest stop wins, as with gcc. */
static void act_stop(struct driver *d, const struct match *m)
{
    enum stage s = m->opt->spelling[1] == 'E'   ? PREPROCESS
                   : m->opt->spelling[1] == 'S' ? COMPILE
                                                : ASSEMBLE;

    if (s < d->last)
        d->last = s;
}

static void act_output(struct driver *d, const struct match *m)
{
    d->output = m->value;
}

static void act_lang(struct driver *d, const struct match *m)
{
    d->cur_lang = input_lang_from_x(m->value);
}

static void act_verbose(struct driver *d, const struct match *m)
{
    (void)m;
    d->verbose = true;
}

static void act_dry_run(struct driver *d, const struct match *m)
{
    (void)m;
    d->dry_run = true;
}

static void act_debug(struct driver *d, const struct match *m)
{
    d->debug = strcmp(m->value, "0") != 0;
    act_cflag(d, m);
}

static void act_strip(struct driver *d, const struct match *m)
{
    (void)m;
    d->strip = true;
}

static void act_nostdinc(struct driver *d, const struct match *m)
{
    (void)m;
    d->nostdinc = true;
}

/* -MD/-MMD: write foo.d beside the object while compiling. */
static void act_dep_write(struct driver *d, const struct match *m)
{
    d->depfile = true;
    act_cflag(d, m);
}

static void act_dep_file(struct driver *d, const struct match *m)
{
    d->depfile_named = true;
    act_cflag(d, m);
}

static void act_dep_target(struct driver *d, const struct match *m)
{
    d->deptarget_named = true;
    act_cflag(d, m);
}

/* -M/-MM print rules instead of compiling: as with gcc, that is -E. */
static void act_dep_only(struct driver *d, const struct match *m)
{
    d->last = PREPROCESS;
    act_cflag(d, m);
}

/* Everything runs as position-dependent code in one address space, and we
 * compile with -fno-pic: a later -fPIC must not undo that. */
static void act_pic(struct driver *d, const struct match *m)
{
    (void)m;
    d->pic = true;
}

static void act_shared(struct driver *d, const struct match *m)
{
    (void)m;
    d->shared = true;
}

static void act_bad_arch(struct driver *d, const struct match *m)
{
    (void)d;
    fatal("%s: ukcc builds x86_64 images only", m->words[0]);
}

static void act_ignore(struct driver *d, const struct match *m)
{
    (void)d;
    (void)m;
}

static void act_nostdlib(struct driver *d, const struct match *m)
{
    (void)d;
    warn("%s ignored: an image always links the kernel, runtime and libc",
         m->words[0]);
}

static void act_layout(struct driver *d, const struct match *m)
{
    (void)d;
    warn("%s ignored: the entry point and layout of an image come from "
         "ukcc.ld",
         m->words[0]);
}

static void act_lib(struct driver *d, const struct match *m)
{
    add_item(d, ITEM_LIB, m->value);
}

static void act_embed(struct driver *d, const struct match *m)
{
    d->embed_dir = m->value;
}

static void act_boot_args(struct driver *d, const struct match *m)
{
    strvec_push(&d->boot_args, m->value);
}

static void act_allow_unsupported(struct driver *d, const struct match *m)
{
    (void)m;
    d->allow_unsupported = true;
}

/* --report, --report=FORMAT, --report-file=PATH, --report-linux=PATH */
static void act_report(struct driver *d, const struct match *m)
{
    const char *s = m->opt->spelling;

    if (strcmp(s, "--report") == 0)
        d->report = "text";
    else if (strcmp(s, "--report=") == 0)
        d->report = m->value;
    else if (strcmp(s, "--report-file=") == 0)
        d->report_file = m->value;
    else
        d->report_linux = m->value;
    if (d->report && strcmp(d->report, "text") != 0 &&
        strcmp(d->report, "json") != 0 && strcmp(d->report, "html") != 0)
        fatal("unknown report format '%s' in --report=: use text, json "
              "or html", d->report);
}

static void act_libdir(struct driver *d, const struct match *m)
{
    strvec_push(&d->libdirs, m->value);
}

/* -Wl,a,b,c: each comma-separated piece is one linker argument. */
static void act_wl(struct driver *d, const struct match *m)
{
    char *copy = xstrdup(m->value), *save = NULL;

    for (char *p = strtok_r(copy, ",", &save); p;
         p = strtok_r(NULL, ",", &save))
        add_item(d, ITEM_ARG, xstrdup(p));
    free(copy);
}

/* -Xlinker arg, and the gcc options ld takes as they are (-z x, -u sym). */
static void act_linker(struct driver *d, const struct match *m)
{
    if (strcmp(m->opt->spelling, "-Xlinker") != 0)
        add_item(d, ITEM_ARG, m->opt->spelling);
    add_item(d, ITEM_ARG, m->value);
}

static void act_query(struct driver *d, const struct match *m)
{
    if (d->nqueries == sizeof(d->queries) / sizeof(d->queries[0]))
        fatal("too many informational options");
    d->queries[d->nqueries++] =
        (struct query){.answer = m->opt->answer, .value = m->value};
}

/* The options ukcc acts on. An option not here goes to clang unchanged;
 * where several spellings match, the longest wins (-fPIC over -f). */
static const struct option options[] = {
    /* What to do */
    {"-c", FLAG, act_stop, NULL, NULL, "compile and assemble to foo.o"},
    {"-S", FLAG, act_stop, NULL, NULL, "compile to assembly foo.s"},
    {"-E", FLAG, act_stop, NULL, NULL, "preprocess to stdout (or -o)"},
    {"-o", JOINED_OR_SEPARATE, act_output, NULL, "<file>",
     "write the image (default a.out) or output to <file>"},
    {"-x", JOINED_OR_SEPARATE, act_lang, NULL, "<lang>",
     "later inputs are c, cpp-output, assembler,\n"
     "                           assembler-with-cpp or none (by name)"},
    {"-v", FLAG, act_verbose, NULL, NULL,
     "print the version, then each command before it runs"},
    {"-###", FLAG, act_dry_run, NULL, NULL,
     "print the commands, quoted, and run nothing"},
    /* Compiling */
    {"-g", JOINED, act_debug, NULL, NULL,
     "debug information; the image keeps its symbols"},
    {"-O", JOINED, act_cflag, NULL, "<level>",
     "optimisation level (default -O0, as with gcc)"},
    {"-I", JOINED_OR_SEPARATE, act_cflag, NULL, NULL, NULL},
    {"-D", JOINED_OR_SEPARATE, act_cflag, NULL, NULL, NULL},
    {"-U", JOINED_OR_SEPARATE, act_cflag, NULL, NULL, NULL},
    {"-include", SEPARATE, act_cflag, NULL, NULL, NULL},
    {"-imacros", SEPARATE, act_cflag, NULL, NULL, NULL},
    {"-isystem", JOINED_OR_SEPARATE, act_cflag, NULL, NULL, NULL},
    {"-iquote", JOINED_OR_SEPARATE, act_cflag, NULL, NULL, NULL},
    {"-idirafter", JOINED_OR_SEPARATE, act_cflag, NULL, NULL, NULL},
    {"-MF", JOINED_OR_SEPARATE, act_dep_file, NULL, NULL, NULL},
    {"-MT", JOINED_OR_SEPARATE, act_dep_target, NULL, NULL, NULL},
    {"-MQ", JOINED_OR_SEPARATE, act_dep_target, NULL, NULL, NULL},
    {"-MD", FLAG, act_dep_write, NULL, NULL, NULL},
    {"-MMD", FLAG, act_dep_write, NULL, NULL, NULL},
    {"-M", FLAG, act_dep_only, NULL, NULL, NULL},
    {"-MM", FLAG, act_dep_only, NULL, NULL, NULL},
    {"-iprefix", JOINED_OR_SEPARATE, act_cflag, NULL, NULL, NULL},
    {"-iwithprefix", JOINED_OR_SEPARATE, act_cflag, NULL, NULL, NULL},
    {"-iwithprefixbefore", JOINED_OR_SEPARATE, act_cflag, NULL, NULL, NULL},
    {"-isysroot", JOINED_OR_SEPARATE, act_cflag, NULL, NULL, NULL},
    {"-MJ", JOINED_OR_SEPARATE, act_cflag, NULL, NULL, NULL},
    {"-mllvm", SEPARATE, act_cflag, NULL, NULL, NULL},
    {"--param", SEPARATE, act_cflag, NULL, NULL, NULL},
    {"-Xclang", SEPARATE, act_cflag, NULL, NULL, NULL},
    {"-Xpreprocessor", SEPARATE, act_cflag, NULL, NULL, NULL},
    {"-Xassembler", SEPARATE, act_cflag, NULL, NULL, NULL},
    {"-nostdinc", FLAG, act_nostdinc, NULL, NULL, NULL},
    {"-fPIC", FLAG, act_pic, NULL, NULL, NULL},
    {"-fpic", FLAG, act_pic, NULL, NULL, NULL},
    {"-fPIE", FLAG, act_pic, NULL, NULL, NULL},
    {"-fpie", FLAG, act_pic, NULL, NULL, NULL},
    {"-fuse-ld=", JOINED, act_ignore, NULL, NULL, NULL},
    {"-m32", FLAG, act_bad_arch, NULL, NULL, NULL},
    {"-m16", FLAG, act_bad_arch, NULL, NULL, NULL},
    {"-mx32", FLAG, act_bad_arch, NULL, NULL, NULL},
    /* Linking */
    {"-l", JOINED_OR_SEPARATE, act_lib, NULL, "<name>",
     "link lib<name>.a from a -L directory; -lc -lm\n"
     "                           -lpthread -lrt -ldl ... are in libc"},
    {"-L", JOINED_OR_SEPARATE, act_libdir, NULL, "<dir>",
     "search <dir> for -l libraries"},
    {"-Wl,", JOINED, act_wl, NULL, "<args>",
     "pass the comma-separated <args> to ld.lld"},
    {"-Xlinker", SEPARATE, act_linker, NULL, "<arg>", "pass <arg> to ld.lld"},
    {"-z", SEPARATE, act_linker, NULL, NULL, NULL},
    {"-u", SEPARATE, act_linker, NULL, NULL, NULL},
    {"-s", FLAG, act_strip, NULL, NULL, "strip the image even with -g"},
    {"--embed", SEPARATE, act_embed, NULL, "<dir>",
     "pack <dir> into the image; the program finds\n"
     "                           its files under / at start"},
    {"--embed=", JOINED, act_embed, NULL, NULL, NULL},
    {"--boot-args=", JOINED, act_boot_args, NULL, "<options>",
     "default kernel options of the image, e.g.\n"
     "                           'env=HOME=/root strace'; the command line\n"
     "                           the image boots with overrides them"},
    {"--boot-args", SEPARATE, act_boot_args, NULL, NULL, NULL},
    {"--allow-unsupported", FLAG, act_allow_unsupported, NULL, NULL,
     "link calls a unikernel cannot honour (fork,\n"
     "                           exec*, wait*, system, ...): they fail at\n"
     "                           run time; without it the link fails"},
    {"--report", FLAG, act_report, NULL, NULL,
     "print what is in the image, why and how big"},
    {"--report=", JOINED, act_report, NULL, "<format>",
     "text (stdout), json or html (IMAGE.report.json\n"
     "                           or .html)"},
    {"--report-file=", JOINED, act_report, NULL, "<path>",
     "write the report to <path> (- for stdout)"},
    {"--report-linux=", JOINED, act_report, NULL, "<kernel>",
     "compare with a Linux microVM using <kernel>"},
    {"-shared", FLAG, act_shared, NULL, NULL, NULL},
    {"-static", FLAG, act_ignore, NULL, NULL, NULL},
    {"-static-pie", FLAG, act_ignore, NULL, NULL, NULL},
    {"-static-libgcc", FLAG, act_ignore, NULL, NULL, NULL},
    {"-rdynamic", FLAG, act_ignore, NULL, NULL, NULL},
    {"-pie", FLAG, act_ignore, NULL, NULL, NULL},
    {"-no-pie", FLAG, act_ignore, NULL, NULL, NULL},
    {"-pipe", FLAG, act_ignore, NULL, NULL, NULL},
    {"-nostdlib", FLAG, act_nostdlib, NULL, NULL, NULL},
    {"-nodefaultlibs", FLAG, act_nostdlib, NULL, NULL, NULL},
    {"-nostartfiles", FLAG, act_nostdlib, NULL, NULL, NULL},
    {"-nolibc", FLAG, act_nostdlib, NULL, NULL, NULL},
    {"-e", SEPARATE, act_layout, NULL, NULL, NULL},
    {"--entry=", JOINED, act_layout, NULL, NULL, NULL},
    {"-T", JOINED_OR_SEPARATE, act_layout, NULL, NULL, NULL},
    /* Questions */
    {"--help", FLAG, act_query, info_help, NULL, "print this help"},
    {"--version", FLAG, act_query, info_version, NULL,
     "print the version of ukcc, clang and musl"},
    {"-dumpversion", FLAG, act_query, info_dumpversion, NULL,
     "print the version of ukcc"},
    {"-dumpfullversion", FLAG, act_query, info_dumpversion, NULL, NULL},
    {"-dumpmachine", FLAG, act_query, info_dumpmachine, NULL,
     "print the target triple"},
    {"-print-prog-name=", JOINED, act_query, info_prog_name, "<prog>",
     "print the tool ukcc runs as <prog> (ld, as, ...)"},
    {"-print-file-name=", JOINED, act_query, info_file_name, "<file>",
     "print the path of <file> in the sysroot"},
    {"-print-libgcc-file-name", FLAG, act_query, info_libgcc_file_name, NULL,
     NULL},
    {"-print-search-dirs", FLAG, act_query, info_search_dirs, NULL,
     "print the tool and library directories"},
    {"-print-sysroot", FLAG, act_query, info_sysroot, NULL,
     "print the sysroot (headers, archives, ukcc.ld)"},
};

#define NOPTIONS (sizeof(options) / sizeof(options[0]))

static bool matches(const struct option *o, const char *arg)
{
    if (o->kind == FLAG || o->kind == SEPARATE)
        return strcmp(arg, o->spelling) == 0;
    return has_prefix(arg, o->spelling);
}

/* The longest spelling that matches arg, or NULL. */
static const struct option *option_find(const char *arg)
{
    const struct option *best = NULL;

    for (size_t i = 0; i < NOPTIONS; i++)
        if (matches(&options[i], arg) &&
            (!best || strlen(options[i].spelling) > strlen(best->spelling)))
            best = &options[i];
    return best;
}

/* Match argv[i] and collect its value. Returns how many words it used. */
static int option_match(struct match *m, char **argv, int argc, int i)
{
    const struct option *o = m->opt;
    const char *joined = argv[i] + strlen(o->spelling);

    m->words = &argv[i];
    m->nwords = 1;
    m->value = joined;
    if (o->kind == SEPARATE || (o->kind == JOINED_OR_SEPARATE && !*joined)) {
        if (i + 1 >= argc)
            fatal("missing argument to '%s'", argv[i]);
        m->value = argv[i + 1];
        m->nwords = 2;
    }
    return m->nwords;
}

void parse_args(struct driver *d, int argc, char **argv)
{
    int i = 1;

    while (i < argc) {
        const char *arg = argv[i];
        struct match m = {0};

        if (arg[0] != '-' || arg[1] == '\0') {
            add_item(d, ITEM_INPUT, arg);
            i++;
            continue;
        }
        m.opt = option_find(arg);
        if (!m.opt) {
            /* Unknown to us: clang decides (it warns or errors). */
            strvec_push(&d->cflags, arg);
            i++;
            continue;
        }
        i += option_match(&m, argv, argc, i);
        m.opt->action(d, &m);
    }
}

void args_print_help(void)
{
    printf("Usage: ukcc [options] file...\n\n"
           "Compile C programs with clang-19 against musl and link them, "
           "with libc, the\nukcc runtime and kernel, into one bootable "
           "unikernel image (run it with ukrun).\n"
           "Inputs: .c .i .s .S (compiled), .o .a (linked).\n\n"
           "Options:\n");
    for (size_t i = 0; i < NOPTIONS; i++) {
        const struct option *o = &options[i];
        char name[40];

        if (!o->help)
            continue;
        snprintf(name, sizeof(name), "%s%s%s", o->spelling,
                 o->meta && o->kind != JOINED ? " " : "",
                 o->meta ? o->meta : "");
        printf("  %-24s %s\n", name, o->help);
    }
    printf("\nAs with gcc, -I -D -U -include -isystem -std= -W* -f* -m* "
           "-M* and any other\noption go to clang-19. -static, -pie, "
           "-no-pie and -rdynamic are accepted and\nignored: an image is "
           "always static. Shared objects (-shared) are refused.\n"
           "@file reads more arguments from file.\n\n"
           "Environment:\n"
           "  UKCC_SYSROOT             use this sysroot instead of "
           "<ukcc dir>/../lib/ukcc\n");
}
