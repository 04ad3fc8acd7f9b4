/* start.c: from the kernel to main(): the initial stack musl expects.
 *
 * musl's __libc_start_main wants argv followed by envp and the auxiliary
 * vector, exactly as Linux lays them out on a new process's stack. It finds
 * the TLS template (PT_TLS) through AT_PHDR, so the ELF header and program
 * headers are part of the loaded image (FILEHDR PHDRS in image.ld). */
#include <elf.h>
#include <string.h>

#include "runtime.h"
#include "component.h"

UK_COMPONENT(runtime, "process start, fd table, read and write, identity",
             "core",
             "runtime/start.c runtime/cmdline.c runtime/fd.c "
             "runtime/file_new.c runtime/syscall/* runtime/io/* "
             "runtime/process/* runtime/net/nic_option.c runtime/*");
UK_COMPONENT(libc, "musl: the parts of libc.a the program reaches",
             "runtime",
             "*/musl-*/src/* sym:mem* sym:str* sym:*setjmp sym:*longjmp "
             "sym:__clone sym:__syscall_cp_asm sym:__set_thread_area "
             "sym:__restore* sym:__unmapself sym:__tls_get_addr "
             "sym:sqrt* sym:fabs* sym:lrint* sym:rint* sym:__cp_*");

#define STACK_MAX (8UL << 20)
#define STACK_MIN (64UL << 10)

int main();
int __libc_start_main(int (*)(), int, char **, void (*)(void),
                      void (*)(void), void (*)(void));

static struct cmdline cmdline;
static unsigned char at_random[16];
/* argc, argv, NULL, envp, NULL, auxv pairs, AT_NULL */
static long start_vector[2 + 2 * CMDLINE_MAX_WORDS + 2 * 20 + 4];

static long *aux_put(long *v, long key, long val)
{
    v[0] = key;
    v[1] = val;
    return v + 2;
}

static void start_build_vector(void)
{
    const Elf64_Ehdr *eh = (const Elf64_Ehdr *)__image_start;
    long *v = start_vector;

    *v++ = cmdline.argc;
    for (int i = 0; i < cmdline.argc; i++)
        *v++ = (long)cmdline.argv[i];
    *v++ = 0;
    for (int i = 0; i < cmdline.envc; i++)
        *v++ = (long)cmdline.envp[i];
    *v++ = 0;

    random_fill(at_random, sizeof at_random);
    v = aux_put(v, AT_PHDR, (long)(__image_start + eh->e_phoff));
    v = aux_put(v, AT_PHENT, eh->e_phentsize);
    v = aux_put(v, AT_PHNUM, eh->e_phnum);
    v = aux_put(v, AT_PAGESZ, PAGE_SIZE);
    v = aux_put(v, AT_ENTRY, (long)eh->e_entry);
    v = aux_put(v, AT_RANDOM, (long)at_random);
    v = aux_put(v, AT_CLKTCK, 100);
    v = aux_put(v, AT_EXECFN, (long)cmdline.argv[0]);
    v = aux_put(v, AT_SECURE, 0);
    aux_put(v, AT_NULL, 0);
}

/* musl's init is done: the program begins (kernel option boot.timing). */
static int start_call_main(int argc, char **argv, char **envp)
{
    int (*program_main)(int, char **, char **) = (int (*)())main;

    boot_timing_mark_main();
    return program_main(argc, argv, envp);
}

static _Noreturn void start_main(void *unused)
{
    long *v = start_vector;

    boot_timing_mark("stack");
    __libc_start_main(start_call_main, (int)v[0], (char **)(v + 1), 0, 0, 0);
    PANIC("__libc_start_main returned");
}

/* The main thread's stack: 8 MiB as on Linux, less in a small guest, with
 * an unmapped guard page below it so that an overflow faults loudly. */
static void *start_alloc_stack(void)
{
    uint64_t size = mem_total_bytes() / 8;
    size = size > STACK_MAX ? STACK_MAX : size < STACK_MIN ? STACK_MIN : size;
    size = PAGE_ROUND_DOWN(size);
    char *base = mem_alloc_pages(size / PAGE_SIZE + 1);
    if (!base)
        PANIC("no memory for the main stack (%lu bytes)",
              (unsigned long)size);
    paging_unmap((uint64_t)base, PAGE_SIZE);
    return base + PAGE_SIZE + size;
}

const struct cmdline *runtime_cmdline(void)
{
    return &cmdline;
}

_Noreturn void runtime_start(const char *text)
{
    static char *default_argv0 = "app";

    if (boot_info.cmdline_cut) {
        kprintf("ukcc: error: kernel command line longer than the limit of "
                "%d bytes: not starting with cut arguments\n",
                BOOT_CMDLINE_MAX - 1);
        kernel_exit(EXIT_PANIC);
    }
    if (cmdline_parse(text, &cmdline) < 0)
        kernel_exit(EXIT_PANIC); /* reported */
    if (cmdline.argc == 0)
        cmdline.argv[cmdline.argc++] = default_argv0;
    boot_timing_mark("cmdline");
    brk_init();
    start_build_vector();
    boot_timing_mark("auxv");
    call_on_stack(start_alloc_stack(), start_main, NULL);
}
