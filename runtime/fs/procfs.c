/* procfs.c: /proc: self/{fd/,exe,cmdline,environ,maps,stat,status}, meminfo. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vfs/vfs.h"

/* What a procfs vnode is; fd links carry their number in `arg`. */
enum proc_kind {
    PROC_ROOT,
    PROC_SELF,
    PROC_FD_DIR,
    PROC_FD_LINK,
    PROC_EXE,
    PROC_CMDLINE,
    PROC_ENVIRON,
    PROC_MAPS,
    PROC_STAT,
    PROC_STATUS,
    PROC_MEMINFO,
};

struct proc_entry {
    const char *name;
    enum proc_kind kind;
    mode_t mode;
};

static const struct proc_entry proc_root_entries[] = {
    {"self", PROC_SELF, S_IFDIR | 0555},
    {"meminfo", PROC_MEMINFO, S_IFREG | 0444},
};
static const struct proc_entry proc_self_entries[] = {
    {"fd", PROC_FD_DIR, S_IFDIR | 0500},
    {"exe", PROC_EXE, S_IFLNK | 0777},
    {"cmdline", PROC_CMDLINE, S_IFREG | 0444},
    {"environ", PROC_ENVIRON, S_IFREG | 0400},
    {"maps", PROC_MAPS, S_IFREG | 0444},
    {"stat", PROC_STAT, S_IFREG | 0444},
    {"status", PROC_STATUS, S_IFREG | 0444},
};
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct proc_node {
    enum proc_kind kind;
    int arg;
};

static const struct vnode_ops proc_ops;
static struct vnode *proc_dirs[3]; /* root, self, fd: live as the mount */

static struct proc_node *pn(struct vnode *vn)
{
    return vn->priv;
}

static struct vnode *proc_new(struct mount *m, enum proc_kind kind, int arg,
                              mode_t mode)
{
    struct vnode *vn = vnode_new(m, &proc_ops, mode);
    struct proc_node *p = malloc(sizeof *p);
    if (!vn || !p) {
        free(vn);
        free(p);
        return NULL;
    }
    *p = (struct proc_node){kind, arg};
    vn->priv = p;
    vn->ino = 0x1000 + (uint64_t)kind * 0x10000 + (uint64_t)arg;
    return vn;
}

static void proc_release(struct vnode *vn)
{
    free(vn->priv);
    free(vn);
}

static int proc_lookup(struct vnode *dir, const char *name,
                       struct vnode **out)
{
    enum proc_kind k = pn(dir)->kind;
    const struct proc_entry *e = k == PROC_ROOT ? proc_root_entries
                                                : proc_self_entries;
    size_t n = k == PROC_ROOT ? COUNT(proc_root_entries)
                              : COUNT(proc_self_entries);

    if (strcmp(name, "..") == 0) {
        *out = vnode_get(proc_dirs[k == PROC_FD_DIR ? 1 : 0]);
        return 0;
    }
    if (k == PROC_FD_DIR) {
        char *end;
        long fd = strtol(name, &end, 10);
        if (*end || end == name || (name[0] == '0' && name[1]) ||
            !fd_get((int)fd))
            return -ENOENT;
        *out = proc_new(dir->mnt, PROC_FD_LINK, (int)fd, S_IFLNK | 0700);
        return *out ? 0 : -ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        if (strcmp(e[i].name, name) != 0)
            continue;
        if (e[i].kind == PROC_SELF || e[i].kind == PROC_FD_DIR)
            *out = vnode_get(proc_dirs[e[i].kind == PROC_SELF ? 1 : 2]);
        else
            *out = proc_new(dir->mnt, e[i].kind, 0, e[i].mode);
        return *out ? 0 : -ENOMEM;
    }
    return -ENOENT;
}

static int proc_readdir(struct vnode *dir, uint64_t *pos,
                        struct vfs_dirent *out)
{
    enum proc_kind k = pn(dir)->kind;
    if (*pos < 2) {
        out->ino = dir->ino;
        out->type = DT_DIR;
        strcpy(out->name, *pos ? ".." : ".");
        ++*pos;
        return 1;
    }
    if (k == PROC_FD_DIR) {
        for (uint64_t fd = *pos - 2; fd < FD_MAX; fd++) {
            if (!fd_get((int)fd))
                continue;
            out->ino = 0x1000 + PROC_FD_LINK * 0x10000 + fd;
            out->type = DT_LNK;
            snprintf(out->name, sizeof out->name, "%d", (int)fd);
            *pos = fd + 3;
            return 1;
        }
        return 0;
    }
    const struct proc_entry *e = k == PROC_ROOT ? proc_root_entries
                                                : proc_self_entries;
    size_t n = k == PROC_ROOT ? COUNT(proc_root_entries)
                              : COUNT(proc_self_entries);
    if (*pos - 2 >= n)
        return 0;
    e += *pos - 2;
    out->ino = 0x1000 + (uint64_t)e->kind * 0x10000;
    out->type = IFTODT(e->mode);
    strcpy(out->name, e->name);
    ++*pos;
    return 1;
}

/* Where fd `fd` points, as Linux shows it. */
static int proc_fd_target(int fd, char *buf, size_t n)
{
    struct file *f = fd_get(fd);
    if (!f)
        return -ENOENT;
    if (f == &console_file)
        return snprintf(buf, n, "/dev/console");
    if (file_vnode(f)) {
        int r = vfs_path_of(file_vnode(f), buf, n);
        return r >= 0 ? r : snprintf(buf, n, "/ (deleted)");
    }
    return snprintf(buf, n, "anon_inode:[file]"); /* pipes, events, ... */
}

