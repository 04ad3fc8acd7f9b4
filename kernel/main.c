/* main.c: the boot sequence, from boot.S to the program. */
#include "kernel.h"
#include "x86.h"
#include "component.h"

UK_COMPONENT(core, "boot, paging, traps and crash reports, kernel messages", "",
             "kernel/main.c kernel/bootinfo.c kernel/printk.c "
             "kernel/random.c kernel/arch/x86_64/paging.c "
             "kernel/arch/x86_64/trap.c kernel/arch/x86_64/backtrace.c "
             "kernel/arch/x86_64/ubsan_trap.c kernel/arch/x86_64/exit.c "
             "kernel/arch/x86_64/tls.c kernel/arch/x86_64/pci_cfg.c "
             "sym:_start32 sym:reloc_* sym:start64 sym:mb_header "
             "sym:trap_* sym:boot_* kernel/*");

/*
 * Order matters: the loader's structures are copied before anything can
 * reuse their memory (mem_init), traps are set up before the first fault can
 * happen on purpose (paging), and the page tables need the page allocator.
 */
_Noreturn void kernel_main(uint32_t magic, uint32_t info_phys)
{
    boot_timing_mark("boot.S");
    bootinfo_parse(magic, info_phys);
    boot_timing_mark("bootinfo");
    console_init();
    boot_timing_mark("console");
    if (!boot_info.protocol)
        PANIC("unknown boot protocol (eax 0x%x, info at 0x%x)", magic,
              info_phys);
    trap_init();
    boot_timing_mark("trap");
    mem_init();
    boot_timing_mark("mem");
    paging_init();
    boot_timing_mark("paging");
    trap_guard_stacks();
    boot_timing_mark("guards");
    time_init();
    boot_timing_mark("time");
    uk_spec_init_kernel(); /* the components' kernel-phase inits */
    boot_timing_mark("inits");
    /* Nothing raises an interrupt until a driver or the scheduler asks
     * for one; the program then runs preemptible. */
    sti();
    runtime_start(boot_info.cmdline);
}
