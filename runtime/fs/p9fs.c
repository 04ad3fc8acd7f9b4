/* p9fs.c: a host directory (9P2000.L over virtio-9p) as a VFS filesystem.
 *
 * Each vnode names its file with a fid walked to it; reads and writes use
 * fids opened from that one on demand (by open, or by the first read or
 * write). Vnodes are cached by qid path (the host inode) while referenced,
 * so that two names of one file, or one file reached twice, are one vnode.
 * Attributes come from the host on every stat (getattr), and the VFS's
 * changes go back as the difference to what the host last told us.
 * Writes go through to the host before they return: nothing is cached.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statfs.h>

#include "fs/p9.h"
#include "component.h"

UK_COMPONENT(hostfs, "host directories over virtio-9p (ukrun --fs)",
             "virtio vfs", "runtime/fs/p9* kernel/virtio/9p.c");

#define P9_HASH 64
#define P9_DIRBUF 8192
#define P9_AT_REMOVEDIR 0x200
#define P9_UNDER (1ULL << 63) /* readdir: in the covered directory */
#define P9_MAGIC 0x01021997   /* statfs f_type, as Linux's v9fs */

struct p9_node {
    struct vnode *vn;
    struct p9_node *next; /* hash chain */
    uint64_t qpath;
    uint32_t fid;        /* walked, never opened */
    uint32_t rfid, wfid; /* opened for reading / writing, or P9_NOFID */
    struct p9_attr host; /* what the host last said (setattr sends diffs) */
    char *dirbuf;        /* readdir: the last batch of entries */
    uint32_t dirlen;
    uint64_t dirstart; /* the offset that batch was read from */
};

struct p9_mount {
    struct p9_client *c;
    struct p9_node *hash[P9_HASH];
};

static const struct vnode_ops p9fs_ops;

static struct p9_node *node(struct vnode *vn)
{
    return vn->priv;
}

static struct p9_client *client(struct vnode *vn)
{
    return ((struct p9_mount *)vn->mnt->priv)->c;
}

static void p9fs_apply(struct vnode *vn, const struct p9_attr *a)
{
    vn->ino = a->qid.path;
    vn->mode = a->mode;
    vn->uid = a->uid;
    vn->gid = a->gid;
    vn->nlink = (nlink_t)a->nlink;
    vn->rdev = (dev_t)a->rdev;
    vn->size = a->size;
    vn->atime = a->atime;
    vn->mtime = a->mtime;
    vn->ctime = a->ctime;
    node(vn)->host = *a;
}

static struct p9_node **p9fs_bucket(struct mount *m, uint64_t qpath)
{
    return &((struct p9_mount *)m->priv)->hash[qpath % P9_HASH];
}

static struct vnode *p9fs_cached(struct mount *m, uint64_t qpath)
{
    for (struct p9_node *n = *p9fs_bucket(m, qpath); n; n = n->next)
        if (n->qpath == qpath)
            return vnode_get(n->vn);
    return NULL;
}

/* The vnode for a fid just walked to a file (the fid is consumed). */
static int p9fs_node_get(struct mount *m, uint32_t fid, uint64_t qpath,
                         struct vnode **out)
{
    struct p9_client *c = ((struct p9_mount *)m->priv)->c;
    struct p9_attr a;
    int r;

    if ((*out = p9fs_cached(m, qpath))) {
        p9_clunk(c, fid);
        return 0;
    }
    if ((r = p9_getattr(c, fid, &a)) < 0) {
        p9_clunk(c, fid);
        return r;
    }
    struct vnode *vn = vnode_new(m, &p9fs_ops, a.mode);
    struct p9_node *n = calloc(1, sizeof *n);
    if (!vn || !n) {
        free(vn);
        free(n);
        p9_clunk(c, fid);
        return -ENOMEM;
    }
    *n = (struct p9_node){.vn = vn,
                          .qpath = a.qid.path,
                          .fid = fid,
                          .rfid = P9_NOFID,
                          .wfid = P9_NOFID};
    vn->priv = n;
    p9fs_apply(vn, &a);
    /* Another thread may have made it while getattr waited. */
    uint64_t f = irq_save();
    struct vnode *other = p9fs_cached(m, a.qid.path);
    if (!other) {
        n->next = *p9fs_bucket(m, a.qid.path);
        *p9fs_bucket(m, a.qid.path) = n;
    }
    irq_restore(f);
    if (other) {
        vn->refs = 0;
        vn->ops->release(vn);
        vn = other;
    }
    *out = vn;
    return 0;
}

