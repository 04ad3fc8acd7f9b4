/* virtio_net.h: the virtio-net driver's interface for the network glue. */
#ifndef UK_VIRTIO_NET_H
#define UK_VIRTIO_NET_H

#include <stdint.h>

#include "virtio.h"

/*
 * One NIC (the first virtio-net device), Ethernet frames without the FCS.
 * Every call, and both callbacks, run with interrupts off: that is what
 * serialises the driver against its interrupt handler and against the
 * stack (lwIP is called with interrupts off too), so the driver has no
 * lock of its own.
 */
#define VIRTIO_NET_MTU 1500
#define VIRTIO_NET_FRAME_MAX 1514 /* MTU + Ethernet header */
#define VIRTIO_NET_TX_FRAGS 16    /* most scatter pieces one frame takes */
#define VIRTIO_NET_RX_SCRATCH 64  /* caller's bytes per receive buffer */
#define VIRTIO_NET_HDR_LEN 12     /* the device's header before a frame */

struct virtio_net_ops {
    /* The device has sent the frame virtio_net_send was given `token`
     * with: its memory may be reused. */
    void (*tx_done)(void *token);
    /* Frames have arrived (from the interrupt handler): make someone call
     * virtio_net_rx_get soon. The interrupt then stays off until
     * virtio_net_rx_arm. Never called if the device has no usable
     * interrupt line; the caller then has to poll. */
    void (*rx_ready)(void);
};

/* net.c */
/* Find and start the NIC: 1 if it is up, 0 if there is none (or it is
 * unusable, with a message on the console). Once only. */
int virtio_net_open(const struct virtio_net_ops *ops);
void virtio_net_mac(uint8_t mac[6]);
int virtio_net_link_up(void); /* 1 when the device reports no status */
/* Queue one frame for transmission, given as n pieces (1..TX_FRAGS) that
 * must stay untouched until ops->tx_done(token). With hdr_room, the first
 * piece starts with VIRTIO_NET_HDR_LEN bytes of room that the driver fills
 * with the device's header (one buffer less per frame); otherwise the
 * driver adds the header itself. Reclaims finished frames first and, if
 * the ring is still full, waits a little for the device. 0, or -EAGAIN
 * (the frame was not queued), -EINVAL (bad size). */
int virtio_net_send(const struct virtq_buf *frags, int n, int hdr_room,
                    void *token);
/* Hand every finished transmission to ops->tx_done (the stack's poll). */
void virtio_net_tx_reclaim(void);
/* The next received frame, or NULL. It stays the caller's until
 * virtio_net_rx_put gives it back; so do the VIRTIO_NET_RX_SCRATCH bytes
 * at virtio_net_rx_scratch(frame), for the caller's bookkeeping. */
void *virtio_net_rx_get(uint32_t *len);
void virtio_net_rx_put(void *frame);
void *virtio_net_rx_scratch(void *frame);
/* Tell the device about buffers given back since the last call (it may
 * hear of them later otherwise): after a batch of rx_put. */
void virtio_net_rx_flush(void);
/* The ring is drained: rx_ready may fire again. 1 if a frame came in the
 * meantime (the caller then drains again rather than wait). */
int virtio_net_rx_arm(void);
/* Receive buffers the device holds now: when few are left, a caller that
 * keeps frames for long should copy them and give them back at once. */
int virtio_net_rx_posted(void);
int virtio_net_rx_ring_size(void);

#endif
