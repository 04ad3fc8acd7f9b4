/* args.c: argv and the environment arrive intact through the kernel command line. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    printf("argc=%d argv0=%s\n", argc, argv[0]);
    for (int i = 1; i < argc; i++)
        printf("[%s]\n", argv[i]);
    const char *g = getenv("GREETING"), *e = getenv("EMPTY");
    printf("GREETING=%s\n", g ? g : "(unset)");
    printf("EMPTY=%s\n", e ? (*e ? e : "(empty)") : "(unset)");
    return argc - 1;
}