static void p9fs_release(struct vnode *vn)
{
    struct p9_node *n = node(vn), **p;
    struct p9_client *c = client(vn);
    uint64_t f = irq_save();

    for (p = p9fs_bucket(vn->mnt, n->qpath); *p; p = &(*p)->next)
        if (*p == n) {
            *p = n->next;
            break;
        }
    irq_restore(f);
    p9_clunk(c, n->fid);
    if (n->wfid != n->rfid)
        p9_clunk(c, n->wfid);
    p9_clunk(c, n->rfid);
    free(n->dirbuf);
    free(n);
    free(vn);
}

/* A fid opened with flags in *slot, unless there is one already. */
static int p9fs_open_fid(struct vnode *vn, uint32_t flags, uint32_t *slot)
{
    struct p9_client *c = client(vn);
    uint32_t fid;
    int r;

    if (*slot != P9_NOFID)
        return 0;
    fid = p9_fid_new(c);
    r = p9_walk(c, node(vn)->fid, fid, NULL, NULL);
    if (r < 0)
        return r;
    r = p9_lopen(c, fid, flags);
    if (r < 0) {
        p9_clunk(c, fid);
        return r;
    }
    *slot = fid;
    return 0;
}

static int p9fs_lookup(struct vnode *dir, const char *name, struct vnode **out)
{
    struct p9_client *c = client(dir);
    struct p9_qid q;
    int is_root = dir == dir->mnt->root;

    if (is_root && strcmp(name, "..") == 0) {
        *out = vnode_get(dir);
        return 0;
    }
    uint32_t fid = p9_fid_new(c);
    int r = p9_walk(c, node(dir)->fid, fid, name, &q);
    /* Mounted over a directory (the ramfs root for --fs DIR): names the
     * host directory lacks are those of the directory underneath, so that
     * /dev, /proc, /tmp and other mounts stay reachable. */
    struct vnode *under = dir->mnt->covered;
    if (r == -ENOENT && is_root && under && under->ops->lookup)
        return under->ops->lookup(under, name, out);
    if (r < 0)
        return r;
    return p9fs_node_get(dir->mnt, fid, q.path, out);
}

static int p9fs_create(struct vnode *dir, const char *name, mode_t mode,
                       struct vnode **out)
{
    struct p9_client *c = client(dir);
    uint32_t ofid = p9_fid_new(c), fid;
    struct p9_qid q;
    int r = p9_walk(c, node(dir)->fid, ofid, NULL, NULL);

    if (r < 0)
        return r;
    r = p9_lcreate(c, ofid, name, O_RDWR | O_EXCL, mode & 07777, dir->gid);
    if (r < 0)
        goto fail;
    fid = p9_fid_new(c);
    r = p9_walk(c, node(dir)->fid, fid, name, &q);
    if (r == 0)
        r = p9fs_node_get(dir->mnt, fid, q.path, out);
    if (r < 0)
        goto fail;
    /* The creating fid is open for both: keep it for the file's I/O. */
    struct p9_node *n = node(*out);
    if (n->rfid == P9_NOFID && n->wfid == P9_NOFID) {
        n->rfid = n->wfid = ofid;
        return 0;
    }
fail:
    p9_clunk(c, ofid);
    return r;
}

static int p9fs_mkdir(struct vnode *dir, const char *name, mode_t mode)
{
    return p9_mkdir(client(dir), node(dir)->fid, name, mode & 07777, dir->gid);
}

static int p9fs_symlink(struct vnode *dir, const char *name, const char *target)
{
    return p9_symlink(client(dir), node(dir)->fid, name, target, dir->gid);
}

static void p9fs_refresh(struct vnode *vn)
{
    struct p9_attr a;

    if (p9_getattr(client(vn), node(vn)->fid, &a) == 0)
        p9fs_apply(vn, &a);
}

static int p9fs_link(struct vnode *dir, const char *name, struct vnode *vn)
{
    if (vn->ops != &p9fs_ops || vn->mnt != dir->mnt)
        return -EXDEV;
    int r = p9_link(client(dir), node(dir)->fid, node(vn)->fid, name);
    if (r == 0)
        p9fs_refresh(vn); /* nlink, ctime */
    return r;
}

static int p9fs_unlink(struct vnode *dir, const char *name)
{
    return p9_unlinkat(client(dir), node(dir)->fid, name, 0);
}

static int p9fs_rmdir(struct vnode *dir, const char *name)
{
    return p9_unlinkat(client(dir), node(dir)->fid, name, P9_AT_REMOVEDIR);
}

static int p9fs_rename(struct vnode *odir, const char *oname,
                       struct vnode *ndir, const char *nname)
{
    if (ndir->ops != &p9fs_ops || ndir->mnt != odir->mnt)
        return -EXDEV;
    return p9_renameat(client(odir), node(odir)->fid, oname, node(ndir)->fid,
                       nname);
}

