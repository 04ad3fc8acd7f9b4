/* ubtrap.c: with -fsanitize-trap=undefined a failed check is reported as an undefined behaviour trap. */
#include <stdio.h>

static volatile int big = 2147483647;

__attribute__((noinline)) static int add_one(int n)
{
    return n + 1; /* signed overflow for INT_MAX */
}

int main(void)
{
    printf("adding\n");
    fflush(stdout);
    printf("result %d\n", add_one(big));
    return 0;
}
