/* ramfs.c: a filesystem in memory: the root, /tmp, the initrd's files. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "vfs/vfs.h"

/* A directory keeps its entries in an array that only grows: a removed
 * entry leaves a hole, so readdir positions (slot + 2) stay stable. */
struct ramfs_dirent {
    char *name; /* NULL: a hole */
    struct vnode *vn;
};

struct ramfs_node {
    struct vnode *parent;         /* directories */
    struct ramfs_dirent *entries; /* directories */
    size_t nslots, cap, nlive;
    char *data;                   /* files: contents; symlinks: target */
    size_t datacap;
};

static const struct vnode_ops ramfs_ops;

static struct ramfs_node *node(struct vnode *vn)
{
    return vn->priv;
}

static struct vnode *ramfs_new(struct mount *m, mode_t mode)
{
    struct vnode *vn = vnode_new(m, &ramfs_ops, mode);
    if (!vn)
        return NULL;
    vn->priv = calloc(1, sizeof(struct ramfs_node));
    if (!vn->priv) {
        free(vn);
        return NULL;
    }
    if (S_ISDIR(mode))
        vn->nlink = 2;
    return vn;
}

static void ramfs_free(struct vnode *vn)
{
    struct ramfs_node *n = node(vn);
    free(n->entries);
    free(n->data);
    free(n);
    free(vn);
}

/* Freed once no name and no open file refers to it. */
static void ramfs_release(struct vnode *vn)
{
    if (vn->nlink == 0)
        ramfs_free(vn);
}

static void ramfs_drop_link(struct vnode *vn)
{
    vn->nlink = S_ISDIR(vn->mode) || vn->nlink == 0 ? 0 : vn->nlink - 1;
    vnode_touch(vn, VNODE_C);
    if (vn->nlink == 0 && vn->refs == 0)
        ramfs_free(vn);
}

static struct ramfs_dirent *ramfs_find(struct vnode *dir, const char *name)
{
    struct ramfs_node *n = node(dir);
    for (size_t i = 0; i < n->nslots; i++)
        if (n->entries[i].name && strcmp(n->entries[i].name, name) == 0)
            return &n->entries[i];
    return NULL;
}

static int ramfs_add(struct vnode *dir, const char *name, struct vnode *vn)
{
    struct ramfs_node *n = node(dir);
    if (n->nslots == n->cap) {
        size_t cap = n->cap ? n->cap * 2 : 8;
        void *p = realloc(n->entries, cap * sizeof *n->entries);
        if (!p)
            return -ENOMEM;
        n->entries = p;
        n->cap = cap;
    }
    char *copy = strdup(name);
    if (!copy)
        return -ENOMEM;
    n->entries[n->nslots++] = (struct ramfs_dirent){copy, vn};
    n->nlive++;
    if (S_ISDIR(vn->mode)) {
        node(vn)->parent = dir;
        dir->nlink++;
    }
    vnode_touch(dir, VNODE_M | VNODE_C);
    return 0;
}

/* Takes the entry out; the caller drops the link. */
static void ramfs_remove(struct vnode *dir, struct ramfs_dirent *e)
{
    struct ramfs_node *n = node(dir);
    if (S_ISDIR(e->vn->mode))
        dir->nlink--;
    free(e->name);
    e->name = NULL;
    if (--n->nlive == 0)
        n->nslots = 0;
    vnode_touch(dir, VNODE_M | VNODE_C);
}

static int ramfs_lookup(struct vnode *dir, const char *name,
                        struct vnode **out)
{
    if (strcmp(name, "..") == 0) {
        struct vnode *p = node(dir)->parent;
        *out = vnode_get(p ? p : dir);
        return 0;
    }
    struct ramfs_dirent *e = ramfs_find(dir, name);
    if (!e)
        return -ENOENT;
    *out = vnode_get(e->vn);
    return 0;
}

