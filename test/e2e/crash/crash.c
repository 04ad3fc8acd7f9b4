/* crash.c: each kind of fault ends the VM with a report and a distinct status, never a hang. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile int zero = 0;

static int recurse(int n)
{
    volatile char pad[1024];
    pad[0] = (char)n;
    return recurse(n + 1) + pad[0];
}

static void code(void)
{
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "";
    printf("crashing: %s\n", what);
    fflush(stdout);
    if (!strcmp(what, "null"))
        return *(volatile int *)(long)zero;
    if (!strcmp(what, "null8"))
        return *(volatile int *)((long)zero + 8);
    if (!strcmp(what, "trap"))
        __builtin_trap();
    if (!strcmp(what, "div0"))
        return 10 / zero;
    if (!strcmp(what, "abort"))
        abort();
    if (!strcmp(what, "wx"))
        *(volatile char *)code = 0;
    if (!strcmp(what, "stack"))
        return recurse(0);
    printf("unknown crash kind\n");
    return 1;
}
