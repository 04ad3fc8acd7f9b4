/* debug.c: crash reports name the faulting function and line, with a backtrace through main. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static volatile long zero = 0;
static unsigned char fake_chunk[64] __attribute__((aligned(16)));

__attribute__((noinline)) static int crash_null(void)
{
    return *(volatile int *)zero; /* NULL dereference */
}

__attribute__((noinline)) static long crash_gp(void)
{
    return *(volatile long *)(0x8000000000000000UL + zero);
}

__attribute__((noinline)) static long crash_div(long n)
{
    return n / zero; /* divide error */
}

__attribute__((noinline)) static void crash_ud(void)
{
    __builtin_trap(); /* invalid opcode */
}

__attribute__((noinline)) static int recurse(int n)
{
    volatile char pad[512];

    pad[0] = (char)n;
    return recurse(n + 1) + pad[0]; /* runs into the guard page */
}

__attribute__((noinline)) static void check_count(int count)
{
    assert(count == 1); /* argc is 2 */
}

__attribute__((noinline)) static void heap_corrupt(unsigned char *fake)
{
    memset(fake, 0xff, 64); /* a chunk header malloc never wrote */
    free(fake + 32);        /* musl's checks end in a_crash() */
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "";

    printf("crashing: %s\n", what);
    fflush(stdout);
    if (!strcmp(what, "null"))
        return crash_null();
    if (!strcmp(what, "gp"))
        return (int)crash_gp();
    if (!strcmp(what, "div0"))
        return (int)crash_div(10);
    if (!strcmp(what, "ud"))
        crash_ud();
    if (!strcmp(what, "stack"))
        return recurse(0);
    if (!strcmp(what, "assert"))
        check_count(argc);
    if (!strcmp(what, "abort"))
        abort();
    if (!strcmp(what, "heap"))
        heap_corrupt(fake_chunk);
    printf("no crash\n");
    fflush(stdout);
    /* A number unknown at compile time: the out-of-line dispatcher. */
    return (int)syscall(SYS_getppid + zero) + 3;
}