static int ramfs_make(struct vnode *dir, const char *name, mode_t mode,
                      struct vnode **out)
{
    if (dir->nlink == 0)
        return -ENOENT; /* removed directory */
    if (ramfs_find(dir, name))
        return -EEXIST;
    struct vnode *vn = ramfs_new(dir->mnt, mode);
    if (!vn)
        return -ENOMEM;
    int r = ramfs_add(dir, name, vn);
    if (r < 0) {
        ramfs_free(vn);
        return r;
    }
    if (out)
        *out = vn;
    else
        vn->refs = 0;
    return 0;
}

static int ramfs_create(struct vnode *dir, const char *name, mode_t mode,
                        struct vnode **out)
{
    return ramfs_make(dir, name, S_IFREG | (mode & 07777), out);
}

static int ramfs_mkdir(struct vnode *dir, const char *name, mode_t mode)
{
    return ramfs_make(dir, name, S_IFDIR | (mode & 07777), NULL);
}

static int ramfs_symlink(struct vnode *dir, const char *name,
                         const char *target)
{
    struct vnode *vn;
    int r = ramfs_make(dir, name, S_IFLNK | 0777, &vn);
    if (r < 0)
        return r;
    r = ramfs_set_data(vn, target, strlen(target));
    if (r < 0) {
        ramfs_remove(dir, ramfs_find(dir, name));
        vn->nlink = 0;
    }
    vnode_put(vn);
    return r;
}

static int ramfs_link(struct vnode *dir, const char *name, struct vnode *vn)
{
    if (vn->mnt != dir->mnt || vn->ops != &ramfs_ops)
        return -EXDEV;
    if (ramfs_find(dir, name))
        return -EEXIST;
    int r = ramfs_add(dir, name, vn);
    if (r == 0) {
        vn->nlink++;
        vnode_touch(vn, VNODE_C);
    }
    return r;
}

static int ramfs_unlink(struct vnode *dir, const char *name)
{
    struct ramfs_dirent *e = ramfs_find(dir, name);
    if (!e)
        return -ENOENT;
    if (S_ISDIR(e->vn->mode))
        return -EISDIR;
    struct vnode *vn = e->vn;
    ramfs_remove(dir, e);
    ramfs_drop_link(vn);
    return 0;
}

static int ramfs_rmdir(struct vnode *dir, const char *name)
{
    struct ramfs_dirent *e = ramfs_find(dir, name);
    if (!e)
        return -ENOENT;
    struct vnode *vn = e->vn;
    if (!S_ISDIR(vn->mode))
        return -ENOTDIR;
    if (node(vn)->nlive)
        return -ENOTEMPTY;
    if (vn->covered_by)
        return -EBUSY;
    ramfs_remove(dir, e);
    ramfs_drop_link(vn);
    return 0;
}

static int ramfs_rename(struct vnode *odir, const char *oname,
                        struct vnode *ndir, const char *nname)
{
    struct ramfs_dirent *e = ramfs_find(odir, oname);
    if (!e)
        return -ENOENT;
    if (ndir->ops != &ramfs_ops || ndir->mnt != odir->mnt)
        return -EXDEV;
    struct vnode *vn = e->vn;
    struct ramfs_dirent *t = ramfs_find(ndir, nname);
    if (t && t->vn == vn)
        return 0;
    if (t && S_ISDIR(t->vn->mode) && node(t->vn)->nlive)
        return -ENOTEMPTY;
    /* A directory may not move below itself. */
    for (struct vnode *p = ndir; S_ISDIR(vn->mode) && p; p = node(p)->parent)
        if (p == vn)
            return -EINVAL;
    vnode_get(vn);
    ramfs_remove(odir, ramfs_find(odir, oname));
    if (t) {
        struct vnode *old = t->vn;
        ramfs_remove(ndir, t);
        ramfs_drop_link(old);
    }
    int r = ramfs_add(ndir, nname, vn);
    vnode_touch(vn, VNODE_C);
    vn->refs--;
    return r;
}

