/* net_driver.c: the virtio-net driver alone, below any IP stack: ARP. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "kernel.h"
#include "virtio_net.h"

/*
 * QEMU's user networking answers ARP for its gateway 10.0.2.2 with the MAC
 * 52:55:0a:00:02:02. One request, sent as two pieces, shows transmit,
 * receive and the receive interrupt; a burst of more requests than either
 * ring holds (every other one with the header in room the caller left)
 * shows that rings wrap, buffers come back and every frame sent is
 * handed back through tx_done. A second handler registered on the NIC's
 * interrupt line (as a device sharing a PCI line would) must run too,
 * without taking the line from the driver.
 */
#define BURST 600

static volatile int irqs, shared_irqs;
static int tx_done_count;
static uint8_t mac[6];

static void on_tx_done(void *token)
{
    tx_done_count += token == mac;
}

static void on_rx_ready(void)
{
    irqs++;
}

static void on_shared_irq(void *arg)
{
    shared_irqs++;
}

/* The NIC's interrupt line, as the transports report it (-1: none). */
static int nic_irq(void)
{
    struct virtio_dev d;

    if (virtio_pci_find(VIRTIO_ID_NET, 0, &d) ||
        virtio_mmio_find(VIRTIO_ID_NET, 0, &d))
        return d.irq;
    return -1;
}

static const struct virtio_net_ops ops = {on_tx_done, on_rx_ready};

static void sleep_ms(long ms)
{
    struct timespec ts = {0, ms * 1000000L};

    nanosleep(&ts, NULL);
}

/* An ARP request in two pieces, or (room) in one that starts with room
 * for the driver's header. The frames in flight share these buffers:
 * their bytes are the same each time. */
static int send_arp_request(int room)
{
    static uint8_t frame[VIRTIO_NET_HDR_LEN + 42];
    uint8_t *eth = frame + VIRTIO_NET_HDR_LEN, *arp = eth + 14;
    const uint8_t spa[4] = {10, 0, 2, 15}, tpa[4] = {10, 0, 2, 2};
    const uint8_t arp_hdr[8] = {0, 1, 8, 0, 6, 4, 0, 1}; /* Ether, IPv4, req */
    struct virtq_buf frags[2] = {{eth, 14}, {arp, 28}};
    struct virtq_buf whole = {frame, sizeof(frame)};

    memset(eth, 0xff, 6);
    memcpy(eth + 6, mac, 6);
    eth[12] = 0x08, eth[13] = 0x06;
    memcpy(arp, arp_hdr, 8);
    memcpy(arp + 8, mac, 6);
    memcpy(arp + 14, spa, 4);
    memset(arp + 18, 0, 6);
    memcpy(arp + 24, tpa, 4);
    if (room)
        return virtio_net_send(&whole, 1, 1, mac);
    return virtio_net_send(frags, 2, 0, mac);
}

/* Consume what has arrived; count ARP replies for us from 10.0.2.2. */
static int drain(uint8_t gw_mac[6])
{
    uint32_t len;
    uint8_t *f;
    int replies = 0;
    uint64_t fl = irq_save();

    while ((f = virtio_net_rx_get(&len))) {
        if (len >= 42 && f[12] == 0x08 && f[13] == 0x06 && f[21] == 2 &&
            !memcmp(f + 32, mac, 6) &&
            !memcmp(f + 28, (uint8_t[]){10, 0, 2, 2}, 4)) {
            memcpy(gw_mac, f + 22, 6);
            replies++;
        }
        virtio_net_rx_put(f);
    }
    virtio_net_rx_flush();
    virtio_net_rx_arm();
    irq_restore(fl);
    return replies;
}

int main(void)
{
    uint8_t gw[6] = {0};
    int got = 0, sent = 0, replies = 0, rc;
    uint64_t fl;

    fl = irq_save();
    rc = virtio_net_open(&ops);
    if (rc)
        virtio_net_mac(mac);
    irq_restore(fl);
    if (!rc) {
        puts("no NIC");
        return 3;
    }
    printf("mac %02x:%02x:%02x:%02x:%02x:%02x\n", mac[0], mac[1], mac[2],
           mac[3], mac[4], mac[5]);
    printf("link %s\n", virtio_net_link_up() ? "up" : "down");
    if (irq_register(nic_irq(), on_shared_irq, NULL) < 0)
        puts("irq_register failed");

    fl = irq_save();
    rc = send_arp_request(0);
    irq_restore(fl);
    if (rc < 0) {
        printf("send failed: %d\n", rc);
        return 1;
    }
    for (int i = 0; i < 5000 && !got; i++) {
        got = drain(gw);
        if (!got)
            sleep_ms(1);
    }
    if (!got) {
        puts("no ARP reply");
        return 1;
    }
    printf("arp 10.0.2.2 is-at %02x:%02x:%02x:%02x:%02x:%02x\n", gw[0],
           gw[1], gw[2], gw[3], gw[4], gw[5]);
    printf("interrupts %s\n", irqs > 0 ? "yes" : "no");
    printf("shared handler %s\n", shared_irqs > 0 ? "yes" : "no");

    for (int i = 0; i < BURST; i++) {
        fl = irq_save();
        sent += send_arp_request(i & 1) == 0;
        irq_restore(fl);
        replies += drain(gw);
    }
    for (int i = 0; i < 3000 && (replies < sent || tx_done_count < sent + 1);
         i++) {
        sleep_ms(1);
        replies += drain(gw);
        fl = irq_save();
        virtio_net_tx_reclaim();
        irq_restore(fl);
    }
    printf("burst %d sent %d done %d replies\n", sent, tx_done_count - 1,
           replies);
    return 0;
}
