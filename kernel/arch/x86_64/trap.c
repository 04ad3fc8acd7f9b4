/* trap.c: GDT, TSS with IST stacks, IDT, and the reports of fatal faults. */
#include "kernel.h"
#include "x86.h"

/*
 * Built with -mgeneral-regs-only (kernel/CMakeLists.txt): the handlers must
 * not touch SSE registers, which belong to the interrupted program.
 *
 * Application code uses the red zone, the 128 bytes below rsp that a leaf
 * function may use without moving rsp. An interrupt pushed onto the current
 * stack would overwrite it, so every gate switches to an IST stack: IST1 for
 * ordinary exceptions and interrupts, and separate stacks for the double
 * fault, NMI and machine check, which can arrive while IST1 is in use or
 * broken. Each IST stack has an unmapped guard page below it.
 */
#define SEL_CODE 0x08
#define SEL_DATA 0x10
#define SEL_TSS 0x18

#define IST_TRAP 1
#define IST_DOUBLE_FAULT 2
#define IST_NMI 3
#define IST_MACHINE_CHECK 4
#define IST_COUNT 4
#define IST_STACK_SIZE (16 * 1024)

#define VEC_NMI 2
#define VEC_INVALID_OPCODE 6
#define VEC_DOUBLE_FAULT 8
#define VEC_GENERAL_PROTECTION 13
#define VEC_PAGE_FAULT 14
#define VEC_MACHINE_CHECK 18
#define VEC_EXCEPTIONS 32

/* Page-fault error code bits. */
#define PF_PRESENT 0x1
#define PF_WRITE 0x2
#define PF_RESERVED 0x8
#define PF_INSTRUCTION 0x10
/* How far from rsp a guard-page fault still counts as a stack overflow:
 * frames with large locals touch memory well below or above rsp. */
#define STACK_GUARD_REACH (1UL << 20)

/* Pushed by the CPU, a vectors.S stub and trap_common; lowest address first. */
struct trap_frame {
    uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
    uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
    uint64_t vector, error;
    uint64_t rip, cs, rflags, rsp, ss;
};

struct __attribute__((packed)) trap_tss {
    uint32_t reserved0;
    uint64_t rsp[3];
    uint64_t reserved1;
    uint64_t ist[7]; /* ist[0] is IST1 */
    uint64_t reserved2;
    uint16_t reserved3;
    uint16_t iomap_base;
};

struct trap_gate {
    uint16_t offset_low, selector;
    uint8_t ist, type; /* type 0x8e: present, ring 0, 64-bit interrupt gate */
    uint16_t offset_mid;
    uint32_t offset_high, reserved;
};

struct trap_stack {
    char guard[PAGE_SIZE];
    char stack[IST_STACK_SIZE];
};

/* vectors.S: 256 stubs of 4 bytes, in groups of 16 taking 72 bytes */
extern char trap_vectors[];
#define TRAP_STUB_SIZE 4
#define TRAP_STUBS_PER_GROUP 16
#define TRAP_GROUP_SIZE 72

static struct trap_stack trap_stacks[IST_COUNT]
    __attribute__((aligned(PAGE_SIZE)));
static struct trap_tss trap_tss;
static struct trap_gate trap_idt[256] __attribute__((aligned(16)));

/* Flat 64-bit code and data (accessed bits preset), then the 16-byte TSS
 * descriptor, which ltr marks busy: the GDT has to stay writable. */
static uint64_t trap_gdt[5] = {
    0,
    0x00af9b000000ffff,
    0x00cf93000000ffff,
};

/* What each exception is called in a report, NUL-separated in vector
 * order ("": reserved), and the status it exits with. */
static const char trap_names[] =
    "divide error\0debug exception\0non-maskable interrupt\0breakpoint\0"
    "overflow\0bound range exceeded\0invalid opcode\0"
    "device not available\0double fault\0coprocessor segment overrun\0"
    "invalid TSS\0segment not present\0stack segment fault\0"
    "general protection fault\0page fault\0\0"
    "x87 floating-point exception\0alignment check\0machine check\0"
    "SIMD floating-point exception\0virtualization exception\0"
    "control protection exception\0";
