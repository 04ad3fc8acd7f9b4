/* mmio.c: the virtio-mmio transport, version 2 (QEMU -M microvm). */
#include "kernel.h"
#include "virtio.h"

/*
 * QEMU's microvm has a row of 512-byte virtio-mmio slots from 0xfeb00000
 * and fills them from the top down; an empty slot still answers with the
 * magic but has device id 0. We probe them all (the command-line
 * description QEMU appends exists only on some boot paths). The interrupt
 * lines depend on ACPI: with acpi=off (ukrun) there are 8 slots on GSI
 * 5 + slot of the first IOAPIC; with ACPI, 24 slots on GSI 24 + slot of a
 * second IOAPIC.
 */
#define MMIO_BASE 0xfeb00000UL
#define MMIO_SLOT_SIZE 512
#define MMIO_SLOTS 24
#define MMIO_SLOTS_NO_ACPI 8
#define MMIO_FIRST_IRQ 5
#define MMIO_FIRST_IRQ_ACPI 24
#define MMIO_MAGIC 0x74726976 /* "virt" */

#define R_MAGIC 0x000
#define R_VERSION 0x004
#define R_DEVICE_ID 0x008
#define R_DEV_FEATURES 0x010
#define R_DEV_FEATURES_SEL 0x014
#define R_DRV_FEATURES 0x020
#define R_DRV_FEATURES_SEL 0x024
#define R_QUEUE_SEL 0x030
#define R_QUEUE_NUM_MAX 0x034
#define R_QUEUE_NUM 0x038
#define R_QUEUE_READY 0x044
#define R_QUEUE_NOTIFY 0x050
#define R_INTERRUPT_STATUS 0x060
#define R_INTERRUPT_ACK 0x064
#define R_STATUS 0x070
#define R_QUEUE_DESC 0x080
#define R_QUEUE_DRIVER 0x090
#define R_QUEUE_DEVICE 0x0a0
#define R_CONFIG 0x100

static volatile uint32_t *mmio_reg(struct virtio_dev *d, size_t off)
{
    return (volatile uint32_t *)(d->base + off);
}

static uint32_t mmio_read(struct virtio_dev *d, size_t off)
{
    return *mmio_reg(d, off);
}

static void mmio_write(struct virtio_dev *d, size_t off, uint32_t v)
{
    *mmio_reg(d, off) = v;
}

static uint8_t mmio_get_status(struct virtio_dev *d)
{
    return (uint8_t)mmio_read(d, R_STATUS);
}

static void mmio_set_status(struct virtio_dev *d, uint8_t status)
{
    mmio_write(d, R_STATUS, status);
}

static uint64_t mmio_get_features(struct virtio_dev *d)
{
    uint64_t f;

    mmio_write(d, R_DEV_FEATURES_SEL, 1);
    f = (uint64_t)mmio_read(d, R_DEV_FEATURES) << 32;
    mmio_write(d, R_DEV_FEATURES_SEL, 0);
    return f | mmio_read(d, R_DEV_FEATURES);
}

static void mmio_set_features(struct virtio_dev *d, uint64_t features)
{
    mmio_write(d, R_DRV_FEATURES_SEL, 1);
    mmio_write(d, R_DRV_FEATURES, (uint32_t)(features >> 32));
    mmio_write(d, R_DRV_FEATURES_SEL, 0);
    mmio_write(d, R_DRV_FEATURES, (uint32_t)features);
}

static uint32_t mmio_config_read(struct virtio_dev *d, size_t off, int width)
{
    uintptr_t a = d->base + R_CONFIG + off;

    if (width == 1)
        return *(volatile uint8_t *)a;
    if (width == 2)
        return *(volatile uint16_t *)a;
    return *(volatile uint32_t *)a;
}

static uint16_t mmio_queue_max(struct virtio_dev *d, uint16_t index)
{
    mmio_write(d, R_QUEUE_SEL, index);
    if (mmio_read(d, R_QUEUE_READY))
        return 0; /* already in use */
    return (uint16_t)mmio_read(d, R_QUEUE_NUM_MAX);
}

static void mmio_write64(struct virtio_dev *d, size_t off, const void *p)
{
    uint64_t v = (uint64_t)(uintptr_t)p;

    mmio_write(d, off, (uint32_t)v);
    mmio_write(d, off + 4, (uint32_t)(v >> 32));
}

static void mmio_queue_enable(struct virtio_dev *d, struct virtq *vq)
{
    mmio_write(d, R_QUEUE_SEL, vq->index);
    mmio_write(d, R_QUEUE_NUM, vq->size);
    mmio_write64(d, R_QUEUE_DESC, vq->desc);
    mmio_write64(d, R_QUEUE_DRIVER, (const void *)vq->avail);
    mmio_write64(d, R_QUEUE_DEVICE, (const void *)vq->used);
    mmio_write(d, R_QUEUE_READY, 1);
}

static void mmio_notify(struct virtio_dev *d, struct virtq *vq)
{
    mmio_write(d, R_QUEUE_NOTIFY, vq->index);
}

static uint32_t mmio_irq_ack(struct virtio_dev *d)
{
    uint32_t isr = mmio_read(d, R_INTERRUPT_STATUS);

    if (isr)
        mmio_write(d, R_INTERRUPT_ACK, isr);
    return isr;
}

static const struct virtio_transport mmio_transport = {
    .name = "mmio",
    .get_status = mmio_get_status,
    .set_status = mmio_set_status,
    .get_features = mmio_get_features,
    .set_features = mmio_set_features,
    .config_read = mmio_config_read,
    .queue_max = mmio_queue_max,
    .queue_enable = mmio_queue_enable,
    .notify = mmio_notify,
    .irq_ack = mmio_irq_ack,
};

/* How many slots the machine has: the last one answers if there are 24. */
static int mmio_slots(void)
{
    struct virtio_dev probe = {
        .base = MMIO_BASE + (MMIO_SLOTS - 1) * MMIO_SLOT_SIZE};

    return mmio_read(&probe, R_MAGIC) == MMIO_MAGIC ? MMIO_SLOTS
                                                    : MMIO_SLOTS_NO_ACPI;
}

/* Slots are probed top down, in the order QEMU fills them, so that the
 * first device given on QEMU's command line is found first. */
int virtio_mmio_find(int device_id, int skip, struct virtio_dev *d)
{
    static int mapped;

    if (!mapped) {
        paging_map(MMIO_BASE, MMIO_SLOTS * MMIO_SLOT_SIZE,
                   MAP_R | MAP_W | MAP_DEVICE);
        mapped = 1;
    }
    for (int slot = MMIO_SLOTS - 1; slot >= 0; slot--) {
        d->base = MMIO_BASE + (uintptr_t)slot * MMIO_SLOT_SIZE;
        if (mmio_read(d, R_MAGIC) != MMIO_MAGIC ||
            mmio_read(d, R_VERSION) != 2 ||
            mmio_read(d, R_DEVICE_ID) != (uint32_t)device_id)
            continue;
        if (skip-- > 0)
            continue;
        d->tr = &mmio_transport;
        d->device_id = device_id;
        d->irq = slot + (mmio_slots() > MMIO_SLOTS_NO_ACPI
                             ? MMIO_FIRST_IRQ_ACPI : MMIO_FIRST_IRQ);
        return 1;
    }
    return 0;
}
