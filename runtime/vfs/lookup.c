/* lookup.c: path resolution: components, symlinks, mount points, "..". */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

#include "vfs.h"
#include "component.h"

UK_COMPONENT(vfs, "VFS, ramfs, devfs, procfs and the file syscalls", "memory",
             "runtime/vfs/* runtime/fs/* runtime/file/*");

/* Where a path starts: "/" at the root, else dirfd (or the cwd). */
static int lookup_start(int dirfd, const char *path, struct vnode **out)
{
    struct vnode *vn;

    if (path[0] == '/') {
        vn = vfs_root();
    } else if (dirfd == AT_FDCWD) {
        vn = vfs_cwd();
    } else {
        struct file *f = fd_get(dirfd);
        if (!f)
            return -EBADF;
        vn = file_vnode(f);
        if (!vn || !vnode_is_dir(vn))
            return -ENOTDIR;
    }
    *out = vnode_get(vn);
    return 0;
}

int vfs_lookup_child(struct vnode *dir, const char *name, struct vnode **out)
{
    struct vnode *vn;
    int r;

    if (!vnode_is_dir(dir))
        return -ENOTDIR;
    if (strcmp(name, ".") == 0) {
        *out = vnode_get(dir);
        return 0;
    }
    /* ".." of a mounted filesystem's root is ".." of the directory under. */
    if (strcmp(name, "..") == 0)
        while (dir->mnt && dir == dir->mnt->root && dir->mnt->covered)
            dir = dir->mnt->covered;
    r = dir->ops->lookup(dir, name, &vn);
    if (r < 0)
        return r;
    while (vn->covered_by) {
        struct vnode *root = vnode_get(vn->covered_by->root);
        vnode_put(vn);
        vn = root;
    }
    *out = vn;
    return 0;
}

/* Walk `path` from dir (whose reference this consumes). `links` counts the
 * symlinks followed so far, for ELOOP. */
static int lookup_walk(struct vnode *dir, const char *path, int follow_last,
                       int *links, struct vnode **out)
{
    char name[VFS_NAME_MAX + 1];
    struct vnode *child;
    int r;

    for (;;) {
        while (*path == '/')
            path++;
        if (!*path) {
            *out = dir;
            return 0;
        }
        size_t len = strcspn(path, "/");
        if (len > VFS_NAME_MAX) {
            r = -ENAMETOOLONG;
            goto fail;
        }
        memcpy(name, path, len);
        name[len] = 0;
        path += len;
        int slash = *path == '/';
        const char *rest = path;
        while (*rest == '/')
            rest++;
        int last = !*rest;
        r = vfs_lookup_child(dir, name, &child);
        if (r < 0)
            goto fail;
        if (S_ISLNK(child->mode) && (!last || follow_last || slash)) {
            struct vnode *target;
            r = -ELOOP;
            if (++*links > VFS_SYMLOOP_MAX || !child->ops->readlink) {
                vnode_put(child);
                goto fail;
            }
            char *buf = malloc(VFS_PATH_MAX);
            long n = buf ? child->ops->readlink(child, buf, VFS_PATH_MAX - 1)
                         : -ENOMEM;
            vnode_put(child);
            if (n < 0) {
                free(buf);
                r = (int)n;
                goto fail;
            }
            buf[n] = 0;
            struct vnode *base = buf[0] == '/' ? vfs_root() : dir;
            r = n ? lookup_walk(vnode_get(base), buf, 1, links, &target)
                  : -ENOENT;
            free(buf);
            if (r < 0)
                goto fail;
            child = target;
        }
        vnode_put(dir);
        dir = child;
        if (slash && !vnode_is_dir(dir)) {
            r = -ENOTDIR;
            goto fail;
        }
    }
fail:
    vnode_put(dir);
    return r;
}

static int lookup_check(const char *path, int flags)
{
    size_t len = strnlen(path, VFS_PATH_MAX);
    if (len == VFS_PATH_MAX)
        return -ENAMETOOLONG;
    if (len == 0 && !(flags & LOOKUP_EMPTY))
        return -ENOENT;
    return 0;
}