static const unsigned char trap_statuses[VEC_EXCEPTIONS] = {
    EXIT_SIGFPE,  EXIT_SIGTRAP, EXIT_PANIC,   EXIT_SIGTRAP, EXIT_SIGSEGV,
    EXIT_SIGSEGV, EXIT_SIGILL,  EXIT_SIGFPE,  EXIT_SIGSEGV, EXIT_SIGFPE,
    EXIT_SIGSEGV, EXIT_SIGSEGV, EXIT_SIGSEGV, EXIT_SIGSEGV, EXIT_SIGSEGV,
    EXIT_PANIC,   EXIT_SIGFPE,  EXIT_SIGBUS,  EXIT_PANIC,   EXIT_SIGFPE,
    EXIT_PANIC,   EXIT_SIGSEGV, /* 22-31 reserved: */ EXIT_PANIC, EXIT_PANIC,
    EXIT_PANIC,   EXIT_PANIC,   EXIT_PANIC,   EXIT_PANIC,   EXIT_PANIC,
    EXIT_PANIC,   EXIT_PANIC,   EXIT_PANIC,
};

/* The name of an exception vector, or NULL for a reserved one. */
static const char *trap_name(uint64_t vector)
{
    const char *name = trap_names, *end = trap_names + sizeof trap_names - 1;

    for (uint64_t v = 0; v < vector && name < end; v++)
        while (*name++)
            ;
    return name < end && *name ? name : NULL;
}

static void trap_set_gate(int vector, int ist)
{
    uint64_t addr = (uint64_t)trap_vectors +
                    TRAP_GROUP_SIZE * (vector / TRAP_STUBS_PER_GROUP) +
                    TRAP_STUB_SIZE * (vector % TRAP_STUBS_PER_GROUP);

    trap_idt[vector] = (struct trap_gate){
        .offset_low = (uint16_t)addr,
        .selector = SEL_CODE,
        .ist = (uint8_t)ist,
        .type = 0x8e,
        .offset_mid = (uint16_t)(addr >> 16),
        .offset_high = (uint32_t)(addr >> 32),
    };
}

static int trap_ist_for(int vector)
{
    switch (vector) {
    case VEC_NMI:
        return IST_NMI;
    case VEC_DOUBLE_FAULT:
        return IST_DOUBLE_FAULT;
    case VEC_MACHINE_CHECK:
        return IST_MACHINE_CHECK;
    default:
        return IST_TRAP;
    }
}

/* The available-TSS descriptor (type 9) for a 64-bit base and limit. */
static void trap_set_tss_descriptor(void)
{
    uint64_t base = (uint64_t)&trap_tss, limit = sizeof(trap_tss) - 1;

    trap_gdt[3] = (limit & 0xffff) | (base & 0xffffff) << 16 | 0x89UL << 40 |
                  (limit >> 16 & 0xf) << 48 | (base >> 24 & 0xff) << 56;
    trap_gdt[4] = base >> 32;
}

/* The 8259 PICs still use the BIOS vector base (8), which overlaps the
 * exceptions: keep every legacy IRQ masked. */
static void trap_mask_pic(void)
{
    outb(0x21, 0xff);
    outb(0xa1, 0xff);
}

void trap_init(void)
{
    struct x86_dtr gdtr = {sizeof(trap_gdt) - 1, (uint64_t)trap_gdt};
    struct x86_dtr idtr = {sizeof(trap_idt) - 1, (uint64_t)trap_idt};

    for (int i = 0; i < IST_COUNT; i++)
        trap_tss.ist[i] = (uint64_t)(trap_stacks[i].stack + IST_STACK_SIZE);
    trap_tss.iomap_base = sizeof(trap_tss); /* no I/O permission bitmap */
    trap_set_tss_descriptor();
    lgdt(&gdtr);
    load_segments(SEL_CODE, SEL_DATA);
    ltr(SEL_TSS);
    for (int v = 0; v < 256; v++)
        trap_set_gate(v, trap_ist_for(v));
    lidt(&idtr);
    trap_mask_pic();
}

/* After paging_init: take away the page under each IST stack. */
void trap_guard_stacks(void)
{
    for (int i = 0; i < IST_COUNT; i++)
        paging_unmap((uint64_t)trap_stacks[i].guard, PAGE_SIZE);
}

static void trap_dump(const struct trap_frame *f)
{
    kprintf("  rip %016lx  rsp %016lx  rbp %016lx  rflags %lx\n", f->rip,
            f->rsp, f->rbp, f->rflags);
    kprintf("  rax %016lx  rbx %016lx  rcx %016lx  rdx %016lx\n", f->rax,
            f->rbx, f->rcx, f->rdx);
    kprintf("  rsi %016lx  rdi %016lx  r8  %016lx  r9  %016lx\n", f->rsi,
            f->rdi, f->r8, f->r9);
    kprintf("  r10 %016lx  r11 %016lx  r12 %016lx  r13 %016lx\n", f->r10,
            f->r11, f->r12, f->r13);
    kprintf("  r14 %016lx  r15 %016lx\n", f->r14, f->r15);
}

