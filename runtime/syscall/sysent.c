/* sysent.c: a syscall's entry: interrupts off, ukrun --strace, the handler.
 *
 * Compiled once per syscall of uk_syscalls.h: runtime/CMakeLists.txt
 * generates sysent_<name>.c, which defines SYSENT_NAME and SYSENT_NARGS and
 * includes this file. Each entry is then its own archive member, and a call
 * site in musl is a plain `call uk_sysent_<name>` (syscall_arch.h): a
 * program links the entries, handlers and tracer records of the syscalls it
 * reaches, and nothing of the others.
 */
#include <sys/syscall.h>

#include "runtime.h"
#include "debug/strace_formats.h"

#define SYSENT_CAT_(a, b) a##b
#define SYSENT_CAT(a, b) SYSENT_CAT_(a, b)
#define SYSENT_STR_(a) #a
#define SYSENT_STR(a) SYSENT_STR_(a)
/* A variant (SYSENT_VARIANT _suffix) is a second entry for one syscall, with
 * a handler of its own: uk_sysent_futex_wake (thread/sysent_futex_wake.c). */
#ifndef SYSENT_VARIANT
#define SYSENT_VARIANT
#endif
#define SYSENT_NR SYSENT_CAT(SYS_, SYSENT_NAME)
#define SYSENT_HANDLER                                                      \
    SYSENT_CAT(SYSENT_CAT(uk_sys_, SYSENT_NAME), SYSENT_VARIANT)
#define SYSENT_ENTRY                                                        \
    SYSENT_CAT(SYSENT_CAT(uk_sysent_, SYSENT_NAME), SYSENT_VARIANT)

/*
 * Handlers that only read what no interrupt changes under them run with
 * interrupts as they are: no pushfq/cli/sti on these paths (measured with
 * bench/syscall_cost.sh, getpid and clock_gettime). The clocks' one-time
 * set-up (TSC calibration, the CMOS read) turns interrupts off itself
 * (kernel/time.c).
 */
#define SYSENT_NOIRQ(X)                                                     \
    X(getpid) X(getppid) X(getuid) X(geteuid) X(getgid) X(getegid)          \
    X(gettid) X(clock_gettime) X(gettimeofday)
#define SYSENT_IS(name) SYSENT_NR == SYS_##name ||
#define SYSENT_FORMAT(name, fmt) SYSENT_NR == SYS_##name ? fmt :

/* What the tracer prints for this call, and the handler it runs. */
static const struct uk_strace_sys sysent_strace = {
    .name = SYSENT_STR(SYSENT_NAME),
    .fmt = STRACE_FORMATS(SYSENT_FORMAT) "",
    .handler = UK_STRACE_HANDLER(SYSENT_HANDLER),
    .nr = SYSENT_NR,
    .nargs = SYSENT_NARGS,
};

#define SYSENT_ARGS_0 void
#define SYSENT_ARGS_1 long a
#define SYSENT_ARGS_2 long a, long b
#define SYSENT_ARGS_3 long a, long b, long c
#define SYSENT_ARGS_4 long a, long b, long c, long d
#define SYSENT_ARGS_5 long a, long b, long c, long d, long e
#define SYSENT_ARGS_6 long a, long b, long c, long d, long e, long f

/*
 * Handlers run with interrupts off, like a kernel that is not preemptible:
 * a thread is switched only where a handler blocks (kernel/sched.c), and
 * an interrupt that arrives meanwhile is taken when they are back on. The
 * entry saves RFLAGS on the stack (which also aligns it for the call),
 * calls the handler with the caller's argument registers untouched, and
 * turns interrupts back on only if they were on (IF, bit 9). Under
 * `ukrun --strace` it goes to sysent_traced.S with the record in %r11.
 * Written in assembly so that it stays this small in every image.
 */
#if SYSENT_NOIRQ(SYSENT_IS) 0
__attribute__((naked)) long
SYSENT_ENTRY(SYSENT_CAT(SYSENT_ARGS_, SYSENT_NARGS))
{
    __asm__("cmpb $0, %c0(%%rip)\n\t"
            "jne 1f\n\t"
            "jmp %P1\n"
            "1:\tpushfq\n\t"
            "cli\n\t"
            "movl %2, %%r11d\n\t"
            "jmp %P3"
            :
            : "i"(&uk_strace_enabled), "i"(SYSENT_HANDLER),
              "i"(&sysent_strace), "i"(uk_sysent_traced));
}
#else
__attribute__((naked)) long
SYSENT_ENTRY(SYSENT_CAT(SYSENT_ARGS_, SYSENT_NARGS))
{
    __asm__("pushfq\n\t"
            "cli\n\t"
            "cmpb $0, %c0(%%rip)\n\t"
            "jne 2f\n\t"
            "call %P1\n\t"
            "testb $2, 1(%%rsp)\n\t"
            "jz 1f\n\t"
            "sti\n"
            "1:\tpopq %%rcx\n\t"
            "ret\n"
            "2:\tmovl %2, %%r11d\n\t"
            "jmp %P3"
            :
            : "i"(&uk_strace_enabled), "i"(SYSENT_HANDLER),
              "i"(&sysent_strace), "i"(uk_sysent_traced));
}
#endif
