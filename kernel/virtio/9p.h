/* 9p.h: the virtio-9p transport: 9P messages to a host directory. */
#ifndef UK_VIRTIO_9P_H
#define UK_VIRTIO_9P_H

#include "virtio.h"

/* One virtio-9p device (ukrun --fs attaches one per host directory). */
struct virtio_9p;

/* The device whose mount tag is `tag`, set up on first use; NULL if the
 * machine has none with that tag. Every call with a tag returns the same
 * device. */
struct virtio_9p *virtio_9p_open(const char *tag);

/* One request: bufs[0..nout) hold the T-message, bufs[nout..nout+nin) the
 * room for the R-message. Returns when the device has answered: the number
 * of bytes it wrote, or -EIO. One request at a time per device: the caller
 * serialises; other threads run while it waits. */
long virtio_9p_request(struct virtio_9p *c, const struct virtq_buf *bufs,
                       int nout, int nin);

/* The largest number of pieces virtio_9p_request accepts. */
#define VIRTIO_9P_MAX_BUFS 8

#endif
