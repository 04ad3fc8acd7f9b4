/* tsc.c: the TSC's frequency, measured against the PIT.
 *
 * PIT channel 2 counts at 1193182 Hz whatever the CPU does; gating it for a
 * known number of ticks and reading the TSC on both sides gives the TSC rate.
 * Under QEMU's TCG both follow the host's real time, so the result holds
 * there too. A machine without a PIT (microvm with pit=off) is detected by
 * the output bit that never goes low, and gets a fixed guess. */
#include "kernel.h"
#include "x86.h"

#define PIT_HZ 1193182UL
#define PIT_CMD 0x43
#define PIT_CH2 0x42
#define PIT_GATE 0x61     /* bit 0: channel 2 gate, bit 5: its output */
#define CAL_MS 10
#define FALLBACK_HZ 2000000000UL

uint64_t tsc_calibrate_hz(void)
{
    uint16_t count = PIT_HZ * CAL_MS / 1000;
    uint8_t gate = inb(PIT_GATE);

    outb(PIT_GATE, (gate & ~0x02) & ~0x01);   /* gate off, speaker off */
    outb(PIT_CMD, 0xb0);  /* channel 2, lobyte/hibyte, mode 0, binary */
    outb(PIT_CH2, count & 0xff);
    outb(PIT_CH2, count >> 8);
    if (inb(PIT_GATE) & 0x20) {
        /* Output already high before counting: no PIT answers here. */
        kprintf("ukcc: warning: no PIT, assuming a %lu Hz TSC\n", FALLBACK_HZ);
        return FALLBACK_HZ;
    }
    outb(PIT_GATE, (inb(PIT_GATE) & ~0x02) | 0x01); /* start counting */
    uint64_t t0 = rdtsc();
    uint64_t spins = 0;
    while (!(inb(PIT_GATE) & 0x20)) {
        if (++spins > 100000000UL) {
            kprintf("ukcc: warning: PIT never fired, assuming a %lu Hz TSC\n",
                    FALLBACK_HZ);
            return FALLBACK_HZ;
        }
    }
    uint64_t t1 = rdtsc();
    outb(PIT_GATE, gate);
    return (t1 - t0) * 1000 / CAL_MS;
}
