/* util.c: error messages, checked allocation, string vectors and buffers. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ukrun.h"

static void util_vmsg(const char *prefix, const char *fmt, va_list ap)
{
    size_t len = strlen(fmt);
    int err = errno;

    fprintf(stderr, "ukrun: %s", prefix);
    vfprintf(stderr, fmt, ap);
    if (len > 0 && fmt[len - 1] == ':')
        fprintf(stderr, " %s", strerror(err));
    fputc('\n', stderr);
}

void ukrun_fatal(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    util_vmsg("error: ", fmt, ap);
    va_end(ap);
    exit(UKRUN_EXIT_ERROR); /* atexit removes the control file */
}

void ukrun_note(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    util_vmsg("", fmt, ap);
    va_end(ap);
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        ukrun_fatal("out of memory");
    return p;
}

void *xmalloc(size_t n)
{
    return xrealloc(NULL, n);
}

char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;

    return memcpy(xmalloc(n), s, n);
}

void strvec_push(struct strvec *sv, const char *s)
{
    if (sv->n + 2 > sv->cap) {
        sv->cap = sv->cap ? 2 * sv->cap : 16;
        sv->v = xrealloc(sv->v, sv->cap * sizeof(*sv->v));
    }
    sv->v[sv->n++] = xstrdup(s);
    sv->v[sv->n] = NULL;
}

static void strbuf_reserve(struct strbuf *sb, size_t extra)
{
    if (sb->len + extra + 1 <= sb->cap)
        return;
    while (sb->len + extra + 1 > sb->cap)
        sb->cap = sb->cap ? 2 * sb->cap : 64;
    sb->s = xrealloc(sb->s, sb->cap);
}

void strbuf_putc(struct strbuf *sb, char c)
{
    strbuf_reserve(sb, 1);
    sb->s[sb->len++] = c;
    sb->s[sb->len] = '\0';
}

void strbuf_puts(struct strbuf *sb, const char *s)
{
    size_t n = strlen(s);

    strbuf_reserve(sb, n);
    memcpy(sb->s + sb->len, s, n + 1);
    sb->len += n;
}
