/* console_file.c: standard input and output on the kernel console. */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <string.h>

#include "runtime.h"

static long console_file_read(struct file *f, void *buf, size_t n)
{
    return n ? (long)console_read(buf, n) : 0;
}

static long console_file_write(struct file *f, const void *buf, size_t n)
{
    console_write(buf, n);
    return (long)n;
}

/* Not a terminal: musl then buffers stdout fully, as for a pipe. */
static long console_file_ioctl(struct file *f, unsigned long req, long arg)
{
    return -ENOTTY;
}

static long console_file_stat(struct file *f, struct stat *st)
{
    memset(st, 0, sizeof *st);
    st->st_mode = S_IFCHR | 0620;
    st->st_rdev = (5 << 8) | 1; /* like /dev/console */
    st->st_blksize = 1024;
    return 0;
}

static const struct file_ops console_ops = {
    .read = console_file_read,
    .write = console_file_write,
    .ioctl = console_file_ioctl,
    .stat = console_file_stat,
};

struct file console_file = {.ops = &console_ops, .flags = O_RDWR};
