/* irq.c: interrupt masking, local APIC, IOAPIC, device interrupt dispatch. */
#include <errno.h>

#include "sched_internal.h"
#include "x86.h"
#include "component.h"

UK_COMPONENT(interrupts, "IOAPIC and LAPIC interrupts, the timer", "core",
             "kernel/arch/x86_64/irq.c kernel/arch/x86_64/timer.c "
             "sym:irq_*");

/*
 * Interrupt vectors: 0x20 the LAPIC timer (timer.c), 0x30 + n the n-th
 * handler irq_register installed, 0xff the LAPIC spurious vector. The
 * 8259 PICs stay masked (trap.c) and LINT0, their virtual wire, too.
 *
 * Every IOAPIC input is programmed level-triggered, active high: that is
 * what QEMU's PCI INTx lines are on pc (the MADT overrides IRQ 5, 9, 10,
 * 11 that way) and what its virtio-mmio and ISA device lines behave as
 * (the line stays up until the driver acknowledges the device). So a
 * handler must acknowledge its device; the EOI comes after it returns.
 */
#define MSR_APIC_BASE 0x1b
#define APIC_BASE_ENABLE (1UL << 11)
#define APIC_BASE_MASK 0xffffff000UL

#define LAPIC_ID 0x20
#define LAPIC_TPR 0x80
#define LAPIC_EOI 0xb0
#define LAPIC_ICR_LOW 0x300
#define ICR_SELF (1U << 18) /* destination shorthand: this CPU */
#define LAPIC_SVR 0xf0
#define LAPIC_LVT_LINT0 0x350
#define LAPIC_MASKED (1U << 16)
#define LAPIC_SVR_ENABLE 0x100

#define IOAPIC_BASE 0xfec00000UL
#define IOAPIC_REGSEL 0
#define IOAPIC_WINDOW 4 /* in 32-bit words: offset 0x10 */
#define IOAPIC_VERSION 1
#define IOAPIC_REDIR(n) (0x10 + 2 * (n))
#define REDIR_LEVEL (1U << 15)
#define REDIR_MASKED (1U << 16)

#define VEC_DEVICE_FIRST 0x30
#define VEC_SPURIOUS 0xff
#define IRQ_HANDLERS_MAX 16

static volatile uint32_t *irq_lapic;
static volatile uint32_t *irq_ioapic;
static int irq_ioapic_inputs;
static struct {
    void (*fn)(void *);
    void *arg;
    int gsi;
} irq_handlers[IRQ_HANDLERS_MAX];
static int irq_nhandlers;

uint32_t irq_lapic_read(uint32_t reg)
{
    return irq_lapic[reg / 4];
}

void irq_lapic_write(uint32_t reg, uint32_t v)
{
    irq_lapic[reg / 4] = v;
}

void irq_eoi(void)
{
    irq_lapic_write(LAPIC_EOI, 0);
}

int irq_device_count(void)
{
    return irq_nhandlers;
}

static uint32_t irq_ioapic_read(uint32_t reg)
{
    irq_ioapic[IOAPIC_REGSEL] = reg;
    return irq_ioapic[IOAPIC_WINDOW];
}

static void irq_ioapic_write(uint32_t reg, uint32_t v)
{
    irq_ioapic[IOAPIC_REGSEL] = reg;
    irq_ioapic[IOAPIC_WINDOW] = v;
}

/* Interrupts off; idempotent. */
void irq_init(void)
{
    uint64_t base;

    if (irq_lapic)
        return;
    base = rdmsr(MSR_APIC_BASE);
    wrmsr(MSR_APIC_BASE, base | APIC_BASE_ENABLE);
    base &= APIC_BASE_MASK;
    paging_map(base, PAGE_SIZE, MAP_R | MAP_W | MAP_DEVICE);
    irq_lapic = (volatile uint32_t *)base;
    irq_lapic_write(LAPIC_SVR, LAPIC_SVR_ENABLE | VEC_SPURIOUS);
    irq_lapic_write(LAPIC_TPR, 0);
    irq_lapic_write(LAPIC_LVT_LINT0, LAPIC_MASKED);

    paging_map(IOAPIC_BASE, PAGE_SIZE, MAP_R | MAP_W | MAP_DEVICE);
    irq_ioapic = (volatile uint32_t *)IOAPIC_BASE;
    irq_ioapic_inputs = (irq_ioapic_read(IOAPIC_VERSION) >> 16 & 0xff) + 1;
    for (int i = 0; i < irq_ioapic_inputs; i++)
        irq_ioapic_write(IOAPIC_REDIR(i), REDIR_MASKED);
}

int irq_register(int gsi, void (*fn)(void *), void *arg)
{
    uint64_t f = irq_save();
    int vec;

    irq_init();
    if (gsi < 0 || gsi >= irq_ioapic_inputs || !fn) {
        irq_restore(f);
        return -EINVAL;
    }
    if (irq_nhandlers == IRQ_HANDLERS_MAX) {
        irq_restore(f);
        return -ENOSPC;
    }
    vec = VEC_DEVICE_FIRST + irq_nhandlers;
    irq_handlers[irq_nhandlers].fn = fn;
    irq_handlers[irq_nhandlers].arg = arg;
    irq_handlers[irq_nhandlers].gsi = gsi;
    irq_nhandlers++;
    /* PCI devices share lines (-M pc): the line keeps its first vector,
     * whose interrupt runs every handler of the line. */
    for (int i = 0; i < irq_nhandlers - 1; i++)
        if (irq_handlers[i].gsi == gsi) {
            irq_restore(f);
            return 0;
        }
    irq_ioapic_write(IOAPIC_REDIR(gsi) + 1,
                     irq_lapic_read(LAPIC_ID) & 0xff000000);
    irq_ioapic_write(IOAPIC_REDIR(gsi), REDIR_LEVEL | (uint32_t)vec);
    irq_restore(f);
    return 0;
}

void (*irq_exit_hook)(uint64_t *frame);

void irq_self_ipi(void)
{
    if (irq_lapic)
        irq_lapic_write(LAPIC_ICR_LOW, ICR_SELF | TIMER_VECTOR);
}

/* vectors.S, for vectors 32-255: interrupts off, on the interrupted
 * thread's stack, its FPU state saved; frame is what the CPU and vectors.S
 * pushed (struct trap_frame in trap.c). */
void irq_handle(uint64_t vector, uint64_t *frame)
{
    int n = (int)vector - VEC_DEVICE_FIRST;

    if (vector == VEC_SPURIOUS)
        return; /* no EOI for a spurious interrupt */
    if (vector == TIMER_VECTOR) {
        irq_eoi();
        waitq_timer_expired();
    } else if (n >= 0 && n < irq_nhandlers) {
        for (int i = n; i < irq_nhandlers; i++)
            if (irq_handlers[i].gsi == irq_handlers[n].gsi)
                irq_handlers[i].fn(irq_handlers[i].arg);
        irq_eoi();
    } else {
        kprintf("ukcc: warning: unexpected interrupt %lu\n", vector);
        if (irq_lapic)
            irq_eoi();
    }
    sched_irq_exit();
    if (irq_exit_hook)
        irq_exit_hook(frame);
}
