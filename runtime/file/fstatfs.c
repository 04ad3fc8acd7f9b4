/* fstatfs.c: fstatfs(2), and the filesystem numbers statfs shares. */
#include <errno.h>
#include <string.h>
#include <sys/statfs.h>

#include "vfs/vfs.h"

/* RAM-backed filesystems report the free memory as their free space. */
long vfs_statfs(struct vnode *vn, struct statfs *sf)
{
    memset(sf, 0, sizeof *sf);
    if (vn->ops->statfs)
        return vn->ops->statfs(vn, sf);
    sf->f_type = vn->mnt ? vn->mnt->fs->magic : 0;
    sf->f_bsize = PAGE_SIZE;
    sf->f_frsize = PAGE_SIZE;
    sf->f_blocks = mem_total_bytes() / PAGE_SIZE;
    sf->f_bfree = sf->f_bavail = mem_free_bytes() / PAGE_SIZE;
    sf->f_files = sf->f_blocks;
    sf->f_ffree = sf->f_bfree;
    sf->f_fsid.__val[0] = vn->mnt ? (int)vn->mnt->dev : 0;
    sf->f_namelen = VFS_NAME_MAX;
    return 0;
}

long uk_sys_fstatfs(long fd, long buf)
{
    struct file *f = fd_get((int)fd);
    if (!f)
        return -EBADF;
    if (!file_vnode(f)) {
        memset((void *)buf, 0, sizeof(struct statfs));
        ((struct statfs *)buf)->f_bsize = PAGE_SIZE;
        ((struct statfs *)buf)->f_namelen = VFS_NAME_MAX;
        return 0;
    }
    return vfs_statfs(file_vnode(f), (struct statfs *)buf);
}
