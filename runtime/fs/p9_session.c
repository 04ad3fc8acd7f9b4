/* p9_session.c: 9P connections: version, attach, fids, walk, clunk. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fs/p9.h"

static int p9_version(struct p9_client *c)
{
    char version[16];

    p9_begin(c, P9_TVERSION);
    p9_put32(c, P9_MSIZE);
    p9_put_str(c, "9P2000.L");
    int r = p9_rpc(c, NULL, 0, NULL, 0, 0);
    uint32_t msize = p9_get32(c);
    p9_get_str(c, version, sizeof version);
    if (r == 0 &&
        (c->bad || strcmp(version, "9P2000.L") != 0 || msize <= P9_IOHDR + 512))
        r = -EPROTONOSUPPORT;
    c->msize = msize < P9_MSIZE ? msize : P9_MSIZE;
    p9_end(c);
    return r;
}

static int p9_attach(struct p9_client *c)
{
    c->root_fid = p9_fid_new(c);
    p9_begin(c, P9_TATTACH);
    p9_put32(c, c->root_fid);
    p9_put32(c, P9_NOFID); /* no authentication */
    p9_put_str(c, "root");
    p9_put_str(c, "");
    p9_put32(c, 0); /* n_uname: ignored with security_model=none */
    int r = p9_rpc(c, NULL, 0, NULL, 0, 0);
    p9_end(c);
    return r;
}

int p9_connect(const char *tag, struct p9_client **out)
{
    struct virtio_9p *dev = virtio_9p_open(tag);
    struct p9_client *c;
    int r;

    if (!dev)
        return -ENODEV;
    c = calloc(1, sizeof *c);
    if (!c)
        return -ENOMEM;
    c->dev = dev;
    c->lockq = (struct waitq)WAITQ_INIT_THREADS_ONLY;
    c->next_fid = 1;
    c->t = malloc(P9_BUF);
    c->r = malloc(P9_BUF);
    r = c->t && c->r ? p9_version(c) : -ENOMEM;
    if (r == 0)
        r = p9_attach(c);
    if (r < 0) {
        free(c->t);
        free(c->r);
        free(c);
        return r;
    }
    *out = c;
    return 0;
}

/* Fids are never reused: a 32-bit counter outlasts any program here. */
uint32_t p9_fid_new(struct p9_client *c)
{
    return __atomic_fetch_add(&c->next_fid, 1, __ATOMIC_RELAXED);
}

int p9_walk(struct p9_client *c, uint32_t fid, uint32_t newfid,
            const char *name, struct p9_qid *q)
{
    p9_begin(c, P9_TWALK);
    p9_put32(c, fid);
    p9_put32(c, newfid);
    p9_put16(c, name ? 1 : 0);
    if (name)
        p9_put_str(c, name);
    int r = p9_rpc(c, NULL, 0, NULL, 0, 0);
    if (r == 0) {
        uint16_t n = p9_get16(c);
        if (name && n != 1)
            r = -ENOENT; /* the server made no newfid */
        else if (name && q)
            p9_get_qid(c, q);
    }
    p9_end(c);
    return r;
}

void p9_clunk(struct p9_client *c, uint32_t fid)
{
    if (fid == P9_NOFID)
        return;
    p9_begin(c, P9_TCLUNK);
    p9_put32(c, fid);
    p9_rpc(c, NULL, 0, NULL, 0, 0);
    p9_end(c);
}
