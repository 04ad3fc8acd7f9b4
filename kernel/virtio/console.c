/* console.c: virtio-console with multiple ports: the program's stdio. */
#include <string.h>

#include "kernel.h"
#include "console.h"
#include "virtio.h"
#include "x86.h"

/*
 * ukrun starts QEMU with (microvm; -M pc uses virtio-serial-pci):
 *   -device virtio-serial-device,max_ports=4
 *   -device virtserialport,nr=1,chardev=<stdin>   and nr=2 stdout, nr=3 stderr
 * so port p carries file descriptor p - 1; port 0 (a virtconsole slot) is
 * unused. Ports, not one console, keep stdout and stderr apart, and the
 * input gets a port of its own because QEMU tells a port "closed" when its
 * chardev reaches end of input: that control message is our EOF, and it
 * must not also cut off output.
 *
 * Writes hand the caller's buffer to the device as one descriptor (RAM is
 * identity-mapped) and wait until the device has consumed it, so data is on
 * the host side when write returns (QEMU handles the notification
 * synchronously under TCG: a short poll). Input uses a ring of page-sized
 * buffers, posted on the first read so that QEMU does not take input from
 * the host before the program asks for it. A reader waiting for input
 * sleeps until the device interrupts (input or a control message), or, if
 * its interrupt line cannot be registered, polls and lets other threads run.
 * The input side is console_rx.c: a program that never reads links none of
 * it, nor the scheduler its readers sleep in.
 */
#define VCON_F_MULTIPORT (1ULL << 1)
#define VCON_CFG_MAX_PORTS 4 /* config offset of max_nr_ports */

/* Control events (virtio 1.x section 5.3.6.2). */
#define VCON_DEVICE_READY 0
#define VCON_DEVICE_ADD 1
#define VCON_PORT_READY 3
#define VCON_PORT_OPEN 6

#define VCON_CTRL_BUFS 16
#define VCON_CTRL_BUF_SIZE 128 /* a header plus a port name */
#define VCON_WRITE_CHUNK (16U << 20)
/* How long init waits for the ports, in TSC ticks: 1 s at 4 GHz, longer
 * on a slower clock. Not in ns: that would calibrate the TSC (2 ms of PIT
 * counting) in every boot, for a timeout that only a missing port hits. */
#define VCON_SETTLE_TICKS 4000000000ULL

struct vcon_ctrl {
    uint32_t id;
    uint16_t event, value;
};

struct virtio_dev *vcon_dev;
struct virtq vcon_crx;
static struct virtq vcon_ctx;
static char *vcon_ctrl_mem;
struct vcon_port vcon_ports[VCON_PORTS];
int vcon_nports;

static void vcon_ctrl_post(char *buf)
{
    struct virtq_buf b = {buf, VCON_CTRL_BUF_SIZE};

    virtq_add(&vcon_crx, &b, 0, 1, buf);
}

/* Send one control message and wait until the device has taken it. */
static void vcon_ctrl_send(uint32_t id, uint16_t event, uint16_t value)
{
    static struct vcon_ctrl msg;
    struct virtq_buf b = {&msg, sizeof(msg)};

    msg.id = id;
    msg.event = event;
    msg.value = value;
    if (virtq_add(&vcon_ctx, &b, 1, 0, &msg) < 0)
        return;
    virtq_kick(&vcon_ctx);
    while (!virtq_get(&vcon_ctx, NULL))
        pause();
}

static void vcon_ctrl_handle(const struct vcon_ctrl *m)
{
    struct vcon_port *p;

    if (m->id >= (uint32_t)vcon_nports)
        return;
    p = &vcon_ports[m->id];
    if (m->event == VCON_DEVICE_ADD && !p->added && p->rx.size) {
        p->added = 1;
        vcon_ctrl_send(m->id, VCON_PORT_READY, 1);
        vcon_ctrl_send(m->id, VCON_PORT_OPEN, 1);
    } else if (m->event == VCON_PORT_OPEN) {
        p->host_open = m->value != 0;
        p->was_open |= p->host_open;
    }
}

