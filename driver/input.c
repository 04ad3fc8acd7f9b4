/* input.c: what kind of file each input is, and the default output names. */
#include <stdio.h>
#include <string.h>

#include "driver.h"

/* One record per language: its -x name (also what clang is told), the file
 * suffixes that imply it, and the stage at which its files enter. */
static const struct {
    enum lang lang;
    const char *xname;
    const char *suffixes[3];
    enum stage first;
} langs[] = {
    {LANG_C, "c", {".c"}, PREPROCESS},
    {LANG_CPP_OUTPUT, "cpp-output", {".i"}, COMPILE},
    {LANG_ASM, "assembler", {".s"}, ASSEMBLE},
    {LANG_ASM_CPP, "assembler-with-cpp", {".S", ".sx"}, PREPROCESS},
    {LANG_OBJECT, NULL, {".o", ".a"}, LINK},
};

#define NLANGS (sizeof(langs) / sizeof(langs[0]))

static const char *suffix_of(const char *path)
{
    const char *dot = strrchr(path_base(path), '.');

    return dot ? dot : "";
}

/* The language -x NAME selects: LANG_NONE for "none" (back to suffixes);
 * anything else ukcc cannot compile is an error. */
enum lang input_lang_from_x(const char *name)
{
    if (strcmp(name, "none") == 0)
        return LANG_NONE;
    for (size_t i = 0; i < NLANGS; i++)
        if (langs[i].xname && strcmp(langs[i].xname, name) == 0)
            return langs[i].lang;
    if (has_prefix(name, "c++") || has_prefix(name, "objective-c"))
        fatal("-x %s: ukcc compiles C only", name);
    fatal("-x %s: language not recognized (ukcc knows c, cpp-output, "
          "assembler, assembler-with-cpp and none)",
          name);
}

const char *input_lang_xname(enum lang lang)
{
    for (size_t i = 0; i < NLANGS; i++)
        if (langs[i].lang == lang)
            return langs[i].xname;
    return NULL;
}

enum stage input_first_stage(enum lang lang)
{
    for (size_t i = 0; i < NLANGS; i++)
        if (langs[i].lang == lang)
            return langs[i].first;
    return LINK;
}

static enum lang lang_from_suffix(const char *path)
{
    const char *suffix = suffix_of(path);

    for (size_t i = 0; i < NLANGS; i++)
        for (size_t j = 0; j < 3 && langs[i].suffixes[j]; j++)
            if (strcmp(langs[i].suffixes[j], suffix) == 0)
                return langs[i].lang;
    return LANG_NONE;
}

/* An ELF object or an ar archive with an unusual name still links, as with
 * gcc; anything else is not something ukcc can use. */
static bool is_linker_input(const char *path)
{
    char magic[8] = {0};
    FILE *f = fopen(path, "rb");

    if (!f)
        return false;
    if (fread(magic, 1, sizeof(magic), f) == 0)
        magic[0] = 0;
    fclose(f);
    return memcmp(magic, "\177ELF", 4) == 0 ||
           memcmp(magic, "!<arch>\n", 8) == 0;
}

static bool is_shared_object(const char *path)
{
    const char *base = path_base(path);
    const char *so = strstr(base, ".so");

    return so && (so[3] == '\0' || so[3] == '.');
}

/* Decide the language of one input, or report why it cannot be used.
 * Returns false after reporting, so that all bad inputs are named. */
bool input_classify(struct item *in, enum stage last)
{
    const char *path = in->text;

    if (strcmp(path, "-") == 0) {
        if (in->lang == LANG_NONE && last != PREPROCESS) {
            error("-E or -x required when input is from standard input");
            return false;
        }
        if (in->lang == LANG_NONE)
            in->lang = LANG_C;
        return true;
    }
    if (!path_exists(path)) {
        error("%s:", path);
        return false;
    }
    if (in->lang != LANG_NONE)
        return true;
    in->lang = lang_from_suffix(path);
    if (in->lang != LANG_NONE)
        return true;
    if (is_shared_object(path)) {
        error("%s: shared libraries cannot go into a unikernel image; "
              "link the static archive (.a) instead",
              path);
        return false;
    }
    if (strcmp(suffix_of(path), ".h") == 0) {
        error("%s: precompiled headers are not supported", path);
        return false;
    }
    if (is_linker_input(path)) {
        in->lang = LANG_OBJECT;
        return true;
    }
    error("%s: unknown file type (ukcc compiles .c, .i, .s and .S files "
          "and links .o and .a files; use -x to name the language)",
          path);
    return false;
}

/* gcc's names: foo.o for -c and foo.s for -S, in the current directory;
 * NULL means standard output (-E). */
char *input_default_output(const char *path, enum stage last)
{
    const char *base = path_base(path);
    const char *dot = strrchr(base, '.');
    int len = dot && dot != base ? (int)(dot - base) : (int)strlen(base);

    switch (last) {
    case COMPILE:
        return xasprintf("%.*s.s", len, base);
    case ASSEMBLE:
        return xasprintf("%.*s.o", len, base);
    case LINK:
        return xstrdup("a.out");
    default:
        return NULL;
    }
}
