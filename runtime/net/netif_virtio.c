/* netif_virtio.c: the virtio-net NIC as lwIP's default interface. */
#include <string.h>

#include "lwip/dhcp.h"
#include "lwip/etharp.h"
#include "lwip/netif.h"
#include "lwip/pbuf.h"
#include "net.h"
#include "netif/ethernet.h"
#include "virtio/virtio_net.h"

/*
 * Receive without a copy: each frame goes up as a custom pbuf around the
 * driver's buffer (the pbuf_custom lives in the buffer's scratch bytes)
 * and the buffer returns to the device when lwIP frees the pbuf. Sockets
 * keep pbufs until the program reads, so when the device is left with
 * fewer than a quarter of its ring the frame is copied instead and its
 * buffer given back at once. Transmit without a copy: the pbuf chain is
 * the scatter list, the device's header in the headroom of the first
 * pbuf (one copy only for chains longer than the driver takes), and the
 * pbuf is referenced until the device is done with it;
 * lwIP's TCP sees that reference and does not rewrite a segment that is
 * still in flight.
 */
#define NIC_RX_BUDGET 128 /* frames per poll before the thread loops */

struct nic_rx {
    struct pbuf_custom pc;
    void *frame;
};
_Static_assert(sizeof(struct nic_rx) <= VIRTIO_NET_RX_SCRATCH,
               "pbuf_custom does not fit in the receive scratch");

static struct netif nic_netif;
static struct net_poller nic_poller;

static void nic_tx_done(void *token)
{
    pbuf_free(token);
}

static const struct virtio_net_ops nic_ops = {
    .tx_done = nic_tx_done,
    .rx_ready = net_kick,
};

/* The frame's pieces, with the first one grown into the headroom lwIP
 * leaves (PBUF_LINK_ENCAPSULATION_HLEN) for the device's header if it
 * has some; the pbuf itself is left as it was. -1: too many pieces. */
static int nic_frags(struct pbuf *p, struct virtq_buf *frags, int *room)
{
    int n = 0;

    *room = pbuf_add_header(p, VIRTIO_NET_HDR_LEN) == 0;
    for (struct pbuf *q = p; q; q = q->next) {
        if (!q->len)
            continue;
        if (n == VIRTIO_NET_TX_FRAGS) {
            n = -1;
            break;
        }
        frags[n++] = (struct virtq_buf){q->payload, q->len};
    }
    if (*room)
        pbuf_remove_header(p, VIRTIO_NET_HDR_LEN);
    return n;
}

static err_t nic_linkoutput(struct netif *nif, struct pbuf *p)
{
    struct virtq_buf frags[VIRTIO_NET_TX_FRAGS];
    int room, n = nic_frags(p, frags, &room);

    if (n < 0) { /* too many pieces for the ring: flatten into one */
        p = pbuf_clone(PBUF_RAW_TX, PBUF_RAM, p);
        if (!p)
            return ERR_MEM;
        n = nic_frags(p, frags, &room);
    } else {
        pbuf_ref(p);
    }
    if (virtio_net_send(frags, n, room, p) < 0) {
        pbuf_free(p);
        return ERR_IF;
    }
    return ERR_OK;
}

static void nic_rx_free(struct pbuf *p)
{
    virtio_net_rx_put(((struct nic_rx *)p)->frame);
}

/* One received frame as a pbuf: around the buffer, or a copy. */
static struct pbuf *nic_rx_pbuf(void *frame, uint32_t len)
{
    struct nic_rx *r;
    struct pbuf *p;

    if (virtio_net_rx_posted() < virtio_net_rx_ring_size() / 4) {
        p = pbuf_alloc(PBUF_RAW, (u16_t)len, PBUF_RAM);
        if (p)
            memcpy(p->payload, frame, len);
        virtio_net_rx_put(frame);
        return p;
    }
    r = virtio_net_rx_scratch(frame);
    r->frame = frame;
    r->pc.custom_free_function = nic_rx_free;
    p = pbuf_alloced_custom(PBUF_RAW, (u16_t)len, PBUF_REF, &r->pc, frame,
                            (u16_t)len);
    if (!p)
        virtio_net_rx_put(frame);
    return p;
}

static void nic_poll(void *arg)
{
    struct netif *nif = arg;
    uint32_t len;
    void *frame;

    virtio_net_tx_reclaim();
    for (int i = 0; i < NIC_RX_BUDGET; i++) {
        struct pbuf *p;

        if (!(frame = virtio_net_rx_get(&len))) {
            virtio_net_rx_flush();
            if (virtio_net_rx_arm())
                net_kick();
            return;
        }
        p = nic_rx_pbuf(frame, len);
        if (p && nif->input(p, nif) != ERR_OK)
            pbuf_free(p);
    }
    virtio_net_rx_flush();
    net_kick(); /* more may be waiting: let timers and threads in first */
}

static err_t nic_init(struct netif *nif)
{
    nif->name[0] = 'e';
    nif->name[1] = 'n';
    nif->mtu = VIRTIO_NET_MTU;
    nif->hwaddr_len = ETH_HWADDR_LEN;
    virtio_net_mac(nif->hwaddr);
    nif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP |
                 NETIF_FLAG_ETHERNET;
    nif->output = etharp_output;
    nif->linkoutput = nic_linkoutput;
    return ERR_OK;
}

/* Static address from the kernel command line, else DHCP. */
static void nic_configure(struct netif *nif)
{
    ip4_addr_t addr, mask, gw;

    if (!nic_static.addr) {
        dhcp_start(nif);
        return;
    }
    ip4_addr_set_u32(&addr, lwip_htonl(nic_static.addr));
    ip4_addr_set_u32(&mask, lwip_htonl(nic_static.mask));
    ip4_addr_set_u32(&gw, lwip_htonl(nic_static.gw));
    netif_set_addr(nif, &addr, &mask, &gw);
}

int net_dev_attach(void)
{
    if (!virtio_net_open(&nic_ops))
        return 0;
    if (!netif_add(&nic_netif, NULL, NULL, NULL, &nic_netif, nic_init,
                   ethernet_input)) {
        kprintf("ukcc: warning: the NIC could not be added to lwIP\n");
        return 0;
    }
    netif_set_default(&nic_netif);
    netif_set_up(&nic_netif);
    if (virtio_net_link_up())
        netif_set_link_up(&nic_netif);
    nic_poller.poll = nic_poll;
    nic_poller.arg = &nic_netif;
    net_poller_add(&nic_poller);
    nic_configure(&nic_netif);
    return 1;
}
