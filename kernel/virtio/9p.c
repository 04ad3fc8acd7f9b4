/* 9p.c: virtio-9p devices: the transport under the runtime's 9P client.
 *
 * ukrun --fs DIR starts QEMU with (microvm; -M pc uses virtio-9p-pci):
 *   -fsdev local,id=fs0,path=DIR,security_model=none
 *   -device virtio-9p-device,fsdev=fs0,mount_tag=fs0
 * The device has one queue of requests; each chain is a T-message the
 * device reads followed by the buffers it writes the R-message into
 * (virtio 1.x section 5.13 draft; the config space holds the mount tag).
 * A request waits for its answer by polling the used ring and yielding:
 * QEMU answers from its own threads, often after host I/O.
 */
#include <errno.h>
#include <string.h>

#include "9p.h"
#include "kernel.h"
#include "x86.h"

#define V9P_F_MOUNT_TAG (1ULL << 0)
#define V9P_CFG_TAG_LEN 0 /* le16, then the tag bytes (not terminated) */
#define V9P_CFG_TAG 2
#define V9P_TAG_MAX 64
#define V9P_MAX_DEVS 8
#define V9P_QUEUE_SIZE 16

struct virtio_9p {
    struct virtio_dev *dev;
    struct virtq vq;
    char tag[V9P_TAG_MAX + 1];
};

static struct virtio_9p v9p_devs[V9P_MAX_DEVS];
static int v9p_ndevs, v9p_probed;

/* Set up one device and read its tag; 0, or -1 if it is unusable. */
static int v9p_setup(struct virtio_9p *c, struct virtio_dev *d)
{
    uint32_t len;

    if (virtio_negotiate(d, V9P_F_MOUNT_TAG) < 0 ||
        !(d->features & V9P_F_MOUNT_TAG))
        return -1;
    len = virtio_config_read(d, V9P_CFG_TAG_LEN, 2);
    if (len > V9P_TAG_MAX)
        len = V9P_TAG_MAX;
    for (uint32_t i = 0; i < len; i++)
        c->tag[i] = (char)virtio_config_read(d, V9P_CFG_TAG + i, 1);
    c->tag[len] = 0;
    if (virtq_init(d, &c->vq, 0, V9P_QUEUE_SIZE) < 0)
        return -1;
    c->dev = d;
    virtio_ready(d);
    return 0;
}

/* virtio_find hands each device out once: take them all at the first
 * open, so that later opens can match any tag. */
static void v9p_probe(void)
{
    struct virtio_dev *d;

    v9p_probed = 1;
    while (v9p_ndevs < V9P_MAX_DEVS && (d = virtio_find(VIRTIO_ID_9P))) {
        if (v9p_setup(&v9p_devs[v9p_ndevs], d) == 0)
            v9p_ndevs++;
        else
            kprintf("virtio-9p: a device is unusable, ignored\n");
    }
}

struct virtio_9p *virtio_9p_open(const char *tag)
{
    if (!v9p_probed)
        v9p_probe();
    for (int i = 0; i < v9p_ndevs; i++)
        if (strcmp(v9p_devs[i].tag, tag) == 0)
            return &v9p_devs[i];
    return NULL;
}

long virtio_9p_request(struct virtio_9p *c, const struct virtq_buf *bufs,
                       int nout, int nin)
{
    uint32_t len = 0;

    if (virtq_add(&c->vq, bufs, nout, nin, c) < 0)
        return -EIO;
    virtq_kick(&c->vq);
    while (!virtq_get(&c->vq, &len)) {
        pause();
        sched_yield_cpu();
    }
    return (long)len;
}
