/* linux_init.c: /init of the Linux microVM baseline: samples/hello's job, then exit like ukcc. */
#include <stdio.h>
#include <sys/io.h>

int main(void)
{
    printf("Hello from Linux!\n");
    fflush(stdout);
    if (ioperm(0xe9, 1, 1) || ioperm(0xf4, 4, 1))
        return 1;
    for (const char *m = "UKEXIT 0\n"; *m; m++)
        outb(*m, 0xe9);
    outl(0, 0xf4);
    for (;;)
        ;
}
