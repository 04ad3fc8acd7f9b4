/* tsc.c: the TSC's frequency, from CPUID where it is given, else measured.
 *
 * A hypervisor may state the rate (the timing leaf 0x40000010, EAX in
 * kHz, which QEMU with KVM fills in when the rate is known and invariant),
 * and recent Intel CPUs give it as a ratio to their crystal (leaf 0x15,
 * when the crystal rate is filled in).
 * Either is exact and free; leaf 0x16 (base MHz) is only nominal and is
 * not used. QEMU's TCG gives neither, so there the PIT it is.
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

#define CPUID_HYPERVISOR (1U << 31) /* leaf 1, ECX */
#define CPUID_HV_BASE 0x40000000
#define CPUID_HV_TIMING 0x40000010

/* The rate CPUID states, or 0. */
static uint64_t tsc_cpuid_hz(void)
{
    uint32_t max, a, b, c, d;

    cpuid(1, 0, &a, &b, &c, &d);
    if (c & CPUID_HYPERVISOR) {
        cpuid(CPUID_HV_BASE, 0, &max, &b, &c, &d);
        if (max >= CPUID_HV_TIMING && max < CPUID_HV_BASE + 0x10000) {
            cpuid(CPUID_HV_TIMING, 0, &a, &b, &c, &d);
            if (a)
                return (uint64_t)a * 1000;
        }
    }
    cpuid(0, 0, &max, &b, &c, &d);
    if (max >= 0x15) {
        cpuid(0x15, 0, &a, &b, &c, &d); /* TSC = crystal * EBX / EAX */
        if (a && b && c)
            return (uint64_t)c * b / a;
    }
    return 0;
}

uint64_t tsc_calibrate_hz(void)
{
    uint64_t hz = tsc_cpuid_hz();

    if (hz)
        return hz;
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
