/* boot.c: the file tree at start: ramfs root, /dev, /proc, /etc, archives. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "vfs.h"
#include "fs/p9.h"
#include "component.h"

extern struct mount mount_table[];

/* ukcc --embed links an archive between these; other images have none. */
extern const char __uk_embed_start[] __attribute__((weak));
extern const char __uk_embed_end[] __attribute__((weak));

/* A host directory mounted on "/" (ukrun --fs DIR) hides the ramfs. */
struct vnode *vfs_root(void)
{
    struct vnode *root = mount_table[0].root;

    while (root->covered_by)
        root = root->covered_by->root;
    return root;
}

static void boot_mkdir(const char *name, mode_t mode)
{
    vfs_root()->ops->mkdir(vfs_root(), name, mode);
}

/* A small file in a directory directly under the root. */
static void boot_file(const char *dirname, const char *name,
                      const char *text)
{
    struct vnode *dir, *vn;
    if (vfs_lookup_child(vfs_root(), dirname, &dir) < 0)
        return;
    if (dir->ops->create(dir, name, 0644, &vn) == 0) {
        ramfs_set_data(vn, text, strlen(text));
        vnode_put(vn);
    }
    vnode_put(dir);
}

/* The name server ukrun names (dns=, runtime/net/nic_option.c), if any. */
static void boot_resolv_conf(void)
{
    uint32_t a = nic_static.dns;
    char text[48];

    if (!a) {
        boot_file("etc", "resolv.conf", "# no name servers configured\n");
        return;
    }
    snprintf(text, sizeof(text), "nameserver %u.%u.%u.%u\n", a >> 24,
             a >> 16 & 255, a >> 8 & 255, a & 255);
    boot_file("etc", "resolv.conf", text);
}

static void boot_fail(const char *what, int err)
{
    kprintf("ukcc: error: cannot set up %s: %s\n", what, strerror(-err));
    kernel_exit(EXIT_PANIC);
}

/* A libc-phase init (malloc works only once musl has initialised itself),
 * run by the specialisation object before the program's constructors:
 * this file is linked only when the program reaches the file system (its
 * vfs_root). The host directories come after it (fs/p9_boot.c). */
UK_COMPONENT_INIT(vfs, vfs_boot, libc);
void vfs_boot(void)
{
    int r = vfs_mount("/", &ramfs_fs, NULL);
    if (r < 0)
        boot_fail("the root filesystem", r);
    boot_mkdir("dev", 0755);
    boot_mkdir("proc", 0555);
    boot_mkdir("tmp", 01777);
    boot_mkdir("etc", 0755);
    boot_mkdir("root", 0700);
    if ((r = vfs_mount("/dev", &devfs_fs, NULL)) < 0)
        boot_fail("/dev", r);
    if ((r = vfs_mount("/proc", &procfs_fs, NULL)) < 0)
        boot_fail("/proc", r);
    boot_file("etc", "passwd", "root:x:0:0:root:/root:/bin/sh\n");
    boot_file("etc", "group", "root:x:0:\n");
    boot_file("etc", "hosts", "127.0.0.1\tlocalhost\n::1\tlocalhost\n");
    boot_resolv_conf();

    /* The embedded tree first, so that an initrd can override its files. */
    if (__uk_embed_start && __uk_embed_end > __uk_embed_start &&
        cpio_unpack(__uk_embed_start,
                    (size_t)(__uk_embed_end - __uk_embed_start),
                    "embedded archive (ukcc --embed)") < 0)
        kernel_exit(EXIT_PANIC);
    if (boot_info.initrd_len) {
        if (cpio_unpack((const void *)boot_info.initrd_base,
                        boot_info.initrd_len, "initrd") < 0)
            kernel_exit(EXIT_PANIC);
        mem_release_initrd();
    }
}