/* Rreaddir entries: qid[13] offset[8] type[1] name[s]. The entry after
 * the one whose offset is *pos (the batch's first if *pos is where the
 * batch starts); 0 if the batch does not have it. */
static int p9fs_dir_next(struct p9_node *n, uint64_t *pos,
                         struct vfs_dirent *out)
{
    const unsigned char *p = (unsigned char *)n->dirbuf;
    const unsigned char *end = p + n->dirlen;
    uint64_t prev = n->dirstart, ino, off;
    uint16_t len;

    while (end - p >= 24) {
        memcpy(&ino, p + 5, 8);
        memcpy(&off, p + 13, 8);
        memcpy(&len, p + 22, 2);
        if (end - p < 24 + len)
            break;
        if (prev == *pos) {
            size_t k = len > VFS_NAME_MAX ? VFS_NAME_MAX : len;
            out->ino = ino;
            out->type = p[21];
            memcpy(out->name, p + 24, k);
            out->name[k] = 0;
            *pos = off;
            return 1;
        }
        prev = off;
        p += 24 + len;
    }
    return 0;
}

/* After its own entries, a mount root lists those of the directory it
 * covers that the host directory lacks: the names p9fs_lookup falls
 * through to. Their positions have P9_UNDER set (the host's are offsets,
 * below 2^63). */
static int p9fs_readdir_under(struct vnode *dir, uint64_t *pos,
                              struct vfs_dirent *out)
{
    struct vnode *under = dir->mnt->covered;
    struct p9_client *c = client(dir);
    uint64_t upos = *pos & ~P9_UNDER;
    struct p9_qid q;
    int r;

    while ((r = under->ops->readdir(under, &upos, out)) > 0) {
        *pos = upos | P9_UNDER;
        if (!strcmp(out->name, ".") || !strcmp(out->name, ".."))
            continue;
        uint32_t fid = p9_fid_new(c);
        r = p9_walk(c, node(dir)->fid, fid, out->name, &q);
        if (r == -ENOENT)
            return 1;
        if (r == 0)
            p9_clunk(c, fid);
    }
    return r;
}

static int p9fs_has_under(struct vnode *dir)
{
    struct vnode *under = dir->mnt->covered;

    return dir == dir->mnt->root && under && under->ops->readdir;
}

static int p9fs_readdir(struct vnode *dir, uint64_t *pos,
                        struct vfs_dirent *out)
{
    struct p9_node *n = node(dir);
    int r = p9fs_open_fid(dir, O_RDONLY | O_DIRECTORY, &n->rfid);

    if (r < 0)
        return r;
    if ((*pos & P9_UNDER) && p9fs_has_under(dir))
        return p9fs_readdir_under(dir, pos, out);
    if (!n->dirbuf && !(n->dirbuf = malloc(P9_DIRBUF)))
        return -ENOMEM;
    /* A batch is a snapshot: start afresh at a rewind. */
    if (*pos != 0 && n->dirlen && p9fs_dir_next(n, pos, out))
        return 1;
    long len = p9_readdir(client(dir), n->rfid, *pos, n->dirbuf, P9_DIRBUF);
    if (len < 0)
        return (int)len;
    n->dirlen = (uint32_t)len;
    n->dirstart = *pos;
    if (len)
        return p9fs_dir_next(n, pos, out);
    if (!p9fs_has_under(dir))
        return 0;
    *pos = P9_UNDER;
    return p9fs_readdir_under(dir, pos, out);
}

static long p9fs_read(struct vnode *vn, void *buf, size_t len, uint64_t off)
{
    int r = p9fs_open_fid(vn, O_RDONLY, &node(vn)->rfid);

    return r < 0 ? r : p9_read(client(vn), node(vn)->rfid, buf, len, off);
}

static long p9fs_write(struct vnode *vn, const void *buf, size_t len,
                       uint64_t off)
{
    int r = p9fs_open_fid(vn, O_WRONLY, &node(vn)->wfid);

    if (r < 0)
        return r;
    long n = p9_write(client(vn), node(vn)->wfid, buf, len, off);
    if (n > 0 && off + (uint64_t)n > vn->size)
        vn->size = off + (uint64_t)n;
    return n;
}

static int p9fs_truncate(struct vnode *vn, uint64_t size)
{
    struct p9_attr a = {.size = size};
    int r = p9_setattr(client(vn), node(vn)->fid, P9_SET_SIZE, &a);

    if (r == 0)
        p9fs_refresh(vn);
    return r;
}

static int p9fs_fsync(struct vnode *vn)
{
    struct p9_node *n = node(vn);
    uint32_t fid = n->wfid != P9_NOFID ? n->wfid : n->rfid;

    return fid == P9_NOFID ? 0 : p9_fsync(client(vn), fid);
}

