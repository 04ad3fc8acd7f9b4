/* main.c: cmake-hello: greets its arguments, prints their mean and stddev. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "greet.h"

int main(int argc, char **argv)
{
    double v[16];
    size_t n = 0;
    char buf[64];
    struct timespec ts;

    for (int i = 1; i < argc; i++) {
        greet_format(buf, sizeof(buf), argv[i]);
        puts(buf);
        if (n < 16)
            v[n++] = atof(argv[i]);
    }
    printf("mean %.3f stddev %.3f\n", stats_mean(v, n), stats_stddev(v, n));
#if HAVE_CLOCK_GETTIME
    if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
        return 2;
#endif
    return argc > 1 ? 0 : 1;
}
