/* fd.c: the file descriptor table: lowest free slot, close-on-exec per slot. */
#include <errno.h>
#include <fcntl.h>

#include "runtime.h"

struct fd_slot {
    struct file *file;
    int cloexec;
};

static struct fd_slot fd_table[FD_MAX];
static int fd_stdio_opened;

/*
 * 0, 1 and 2 are opened on the first use of the table, not at boot:
 * finding virtio-console and waiting for its ports was the largest part
 * of the boot, and a program that never touches a standard stream needs
 * none of it. Interrupts stay off meanwhile so that no other thread sees
 * the table half filled. The console is static: the runtime keeps one
 * reference of its own so that closing 0, 1 and 2 never reaches a close op.
 */
static void fd_stdio_open(void)
{
    uint64_t flags;

    if (fd_stdio_opened)
        return;
    flags = irq_save();
    if (!fd_stdio_opened) {
        for (int fd = 0; fd < 3; fd++)
            fd_table[fd].file = console_file_open(fd);
        fd_stdio_opened = 1;
    }
    irq_restore(flags);
}

struct file *fd_get(int fd)
{
    if (fd < 0 || fd >= FD_MAX)
        return NULL;
    fd_stdio_open();
    return fd_table[fd].file;
}

struct file *file_ref(struct file *f)
{
    f->refs++;
    return f;
}

void file_put(struct file *f)
{
    if (--f->refs == 0 && f->ops->close)
        f->ops->close(f);
}

long fd_close(int fd)
{
    struct file *f = fd_get(fd);
    if (!f)
        return -EBADF;
    fd_table[fd].file = NULL;
    file_put(f);
    return 0;
}

int fd_alloc_from(struct file *f, int min, int cloexec)
{
    if (min < 0 || min >= FD_MAX)
        return -EINVAL;
    fd_stdio_open();
    for (int fd = min; fd < FD_MAX; fd++) {
        if (!fd_table[fd].file) {
            fd_table[fd] = (struct fd_slot){f, cloexec ? FD_CLOEXEC : 0};
            return fd;
        }
    }
    return -EMFILE;
}

int fd_install(int fd, struct file *f, int cloexec)
{
    if (fd < 0 || fd >= FD_MAX)
        return -EBADF;
    fd_stdio_open();
    struct file *old = fd_table[fd].file;
    fd_table[fd] = (struct fd_slot){f, cloexec ? FD_CLOEXEC : 0};
    if (old)
        file_put(old);
    return fd;
}

int fd_cloexec(int fd)
{
    if (!fd_get(fd))
        return -EBADF;
    return fd_table[fd].cloexec;
}

int fd_set_cloexec(int fd, int cloexec)
{
    if (!fd_get(fd))
        return -EBADF;
    fd_table[fd].cloexec = cloexec ? FD_CLOEXEC : 0;
    return 0;
}
