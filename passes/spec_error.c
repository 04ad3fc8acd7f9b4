/* spec_error.c: the specialisation pass's one error message. */
#include <stdarg.h>
#include <stdio.h>

#include "spec.h"

int spec_error(struct spec *s, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    if (s->errlen)
        vsnprintf(s->err, s->errlen, fmt, ap);
    va_end(ap);
    return -1;
}
