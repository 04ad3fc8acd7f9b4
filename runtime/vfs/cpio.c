/* cpio.c: unpack a cpio "newc" archive (initrd, ukcc --embed) into /. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vfs.h"

/* newc: "070701" (or "070702"), then 13 fields of 8 hex digits: ino mode
 * uid gid nlink mtime filesize devmajor devminor rdevmajor rdevminor
 * namesize check; the name (namesize bytes, NUL included) padded so that
 * header + name is a multiple of 4, then the data padded likewise. The
 * entry named "TRAILER!!!" ends the archive. */
#define CPIO_HDR 110
enum { F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_SIZE, F_NAMESIZE = 11 };

static int cpio_hex(const char *p, uint32_t *out)
{
    uint32_t v = 0;
    for (int i = 0; i < 8; i++) {
        char c = p[i];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0)
            return -1;
        v = v << 4 | (uint32_t)d;
    }
    *out = v;
    return 0;
}

static size_t pad4(size_t n)
{
    return (n + 3) & ~(size_t)3;
}

/* mkdir -p of every directory above path (an absolute path). */
static void cpio_parents(char *path)
{
    for (char *s = strchr(path + 1, '/'); s; s = strchr(s + 1, '/')) {
        struct vnode *dir, *vn;
        char name[VFS_NAME_MAX + 1];
        int slash;
        *s = 0;
        if (vfs_lookup(AT_FDCWD, path, 0, &vn) == 0) {
            vnode_put(vn);
        } else if (vfs_lookup_parent(AT_FDCWD, path, &dir, name, &slash) ==
                   0) {
            if (dir->ops->mkdir)
                dir->ops->mkdir(dir, name, 0755);
            vnode_put(dir);
        }
        *s = '/';
    }
}

/* Create (or replace) one entry; returns 0 or -errno. */
static int cpio_make(char *path, const uint32_t *f, const char *data)
{
    struct vnode *dir, *vn = NULL;
    char name[VFS_NAME_MAX + 1];
    int slash, r;
    mode_t mode = f[F_MODE];

    cpio_parents(path);
    r = vfs_lookup_parent(AT_FDCWD, path, &dir, name, &slash);
    if (r < 0)
        return r;
    if (!name[0] || !strcmp(name, ".") || !strcmp(name, "..")) {
        vnode_put(dir);
        return S_ISDIR(mode) ? 0 : -EINVAL;
    }
    if (!dir->ops->lookup) {
        vnode_put(dir);
        return -EROFS;
    }
    if (dir->ops->lookup(dir, name, &vn) == 0 &&
        (S_ISDIR(mode) != S_ISDIR(vn->mode) || S_ISLNK(mode))) {
        r = S_ISDIR(vn->mode) ? dir->ops->rmdir(dir, name)
                              : dir->ops->unlink(dir, name);
        vnode_put(vn);
        vn = NULL;
        if (r < 0)
            goto out;
    }
    if (!vn) {
        if (S_ISDIR(mode))
            r = dir->ops->mkdir(dir, name, mode);
        else if (S_ISLNK(mode))
            r = -ENOSYS; /* below, once the target is a string */
        else if (S_ISREG(mode))
            r = dir->ops->create(dir, name, mode, &vn);
        else
            r = 0; /* device nodes, fifos: /dev is ours */
        if (r == -ENOSYS) {
            char *target = strndup(data, f[F_SIZE]);
            r = target ? dir->ops->symlink(dir, name, target) : -ENOMEM;
            free(target);
        }
        if (r == 0 && !vn && (S_ISDIR(mode) || S_ISLNK(mode)))
            r = dir->ops->lookup(dir, name, &vn);
    }
    if (r == 0 && vn && S_ISREG(mode))
        r = ramfs_set_data(vn, data, f[F_SIZE]);
    if (r == 0 && vn) {
        vn->mode = (vn->mode & S_IFMT) | (mode & 07777);
        vn->uid = f[F_UID];
        vn->gid = f[F_GID];
        vn->mtime.tv_sec = f[F_MTIME];
        vn->mtime.tv_nsec = 0;
    }
out:
    vnode_put(vn);
    vnode_put(dir);
    return r;
}

/* "initrd: entry #3 'etc/x' at offset 340: data truncated" */
static int cpio_fail(const char *what, int index, size_t off,
                     const char *entry, const char *why)
{
    kprintf("ukcc: error: %s: entry #%d%s%s%s at offset %lu: %s\n", what,
            index, entry ? " '" : "", entry ? entry : "", entry ? "'" : "",
            (unsigned long)off, why);
    return -1;
}

int cpio_unpack(const void *archive, size_t len, const char *what)
{
    const char *p = archive;
    size_t off = 0;
    int index = 0;
    char *path = malloc(VFS_PATH_MAX + 2);

    if (!path)
        return cpio_fail(what, 0, 0, NULL, "out of memory");
    for (;;) {
        uint32_t f[13];
        index++;
        /* Loaders pad modules, so the end is the trailer, not len. */
        if (off >= len) {
            free(path);
            return cpio_fail(what, index, off, NULL,
                             "no TRAILER!!! entry: the archive is cut short");
        }
        if (len - off < CPIO_HDR) {
            free(path);
            return cpio_fail(what, index, off, NULL, "truncated header");
        }
        if (memcmp(p + off, "07070", 5) != 0 ||
            (p[off + 5] != '1' && p[off + 5] != '2')) {
            free(path);
            return cpio_fail(what, index, off, NULL,
                             "not a cpio \"newc\" header (bad magic)");
        }
        for (int i = 0; i < 13; i++) {
            if (cpio_hex(p + off + 6 + 8 * i, &f[i]) < 0) {
                free(path);
                return cpio_fail(what, index, off, NULL, "bad hex field");
            }
        }
        size_t nsz = f[F_NAMESIZE];
        const char *name = p + off + CPIO_HDR;
        if (nsz == 0 || nsz > VFS_PATH_MAX || nsz > len - off - CPIO_HDR ||
            name[nsz - 1] != 0) {
            free(path);
            return cpio_fail(what, index, off, NULL, "bad or truncated name");
        }
        size_t data_off = pad4(off + CPIO_HDR + nsz);
        if (strcmp(name, "TRAILER!!!") == 0)
            break;
        if (data_off > len || f[F_SIZE] > len - data_off) {
            snprintf(path, VFS_PATH_MAX, "%s", name);
            cpio_fail(what, index, off, path, "data truncated");
            free(path);
            return -1;
        }
        while (name[0] == '.' && name[1] == '/')
            name += 2;
        while (name[0] == '/')
            name++;
        if (name[0] && strcmp(name, ".") != 0) {
            path[0] = '/';
            strcpy(path + 1, name);
            int r = cpio_make(path, f, p + data_off);
            if (r < 0) {
                cpio_fail(what, index, off, path + 1, strerror(-r));
                free(path);
                return -1;
            }
        }
        off = pad4(data_off + f[F_SIZE]);
    }
    free(path);
    return 0;
}
