/* virtio.c: find virtio devices on whichever transport the machine has. */
#include "kernel.h"
#include "virtio.h"
#include "x86.h"
#include "component.h"

UK_COMPONENT(virtio, "virtio core: PCI and MMIO transports, virtqueues", "core",
             "kernel/virtio/virtio.c kernel/virtio/virtqueue.c "
             "kernel/virtio/pci.c kernel/virtio/mmio.c");

#define VIRTIO_MAX_ID 64

/* How many devices of each id have been handed out already. */
static int virtio_taken[VIRTIO_MAX_ID];
static struct virtio_dev virtio_devs[8];
static int virtio_ndevs;

/* A PCI host bridge answers at 00:00.0 on -M pc; microvm has none and has
 * virtio-mmio instead. Probing MMIO on pc could hit a real BAR. */
static int virtio_have_pci(void)
{
    return (pci_cfg_read32(0, 0, 0, 0) & 0xffff) != 0xffff;
}

struct virtio_dev *virtio_find(int device_id)
{
    struct virtio_dev *d;
    int found;

    if (device_id <= 0 || device_id >= VIRTIO_MAX_ID ||
        virtio_ndevs == (int)(sizeof(virtio_devs) / sizeof(virtio_devs[0])))
        return NULL;
    d = &virtio_devs[virtio_ndevs];
    if (virtio_have_pci())
        found = virtio_pci_find(device_id, virtio_taken[device_id], d);
    else
        found = virtio_mmio_find(device_id, virtio_taken[device_id], d);
    if (!found)
        return NULL;
    virtio_taken[device_id]++;
    virtio_ndevs++;
    d->tr->set_status(d, 0); /* reset */
    while (d->tr->get_status(d) != 0)
        pause();
    d->tr->set_status(d, VIRTIO_STATUS_ACK);
    d->tr->set_status(d, VIRTIO_STATUS_ACK | VIRTIO_STATUS_DRIVER);
    return d;
}

int virtio_negotiate(struct virtio_dev *d, uint64_t wanted)
{
    uint64_t offered = d->tr->get_features(d);
    uint8_t status = VIRTIO_STATUS_ACK | VIRTIO_STATUS_DRIVER;

    if (!(offered & VIRTIO_F_VERSION_1))
        goto fail;
    d->features = offered & (wanted | VIRTIO_F_VERSION_1);
    d->tr->set_features(d, d->features);
    d->tr->set_status(d, status | VIRTIO_STATUS_FEATURES_OK);
    if (d->tr->get_status(d) & VIRTIO_STATUS_FEATURES_OK)
        return 0;
fail:
    d->tr->set_status(d, VIRTIO_STATUS_FAILED);
    return -1;
}

void virtio_ready(struct virtio_dev *d)
{
    d->tr->set_status(d, VIRTIO_STATUS_ACK | VIRTIO_STATUS_DRIVER |
                             VIRTIO_STATUS_FEATURES_OK |
                             VIRTIO_STATUS_DRIVER_OK);
}

uint32_t virtio_irq_ack(struct virtio_dev *d)
{
    return d->tr->irq_ack(d);
}

uint32_t virtio_config_read(struct virtio_dev *d, size_t off, int width)
{
    return d->tr->config_read(d, off, width);
}
