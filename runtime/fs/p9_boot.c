/* p9_boot.c: mount the host directories ukrun --fs attached (fs=TAG:PATH). */
#include <errno.h>
#include <string.h>

#include "fs/p9.h"
#include "component.h"

/* Linked whenever the program has files (vfs): nothing calls it by name;
 * the specialisation object runs it after vfs_boot (hostfs needs vfs). */
UK_COMPONENT_INIT_WITH(hostfs, p9_boot_mounts, libc, "vfs");

static _Noreturn void p9_boot_fail(const char *tag, const char *path, int err)
{
    kprintf("ukcc: error: cannot mount host directory %s on %s: %s\n", tag,
            path, strerror(-err));
    kernel_exit(EXIT_PANIC);
}

/* mkdir -p in the file tree as it is before the host directories. */
static int p9_boot_mkdirs(const char *path)
{
    char name[VFS_NAME_MAX + 1];
    struct vnode *dir = vnode_get(vfs_root()), *child;
    int r = 0;

    while (*path) {
        size_t len = strcspn(path, "/");
        if (len > VFS_NAME_MAX) {
            r = -ENAMETOOLONG;
            break;
        }
        memcpy(name, path, len);
        name[len] = 0;
        path += len + strspn(path + len, "/");
        if (!len)
            continue;
        r = vfs_lookup_child(dir, name, &child);
        if (r == -ENOENT && dir->ops->mkdir) {
            r = dir->ops->mkdir(dir, name, 0755);
            if (r == 0)
                r = vfs_lookup_child(dir, name, &child);
        }
        if (r < 0)
            break;
        vnode_put(dir);
        dir = child;
    }
    vnode_put(dir);
    return r;
}

static void p9_boot_mount(const char *word, int want_root)
{
    const char *colon = strchr(word, ':');
    const char *path = colon ? colon + 1 : "/";
    int root = strspn(path, "/") == strlen(path);
    char tag[64];
    int r;

    if (root != want_root)
        return;
    size_t n = strcspn(word, ":");
    n = n < sizeof tag - 1 ? n : sizeof tag - 1;
    memcpy(tag, word, n);
    tag[n] = 0;
    r = root ? 0 : p9_boot_mkdirs(path);
    if (r == 0)
        r = vfs_mount(root ? "/" : path, &p9_fs, tag);
    if (r < 0)
        p9_boot_fail(tag, path, r);
    if (root)
        vfs_set_cwd(vfs_root());
}

/* The root one last: until then "/" is the ramfs, where the other mount
 * points are made; afterwards the ramfs shows through where the host
 * directory has no such name (fs/p9fs.c, p9fs_lookup). */
void p9_boot_mounts(void)
{
    const struct cmdline *cl = runtime_cmdline();

    for (int i = 0; i < cl->nmounts; i++)
        p9_boot_mount(cl->mounts[i], 0);
    for (int i = 0; i < cl->nmounts; i++)
        p9_boot_mount(cl->mounts[i], 1);
}
