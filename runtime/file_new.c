/* file_new.c: allocate an open file description. */
#include <stdlib.h>

#include "runtime.h"

struct file *file_new(const struct file_ops *ops, int flags)
{
    struct file *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->ops = ops;
    f->flags = flags;
    f->refs = 1;
    return f;
}
