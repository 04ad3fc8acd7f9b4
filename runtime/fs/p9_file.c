/* p9_file.c: 9P requests on files: open, create, read, write, attributes. */
#include <errno.h>
#include <sys/statfs.h>

#include "fs/p9.h"

#define P9_RREAD_HDR (P9_HDR + 4)
#define P9_TWRITE_HDR (P9_HDR + 16)
#define P9_GETATTR_BASIC 0x7ffULL

int p9_lopen(struct p9_client *c, uint32_t fid, uint32_t flags)
{
    p9_begin(c, P9_TLOPEN);
    p9_put32(c, fid);
    p9_put32(c, flags);
    int r = p9_rpc(c, NULL, 0, NULL, 0, 0);
    p9_end(c);
    return r;
}

/* fid, a directory, becomes the new file opened with flags. */
int p9_lcreate(struct p9_client *c, uint32_t fid, const char *name,
               uint32_t flags, uint32_t mode, uint32_t gid)
{
    p9_begin(c, P9_TLCREATE);
    p9_put32(c, fid);
    p9_put_str(c, name);
    p9_put32(c, flags);
    p9_put32(c, mode);
    p9_put32(c, gid);
    int r = p9_rpc(c, NULL, 0, NULL, 0, 0);
    p9_end(c);
    return r;
}

/* Tread and Treaddir alike: fid, offset, count; the reply is a count and
 * that many bytes, which go straight from the device into buf: no copy.
 * n is cut to what one message carries. */
long p9_read_counted(struct p9_client *c, uint8_t type, uint32_t fid,
                     uint64_t off, void *buf, uint32_t n)
{
    if (n > c->msize - P9_RREAD_HDR)
        n = c->msize - P9_RREAD_HDR;
    p9_begin(c, type);
    p9_put32(c, fid);
    p9_put64(c, off);
    p9_put32(c, n);
    long r = p9_rpc(c, NULL, 0, buf, P9_RREAD_HDR, n);
    if (r == 0) {
        uint32_t got = p9_get32(c);
        r = c->bad || got > n ? -EIO : (long)got;
    }
    p9_end(c);
    return r;
}

/* Split by msize; stops early only at the end of the file. */
long p9_read(struct p9_client *c, uint32_t fid, void *buf, size_t n,
             uint64_t off)
{
    uint32_t max = c->msize - P9_RREAD_HDR;
    size_t done = 0;

    while (done < n) {
        uint32_t chunk = n - done < max ? (uint32_t)(n - done) : max;
        long r = p9_read_counted(c, P9_TREAD, fid, off + done,
                                 (char *)buf + done, chunk);
        if (r < 0)
            return done ? (long)done : r;
        done += (size_t)r;
        if (r < chunk)
            break;
    }
    return (long)done;
}

static long p9_write_once(struct p9_client *c, uint32_t fid, const void *buf,
                          uint32_t n, uint64_t off)
{
    p9_begin(c, P9_TWRITE);
    p9_put32(c, fid);
    p9_put64(c, off);
    p9_put32(c, n);
    long r = p9_rpc(c, buf, n, NULL, 0, 0);
    if (r == 0) {
        uint32_t put = p9_get32(c);
        r = c->bad || put > n ? -EIO : (long)put;
    }
    p9_end(c);
    return r;
}

/* Every byte is on the host when this returns (the server writes through
 * to the host file before it answers). */
long p9_write(struct p9_client *c, uint32_t fid, const void *buf, size_t n,
              uint64_t off)
{
    uint32_t max = c->msize - P9_TWRITE_HDR;
    size_t done = 0;

    while (done < n) {
        uint32_t chunk = n - done < max ? (uint32_t)(n - done) : max;
        long r =
            p9_write_once(c, fid, (const char *)buf + done, chunk, off + done);
        if (r < 0)
            return done ? (long)done : r;
        if (r == 0)
            return done ? (long)done : -EIO;
        done += (size_t)r;
    }
    return (long)done;
}

int p9_fsync(struct p9_client *c, uint32_t fid)
{
    p9_begin(c, P9_TFSYNC);
    p9_put32(c, fid);
    p9_put32(c, 0); /* datasync: no, everything */
    int r = p9_rpc(c, NULL, 0, NULL, 0, 0);
    p9_end(c);
    return r;
}

static void p9_get_time(struct p9_client *c, struct timespec *ts)
{
    ts->tv_sec = (time_t)p9_get64(c);
    ts->tv_nsec = (long)p9_get64(c);
}

int p9_getattr(struct p9_client *c, uint32_t fid, struct p9_attr *a)
{
    p9_begin(c, P9_TGETATTR);
    p9_put32(c, fid);
    p9_put64(c, P9_GETATTR_BASIC);
    int r = p9_rpc(c, NULL, 0, NULL, 0, 0);
    if (r == 0) {
        p9_get64(c); /* valid */
        p9_get_qid(c, &a->qid);
        a->mode = p9_get32(c);
        a->uid = p9_get32(c);
        a->gid = p9_get32(c);
        a->nlink = p9_get64(c);
        a->rdev = p9_get64(c);
        a->size = p9_get64(c);
        p9_get64(c); /* blksize */
        p9_get64(c); /* blocks */
        p9_get_time(c, &a->atime);
        p9_get_time(c, &a->mtime);
        p9_get_time(c, &a->ctime);
        if (c->bad)
            r = -EIO;
    }
    p9_end(c);
    return r;
}

int p9_setattr(struct p9_client *c, uint32_t fid, uint32_t valid,
               const struct p9_attr *a)
{
    p9_begin(c, P9_TSETATTR);
    p9_put32(c, fid);
    p9_put32(c, valid);
    p9_put32(c, a->mode);
    p9_put32(c, a->uid);
    p9_put32(c, a->gid);
    p9_put64(c, a->size);
    p9_put64(c, (uint64_t)a->atime.tv_sec);
    p9_put64(c, (uint64_t)a->atime.tv_nsec);
    p9_put64(c, (uint64_t)a->mtime.tv_sec);
    p9_put64(c, (uint64_t)a->mtime.tv_nsec);
    int r = p9_rpc(c, NULL, 0, NULL, 0, 0);
    p9_end(c);
    return r;
}

int p9_statfs(struct p9_client *c, uint32_t fid, struct statfs *sf)
{
    p9_begin(c, P9_TSTATFS);
    p9_put32(c, fid);
    int r = p9_rpc(c, NULL, 0, NULL, 0, 0);
    if (r == 0) {
        sf->f_type = p9_get32(c);
        sf->f_bsize = sf->f_frsize = p9_get32(c);
        sf->f_blocks = p9_get64(c);
        sf->f_bfree = p9_get64(c);
        sf->f_bavail = p9_get64(c);
        sf->f_files = p9_get64(c);
        sf->f_ffree = p9_get64(c);
        uint64_t fsid = p9_get64(c);
        sf->f_fsid.__val[0] = (int)fsid;
        sf->f_fsid.__val[1] = (int)(fsid >> 32);
        sf->f_namelen = p9_get32(c);
        if (c->bad)
            r = -EIO;
    }
    p9_end(c);
    return r;
}
