/* file.c: open file descriptions on vnodes: offsets, O_APPEND, directories. */
#include <errno.h>
#include <stdlib.h>

#include "vfs.h"

static int file_readable(struct file *f)
{
    return (f->flags & O_ACCMODE) != O_WRONLY && !(f->flags & O_PATH);
}

static int file_writable(struct file *f)
{
    return (f->flags & O_ACCMODE) != O_RDONLY && !(f->flags & O_PATH);
}

long vfs_file_pread(struct file *f, void *buf, size_t n, uint64_t off)
{
    struct vnode *vn = f->vnode;
    if (!file_readable(f))
        return -EBADF;
    if (vnode_is_dir(vn))
        return -EISDIR;
    if (!vn->ops->read)
        return -EINVAL;
    long r = vn->ops->read(vn, buf, n, off);
    if (r >= 0)
        vnode_touch(vn, VNODE_A);
    return r;
}

long vfs_file_pwrite(struct file *f, const void *buf, size_t n, uint64_t off)
{
    struct vnode *vn = f->vnode;
    if (!file_writable(f))
        return -EBADF;
    if (!vn->ops->write)
        return -EINVAL;
    if (off + n < off || off + n > (1ULL << 62))
        return -EFBIG;
    long r = vn->ops->write(vn, buf, n, off);
    if (r > 0)
        vnode_touch(vn, VNODE_M | VNODE_C);
    return r;
}

static long vfs_file_read(struct file *f, void *buf, size_t n)
{
    long r = vfs_file_pread(f, buf, n, f->off);
    if (r > 0)
        f->off += (uint64_t)r;
    return r;
}

static long vfs_file_write(struct file *f, const void *buf, size_t n)
{
    if (f->flags & O_APPEND) {
        if (f->vnode->ops->getattr)
            f->vnode->ops->getattr(f->vnode);
        f->off = f->vnode->size;
    }
    long r = vfs_file_pwrite(f, buf, n, f->off);
    if (r > 0)
        f->off += (uint64_t)r;
    return r;
}

static long vfs_file_stat(struct file *f, struct stat *st)
{
    return vnode_stat(f->vnode, st);
}

static long vfs_file_ioctl(struct file *f, unsigned long req, long arg)
{
    return -ENOTTY;
}

static long vfs_file_close(struct file *f)
{
    vnode_put(f->vnode);
    free(f);
    return 0;
}

static const struct file_ops vfs_file_ops = {
    .read = vfs_file_read,
    .write = vfs_file_write,
    .ioctl = vfs_file_ioctl,
    .stat = vfs_file_stat,
    .close = vfs_file_close,
};

/* The new file holds its own reference to vn. A filesystem's open() may
 * swap in its own file_ops (devices); their close must vnode_put and free
 * like vfs_file_close. */
int vfs_open_vnode(struct vnode *vn, int flags, struct file **out)
{
    struct file *f = file_new(&vfs_file_ops, flags & ~(O_CREAT | O_EXCL |
                                                     O_TRUNC | O_CLOEXEC |
                                                     O_NOCTTY));
    if (!f)
        return -ENOMEM;
    f->vnode = vnode_get(vn);
    if (vn->ops->open && !(flags & O_PATH)) {
        int r = vn->ops->open(vn, f);
        if (r < 0) {
            vnode_put(vn);
            free(f);
            return r;
        }
    }
    *out = f;
    return 0;
}

long vfs_file_positional(long fd, long off, long n, struct file **out)
{
    struct file *f = fd_get((int)fd);

    if (!f)
        return -EBADF;
    if (!file_vnode(f) || S_ISCHR(file_vnode(f)->mode))
        return -ESPIPE;
    if (off < 0 || n < 0)
        return -EINVAL;
    *out = f;
    return 0;
}
