/* hardening.c: -fstack-protector-strong and ubsan's minimal runtime report with a backtrace. */
#include <stdio.h>
#include <string.h>

static volatile int big = 2147483647;
/* 12 bytes into 8: reaches the canary but not the saved frame pointer, so
 * the backtrace still goes through main. */
static const char *volatile long_text = "eleven char";

__attribute__((noinline)) static int add_one(int n)
{
    return n + 1; /* signed overflow for INT_MAX */
}

__attribute__((noinline)) static void smash(void)
{
    char small[8];

    strcpy(small, long_text); /* overwrites the canary */
    printf("copied %s\n", small);
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "";

    printf("testing: %s\n", what);
    fflush(stdout);
    if (!strcmp(what, "overflow"))
        printf("result %d, program continues\n", add_one(big));
    if (!strcmp(what, "smash"))
        smash();
    return 0;
}
