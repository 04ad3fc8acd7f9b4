/* vfs.h: the virtual file system: vnodes, filesystems, mounts, path lookup.
 *
 * A filesystem provides a `struct fs_ops` (how to mount it) and, for each of
 * its nodes, a `struct vnode` whose `ops` implement the node's operations.
 * Names passed to vnode operations are single components (no '/', never "."
 * or ".."; lookup also gets ".." and must answer the parent). Operations
 * return 0 or a byte count, or -errno. The VFS core (lookup, mounts, fd
 * plumbing, the syscalls) never looks inside `priv`.
 *
 * Lifetime: a vnode carries a reference count; lookup/create/mkdir hand out
 * a new reference, which the caller drops with vnode_put(). When it drops to
 * zero, ops->release (if any) decides whether the node is freed (ramfs keeps
 * linked nodes alive; it frees unlinked ones).
 */
#ifndef UK_VFS_H
#define UK_VFS_H

#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "runtime.h"

#define VFS_NAME_MAX 255
#define VFS_PATH_MAX 4096
#define VFS_SYMLOOP_MAX 40

struct vnode;
struct mount;
struct statfs;

/* One directory entry, as readdir returns it. */
struct vfs_dirent {
    uint64_t ino;
    unsigned char type; /* DT_* */
    char name[VFS_NAME_MAX + 1];
};

struct vnode_ops {
    /* Directories. ".." of a filesystem's root answers the root itself. */
    int (*lookup)(struct vnode *dir, const char *name, struct vnode **out);
    int (*create)(struct vnode *dir, const char *name, mode_t mode,
                  struct vnode **out);
    int (*mkdir)(struct vnode *dir, const char *name, mode_t mode);
    int (*symlink)(struct vnode *dir, const char *name, const char *target);
    int (*link)(struct vnode *dir, const char *name, struct vnode *vn);
    int (*unlink)(struct vnode *dir, const char *name); /* not a directory */
    int (*rmdir)(struct vnode *dir, const char *name);  /* empty directory */
    /* Replaces an existing target (the VFS has checked the types). */
    int (*rename)(struct vnode *odir, const char *oname, struct vnode *ndir,
                  const char *nname);
    /* The first entry at or after position *pos ("." and ".." included),
     * and *pos set past it: 1 found, 0 at the end. Positions stay valid
     * while entries are added and removed (getdents keeps them as the
     * directory's file offset). */
    int (*readdir)(struct vnode *dir, uint64_t *pos, struct vfs_dirent *out);
    /* Regular files. */
    long (*read)(struct vnode *vn, void *buf, size_t n, uint64_t off);
    long (*write)(struct vnode *vn, const void *buf, size_t n, uint64_t off);
    int (*truncate)(struct vnode *vn, uint64_t size);
    int (*fsync)(struct vnode *vn);
    /* Symbolic links: the target, not NUL-terminated; returns its length. */
    long (*readlink)(struct vnode *vn, char *buf, size_t n);
    /* Optional: refresh the attribute fields (size, times) before a stat,
     * and write back mode/uid/gid/times after the VFS changed them. */
    int (*getattr)(struct vnode *vn);
    int (*setattr)(struct vnode *vn);
    /* Optional: a device or generated file opens as its own struct file
     * (f is prepared with the vnode and flags; may replace f->ops). */
    int (*open)(struct vnode *vn, struct file *f);
    void (*release)(struct vnode *vn); /* last reference dropped */
    /* Optional: the numbers statfs reports (else those of RAM). */
    int (*statfs)(struct vnode *vn, struct statfs *sf);
};

struct vnode {
    const struct vnode_ops *ops;
    struct mount *mnt;
    struct mount *covered_by; /* a filesystem mounted on this directory */
    uint64_t ino;
    mode_t mode; /* S_IFMT bits and permissions */
    uid_t uid;
    gid_t gid;
    nlink_t nlink;
    uint64_t size;
    dev_t rdev;
    struct timespec atime, mtime, ctime;
    int refs;
    void *priv;
};

/* A filesystem type. mount() fills m->root (one reference held by m). */
struct fs_ops {
    const char *name;
    int (*mount)(struct mount *m, const char *source);
    long magic; /* f_type for statfs */
};

