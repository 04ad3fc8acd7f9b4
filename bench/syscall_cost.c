/* syscall_cost.c: cycles per getpid() and clock_gettime() (ukcc or Linux). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#ifdef LINUX_INIT
#include <sys/io.h>
#endif

static inline unsigned long long tsc(void)
{
    unsigned lo, hi;

    __asm__ volatile("lfence; rdtsc; lfence" : "=a"(lo), "=d"(hi)::"memory");
    return (unsigned long long)hi << 32 | lo;
}

/*
 * What is measured: the whole call as the program sees it, TSC ticks per
 * call over `n` calls, the loop included (one compare and branch). The
 * result goes through an empty asm with a memory clobber every time, so
 * the compiler must make each call and cannot hoist or fold the loop: in
 * ukcc the call is musl's wrapper plus the direct call into the runtime
 * (interrupts masked around it), in Linux the syscall instruction (getpid)
 * or the vDSO (clock_gettime). The best of several rounds is kept.
 */
#define ROUNDS 5
#ifndef SYSCALL_COST_N /* calls a round; Linux's /init gets no arguments */
#define SYSCALL_COST_N 100000
#endif

static double per_call_getpid(long n)
{
    double best = 1e30;

    for (int r = 0; r < ROUNDS; r++) {
        unsigned long long t0 = tsc();
        for (long i = 0; i < n; i++) {
            pid_t p = getpid();
            __asm__ volatile("" : : "r"(p) : "memory");
        }
        double c = (double)(tsc() - t0) / (double)n;
        best = c < best ? c : best;
    }
    return best;
}

static double per_call_clock(long n)
{
    double best = 1e30;
    struct timespec ts;

    for (int r = 0; r < ROUNDS; r++) {
        unsigned long long t0 = tsc();
        for (long i = 0; i < n; i++) {
            clock_gettime(CLOCK_MONOTONIC, &ts);
            __asm__ volatile("" : : "r"(&ts) : "memory");
        }
        double c = (double)(tsc() - t0) / (double)n;
        best = c < best ? c : best;
    }
    return best;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : SYSCALL_COST_N;

    if (n <= 0)
        n = SYSCALL_COST_N;
    printf("syscall_cost: getpid %.1f cycles/call\n", per_call_getpid(n));
    printf("syscall_cost: clock_gettime %.1f cycles/call\n",
           per_call_clock(n));
    fflush(stdout);
#ifdef LINUX_INIT
    /* Exit the VM the way ukcc's kernel does (see bench/linux_init.c). */
    if (ioperm(0xe9, 1, 1) || ioperm(0xf4, 4, 1))
        return 1;
    for (const char *m = "UKEXIT 0\n"; *m; m++)
        outb(*m, 0xe9);
    outl(0, 0xf4);
    for (;;)
        ;
#endif
    return 0;
}