static long p9fs_readlink(struct vnode *vn, char *buf, size_t len)
{
    return p9_readlink(client(vn), node(vn)->fid, buf, len);
}

/* An open fid still works once the file is unlinked; the walked one may
 * not. */
static int p9fs_getattr(struct vnode *vn)
{
    struct p9_node *n = node(vn);
    struct p9_attr a;
    int r = p9_getattr(client(vn), n->fid, &a);

    if (r < 0 && n->rfid != P9_NOFID)
        r = p9_getattr(client(vn), n->rfid, &a);
    if (r < 0 && n->wfid != P9_NOFID)
        r = p9_getattr(client(vn), n->wfid, &a);
    if (r == 0)
        p9fs_apply(vn, &a);
    return r;
}

static int p9fs_time_differs(struct timespec a, struct timespec b)
{
    return a.tv_sec != b.tv_sec || a.tv_nsec != b.tv_nsec;
}

static int p9fs_setattr(struct vnode *vn)
{
    struct p9_node *n = node(vn);
    struct p9_attr a = {.mode = vn->mode & 07777,
                        .uid = vn->uid,
                        .gid = vn->gid,
                        .atime = vn->atime,
                        .mtime = vn->mtime};
    uint32_t valid = 0;

    if (a.mode != (n->host.mode & 07777))
        valid |= P9_SET_MODE;
    if (a.uid != n->host.uid)
        valid |= P9_SET_UID;
    if (a.gid != n->host.gid)
        valid |= P9_SET_GID;
    if (p9fs_time_differs(a.atime, n->host.atime))
        valid |= P9_SET_ATIME | P9_SET_ATIME_SET;
    if (p9fs_time_differs(a.mtime, n->host.mtime))
        valid |= P9_SET_MTIME | P9_SET_MTIME_SET;
    if (!valid)
        return 0;
    int r = p9_setattr(client(vn), n->fid, valid, &a);
    p9fs_refresh(vn); /* on failure too: undo the VFS's change */
    return r;
}

/* Regular files open their host file now, so that open() reports what
 * the host says (EACCES, ...), not the first read or write. */
static int p9fs_open(struct vnode *vn, struct file *f)
{
    struct p9_node *n = node(vn);
    int acc = f->flags & O_ACCMODE, r;

    if (!S_ISREG(vn->mode))
        return 0;
    if (acc == O_RDWR && n->rfid == P9_NOFID && n->wfid == P9_NOFID) {
        r = p9fs_open_fid(vn, O_RDWR, &n->rfid);
        if (r == 0)
            n->wfid = n->rfid;
        return r;
    }
    r = acc == O_WRONLY ? 0 : p9fs_open_fid(vn, O_RDONLY, &n->rfid);
    if (r == 0 && acc != O_RDONLY)
        r = p9fs_open_fid(vn, O_WRONLY, &n->wfid);
    return r;
}

/* The host's numbers, with the f_type of a 9p mount. */
static int p9fs_statfs(struct vnode *vn, struct statfs *sf)
{
    int r = p9_statfs(client(vn), node(vn)->fid, sf);

    sf->f_type = P9_MAGIC;
    return r;
}

static const struct vnode_ops p9fs_ops = {
    .lookup = p9fs_lookup,
    .create = p9fs_create,
    .mkdir = p9fs_mkdir,
    .symlink = p9fs_symlink,
    .link = p9fs_link,
    .unlink = p9fs_unlink,
    .rmdir = p9fs_rmdir,
    .rename = p9fs_rename,
    .readdir = p9fs_readdir,
    .read = p9fs_read,
    .write = p9fs_write,
    .truncate = p9fs_truncate,
    .fsync = p9fs_fsync,
    .readlink = p9fs_readlink,
    .getattr = p9fs_getattr,
    .setattr = p9fs_setattr,
    .open = p9fs_open,
    .release = p9fs_release,
    .statfs = p9fs_statfs,
};

static int p9fs_mount(struct mount *m, const char *tag)
{
    struct p9_mount *pm = calloc(1, sizeof *pm);
    struct p9_attr a;
    int r;

    if (!pm)
        return -ENOMEM;
    r = p9_connect(tag, &pm->c);
    if (r < 0) {
        free(pm);
        return r;
    }
    m->priv = pm;
    r = p9_getattr(pm->c, pm->c->root_fid, &a);
    if (r == 0 && !S_ISDIR(a.mode))
        r = -ENOTDIR;
    if (r == 0)
        r = p9fs_node_get(m, pm->c->root_fid, a.qid.path, &m->root);
    return r;
}

const struct fs_ops p9_fs = {"9p", p9fs_mount, P9_MAGIC};
