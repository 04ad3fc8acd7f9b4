/* pci.c: the virtio PCI transport, modern (virtio 1.x) interface only. */
#include "kernel.h"
#include "virtio.h"

/*
 * QEMU's `-device virtio-*-pci` on -M pc is transitional by default: it has
 * the legacy I/O BAR and the modern capabilities; we use only the latter.
 * The firmware (SeaBIOS) has assigned the BARs before we boot. Only bus 0
 * is scanned, which is where QEMU's pc puts its devices.
 */
#define PCI_VENDOR_REDHAT 0x1af4
#define PCI_DEV_MODERN_BASE 0x1040   /* + virtio device id */
#define PCI_DEV_TRANSITIONAL_LO 0x1000 /* device id in the subsystem id */
#define PCI_DEV_TRANSITIONAL_HI 0x103f

#define PCI_COMMAND 0x04
#define PCI_COMMAND_MEM 0x2
#define PCI_COMMAND_MASTER 0x4
#define PCI_COMMAND_INTX_OFF 0x400
#define PCI_STATUS_CAPS (1U << 20) /* in the dword at PCI_COMMAND */
#define PCI_BAR0 0x10
#define PCI_SUBSYSTEM 0x2c         /* high half: subsystem id */
#define PCI_CAP_PTR 0x34
#define PCI_CAP_VENDOR 0x09

/* virtio_pci_cap.cfg_type */
#define CAP_COMMON 1
#define CAP_NOTIFY 2
#define CAP_ISR 3
#define CAP_DEVICE 4

/* Common configuration structure offsets. */
#define C_DEV_FEATURE_SEL 0
#define C_DEV_FEATURE 4
#define C_DRV_FEATURE_SEL 8
#define C_DRV_FEATURE 12
#define C_STATUS 20
#define C_QUEUE_SEL 22
#define C_QUEUE_SIZE 24
#define C_QUEUE_MSIX 26
#define C_QUEUE_ENABLE 28
#define C_QUEUE_NOTIFY_OFF 30
#define C_QUEUE_DESC 32
#define C_QUEUE_DRIVER 40
#define C_QUEUE_DEVICE 48
#define VIRTIO_MSI_NO_VECTOR 0xffff

#define R8(a) (*(volatile uint8_t *)(a))
#define R16(a) (*(volatile uint16_t *)(a))
#define R32(a) (*(volatile uint32_t *)(a))

static uint8_t pci_get_status(struct virtio_dev *d)
{
    return R8(d->base + C_STATUS);
}

static void pci_set_status(struct virtio_dev *d, uint8_t status)
{
    R8(d->base + C_STATUS) = status;
}

static uint64_t pci_get_features(struct virtio_dev *d)
{
    uint64_t f;

    R32(d->base + C_DEV_FEATURE_SEL) = 1;
    f = (uint64_t)R32(d->base + C_DEV_FEATURE) << 32;
    R32(d->base + C_DEV_FEATURE_SEL) = 0;
    return f | R32(d->base + C_DEV_FEATURE);
}

static void pci_set_features(struct virtio_dev *d, uint64_t features)
{
    R32(d->base + C_DRV_FEATURE_SEL) = 1;
    R32(d->base + C_DRV_FEATURE) = (uint32_t)(features >> 32);
    R32(d->base + C_DRV_FEATURE_SEL) = 0;
    R32(d->base + C_DRV_FEATURE) = (uint32_t)features;
}

static uint32_t pci_config_read(struct virtio_dev *d, size_t off, int width)
{
    if (width == 1)
        return R8(d->config + off);
    if (width == 2)
        return R16(d->config + off);
    return R32(d->config + off);
}

static uint16_t pci_queue_max(struct virtio_dev *d, uint16_t index)
{
    R16(d->base + C_QUEUE_SEL) = index;
    if (R16(d->base + C_QUEUE_ENABLE))
        return 0;
    return R16(d->base + C_QUEUE_SIZE);
}

static void pci_write64(uintptr_t a, const volatile void *p)
{
    uint64_t v = (uint64_t)(uintptr_t)p;

    R32(a) = (uint32_t)v;
    R32(a + 4) = (uint32_t)(v >> 32);
}

static void pci_queue_enable(struct virtio_dev *d, struct virtq *vq)
{
    R16(d->base + C_QUEUE_SEL) = vq->index;
    R16(d->base + C_QUEUE_SIZE) = vq->size;
    R16(d->base + C_QUEUE_MSIX) = VIRTIO_MSI_NO_VECTOR;
    pci_write64(d->base + C_QUEUE_DESC, vq->desc);
    pci_write64(d->base + C_QUEUE_DRIVER, vq->avail);
    pci_write64(d->base + C_QUEUE_DEVICE, vq->used);
    vq->notify_off = R16(d->base + C_QUEUE_NOTIFY_OFF);
    R16(d->base + C_QUEUE_ENABLE) = 1;
}

