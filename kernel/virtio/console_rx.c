/* console_rx.c: virtio-console input: the program's stdin (see console.c). */
#include <string.h>

#include "kernel.h"
#include "console.h"
#include "virtio.h"

static struct waitq vcon_waitq = WAITQ_INIT; /* readers waiting for input */
static int vcon_irq_tried, vcon_irq_ok;

static void vcon_irq(void *arg)
{
    virtio_irq_ack(vcon_dev);
    waitq_wake_all(&vcon_waitq);
}

/* Interrupts for control messages (end of input) and stdin's data, set up
 * when a reader first has to wait: a program that never does keeps no
 * interrupt source (the scheduler's deadlock check counts them). */
static void vcon_irq_init(void)
{
    vcon_irq_tried = 1;
    if (vcon_dev->irq < 0 || irq_register(vcon_dev->irq, vcon_irq, NULL) < 0)
        return;
    vcon_irq_ok = 1;
    virtq_interrupts(&vcon_crx, 1);
    if (vcon_nports > 1)
        virtq_interrupts(&vcon_ports[1].rx, 1);
}

static int vcon_rx_post_all(struct vcon_port *p)
{
    p->rx_mem = mem_alloc_pages(VCON_RX_BUFS * VCON_RX_BUF_SIZE / PAGE_SIZE);
    if (!p->rx_mem)
        return -1;
    for (int i = 0; i < VCON_RX_BUFS && i < p->rx.size; i++) {
        struct virtq_buf b = {p->rx_mem + i * VCON_RX_BUF_SIZE,
                              VCON_RX_BUF_SIZE};

        virtq_add(&p->rx, &b, 0, 1, (void *)b.addr);
    }
    virtq_kick(&p->rx);
    p->rx_posted = 1;
    return 0;
}

/* Copy out what has arrived, without waiting; gives consumed buffers back. */
static size_t vcon_rx_take(struct vcon_port *p, char *dst, size_t n)
{
    size_t got = 0;
    int reposted = 0;

    while (got < n) {
        if (!p->cur) {
            p->cur = virtq_get(&p->rx, &p->cur_len);
            p->cur_pos = 0;
            if (!p->cur)
                break;
        }
        size_t k = p->cur_len - p->cur_pos;
        if (k > n - got)
            k = n - got;
        memcpy(dst + got, p->cur + p->cur_pos, k);
        got += k;
        p->cur_pos += (uint32_t)k;
        if (p->cur_pos == p->cur_len) {
            struct virtq_buf b = {p->cur, VCON_RX_BUF_SIZE};

            virtq_add(&p->rx, &b, 0, 1, p->cur);
            p->cur = NULL;
            reposted = 1;
        }
    }
    if (reposted)
        virtq_kick(&p->rx);
    return got;
}

int virtio_console_can_read(int port)
{
    struct vcon_port *p = &vcon_ports[port];

    if (!p->rx_posted && vcon_rx_post_all(p) < 0)
        return 1; /* read fails at once */
    vcon_ctrl_poll();
    if (!p->cur) {
        p->cur = virtq_get(&p->rx, &p->cur_len);
        p->cur_pos = 0;
    }
    return p->cur || (p->was_open && !p->host_open);
}

long virtio_console_read(int port, void *buf, size_t n)
{
    struct vcon_port *p = &vcon_ports[port];
    uint64_t f;
    size_t got;

    if (n == 0)
        return 0;
    if (!p->rx_posted && vcon_rx_post_all(p) < 0)
        return -1;
    /* Interrupts off between the checks and the sleep: no lost wake-up. */
    f = irq_save();
    for (;;) {
        if ((got = vcon_rx_take(p, buf, n)))
            break;
        vcon_ctrl_poll();
        /* The device queues input before it reports the close. */
        if (p->was_open && !p->host_open) {
            got = vcon_rx_take(p, buf, n);
            break;
        }
        if (!vcon_irq_tried) {
            vcon_irq_init();
            continue; /* input may have come before interrupts were on */
        }
        if (vcon_irq_ok)
            waitq_wait(&vcon_waitq, 0);
        else
            sched_yield_cpu();
    }
    irq_restore(f);
    return (long)got;
}
