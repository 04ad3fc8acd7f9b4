/* timer.c: the local APIC timer, one-shot, programmed for the next deadline. */
#include "sched_internal.h"
#include "x86.h"

/*
 * No periodic tick: the scheduler asks for an interrupt at the next thing
 * due (a sleeper's deadline, the end of a time slice when another thread
 * waits) and for none when nothing is. The count rate is measured against
 * the TSC at start; an early or late expiry only costs an extra interrupt,
 * since the handlers compare deadlines with the TSC clock themselves.
 */
#define LAPIC_LVT_TIMER 0x320
#define LAPIC_TIMER_INITIAL 0x380
#define LAPIC_TIMER_CURRENT 0x390
#define LAPIC_TIMER_DIVIDE 0x3e0
#define LAPIC_DIVIDE_BY_1 0xb
#define LAPIC_MASKED (1U << 16)
#define TIMER_CALIBRATE_DIV 500 /* measure for 1/500 s */
#define TIMER_MAX_NS 1000000000UL /* longer waits take several expiries */

static uint64_t timer_khz;

void timer_init(void)
{
    uint64_t tsc_hz = time_tsc_hz(), t0, t1, counted;

    irq_lapic_write(LAPIC_TIMER_DIVIDE, LAPIC_DIVIDE_BY_1);
    irq_lapic_write(LAPIC_LVT_TIMER, LAPIC_MASKED | TIMER_VECTOR);
    irq_lapic_write(LAPIC_TIMER_INITIAL, 0xffffffff);
    t0 = rdtsc();
    while (rdtsc() - t0 < tsc_hz / TIMER_CALIBRATE_DIV)
        pause();
    counted = 0xffffffffUL - irq_lapic_read(LAPIC_TIMER_CURRENT);
    t1 = rdtsc();
    irq_lapic_write(LAPIC_TIMER_INITIAL, 0);
    timer_khz = counted * (tsc_hz / 1000) / (t1 - t0);
    if (!timer_khz)
        PANIC("the local APIC timer does not count");
    irq_lapic_write(LAPIC_LVT_TIMER, TIMER_VECTOR); /* one-shot */
}

void timer_set(uint64_t deadline_ns)
{
    uint64_t now, delta, count;

    if (!deadline_ns) {
        irq_lapic_write(LAPIC_TIMER_INITIAL, 0);
        return;
    }
    now = time_monotonic_ns();
    delta = deadline_ns > now ? deadline_ns - now : 0;
    if (delta > TIMER_MAX_NS)
        delta = TIMER_MAX_NS;
    count = delta * timer_khz / 1000000;
    if (count == 0)
        count = 1;
    if (count > 0xffffffffUL)
        count = 0xffffffffUL;
    irq_lapic_write(LAPIC_TIMER_INITIAL, (uint32_t)count);
}
