/* p9_dir.c: 9P requests on directories and links. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fs/p9.h"


long p9_readdir(struct p9_client *c, uint32_t fid, uint64_t off, void *buf,
                uint32_t n)
{
    return p9_read_counted(c, P9_TREADDIR, fid, off, buf, n);
}

/* The requests below answer with nothing we use (a qid at most). */
static int p9_simple(struct p9_client *c)
{
    int r = p9_rpc(c, NULL, 0, NULL, 0, 0);
    p9_end(c);
    return r;
}

int p9_mkdir(struct p9_client *c, uint32_t dfid, const char *name,
             uint32_t mode, uint32_t gid)
{
    p9_begin(c, P9_TMKDIR);
    p9_put32(c, dfid);
    p9_put_str(c, name);
    p9_put32(c, mode);
    p9_put32(c, gid);
    return p9_simple(c);
}

int p9_symlink(struct p9_client *c, uint32_t dfid, const char *name,
               const char *target, uint32_t gid)
{
    p9_begin(c, P9_TSYMLINK);
    p9_put32(c, dfid);
    p9_put_str(c, name);
    p9_put_str(c, target);
    p9_put32(c, gid);
    return p9_simple(c);
}

int p9_link(struct p9_client *c, uint32_t dfid, uint32_t fid, const char *name)
{
    p9_begin(c, P9_TLINK);
    p9_put32(c, dfid);
    p9_put32(c, fid);
    p9_put_str(c, name);
    return p9_simple(c);
}

int p9_unlinkat(struct p9_client *c, uint32_t dfid, const char *name,
                uint32_t flags)
{
    p9_begin(c, P9_TUNLINKAT);
    p9_put32(c, dfid);
    p9_put_str(c, name);
    p9_put32(c, flags);
    return p9_simple(c);
}

int p9_renameat(struct p9_client *c, uint32_t odfid, const char *oname,
                uint32_t ndfid, const char *nname)
{
    p9_begin(c, P9_TRENAMEAT);
    p9_put32(c, odfid);
    p9_put_str(c, oname);
    p9_put32(c, ndfid);
    p9_put_str(c, nname);
    return p9_simple(c);
}

/* The target, not NUL-terminated, cut to n bytes; its length. */
long p9_readlink(struct p9_client *c, uint32_t fid, char *buf, size_t n)
{
    char *target = malloc(P9_BUF);

    if (!target)
        return -ENOMEM;
    p9_begin(c, P9_TREADLINK);
    p9_put32(c, fid);
    long r = p9_rpc(c, NULL, 0, NULL, 0, 0);
    if (r == 0) {
        uint32_t len = p9_get_str(c, target, P9_BUF);
        r = c->bad || len >= P9_BUF ? -EIO : (long)(len < n ? len : n);
    }
    p9_end(c);
    if (r > 0)
        memcpy(buf, target, (size_t)r);
    free(target);
    return r;
}
