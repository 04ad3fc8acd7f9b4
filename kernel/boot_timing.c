/* boot_timing.c: kernel option boot.timing: TSC at entry, main and exit. */
#include "kernel.h"
#include "x86.h"

/*
 * `ukrun --boot-timing` passes the option. boot.S stores the TSC at its
 * first instructions in boot_tsc_entry (in the text segment: nothing else
 * is at its final address yet); the runtime marks the call of main; the
 * report goes out as kernel_exit begins. The TSC rate is calibrated only
 * then, so that measuring does not slow the boot it measures.
 */
int boot_timing_enabled;
static uint64_t boot_tsc_main;

void boot_timing_mark_main(void)
{
    boot_tsc_main = rdtsc();
}

static uint64_t boot_timing_us(uint64_t ticks, uint64_t hz)
{
    return ticks / hz * 1000000 + ticks % hz * 1000000 / hz;
}

void boot_timing_report(void)
{
    uint64_t exit_tsc = rdtsc(), hz = time_tsc_hz();
    uint64_t main_tsc = boot_tsc_main ? boot_tsc_main : exit_tsc;

    kprintf("ukcc: boot timing: entry->main %lu us, main->exit %lu us "
            "(TSC %lu kHz)\n",
            boot_timing_us(main_tsc - boot_tsc_entry, hz),
            boot_timing_us(exit_tsc - main_tsc, hz), hz / 1000);
}
