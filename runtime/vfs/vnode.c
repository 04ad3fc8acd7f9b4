/* vnode.c: vnode allocation, reference counts and attributes. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "vfs.h"

static uint64_t vnode_next_ino = 1;

struct vnode *vnode_new(struct mount *m, const struct vnode_ops *ops,
                        mode_t mode)
{
    struct vnode *vn = calloc(1, sizeof *vn);
    if (!vn)
        return NULL;
    vn->ops = ops;
    vn->mnt = m;
    vn->mode = mode;
    vn->ino = vnode_next_ino++;
    vn->nlink = 1;
    vn->refs = 1;
    vnode_touch(vn, VNODE_A | VNODE_M | VNODE_C);
    return vn;
}

struct vnode *vnode_get(struct vnode *vn)
{
    vn->refs++;
    return vn;
}

void vnode_put(struct vnode *vn)
{
    if (vn && --vn->refs == 0 && vn->ops->release)
        vn->ops->release(vn);
}

void vnode_touch(struct vnode *vn, int what)
{
    uint64_t ns = time_realtime_ns();
    struct timespec ts = {(time_t)(ns / 1000000000), (long)(ns % 1000000000)};
    if (what & VNODE_A)
        vn->atime = ts;
    if (what & VNODE_M)
        vn->mtime = ts;
    if (what & VNODE_C)
        vn->ctime = ts;
}

int vnode_is_dir(struct vnode *vn)
{
    return S_ISDIR(vn->mode);
}

int vnode_stat(struct vnode *vn, struct stat *st)
{
    if (vn->ops->getattr) {
        int r = vn->ops->getattr(vn);
        if (r < 0)
            return r;
    }
    memset(st, 0, sizeof *st);
    st->st_dev = vn->mnt ? vn->mnt->dev : 0;
    st->st_ino = vn->ino;
    st->st_mode = vn->mode;
    st->st_nlink = vn->nlink;
    st->st_uid = vn->uid;
    st->st_gid = vn->gid;
    st->st_rdev = vn->rdev;
    st->st_size = (off_t)vn->size;
    st->st_blksize = 4096;
    st->st_blocks = (blkcnt_t)((vn->size + 511) / 512);
    st->st_atim = vn->atime;
    st->st_mtim = vn->mtime;
    st->st_ctim = vn->ctime;
    return 0;
}
