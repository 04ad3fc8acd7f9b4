/* respfile.c: expand @file arguments (response files), as gcc does.
 *
 * Build tools put long link lines in a file and pass "@file". Words in it
 * are separated by blanks; quotes group, a backslash escapes one character.
 * An @file that cannot be read stays a plain argument, as with gcc. */
#include <stdio.h>
#include <stdlib.h>

#include "driver.h"

/* Nested response files beyond this depth are a loop. */
#define MAX_DEPTH 16

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    size_t len = 0, cap = 4096, got;
    char *buf;

    if (!f)
        return NULL;
    buf = xmalloc(cap);
    while ((got = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += got;
        if (len + 1 == cap)
            buf = xrealloc(buf, cap *= 2);
    }
    fclose(f);
    buf[len] = '\0';
    return buf;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

static void expand(const char *arg, struct strvec *out, int depth);

/* Split text into words and expand each (it may be an @file itself). The
 * words are built in place: a word never grows longer than its source. */
static void split_words(char *text, struct strvec *out, int depth)
{
    char *p = text;

    while (*p) {
        char *word, *w;
        char quote = 0;

        while (is_blank(*p))
            p++;
        if (!*p)
            break;
        word = w = p;
        for (; *p && (quote || !is_blank(*p)); p++) {
            if (*p == '\\' && p[1])
                *w++ = *++p;
            else if (quote && *p == quote)
                quote = 0;
            else if (!quote && (*p == '"' || *p == '\''))
                quote = *p;
            else
                *w++ = *p;
        }
        if (*p)
            p++;
        *w = '\0';
        expand(word, out, depth + 1);
    }
}

static void expand(const char *arg, struct strvec *out, int depth)
{
    char *text;

    if (arg[0] != '@' || !(text = read_all(arg + 1))) {
        strvec_push(out, arg);
        return;
    }
    if (depth >= MAX_DEPTH)
        fatal("%s: response files nested too deeply (a loop?)", arg + 1);
    split_words(text, out, depth);
    free(text);
}

/* Replace *argv by a copy in which every readable @file is expanded. */
void respfile_expand(int *argc, char ***argv)
{
    struct strvec out = {0};

    strvec_push(&out, (*argv)[0]);
    for (int i = 1; i < *argc; i++)
        expand((*argv)[i], &out, 0);
    *argc = (int)out.n;
    *argv = out.v;
}
