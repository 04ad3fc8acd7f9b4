/* net.c: virtio-net, one NIC: frames in and out for the network stack. */
#include <errno.h>
#include <string.h>

#include "kernel.h"
#include "virtio.h"
#include "virtio_net.h"
#include "x86.h"

/*
 * ukrun attaches the NIC as (microvm; -M pc uses virtio-net-pci):
 *   -netdev user,id=n0[,hostfwd=...] -device virtio-net-device,netdev=n0
 * Queue 0 receives, queue 1 transmits; no control queue, no multiqueue.
 *
 * No offloads: QEMU offers checksum offload (F_CSUM, F_GUEST_CSUM) only
 * when its backend takes virtio headers (tap with vnet_hdr), never with
 * user networking, and lwIP cannot skip the check per packet anyway. So
 * every frame carries a complete checksum and every header is zero.
 *
 * Transmit: the header and the caller's pieces form one chain, without a
 * copy (the header goes into room the caller left in front of the frame,
 * where there is some: lwIP leaves it); the caller gets each frame back
 * through ops->tx_done once the device has used it (reclaimed on the next
 * send or tx_reclaim: no TX interrupts). Receive: a pool of 2 KiB
 * buffers, more than the ring holds, so that frames the stack keeps for a
 * while (zero-copy) do not starve the device; buffers not in the ring
 * wait on a free list. The device writes the header and the frame at an
 * offset that puts the IP header on a 16-byte boundary, after the
 * caller's scratch bytes.
 *
 * VM exits are what costs under emulation, so both directions avoid them.
 * The receive interrupt switches itself off until the stack has drained
 * the ring (virtio_net_rx_arm turns it back on). Buffers given back are
 * announced to the device in batches: a notification goes out at once
 * only while the ring is short of buffers (the device may have stopped
 * for want of one), otherwise with the next virtio_net_rx_flush.
 */
#define VNET_F_MAC (1ULL << 5)
#define VNET_F_STATUS (1ULL << 16)
#define VNET_CFG_MAC 0
#define VNET_CFG_STATUS 6
#define VNET_S_LINK_UP 1

#define VNET_QUEUE_MAX 256
#define VNET_RX_EXTRA 128       /* pool buffers beyond the ring size */
#define VNET_BUF_SIZE 2048
#define VNET_HDR_LEN VIRTIO_NET_HDR_LEN /* virtio_net_hdr, VERSION_1 */
#define VNET_HDR_OFF 70         /* frame at 82: its IP header at 96 */
#define VNET_FRAME_OFF (VNET_HDR_OFF + VNET_HDR_LEN)
#define VNET_TX_WAIT_NS 1000000000ULL
#define VNET_RX_LOW(size) ((size) / 2) /* posted at most this: notify now */

_Static_assert(VIRTIO_NET_RX_SCRATCH <= VNET_HDR_OFF, "scratch overlap");
_Static_assert(VNET_FRAME_OFF + VIRTIO_NET_FRAME_MAX <= VNET_BUF_SIZE,
               "receive buffer too small");

/*
 * An ELF note that says the image holds this driver: ukrun (image.c) then
 * gives the guest a NIC by default. It is linked only if the driver is,
 * because virtio_net_open refers to it; image.ld puts .note.ukcc* in the
 * PT_NOTE segment. Name "ukcc", type 1 (a component), the component name.
 */
static const struct {
    uint32_t namesz, descsz, type;
    char name[8], desc[12];
} virtio_net_note __attribute__((section(".note.ukcc.net"), aligned(4),
                                 used)) = {5, 11, 1, "ukcc", "virtio-net"};

static struct virtio_dev *vnet_dev;
static const struct virtio_net_ops *vnet_ops;
static struct virtq vnet_rx, vnet_tx;
static uint8_t vnet_mac[6];
static char *vnet_pool; /* npool buffers of VNET_BUF_SIZE */
static int vnet_npool;
static uint16_t *vnet_spare; /* pool indices neither posted nor lent */
static int vnet_nspare;
static int vnet_posted;
static int vnet_rx_unkicked; /* buffers posted since the last notify */
static int vnet_rx_irq;      /* the receive interrupt is in use */
static const uint8_t vnet_tx_hdr[VNET_HDR_LEN]; /* zero: no offload; shared */

