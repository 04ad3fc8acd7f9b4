/* mount.c: the mount table; a mount hides the directory it is mounted on. */
#include <errno.h>
#include <stdlib.h>

#include "vfs.h"

#define MOUNT_MAX 16

struct mount mount_table[MOUNT_MAX];
static int mount_count;

/* The first mount must be "/" and becomes the root; later ones cover an
 * existing directory that is not already a mount point. */
int vfs_mount(const char *path, const struct fs_ops *fs, const char *source)
{
    struct vnode *dir = NULL;
    int r;

    if (mount_count == MOUNT_MAX)
        return -ENOMEM;
    if (mount_count) {
        r = vfs_lookup(AT_FDCWD, path, 0, &dir);
        if (r < 0)
            return r;
        if (!vnode_is_dir(dir) || dir->covered_by) {
            vnode_put(dir);
            return vnode_is_dir(dir) ? -EBUSY : -ENOTDIR;
        }
    }
    struct mount *m = &mount_table[mount_count];
    *m = (struct mount){.fs = fs, .covered = dir,
                        .dev = (dev_t)(mount_count + 1)};
    r = fs->mount(m, source);
    if (r < 0) {
        vnode_put(dir);
        return r;
    }
    if (dir)
        dir->covered_by = m;
    mount_count++;
    return 0;
}
