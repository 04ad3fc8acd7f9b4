/* driver.h: types and prototypes shared by the files of the ukcc driver. */
#ifndef UKCC_DRIVER_H
#define UKCC_DRIVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The stages a source file goes through. clang runs the first three in one
 * process; the last stage a run reaches is chosen by -E, -S, -c or nothing. */
enum stage { PREPROCESS, COMPILE, ASSEMBLE, LINK, NSTAGES };

/* The language of an input, from -x or from its file name. */
enum lang {
    LANG_NONE,       /* not known yet: decide from the file name */
    LANG_C,          /* .c */
    LANG_CPP_OUTPUT, /* .i: C, already preprocessed */
    LANG_ASM,        /* .s */
    LANG_ASM_CPP,    /* .S: assembler that wants the preprocessor */
    LANG_OBJECT,     /* .o, .a and anything else the linker reads */
};

/* A growable, NULL-terminated array of strings: argument vectors. */
struct strvec {
    char **v;
    size_t n, cap;
};

/* What goes on the link line, in command-line order. */
enum item_kind {
    ITEM_INPUT, /* a file named on the command line (or "-") */
    ITEM_LIB,   /* -lname, resolved to a path at link time */
    ITEM_ARG,   /* one argument from -Wl, or -Xlinker */
};

struct item {
    enum item_kind kind;
    const char *text;   /* path, library name or linker argument */
    enum lang lang;     /* ITEM_INPUT: language of the file */
    bool explicit_lang; /* ITEM_INPUT: the language came from -x */
    const char *object; /* ITEM_INPUT: what the linker reads for it */
};

/* An informational option (--version, -print-*): answered, then exit 0. */
struct query {
    void (*answer)(const char *value);
    const char *value;
};

/* Everything the command line asked for. */
struct driver {
    enum stage last;       /* stop after this stage */
    const char *output;    /* -o, or NULL for the default name */
    struct strvec cflags;  /* user flags for clang, in order */
    struct strvec libdirs; /* -L directories, in order */
    struct item *items;    /* inputs, -l and -Wl, in command-line order */
    size_t nitems, itemcap;
    size_t ninputs;
    enum lang cur_lang; /* the -x in force */
    struct query queries[16];
    size_t nqueries;
    bool verbose;         /* -v: print commands before running them */
    bool dry_run;         /* -###: print commands quoted, run nothing */
    bool debug;           /* -g*: keep symbols and debug info in the image */
    bool strip;           /* -s: strip even with -g */
    bool nostdinc;        /* -nostdinc: no sysroot or clang include dirs */
    bool shared;          /* -shared: refused, see main.c */
    bool pic;             /* -fPIC/-fpic/-fPIE/-fpie was given */
    bool depfile;         /* -MD or -MMD */
    bool depfile_named;   /* -MF */
    bool deptarget_named; /* -MT or -MQ */
    const char *embed_dir; /* --embed: a directory packed into the image */
    struct strvec boot_args; /* --boot-args: default kernel options */
    bool allow_unsupported;   /* --allow-unsupported: fork() & co. link */
    const char *report;       /* --report[=FORMAT]: text, json, html */
    const char *report_file;  /* --report-file=PATH ("-": stdout) */
    const char *report_linux; /* --report-linux=PATH: a Linux kernel */
};

/* args.c: table-driven command-line parsing */
void parse_args(struct driver *d, int argc, char **argv);
void args_print_help(void);

/* respfile.c: @file arguments */
void respfile_expand(int *argc, char ***argv);

/* info.c: answers to --version, -dumpmachine, -print-* and friends */
void info_version(const char *unused);
void info_banner(void);
void info_dumpversion(const char *unused);
void info_dumpmachine(const char *unused);
void info_prog_name(const char *prog);
void info_file_name(const char *file);
void info_libgcc_file_name(const char *unused);
void info_search_dirs(const char *unused);
void info_sysroot(const char *unused);
void info_help(const char *unused);

/* input.c: classifying inputs and naming outputs */
enum lang input_lang_from_x(const char *name);
const char *input_lang_xname(enum lang lang);
enum stage input_first_stage(enum lang lang);
bool input_classify(struct item *in, enum stage last);
char *input_default_output(const char *path, enum stage last);

/* objcheck.c: link inputs checked before the link (one error line each) */
bool objcheck_input(const struct item *in, enum stage last);
bool objcheck_file(const char *path);
const char *objcheck_buffer(const unsigned char *p, size_t n,
                            const char **member);

/* output.c: an -o that cannot be written is refused up front */
void output_check(const char *path);

/* stages.c: the stage table and the per-input pipeline */
const char *stage_name(enum stage s);
const char *stage_clang_flag(enum stage s);
void stage_run_inputs(struct driver *d);

/* compile.c: the clang command for one input */
void compile_build_cmd(struct driver *d, struct strvec *cmd,
                       const struct item *in, enum stage upto, const char *out);

/* embed.c: --embed DIR as a linkable object (NULL without --embed) */
char *embed_object(struct driver *d);

/* spec.c: the specialisation object (passes/spec_*.c) for the link
 * line's inputs, inputs[0..n): always one, empty for a program with no
 * component records (a fake sysroot) */
char *spec_object(struct driver *d, char *const *inputs, size_t n);

/* link.c: the final link into one image, strip, atomic rename */
void link_image(struct driver *d);

/* report_linux.c: the Linux microVM compared with (kernel, initramfs) */
char *report_linux_kernel(struct driver *d, char **from);
uint64_t report_linux_initramfs(const char *init, bool *gz);

/* undefined.c: the link command run, its undefined symbols explained */
bool undefined_link(struct driver *d, struct strvec *cmd);

/* report.c: the walk after the link: refuse unsupported calls, report */
void report_check(struct driver *d, const char *elf);
void report_emit(struct driver *d, const char *elf, const char *output);
const char *report_extract_file(struct driver *d);

/* spawn.c: running tools (and showing them with -v and -###) */
void spawn_set_mode(bool verbose, bool dry_run);
bool spawn_run(const char *stage, char *const argv[]);
bool spawn_run_err(const char *stage, char *const argv[], int errfd);
void spawn_stop_child(int sig);

/* tmpfile.c: temporary files removed at exit and on signals */
void tmpfile_init(bool dry_run);
char *tmpfile_create(const char *dir, const char *stem, const char *suffix);
void tmpfile_forget(const char *path);
void tmpfile_remove_on_failure(const char *path);
void tmpfile_commit(void);

/* sysroot.c: where the musl headers and the image archives live */
const char *sysroot_dir(void);
char *sysroot_path(const char *rel);
void sysroot_check(bool compiling, bool linking);

/* util.c: messages, memory and string helpers */
_Noreturn void fatal(const char *fmt, ...);
void error(const char *fmt, ...);
void warn(const char *fmt, ...);
void *xmalloc(size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...);
void strvec_push(struct strvec *sv, const char *s);
void strvec_pushv(struct strvec *sv, const struct strvec *from);
void strvec_free(struct strvec *sv);
bool has_prefix(const char *s, const char *prefix);
const char *path_base(const char *path);
char *path_dir(const char *path);
bool path_exists(const char *path);

#endif
