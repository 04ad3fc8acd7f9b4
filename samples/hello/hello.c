/* hello.c: the first ukcc sample: formatted output, the heap, TLS, argv, exit status.
 *
 *   ukcc -o hello.img hello.c
 *   ukrun hello.img -- world 42      # prints a greeting, exits 0
 *   ukrun hello.img -- exit 3        # exits with status 3
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static _Thread_local int calls = 40;

static int count_call(void)
{
    return ++calls;
}

int main(int argc, char **argv)
{
    printf("Hello from ukcc! argc=%d\n", argc);
    for (int i = 1; i < argc; i++)
        printf("argv[%d] = %s\n", i, argv[i]);

    char *small = malloc(32);
    size_t big_size = 3u << 20;
    unsigned char *big = malloc(big_size);
    if (!small || !big) {
        fprintf(stderr, "malloc failed\n");
        return 1;
    }
    strcpy(small, "heap");
    memset(big, 0xa5, big_size);
    unsigned sum = 0;
    for (size_t i = 0; i < big_size; i += 4096)
        sum += big[i];
    printf("%s ok, %zu MiB block ok (%u)\n", small, big_size >> 20, sum);
    free(big);
    free(small);

    count_call();
    printf("tls %d, pi %f, e %.3f\n", count_call(), 3.14159265, 2.718281828);

    if (argc == 3 && strcmp(argv[1], "exit") == 0)
        return atoi(argv[2]);
    return 0;
}
