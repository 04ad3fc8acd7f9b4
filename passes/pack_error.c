/* pack_error.c: error messages of the image_pack pass. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "pack.h"

/* Write "<file>: <message>" into p->err (if the caller gave a buffer). */
int pack_fail(struct pack *p, const char *file, const char *fmt, ...)
{
    va_list ap;
    int n;

    if (!p->err || p->errlen == 0)
        return -1;
    n = snprintf(p->err, p->errlen, "%s: ", file);
    if (n < 0 || (size_t)n >= p->errlen)
        return -1;
    va_start(ap, fmt);
    vsnprintf(p->err + n, p->errlen - (size_t)n, fmt, ap);
    va_end(ap);
    return -1;
}

/* A libelf call failed: "<file>: <call> failed: <elf_errmsg>". */
int pack_elf_fail(struct pack *p, const char *file, const char *call)
{
    return pack_fail(p, file, "%s failed: %s", call, elf_errmsg(-1));
}

/* A system call failed: "<file>: <what>: <strerror>". */
int pack_sys_fail(struct pack *p, const char *file, const char *what)
{
    const char *why = strerror(errno);

    return pack_fail(p, file, "%s: %s", what, why);
}
