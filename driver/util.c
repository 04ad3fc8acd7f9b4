/* util.c: error messages, allocation and small string and path helpers. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "driver.h"

static const char *const prog_name = "ukcc";

/* Print "ukcc: <kind>: message". A format ending in ':' gets ": strerror"
 * appended, so callers can write fatal("cannot open %s:", path). */
static void vreport(const char *kind, const char *fmt, va_list ap)
{
    int saved = errno;
    size_t len = strlen(fmt);

    fprintf(stderr, "%s: %s: ", prog_name, kind);
    vfprintf(stderr, fmt, ap);
    if (len > 0 && fmt[len - 1] == ':')
        fprintf(stderr, " %s", strerror(saved));
    fputc('\n', stderr);
}

/* Report an error and exit 1; the atexit handler removes temporary files
 * and any half-made output. */
_Noreturn void fatal(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vreport("error", fmt, ap);
    va_end(ap);
    exit(1);
}

/* Report an error but let the caller go on finding more of them. */
void error(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vreport("error", fmt, ap);
    va_end(ap);
}

void warn(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vreport("warning", fmt, ap);
    va_end(ap);
}

void *xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);

    if (!p)
        fatal("out of memory");
    return p;
}

void *xrealloc(void *p, size_t size)
{
    p = realloc(p, size ? size : 1);
    if (!p)
        fatal("out of memory");
    return p;
}

char *xstrdup(const char *s)
{
    size_t len = strlen(s) + 1;

    return memcpy(xmalloc(len), s, len);
}

char *xasprintf(const char *fmt, ...)
{
    va_list ap;
    int len;
    char *s;

    va_start(ap, fmt);
    len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    s = xmalloc(len + 1);
    va_start(ap, fmt);
    vsnprintf(s, len + 1, fmt, ap);
    va_end(ap);
    return s;
}

/* Append a copy of s; v stays NULL-terminated so it can go to execv. */
void strvec_push(struct strvec *sv, const char *s)
{
    if (sv->n + 2 > sv->cap) {
        sv->cap = sv->cap ? sv->cap * 2 : 16;
        sv->v = xrealloc(sv->v, sv->cap * sizeof(*sv->v));
    }
    sv->v[sv->n++] = xstrdup(s);
    sv->v[sv->n] = NULL;
}

void strvec_pushv(struct strvec *sv, const struct strvec *from)
{
    for (size_t i = 0; i < from->n; i++)
        strvec_push(sv, from->v[i]);
}

void strvec_free(struct strvec *sv)
{
    for (size_t i = 0; i < sv->n; i++)
        free(sv->v[i]);
    free(sv->v);
    sv->v = NULL;
    sv->n = sv->cap = 0;
}

bool has_prefix(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The last component of path, without copying: "a/b.c" -> "b.c". */
const char *path_base(const char *path)
{
    const char *slash = strrchr(path, '/');

    return slash ? slash + 1 : path;
}

/* The directory part of path, as a new string: "b.c" -> ".". */
char *path_dir(const char *path)
{
    const char *slash = strrchr(path, '/');

    if (!slash)
        return xstrdup(".");
    if (slash == path)
        return xstrdup("/");
    return xasprintf("%.*s", (int)(slash - path), path);
}

bool path_exists(const char *path)
{
    return access(path, F_OK) == 0;
}