/* Which part of the image an address is in, for reports; NULL if none. */
static const char *trap_image_part(uint64_t addr)
{
    if (addr < (uint64_t)__image_start || addr >= (uint64_t)__image_end)
        return NULL;
    if (addr < (uint64_t)__text_start)
        return "image headers";
    if (addr < (uint64_t)__text_end)
        return ".text";
    if (addr < (uint64_t)__rodata_end)
        return ".rodata";
    return addr < (uint64_t)__data_end ? ".data" : ".bss";
}

/* Say in words what a page fault at addr was: NULL, or which permission. */
static void trap_describe_page_fault(uint64_t addr, uint64_t err)
{
    const char *part = trap_image_part(addr);
    const char *access = (err & PF_INSTRUCTION) ? "executing"
                         : (err & PF_WRITE)     ? "writing"
                                                : "reading";

    if (addr < PAGE_SIZE && (err & PF_INSTRUCTION))
        kprintf("call through a NULL function pointer (jump to 0x%lx)", addr);
    else if (addr < PAGE_SIZE)
        kprintf("NULL pointer dereference %s 0x%lx", access, addr);
    else if (!(err & PF_PRESENT))
        kprintf("%s unmapped address 0x%lx", access, addr);
    else if (err & PF_RESERVED)
        kprintf("reserved bit in the page tables for 0x%lx", addr);
    else if (err & PF_INSTRUCTION)
        kprintf("executing non-executable address 0x%lx", addr);
    else if (err & PF_WRITE)
        kprintf("writing read-only address 0x%lx", addr);
    else
        kprintf("%s 0x%lx", access, addr);
    if (part)
        kprintf(" (in %s)", part);
}

/* A fault on a page paging_unmap() took away is a stack overflow when it is
 * near the stack pointer; elsewhere it is a PROT_NONE page (which the runtime
 * also makes with paging_unmap). */
static void trap_report_page_fault(const struct trap_frame *f)
{
    uint64_t addr = read_cr2();
    uint64_t dist = addr > f->rsp ? addr - f->rsp : f->rsp - addr;
    int guard = paging_is_guard(addr);

    if (guard && dist < STACK_GUARD_REACH) {
        kprintf("ukcc: fatal: stack overflow (guard page at 0x%lx)",
                PAGE_ROUND_DOWN(addr));
    } else if (guard) {
        kprintf("ukcc: fatal: page fault: access to a guard or PROT_NONE "
                "page at 0x%lx",
                addr);
    } else {
        kprintf("ukcc: fatal: page fault: ");
        trap_describe_page_fault(addr, f->error);
    }
    kprintf(" at rip 0x%lx (error 0x%lx)\n", f->rip, f->error);
    kprintf("  cr2 %016lx\n", addr);
}

static void trap_report(const struct trap_frame *f, const char *name)
{
    if (f->vector == VEC_PAGE_FAULT) {
        trap_report_page_fault(f);
        return;
    }
    kprintf("ukcc: fatal: ");
    if (f->vector == VEC_INVALID_OPCODE && ubsan_trap_check(f->rip))
        kprintf("%s: undefined behaviour trap: %s", name,
                ubsan_trap_check(f->rip));
    else if (name)
        kprintf("%s", name);
    else
        kprintf("exception %lu", f->vector);
    kprintf(" at rip 0x%lx", f->rip);
    if (f->vector == VEC_GENERAL_PROTECTION && f->error == 0)
        kprintf(" (privileged instruction or non-canonical address)");
    else if (f->error != 0)
        kprintf(" (error 0x%lx)", f->error);
    kprintf("\n");
}

/*
 * Exceptions are fatal: report and exit with the status a shell would show
 * for the matching signal. A fault while reporting (say, the console code
 * itself faults) must still end the VM: the second level prints one short
 * line, a third exits without printing.
 */
static _Noreturn void trap_fatal(const struct trap_frame *f)
{
    static int depth, status = EXIT_PANIC;
    const char *name;

    if (++depth > 1) {
        if (depth == 2)
            kprintf("ukcc: fatal: exception %lu at rip 0x%lx while "
                    "reporting a fault\n",
                    f->vector, f->rip);
        kernel_exit(status);
    }
    name = trap_name(f->vector);
    status = trap_statuses[f->vector];
    trap_report(f, name);
    trap_dump(f);
    backtrace_print(f->rip, f->rbp);
    kernel_exit(status);
}

/* Called by vectors.S with interrupts disabled; returning resumes f. */
void trap_handle(struct trap_frame *f)
{
    if (f->vector < VEC_EXCEPTIONS)
        trap_fatal(f);
    kprintf("ukcc: warning: unexpected interrupt %lu\n", f->vector);
}
