/* pci_cfg.c: PCI configuration space through I/O ports 0xcf8/0xcfc. */
#include "kernel.h"
#include "x86.h"

#define PCI_CONFIG_ADDRESS 0xcf8
#define PCI_CONFIG_DATA 0xcfc
#define PCI_ENABLE (1U << 31)

/* Configuration mechanism #1: offsets are dword-aligned here, narrower
 * accesses are the caller's shifts and masks. */
static void pci_cfg_select(int bus, int dev, int fn, int off)
{
    outl(PCI_CONFIG_ADDRESS, PCI_ENABLE | (uint32_t)bus << 16 |
                                 (uint32_t)dev << 11 | (uint32_t)fn << 8 |
                                 ((uint32_t)off & 0xfc));
}

uint32_t pci_cfg_read32(int bus, int dev, int fn, int off)
{
    pci_cfg_select(bus, dev, fn, off);
    return inl(PCI_CONFIG_DATA);
}

void pci_cfg_write32(int bus, int dev, int fn, int off, uint32_t v)
{
    pci_cfg_select(bus, dev, fn, off);
    outl(PCI_CONFIG_DATA, v);
}