struct mount {
    const struct fs_ops *fs;
    struct vnode *root;
    struct vnode *covered; /* the directory it hides; NULL for / */
    dev_t dev;
    void *priv;
};

/* vnode.c: allocation, references, attributes */
struct vnode *vnode_new(struct mount *m, const struct vnode_ops *ops,
                        mode_t mode); /* refs 1, times now; NULL: ENOMEM */
struct vnode *vnode_get(struct vnode *vn);
void vnode_put(struct vnode *vn);
void vnode_touch(struct vnode *vn, int what); /* VNODE_A/M/C bits: now */
#define VNODE_A 1
#define VNODE_M 2
#define VNODE_C 4
int vnode_stat(struct vnode *vn, struct stat *st);
int vnode_is_dir(struct vnode *vn);

/* mount.c: the mount table; the root filesystem is the first mount */
int vfs_mount(const char *path, const struct fs_ops *fs, const char *source);
struct vnode *vfs_root(void); /* no new reference */

/* lookup.c: path resolution relative to a directory fd (or AT_FDCWD) */
#define LOOKUP_NOFOLLOW 1 /* do not follow a final symlink */
#define LOOKUP_EMPTY 2    /* "" means dirfd itself (AT_EMPTY_PATH) */
int vfs_lookup(int dirfd, const char *path, int flags, struct vnode **out);
/* 0 if dir has no entry `name` and name can be created ("" "." ".." are
 * taken), else -EEXIST: the first check of mkdir, symlink and link. */
int vfs_name_free(struct vnode *dir, const char *name);
/* The same as vfs_lookup, with the *at() calls' AT_SYMLINK_NOFOLLOW and
 * AT_EMPTY_PATH. */
int vfs_lookup_at(int dirfd, const char *path, int at_flags,
                  struct vnode **out);
/* The directory holding the last component, and that component (copied
 * into name; "" for "/", "." or ".." when the path ends that way).
 * *trailing_slash tells if the path ended in '/'. */
int vfs_lookup_parent(int dirfd, const char *path, struct vnode **dir,
                      char name[VFS_NAME_MAX + 1], int *trailing_slash);
/* Follows mounts and "..": a directory's entry named `name`. */
int vfs_lookup_child(struct vnode *dir, const char *name, struct vnode **out);
int vfs_path_of(struct vnode *vn, char *buf, size_t n); /* length or -errno */

/* cwd.c: the current directory (one process) */
struct vnode *vfs_cwd(void); /* no new reference */
void vfs_set_cwd(struct vnode *dir); /* takes a reference */
extern mode_t vfs_umask;

/* file.c: struct file on top of a vnode */
int vfs_open_vnode(struct vnode *vn, int flags, struct file **out);
static inline struct vnode *file_vnode(struct file *f) /* NULL: not one */
{
    return f->vnode;
}
long vfs_file_pread(struct file *f, void *buf, size_t n, uint64_t off);
/* The checks pread and pwrite share: an open, seekable file, a valid
 * offset and count. 0 and *out, or -EBADF/-ESPIPE/-EINVAL. */
long vfs_file_positional(long fd, long off, long n, struct file **out);
long vfs_file_pwrite(struct file *f, const void *buf, size_t n,
                     uint64_t off);

/* file/fchmodat.c, file/fchownat.c: change attributes, then setattr */
long vfs_chmod(struct vnode *vn, long mode);
long vfs_chown(struct vnode *vn, long uid, long gid);
struct statfs;
long vfs_statfs(struct vnode *vn, struct statfs *sf); /* file/fstatfs.c */

/* boot.c: the root filesystem, /dev, /proc, /etc, the initrd and --embed;
 * runs before main when the program uses files at all */
void vfs_boot(void);

/* cpio.c: unpack a cpio "newc" archive into /; 0 or -1 (reported) */
int cpio_unpack(const void *data, size_t len, const char *what);

/* fs/ramfs.c, fs/devfs.c, fs/procfs.c */
extern const struct fs_ops ramfs_fs, devfs_fs, procfs_fs;
int ramfs_set_data(struct vnode *vn, const void *data, size_t len);

#endif
