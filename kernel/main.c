/* main.c: the boot sequence, from boot.S to the program. */
#include "kernel.h"
#include "x86.h"

/*
 * Order matters: the loader's structures are copied before anything can
 * reuse their memory (mem_init), traps are set up before the first fault can
 * happen on purpose (paging), and the page tables need the page allocator.
 */
_Noreturn void kernel_main(uint32_t magic, uint32_t info_phys)
{
    bootinfo_parse(magic, info_phys);
    console_init();
    if (!boot_info.protocol)
        PANIC("unknown boot protocol (eax 0x%x, info at 0x%x)", magic,
              info_phys);
    trap_init();
    mem_init();
    paging_init();
    trap_guard_stacks();
    time_init();
    /* Nothing raises an interrupt until a driver or the scheduler asks
     * for one; the program then runs preemptible. */
    sti();
    runtime_start(boot_info.cmdline);
}
