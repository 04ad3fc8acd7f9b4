/* kernel.h: the kernel's internal interface, grouped by the file that defines it. */
#ifndef UK_KERNEL_H
#define UK_KERNEL_H

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

#ifndef PAGE_SIZE /* musl's <limits.h> has it too */
#define PAGE_SIZE 4096UL
#endif
#define PAGE_ROUND_UP(x) (((uint64_t)(x) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1))
#define PAGE_ROUND_DOWN(x) ((uint64_t)(x) & ~(PAGE_SIZE - 1))

/* Exit statuses the kernel reports for the program, as a shell would show a
 * process killed by a signal (128 + signal number). */
#define EXIT_SIGILL 132  /* invalid opcode, a_crash() */
#define EXIT_SIGTRAP 133 /* breakpoint (int3), debug exception */
#define EXIT_SIGABRT 134 /* abort() */
#define EXIT_SIGBUS 135  /* alignment check */
#define EXIT_SIGFPE 136  /* divide error, FP exceptions */
#define EXIT_SIGSEGV 139 /* page fault, general protection, stack overflow */
#define EXIT_PANIC 125   /* the kernel itself gave up (PANIC) */

/* Image layout symbols from arch/x86_64/image.ld (addresses, not objects). */
extern char __image_start[], __text_start[], __text_end[];
extern char __rodata_start[], __rodata_end[];
extern char __data_start[], __data_end[], __bss_start[], __bss_end[];
extern char __image_end[];

/* arch/x86_64/boot.S: entered from multiboot v1 or PVH in 32-bit protected
 * mode; sets up a temporary identity map of the first 1 GiB, long mode, NX
 * and SSE, then calls kernel_main(magic, info) on the boot stack. */
extern char boot_stack_guard[]; /* page under the boot stack, left unmapped */
extern char boot_stack_top[];

/* main.c: boot sequence */
_Noreturn void kernel_main(uint32_t magic, uint32_t info_phys);

/* bootinfo.c: what the boot loader told us, copied before memory is reused */
#define BOOT_MAX_RAM 32
#define BOOT_CMDLINE_MAX 8192
struct mem_range {
    uint64_t base, len;
};
struct boot_info {
    const char *protocol;             /* "multiboot" or "pvh" */
    char cmdline[BOOT_CMDLINE_MAX];   /* multiboot: the image path removed */
    int cmdline_cut; /* the loader's was longer: cmdline holds its start */
    struct mem_range ram[BOOT_MAX_RAM]; /* usable RAM from the firmware map */
    int nram;
    uint64_t initrd_base, initrd_len; /* first boot module, 0 if none */
};
extern struct boot_info boot_info;
void bootinfo_parse(uint32_t magic, uint32_t info_phys);

/* arch/x86_64/console.c: 16550 UART at 0x3f8 */
void console_init(void);
void console_write(const char *s, size_t n);
size_t console_read(char *buf, size_t n); /* blocks until >= 1 byte */
int console_can_read(void); /* would console_read return at once? */

/* arch/x86_64/pci_cfg.c: PCI configuration space (dword-aligned offsets) */
uint32_t pci_cfg_read32(int bus, int dev, int fn, int off);
void pci_cfg_write32(int bus, int dev, int fn, int off, uint32_t v);

/* virtio/console.c: the program's stdio over virtio-console ports, as
 * ukrun attaches them: port fd + 1 carries file descriptor fd (0, 1, 2).
 * Reads block until >= 1 byte and return 0 once the host input has ended;
 * writes return when the host has the data. Polled. */
int virtio_console_init(void);             /* 1 if the device is there */
int virtio_console_has_port(int port);
long virtio_console_read(int port, void *buf, size_t n);
int virtio_console_can_read(int port); /* read would not block */
long virtio_console_write(int port, const void *buf, size_t n);

/* printk.c: formatted output to the console (%s %c %d %u %x %p, l/z) */
void kprintf(const char *fmt, ...);
_Noreturn void kpanic(const char *file, int line, const char *fmt, ...);
#define PANIC(...) kpanic(__FILE_NAME__, __LINE__, __VA_ARGS__)
#define ASSERT(c) ((c) ? (void)0 : PANIC("assertion failed: %s", #c))

/* boot_timing.c: kernel option boot.timing (ukrun --boot-timing): the
 * TSC at kernel entry (boot.S), at main and at exit, reported in
 * microseconds on the console as kernel_exit begins. */
extern uint64_t boot_tsc_entry; /* boot.S, its first instructions */
extern int boot_timing_enabled;
void boot_timing_mark(const char *phase); /* end of a boot phase */
void boot_timing_mark_main(void); /* the runtime, just before main */
void boot_timing_report(void);

/* spec.c: the kernel-phase inits of the image's components, in order
 * (UK_COMPONENT_INIT, component.h); ukcc's specialisation object defines
 * it, and this weak empty default stands in for an image without one. */
void uk_spec_init_kernel(void);

/* arch/x86_64/exit.c: report the exit status to the host and stop.
 * Writes "UKEXIT <status>\n" to the debug console (port 0xe9), then the
 * status to isa-debug-exit (port 0xf4), then halts forever. */
_Noreturn void kernel_exit(int status);

/* arch/x86_64/trap.c: GDT, TSS with IST stacks, IDT, fault reports */
void trap_init(void);
void trap_guard_stacks(void); /* after paging_init: unmap IST stack guards */

