/* read.c: read(2). */
#include <errno.h>

#include "runtime.h"

/* Reading links the console's input side (io/console_input.c). */
__attribute__((used)) static const char *const read_console =
    &console_input_link;

long uk_sys_read(long fd, long buf, long n)
{
    struct file *f = fd_get(fd);
    if (!f)
        return -EBADF;
    if (!f->ops->read)
        return -EINVAL;
    return f->ops->read(f, (void *)buf, (size_t)n);
}
