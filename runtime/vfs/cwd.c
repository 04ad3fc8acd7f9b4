/* cwd.c: the current working directory and the file creation mask. */
#include "vfs.h"

static struct vnode *cwd;
mode_t vfs_umask = 022;

struct vnode *vfs_cwd(void)
{
    return cwd ? cwd : vfs_root();
}

void vfs_set_cwd(struct vnode *dir)
{
    struct vnode *old = cwd;
    cwd = vnode_get(dir);
    vnode_put(old);
}
