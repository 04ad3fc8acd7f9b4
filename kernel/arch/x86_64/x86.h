/* x86.h: tiny inline-asm accessors; all the kernel's inline asm is here. */
#ifndef UK_X86_H
#define UK_X86_H

#include <stdint.h>

/* Model-specific registers the kernel touches. */
#define MSR_EFER 0xc0000080
#define MSR_FS_BASE 0xc0000100
#define EFER_NXE (1UL << 11)

/* Control register bits. */
#define CR0_WP (1UL << 16)

static inline uint8_t inb(uint16_t port)
{
    uint8_t v;
    __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

static inline void outb(uint16_t port, uint8_t v)
{
    __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint16_t inw(uint16_t port)
{
    uint16_t v;
    __asm__ volatile("inw %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

static inline void outw(uint16_t port, uint16_t v)
{
    __asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint32_t inl(uint16_t port)
{
    uint32_t v;
    __asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

static inline void outl(uint16_t port, uint32_t v)
{
    __asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint64_t rdmsr(uint32_t msr)
{
    uint32_t lo, hi;
    __asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
    return ((uint64_t)hi << 32) | lo;
}

static inline void wrmsr(uint32_t msr, uint64_t v)
{
    __asm__ volatile("wrmsr"
                     :
                     : "c"(msr), "a"((uint32_t)v), "d"((uint32_t)(v >> 32))
                     : "memory");
}

static inline uint64_t read_cr0(void)
{
    uint64_t v;
    __asm__ volatile("mov %%cr0, %0" : "=r"(v));
    return v;
}

static inline void write_cr0(uint64_t v)
{
    __asm__ volatile("mov %0, %%cr0" : : "r"(v) : "memory");
}

static inline uint64_t read_cr2(void)
{
    uint64_t v;
    __asm__ volatile("mov %%cr2, %0" : "=r"(v));
    return v;
}

static inline uint64_t read_cr3(void)
{
    uint64_t v;
    __asm__ volatile("mov %%cr3, %0" : "=r"(v));
    return v;
}

/* Loading CR3 also flushes every non-global TLB entry. */
static inline void write_cr3(uint64_t v)
{
    __asm__ volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}

static inline uint64_t read_cr4(void)
{
    uint64_t v;
    __asm__ volatile("mov %%cr4, %0" : "=r"(v));
    return v;
}

static inline void write_cr4(uint64_t v)
{
    __asm__ volatile("mov %0, %%cr4" : : "r"(v) : "memory");
}

static inline void invlpg(uint64_t addr)
{
    __asm__ volatile("invlpg (%0)" : : "r"(addr) : "memory");
}

static inline uint64_t rdtsc(void)
{
    uint32_t lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

/* One hardware random number; 0 if the CPU had none ready (retry). */
static inline int rdrand64(uint64_t *v)
{
    uint8_t ok;
    __asm__ volatile("rdrand %0\n\tsetc %1" : "=r"(*v), "=qm"(ok));
    return ok;
}

static inline void cpuid(uint32_t leaf, uint32_t subleaf, uint32_t *a,
                         uint32_t *b, uint32_t *c, uint32_t *d)
{
    __asm__ volatile("cpuid"
                     : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d)
                     : "a"(leaf), "c"(subleaf));
}

static inline void pause(void)
{
    __asm__ volatile("pause");
}

static inline void hlt(void)
{
    __asm__ volatile("hlt");
}

static inline void cli(void)
{
    __asm__ volatile("cli" : : : "memory");
}

static inline void sti(void)
{
    __asm__ volatile("sti" : : : "memory");
}

/* sti takes effect after the next instruction: no interrupt can slip in
 * between, so the hlt cannot miss the wakeup. */
static inline void sti_hlt(void)
{
    __asm__ volatile("sti; hlt" : : : "memory");
}

#define RFLAGS_IF (1UL << 9)

static inline uint64_t read_rflags(void)
{
    uint64_t f;
    __asm__ volatile("pushfq; popq %0" : "=r"(f) : : "memory");
    return f;
}

/* Descriptor-table loads take a packed {u16 limit; u64 base} operand. */
struct __attribute__((packed)) x86_dtr {
    uint16_t limit;
    uint64_t base;
};

static inline void lgdt(const struct x86_dtr *d)
{
    __asm__ volatile("lgdt %0" : : "m"(*d) : "memory");
}

static inline void lidt(const struct x86_dtr *d)
{
    __asm__ volatile("lidt %0" : : "m"(*d) : "memory");
}

static inline void ltr(uint16_t sel)
{
    __asm__ volatile("ltr %0" : : "r"(sel) : "memory");
}

/* After lgdt: reload CS with a far return and the data segments with ds.
 * The pushes step over the caller's 128-byte red zone first. */
static inline void load_segments(uint16_t cs, uint16_t ds)
{
    __asm__ volatile("subq $128, %%rsp\n\t"
                     "pushq %q0\n\t"
                     "leaq 1f(%%rip), %%rax\n\t"
                     "pushq %%rax\n\t"
                     "lretq\n"
                     "1:\n\t"
                     "addq $128, %%rsp\n\t"
                     "movw %w1, %%ds\n\t"
                     "movw %w1, %%es\n\t"
                     "movw %w1, %%ss\n\t"
                     :
                     : "r"((uint64_t)cs), "r"((uint32_t)ds)
                     : "rax", "memory");
}

#endif