/* arch/x86_64/backtrace.c: frame-pointer backtraces in fatal reports.
 * Addresses go to the console and, as "UKBT <n> <p|r> <addr>" lines, to the
 * debug console, where ukrun names them (file:line) from app.img.debug.
 * pc != 0 is printed first as frame #0; fp is that frame's rbp. */
void backtrace_print(uint64_t pc, uint64_t fp);
void backtrace_print_here(void); /* from the caller's frame up */

/* arch/x86_64/ubsan_trap.c: the check a -fsanitize-trap=undefined trap
 * (ud1) at rip stands for, or NULL if it is none */
const char *ubsan_trap_check(uint64_t rip);

/* arch/x86_64/paging.c: the final page tables */
#define MAP_R 1
#define MAP_W 2
#define MAP_X 4
#define MAP_DEVICE 8 /* uncached (PCD|PWT), for MMIO */
void paging_init(void);  /* identity map of all RAM; W^X image; page 0 absent */
void paging_map(uint64_t addr, uint64_t len, int prot); /* identity; 0: none */
void paging_unmap(uint64_t addr, uint64_t len);         /* guard pages */
int paging_is_guard(uint64_t addr); /* in a page paging_unmap took away */

/* mem.c: physical page allocator (identity mapped, so also virtual).
 * Kernel pages and the program's (mmap, brk) are told apart, so that a
 * munmap can only ever give back the program's own pages. Not zeroed. */
void mem_init(void);
void *mem_alloc_pages(size_t npages);       /* kernel, top-down; NULL if none */
void *mem_alloc_pages_low(size_t npages);   /* kernel, bottom-up: page tables */
void mem_free_pages(void *p, size_t npages);
void *mem_alloc_user(size_t npages);        /* program, top-down */
int mem_take_user(uint64_t base, uint64_t len);  /* 0: all were free, taken */
int mem_is_user(uint64_t base, uint64_t len);    /* all the program's? */
void mem_release_user(uint64_t base, uint64_t len); /* its pages in range */
void mem_mark_user_prot(uint64_t base, uint64_t len, int changed);
int mem_user_prot_changed(uint64_t page);   /* not default read-write? */
uint64_t mem_first_free(void);                   /* lowest free address */
uint64_t mem_total_bytes(void);
uint64_t mem_free_bytes(void);
uint64_t mem_user_bytes(void); /* the program's pages (mmap, brk) */
void mem_release_initrd(void); /* boot_info.initrd_*: taken until this */

/* arch/x86_64/tsc.c: TSC frequency; arch/x86_64/rtc.c: CMOS clock */
uint64_t tsc_calibrate_hz(void);
int64_t rtc_read_epoch(void); /* seconds since 1970, 0 if no RTC */

/* time.c: clocks (calibrated on first use, counted from time_init) */
void time_init(void);
uint64_t time_monotonic_ns(void);
uint64_t time_realtime_ns(void); /* RTC plus monotonic */
void time_set_realtime_ns(uint64_t ns);
/* sleep.c: links the scheduler; the time left if a signal came */
uint64_t time_sleep_ns(uint64_t ns);
uint64_t time_tsc_hz(void);

/* arch/x86_64/tls.c: the thread pointer (FS base) */
void arch_set_tls(uint64_t tp);
uint64_t arch_get_tls(void);

/* arch/x86_64/call_on_stack.S */
_Noreturn void call_on_stack(void *sp, void (*fn)(void *), void *arg);

/* random.c: RDRAND where present, else a TSC-seeded generator */
void random_fill(void *buf, size_t n);

/* sched.c: threads on one CPU, preempted by the timer interrupt.
 * (Interface fixed ahead of the implementation so that drivers and the
 * runtime can block on it; see the threads work in issue 4.)
 * Blocking pattern, race-free against interrupts:
 *     uint64_t f = irq_save();
 *     while (!condition)
 *         if (waitq_wait(&q, deadline) < 0) break;   // -ETIMEDOUT / -EINTR
 *     irq_restore(f);
 * waitq_wait enables interrupts while it sleeps and returns with them
 * disabled again. Wakers (threads or interrupt handlers) call
 * waitq_wake_one/all after making the condition true. */
struct thread;
struct waitq {
    struct thread *first, *last;
    int threads_only; /* no interrupt handler wakes it (deadlock detection) */
};
#define WAITQ_INIT {0, 0, 0}
#define WAITQ_INIT_THREADS_ONLY {0, 0, 1}
void sched_init(void);              /* the boot thread becomes tid 1 */
struct thread *sched_current(void);
int sched_tid(void);                /* the current thread's id */
void sched_yield_cpu(void);
/* deadline_ns: time_monotonic_ns() value; 0 means none. */
int waitq_wait(struct waitq *q, uint64_t deadline_ns); /* 0, -ETIMEDOUT, -EINTR */
void waitq_wake_one(struct waitq *q);
void waitq_wake_all(struct waitq *q);

/* arch/x86_64/irq.c: interrupt masking and device interrupt handlers.
 * Handlers run with interrupts off (on the interrupted thread's stack);
 * they must not sleep, and must acknowledge their device: inputs are
 * level-triggered, active high, with the EOI after the handler. A line
 * several devices share runs all their handlers, each checking its own. */
uint64_t irq_save(void);            /* irq_flags.c: disable, return previous */
void irq_restore(uint64_t flags);   /* irq_flags.c */
int irq_register(int gsi, void (*fn)(void *), void *arg); /* 0 or -errno */

/* runtime/start.c: build musl's initial stack and run main; never returns */
_Noreturn void runtime_start(const char *cmdline);

#endif
