/* devfs.c: /dev: null, zero, full, random, urandom, console, tty, std*. */
#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/sysmacros.h>

#include "vfs/vfs.h"

struct devfs_node {
    const char *name;
    mode_t mode;
    dev_t rdev;
    long (*read)(void *buf, size_t n);
    long (*write)(const void *buf, size_t n);
    const char *target; /* symlinks */
};

static long dev_read_eof(void *buf, size_t n)
{
    return 0;
}

static long dev_read_zero(void *buf, size_t n)
{
    memset(buf, 0, n);
    return (long)n;
}

static long dev_read_random(void *buf, size_t n)
{
    random_fill(buf, n);
    return (long)n;
}

static long dev_read_console(void *buf, size_t n)
{
    return n ? (long)console_read(buf, n) : 0;
}

/* /dev/stdin, stdout, stderr: whatever file descriptors 0, 1 and 2 are now
 * (Linux has symlinks into /proc/self/fd, whose targets need not be paths
 * here: the console may be a device without a name in this tree). */
static long dev_fd_read(int fd, void *buf, size_t n)
{
    struct file *f = fd_get(fd);
    if (!f)
        return -EBADF;
    return f->ops->read ? f->ops->read(f, buf, n) : -EINVAL;
}

static long dev_fd_write(int fd, const void *buf, size_t n)
{
    struct file *f = fd_get(fd);
    if (!f)
        return -EBADF;
    return f->ops->write ? f->ops->write(f, buf, n) : -EINVAL;
}

static long dev_read_stdin(void *buf, size_t n)
{
    return dev_fd_read(0, buf, n);
}

static long dev_write_stdin(const void *buf, size_t n)
{
    return dev_fd_write(0, buf, n);
}

static long dev_read_stdout(void *buf, size_t n)
{
    return dev_fd_read(1, buf, n);
}

static long dev_write_stdout(const void *buf, size_t n)
{
    return dev_fd_write(1, buf, n);
}

static long dev_read_stderr(void *buf, size_t n)
{
    return dev_fd_read(2, buf, n);
}

static long dev_write_stderr(const void *buf, size_t n)
{
    return dev_fd_write(2, buf, n);
}

static long dev_write_sink(const void *buf, size_t n)
{
    return (long)n;
}

static long dev_write_full(const void *buf, size_t n)
{
    return -ENOSPC;
}

static long dev_write_console(const void *buf, size_t n)
{
    console_write(buf, n);
    return (long)n;
}

#define CHR (S_IFCHR | 0666)
static const struct devfs_node devfs_nodes[] = {
    {"null", CHR, makedev(1, 3), dev_read_eof, dev_write_sink, 0},
    {"zero", CHR, makedev(1, 5), dev_read_zero, dev_write_sink, 0},
    {"full", CHR, makedev(1, 7), dev_read_zero, dev_write_full, 0},
    {"random", CHR, makedev(1, 8), dev_read_random, dev_write_sink, 0},
    {"urandom", CHR, makedev(1, 9), dev_read_random, dev_write_sink, 0},
    {"console", S_IFCHR | 0620, makedev(5, 1), dev_read_console,
     dev_write_console, 0},
    {"tty", CHR, makedev(5, 0), dev_read_console, dev_write_console,
     0},
    {"stdin", S_IFCHR | 0620, makedev(5, 1), dev_read_stdin, dev_write_stdin,
     0},
    {"stdout", S_IFCHR | 0620, makedev(5, 1), dev_read_stdout,
     dev_write_stdout, 0},
    {"stderr", S_IFCHR | 0620, makedev(5, 1), dev_read_stderr,
     dev_write_stderr, 0},
    {"fd", S_IFLNK | 0777, 0, 0, 0, "/proc/self/fd"},
};
#define DEVFS_COUNT (sizeof devfs_nodes / sizeof devfs_nodes[0])

static struct vnode *devfs_vnodes[DEVFS_COUNT];

static const struct devfs_node *dev(struct vnode *vn)
{
    return vn->priv;
}

static int devfs_lookup(struct vnode *dir, const char *name,
                        struct vnode **out)
{
    if (strcmp(name, "..") == 0) {
        *out = vnode_get(dir);
        return 0;
    }
    for (size_t i = 0; i < DEVFS_COUNT; i++) {
        if (strcmp(devfs_nodes[i].name, name) == 0) {
            *out = vnode_get(devfs_vnodes[i]);
            return 0;
        }
    }
    return -ENOENT;
}

static int devfs_readdir(struct vnode *dir, uint64_t *pos,
                         struct vfs_dirent *out)
{
    if (*pos >= DEVFS_COUNT + 2)
        return 0;
    if (*pos < 2) {
        out->ino = dir->ino;
        out->type = DT_DIR;
        strcpy(out->name, *pos ? ".." : ".");
    } else {
        struct vnode *vn = devfs_vnodes[*pos - 2];
        out->ino = vn->ino;
        out->type = IFTODT(vn->mode);
        strcpy(out->name, dev(vn)->name);
    }
    ++*pos;
    return 1;
}

static long devfs_read(struct vnode *vn, void *buf, size_t n, uint64_t off)
{
    return dev(vn)->read(buf, n);
}

static long devfs_write(struct vnode *vn, const void *buf, size_t n,
                        uint64_t off)
{
    return dev(vn)->write(buf, n);
}

static int devfs_truncate(struct vnode *vn, uint64_t size)
{
    return 0; /* O_TRUNC on a device is ignored, as on Linux */
}

static long devfs_readlink(struct vnode *vn, char *buf, size_t n)
{
    size_t len = strlen(dev(vn)->target);
    if (n > len)
        n = len;
    memcpy(buf, dev(vn)->target, n);
    return (long)n;
}

static int devfs_fsync(struct vnode *vn)
{
    return 0;
}

static const struct vnode_ops devfs_dir_ops = {
    .lookup = devfs_lookup,
    .readdir = devfs_readdir,
};

static const struct vnode_ops devfs_node_ops = {
    .read = devfs_read,
    .write = devfs_write,
    .truncate = devfs_truncate,
    .fsync = devfs_fsync,
    .readlink = devfs_readlink,
};

static int devfs_mount(struct mount *m, const char *source)
{
    m->root = vnode_new(m, &devfs_dir_ops, S_IFDIR | 0755);
    if (!m->root)
        return -ENOMEM;
    m->root->nlink = 2;
    for (size_t i = 0; i < DEVFS_COUNT; i++) {
        struct vnode *vn = vnode_new(m, &devfs_node_ops, devfs_nodes[i].mode);
        if (!vn)
            return -ENOMEM;
        vn->rdev = devfs_nodes[i].rdev;
        vn->priv = (void *)&devfs_nodes[i];
        if (devfs_nodes[i].target)
            vn->size = strlen(devfs_nodes[i].target);
        devfs_vnodes[i] = vn;
    }
    return 0;
}

const struct fs_ops devfs_fs = {"devtmpfs", devfs_mount, 0x01021994};
