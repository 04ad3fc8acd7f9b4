/* fuzz_cpio.c: libFuzzer target: the cpio reader (runtime/vfs/cpio.c), host.
 *
 * The VFS under it is a shim: every lookup of a path fails, so cpio.c
 * makes each parent; a directory node remembers only the last name made in
 * it, enough for cpio.c to find what it just created. File data is read
 * byte by byte, so that ASan sees any read past the archive. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vfs/vfs.h"

static char last_name[VFS_NAME_MAX + 1];
static mode_t last_mode;
static volatile unsigned sink;

void kprintf(const char *fmt, ...)
{
    (void)fmt;
}

static struct vnode *shim_node(mode_t mode)
{
    struct vnode *vn = calloc(1, sizeof(*vn));
    vn->mode = mode;
    vn->refs = 1;
    return vn;
}

static void shim_made(const char *name, mode_t mode)
{
    strcpy(last_name, name);
    last_mode = mode;
}

static int shim_lookup(struct vnode *dir, const char *name, struct vnode **out)
{
    (void)dir;
    if (strcmp(name, last_name) != 0)
        return -ENOENT;
    *out = shim_node(last_mode);
    return 0;
}

static int shim_create(struct vnode *dir, const char *name, mode_t mode,
                       struct vnode **out)
{
    (void)dir;
    shim_made(name, S_IFREG | mode);
    *out = shim_node(S_IFREG | mode);
    return 0;
}

static int shim_mkdir(struct vnode *dir, const char *name, mode_t mode)
{
    (void)dir;
    shim_made(name, S_IFDIR | mode);
    return 0;
}

static int shim_symlink(struct vnode *dir, const char *name,
                        const char *target)
{
    (void)dir;
    sink += (unsigned)strlen(target);
    shim_made(name, S_IFLNK | 0777);
    return 0;
}

static int shim_remove(struct vnode *dir, const char *name)
{
    (void)dir;
    if (strcmp(name, last_name) == 0)
        last_name[0] = 0;
    return 0;
}

static const struct vnode_ops shim_dir_ops = {
    .lookup = shim_lookup,
    .create = shim_create,
    .mkdir = shim_mkdir,
    .symlink = shim_symlink,
    .unlink = shim_remove,
    .rmdir = shim_remove,
};

static struct vnode shim_root = {.ops = &shim_dir_ops, .mode = S_IFDIR | 0755};

int vfs_lookup(int dirfd, const char *path, int flags, struct vnode **out)
{
    (void)dirfd;
    (void)path;
    (void)flags;
    (void)out;
    return -ENOENT;
}

int vfs_lookup_parent(int dirfd, const char *path, struct vnode **dir,
                      char *name, int *slash)
{
    const char *base = strrchr(path, '/');

    (void)dirfd;
    base = base ? base + 1 : path;
    *slash = 0;
    if (strlen(base) > VFS_NAME_MAX)
        return -ENAMETOOLONG;
    strcpy(name, base);
    *dir = &shim_root;
    return 0;
}

void vnode_put(struct vnode *vn)
{
    if (vn && vn != &shim_root)
        free(vn);
}

int ramfs_set_data(struct vnode *vn, const void *data, size_t len)
{
    const unsigned char *p = data;

    (void)vn;
    for (size_t i = 0; i < len; i++)
        sink += p[i];
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* An exact-size copy: the boot module ends where its length says. */
    void *copy = malloc(size ? size : 1);

    memcpy(copy, data, size);
    last_name[0] = 0;
    (void)cpio_unpack(copy, size, "fuzz");
    free(copy);
    return 0;
}