static long proc_readlink(struct vnode *vn, char *buf, size_t n)
{
    char *tmp = malloc(VFS_PATH_MAX);
    int len;

    if (!tmp)
        return -ENOMEM;
    if (pn(vn)->kind == PROC_FD_LINK) {
        len = proc_fd_target(pn(vn)->arg, tmp, VFS_PATH_MAX);
    } else {
        const struct cmdline *c = runtime_cmdline();
        const char *exe = c->argc ? c->argv[0] : NULL;
        len = snprintf(tmp, VFS_PATH_MAX, "%s",
                       exe && exe[0] == '/' ? exe : "/app");
    }
    if (len >= 0) {
        if ((size_t)len > n)
            len = (int)n;
        memcpy(buf, tmp, (size_t)len);
    }
    free(tmp);
    return len;
}

static size_t proc_words(char *buf, size_t n, char *const *words, int count)
{
    size_t len = 0;
    for (int i = 0; i < count; i++) {
        size_t w = strlen(words[i]) + 1;
        if (len + w > n)
            break;
        memcpy(buf + len, words[i], w);
        len += w;
    }
    return len;
}

/* runtime/net/net_meminfo.c, when the program has sockets. */
int net_meminfo(char *buf, size_t n) __attribute__((weak));

/* Linux's layout and units (kB), so that programs parsing it work: the
 * page allocator's totals, the program's own pages (mmap and brk: all
 * anonymous), zeros for what has no counterpart here (no page cache, no
 * swap), then the network stack's own heap and pools. */
static size_t proc_meminfo(char *buf, size_t n)
{
    unsigned long total = mem_total_bytes() >> 10;
    unsigned long free = mem_free_bytes() >> 10;
    unsigned long anon = mem_user_bytes() >> 10;
    int len = snprintf(buf, n,
                       "MemTotal:       %8lu kB\nMemFree:        %8lu kB\n"
                       "MemAvailable:   %8lu kB\nBuffers:        %8d kB\n"
                       "Cached:         %8d kB\nSwapCached:     %8d kB\n"
                       "SwapTotal:      %8d kB\nSwapFree:       %8d kB\n"
                       "AnonPages:      %8lu kB\nShmem:          %8d kB\n",
                       total, free, free, 0, 0, 0, 0, 0, anon, 0);

    if (len < 0 || (size_t)len >= n)
        return len < 0 ? 0 : n - 1;
    if (net_meminfo) {
        int more = net_meminfo(buf + len, n - (size_t)len);
        if (more > 0)
            len += more;
    }
    return (size_t)len < n ? (size_t)len : n - 1;
}

/* The whole contents of a generated file; reads take a slice of it. */
static size_t proc_generate(enum proc_kind k, char *buf, size_t n)
{
    const struct cmdline *c = runtime_cmdline();
    const char *name = c->argc ? c->argv[0] : "app";
    const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
    int len = 0;

    switch (k) {
    case PROC_CMDLINE:
        return proc_words(buf, n, c->argv, c->argc);
    case PROC_ENVIRON:
        return proc_words(buf, n, c->envp, c->envc);
    case PROC_MAPS:
        len = snprintf(buf, n,
                       "%08lx-%08lx r-xp 00000000 00:00 0 /app\n"
                       "%08lx-%08lx r--p 00000000 00:00 0 /app\n"
                       "%08lx-%08lx rw-p 00000000 00:00 0 /app\n",
                       (long)__text_start, (long)PAGE_ROUND_UP(__text_end),
                       (long)__rodata_start,
                       (long)PAGE_ROUND_UP(__rodata_end), (long)__data_start,
                       (long)PAGE_ROUND_UP(__bss_end));
        break;
    case PROC_STAT:
        len = snprintf(buf, n,
                       "1 (%.15s) R 0 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 "
                       "0 %lu 0\n",
                       base, (unsigned long)mem_total_bytes());
        break;
    case PROC_STATUS:
        len = snprintf(buf, n,
                       "Name:\t%.15s\nState:\tR (running)\nPid:\t1\n"
                       "PPid:\t0\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n",
                       base);
        break;
    case PROC_MEMINFO:
        return proc_meminfo(buf, n);
    default:
        break;
    }
    return len < 0 ? 0 : (size_t)len < n ? (size_t)len : n - 1;
}

#define PROC_FILE_MAX 65536

static long proc_read(struct vnode *vn, void *buf, size_t n, uint64_t off)
{
    char *tmp = malloc(PROC_FILE_MAX);
    if (!tmp)
        return -ENOMEM;
    size_t len = proc_generate(pn(vn)->kind, tmp, PROC_FILE_MAX);
    size_t got = 0;
    if (off < len) {
        got = len - off < n ? len - off : n;
        memcpy(buf, tmp + off, got);
    }
    free(tmp);
    return (long)got;
}

static const struct vnode_ops proc_ops = {
    .lookup = proc_lookup,
    .readdir = proc_readdir,
    .read = proc_read,
    .readlink = proc_readlink,
    .release = proc_release,
};

static int proc_mount(struct mount *m, const char *source)
{
    proc_dirs[0] = proc_new(m, PROC_ROOT, 0, S_IFDIR | 0555);
    proc_dirs[1] = proc_new(m, PROC_SELF, 0, S_IFDIR | 0555);
    proc_dirs[2] = proc_new(m, PROC_FD_DIR, 0, S_IFDIR | 0500);
    if (!proc_dirs[0] || !proc_dirs[1] || !proc_dirs[2])
        return -ENOMEM;
    m->root = proc_dirs[0];
    return 0;
}

const struct fs_ops procfs_fs = {"proc", proc_mount, 0x9fa0};
