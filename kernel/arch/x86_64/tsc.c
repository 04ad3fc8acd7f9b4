/* tsc.c: the TSC's frequency, measured against the PIT.
 *
 * PIT channel 0 counts at 1193182 Hz whatever the CPU does. Reading its
 * counter (latched) before and after 2 ms of polling, with the TSC read
 * alongside, gives the TSC rate; a boot pays those 2 ms only if it asks for
 * the time, and one PIT tick of error is 0.04%. Channel 0 is used, not the
 * usual channel 2, because channel 2's gate lives in port 0x61, which QEMU's
 * microvm does not have. Under TCG both the PIT and the TSC follow the host's real time, so
 * the result holds there too. With no PIT at all the counter never moves,
 * and a fixed guess is used instead. */
#include "kernel.h"
#include "x86.h"

#define PIT_HZ 1193182UL
#define PIT_CH0 0x40
#define PIT_CMD 0x43
#define CAL_TICKS (PIT_HZ / 500) /* 2 ms */
#define FALLBACK_HZ 2000000000UL

static uint16_t pit_read(void)
{
    outb(PIT_CMD, 0x00); /* latch channel 0 */
    uint8_t lo = inb(PIT_CH0);
    return (uint16_t)(lo | inb(PIT_CH0) << 8);
}

uint64_t tsc_calibrate_hz(void)
{
    /* Channel 0, lobyte/hibyte, mode 2 (rate generator), full range: it
     * counts down from 65535 and wraps every 55 ms. Its IRQ is masked. */
    outb(PIT_CMD, 0x34);
    outb(PIT_CH0, 0xff);
    outb(PIT_CH0, 0xff);

    uint16_t start = pit_read();
    uint64_t t0 = rdtsc(), elapsed = 0, t1 = t0;
    uint16_t last = start;
    while (elapsed < CAL_TICKS) {
        uint16_t now = pit_read();
        t1 = rdtsc();
        elapsed += (uint16_t)(last - now); /* counts down, wraps mod 2^16 */
        last = now;
        if (elapsed == 0 && t1 - t0 > 20 * FALLBACK_HZ / 100) {
            kprintf("ukcc: warning: no PIT, assuming a %lu Hz TSC\n",
                    FALLBACK_HZ);
            return FALLBACK_HZ;
        }
    }
    return (t1 - t0) * PIT_HZ / elapsed;
}
