/* p9.h: the 9P2000.L client over virtio-9p, and the filesystem on it. */
#ifndef UK_P9_H
#define UK_P9_H

#include <stdint.h>
#include <time.h>

#include "vfs/vfs.h"
#include "virtio/9p.h"

/* Message types (9P2000.L; R-types are T-types + 1). */
enum {
    P9_RLERROR = 7,
    P9_TSTATFS = 8,
    P9_TLOPEN = 12,
    P9_TLCREATE = 14,
    P9_TSYMLINK = 16,
    P9_TREADLINK = 22,
    P9_TGETATTR = 24,
    P9_TSETATTR = 26,
    P9_TREADDIR = 40,
    P9_TFSYNC = 50,
    P9_TLINK = 70,
    P9_TMKDIR = 72,
    P9_TRENAMEAT = 74,
    P9_TUNLINKAT = 76,
    P9_TVERSION = 100,
    P9_TATTACH = 104,
    P9_TWALK = 110,
    P9_TREAD = 116,
    P9_TWRITE = 118,
    P9_TCLUNK = 120,
};

#define P9_NOFID 0xffffffffU
#define P9_NOTAG 0xffff
#define P9_MSIZE (512U << 10) /* asked for; the server may offer less */
#define P9_BUF 8192           /* messages without bulk data */
#define P9_HDR 7              /* size[4] type[1] tag[2] */
#define P9_IOHDR 24           /* Twrite header; Rread's is smaller */

/* Tsetattr valid bits. */
#define P9_SET_MODE 0x1
#define P9_SET_UID 0x2
#define P9_SET_GID 0x4
#define P9_SET_SIZE 0x8
#define P9_SET_ATIME 0x10
#define P9_SET_MTIME 0x20
#define P9_SET_ATIME_SET 0x80
#define P9_SET_MTIME_SET 0x100

struct p9_qid {
    uint8_t type;
    uint32_t version;
    uint64_t path;
};

struct p9_attr {
    struct p9_qid qid;
    uint32_t mode, uid, gid;
    uint64_t nlink, rdev, size;
    struct timespec atime, mtime, ctime;
};

/* One connection (one device, one attach). Every exchange runs between
 * p9_begin and p9_end, which hold the client's lock: the message buffers
 * and the device are shared by all threads. */
struct p9_client {
    struct virtio_9p *dev;
    uint32_t msize, next_fid, root_fid;
    char *t, *r; /* P9_BUF bytes each */
    uint32_t tlen, rlen, rpos;
    int bad;      /* a reply field ran past the reply */
    int too_long; /* the message being built does not fit */
    int busy;
    struct waitq lockq;
};

/* p9_msg.c: encoding, decoding and the exchange itself */
void p9_begin(struct p9_client *c, uint8_t type);
void p9_end(struct p9_client *c);
void p9_put8(struct p9_client *c, uint8_t v);
void p9_put16(struct p9_client *c, uint16_t v);
void p9_put32(struct p9_client *c, uint32_t v);
void p9_put64(struct p9_client *c, uint64_t v);
void p9_put_str(struct p9_client *c, const char *s);
uint8_t p9_get8(struct p9_client *c);
uint16_t p9_get16(struct p9_client *c);
uint32_t p9_get32(struct p9_client *c);
uint64_t p9_get64(struct p9_client *c);
void p9_get_qid(struct p9_client *c, struct p9_qid *q);
/* A string field: its length; copies at most n - 1 bytes plus a NUL. */
uint32_t p9_get_str(struct p9_client *c, char *buf, size_t n);
/* Send the message built since p9_begin, with `out` (len bytes, may be
 * NULL) after it, and wait for the reply: its header goes into c->r and,
 * when `in` is given, the bytes after the first `in_at` into in. 0, or
 * -errno (Rlerror, or -EIO for a reply of the wrong type). */
int p9_rpc(struct p9_client *c, const void *out, uint32_t out_len, void *in,
           uint32_t in_at, uint32_t in_len);

/* p9_session.c: connecting, fids, walking */
int p9_connect(const char *tag, struct p9_client **out);
uint32_t p9_fid_new(struct p9_client *c);
/* newfid = fid walked to name (NULL: a copy of fid); *q its qid. */
int p9_walk(struct p9_client *c, uint32_t fid, uint32_t newfid,
            const char *name, struct p9_qid *q);
void p9_clunk(struct p9_client *c, uint32_t fid);

/* p9_file.c: opened files and attributes */
int p9_lopen(struct p9_client *c, uint32_t fid, uint32_t flags);
int p9_lcreate(struct p9_client *c, uint32_t fid, const char *name,
               uint32_t flags, uint32_t mode, uint32_t gid);
long p9_read(struct p9_client *c, uint32_t fid, void *buf, size_t n,
             uint64_t off);
long p9_write(struct p9_client *c, uint32_t fid, const void *buf, size_t n,
              uint64_t off);
int p9_fsync(struct p9_client *c, uint32_t fid);
int p9_getattr(struct p9_client *c, uint32_t fid, struct p9_attr *a);
int p9_setattr(struct p9_client *c, uint32_t fid, uint32_t valid,
               const struct p9_attr *a);
struct statfs;
int p9_statfs(struct p9_client *c, uint32_t fid, struct statfs *sf);

/* p9_file.c: Tread or Treaddir (type) of at most n bytes (cut to the
 * message size) from offset off into buf; the byte count or -errno. */
long p9_read_counted(struct p9_client *c, uint8_t type, uint32_t fid,
                     uint64_t off, void *buf, uint32_t n);

/* p9_dir.c: directory operations */
/* Entries from offset `off` packed into buf (Rreaddir data); its length. */
long p9_readdir(struct p9_client *c, uint32_t fid, uint64_t off, void *buf,
                uint32_t n);
int p9_mkdir(struct p9_client *c, uint32_t dfid, const char *name,
             uint32_t mode, uint32_t gid);
int p9_symlink(struct p9_client *c, uint32_t dfid, const char *name,
               const char *target, uint32_t gid);
int p9_link(struct p9_client *c, uint32_t dfid, uint32_t fid, const char *name);
int p9_unlinkat(struct p9_client *c, uint32_t dfid, const char *name,
                uint32_t flags);
int p9_renameat(struct p9_client *c, uint32_t odfid, const char *oname,
                uint32_t ndfid, const char *nname);
long p9_readlink(struct p9_client *c, uint32_t fid, char *buf, size_t n);

/* p9fs.c: the filesystem ("9p"); mount source: the device's mount tag */
extern const struct fs_ops p9_fs;

/* p9_boot.c: the kernel options fs=TAG:PATH (ukrun --fs), mounted after
 * vfs_boot (a libc-phase init); the mount on "/" becomes the root and the
 * cwd. */
void p9_boot_mounts(void);

#endif
