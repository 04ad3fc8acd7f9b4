/* mmap.c: mmap(2) of anonymous memory, from the top of RAM down; files are
 * copied into fresh pages when mapped (a private, unshared view). */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>

#include "vfs/vfs.h"

/* Weak: images without files link no VFS, and then no fd is a vnode. */
long vfs_file_pread(struct file *f, void *buf, size_t n, uint64_t off)
    __attribute__((weak));

/* Which file a mapping copies, or -errno: a copy cannot stay shared. */
static long mmap_file_check(long prot, long flags, long fd, long off,
                            struct file **out)
{
    struct file *f = fd_get((int)fd);
    if (!f)
        return -EBADF;
    struct vnode *vn = f->vnode;
    if (off < 0 || off % PAGE_SIZE)
        return -EINVAL;
    if (!vn || !vfs_file_pread || S_ISDIR(vn->mode) || S_ISCHR(vn->mode))
        return -ENODEV;
    if ((f->flags & O_ACCMODE) == O_WRONLY || (f->flags & O_PATH))
        return -EACCES;
    if ((flags & MAP_TYPE) == MAP_SHARED && (prot & PROT_WRITE))
        return -ENODEV; /* writes would not reach the file */
    *out = f;
    return 0;
}

long uk_sys_mmap(long addr, long len, long prot, long flags, long fd,
                 long off)
{
    struct file *f = NULL;
    if (len <= 0 || (uint64_t)len > (1UL << 47))
        return -EINVAL;
    if (!(flags & MAP_ANONYMOUS)) {
        long r = mmap_file_check(prot, flags, fd, off, &f);
        if (r < 0)
            return r;
    }
    uint64_t size = PAGE_ROUND_UP(len);
    void *p;

    if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
        if (addr % PAGE_SIZE)
            return -EINVAL;
        if (mem_take_user(addr, size) < 0) {
            if ((flags & MAP_FIXED_NOREPLACE) || !mem_is_user(addr, size))
                return (flags & MAP_FIXED_NOREPLACE) ? -EEXIST : -ENOMEM;
        }
        p = (void *)addr;
    } else {
        p = mem_alloc_user(size / PAGE_SIZE);
        if (!p)
            return -ENOMEM;
    }
    memset(p, 0, size);
    if (f) {
        long r = vfs_file_pread(f, p, (size_t)len, (uint64_t)off);
        if (r < 0) {
            mem_release_user((uint64_t)p, size);
            return r;
        }
    }
    prot_apply((uint64_t)p, size, (int)prot);
    return (long)p;
}