/* The used ring tells whether the device wants to hear about new
 * buffers (VIRTQ_USED_F_NO_NOTIFY): a notification is a VM exit. The
 * device clears the flag and then looks at our index once more; a full
 * fence (x86 may let this load pass the index store) keeps one of the
 * two sides from missing the other. */
static void vnet_kick(struct virtq *vq)
{
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    if (!(vq->used->flags & 1))
        virtq_kick(vq);
}

/* Into the ring if it has room, else onto the spare list; 1: ring. */
static int vnet_rx_add(int idx)
{
    char *buf = vnet_pool + (size_t)idx * VNET_BUF_SIZE;
    struct virtq_buf b = {buf + VNET_HDR_OFF, VNET_BUF_SIZE - VNET_HDR_OFF};

    if (virtq_add(&vnet_rx, &b, 0, 1, buf) < 0) {
        vnet_spare[vnet_nspare++] = (uint16_t)idx;
        return 0;
    }
    vnet_posted++;
    vnet_rx_unkicked++;
    return 1;
}

static void vnet_rx_post(int idx)
{
    if (vnet_rx_add(idx) && vnet_posted <= VNET_RX_LOW(vnet_rx.size))
        virtio_net_rx_flush();
}

void virtio_net_rx_flush(void)
{
    if (vnet_rx_unkicked) {
        vnet_rx_unkicked = 0;
        vnet_kick(&vnet_rx);
    }
}

static void vnet_irq(void *arg)
{
    uint32_t isr = virtio_irq_ack(vnet_dev);

    if (isr & 1) {
        virtq_interrupts(&vnet_rx, 0); /* until virtio_net_rx_arm */
        if (vnet_ops->rx_ready)
            vnet_ops->rx_ready();
    }
}

int virtio_net_rx_arm(void)
{
    if (!vnet_dev)
        return 0;
    if (vnet_rx_irq)
        virtq_interrupts(&vnet_rx, 1);
    /* A frame that came before the flag was seen raised no interrupt;
     * the fence as in vnet_kick, the other way round. */
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    return vnet_rx.last_used != vnet_rx.used->idx;
}

/* Allocate the receive pool, smaller if memory is short. */
static int vnet_pool_alloc(void)
{
    for (int n = vnet_rx.size + VNET_RX_EXTRA; n >= vnet_rx.size / 2;
         n /= 2) {
        size_t pages = PAGE_ROUND_UP((size_t)n * VNET_BUF_SIZE +
                                     (size_t)n * sizeof(uint16_t)) /
                       PAGE_SIZE;

        vnet_pool = mem_alloc_pages(pages);
        if (vnet_pool) {
            vnet_npool = n;
            vnet_spare = (uint16_t *)(vnet_pool + (size_t)n * VNET_BUF_SIZE);
            return 0;
        }
    }
    return -1;
}

static void vnet_read_mac(void)
{
    if (vnet_dev->features & VNET_F_MAC) {
        for (int i = 0; i < 6; i++)
            vnet_mac[i] = (uint8_t)virtio_config_read(vnet_dev,
                                                      VNET_CFG_MAC + i, 1);
        return;
    }
    random_fill(vnet_mac, sizeof(vnet_mac));
    vnet_mac[0] = (uint8_t)((vnet_mac[0] & ~1) | 2); /* local, unicast */
}

int virtio_net_open(const struct virtio_net_ops *ops)
{
    /* Keeps the note in the image exactly when this driver is linked. */
    __asm__ volatile("" : : "r"(&virtio_net_note));
    if (vnet_dev || !(vnet_dev = virtio_find(VIRTIO_ID_NET)))
        return 0;
    vnet_ops = ops;
    if (virtio_negotiate(vnet_dev, VNET_F_MAC | VNET_F_STATUS) < 0 ||
        virtq_init(vnet_dev, &vnet_rx, 0, VNET_QUEUE_MAX) < 0 ||
        virtq_init(vnet_dev, &vnet_tx, 1, VNET_QUEUE_MAX) < 0 ||
        vnet_pool_alloc() < 0) {
        kprintf("virtio-net: device unusable (features, queues or "
                "memory); no network\n");
        vnet_dev = NULL;
        return 0;
    }
    vnet_read_mac();
    virtio_ready(vnet_dev);
    if (vnet_dev->irq >= 0 && irq_register(vnet_dev->irq, vnet_irq, NULL) == 0)
        vnet_rx_irq = 1;
    virtq_interrupts(&vnet_rx, vnet_rx_irq);
    for (int i = vnet_npool - 1; i >= 0; i--)
        vnet_rx_add(i);
    virtio_net_rx_flush();
    return 1;
}

