/* time.c: monotonic and wall clocks from the TSC.
 *
 * Calibration costs 2 ms of PIT counting, and most programs never ask for
 * the time, so it happens on the first request instead of at boot. The boot
 * TSC is taken at time_init so that monotonic time still counts from boot. */
#include <errno.h>

#include "kernel.h"
#include "x86.h"

static uint64_t boot_tsc;
static uint64_t tsc_hz;
static uint64_t realtime_base_ns; /* wall clock at monotonic time 0 */
static int realtime_known;

void time_init(void)
{
    boot_tsc = rdtsc();
}

static uint64_t time_hz(void)
{
    if (!tsc_hz)
        tsc_hz = tsc_calibrate_hz();
    return tsc_hz;
}

uint64_t time_monotonic_ns(void)
{
    uint64_t hz = time_hz();
    uint64_t ticks = rdtsc() - boot_tsc;
    /* Split to keep ticks * 1e9 from overflowing. */
    return ticks / hz * 1000000000UL + ticks % hz * 1000000000UL / hz;
}

uint64_t time_realtime_ns(void)
{
    if (!realtime_known) {
        int64_t epoch = rtc_read_epoch();
        uint64_t now = time_monotonic_ns();
        uint64_t wall = epoch > 0 ? (uint64_t)epoch * 1000000000UL : 0;
        realtime_base_ns = wall > now ? wall - now : 0;
        realtime_known = 1;
    }
    return realtime_base_ns + time_monotonic_ns();
}

void time_set_realtime_ns(uint64_t ns)
{
    realtime_base_ns = ns - time_monotonic_ns();
    realtime_known = 1;
}

/* Blocks only the calling thread, on a timer (sched.c). */
void time_sleep_ns(uint64_t ns)
{
    struct waitq q = WAITQ_INIT;
    uint64_t end = time_monotonic_ns() + ns;
    uint64_t f = irq_save();

    while (waitq_wait(&q, end) != -ETIMEDOUT)
        ;
    irq_restore(f);
}

uint64_t time_tsc_hz(void)
{
    return time_hz();
}
