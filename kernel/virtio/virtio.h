/* virtio.h: the virtio core's interface for device drivers (virtio 1.x). */
#ifndef UK_VIRTIO_H
#define UK_VIRTIO_H

#include <stddef.h>
#include <stdint.h>

/* Device ids (virtio 1.x section 5). */
#define VIRTIO_ID_NET 1
#define VIRTIO_ID_BLOCK 2
#define VIRTIO_ID_CONSOLE 3
#define VIRTIO_ID_9P 9

/* Device status bits. */
#define VIRTIO_STATUS_ACK 1
#define VIRTIO_STATUS_DRIVER 2
#define VIRTIO_STATUS_DRIVER_OK 4
#define VIRTIO_STATUS_FEATURES_OK 8
#define VIRTIO_STATUS_FAILED 128

#define VIRTIO_F_VERSION_1 (1ULL << 32) /* always negotiated: no legacy */

#define VIRTQ_DESC_F_NEXT 1
#define VIRTQ_DESC_F_WRITE 2 /* the device writes this buffer */
#define VIRTQ_AVAIL_F_NO_INTERRUPT 1

/* Split virtqueue rings, laid out as the specification fixes them. */
struct virtq_desc {
    uint64_t addr;
    uint32_t len;
    uint16_t flags, next;
};
struct virtq_avail {
    uint16_t flags, idx;
    uint16_t ring[];
};
struct virtq_used_elem {
    uint32_t id, len;
};
struct virtq_used {
    uint16_t flags, idx;
    struct virtq_used_elem ring[];
};

/* One virtqueue as the driver sees it. Not safe against concurrent use:
 * the driver that owns it serialises. */
struct virtq {
    struct virtio_dev *dev;
    uint16_t index, size;
    struct virtq_desc *desc;
    volatile struct virtq_avail *avail;
    volatile struct virtq_used *used;
    uint16_t free_head, nfree, last_used;
    uint16_t notify_off; /* PCI: the queue's notify offset */
    void **token;        /* per head descriptor: what virtq_add was given */
};

/* One piece of a scatter-gather list; addresses are physical (= virtual:
 * the kernel identity-maps all RAM). */
struct virtq_buf {
    const void *addr;
    uint32_t len;
};

struct virtio_dev;
/* What a transport (PCI, MMIO) provides; see pci.c and mmio.c. */
struct virtio_transport {
    const char *name;
    uint8_t (*get_status)(struct virtio_dev *d);
    void (*set_status)(struct virtio_dev *d, uint8_t status);
    uint64_t (*get_features)(struct virtio_dev *d);
    void (*set_features)(struct virtio_dev *d, uint64_t features);
    uint32_t (*config_read)(struct virtio_dev *d, size_t off, int width);
    uint16_t (*queue_max)(struct virtio_dev *d, uint16_t index); /* 0: none */
    void (*queue_enable)(struct virtio_dev *d, struct virtq *vq);
    void (*notify)(struct virtio_dev *d, struct virtq *vq);
    uint32_t (*irq_ack)(struct virtio_dev *d); /* ISR bits; lowers the line */
};

struct virtio_dev {
    const struct virtio_transport *tr;
    int device_id;
    int irq;            /* GSI of the device's interrupt, -1 if unknown */
    uint64_t features;  /* negotiated */
    uintptr_t base;     /* MMIO: register window; PCI: common config */
    uintptr_t notify, isr, config; /* PCI only */
    uint32_t notify_mult;          /* PCI only */
};

/* virtio.c: discovery and initialisation */
/* The first device with this id on any transport, reset and acknowledged;
 * NULL if there is none. Each device is handed out once. */
struct virtio_dev *virtio_find(int device_id);
/* Offer the device's features masked by `wanted` (plus VERSION_1); 0 on
 * success, -1 if the device refused them (it is then marked FAILED). */
int virtio_negotiate(struct virtio_dev *d, uint64_t wanted);
void virtio_ready(struct virtio_dev *d); /* DRIVER_OK: queues are set up */
uint32_t virtio_config_read(struct virtio_dev *d, size_t off, int width);
/* From the device's interrupt handler: acknowledge (the line is
 * level-triggered) and return the ISR bits (1: a queue, 2: config). */
uint32_t virtio_irq_ack(struct virtio_dev *d);

/* pci.c, mmio.c: transports; each fills *d and returns 1 if found */
int virtio_pci_find(int device_id, int skip, struct virtio_dev *d);
int virtio_mmio_find(int device_id, int skip, struct virtio_dev *d);

/* virtqueue.c: split virtqueues */
/* Allocate and enable queue `index` with at most max_size entries; 0 or
 * -1 if the device has no such queue or memory ran out. */
int virtq_init(struct virtio_dev *d, struct virtq *vq, uint16_t index,
               uint16_t max_size);
/* Queue a chain: nout device-readable buffers, then nin device-writable
 * ones. `token` comes back from virtq_get. 0, or -1 if the ring is full. */
int virtq_add(struct virtq *vq, const struct virtq_buf *bufs, int nout,
              int nin, void *token);
void virtq_kick(struct virtq *vq);
/* A chain the device has finished with (its token; *len bytes written),
 * or NULL if none yet. Polling: never blocks. */
void *virtq_get(struct virtq *vq, uint32_t *len);
/* Queues start in polling mode (no interrupts for used buffers). */
void virtq_interrupts(struct virtq *vq, int on);

#endif
