/* exit.c: report the program's exit status to the host and stop the machine. */
#include "kernel.h"
#include "x86.h"

/*
 * ukrun runs QEMU with two devices for this:
 *   -device isa-debug-exit,iobase=0xf4,iosize=4: a write of v makes QEMU
 *    exit with status (v << 1) | 1, which loses v's top bit (and 0 looks
 *    like QEMU's own failure status 1), so the status also goes to
 *   -device isa-debugcon,iobase=0xe9: a byte port that ukrun connects to a
 *    file, where it finds the line "UKEXIT <status>".
 * Without those devices (another hypervisor) the writes go nowhere and the
 * CPU halts with interrupts off.
 */
#define DEBUGCON_PORT 0xe9
#define DEBUG_EXIT_PORT 0xf4

static void exit_putc(char c)
{
    outb(DEBUGCON_PORT, (uint8_t)c);
}

/* Decimal without kprintf: this path must work even when nothing else does. */
static void exit_put_status(int status)
{
    char digits[12];
    unsigned int v = status < 0 ? -(unsigned int)status : (unsigned int)status;
    int n = 0;

    if (status < 0)
        exit_putc('-');
    do {
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    while (n > 0)
        exit_putc(digits[--n]);
}

/* No string constants here: a fault report that failed because .rodata is
 * unreadable still has to get its status out. */
_Noreturn void kernel_exit(int status)
{
    cli();
    if (boot_timing_enabled) {
        boot_timing_enabled = 0; /* once, should the report itself fail */
        boot_timing_report();
    }
    exit_putc('U');
    exit_putc('K');
    exit_putc('E');
    exit_putc('X');
    exit_putc('I');
    exit_putc('T');
    exit_putc(' ');
    exit_put_status(status);
    exit_putc('\n');
    outl(DEBUG_EXIT_PORT, (uint32_t)status);
    for (;;)
        hlt();
}
