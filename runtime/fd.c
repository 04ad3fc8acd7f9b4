/* fd.c: the file descriptor table. */
#include <errno.h>

#include "runtime.h"

static struct file *fd_table[FD_MAX];

struct file *fd_get(int fd)
{
    if (fd < 0 || fd >= FD_MAX)
        return NULL;
    return fd_table[fd];
}

void fd_init(void)
{
    console_file.refs = 3;
    for (int fd = 0; fd < 3; fd++)
        fd_table[fd] = &console_file;
}

long fd_close(int fd)
{
    struct file *f = fd_get(fd);
    if (!f)
        return -EBADF;
    fd_table[fd] = NULL;
    if (--f->refs == 0 && f->ops->close)
        return f->ops->close(f);
    return 0;
}
