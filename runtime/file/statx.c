/* statx.c: statx(2), filled from a struct stat. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "runtime.h"

#define STATX_BASIC 0x7ffU

/* Linux's struct statx (musl 1.2.3 does not declare it): 256 bytes. */
struct statx_ts {
    int64_t tv_sec;
    uint32_t tv_nsec;
    int32_t reserved;
};
struct statx {
    uint32_t stx_mask, stx_blksize;
    uint64_t stx_attributes;
    uint32_t stx_nlink, stx_uid, stx_gid;
    uint16_t stx_mode, spare0;
    uint64_t stx_ino, stx_size, stx_blocks, stx_attributes_mask;
    struct statx_ts stx_atime, stx_btime, stx_ctime, stx_mtime;
    uint32_t stx_rdev_major, stx_rdev_minor, stx_dev_major, stx_dev_minor;
    uint64_t spare2[14];
};
_Static_assert(sizeof(struct statx) == 256, "statx layout");

long uk_sys_statx(long dirfd, long path, long flags, long mask, long out)
{
    struct statx *sx = (struct statx *)out;
    struct stat st;
    if (!out)
        return -EFAULT;
    long r = uk_sys_newfstatat(dirfd, path, (long)&st,
                               flags & (AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH));
    if (r < 0)
        return r;
    memset(sx, 0, sizeof *sx);
    sx->stx_mask = STATX_BASIC;
    sx->stx_blksize = (uint32_t)st.st_blksize;
    sx->stx_nlink = (uint32_t)st.st_nlink;
    sx->stx_uid = st.st_uid;
    sx->stx_gid = st.st_gid;
    sx->stx_mode = (uint16_t)st.st_mode;
    sx->stx_ino = st.st_ino;
    sx->stx_size = (uint64_t)st.st_size;
    sx->stx_blocks = (uint64_t)st.st_blocks;
    sx->stx_atime.tv_sec = st.st_atim.tv_sec;
    sx->stx_atime.tv_nsec = (uint32_t)st.st_atim.tv_nsec;
    sx->stx_mtime.tv_sec = st.st_mtim.tv_sec;
    sx->stx_mtime.tv_nsec = (uint32_t)st.st_mtim.tv_nsec;
    sx->stx_ctime.tv_sec = st.st_ctim.tv_sec;
    sx->stx_ctime.tv_nsec = (uint32_t)st.st_ctim.tv_nsec;
    sx->stx_rdev_major = major(st.st_rdev);
    sx->stx_rdev_minor = minor(st.st_rdev);
    sx->stx_dev_major = major(st.st_dev);
    sx->stx_dev_minor = minor(st.st_dev);
    return 0;
}