int vfs_lookup(int dirfd, const char *path, int flags, struct vnode **out)
{
    struct vnode *dir;
    int links = 0;
    int r = lookup_check(path, flags);

    if (r == 0 && !*path) { /* AT_EMPTY_PATH: the fd itself */
        struct file *f = fd_get(dirfd);
        if (dirfd == AT_FDCWD) {
            *out = vnode_get(vfs_cwd());
            return 0;
        }
        if (!f)
            return -EBADF;
        if (!file_vnode(f))
            return -EBADF;
        *out = vnode_get(file_vnode(f));
        return 0;
    }
    if (r == 0)
        r = lookup_start(dirfd, path, &dir);
    if (r < 0)
        return r;
    return lookup_walk(dir, path, !(flags & LOOKUP_NOFOLLOW), &links, out);
}

int vfs_lookup_parent(int dirfd, const char *path, struct vnode **dir,
                      char name[VFS_NAME_MAX + 1], int *trailing_slash)
{
    struct vnode *start;
    int links = 0;
    int r = lookup_check(path, 0);

    if (r == 0)
        r = lookup_start(dirfd, path, &start);
    if (r < 0)
        return r;
    size_t end = strlen(path);
    while (end > 0 && path[end - 1] == '/')
        end--;
    *trailing_slash = end < strlen(path);
    size_t begin = end;
    while (begin > 0 && path[begin - 1] != '/')
        begin--;
    if (end - begin > VFS_NAME_MAX) {
        vnode_put(start);
        return -ENAMETOOLONG;
    }
    memcpy(name, path + begin, end - begin);
    name[end - begin] = 0;
    char *prefix = malloc(begin + 1);
    if (!prefix) {
        vnode_put(start);
        return -ENOMEM;
    }
    memcpy(prefix, path, begin);
    prefix[begin] = 0;
    r = lookup_walk(start, prefix, 1, &links, dir);
    free(prefix);
    if (r == 0 && !vnode_is_dir(*dir)) {
        vnode_put(*dir);
        return -ENOTDIR;
    }
    return r;
}

/* Depth-first search below dir for vn; appends names to buf[*len]. */
static int path_find(struct vnode *dir, struct vnode *vn, char *buf,
                     size_t n, size_t len, int depth)
{
    struct vfs_dirent *d = malloc(sizeof *d);
    int found = 0;

    if (!d || depth > 64 || !dir->ops->readdir) {
        free(d);
        return 0;
    }
    uint64_t pos = 0;
    while (!found && dir->ops->readdir(dir, &pos, d) > 0) {
        struct vnode *child;
        size_t nl = strlen(d->name);
        if (!strcmp(d->name, ".") || !strcmp(d->name, ".."))
            continue;
        if (len + 1 + nl >= n || vfs_lookup_child(dir, d->name, &child) < 0)
            continue;
        buf[len] = '/';
        memcpy(buf + len + 1, d->name, nl + 1);
        if (child == vn)
            found = (int)(len + 1 + nl);
        else if (vnode_is_dir(child))
            found = path_find(child, vn, buf, n, len + 1 + nl, depth + 1);
        vnode_put(child);
    }
    free(d);
    return found;
}

/* The absolute path of a vnode, found by searching from the root: used by
 * getcwd and /proc/self/fd, where names are not remembered. */
int vfs_path_of(struct vnode *vn, char *buf, size_t n)
{
    if (n < 2)
        return -ERANGE;
    if (vn == vfs_root()) {
        strcpy(buf, "/");
        return 1;
    }
    int len = path_find(vfs_root(), vn, buf, n, 0, 0);
    return len > 0 ? len : -ENOENT;
}

int vfs_lookup_at(int dirfd, const char *path, int at_flags,
                  struct vnode **out)
{
    int flags = (at_flags & AT_SYMLINK_NOFOLLOW ? LOOKUP_NOFOLLOW : 0) |
                (at_flags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0);

    return vfs_lookup(dirfd, path, flags, out);
}

int vfs_name_free(struct vnode *dir, const char *name)
{
    struct vnode *old;

    if (!name[0] || !strcmp(name, ".") || !strcmp(name, ".."))
        return -EEXIST;
    if (vfs_lookup_child(dir, name, &old) == 0) {
        vnode_put(old);
        return -EEXIST;
    }
    return 0;
}
