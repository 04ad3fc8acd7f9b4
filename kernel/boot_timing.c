/* boot_timing.c: kernel option boot.timing: TSC at entry, phases, main, exit. */
#include "kernel.h"
#include "x86.h"

/*
 * `ukrun --boot-timing` passes the option. boot.S stores the TSC at its
 * first instructions in boot_tsc_entry (in the text segment: nothing else
 * is at its final address yet); kernel_main and runtime_start mark the end
 * of each boot phase, the runtime marks the call of main; the report goes
 * out as kernel_exit begins. Marks are taken whether or not the option is
 * on (it is only parsed late, with the command line): a mark is one rdtsc
 * and two stores. The TSC rate is known only at the report, so that
 * measuring does not slow the boot it measures.
 */
#define BOOT_TIMING_MARKS 16

int boot_timing_enabled;
static uint64_t boot_tsc_main;
static struct {
    const char *phase;
    uint64_t tsc;
} boot_marks[BOOT_TIMING_MARKS];
static int boot_nmarks;

void boot_timing_mark(const char *phase)
{
    if (boot_nmarks < BOOT_TIMING_MARKS) {
        boot_marks[boot_nmarks].phase = phase;
        boot_marks[boot_nmarks++].tsc = rdtsc();
    }
}

void boot_timing_mark_main(void)
{
    boot_tsc_main = rdtsc();
}

static uint64_t boot_timing_us(uint64_t ticks, uint64_t hz)
{
    return ticks / hz * 1000000 + ticks % hz * 1000000 / hz;
}

/* One line per report: each phase's time, from the previous mark (the
 * first from kernel entry; "libc" is musl's start, up to main). */
static void boot_timing_report_phases(uint64_t main_tsc, uint64_t hz)
{
    uint64_t prev = boot_tsc_entry;

    kprintf("ukcc: boot timing: %s, phases (us):", boot_info.protocol);
    for (int i = 0; i < boot_nmarks; i++) {
        kprintf(" %s %lu", boot_marks[i].phase,
                boot_timing_us(boot_marks[i].tsc - prev, hz));
        prev = boot_marks[i].tsc;
    }
    if (boot_tsc_main)
        kprintf(" libc %lu", boot_timing_us(main_tsc - prev, hz));
    kprintf("\n");
}

void boot_timing_report(void)
{
    uint64_t exit_tsc = rdtsc(), hz = time_tsc_hz();
    uint64_t main_tsc = boot_tsc_main ? boot_tsc_main : exit_tsc;

    kprintf("ukcc: boot timing: entry->main %lu us, main->exit %lu us "
            "(TSC %lu kHz)\n",
            boot_timing_us(main_tsc - boot_tsc_entry, hz),
            boot_timing_us(exit_tsc - main_tsc, hz), hz / 1000);
    boot_timing_report_phases(main_tsc, hz);
}
