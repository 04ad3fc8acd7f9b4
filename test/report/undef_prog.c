/* undef_prog.c: calls foo() and reads bar_count, which nothing defines. */
#include <stdio.h>

int foo(int);
extern int bar_count;

static int start_server(int n)
{
    printf("starting %d\n", n);
    return foo(n) + bar_count;
}

int main(int argc, char **argv)
{
    (void)argv;
    return start_server(argc);
}
