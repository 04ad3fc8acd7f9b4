/* p9_msg.c: 9P message encoding, decoding and the request/reply exchange. */
#include <errno.h>
#include <string.h>

#include "fs/p9.h"

void p9_begin(struct p9_client *c, uint8_t type)
{
    uint64_t f = irq_save();

    while (c->busy)
        waitq_wait(&c->lockq, 0);
    c->busy = 1;
    irq_restore(f);
    c->tlen = 4; /* size, filled in by p9_rpc */
    c->too_long = 0;
    p9_put8(c, type);
    p9_put16(c, type == P9_TVERSION ? P9_NOTAG : 1);
}

void p9_end(struct p9_client *c)
{
    uint64_t f = irq_save();

    c->busy = 0;
    waitq_wake_one(&c->lockq);
    irq_restore(f);
}

/* Fields are little-endian, as on x86: plain copies. Only a long name or
 * symlink target can overflow a message: p9_rpc then refuses it. */
static void p9_put(struct p9_client *c, const void *p, uint32_t n)
{
    if (c->tlen + n > P9_BUF) {
        c->too_long = 1;
        return;
    }
    memcpy(c->t + c->tlen, p, n);
    c->tlen += n;
}

void p9_put8(struct p9_client *c, uint8_t v)
{
    p9_put(c, &v, 1);
}

void p9_put16(struct p9_client *c, uint16_t v)
{
    p9_put(c, &v, 2);
}

void p9_put32(struct p9_client *c, uint32_t v)
{
    p9_put(c, &v, 4);
}

void p9_put64(struct p9_client *c, uint64_t v)
{
    p9_put(c, &v, 8);
}

void p9_put_str(struct p9_client *c, const char *s)
{
    size_t n = strlen(s);

    if (n > P9_BUF) {
        c->too_long = 1;
        return;
    }
    p9_put16(c, (uint16_t)n);
    p9_put(c, s, (uint32_t)n);
}

/* Past the end of the reply: zeros, and the reply is marked bad. */
static void p9_get(struct p9_client *c, void *p, uint32_t n)
{
    if (c->rpos + n > c->rlen) {
        c->bad = 1;
        memset(p, 0, n);
        return;
    }
    memcpy(p, c->r + c->rpos, n);
    c->rpos += n;
}

uint8_t p9_get8(struct p9_client *c)
{
    uint8_t v;
    p9_get(c, &v, 1);
    return v;
}

uint16_t p9_get16(struct p9_client *c)
{
    uint16_t v;
    p9_get(c, &v, 2);
    return v;
}

uint32_t p9_get32(struct p9_client *c)
{
    uint32_t v;
    p9_get(c, &v, 4);
    return v;
}

uint64_t p9_get64(struct p9_client *c)
{
    uint64_t v;
    p9_get(c, &v, 8);
    return v;
}

void p9_get_qid(struct p9_client *c, struct p9_qid *q)
{
    q->type = p9_get8(c);
    q->version = p9_get32(c);
    q->path = p9_get64(c);
}

uint32_t p9_get_str(struct p9_client *c, char *buf, size_t n)
{
    uint32_t len = p9_get16(c);

    if (c->rpos + len > c->rlen) {
        c->bad = 1;
        len = 0;
    }
    size_t k = len < n ? len : n - 1;
    memcpy(buf, c->r + c->rpos, k);
    buf[k] = 0;
    c->rpos += len;
    return len;
}

int p9_rpc(struct p9_client *c, const void *out, uint32_t out_len, void *in,
           uint32_t in_at, uint32_t in_len)
{
    struct virtq_buf bufs[4];
    int nout = 0, nin = 0;
    uint32_t size = c->tlen + (out ? out_len : 0);
    uint8_t want = (uint8_t)(c->t[4] + 1);

    if (c->too_long)
        return -ENAMETOOLONG;
    memcpy(c->t, &size, 4);
    bufs[nout++] = (struct virtq_buf){c->t, c->tlen};
    if (out && out_len)
        bufs[nout++] = (struct virtq_buf){out, out_len};
    bufs[nout + nin++] = (struct virtq_buf){c->r, in ? in_at : P9_BUF};
    if (in && in_len)
        bufs[nout + nin++] = (struct virtq_buf){in, in_len};
    long got = virtio_9p_request(c->dev, bufs, nout, nin);
    if (got < P9_HDR)
        return -EIO;
    c->rlen = (uint32_t)got;
    if (in && c->rlen > in_at)
        c->rlen = in_at;
    c->rpos = 4;
    c->bad = 0;
    uint8_t type = p9_get8(c);
    p9_get16(c); /* tag: one request at a time */
    if (type == P9_RLERROR) {
        uint32_t e = p9_get32(c);
        return c->bad || e == 0 ? -EIO : -(int)e;
    }
    return type == want ? 0 : -EIO;
}
