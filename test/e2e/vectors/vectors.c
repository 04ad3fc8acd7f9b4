/* vectors.c: an interrupt or exception reaches the kernel with its vector. */
#include <stdio.h>
#include <string.h>

/*
 * `soft` raises software interrupts on vectors no device uses: the kernel
 * names each in a warning and the program goes on. The vectors sit at the
 * edges of vectors.S's groups of 16 stubs (15, 0) and at both ends of the
 * 8-bit immediates the stubs push (127 and 128 below and above 0x80).
 * `int3` is an exception without an error code: a fatal breakpoint report.
 */
int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "soft";

    if (!strcmp(what, "int3"))
        __asm__ volatile("int3");
    __asm__ volatile("int $33");
    __asm__ volatile("int $79");
    __asm__ volatile("int $80");
    __asm__ volatile("int $127");
    __asm__ volatile("int $128");
    __asm__ volatile("int $254");
    printf("SUCCESS\n");
    return 0;
}