void virtio_net_mac(uint8_t mac[6])
{
    memcpy(mac, vnet_mac, 6);
}

int virtio_net_link_up(void)
{
    if (!vnet_dev)
        return 0;
    if (!(vnet_dev->features & VNET_F_STATUS))
        return 1;
    return virtio_config_read(vnet_dev, VNET_CFG_STATUS, 2) & VNET_S_LINK_UP;
}

void virtio_net_tx_reclaim(void)
{
    void *token;

    if (!vnet_dev)
        return;
    while ((token = virtq_get(&vnet_tx, NULL)))
        if (vnet_ops->tx_done)
            vnet_ops->tx_done(token);
}

int virtio_net_send(const struct virtq_buf *frags, int n, int hdr_room,
                    void *token)
{
    struct virtq_buf bufs[VIRTIO_NET_TX_FRAGS + 1];
    uint32_t total = 0;
    uint64_t deadline = 0;
    int nb = 0;

    if (!vnet_dev || n < 1 || n > VIRTIO_NET_TX_FRAGS ||
        (hdr_room && frags[0].len < VNET_HDR_LEN))
        return -EINVAL;
    if (!hdr_room)
        bufs[nb++] = (struct virtq_buf){vnet_tx_hdr, VNET_HDR_LEN};
    for (int i = 0; i < n; i++) {
        bufs[nb++] = frags[i];
        total += frags[i].len;
    }
    if (hdr_room) {
        memset((void *)frags[0].addr, 0, VNET_HDR_LEN);
        total -= VNET_HDR_LEN;
    }
    if (total < 14 || total > VIRTIO_NET_FRAME_MAX)
        return -EINVAL;
    virtio_net_tx_reclaim();
    /* QEMU sends from its own thread: a full ring drains on its own. */
    while (virtq_add(&vnet_tx, bufs, nb, 0, token) < 0) {
        if (!deadline)
            deadline = time_monotonic_ns() + VNET_TX_WAIT_NS;
        else if (time_monotonic_ns() > deadline)
            return -EAGAIN;
        pause();
        virtio_net_tx_reclaim();
    }
    vnet_kick(&vnet_tx);
    return 0;
}

void *virtio_net_rx_get(uint32_t *len)
{
    uint32_t used;
    char *buf;

    while (vnet_dev && (buf = virtq_get(&vnet_rx, &used))) {
        vnet_posted--;
        if (vnet_nspare) /* the ring keeps its size */
            vnet_rx_post(vnet_spare[--vnet_nspare]);
        if (used >= VNET_HDR_LEN + 14 &&
            used <= VNET_HDR_LEN + VIRTIO_NET_FRAME_MAX) {
            *len = used - VNET_HDR_LEN;
            return buf + VNET_FRAME_OFF;
        }
        virtio_net_rx_put(buf + VNET_FRAME_OFF); /* runt or giant */
    }
    return NULL;
}

void virtio_net_rx_put(void *frame)
{
    char *buf = (char *)frame - VNET_FRAME_OFF;
    size_t off = (size_t)(buf - vnet_pool);

    ASSERT(off % VNET_BUF_SIZE == 0 &&
           off / VNET_BUF_SIZE < (size_t)vnet_npool);
    vnet_rx_post((int)(off / VNET_BUF_SIZE));
}

void *virtio_net_rx_scratch(void *frame)
{
    return (char *)frame - VNET_FRAME_OFF;
}

int virtio_net_rx_posted(void)
{
    return vnet_posted;
}

int virtio_net_rx_ring_size(void)
{
    return vnet_dev ? vnet_rx.size : 0;
}
