/* irq_flags.c: interrupt masking, apart from irq.c (no APIC code). */
#include "kernel.h"
#include "x86.h"

uint64_t irq_save(void)
{
    uint64_t f = read_rflags();

    cli();
    return f & RFLAGS_IF;
}

void irq_restore(uint64_t flags)
{
    if (flags & RFLAGS_IF)
        sti();
}