/* Handle every control message the device has sent so far. */
void vcon_ctrl_poll(void)
{
    char *buf;
    uint32_t len;

    /* The device drops control messages when it finds no buffer: give
     * each one back before handling it (handling makes the device talk). */
    while ((buf = virtq_get(&vcon_crx, &len))) {
        struct vcon_ctrl m;

        memcpy(&m, buf, sizeof(m));
        vcon_ctrl_post(buf);
        virtq_kick(&vcon_crx);
        if (len >= sizeof(m))
            vcon_ctrl_handle(&m);
    }
}

static int vcon_queues_init(void)
{
    uint32_t max = virtio_config_read(vcon_dev, VCON_CFG_MAX_PORTS, 4);

    vcon_nports = max < VCON_PORTS ? (int)max : VCON_PORTS;
    if (virtq_init(vcon_dev, &vcon_crx, 2, VCON_CTRL_BUFS) < 0 ||
        virtq_init(vcon_dev, &vcon_ctx, 3, 4) < 0)
        return -1;
    for (int i = 1; i < vcon_nports; i++) {
        struct vcon_port *p = &vcon_ports[i];
        uint16_t q = (uint16_t)(2 * (i + 1));

        if (virtq_init(vcon_dev, &p->rx, q, VCON_RX_BUFS) < 0 ||
            virtq_init(vcon_dev, &p->tx, (uint16_t)(q + 1), 4) < 0)
            return -1;
    }
    vcon_ctrl_mem = mem_alloc_pages(1);
    return vcon_ctrl_mem ? 0 : -1;
}

/* All ports we set up are announced and connected, as with ukrun. */
static int vcon_settled(void)
{
    for (int i = 1; i < vcon_nports; i++)
        if (!vcon_ports[i].added || !vcon_ports[i].was_open)
            return 0;
    return 1;
}

int virtio_console_init(void)
{
    uint64_t start;

    vcon_dev = virtio_find(VIRTIO_ID_CONSOLE);
    if (!vcon_dev)
        return 0;
    if (virtio_negotiate(vcon_dev, VCON_F_MULTIPORT) < 0 ||
        !(vcon_dev->features & VCON_F_MULTIPORT) || vcon_queues_init() < 0) {
        kprintf("virtio-console: unusable (no multiport?), using the "
                "serial port\n");
        vcon_dev = NULL;
        return 0;
    }
    virtio_ready(vcon_dev);
    for (int i = 0; i < VCON_CTRL_BUFS; i++)
        vcon_ctrl_post(vcon_ctrl_mem + i * VCON_CTRL_BUF_SIZE);
    virtq_kick(&vcon_crx);
    vcon_ctrl_send(0, VCON_DEVICE_READY, 1);
    start = rdtsc();
    do
        vcon_ctrl_poll();
    while (!vcon_settled() && rdtsc() - start < VCON_SETTLE_TICKS);
    return 1;
}

int virtio_console_has_port(int port)
{
    return vcon_dev && port > 0 && port < vcon_nports &&
           vcon_ports[port].added;
}

long virtio_console_write(int port, const void *buf, size_t n)
{
    struct vcon_port *p = &vcon_ports[port];
    size_t done = 0;

    while (done < n) {
        uint32_t chunk = n - done > VCON_WRITE_CHUNK ? VCON_WRITE_CHUNK
                                                     : (uint32_t)(n - done);
        struct virtq_buf b = {(const char *)buf + done, chunk};

        if (virtq_add(&p->tx, &b, 1, 0, p) < 0)
            PANIC("virtio-console: transmit ring full");
        virtq_kick(&p->tx);
        while (!virtq_get(&p->tx, NULL))
            pause();
        done += chunk;
    }
    return (long)n;
}