static int ramfs_readdir(struct vnode *dir, uint64_t *pos,
                         struct vfs_dirent *out)
{
    struct ramfs_node *n = node(dir);
    if (*pos < 2) {
        struct vnode *vn = *pos == 0 || !n->parent ? dir : n->parent;
        out->ino = vn->ino;
        out->type = DT_DIR;
        strcpy(out->name, *pos == 0 ? "." : "..");
        ++*pos;
        return 1;
    }
    for (uint64_t i = *pos - 2; i < n->nslots; i++) {
        struct ramfs_dirent *e = &n->entries[i];
        if (!e->name)
            continue;
        out->ino = e->vn->ino;
        out->type = IFTODT(e->vn->mode);
        strcpy(out->name, e->name);
        *pos = i + 3;
        return 1;
    }
    return 0;
}

static long ramfs_read(struct vnode *vn, void *buf, size_t len, uint64_t off)
{
    if (off >= vn->size)
        return 0;
    if (len > vn->size - off)
        len = vn->size - off;
    memcpy(buf, node(vn)->data + off, len);
    return (long)len;
}

/* Grow the buffer to hold `size` bytes; new bytes are zero (sparse). */
static int ramfs_reserve(struct vnode *vn, uint64_t size)
{
    struct ramfs_node *n = node(vn);
    if (size <= n->datacap)
        return 0;
    size_t cap = n->datacap ? n->datacap : 64;
    while (cap < size)
        cap *= 2;
    char *p = realloc(n->data, cap);
    if (!p)
        return -ENOSPC;
    memset(p + n->datacap, 0, cap - n->datacap);
    n->data = p;
    n->datacap = cap;
    return 0;
}

static long ramfs_write(struct vnode *vn, const void *buf, size_t len,
                        uint64_t off)
{
    int r = ramfs_reserve(vn, off + len);
    if (r < 0)
        return r;
    memcpy(node(vn)->data + off, buf, len);
    if (off + len > vn->size)
        vn->size = off + len;
    return (long)len;
}

static int ramfs_truncate(struct vnode *vn, uint64_t size)
{
    struct ramfs_node *n = node(vn);
    int r = ramfs_reserve(vn, size);
    if (r < 0)
        return r;
    if (size < vn->size) /* later growth must read zeros */
        memset(n->data + size, 0, vn->size - size);
    vn->size = size;
    vnode_touch(vn, VNODE_M | VNODE_C);
    return 0;
}

int ramfs_set_data(struct vnode *vn, const void *data, size_t len)
{
    int r = ramfs_truncate(vn, 0);
    if (r == 0 && len)
        r = ramfs_write(vn, data, len, 0) < 0 ? -ENOSPC : 0;
    return r;
}

static long ramfs_readlink(struct vnode *vn, char *buf, size_t len)
{
    if (len > vn->size)
        len = vn->size;
    memcpy(buf, node(vn)->data, len);
    return (long)len;
}

static int ramfs_fsync(struct vnode *vn)
{
    return 0;
}

static const struct vnode_ops ramfs_ops = {
    .lookup = ramfs_lookup,
    .create = ramfs_create,
    .mkdir = ramfs_mkdir,
    .symlink = ramfs_symlink,
    .link = ramfs_link,
    .unlink = ramfs_unlink,
    .rmdir = ramfs_rmdir,
    .rename = ramfs_rename,
    .readdir = ramfs_readdir,
    .read = ramfs_read,
    .write = ramfs_write,
    .truncate = ramfs_truncate,
    .fsync = ramfs_fsync,
    .readlink = ramfs_readlink,
    .release = ramfs_release,
};

static int ramfs_mount(struct mount *m, const char *source)
{
    m->root = ramfs_new(m, S_IFDIR | 0755);
    return m->root ? 0 : -ENOMEM;
}

const struct fs_ops ramfs_fs = {"ramfs", ramfs_mount, 0x858458f6};
