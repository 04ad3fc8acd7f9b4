/* time.c: monotonic and wall clocks from the TSC.
 *
 * Calibration costs 2 ms of PIT counting, and most programs never ask for
 * the time, so it happens on the first request instead of at boot. The boot
 * TSC is taken at time_init so that monotonic time still counts from boot. */
#include <errno.h>

#include "kernel.h"
#include "x86.h"
#include "component.h"

UK_COMPONENT(time, "TSC clock, wall clock, clock_gettime, nanosleep", "core",
             "kernel/time.c kernel/arch/x86_64/tsc.c "
             "kernel/arch/x86_64/rtc.c runtime/time/*");

static uint64_t boot_tsc;
static uint64_t tsc_hz;
/* ns = ticks * tsc_ns_mult >> TSC_NS_SHIFT: a multiply, not the two
 * 64-bit divisions of ticks * 1e9 / hz, on every clock read. */
#define TSC_NS_SHIFT 52 /* tsc_ns_mult fits 64 bits for any TSC >= 1 MHz */
static uint64_t tsc_ns_mult;
static uint64_t realtime_base_ns; /* wall clock at monotonic time 0 */
static int realtime_known;

void time_init(void)
{
    boot_tsc = rdtsc();
}

/* clock_gettime runs with interrupts on (runtime/syscall/sysent.c), so the
 * one-time calibration turns them off itself: no interrupt may stretch the
 * PIT count, and tsc_hz is published only once its multiplier is there. */
static uint64_t time_hz(void)
{
    if (!tsc_hz) {
        uint64_t flags = irq_save();

        if (!tsc_hz) {
            uint64_t hz = tsc_calibrate_hz();

            tsc_ns_mult = (uint64_t)(((unsigned __int128)1000000000UL
                                      << TSC_NS_SHIFT) / hz);
            __asm__ __volatile__("" : : : "memory");
            tsc_hz = hz;
        }
        irq_restore(flags);
    }
    return tsc_hz;
}

/* The multiplier's relative error is under hz / (1e9 << 52): a few ns a
 * year at GHz rates. */
uint64_t time_monotonic_ns(void)
{
    uint64_t ticks;

    time_hz();
    ticks = rdtsc() - boot_tsc;
    return (uint64_t)((unsigned __int128)ticks * tsc_ns_mult >> TSC_NS_SHIFT);
}

uint64_t time_realtime_ns(void)
{
    if (!realtime_known) {
        uint64_t flags = irq_save(); /* as time_hz: once, undisturbed */

        if (!realtime_known) {
            int64_t epoch = rtc_read_epoch();
            uint64_t now = time_monotonic_ns();
            uint64_t wall = epoch > 0 ? (uint64_t)epoch * 1000000000UL : 0;

            realtime_base_ns = wall > now ? wall - now : 0;
            __asm__ __volatile__("" : : : "memory");
            realtime_known = 1;
        }
        irq_restore(flags);
    }
    return realtime_base_ns + time_monotonic_ns();
}

void time_set_realtime_ns(uint64_t ns)
{
    realtime_base_ns = ns - time_monotonic_ns();
    realtime_known = 1;
}

uint64_t time_tsc_hz(void)
{
    return time_hz();
}