static void pci_notify(struct virtio_dev *d, struct virtq *vq)
{
    R16(d->notify + (uintptr_t)vq->notify_off * d->notify_mult) = vq->index;
}

/* Reading the ISR status clears it and lowers INTx. */
static uint32_t pci_irq_ack(struct virtio_dev *d)
{
    return R8(d->isr);
}

static const struct virtio_transport pci_transport = {
    .name = "pci",
    .get_status = pci_get_status,
    .set_status = pci_set_status,
    .get_features = pci_get_features,
    .set_features = pci_set_features,
    .config_read = pci_config_read,
    .queue_max = pci_queue_max,
    .queue_enable = pci_queue_enable,
    .notify = pci_notify,
    .irq_ack = pci_irq_ack,
};

/* The memory address a BAR decodes, 0 for an I/O or unassigned BAR. */
static uint64_t pci_bar_addr(int dev, int bar)
{
    uint32_t lo = pci_cfg_read32(0, dev, 0, PCI_BAR0 + 4 * bar);
    uint64_t a = lo & ~0xfU;

    if (lo & 1)
        return 0;
    if (((lo >> 1) & 3) == 2 && bar < 5)
        a |= (uint64_t)pci_cfg_read32(0, dev, 0, PCI_BAR0 + 4 * bar + 4)
             << 32;
    return a;
}

/* Map one capability's window; 0 if its BAR is unusable. */
static uintptr_t pci_cap_window(int dev, int cap)
{
    uint32_t bar = pci_cfg_read32(0, dev, 0, cap + 4) & 0xff;
    uint32_t off = pci_cfg_read32(0, dev, 0, cap + 8);
    uint32_t len = pci_cfg_read32(0, dev, 0, cap + 12);
    uint64_t base;

    if (bar > 5 || !(base = pci_bar_addr(dev, (int)bar)))
        return 0;
    if (base + off + len > (1ULL << 47))
        return 0;
    paging_map(base + off, len, MAP_R | MAP_W | MAP_DEVICE);
    return (uintptr_t)(base + off);
}

/* Walk the vendor capabilities for the four windows we need. */
static int pci_setup(int dev, struct virtio_dev *d)
{
    int cap = (int)(pci_cfg_read32(0, dev, 0, PCI_CAP_PTR) & 0xfc);

    d->base = d->notify = d->isr = d->config = 0;
    for (int guard = 0; cap && guard < 48; guard++) {
        uint32_t w0 = pci_cfg_read32(0, dev, 0, cap);
        int type = (int)(w0 >> 24);

        if ((w0 & 0xff) == PCI_CAP_VENDOR) {
            if (type == CAP_COMMON && !d->base)
                d->base = pci_cap_window(dev, cap);
            else if (type == CAP_NOTIFY && !d->notify) {
                d->notify = pci_cap_window(dev, cap);
                d->notify_mult = pci_cfg_read32(0, dev, 0, cap + 16);
            } else if (type == CAP_ISR && !d->isr)
                d->isr = pci_cap_window(dev, cap);
            else if (type == CAP_DEVICE && !d->config)
                d->config = pci_cap_window(dev, cap);
        }
        cap = (int)((w0 >> 8) & 0xfc);
    }
    return d->base && d->notify && d->isr;
}

static int pci_is_virtio(int dev, int device_id)
{
    uint32_t id = pci_cfg_read32(0, dev, 0, 0);
    uint32_t pid = id >> 16;

    if ((id & 0xffff) != PCI_VENDOR_REDHAT)
        return 0;
    if (pid == PCI_DEV_MODERN_BASE + (uint32_t)device_id)
        return 1;
    return pid >= PCI_DEV_TRANSITIONAL_LO && pid <= PCI_DEV_TRANSITIONAL_HI &&
           pci_cfg_read32(0, dev, 0, PCI_SUBSYSTEM) >> 16 ==
               (uint32_t)device_id;
}

int virtio_pci_find(int device_id, int skip, struct virtio_dev *d)
{
    for (int dev = 0; dev < 32; dev++) {
        uint32_t cmd;

        if (!pci_is_virtio(dev, device_id))
            continue;
        cmd = pci_cfg_read32(0, dev, 0, PCI_COMMAND);
        if (!(cmd & PCI_STATUS_CAPS) || skip-- > 0)
            continue;
        pci_cfg_write32(0, dev, 0, PCI_COMMAND,
                        (cmd & 0xffff & ~PCI_COMMAND_INTX_OFF) |
                            PCI_COMMAND_MEM | PCI_COMMAND_MASTER);
        if (!pci_setup(dev, d)) {
            kprintf("virtio: PCI device 00:%x.0 has no usable modern "
                    "interface\n", dev);
            continue;
        }
        d->tr = &pci_transport;
        d->device_id = device_id;
        d->irq = (int)(pci_cfg_read32(0, dev, 0, 0x3c) & 0xff);
        return 1;
    }
    return 0;
}
