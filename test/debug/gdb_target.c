/* gdb_target.c: the program the scripted gdb session stops in. */
#include <stdio.h>

__attribute__((noinline)) static int compute(int x)
{
    volatile int square = x * x;

    square += 0;
    return square;
}

int main(int argc, char **argv)
{
    int r = compute(argc + 6);

    printf("square %d\n", r);
    return r == 49 ? 7 : 1;
}
