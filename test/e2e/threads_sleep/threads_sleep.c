/* threads_sleep.c: nanosleep blocks only its thread; another computes. */
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static volatile int sleeping, done;
static volatile unsigned long during_sleep;

static void *compute(void *arg)
{
    unsigned long x = 1;

    while (!done) {
        x = x * 6364136223846793005UL + 1442695040888963407UL;
        if (sleeping)
            during_sleep++;
    }
    return (void *)(x | 1);
}

static long now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int main(void)
{
    struct timespec ts = {0, 100 * 1000 * 1000};
    pthread_t t;
    long start, took;
    void *r;

    pthread_create(&t, NULL, compute, NULL);
    sleeping = 1;
    start = now_ms();
    nanosleep(&ts, NULL);
    took = now_ms() - start;
    sleeping = 0;
    done = 1;
    pthread_join(t, &r);
    printf("slept 100 ms: %s\n", took >= 100 && took < 1000 ? "yes" : "no");
    printf("computed while main slept: %s\n", during_sleep > 0 ? "yes" : "no");
    printf("result odd: %s\n", (long)r & 1 ? "yes" : "no");
    return 0;
}
